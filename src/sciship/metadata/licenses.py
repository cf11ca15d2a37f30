"""Licenses: SPDX ids, the texts sciship bundles, the classifier mapping, and telling a license by its text.

The data lives in ``templates/licenses/``: ``licenses.json`` (SPDX id -> name, classifier, fingerprint),
``osi.json`` (OSI-approved ids), ``classifier_to_spdx.json`` (a classifier that names exactly one SPDX id)
and ``spdx_ids.json`` (every SPDX license id). Checks, ``new``, ``adopt`` and ``share`` all read it here.
"""

from __future__ import annotations

import difflib
import json
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sciship._errors import InputError
from sciship._regex import compile_later

if TYPE_CHECKING:
    from collections.abc import Sequence

    from sciship.project import Project

LICENSES_DIR = Path(__file__).resolve().parent.parent / "templates" / "licenses"
#: File names (without extension, upper case) that hold a license at the top of a project.
LICENSE_STEMS = ("LICENSE", "LICENCE", "COPYING")
#: The OSI licenses pyOpenSci lists, in the order sciship offers them (their full texts are bundled).
LICENSES: tuple[str, ...] = (
    "MIT",
    "BSD-3-Clause",
    "Apache-2.0",
    "GPL-3.0-or-later",
    "GPL-3.0-only",
    "MPL-2.0",
    "EUPL-1.2",
)
DEFAULT_LICENSE = "MIT"
OPERATORS = frozenset({"AND", "OR", "WITH"})


@cache
def _json(name: str) -> Any:
    return json.loads((LICENSES_DIR / name).read_text(encoding="utf-8"))


def known_licenses() -> dict[str, dict[str, Any]]:
    """``licenses.json``: SPDX id -> name, classifier, fingerprint."""
    return _json("licenses.json")  # type: ignore[no-any-return]


def osi_approved() -> frozenset[str]:
    """``osi.json``: the SPDX ids of the OSI-approved licenses."""
    return frozenset(_json("osi.json"))


def classifier_to_spdx() -> dict[str, str]:
    """``classifier_to_spdx.json``: a ``License ::`` classifier -> the one SPDX id it names."""
    return _json("classifier_to_spdx.json")  # type: ignore[no-any-return]


def spdx_ids() -> list[str]:
    """Every SPDX license id."""
    return _json("spdx_ids.json")  # type: ignore[no-any-return]


def collapse(text: str) -> str:
    """``text`` in lower case with every run of whitespace made one space, to compare license texts."""
    return " ".join(text.split()).lower()


def identify(text: str) -> list[str]:
    """The ids in ``licenses.json`` whose fingerprint is in ``text`` (ignoring whitespace and case)."""
    flat = collapse(text)
    return [spdx for spdx, info in known_licenses().items() if collapse(info["fingerprint"]) in flat]


def license_ids(expression: str) -> list[str]:
    """The license ids in an SPDX expression (operators, brackets and exceptions left out)."""
    tokens = expression.replace("(", " ").replace(")", " ").split()
    out: list[str] = []
    skip_next = False
    for tok in tokens:
        if skip_next:
            skip_next = False
            continue
        if tok.upper() == "WITH":
            skip_next = True
            continue
        if tok.upper() not in OPERATORS:
            out.append(tok.rstrip("+"))
    return out


def license_files(project: Project) -> list[str]:
    """License files at the top of the project: LICENSE, LICENCE, COPYING, with or without extension."""
    out = []
    for f in project.files:
        if "/" in f:
            continue
        stem = f.split(".", 1)[0].upper()
        if stem in LICENSE_STEMS or any(stem.startswith(s + "-") for s in LICENSE_STEMS):
            out.append(f)
    return out


def canonical(expr: str) -> str | None:
    """The canonical form of a valid SPDX expression, else None."""
    try:
        from packaging.licenses import InvalidLicenseExpression, canonicalize_license_expression
    except ImportError:  # pragma: no cover - packaging < 24.2
        return expr
    try:
        return str(canonicalize_license_expression(expr))
    except InvalidLicenseExpression:
        return None


def normalize_license(spdx: str) -> str:
    """The bundled SPDX id ``spdx`` names (case-insensitive), or a clear :class:`InputError`."""
    wanted = spdx.strip()
    for known in LICENSES:
        if known.lower() == wanted.lower():
            return known
    family = wanted.split("-")[0].lower()
    close = [k for k in LICENSES if k.lower().split("-")[0] == family] or difflib.get_close_matches(
        wanted, LICENSES, n=1, cutoff=0.5
    )
    hint = f"Did you mean {' or '.join(f'`{c}`' for c in close)}? " if close else ""
    valid = next((i for i in spdx_ids() if i.lower() == wanted.lower()), None)
    aside = " (a valid SPDX license, but not one whose full text sciship bundles)" if valid else ""
    raise InputError(
        f"sciship does not know the license `{spdx}`{aside}. It bundles the full text of these "
        f"open-source licenses: {', '.join(LICENSES)}.",
        hint=hint + "Pick one of them: MIT is short, permissive and the usual choice for research code; "
        "the GPL licenses require that changed versions stay open too.",
    )


def license_text(spdx: str, year: int, holder: str) -> str:
    """The full text of license ``spdx`` (bundled or not) with the year and copyright holder filled in.

    The texts hold exactly two placeholders, ``{{ year }}`` and ``{{ holder }}``: filled by plain
    replacement (loading Jinja for them costs more than the rest of ``sciship share --dry-run``)."""
    path = LICENSES_DIR / f"{spdx}.txt"
    if not path.is_file():
        path = LICENSES_DIR / f"{normalize_license(spdx)}.txt"
    text = path.read_text(encoding="utf-8")
    return text.replace("{{ year }}", str(year)).replace("{{ holder }}", holder)


# ---------------------------------------------------------------------- ambiguous classifiers, modified texts
#: Classifiers that name a family of licenses, not one: the SPDX ids each could mean. sciship never picks
#: one of these for the author; it reads the evidence (source headers, the license text) or asks.
AMBIGUOUS_CLASSIFIERS: dict[str, tuple[str, ...]] = {
    "License :: OSI Approved :: GNU General Public License v2 (GPLv2)": ("GPL-2.0-only", "GPL-2.0-or-later"),
    "License :: OSI Approved :: GNU General Public License v3 (GPLv3)": ("GPL-3.0-only", "GPL-3.0-or-later"),
    "License :: OSI Approved :: GNU Lesser General Public License v2 (LGPLv2)": (
        "LGPL-2.0-only",
        "LGPL-2.1-only",
        "LGPL-2.0-or-later",
        "LGPL-2.1-or-later",
    ),
    "License :: OSI Approved :: GNU Lesser General Public License v3 (LGPLv3)": (
        "LGPL-3.0-only",
        "LGPL-3.0-or-later",
    ),
    "License :: OSI Approved :: GNU Affero General Public License v3": ("AGPL-3.0-only", "AGPL-3.0-or-later"),
    "License :: OSI Approved :: GNU General Public License (GPL)": ("GPL-2.0-only", "GPL-3.0-only"),
    "License :: OSI Approved :: Apache Software License": ("Apache-2.0", "Apache-1.1"),
    "License :: OSI Approved :: BSD License": ("BSD-3-Clause", "BSD-2-Clause", "BSD-4-Clause"),
}
_LATER = "any later version"


def classifier_license(
    classifier: str, *, texts: tuple[str, ...] = (), headers: tuple[str, ...] = ()
) -> str | None:
    """The one SPDX id ``classifier`` means, using evidence for the ambiguous ones; None when unsure.

    ``texts`` are the project's license files (they decide Apache and BSD variants); ``headers`` are the
    first lines of its source files (a GNU header says "or (at your option) any later version", or not).
    """
    exact = classifier_to_spdx().get(classifier)
    if exact is not None:
        return exact
    options = AMBIGUOUS_CLASSIFIERS.get(classifier)
    if not options:
        return None
    if options[0].startswith(("GPL", "LGPL", "AGPL")):
        family = options[0].split("-")[0]
        return gnu_variant(family, options, headers)
    matched = {m.spdx for t in texts if (m := match_text(t)) is not None and not m.modified}
    found = [o for o in options if o in matched]
    return found[0] if len(found) == 1 else None


def notices(project: Project, files: Sequence[str]) -> tuple[str, ...]:
    """The comment block at the top of each of ``files`` (at most 30), as one line of words: where a GNU
    license notice says "or (at your option) any later version", or a license's text is repeated."""
    out = []
    for rel in files[:30]:
        lines = (project.read_text(rel) or "").splitlines()[:40]
        out.append(" ".join(line.lstrip("#* ").strip() for line in lines))
    return tuple(out)


def gnu_notice(notice: str) -> str | None:
    """The SPDX id a GNU license's short notice states ("... under the terms of the GNU General Public
    License as published by the Free Software Foundation, either version 2 of the License, or (at your
    option) any later version"): ``GPL-2.0-or-later``; None for any other text."""
    flat = " ".join(notice.lower().split())
    found = _GNU_NOTICE.search(flat)
    if found is None:
        return None
    family = {"lesser": "LGPL", "library": "LGPL", "affero": "AGPL"}.get(found.group(1) or "", "GPL")
    version = found.group(2)
    version = version if "." in version else version + ".0"
    return f"{family}-{version}-{'or-later' if _LATER in flat else 'only'}"


#: "the GNU [Lesser|Affero] General Public License ..., either version N of the License"
_GNU_NOTICE = compile_later(
    r"gnu (?:(lesser|library|affero) )?general public license\b[^.]{0,200}?\bversion (\d(?:\.\d)?)\b"
)


def gnu_variant(family: str, options: tuple[str, ...], headers: tuple[str, ...]) -> str | None:
    """``-only`` or ``-or-later`` for a GNU license, as the source headers state it; None without headers."""
    name = {
        "GPL": "general public license",
        "LGPL": "lesser general public license",
        "AGPL": "affero general public license",
    }[family]
    stating = [" ".join(h.lower().split()) for h in headers]
    stating = [h for h in stating if name in h and ("version" in h)]
    if not stating:
        return None
    later = [o for o in options if o.endswith("-or-later")]
    only = [o for o in options if o.endswith("-only")]
    if all(_LATER in h for h in stating) and len(later) == 1:
        return later[0]
    if not any(_LATER in h for h in stating) and len(only) == 1:
        return only[0]
    return None


class TextMatch:
    """A license file recognised as a known license; ``modified`` when it adds words to the standard text."""

    __slots__ = ("added", "modified", "spdx")

    def __init__(self, spdx: str, *, modified: bool = False, added: str = "") -> None:
        self.spdx = spdx
        self.modified = modified
        self.added = added  #: the first words the text adds to the standard one


#: licenses short enough that an added sentence changes their terms (checked word by word)
_COMPARED = ("MIT", "BSD-3-Clause")
_KEPT = 0.9  #: share of the standard text's words a real copy keeps
_ADDED_RUN = 8  #: this many added words in a row inside the license text make it a different license


def match_text(text: str) -> TextMatch | None:
    """The license ``text`` is, when exactly one known license matches; modified texts are flagged."""
    found = identify(text)
    if len(found) != 1:
        return None
    spdx = found[0]
    if spdx not in _COMPARED:
        return TextMatch(spdx)
    added = _additions(text, (LICENSES_DIR / f"{spdx}.txt").read_text(encoding="utf-8"))
    return TextMatch(spdx, modified=bool(added), added=added)


def _words(text: str) -> list[str]:
    import re

    kept = [
        line
        for line in text.splitlines()
        if not line.strip().lower().startswith(("copyright", "(c)", "©"))
        and "{{" not in line
        and line.strip().lower().rstrip(".") != "all rights reserved"
    ]
    return re.findall(r"[a-z0-9]+", " ".join(kept).lower())


def _additions(text: str, template: str) -> str:
    """Words ``text`` adds inside the span of the standard ``template`` (a changed condition), or ""."""
    ours, theirs = _words(text), _words(template)
    matcher = difflib.SequenceMatcher(a=theirs, b=ours, autojunk=False)
    blocks = [b for b in matcher.get_matching_blocks() if b.size >= _ADDED_RUN]  # the license body
    if not blocks:
        return ""
    if sum(b.size for b in matcher.get_matching_blocks()) < _KEPT * len(theirs):
        # part of the standard text is gone (a condition or the disclaimer rewritten): show what replaced it
        for tag, _i1, _i2, j1, j2 in matcher.get_opcodes():
            if tag in ("insert", "replace") and j2 - j1 >= _ADDED_RUN:
                return " ".join(ours[j1:j2][:16])
        return "(parts of the standard text are missing)"
    start, end = blocks[0].b, blocks[-1].b + blocks[-1].size
    for tag, _i1, _i2, j1, j2 in matcher.get_opcodes():
        if tag in ("insert", "replace") and j1 >= start and j2 <= end and j2 - j1 >= _ADDED_RUN:
            run, before = ours[j1:j2], ours[max(0, j1 - 4) : j1]
            if "neither" in before or (run[0] == "neither" and "nor" in run and j2 - j1 <= 24):
                continue  # BSD's third clause names the copyright holder: not a change of terms
            return " ".join(ours[j1:j2][:16])
    return ""
