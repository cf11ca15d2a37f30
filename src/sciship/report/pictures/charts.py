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
#: Text, track and lines follow the HTML page's variables (``--fg``, ``--skipped-bg``) when the chart is
#: inside a report, with the same colours as fallbacks elsewhere. Symbols are white on the deeper light-mode
#: fills and near-black on the brighter dark-mode fills, so they read in both.
_STYLE = """
.c-text{font:12px system-ui,-apple-system,'Segoe UI',sans-serif;fill:var(--fg,#1b1f24)}
.c-small{font-size:10px}
.c-ok{fill:#1a7f37}.c-bad{fill:#cf222e}.c-skip{fill:#6e7781}.c-person{fill:#9a6700}.c-err{fill:#8250df}
.c-track{fill:var(--skipped-bg,#eaeef2)}.c-sym{font:bold 11px system-ui,sans-serif;fill:#ffffff}
.c-limit{stroke:var(--fg,#1b1f24);stroke-width:1.5;stroke-dasharray:3 2}
.c-hatch{stroke:#ffffff;stroke-opacity:.45}.c-dot{fill:#ffffff;fill-opacity:.5}
@media (prefers-color-scheme: dark){.c-text{fill:var(--fg,#e6edf3)}.c-track{fill:var(--skipped-bg,#21262d)}
.c-ok{fill:#3fb950}.c-bad{fill:#f85149}.c-skip{fill:#8b949e}.c-person{fill:#d29922}.c-err{fill:#a371f7}
.c-sym{fill:#0d1117}.c-limit{stroke:var(--fg,#e6edf3)}.c-hatch{stroke:#0d1117;stroke-opacity:.35}
.c-dot{fill:#0d1117;fill-opacity:.35}}
"""
_PATTERNS = (
    '<pattern id="hatch-bad-{uid}" width="6" height="6" patternUnits="userSpaceOnUse" '
    'patternTransform="rotate(45)">'
    '<rect class="c-bad" width="6" height="6"/><line class="c-hatch" x1="0" y1="0" x2="0" y2="6" '
    'stroke-width="2"/></pattern>'
    '<pattern id="dots-person-{uid}" width="6" height="6" patternUnits="userSpaceOnUse">'
    '<rect class="c-person" width="6" height="6"/><circle class="c-dot" cx="3" cy="3" r="1.2"/></pattern>'
)
_FILL = {"bad": 'fill="url(#hatch-bad-{uid})"', "person": 'fill="url(#dots-person-{uid})"'}
_CHAR_W = 7.0


def _esc(text: object) -> str:
    return html.escape(str(text), quote=True)


def _cut(text: str, width: float) -> str:
    """``text`` shortened with an ellipsis in the middle to fit ``width`` pixels (the whole text stays in a
    tooltip)."""
    most = max(4, int(width / _CHAR_W))
    if len(text) <= most:
        return text
    head = (most - 1) // 2
    return text[:head] + "\u2026" + text[len(text) - (most - 1 - head) :]


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
    """One part of a :func:`stacked_bar`: a label, a count and a status (a key of :data:`STATUS`)."""

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
    """One bar of a :func:`bar_chart`: a label, a value from 0 to 1, a note written after it and a status."""

    label: str
    value: float  #: 0..1
    note: str = ""  #: written after the value, e.g. "12 of 15"
    status: str = "passed"


def bar_chart(
    bars: Sequence[Bar], *, title: str, width: float = 640, sort: bool = True, label_max: float = 260
) -> str:
    """Horizontal bars, lowest value first when ``sort`` (what needs attention on top), values written out.

    Labels get up to ``label_max`` pixels (longer ones are cut in the middle, whole in the tooltip); the
    values after the bars get the room their longest one needs, and the track the rest of ``width``."""
    rows = sorted(bars, key=lambda b: (b.value, b.label)) if sort else list(bars)
    label_w = min(label_max, max((len(b.label) for b in rows), default=4) * _CHAR_W + 8)
    notes = max((len(f"100% ({b.note})") for b in rows if b.note), default=4)
    track = max(80.0, width - label_w - notes * _CHAR_W - 12)
    h = 20
    out = [
        _open(
            label_w + track + notes * _CHAR_W + 12,
            h * len(rows) + 8,
            title,
            f"{title}: {len(rows)} bars, values written after each bar.",
        )
    ]
    for i, b in enumerate(rows):
        y = i * h + 4
        _sym, css = STATUS.get(b.status, ("", "ok"))
        out.append(
            f'<text class="c-text" x="{label_w - 6:.1f}" y="{y + 12}" text-anchor="end">'
            f"<title>{_esc(b.label)}</title>{_esc(_cut(b.label, label_w - 14))}</text>"
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


def cell_strip(
    rows: Sequence[tuple[str, Sequence[tuple[str, str]]]],
    *,
    title: str,
    cell: float = 14,
    columns: Sequence[str] | None = None,
) -> str:
    """One row per item (``(label, [(column, status), ...])``): a cell per column with its symbol, the
    column names written (turned) above the cells. Compact for audits: each cell is one ``<use>`` of a
    drawn cell, about 40 bytes, so 60 repositories times 70 checks stay under 200 KB."""
    if columns is None:
        columns = [c for c, _ in max((cells for _, cells in rows), key=len, default=())]
    label_w = min(260.0, max((len(label) for label, _ in rows), default=4) * _CHAR_W + 8)
    n = max([len(columns), *(len(cells) for _, cells in rows)])
    step = cell + 2
    head = min(160.0, max((len(c) for c in columns), default=0) * _CHAR_W * 0.8 + 8)
    width = label_w + n * step + 4
    h = cell + 4
    uid = _uid(title)
    css_used = sorted({STATUS.get(status, ("", "skip"))[1] for _, cells in rows for _, status in cells})
    out = [
        _open(
            width,
            head + h * len(rows) + 4,
            title,
            f"{title}: one row per item, one cell per column ({', '.join(columns[:10])}"
            + (", ..." if len(columns) > 10 else "")
            + "); \u2713 passed, \u2717 failed, \u2013 skipped, ! error.",
        ),
        "<defs>",
    ]
    symbols = {css: sym for sym, css in STATUS.values() if sym}
    out.extend(
        f'<g id="cell-{css}-{uid}"><rect width="{cell}" height="{cell}" rx="2" {_fill(css, uid)}/>'
        f'<text class="c-sym" x="{cell / 2:.1f}" y="{cell - 3:.1f}" text-anchor="middle">'
        f"{symbols.get(css, '')}</text></g>"
        for css in css_used
    )
    out.append("</defs>")
    for j, column in enumerate(columns):  # column names, turned to read upwards
        x = label_w + j * step + cell / 2 + 4
        out.append(
            f'<text class="c-text c-small" transform="translate({x:.1f},{head - 4:.1f}) rotate(-60)">'
            f"{_esc(_cut(column, head / 0.8))}</text>"
        )
    for i, (label, cells) in enumerate(rows):
        y = head + i * h + 2
        counts: dict[str, int] = {}
        for _, status in cells:
            counts[status] = counts.get(status, 0) + 1
        said = ", ".join(f"{k} {v}" for k, v in sorted(counts.items()))
        out.append(
            f'<g transform="translate(0,{y:.0f})"><title>{_esc(label)}: {_esc(said)}</title>'
            f'<text class="c-text" x="{label_w - 6:.1f}" y="{cell - 3:.1f}" text-anchor="end">'
            f"{_esc(_cut(label, label_w - 8))}</text>"
        )
        index = {c: k for k, c in enumerate(columns)}
        for j, (column, status) in enumerate(cells):
            css = STATUS.get(status, ("", "skip"))[1]
            x = label_w + index.get(column, j) * step
            out.append(f'<use href="#cell-{css}-{uid}" x="{x:.0f}"/>')
        out.append("</g>")
    out.append("</svg>")
    return "".join(out)


@dataclass(frozen=True)
class Stage:
    """One segment of a :func:`stage_bar`: a stage, the days spent in it and the days it should take."""

    name: str
    days: float
    limit: float | None = None  #: how long this stage should take, in days
    current: bool = False
    known: bool = True  #: False: a stretch of time whose stage is not known (drawn grey, said in words)


def _wrap(words: Sequence[str], width: float, sep: str = "  ") -> list[str]:
    """``words`` joined into lines that fit ``width`` pixels (a word longer than a line is shortened)."""
    lines: list[str] = []
    per_line = max(10, int(width / _CHAR_W))
    for word in words:
        w = _cut(word, width)
        if lines and len(lines[-1]) + len(sep) + len(w) <= per_line:
            lines[-1] += sep + w
        else:
            lines.append(w)
    return lines


def stage_bar(
    stages: Sequence[Stage], *, title: str, width: float = 560, scale: float | None = None, note: str = ""
) -> str:
    """Days spent per stage as consecutive segments, the oldest first. A stage longer than its limit is
    hatched and marked ``!`` with a dashed line where its time ran out; the current stage is dotted; a
    stretch whose stage is unknown is grey. Below the bar each stage is written out in words (and
    ``note``, e.g. why the history is unknown). ``scale``: the days the full width stands for (the same
    for every bar of a table, so bars compare)."""
    total = max(scale or 0, sum(s.days for s in stages)) or 1

    def said(s: Stage) -> str:
        text = f"{s.name}: {s.days:.0f} day{'s' if round(s.days) != 1 else ''}"
        if s.limit is not None and s.days > s.limit:
            text += f" (! overdue, should take {s.limit:.0f})"
        elif s.limit is not None:
            text += f" (of {s.limit:.0f})"
        return text + (" (now)" if s.current else "")

    legend = _wrap(" \u2192 ".join(said(s) for s in stages).split(" "), width, sep=" ")
    if note:
        legend += _wrap(note.split(" "), width, sep=" ")
    height = 26 + 15 * len(legend)
    desc = f"{title}: " + "; ".join(said(s) for s in stages) + f". {note}".rstrip()
    out = [_open(width, height, title, desc)]
    uid = _uid(title)
    x = 0.0
    for s in stages:
        w = width * s.days / total
        over = s.limit is not None and s.days > s.limit
        css = "skip" if not s.known else "bad" if over else ("person" if s.current else "ok")
        out.append(
            f'<rect x="{x:.1f}" y="2" width="{max(w, 1.5):.1f}" height="18" {_fill(css, uid)}>'
            f"<title>{_esc(said(s))}</title></rect>"
        )
        if s.limit:
            lx = x + width * s.limit / total
            if lx < x + w:
                out.append(f'<line class="c-limit" x1="{lx:.1f}" y1="0" x2="{lx:.1f}" y2="22"/>')
        label = f"{'! ' if over else ''}{s.days:.0f}d"
        if w > len(label) * _CHAR_W + 6:
            out.append(f'<text class="c-sym" x="{x + 4:.1f}" y="15">{label}</text>')
        x += w
    for i, line in enumerate(legend):
        out.append(f'<text class="c-text" x="0" y="{36 + 15 * i}">{_esc(line)}</text>')
    out.append("</svg>")
    return "".join(out)
