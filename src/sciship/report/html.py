"""One self-contained HTML page from a small document model.

A command builds a :class:`Page` (title, project, summary, next step, sections of blocks) and
:func:`render` turns it into one HTML file: inline CSS, no external fonts, scripts or images, readable
without JavaScript (a little inline script adds filtering), light and dark colour schemes, headings in
order, ``details``/``summary`` for everything collapsible, and a text label next to every colour.

Every string in the model is plain text and is escaped here; write no HTML into it. Backtick spans
(```pyproject.toml```) become ``<code>``. Two blocks carry markup of their own:

- :class:`Markdown`: sciship's own Markdown (the ``explain`` pages). Raw HTML inside it is escaped.
- :class:`Figure`: an ``<svg>`` element sciship drew. It is checked (well-formed, no script, no event
  handler, no link or image outside the page) and refused with ``ValueError`` otherwise.

The page carries a Content-Security-Policy that allows only its own inline style and its one script
(by hash), so even a mistake in escaping cannot load anything or run injected code.

:mod:`sciship.report.pages` builds the pages of ``check`` and ``deps``: complete examples of how a
command renders its own page.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from html import escape
from typing import Literal, TypeAlias

from sciship._regex import compile_later

Tone = Literal["blocker", "important", "polish", "ok", "skipped", "info", "warning"]
"""How a badge, a stat or an item looks. Each tone has a symbol and a word as well as a colour."""

TONES: dict[str, tuple[str, str]] = {
    # tone: (symbol, word shown next to the colour)
    "blocker": ("\u2716", "Blocker"),  # heavy multiplication x
    "important": ("\u25b2", "Important"),  # black up-pointing triangle
    "polish": ("\u25c6", "Polish"),  # black diamond
    "ok": ("\u2714", "Passed"),  # heavy check mark
    "skipped": ("\u2013", "Skipped"),  # en dash
    "info": ("\u2139", "Note"),  # information source
    "warning": ("\u25b2", "Warning"),
}


# ---------------------------------------------------------------------------------- document model
@dataclass(frozen=True)
class Text:
    """A paragraph of plain text (backtick spans become code)."""

    text: str


@dataclass(frozen=True)
class Markdown:
    """Markdown that sciship wrote (an ``explain`` page). Headings are moved below the enclosing one."""

    text: str


@dataclass(frozen=True)
class Badge:
    """A short label with a tone, for table cells: the word is always shown, never only the colour."""

    label: str
    tone: Tone


@dataclass(frozen=True)
class Code:
    """A table cell shown as code (a path, a module, a check code)."""

    text: str


Cell: TypeAlias = "str | int | float | Badge | Code | Figure | None"


@dataclass(frozen=True)
class Table:
    """A table: a header of ``columns`` and one row of cells each, optionally filterable and with an anchor
    per row."""

    columns: Sequence[str]
    rows: Sequence[Sequence[Cell]]
    caption: str | None = None
    #: rows may be filtered with the page's filter box (each row's text is searched)
    filterable: bool = False
    #: an anchor per row (``#step-01-load-py`` jumps to it; the row is highlighted), None for none
    row_ids: Sequence[str | None] = ()


@dataclass(frozen=True)
class List:
    """A bulleted list of plain-text lines."""

    items: Sequence[str]


@dataclass(frozen=True)
class Details:
    """A collapsible block: ``summary`` is always visible, ``blocks`` open with a click or Enter/Space."""

    summary: str
    blocks: Sequence[Block]
    open: bool = False


@dataclass(frozen=True)
class Item:
    """One finding: a check code and title, its tone, where, what is wrong, labelled fields, details."""

    code: str
    title: str
    tone: Tone
    status: str = "failed"  #: ``failed`` / ``passed`` / ``skipped`` (or any word of the command's)
    location: str | None = None
    message: str = ""
    fields: Sequence[tuple[str, str]] = ()  #: ``("Why", text)``, ``("Fix", text)``
    details: Sequence[Details] = ()
    label: str | None = None  #: the word next to the tone's symbol (default: the tone's own word)


@dataclass(frozen=True)
class Items:
    """A list of findings. Each shows as a card; the filter bar can hide them by tone or text."""

    items: Sequence[Item]


@dataclass(frozen=True)
class Figure:
    """An inline SVG picture sciship drew, with a caption and a text alternative (``alt``)."""

    svg: str
    caption: str
    alt: str


@dataclass(frozen=True)
class Section:
    """A headed part of the page; sections nest (their headings follow: h2, h3, ...)."""

    heading: str
    blocks: Sequence[Block]
    intro: str | None = None
    tone: Tone | None = None  #: shown as a symbol and word before the heading
    id: str | None = None  #: anchor (made from the heading when not given)


Block: TypeAlias = "Text | Markdown | Table | List | Details | Items | Figure | Section"


@dataclass(frozen=True)
class Stat:
    """A number in the summary box (``3 blockers``)."""

    label: str
    value: int | str
    tone: Tone | None = None


@dataclass(frozen=True)
class Page:
    """A whole HTML report: heading, headline, summary numbers, next step, sections and footer facts;
    :func:`render` turns it into HTML."""

    title: str  #: what the report is, e.g. ``sciship check``
    project: str  #: the project's name (footer and heading)
    headline: str  #: one sentence: the state of things
    sections: Sequence[Section] = ()
    subtitle: str | None = None  #: e.g. the project folder
    next_step: str | None = None
    stats: Sequence[Stat] = ()
    figure: Figure | None = None  #: shown under the summary
    generated: dt.datetime | None = None  #: default: now (or ``SOURCE_DATE_EPOCH``)
    tool_version: str | None = None  #: default: sciship's version
    filters: bool = True  #: add the (JavaScript) filter bar above the sections
    meta: Sequence[tuple[str, str]] = field(default_factory=tuple)  #: extra footer facts


# ---------------------------------------------------------------------------------- text helpers
_CODE_SPAN = compile_later(r"(?<!`)(`+)(?!`)(.+?)(?<!`)\1(?!`)")
_CONTROL = compile_later("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def clean(text: object) -> str:
    """``text`` as a string without control characters (shown as U+FFFD), ready to escape."""
    return _CONTROL.sub("\ufffd", str(text))


def esc(text: object) -> str:
    """Escape plain text for HTML content and attribute values (quotes included)."""
    return escape(clean(text), quote=True)


def inline(text: object) -> str:
    """Escape plain text; backtick spans become ``<code>``."""
    return _CODE_SPAN.sub(lambda m: f"<code>{m.group(2)}</code>", esc(text))


def slug(text: str) -> str:
    """``text`` in lower case with each run of characters other than a-z and 0-9 turned into ``-``, for an
    HTML id (``section`` when nothing is left)."""
    s = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return s or "section"


# ---------------------------------------------------------------------------------- rendering
class _Ids:
    def __init__(self) -> None:
        self.used: set[str] = set()

    def make(self, wanted: str) -> str:
        base = slug(wanted)
        out, n = base, 2
        while out in self.used:
            out, n = f"{base}-{n}", n + 1
        self.used.add(out)
        return out


def render(page: Page) -> str:
    """The whole page as one HTML string."""
    from sciship import __version__

    ids = _Ids()
    when = page.generated or _now()
    version = page.tool_version or __version__
    body: list[str] = []
    body.append('<a class="skip" href="#main">Skip to the report</a>')
    body.append("<header>")
    body.append(f'<p class="kicker">{esc(page.title)}</p>')
    body.append(f"<h1>{esc(page.project)}</h1>")
    if page.subtitle and page.subtitle != page.project:
        body.append(f'<p class="subtitle"><code>{esc(page.subtitle)}</code></p>')
    body.append("</header>")
    body.append('<main id="main">')
    body.append(_summary(page, ids))
    if page.figure is not None:
        body.append(_figure(page.figure))
    if page.filters and any(_has_filterable(s) for s in page.sections):
        body.append('<div id="filters" class="filters" hidden></div>')
    body.extend(_section(s, 2, ids) for s in page.sections)
    body.append("</main>")
    facts = [
        f"Project: <strong>{esc(page.project)}</strong>",
        f"sciship {esc(version)}",
        f'<time datetime="{esc(when.isoformat())}">{esc(when.strftime("%Y-%m-%d %H:%M %Z").strip())}</time>',
        *(f"{esc(k)}: {inline(v)}" for k, v in page.meta),
    ]
    body.append("<footer><p>" + " \u00b7 ".join(facts) + "</p>")
    body.append(
        "<p>Made by sciship, which reads files only: nothing in this project was imported or run. "
        "This page is one file and loads nothing from the internet.</p></footer>"
    )
    script = _SCRIPT if page.filters else ""
    return _document(f"{page.title}: {page.project}", "\n".join(body), script, version)


def _now() -> dt.datetime:
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.timezone.utc)
    return dt.datetime.now().astimezone()


def _document(title: str, body: str, script: str, version: str) -> str:
    csp = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"
    if script:
        digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
        csp += f"; script-src 'sha256-{digest}'"
    head = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{csp}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="color-scheme" content="light dark">',
        f'<meta name="generator" content="sciship {esc(version)}">',
        f"<title>{esc(title)}</title>",
        f"<style>{_CSS}</style>",
        "</head>",
        "<body>",
    ]
    tail = [f"<script>{script}</script>"] if script else []
    return "\n".join([*head, body, *tail, "</body>", "</html>"]) + "\n"


def _tone(tone: Tone, *, word: str | None = None) -> str:
    symbol, default = TONES[tone]
    return (
        f'<span class="tone t-{tone}"><span aria-hidden="true">{symbol}</span> {esc(word or default)}</span>'
    )


def _summary(page: Page, ids: _Ids) -> str:
    hid = ids.make("summary")
    out = [f'<section class="summary" aria-labelledby="{hid}">', f'<h2 id="{hid}">Summary</h2>']
    out.append(f'<p class="headline">{inline(page.headline)}</p>')
    if page.stats:
        out.append('<ul class="stats">')
        for s in page.stats:
            cls = f" t-{s.tone}" if s.tone else ""
            sym = f'<span aria-hidden="true">{TONES[s.tone][0]}</span> ' if s.tone else ""
            out.append(
                f'<li class="stat{cls}"><span class="value">{esc(s.value)}</span> '
                f'<span class="label">{sym}{esc(s.label)}</span></li>'
            )
        out.append("</ul>")
    if page.next_step:
        out.append(f'<p class="next"><strong>Next step:</strong> {inline(page.next_step)}</p>')
    out.append("</section>")
    return "\n".join(out)


def _has_filterable(block: Block) -> bool:
    if isinstance(block, Items):
        return bool(block.items)
    if isinstance(block, Table):
        return block.filterable and bool(block.rows)
    if isinstance(block, Section | Details):
        return any(_has_filterable(b) for b in block.blocks)
    return False


def _h(level: int) -> int:
    return min(level, 6)


def _section(section: Section, level: int, ids: _Ids) -> str:
    sid = ids.make(section.id or section.heading)
    lv = _h(level)
    tone = ""
    if section.tone:  # the heading's words say the severity; the symbol repeats it for the eye
        tone = f'<span class="sym t-{section.tone}" aria-hidden="true">{TONES[section.tone][0]}</span> '

    out = [
        f'<section id="{sid}" class="part" aria-labelledby="{sid}-h">',
        f'<h{lv} id="{sid}-h">{tone}{inline(section.heading)}</h{lv}>',
    ]
    if section.intro:
        out.append(f'<p class="intro">{inline(section.intro)}</p>')
    out.extend(_block(b, level + 1, ids) for b in section.blocks)
    out.append("</section>")
    return "\n".join(out)


def _block(block: Block, level: int, ids: _Ids) -> str:
    if isinstance(block, Section):
        return _section(block, level, ids)
    if isinstance(block, Text):
        return f"<p>{inline(block.text)}</p>"
    if isinstance(block, Markdown):
        return f'<div class="md">{markdown(block.text, top=level)}</div>'
    if isinstance(block, List):
        return "<ul>" + "".join(f"<li>{inline(i)}</li>" for i in block.items) + "</ul>"
    if isinstance(block, Table):
        return _table(block, ids)
    if isinstance(block, Details):
        return _details(block, level, ids)
    if isinstance(block, Items):
        return '<ul class="items">' + "\n".join(_item(i, level, ids) for i in block.items) + "</ul>"
    if isinstance(block, Figure):
        return _figure(block)
    raise TypeError(f"not a block: {block!r}")  # pragma: no cover - mypy sees every case


def _details(d: Details, level: int, ids: _Ids) -> str:
    opened = " open" if d.open else ""
    inner = "\n".join(_block(b, level, ids) for b in d.blocks)
    return f"<details{opened}><summary>{inline(d.summary)}</summary>\n<div>{inner}</div></details>"


def _item(item: Item, level: int, ids: _Ids) -> str:
    iid = ids.make(f"finding-{item.code}")
    lv = _h(level)
    opening = (
        f'<li class="item t-{item.tone}" id="{iid}" data-tone="{esc(item.tone)}" '
        f'data-status="{esc(item.status)}" data-code="{esc(item.code)}">'
    )
    heading = (
        f'<h{lv} class="item-title">{_tone(item.tone, word=item.label)} '
        f'<code class="code">{esc(item.code)}</code> '
        f"{inline(item.title)}</h{lv}>"
    )
    out = [opening, heading]
    if item.location:
        out.append(
            f'<p class="where"><span class="label">Where:</span> <code>{esc(item.location)}</code></p>'
        )
    if item.message:
        out.append(f'<p class="message">{inline(item.message)}</p>')
    if item.fields:
        out.append("<dl>")
        for label, text in item.fields:
            out.append(f"<dt>{esc(label)}</dt><dd>{inline(text)}</dd>")
        out.append("</dl>")
    out.extend(_details(d, level + 1, ids) for d in item.details)
    out.append("</li>")
    return "\n".join(out)


def _cell(cell: Cell) -> str:
    if isinstance(cell, Figure):
        return _figure(cell)
    if cell is None:
        return '<span class="none">\u2013</span>'
    if isinstance(cell, Badge):
        return _tone(cell.tone, word=cell.label)
    if isinstance(cell, Code):
        return f"<code>{esc(cell.text)}</code>"
    return inline(cell)


def _table(table: Table, ids: _Ids | None = None) -> str:
    cls = ' class="filterable"' if table.filterable else ""
    anchors = list(table.row_ids) + [None] * (len(table.rows) - len(table.row_ids))
    out = [f'<div class="table-wrap" tabindex="0"><table{cls}>']
    if table.caption:
        out.append(f"<caption>{inline(table.caption)}</caption>")
    out.append(
        "<thead><tr>" + "".join(f'<th scope="col">{esc(c)}</th>' for c in table.columns) + "</tr></thead>"
    )
    out.append("<tbody>")
    for row, anchor in zip(table.rows, anchors, strict=False):
        rid = f' id="{esc(ids.make(anchor) if ids else slug(anchor))}"' if anchor else ""
        out.append(f"<tr{rid}>" + "".join(f"<td>{_cell(c)}</td>" for c in row) + "</tr>")
    out.append("</tbody></table></div>")
    return "\n".join(out)


# ---------------------------------------------------------------------------------- figures
_SVG_FORBIDDEN = {"script", "foreignobject", "iframe", "object", "embed", "audio", "video", "image"}


def check_svg(svg: str) -> None:
    """Refuse SVG that could run code or load anything (raises ``ValueError``)."""
    import xml.etree.ElementTree as ET

    if "<!DOCTYPE" in svg.upper() or "<!ENTITY" in svg.upper():
        raise ValueError("an inline SVG figure may not declare a DOCTYPE or entities")
    try:
        root = ET.fromstring(svg)  # noqa: S314 - sciship's own markup, entities refused above
    except ET.ParseError as exc:
        raise ValueError(f"an inline SVG figure must be well-formed XML: {exc}") from None
    if root.tag.rsplit("}", 1)[-1] != "svg":
        raise ValueError("an inline SVG figure must be one <svg> element")
    for el in root.iter():
        tag = el.tag.rsplit("}", 1)[-1].lower()
        if tag in _SVG_FORBIDDEN:
            raise ValueError(f"an inline SVG figure may not contain <{tag}>")
        if tag == "style":
            css = (el.text or "").lower().replace(" ", "")
            if "@import" in css or re.search(r"url\((?!#|'#|\"#)", css):
                raise ValueError("the <style> of an inline SVG figure may not load anything")
        for name, value in el.attrib.items():
            local = name.rsplit("}", 1)[-1].lower()
            if local.startswith("on"):
                raise ValueError(f"an inline SVG figure may not have event handlers ({local})")
            if local == "href" and not value.startswith("#"):
                raise ValueError("links in an inline SVG figure may only point inside the page (#id)")
            if "url(" in value and "url(#" not in value.replace(" ", ""):
                raise ValueError("an inline SVG figure may not load anything (url(...))")


def _figure(fig: Figure) -> str:
    check_svg(fig.svg)
    return (
        f'<figure class="figure"><div class="svg" role="img" aria-label="{esc(fig.alt)}">{fig.svg}</div>'
        + (f"<figcaption>{inline(fig.caption)}</figcaption>" if fig.caption else "")
        + "</figure>"
    )


# ---------------------------------------------------------------------------------- markdown
def markdown(text: str, *, top: int = 3) -> str:
    """sciship's own Markdown as HTML: raw HTML is escaped, the page's first heading level is ``top``.

    The first heading of a page (its title) is dropped: the summary that opens it shows the same words.
    """
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"html": False, "linkify": False})
    md.enable("table")
    tokens = md.parse(clean(text))
    if tokens and tokens[0].type == "heading_open":
        close = next(i for i, t in enumerate(tokens) if t.type == "heading_close")
        tokens = tokens[close + 1 :]
    levels = [int(t.tag[1]) for t in tokens if t.type == "heading_open"]
    shift = _h(top) - min(levels) if levels else 0
    for t in tokens:
        if t.type in {"heading_open", "heading_close"}:
            t.tag = f"h{_h(int(t.tag[1]) + shift)}"
    out: str = md.renderer.render(tokens, md.options, {})
    return out


# ---------------------------------------------------------------------------------- style and script
_CSS = """
:root{--bg:#fff;--fg:#1b1f24;--muted:#57606a;--card:#f6f8fa;--line:#d0d7de;--link:#0550ae;
--blocker:#b3261e;--blocker-bg:#ffebe9;--important:#7d4e00;--important-bg:#fff8c5;
--polish:#0a5c8a;--polish-bg:#ddf4ff;--ok:#116329;--ok-bg:#dafbe1;--skipped:#57606a;--skipped-bg:#eaeef2;
--info:#0550ae;--info-bg:#ddf4ff;--warning:#7d4e00;--warning-bg:#fff8c5;--code:#eff1f3}
@media (prefers-color-scheme: dark){:root{--bg:#0d1117;--fg:#e6edf3;--muted:#9da7b3;--card:#161b22;
--line:#30363d;--link:#79c0ff;--blocker:#ff9b93;--blocker-bg:#3d1512;--important:#f0c95a;
--important-bg:#332701;--polish:#7cc7ff;--polish-bg:#0c2d48;--ok:#6fdd8b;--ok-bg:#0f2e1a;
--skipped:#b1bac4;--skipped-bg:#21262d;--info:#79c0ff;--info-bg:#0c2d48;--warning:#f0c95a;
--warning-bg:#332701;--code:#1f242c}}
*{box-sizing:border-box}
html{font-size:100%;-webkit-text-size-adjust:100%}
body{margin:0 auto;max-width:62rem;padding:1rem 1.25rem 3rem;background:var(--bg);color:var(--fg);
font:1rem/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;overflow-wrap:anywhere}
a{color:var(--link)}
code,pre{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,"Liberation Mono",monospace;font-size:.9em}
code{background:var(--code);padding:.05em .3em;border-radius:.25rem}
pre{background:var(--code);padding:.75rem;border-radius:.4rem;overflow-x:auto}
pre code{background:none;padding:0}
h1{font-size:1.9rem;line-height:1.2;margin:.2rem 0}
h2{font-size:1.4rem;margin:2rem 0 .6rem;padding-bottom:.2rem;border-bottom:1px solid var(--line)}
h3{font-size:1.1rem}h4,h5,h6{font-size:1rem}
.skip{position:absolute;left:-999rem}.skip:focus{left:1rem;top:1rem;background:var(--bg);padding:.5rem}
.kicker{margin:0;color:var(--muted);text-transform:uppercase;letter-spacing:.06em;font-size:.85rem}
.subtitle{margin:.2rem 0;color:var(--muted)}
.summary{background:var(--card);border:1px solid var(--line);border-radius:.6rem;padding:.25rem 1.1rem 1rem;
margin-top:1rem}
.summary h2{border:0;margin-top:.8rem}
.headline{font-size:1.1rem;margin:.3rem 0 .6rem}
.stats{display:flex;flex-wrap:wrap;gap:.5rem;list-style:none;padding:0;margin:.5rem 0}
.stat{border:1px solid var(--line);border-radius:.5rem;padding:.3rem .7rem;background:var(--bg)}
.stat .value{font-weight:700;font-size:1.15rem}
.next{margin:.6rem 0 0}
.tone{display:inline-block;font-size:.8rem;font-weight:700;padding:.05rem .5rem;border-radius:1rem;
border:1px solid currentColor;white-space:nowrap;vertical-align:.1em}
.t-blocker .tone,.tone.t-blocker,.stat.t-blocker .label{color:var(--blocker)}
.tone.t-blocker{background:var(--blocker-bg)}
.tone.t-important,.stat.t-important .label{color:var(--important)}
.tone.t-important{background:var(--important-bg)}
.tone.t-polish,.stat.t-polish .label{color:var(--polish)}.tone.t-polish{background:var(--polish-bg)}
.tone.t-ok,.stat.t-ok .label{color:var(--ok)}.tone.t-ok{background:var(--ok-bg)}
.tone.t-skipped,.stat.t-skipped .label{color:var(--skipped)}.tone.t-skipped{background:var(--skipped-bg)}
.tone.t-info,.stat.t-info .label{color:var(--info)}.tone.t-info{background:var(--info-bg)}
.tone.t-warning,.stat.t-warning .label{color:var(--warning)}.tone.t-warning{background:var(--warning-bg)}
.sym.t-blocker{color:var(--blocker)}.sym.t-important{color:var(--important)}.sym.t-polish{color:var(--polish)}
.sym.t-warning{color:var(--warning)}.sym.t-ok{color:var(--ok)}.sym.t-info{color:var(--info)}
.items{list-style:none;padding:0;margin:0}
.item{border:1px solid var(--line);border-left-width:.4rem;border-radius:.5rem;padding:.2rem 1rem .7rem;
margin:.8rem 0;background:var(--card)}
.item.t-blocker{border-left-color:var(--blocker)}.item.t-important{border-left-color:var(--important)}
.item.t-polish{border-left-color:var(--polish)}.item.t-ok{border-left-color:var(--ok)}
.item-title{margin:.6rem 0 .3rem;font-size:1.05rem}
.code{font-weight:700}
.where{margin:.2rem 0;color:var(--muted)}.where .label{font-weight:600}
.message{margin:.3rem 0}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem .8rem;margin:.4rem 0}
dt{font-weight:700}dd{margin:0}
@media (max-width:40rem){dl{grid-template-columns:1fr}dd{margin-left:.8rem}}
details{border:1px solid var(--line);border-radius:.4rem;margin:.5rem 0;background:var(--bg)}
summary{cursor:pointer;padding:.35rem .7rem;font-weight:600}
summary:focus-visible,a:focus-visible,.table-wrap:focus-visible,input:focus-visible{
outline:3px solid var(--link);outline-offset:2px}
details>div{padding:0 .9rem .6rem}
.md h3,.md h4,.md h5,.md h6{margin:.8rem 0 .3rem}
.table-wrap{overflow-x:auto;margin:.6rem 0}
table{border-collapse:collapse;width:100%;font-size:.95rem}
caption{text-align:left;color:var(--muted);padding:.3rem 0}
th,td{border-bottom:1px solid var(--line);padding:.35rem .6rem;text-align:left;vertical-align:top;
overflow-wrap:break-word}
td:last-child{overflow-wrap:anywhere;min-width:10rem}
th{background:var(--card)}
.none{color:var(--muted)}
.figure{margin:1.2rem 0}.figure .svg svg{max-width:100%;height:auto}
.svg{overflow-x:auto}td .figure{margin:.2rem 0}td .figure figcaption{font-size:.85rem}
tr:target td{background:var(--important-bg);outline:2px solid var(--important);outline-offset:-2px}
figcaption{color:var(--muted);font-size:.9rem}
.filters{display:flex;flex-wrap:wrap;gap:.4rem 1rem;align-items:center;margin:1.4rem 0 .4rem;
padding:.5rem .8rem;border:1px solid var(--line);border-radius:.5rem}
.filters label{white-space:nowrap}
.filters input[type=search]{font:inherit;padding:.2rem .4rem;border:1px solid var(--line);border-radius:.3rem;
background:var(--bg);color:var(--fg);min-width:12rem}
.shown{color:var(--muted)}
footer{margin-top:3rem;padding-top:.8rem;border-top:1px solid var(--line);color:var(--muted);font-size:.9rem}
[hidden]{display:none !important}
@media print{.filters,.skip{display:none}details{border:0}body{max-width:none}}
"""

_SCRIPT = """
(function(){
var bar=document.getElementById('filters');if(!bar)return;
var items=[].slice.call(document.querySelectorAll('.item'));
var rows=[].slice.call(document.querySelectorAll('table.filterable tbody tr'));
var tones=[];
items.forEach(function(i){var t=i.getAttribute('data-tone');if(tones.indexOf(t)<0)tones.push(t);});
var names={blocker:'Blockers',important:'Important',polish:'Polish',ok:'Passed',skipped:'Skipped',
info:'Notes',warning:'Warnings'};
var boxes={};
if(tones.length){var title=document.createElement('span');title.textContent='Show:';bar.appendChild(title);}
tones.forEach(function(t){var l=document.createElement('label');var c=document.createElement('input');
c.type='checkbox';c.checked=true;c.addEventListener('change',apply);boxes[t]=c;l.appendChild(c);
l.appendChild(document.createTextNode(' '+(names[t]||t)));bar.appendChild(l);});
var sl=document.createElement('label');sl.textContent='Filter: ';var s=document.createElement('input');
s.type='search';s.placeholder='code, file or word';s.addEventListener('input',apply);sl.appendChild(s);
bar.appendChild(sl);
var shown=document.createElement('span');shown.className='shown';shown.setAttribute('aria-live','polite');
bar.appendChild(shown);
function apply(){var q=s.value.trim().toLowerCase();var n=0;
items.forEach(function(i){var b=boxes[i.getAttribute('data-tone')];
var ok=(!b||b.checked)&&(!q||i.textContent.toLowerCase().indexOf(q)>=0);i.hidden=!ok;if(ok)n++;});
rows.forEach(function(r){r.hidden=!!q&&r.textContent.toLowerCase().indexOf(q)<0;});
shown.textContent=items.length?('Showing '+n+' of '+items.length):'';}
bar.hidden=false;apply();
})();
"""
