"""Documentation: a docs site, an API reference in it, and a place where it is built."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Literal

from sciship.checks import Fail, Skip, check

if TYPE_CHECKING:
    from sciship.checks import Result
    from sciship.project import Project

FAMILY = "docs"
Tool = Literal["sphinx", "mkdocs", "jupyter-book"]
_MKDOCS = ("mkdocs.yml", "mkdocs.yaml")
_AUTODOC_EXT = re.compile(r"sphinx\.ext\.(autodoc|autosummary)|\bautoapi\b|sphinx_autodoc|numpydoc")
_AUTODOC_DIRECTIVE = re.compile(
    r"\.\.\s+auto(module|function|class|summary|data|exception)::|\{auto(module|function|class|summary)\}"
)
_MKDOCSTRINGS = re.compile(r"^:::\s*\S", re.MULTILINE)
_DOCS_BUILD = re.compile(
    r"sphinx-build|sphinx\.cmd|mkdocs\s+(build|gh-deploy)|jupyter[- ]book\s+build|\bjb\s+build"
    r"|(tox|nox)\s+(-e|-s|--session)\s+docs|make\s+(-C\s+\S+\s+)?html|hatch\s+run\s+docs|actions/deploy-pages"
)


def docs_tool(project: Project) -> tuple[Tool, str] | None:
    """Which site generator the docs use and its configuration file."""
    mk = project.find(*_MKDOCS)
    if mk:
        return "mkdocs", mk
    folder = project.docs_dir
    if folder:
        for f in project.under(folder):
            if f.endswith("/conf.py") and f.count("/") <= 2:
                return "sphinx", f
        for f in project.under(folder):
            if f.endswith("/_config.yml") and f.count("/") <= 2:
                return "jupyter-book", f
    return None


@check(
    "DOC500",
    family=FAMILY,
    severity="important",
    topic="docs",
    title="The project has documentation (Sphinx, MkDocs or Jupyter Book)",
    why="""A README shows what the package is for; documentation shows how to use all of it: a tutorial,
    how-to guides and the reference of every function. Reviewers and users look for a docs site before they
    rely on a package.""",
    fix="""Start with MkDocs (`mkdocs.yml` at the top, pages in `docs/`) or Sphinx (`sphinx-quickstart docs`),
    and add a getting-started page and an API reference.""",
)
def has_docs(project: Project) -> Result:
    if docs_tool(project):
        return None
    folder = project.docs_dir
    if folder:
        return Fail(
            f"There is a `{folder}/` folder, but no Sphinx `conf.py`, `mkdocs.yml` or Jupyter Book "
            "`_config.yml`, so nothing turns it into a website.",
            path=folder,
        )
    return Fail("There is no documentation: no `docs/` folder with a Sphinx `conf.py`, and no `mkdocs.yml`.")


@check(
    "DOC501",
    family=FAMILY,
    severity="important",
    topic="docs",
    requires=("DOC500",),
    title="The documentation includes an API reference",
    why="""An API reference lists every public function and class with its parameters, built from your
    docstrings, so it stays in step with the code. Users look there for what a function accepts and
    returns.""",
    fix="""Sphinx: add `"sphinx.ext.autodoc"` (and `"sphinx.ext.autosummary"`) to `extensions` in conf.py and
    a page with `.. automodule:: yourpackage` and `:members:`. MkDocs: add the `mkdocstrings` plugin and a
    page
    containing `::: yourpackage`.""",
)
def has_api_reference(project: Project) -> Result:
    found = docs_tool(project)
    if found is None:
        return Skip("There are no docs yet.")
    tool, config = found
    config_text = project.read_text(config) or ""
    if tool in {"sphinx", "jupyter-book"} and _AUTODOC_EXT.search(config_text):
        return None
    pages = [
        f for f in project.under(project.docs_dir or "docs") if f.endswith((".md", ".rst", ".txt", ".ipynb"))
    ]
    for page in pages:
        text = project.read_text(page) or ""
        if _AUTODOC_DIRECTIVE.search(text) or _MKDOCSTRINGS.search(text):
            return None
    if tool == "mkdocs" and "mkdocstrings" in config_text and "gen-files" in config_text:
        return None  # reference pages generated at build time
    if tool == "mkdocs":
        return Fail(
            "The MkDocs site has no API reference: no page contains a mkdocstrings `::: yourpackage` block.",
            path=config,
        )
    return Fail(
        f"The docs have no API reference: `{config}` does not load autodoc, autosummary or autoapi, "
        "and no page uses `automodule`/`autofunction`.",
        path=config,
    )


@check(
    "DOC502",
    family=FAMILY,
    severity="polish",
    topic="docs",
    requires=("DOC500",),
    title="The documentation is built and published automatically",
    why="""Docs that only build on your laptop go out of date and stay invisible. Read the Docs or a CI job
    rebuilds them on every change, shows readers the current version, and tells you when a change broke
    them.""",
    fix="""Add a `.readthedocs.yaml` and import the project on readthedocs.org, or add a CI job that runs
    `sphinx-build` / `mkdocs build` (and publishes to GitHub Pages).""",
)
def docs_built(project: Project) -> Result:
    if project.find(".readthedocs.yaml", ".readthedocs.yml", "readthedocs.yml", "readthedocs.yaml"):
        return None
    ci_files = [*project.workflow_files, *(f for f in (".gitlab-ci.yml",) if project.has(f))]
    for f in ci_files:
        if _DOCS_BUILD.search(project.read_text(f) or ""):
            return None
    return Fail("No `.readthedocs.yaml` and no CI job that builds the docs.")


_TUTORIAL_WORDS = (
    r"tutorials?|quick[ _-]?start|getting[ _-]started|get[ _-]started|first[ _-]steps|usage|user[ _-]?guide"
    r"|examples?|gallery|how[ _-]?tos?|walk[ _-]?through|vignettes?|notebooks?"
)
_TUTORIAL_NAME = re.compile(rf"(^|[/_.-])({_TUTORIAL_WORDS})([/_.-]|$)", re.IGNORECASE)
_TUTORIAL_HEADING = re.compile(
    rf"^(?:#{{1,3}}[ \t]+[^\n]*\b(?:{_TUTORIAL_WORDS})\b[^\n]*"
    rf"|[^\n]*\b(?:{_TUTORIAL_WORDS})\b[^\n]*\n[=\-~^\"'`#*+]{{3,}}[ \t]*)$",
    re.IGNORECASE | re.MULTILINE,
)
_GALLERY = re.compile(r"sphinx_gallery|\bnbsphinx\b|myst_nb|mkdocs-jupyter|mknotebooks|jupyter_execute")
_PAGE_SUFFIXES = (".md", ".rst", ".txt", ".ipynb", ".py", ".qmd", ".myst")
_EXAMPLE_FOLDERS = ("examples", "example", "tutorials", "tutorial", "notebooks")


def _first_heading(text: str) -> int:
    m = re.search(r"^(?:#[ \t]|[^\n]+\n[=\-~^\"'`#*+]{3,}[ \t]*$)", text, re.MULTILINE)
    return m.start() if m else -1


def tutorial_page(project: Project) -> tuple[str, int | None] | None:
    """Where the project's tutorial or quickstart is: a docs page (and heading line), or None."""
    found = docs_tool(project)
    if found is None:
        return None
    config = found[1]
    folder = project.docs_dir or "docs"
    pages = [f for f in project.under(folder) if f.endswith(_PAGE_SUFFIXES) and "/_build/" not in f]
    for page in pages:
        if page.endswith(".ipynb") or _TUTORIAL_NAME.search(page[len(folder) :]):
            return page, None
    for page in pages:
        if page.endswith((".md", ".rst", ".txt", ".qmd", ".myst")):
            text = project.read_text(page) or ""
            is_index = page.rsplit("/", 1)[-1].split(".")[0].lower() in {"index", "readme"}
            for m in _TUTORIAL_HEADING.finditer(text):
                if is_index and m.start() == _first_heading(text):
                    continue  # the project's name on its front page, not a section
                return page, text.count("\n", 0, m.start()) + 1
    if _GALLERY.search(project.read_text(config) or ""):
        return config, None
    for name in _EXAMPLE_FOLDERS:  # example scripts or notebooks (as sphinx-gallery and nbsphinx use them)
        examples = [f for f in project.under(name) if f.endswith((".py", ".ipynb")) and f.count("/") == 1]
        if examples:
            return examples[0], None
    return None


@check(
    "DOC503",
    family=FAMILY,
    severity="polish",
    topic="docs",
    requires=("DOC500",),
    title="The documentation has a tutorial or quickstart",
    why="""A short tutorial walks a new user through the package's main task from start to finish, with
    code they can run. It is how most people learn a package, and the first page reviewers open after the
    README.""",
    fix="""Add a page such as `docs/quickstart.md` (or a notebook under `docs/`) that installs the package,
    loads a small example and calls its main functions, with the output shown.""",
)
def has_tutorial(project: Project) -> Result:
    if docs_tool(project) is None:
        return Skip("There are no docs yet.")
    if tutorial_page(project) is not None:
        return None
    folder = project.docs_dir or "docs"
    return Fail(
        f"No page in `{folder}/` is named or titled as a tutorial, quickstart, getting-started, usage or "
        "examples page, the docs hold no notebooks, and there is no `examples/` folder of scripts or "
        "notebooks.",
        path=folder,
    )


#: share of public functions and classes that must have a docstring for DOC504 to pass
DOCSTRING_SHARE = 0.8


@check(
    "DOC504",
    family=FAMILY,
    severity="polish",
    topic="docs",
    requires=("LAY400",),
    title="Public functions and classes have docstrings (at least 8 in 10)",
    why="""A docstring says what a function does, what it takes and what it returns. Your API reference is
    built from them, editors such as `help()` and IDEs show them, and reviewers read them to judge the
    package. Without them users must read your code to use it.""",
    fix="""Add a docstring to each public function and class, in one standard style (NumPy style is common
    in science): a one-line summary, then the parameters, the return value and a short example.""",
)
def has_docstrings(project: Project) -> Result:
    from sciship.checks import _docstrings

    cov = _docstrings.coverage(project)
    if cov.total == 0:
        return Skip("The package has no public module-level functions or classes.")
    if cov.share >= DOCSTRING_SHARE:
        return None
    shown = ", ".join(f"`{d.name}` ({d.path}:{d.line})" for d in cov.missing[:5])
    more = f" and {len(cov.missing) - 5} more" if len(cov.missing) > 5 else ""
    first = cov.missing[0]
    return Fail(
        f"{len(cov.missing)} of {cov.total} public functions and classes have no docstring "
        f"({int(100 * cov.share)}% documented): {shown}{more}.",
        path=first.path,
        line=first.line,
        needs_author=True,  # only the author can say what each function does
    )
