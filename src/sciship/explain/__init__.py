"""Short concept pages (Markdown) behind ``sciship explain TOPIC``."""

from __future__ import annotations

from importlib import resources


def topics() -> dict[str, str]:
    """Topic name -> its first heading."""
    out: dict[str, str] = {}
    for entry in sorted(resources.files(__name__).iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".md"):
            first = entry.read_text(encoding="utf-8").splitlines()[0].lstrip("# ").strip()
            out[entry.name[:-3]] = first
    return out


def page(topic: str) -> str | None:
    """The Markdown of the concept page for ``topic`` (any case), or None."""
    entry = resources.files(__name__) / f"{topic.lower()}.md"
    if not entry.is_file():
        return None
    return entry.read_text(encoding="utf-8")
