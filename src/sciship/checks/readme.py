"""The README: declared, present, rendering on PyPI, and saying what reviewers look for."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from sciship._regex import compile_later
from sciship.checks import Fail, Pass, Skip, check, fixer
from sciship.checks._project_table import (
    PYPROJECT,
    declared,
    is_dynamic,
    line_of,
    no_pyproject,
    project_table,
)

if TYPE_CHECKING:
    from tomlkit.toml_document import TOMLDocument

    from sciship.checks import Result
    from sciship.plan import Plan
    from sciship.project import Project

FAMILY = "readme"
Markup = Literal["md", "rst", "txt"]
CONTENT_TYPES: dict[str, Markup] = {"text/markdown": "md", "text/x-rst": "rst", "text/plain": "txt"}
SUFFIXES: dict[str, Markup] = {".md": "md", ".markdown": "md", ".rst": "rst", ".txt": "txt"}
#: How far from the top badges and the introduction are looked for, when the README has few headings.
TOP_LINES = 30


# ---------------------------------------------------------------------- reading the README
@dataclass(frozen=True)
class Heading:
    """A heading of the README: its line, level and title."""

    line: int  #: 1-based
    level: int
    title: str


@dataclass(frozen=True)
class CodeBlock:
    """A code block of the README: the line it starts on and its text."""

    line: int
    text: str


@dataclass(frozen=True)
class Readme:
    """The project's README, parsed: its path, text, markup, headings and code blocks."""

    path: str
    text: str
    markup: Markup
    headings: tuple[Heading, ...]
    code: tuple[CodeBlock, ...]

    @property
    def lines(self) -> list[str]:
        return self.text.splitlines()

    def top(self) -> list[str]:
        """The lines between the title and the first section below it (or the first lines)."""
        hs = self.headings
        start = hs[0].line if hs and hs[0].line <= TOP_LINES else 0
        later = [h.line for h in hs if h.line > start]
        end = later[0] - 1 if later else start + TOP_LINES
        if self.markup == "rst" and later:
            end -= 1  # the heading's own text line sits above its underline
        return self.lines[start:end]


def declared_readme(project: Project) -> tuple[str | None, str | None]:
    """(file, content type) as ``[project].readme`` declares them; (None, None) when it does not."""
    value = declared(project, "readme")
    if isinstance(value, str):
        return value, None
    if isinstance(value, dict):
        file = value.get("file")
        ctype = value.get("content-type")
        return (file if isinstance(file, str) else None), (ctype if isinstance(ctype, str) else None)
    return None, None


def markup_of(path: str | None, content_type: str | None) -> Markup | None:
    """The markup ``content_type`` names, or without one the markup of ``path``'s suffix; None if unknown."""
    if content_type:
        return CONTENT_TYPES.get(content_type.split(";")[0].strip().lower())
    if path is None:
        return None
    lower = path.lower()
    for suffix, markup in SUFFIXES.items():
        if lower.endswith(suffix):
            return markup
    return None


def load_readme(project: Project) -> Readme | None:
    """The project's README, parsed once: the declared file, else a README at the top."""

    def compute() -> Readme | None:
        path, ctype = declared_readme(project)
        if path is None or not project.has(path):
            path, ctype = _readme_file(project), None
        if path is None:
            return None
        text = project.read_text(path)
        if text is None:
            return None
        markup = markup_of(path, ctype) or "md"
        headings, code = _parse_rst(text) if markup == "rst" else _parse_md(text)
        return Readme(path, text, markup, tuple(headings), tuple(code))

    return project.memo("readme:parsed", compute)  # type: ignore[no-any-return]


#: README files PyPI can show, preferred in this order over other READMEs (README.Rmd, README.ipynb)
_README_NAMES = ("readme.md", "readme.rst", "readme.txt", "readme", "readme.markdown")


def _readme_file(project: Project) -> str | None:
    top = {f.lower(): f for f in project.files if "/" not in f and f.lower().startswith("readme")}
    return next((top[n] for n in _README_NAMES if n in top), None) or project.find_ci("README")


_ATX = compile_later(r"^ {0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_HTML_H = compile_later(r"<h([1-6])[^>]*>(.*?)</h\1>", re.IGNORECASE)
_FENCE = compile_later(r"^ {0,3}(`{3,}|~{3,})")
_RST_ADORN = compile_later(r"^([=\-`:'\"~^_*+#<>.])\1{2,}\s*$")


def _parse_md(text: str) -> tuple[list[Heading], list[CodeBlock]]:
    headings: list[Heading] = []
    code: list[CodeBlock] = []
    lines = text.splitlines()
    fence: str | None = None
    block: list[str] = []
    start = 0
    for i, line in enumerate(lines):
        m = _FENCE.match(line)
        if fence is not None:
            if m and m.group(1)[0] == fence[0] and len(m.group(1)) >= len(fence):
                code.append(CodeBlock(start, "\n".join(block)))
                fence = None
            else:
                block.append(line)
            continue
        if m:
            fence, block, start = m.group(1), [], i + 1
            continue
        if (h := _ATX.match(line)) is not None:
            headings.append(Heading(i + 1, len(h.group(1)), h.group(2)))
        elif (h := _HTML_H.search(line)) is not None:
            headings.append(Heading(i + 1, int(h.group(1)), re.sub(r"<[^>]+>", "", h.group(2)).strip()))
        elif (
            i > 0
            and re.match(r"^(=+|-+)\s*$", line)
            and lines[i - 1].strip()
            and not lines[i - 1].lstrip().startswith(("-", "*", ">", "|"))
        ):
            headings.append(Heading(i, 1 if line.startswith("=") else 2, lines[i - 1].strip()))
    return headings, code


def _parse_rst(text: str) -> tuple[list[Heading], list[CodeBlock]]:
    headings: list[Heading] = []
    code: list[CodeBlock] = []
    lines = text.splitlines()
    levels: list[tuple[str, bool]] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        adorn = _RST_ADORN.match(line)
        if (
            adorn
            and i > 0
            and lines[i - 1].strip()
            and not _RST_ADORN.match(lines[i - 1])
            and len(line.rstrip()) >= len(lines[i - 1].rstrip())
        ):
            over = i > 1 and lines[i - 2].strip() == line.strip()
            style = (adorn.group(1), over)
            if style not in levels:
                levels.append(style)
            headings.append(Heading(i + 1, levels.index(style) + 1, lines[i - 1].strip()))
        stripped = line.strip()
        is_directive = re.match(r"^\.\. (code-block|code|sourcecode|doctest)::", stripped)
        if is_directive or (stripped.endswith("::") and not stripped.startswith("..")):
            body, j = _indented_block(lines, i + 1)
            if body:
                code.append(CodeBlock(i + 2, body))
            i = j
            continue
        if stripped.startswith(">>>"):
            code.append(CodeBlock(i + 1, stripped))
        i += 1
    return headings, code


def _indented_block(lines: list[str], start: int) -> tuple[str, int]:
    j = start
    while j < len(lines) and (not lines[j].strip() or lines[j].startswith((" ", "\t"))):
        j += 1
    # directive options (`:linenos:`) are not code
    body = [ln.strip() for ln in lines[start:j] if ln.strip() and not ln.strip().startswith(":")]
    return "\n".join(body), max(j, start)


def _no_readme(project: Project) -> Readme | Skip:
    readme = load_readme(project)
    if readme is None:
        return Skip("There is no README to read (see RDM300).")
    return readme


# ---------------------------------------------------------------------- RDM300..303 declaration
@check(
    "RDM300",
    family=FAMILY,
    severity="important",
    topic="readme",
    requires=("PKG101",),
    title="pyproject.toml declares the README",
    why="""The README declared in `[project]` becomes the front page of your package on PyPI. Without it
    the page is empty, and people leave before they learn what your package does.""",
    fix="""Add `readme = "README.md"` under `[project]` (and write the README if there is none yet).""",
)
def readme_declared(project: Project) -> Result:
    """RDM300: `[project]` declares a README (or lists it in `dynamic`)."""
    if (skip := no_pyproject(project)) is not None:
        return skip
    if declared(project, "readme") is not None or is_dynamic(project, "readme"):
        return None
    found = project.find_ci("README")
    if found:
        return Fail(f"`{found}` exists but `[project]` has no `readme = \"{found}\"`, so PyPI will not "
                    "show it.", path=PYPROJECT)
    return Fail("There is no README, and `[project]` declares none.", path=PYPROJECT, needs_author=True)


@fixer("RDM300")
def declare_readme(project: Project, plan: Plan) -> None:
    """Plan `readme = "..."` under `[project]` for the README found at the top, if it is UTF-8 text."""
    found = project.find_ci("README")
    if found is None:
        return
    if project.read_text(found) is None:  # every backend reads the declared README as UTF-8, and stops
        plan.note(
            f"RDM300: `{found}` is not UTF-8 text, so declaring it would stop the build. Save it as UTF-8 "
            "(most editors have an 'encoding' option when saving), then run `sciship check --fix` again."
        )
        return

    def change(doc: TOMLDocument) -> None:
        table = project_table(doc)
        if "readme" not in table:
            table["readme"] = found

    plan.edit_toml(PYPROJECT, change, f"declare readme = \"{found}\"")


@check(
    "RDM301",
    family=FAMILY,
    severity="blocker",
    topic="readme",
    requires=("RDM300",),
    title="The declared README file exists",
    why="""The build backend reads the README named in pyproject.toml into the package; when the file is
    missing or misspelt, the build stops with an error.""",
    fix="""Correct the file name in `readme = "..."` (names are case-sensitive on Linux and macOS), or
    create the file.""",
)
def readme_exists(project: Project) -> Result:
    """RDM301: the README file `[project]` declares exists."""
    value = declared(project, "readme")
    if isinstance(value, dict) and "text" in value:
        return None
    path, _ = declared_readme(project)
    if path is None:
        return Skip("The README is not declared as a file.")
    if project.has(path):
        return None
    other = project.find_ci(path.rsplit(".", 1)[0]) or project.find_ci("README")
    hint = f" There is `{other}`: did you mean that?" if other else ""
    return Fail(f"pyproject.toml names `{path}` as the README, but there is no such file.{hint}",
                path=PYPROJECT, line=line_of(project, "readme"))


@check(
    "RDM302",
    family=FAMILY,
    severity="blocker",
    topic="readme",
    requires=("RDM301",),
    title="The README's format (Markdown or reStructuredText) is known",
    why="""PyPI must know whether your README is Markdown or reStructuredText to display it. Backends infer
    it from the extension (`.md`, `.rst`); a README without one must say its `content-type`, or the build
    fails.""",
    fix="""Rename the file to `README.md` (or `.rst`), or declare
    `readme = { file = "README", content-type = "text/markdown" }`.""",
)
def readme_content_type(project: Project) -> Result:
    """RDM302: the README's format is known: from a valid `content-type` or the file's suffix."""
    path, ctype = declared_readme(project)
    value = declared(project, "readme")
    if isinstance(value, dict) and "text" in value and not ctype:
        return Fail("`readme = { text = ... }` needs a `content-type` (`text/markdown` or `text/x-rst`).",
                    path=PYPROJECT, line=line_of(project, "readme"))
    if ctype is not None and markup_of(None, ctype) is None:
        return Fail(f"`content-type = \"{ctype}\"` is not one PyPI knows; use `text/markdown`, `text/x-rst` "
                    "or `text/plain`.", path=PYPROJECT,
                    line=line_of(project, "content-type") or line_of(project, "readme"))
    if path is not None and markup_of(path, ctype) is None:
        return Fail(f"sciship (and your build backend) cannot tell the format of `{path}` from its name, and "
                    "no `content-type` is given.", path=PYPROJECT, line=line_of(project, "readme"))
    return None


@check(
    "RDM303",
    family=FAMILY,
    severity="important",
    topic="readme",
    requires=("RDM302",),
    title="The README renders on PyPI",
    why="""PyPI turns your README into the package's web page. reStructuredText with an error is shown as
    raw text (and `twine check` fails); a Markdown file written as reST (or the reverse) shows its markup
    instead of formatting.""",
    fix="""Correct the line shown (the message is the renderer's own), then run `sciship check` again.""",
)
def readme_renders(project: Project) -> Result:
    """RDM303: the README renders on PyPI: no markup of the other format, and reST that docutils accepts."""
    readme = load_readme(project)
    if readme is None:
        return Skip("There is no README to render.")
    if readme.markup == "txt":
        return None
    if readme.markup == "md":
        m = re.search(r"^\.\. (image|code-block|note|toctree)::", readme.text, re.MULTILINE)
        if m:
            return Fail(f"`{readme.path}` is Markdown but contains reStructuredText (`{m.group(0)}`), which "
                        "PyPI shows as plain text.", path=readme.path, line=_line_at(readme.text, m.start()))
        # Markdown always renders (readme_renderer never fails on it); the one trap is reST inside it.
        return None
    return _rst_errors(readme)


def _rst_errors(readme: Readme) -> Result:
    import io

    from readme_renderer import rst

    m = re.search(r"^(#{1,6} |```)", readme.text, re.MULTILINE)
    if m:
        return Fail(f"`{readme.path}` is reStructuredText but contains Markdown (`{m.group(0).strip()}`).",
                    path=readme.path, line=_line_at(readme.text, m.start()))
    stream = io.StringIO()
    if rst.render(readme.text, stream=stream) is not None:
        return None
    for entry in stream.getvalue().splitlines():
        found = re.match(r"^<string>:(\d+): \((\w+)/\d\) (.*)$", entry)
        if found:
            line, level, message = int(found.group(1)), found.group(2).lower(), found.group(3)
            sphinx = ""
            if message.startswith(("Unknown interpreted text role", "Unknown directive type")):
                sphinx = " That is Sphinx markup: it works in your docs, but PyPI uses plain docutils."
            return Fail(f"PyPI cannot render `{readme.path}`: {message} ({level}, line {line}).{sphinx}",
                        path=readme.path, line=line)
    return Fail(f"PyPI cannot render `{readme.path}`: {stream.getvalue().strip() or 'no content'}.",
                path=readme.path)


def _line_at(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


# ---------------------------------------------------------------------- RDM310..314 content
_MARKUP = compile_later(
    r"\[!\[[^\]]*\]\([^)]*\)\]\([^)]*\)|!\[[^\]]*\]\([^)]*\)|<[^>]+>|\|[^|]+\|_?|`[^`]*`_*|https?://\S+"
)


#: letters of scripts written without spaces between words (Chinese, Japanese, Thai, ...)
_UNSPACED = compile_later(r"[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]")


def _is_prose(line: str) -> bool:
    """Whether ``line`` reads as a sentence: five words or more, in any alphabet (not a badge or a label)."""
    s = line.strip()
    if not s or s.startswith(("#", "..", ":", "|", "[!", "<", ">>>", "```", "~~~", "=", "-" * 3)):
        return False
    text = _MARKUP.sub(" ", s)
    words = re.findall(r"[^\W\d_]{2,}", text)
    return len(words) >= 5 or len(_UNSPACED.findall(text)) >= 10


def _states_description(project: Project, lines: list[str]) -> bool:
    """Whether ``lines`` hold the package's own one-line description (``[project] description``).

    The sentence the author wrote to say what the package does is an introduction however short it is
    ("Tide analysis."), and it is exactly what PyPI shows above the README.
    """
    desc = declared(project, "description")
    if not isinstance(desc, str):
        return False
    want = _unescaped(" ".join(desc.split())).rstrip(" .!?…\u3002\uff01\uff1f").casefold()
    if not any(c.isalpha() for c in want):
        return False
    return want in _unescaped(" ".join(" ".join(lines).split())).casefold()


def _unescaped(text: str) -> str:
    """``text`` with Markdown's backslash escapes dropped (``A\\:`` reads ``A:``): on both sides, so a
    description that holds a backslash itself (``A\\:``, written as is below the title) still matches."""
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", text)


@check(
    "RDM310",
    family=FAMILY,
    severity="important",
    topic="readme",
    title="The README says what the package does",
    why="""The first paragraph of the README is what people read before deciding to use your package:
    a sentence or two on what it does, for whom, and why. Reviewers look for it first.""",
    fix="""Below the title, write a short paragraph: what problem the package solves, for whom, and what it
    offers.""",
)
def readme_intro(project: Project) -> Result:
    """RDM310: the README has an introductory paragraph (or the package's description) under its title."""
    readme = _no_readme(project)
    if isinstance(readme, Skip):
        return readme
    if any(_is_prose(line) for line in readme.top()) or _states_description(project, readme.top()):
        return None
    if _subtitle(readme) or _after_title(readme):
        return None
    intro = re.compile(r"\b(about|overview|introduction|description|what is|summary|why)\b", re.IGNORECASE)
    how_to = re.compile(r"install|usage|quick|start|example|tutorial|contribut|licen|citation", re.IGNORECASE)
    lines = readme.lines
    for i, h in enumerate(readme.headings):
        first_section = i == 1 and not how_to.search(h.title)
        if intro.search(h.title) or first_section:
            end = readme.headings[i + 1].line - 1 if i + 1 < len(readme.headings) else len(lines)
            if any(_is_prose(line) for line in lines[h.line : end]):
                return None
    return Fail(f"`{readme.path}` has no introductory paragraph below its title.", path=readme.path,
                line=readme.headings[0].line if readme.headings else 1)


_HOW_TO = compile_later(
    r"install|usage|quick|start|example|tutorial|contribut|licen|citation|badge", re.IGNORECASE
)


def _after_title(readme: Readme) -> bool:
    """Prose right under the first heading, however far down badges push it (pint's README)."""
    hs = readme.headings
    if not hs:
        return False
    end = hs[1].line - 1 if len(hs) > 1 else hs[0].line + TOP_LINES
    if readme.markup == "rst" and len(hs) > 1:
        end -= 1
    return any(_is_prose(line) for line in readme.lines[hs[0].line : end])


def _subtitle(readme: Readme) -> bool:
    """A tagline written as a second heading right under the title ("Train:Validation:Test Sampling for
    Molecules"), as READMEs with an HTML title block often do."""
    first = readme.headings[:3]
    return any(
        h.level > 1
        and h.line <= 10
        and not _HOW_TO.search(h.title)
        and len(re.findall(r"[A-Za-z]{2,}", h.title)) >= 4
        for h in first[1:]
    )


_INSTALL = compile_later(
    r"\b(?:pip3?|uv pip|pipx|conda|mamba|micromamba)\s+install\b|\b(?:uv|pixi|poetry)\s+add\b", re.IGNORECASE
)


@check(
    "RDM311",
    family=FAMILY,
    severity="important",
    topic="readme",
    title="The README explains how to install the package",
    why="""A new user's first question is how to get your package. One copy-and-paste command
    (`pip install your-package`, or the conda equivalent) answers it.""",
    fix="""Add an "Installation" section with the command, for example `pip install your-package`.""",
)
def readme_install(project: Project) -> Result:
    """RDM311: the README shows an install command (pip, conda, uv, ...) or links to install instructions."""
    readme = _no_readme(project)
    if isinstance(readme, Skip):
        return readme
    if _INSTALL.search(readme.text):
        return None
    pointer = _pointer(readme, re.compile(r"install", re.IGNORECASE))
    if pointer:
        return Pass(f"The README points to the installation instructions ({pointer}).")
    return Fail(f"`{readme.path}` has no install command (`pip install ...` or `conda install ...`) and no "
                "link to installation instructions.", path=readme.path)


_LINK = compile_later(
    r"\[(?P<md>[^\]]+)\]\((?P<mdurl>[^)\s]+)[^)]*\)"  # [text](url)
    r"|`(?P<rst>[^`<]+?)\s*<(?P<rsturl>[^>]+)>`_{1,2}"  # `text <url>`_
    r"|<a\s[^>]*href=[\"'](?P<aurl>[^\"']+)[\"'][^>]*>(?P<a>.*?)</a>"  # <a href="url">text</a>
    r"|(?P<bare>https?://\S+)",
    re.IGNORECASE,
)


_IMAGE = compile_later(r"shields\.io|badge|\.(svg|png|gif|jpe?g)\b|image::|^\s*:target:", re.IGNORECASE)


def _pointer(readme: Readme, topic: re.Pattern[str], names: tuple[str, ...] = ()) -> str | None:
    """A link whose text (or, for a bare address, whose path) is about ``topic``, or a section so titled
    that holds a link. Badges and images do not count; ``names`` (the package's own) are ignored in paths."""
    lines = readme.lines
    for m in _LINK.finditer(readme.text):
        line_no = _line_at(readme.text, m.start())
        text = m.group("md") or m.group("rst") or m.group("a") or ""
        if text.lstrip().startswith("!") or _IMAGE.search(lines[line_no - 1]):
            continue
        url = m.group("mdurl") or m.group("rsturl") or m.group("aurl") or m.group("bare") or ""
        bare = m.group("bare") or ""
        path = url.split("//", 1)[-1].split("/", 1)[-1].lower() if "//" in url else ""
        for name in names:
            path = path.replace(name, "")
        if topic.search(text) or (path and topic.search(path)):
            label = re.sub(r"<[^>]+>|[*_`]", "", text).strip() or bare
            return f"`{label[:60]}`, line {line_no}"
    lines = readme.lines
    for i, h in enumerate(readme.headings):
        title = h.title.lower()
        for name in names:
            title = title.replace(name, "")
        if topic.search(title):
            end = readme.headings[i + 1].line - 1 if i + 1 < len(readme.headings) else len(lines)
            section = "\n".join(lines[h.line : end])
            if _LINK.search(section):
                return f"the `{h.title}` section, line {h.line}"
    return None


_SETUP_LINE = compile_later(
    r"^\s*(?:\$\s*)?(?:pip3?|python -m pip|uv|pipx|conda|mamba|micromamba|pixi|poetry|git clone|cd|"
    r"source|activate)\b"
)


@check(
    "RDM312",
    family=FAMILY,
    severity="important",
    topic="readme",
    title="The README shows a short usage example",
    why="""A few lines of code that use the package show at a glance what it does and how it feels to use.
    It is the part of a README people copy first. (For a large package, a link to a tutorial or an example
    gallery does the same job; pyOpenSci's review template accepts either.)""",
    fix="""Add a "Quickstart" or "Usage" section with a code block: import the package and call its main
    function on a small example.""",
)
def readme_example(project: Project) -> Result:
    """RDM312: the README has a code example beyond installing, or links to a tutorial or examples."""
    readme = _no_readme(project)
    if isinstance(readme, Skip):
        return readme
    for block in readme.code:
        body = [ln for ln in block.text.splitlines() if ln.strip() and not ln.strip().startswith("#")]
        if any(not _SETUP_LINE.match(ln) for ln in body):
            return None
    pointer = _pointer(readme, _TUTORIAL, _own_names(project))
    if pointer:
        # pyOpenSci's review template: "links to vignettes could also suffice here"
        return Pass(f"The README links to usage examples ({pointer}).")
    return Fail(f"`{readme.path}` has no code example beyond installation, and no link to a tutorial or "
                "examples.", path=readme.path)


def _own_names(project: Project) -> tuple[str, ...]:
    names = {p.name.lower() for p in project.packages}
    if project.name:
        names |= {project.name.lower(), project.name.lower().replace("-", "_")}
    return tuple(sorted(names, key=len, reverse=True))


_TUTORIAL = compile_later(
    r"tutorial|example|quick[\s_-]?start|getting[\s_-]?started|get[\s_-]?started|usage|gallery|vignette|"
    r"howto|how-to guide|user[\s_-]?guide|demo|walkthrough|notebooks?\b|colab|mybinder",
    re.IGNORECASE,
)


_CITE_HEADING = compile_later(r"\bcit(e|ing|ation)\b|\breferenc", re.IGNORECASE)
_CITE_TEXT = compile_later(
    r"CITATION\.cff|doi\.org/|zenodo|\bdoi:\s*10\.|@(software|article|misc)\{", re.IGNORECASE
)


@check(
    "RDM313",
    family=FAMILY,
    severity="polish",
    topic="citation",
    title="The README tells people how to cite the package",
    why="""Research software earns credit through citations. Tell users how to cite yours (a "Citation"
    section, a DOI, or a pointer to CITATION.cff) so their papers credit your work correctly.""",
    fix="""Add a "Citation" section: point to CITATION.cff (GitHub shows a "Cite this repository" button)
    and give the DOI once you have one (Zenodo makes one for each release).""",
)
def readme_citation(project: Project) -> Result:
    """RDM313: the README says how to cite (a citation heading, CITATION.cff, a DOI, Zenodo or BibTeX)."""
    readme = _no_readme(project)
    if isinstance(readme, Skip):
        return readme
    if any(_CITE_HEADING.search(h.title) for h in readme.headings) or _CITE_TEXT.search(readme.text):
        return None
    return Fail(f"`{readme.path}` does not say how to cite the package.", path=readme.path)


_BADGE = compile_later(
    r"!\[[^\]]*\]\([^)]+\)|<img\s|^\s*\.\. (?:\|[^|]+\| )?image::|\|[^|\s][^|]*\|_?", re.MULTILINE
)


@check(
    "RDM314",
    family=FAMILY,
    severity="polish",
    topic="readme",
    title="The README shows status badges at the top",
    why="""Badges (tests passing, version on PyPI, license, docs, DOI) tell a visitor in one glance that
    the package is maintained, tested and citable.""",
    fix="""Add a line of badge images under the title, e.g. from https://shields.io for the PyPI version
    and your CI workflow's status badge.""",
)
def readme_badges(project: Project) -> Result:
    """RDM314: the README shows badge images by its title, before the first section."""
    readme = _no_readme(project)
    if isinstance(readme, Skip):
        return readme
    top = "\n".join(readme.top() if readme.headings else readme.lines[:TOP_LINES])
    title_line = readme.lines[: readme.headings[0].line] if readme.headings else []
    for m in _BADGE.finditer("\n".join([*title_line, top])):
        ref = m.group(0)
        if ref.startswith("|") and readme.markup == "rst":
            if re.search(rf"^\.\. {re.escape(ref.rstrip('_'))} image::", readme.text, re.MULTILINE):
                return None
            continue
        if not ref.startswith("|"):
            return None
    return Fail(f"`{readme.path}` has no badge images at the top.", path=readme.path, line=1)


_DEV_HEADING = compile_later(
    r"contribut|develop|hacking|from (?:the )?(?:source|github|gitlab|git|repository)\b|editable",
    re.IGNORECASE,
)
#: a sentence about the development version, which counts when it links to where that is explained
_DEV_SENTENCE = compile_later(
    r"\b(?:development|dev|unreleased|bleeding[- ]edge)\s+(?:version|release|code)\b"
    r"|\bfrom (?:the )?(?:source|github|gitlab|repository)\b",
    re.IGNORECASE,
)
_DEV_LINK = compile_later(
    r"\]\(([^)]*)\)|`[^`<]*<([^>]+)>`_|^\s*\.\. _[^:]+:\s*(\S+)|<(https?://[^>]+)>|(https?://\S+)"
    r"|\b(CONTRIBUTING(?:\.\w+)?)\b",
    re.IGNORECASE | re.MULTILINE,
)
_DEV_TARGET = compile_later(r"contribut|develop|hacking", re.IGNORECASE)
_DEV_INSTALL = compile_later(
    r"\bpip3?\s+install\s+(?:-\S+\s+)*(?:-e|--editable)\b|\bpip3?\s+install\s+(?:-\S+\s+)*git\+"
    r"|\bgit\s+clone\b|\b(?:uv\s+sync|pixi\s+install|poetry\s+install|pdm\s+install|hatch\s+shell)\b",
    re.IGNORECASE,
)


def dev_instructions(readme: Readme) -> int | None:
    """The line where the README shows a development install or points to development instructions."""
    for h in readme.headings:
        if _DEV_HEADING.search(h.title):
            return h.line
    for pattern in (_DEV_INSTALL, _DEV_LINK):
        for m in pattern.finditer(readme.text):
            target = next((g for g in m.groups() if g), m.group(0)) if m.groups() else m.group(0)
            if pattern is _DEV_INSTALL or _DEV_TARGET.search(target):
                return _line_at(readme.text, m.start())
    # "The documentation covers ... how to install the latest development version." with a link
    for paragraph in re.finditer(r"(?:[^\n]+\n?)+", readme.text):
        text = paragraph.group(0)
        if _DEV_SENTENCE.search(text) and _DEV_LINK.search(text):
            return _line_at(readme.text, paragraph.start())
    return None


@check(
    "RDM315",
    family=FAMILY,
    severity="important",
    topic="readme",
    title="The README shows how to install the development version, or links to instructions",
    why="""People who want to fix a bug or try the newest code need to know how to get the source and
    install it for development. A README that shows it, or links to your contributing guide, turns users
    into contributors; pyOpenSci's editors look for it.""",
    fix="""Add a short "Development" or "Contributing" section: `git clone ...` and `pip install -e .`, or a
    link to CONTRIBUTING.md where that is explained.""",
)
def readme_dev_instructions(project: Project) -> Result:
    """RDM315: the README shows a development install or links to contributing or development docs."""
    readme = _no_readme(project)
    if isinstance(readme, Skip):
        return readme
    if dev_instructions(readme) is not None:
        return None
    return Fail(f"`{readme.path}` neither shows how to install the development version (`git clone`, "
                "`pip install -e .`) nor links to CONTRIBUTING or development documentation.",
                path=readme.path)
