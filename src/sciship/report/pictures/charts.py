"""Small inline SVG charts for HTML reports: no plotting library, no script, readable without colour.

- :func:`stacked_bar`: one bar split into parts (the review checklist: met / not met / for a person).
- :func:`bar_chart`: sorted horizontal bars with their value written out (pass rate per check).
- :func:`cell_strip`: one row of cells per item, a symbol in each cell (per repository, one cell per check).
- :func:`stage_bar`: days spent in each stage of a process against the time each stage should take.

Each part carries a *status* that decides its fill pattern and symbol as well as its colour, so the
chart reads in grey and for colour-blind readers; every chart has a ``<title>`` and ``<desc>``.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass

#: status -> (symbol, CSS class). The symbols repeat what the colour says.
STATUS: dict[str, tuple[str, str]] = {
    "passed": ("✓", "ok"),
    "met": ("✓", "ok"),
    "failed": ("✗", "bad"),
    "not met": ("✗", "bad"),
    "skipped": ("\u2013", "skip"),
    "for a person": ("?", "person"),
    "error": ("!", "err"),
    "overdue": ("!", "bad"),
    "on time": ("", "ok"),
    "current": ("", "person"),
}
_STYLE = """
.c-text{font:12px system-ui,-apple-system,'Segoe UI',sans-serif;fill:#1b1f24}
.c-ok{fill:#1a7f37}.c-bad{fill:#cf222e}.c-skip{fill:#afb8c1}.c-person{fill:#9a6700}.c-err{fill:#8250df}
.c-track{fill:#eaeef2}.c-sym{font:bold 11px system-ui,sans-serif;fill:#ffffff}
.c-limit{stroke:#1b1f24;stroke-dasharray:3 2}
@media (prefers-color-scheme: dark){.c-text{fill:#e6edf3}.c-track{fill:#21262d}
.c-ok{fill:#2ea043}.c-bad{fill:#f85149}.c-skip{fill:#484f58}.c-person{fill:#d29922}.c-limit{stroke:#e6edf3}}
"""
_PATTERNS = (
    '<pattern id="hatch-bad-{uid}" width="6" height="6" patternUnits="userSpaceOnUse" '
    'patternTransform="rotate(45)">'
    '<rect class="c-bad" width="6" height="6"/><line x1="0" y1="0" x2="0" y2="6" stroke="#ffffff" '
    'stroke-width="2" stroke-opacity="0.45"/></pattern>'
    '<pattern id="dots-person-{uid}" width="6" height="6" patternUnits="userSpaceOnUse">'
    '<rect class="c-person" width="6" height="6"/><circle cx="3" cy="3" r="1.2" fill="#ffffff" '
    'fill-opacity="0.5"/></pattern>'
)
_FILL = {"bad": 'fill="url(#hatch-bad-{uid})"', "person": 'fill="url(#dots-person-{uid})"'}
_CHAR_W = 7.0


def _esc(text: object) -> str:
    return html.escape(str(text), quote=True)


def _uid(title: str) -> str:
    """A short id from the title: two charts on one page never share pattern ids, and output is stable."""
    import hashlib

    return hashlib.sha1(title.encode("utf-8"), usedforsecurity=False).hexdigest()[:8]


def _fill(css: str, uid: str) -> str:
    return _FILL[css].format(uid=uid) if css in _FILL else f'class="c-{css}"'


def _open(width: float, height: float, title: str, desc: str) -> str:
    uid = _uid(title)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width:.0f} {height:.0f}" width="{width:.0f}" '
        f'height="{height:.0f}" role="img"><title>{_esc(title)}</title><desc>{_esc(desc)}</desc>'
        f"<style>{_STYLE}</style><defs>{_PATTERNS.format(uid=uid)}</defs>"
    )


@dataclass(frozen=True)
class Part:
    label: str
    count: float
    status: str  #: a key of :data:`STATUS`


def stacked_bar(parts: Sequence[Part], *, title: str, width: float = 560) -> str:
    """One bar split into ``parts`` with a legend that gives each part's count in words."""
    total = sum(p.count for p in parts) or 1
    x = 0.0
    bar: list[str] = []
    for p in parts:
        w = width * p.count / total
        symbol, css = STATUS.get(p.status, ("", "skip"))
        if w > 0:
            bar.append(
                f'<rect x="{x:.1f}" y="0" width="{w:.1f}" height="22" {_fill(css, _uid(title))}><title>'
                f"{_esc(p.label)}: {p.count:g}</title></rect>"
            )
            if w > 16 and symbol:
                bar.append(f'<text class="c-sym" x="{x + 6:.1f}" y="15">{symbol}</text>')
        x += w
    legend = "   ".join(f"{STATUS.get(p.status, ('', ''))[0]} {p.label}: {p.count:g}" for p in parts)
    desc = f"{title}. " + "; ".join(f"{p.label}: {p.count:g} of {total:g}" for p in parts)
    return (
        _open(width, 44, title, desc)
        + "".join(bar)
        + f'<text class="c-text" x="0" y="38">{_esc(legend)}</text></svg>'
    )


@dataclass(frozen=True)
class Bar:
    label: str
    value: float  #: 0..1
    note: str = ""  #: written after the value, e.g. "12 of 15"
    status: str = "passed"


def bar_chart(bars: Sequence[Bar], *, title: str, width: float = 640, sort: bool = True) -> str:
    """Horizontal bars, lowest value first when ``sort`` (what needs attention on top), values written out."""
    rows = sorted(bars, key=lambda b: (b.value, b.label)) if sort else list(bars)
    label_w = min(260.0, max((len(b.label) for b in rows), default=4) * _CHAR_W + 8)
    track = width - label_w - 150
    h = 20
    out = [
        _open(width, h * len(rows) + 8, title, f"{title}: {len(rows)} bars, values written after each bar.")
    ]
    for i, b in enumerate(rows):
        y = i * h + 4
        _sym, css = STATUS.get(b.status, ("", "ok"))
        out.append(
            f'<text class="c-text" x="{label_w - 6:.1f}" y="{y + 12}" text-anchor="end">'
            f"{_esc(b.label)}</text>"
        )
        out.append(f'<rect class="c-track" x="{label_w:.1f}" y="{y + 2}" width="{track:.1f}" height="12"/>')
        out.append(
            f'<rect x="{label_w:.1f}" y="{y + 2}" width="{track * max(0.0, min(1.0, b.value)):.1f}" '
            f'height="12" {_fill(css, _uid(title))}/>'
        )
        note = f" ({b.note})" if b.note else ""
        out.append(
            f'<text class="c-text" x="{label_w + track + 6:.1f}" y="{y + 12}">'
            f"{b.value * 100:.0f}%{_esc(note)}</text>"
        )
    out.append("</svg>")
    return "".join(out)


def cell_strip(rows: Sequence[tuple[str, Sequence[tuple[str, str]]]], *, title: str, cell: float = 14) -> str:
    """One row per item (``(label, [(column, status), ...])``): a cell per column with its symbol."""
    label_w = min(260.0, max((len(label) for label, _ in rows), default=4) * _CHAR_W + 8)
    n = max((len(cells) for _, cells in rows), default=0)
    width = label_w + n * (cell + 2) + 4
    h = cell + 4
    out = [
        _open(
            width,
            h * len(rows) + 4,
            title,
            f"{title}: one row per item, one cell per check; \u2713 passed, \u2717 failed, \u2013 skipped.",
        )
    ]
    for i, (label, cells) in enumerate(rows):
        y = i * h + 2
        out.append(
            f'<text class="c-text" x="{label_w - 6:.1f}" y="{y + cell - 3:.1f}" text-anchor="end">'
            f"{_esc(label)}</text>"
        )
        for j, (column, status) in enumerate(cells):
            symbol, css = STATUS.get(status, ("", "skip"))
            x = label_w + j * (cell + 2)
            out.append(
                f"<g><title>{_esc(label)} {_esc(column)}: {_esc(status)}</title>"
                f'<rect x="{x:.1f}" y="{y}" width="{cell}" height="{cell}" rx="2" {_fill(css, _uid(title))}/>'
                f'<text class="c-sym" x="{x + cell / 2:.1f}" y="{y + cell - 3:.1f}" '
                f'text-anchor="middle">{symbol}</text></g>'
            )
    out.append("</svg>")
    return "".join(out)


@dataclass(frozen=True)
class Stage:
    name: str
    days: float
    limit: float | None = None  #: how long this stage should take, in days
    current: bool = False


def stage_bar(stages: Sequence[Stage], *, title: str, width: float = 560, scale: float | None = None) -> str:
    """Days spent per stage as consecutive segments; a stage longer than its limit is marked overdue."""
    total = scale or sum(s.days for s in stages) or 1
    x = 0.0
    out = [
        _open(
            width,
            40,
            title,
            f"{title}: "
            + "; ".join(
                f"{s.name}: {s.days:.0f} days"
                + (f" (should take {s.limit:.0f})" if s.limit else "")
                + (" (now)" if s.current else "")
                for s in stages
            ),
        )
    ]
    for s in stages:
        w = width * s.days / total
        over = s.limit is not None and s.days > s.limit
        css = "bad" if over else ("person" if s.current else "ok")
        out.append(
            f'<rect x="{x:.1f}" y="2" width="{max(w, 1):.1f}" height="18" {_fill(css, _uid(title))}>'
            f"<title>{_esc(s.name)}: {s.days:.0f} days{' (overdue)' if over else ''}</title></rect>"
        )
        if s.limit:
            lx = x + width * s.limit / total
            if lx < x + w:
                out.append(f'<line class="c-limit" x1="{lx:.1f}" y1="0" x2="{lx:.1f}" y2="22"/>')
        if w > 30:
            out.append(
                f'<text class="c-sym" x="{x + 4:.1f}" y="15">{"! " if over else ""}{s.days:.0f}d</text>'
            )
        x += w
    names = " → ".join(
        f"{s.name} {s.days:.0f}d{' overdue' if s.limit and s.days > s.limit else ''}" for s in stages
    )
    out.append(f'<text class="c-text" x="0" y="36">{_esc(names)}</text></svg>')
    return "".join(out)
