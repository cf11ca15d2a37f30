"""``sciship explain TOPIC|CODE``: short pages on the ideas behind packaging."""

from __future__ import annotations

import argparse
import difflib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sciship.ui import UI


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    """Add ``sciship explain`` and its options to the command-line parser."""
    p = sub.add_parser(
        "explain",
        parents=[common],
        help="short pages on packaging ideas, or what a check code means",
        description="Explain a packaging idea (`sciship explain licenses`) or a check "
        "(`sciship explain PKG101`). `sciship explain topics` lists the topics.",
    )
    p.add_argument("topic", nargs="?", default="topics", help="a topic or a check code")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace, ui: UI) -> int:
    """Print the list of topics, a check's why and fix, or a topic's page.

    Returns 0; an unknown name raises :class:`InputError` that suggests close matches.
    """
    from sciship import explain
    from sciship._errors import InputError
    from sciship.checks import all_checks, get_check

    st = ui.style
    topic = args.topic.strip()
    known = explain.topics()
    if topic.lower() in {"topics", "list", "help"}:
        ui.write(st("Topics (sciship explain TOPIC):", "bold"))
        for name, heading in known.items():
            ui.write(f"  {name:<16} {heading}")
        ui.write("\nA check code works too, for example `sciship explain PKG101`.")
        return 0
    chk = get_check(topic)
    if chk is not None:
        ui.write(st(f"{chk.code}  {chk.title}", "bold") + st(f"  ({chk.severity}, {chk.family})", "dim"))
        ui.write("")
        ui.write(st.wrap(chk.why, first=st("Why it matters: ", "bold"), indent="  "))
        ui.write(st.wrap(chk.fix, first=st("How to fix: ", "bold"), indent="  "))
        if chk.fixer is not None:
            ui.write("  `sciship check --fix` can do this for you.")
        if chk.topic and (text := explain.page(chk.topic)):
            ui.write("")
            ui.write(text)
        return 0
    text = explain.page(topic)
    if text is None:
        names = list(known) + [c.code for c in all_checks()]
        close = difflib.get_close_matches(topic.lower(), names, n=3) or difflib.get_close_matches(
            topic.upper(), names, n=3
        )
        hint = f"Did you mean {', '.join(f'`{c}`' for c in close)}? " if close else ""
        raise InputError(
            f"There is no page called `{topic}`.",
            hint=hint + "Run `sciship explain topics` to see them all.",
        )
    ui.write(text)
    return 0
