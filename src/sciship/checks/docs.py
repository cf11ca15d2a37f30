"""Documentation: a docs site, an API reference in it, and a place where it is built."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Literal

from sciship._regex import compile_later
from sciship.checks import Fail, Pass, Skip, check

if TYPE_CHECKING:
    from sciship.checks import Result
    from sciship.project import Project

FAMILY = "docs"
Tool = Literal["sphinx", "mkdocs", "jupyter-book", "quarto", "pdoc", "built"]
_MKDOCS = ("mkdocs.yml", "mkdocs.yaml")
_AUTODOC_EXT = compile_later(
    r"sphinx\.ext\.(autodoc|autosummary)|\bautoapi\b|sphinx_autodoc|automodapi|sphinx_autopackagesummary"
)
_AUTODOC_DIRECTIVE = compile_later(
    r"\.\.\s+auto(module|function|class|summary|data|exception|modapi|modsumm)::"
    r"|\{auto(module|function|class|summary|modapi)\}"
)
#: mkdocstrings' own syntax: `::: package.module`, alone or after a heading's hashes
_MKDOCSTRINGS = compile_later(r"^(#{1,6}\s*)?:::\s*\S", re.MULTILINE)
_DOCS_BUILD = compile_later(
    r"sphinx-build|sphinx\.cmd|mkdocs\s+(build|gh-deploy)|jupyter[- ]book\s+build|\bjb\s+build"
    r"|(tox|nox)\s+(-e|-s|--session)\s+docs|make\s+(-C\s+\S+\s+)?html|hatch\s+run\s+docs|actions/deploy-pages"
    r"|quarto\s+(render|publish)|\bpdoc\b"
)
_PDOC = compile_later(r"(^|[\s\"'\[,])pdoc3?\b", re.MULTILINE)
#: where pdoc (an API documentation generator) is usually run from
_PDOC_PLACES = ("Makefile", "noxfile.py", "tox.ini", "pyproject.toml", "setup.cfg", "justfile")
_SKIP_DIRS = compile_later(r"(^|/)(node_modules|\.tox|\.nox|site-packages|tests?|examples?)/")


_SPHINX_CONF = compile_later(r"^\s*(extensions|html_theme|project)\s*[+]?=", re.MULTILINE)


def _conf_py(project: Project) -> str | None:
    """A Sphinx conf.py in any documentation folder (docs/, doc/, docs_source/, man/, sphinx/, ...)."""
    package_dirs = tuple(p.path + "/" for p in project.packages if not p.module)
    found = [
        f
        for f in project.files
        if f.endswith("conf.py")
        and f.rsplit("/", 1)[-1] == "conf.py"
        and 1 <= f.count("/") <= 3
        and not f.startswith(package_dirs)
        and not _SKIP_DIRS.search(f)
        and _SPHINX_CONF.search(project.read_text(f) or "")
    ]
    return min(found, key=lambda f: (f.count("/"), f)) if found else None


def _pdoc(project: Project) -> str | None:
    """Where pdoc is run to build API documentation (a workflow, a Makefile, a script, the dependencies)."""
    places = [*project.workflow_files, *(f for f in _PDOC_PLACES if project.has(f))]
    places += [f for f in project.files if "/" not in f and f.endswith(".sh")]
    for f in places:
        if _PDOC.search(project.read_text(f) or ""):
            return f
    return next((f for f in project.files if f.endswith("/config.mako")), None)


def docs_tool(project: Project) -> tuple[Tool, str] | None:
    """Which site generator the docs use and its configuration file."""

    def compute() -> tuple[Tool, str] | None:
        mk = project.find(*_MKDOCS) or next(
            (f for f in project.files if f.count("/") == 1 and f.rsplit("/", 1)[-1] in _MKDOCS), None
        )
        if mk:
            return "mkdocs", mk
        conf = _conf_py(project)
        if conf:
            return "sphinx", conf
        for f in project.files:
            name = f.rsplit("/", 1)[-1]
            folder = f[: -len(name)]
            if f.count("/") <= 2 and (
                name == "myst.yml" or (name == "_config.yml" and project.has(folder + "_toc.yml"))
            ):
                return "jupyter-book", f
        quarto = next((f for f in project.files if f.endswith("_quarto.yml") and f.count("/") <= 2), None)
        if quarto:
            return "quarto", quarto
        pdoc = _pdoc(project)
        if pdoc:
            return "pdoc", pdoc
        built = next((f for f in ("docs/index.html", "doc/index.html") if project.has(f)), None)
        if built:
            return "built", built
        return None

    return project.memo("docs:tool", compute)  # type: ignore[no-any-return]


def _hosted_docs(project: Project) -> str | None:
    """A documentation address in the package metadata (docs kept in another repository or service)."""
    from sciship.metadata.read import load

    meta = load(project).package
    if meta is None:
        return None
    url = meta.documentation
    if url is None:
        url = next((u for u in meta.urls.values() if "readthedocs" in u or ".github.io" in u), None)
    return url


@check(
    "DOC500",
    family=FAMILY,
    severity="important",
    topic="docs",
    title="The project has documentation (Sphinx, MkDocs, Jupyter Book, Quarto or pdoc)",
    why="""A README shows what the package is for; documentation shows how to use all of it: a tutorial,
    how-to guides and the reference of every function. Reviewers and users look for a docs site before they
    rely on a package.""",
    fix="""Start with MkDocs (`mkdocs.yml` at the top, pages in `docs/`) or Sphinx (`sphinx-quickstart docs`),
    and add a getting-started page and an API reference.""",
)
def has_docs(project: Project) -> Result:
    """DOC500: a docs site is set up (Sphinx, MkDocs, Jupyter Book, Quarto, pdoc or a built site).

    A documentation link in the package metadata passes too.
    """
    found = docs_tool(project)
    if found:
        tool, where = found
        if tool == "built":
            return Pass(f"`{where}` is a built documentation site kept in the repository.", where)
        if tool == "pdoc":
            return Pass(f"pdoc builds the documentation (see `{where}`).", where)
        return None
    hosted = _hosted_docs(project)
    if hosted:
        return Pass(f"The package metadata links to its documentation ({hosted}); the sources are elsewhere.")
    folder = project.docs_dir
    looked = "a Sphinx `conf.py`, `mkdocs.yml`, Jupyter Book, Quarto or pdoc"
    if folder:
        return Fail(
            f"There is a `{folder}/` folder, but no {looked} setup, so nothing turns it into a website.",
            path=folder,
        )
    return Fail(f"There is no documentation: sciship looked for {looked} in every documentation folder.")


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
    """DOC501: the docs build an API reference from the docstrings.

    Counts autodoc, autosummary, autoapi, mkdocstrings, quartodoc and pdoc; skips for docs kept as a built
    site.
    """
    found = docs_tool(project)
    if found is None:
        return Skip("There are no docs sciship can read here.")
    tool, config = found
    if tool == "pdoc":
        return None  # pdoc writes an API reference from the docstrings: that is all it does
    if tool == "built":
        return Skip("sciship is not sure: the documentation is kept as a built site, not as sources.")
    config_text = project.read_text(config) or ""
    if tool in {"sphinx", "jupyter-book"} and _AUTODOC_EXT.search(config_text):
        return None
    if tool == "quarto" and re.search(r"^quartodoc:", config_text, re.MULTILINE):
        return None  # quartodoc writes the reference pages
    if _pdoc(project):
        return None  # an API reference built by pdoc next to the guides (afscgap)
    generated = re.search(r"gen-files|api-autonav", config_text)
    if tool == "mkdocs" and "mkdocstrings" in config_text and generated:
        return None  # reference pages generated at build time
    folder = config.rsplit("/", 1)[0] if "/" in config else (project.docs_dir or "docs")
    pages = [f for f in project.under(folder) if f.endswith((".md", ".rst", ".txt", ".ipynb", ".qmd"))]
    if tool == "mkdocs":
        m = re.search(r"^docs_dir:\s*['\"]?([^'\"\s]+)", config_text, re.MULTILINE)
        base = config.rsplit("/", 1)[0] + "/" if "/" in config else ""
        pages = [f for f in project.under(base + (m.group(1) if m else "docs")) if f.endswith(".md")]
    for page in pages:
        text = project.read_text(page) or ""
        if _AUTODOC_DIRECTIVE.search(text) or _MKDOCSTRINGS.search(text):
            return None
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
    """DOC502: a `.readthedocs.yaml` or a CI job builds the docs."""
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
_TUTORIAL_NAME = compile_later(rf"(^|[/_.-])({_TUTORIAL_WORDS})([/_.-]|$)", re.IGNORECASE)
_TUTORIAL_HEADING = compile_later(
    rf"^(?:#{{1,3}}[ \t]+[^\n]*\b(?:{_TUTORIAL_WORDS})\b[^\n]*"
    rf"|[^\n]*\b(?:{_TUTORIAL_WORDS})\b[^\n]*\n[=\-~^\"'`#*+]{{3,}}[ \t]*)$",
    re.IGNORECASE | re.MULTILINE,
)
_GALLERY = compile_later(r"sphinx_gallery|\bnbsphinx\b|myst_nb|mkdocs-jupyter|mknotebooks|jupyter_execute")
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
    folder = docs_folder(project)
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
            for included in _included(project, page, text):  # `.. include:: ../../README.rst`
                body = project.read_text(included) or ""
                first = _first_heading(body)
                if any(m.start() != first for m in _TUTORIAL_HEADING.finditer(body)):
                    return page, None
    if _GALLERY.search(project.read_text(config) or ""):
        return config, None
    for name in _EXAMPLE_FOLDERS:  # example scripts or notebooks (as sphinx-gallery and nbsphinx use them)
        examples = [
            f
            for f in project.under(name)
            if f.endswith((".py", ".ipynb")) and f.count("/") <= 3 and "/." not in f"/{f}"
        ]
        if examples:
            return min(examples, key=lambda f: (f.count("/"), f)), None
    return None


def docs_folder(project: Project) -> str:
    """The documentation's folder: docs/ (doc/, documentation/), else the folder of the site's
    configuration (`man/conf.py` -> `man`)."""
    if project.docs_dir:
        return project.docs_dir
    found = docs_tool(project)
    if found is not None and "/" in found[1]:
        return found[1].split("/", 1)[0]
    return "docs"


_INCLUDE = compile_later(r"^\s*\.\.\s+include::\s*(\S+)|^[`:]{3,}\s*\{include\}\s*(\S+)", re.MULTILINE)


def _included(project: Project, page: str, text: str) -> list[str]:
    """Files a docs page includes whole (reST `.. include::`, MyST `{include}`), as project paths."""
    import posixpath

    out = []
    here = page.rpartition("/")[0]
    for m in _INCLUDE.finditer(text):
        target = m.group(1) or m.group(2)
        path = posixpath.normpath(posixpath.join(here, target)) if not target.startswith("/") else target[1:]
        if project.has(path):
            out.append(path)
    return out


@check(
    "DOC503",
    family=FAMILY,
    severity="important",
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
    """DOC503: the docs have a tutorial, quickstart, usage or examples page, or example notebooks.

    A gallery extension in the docs configuration or an `examples/` folder of scripts counts too.
    """
    if docs_tool(project) is None:
        return Skip("There are no docs yet.")
    if tutorial_page(project) is not None:
        return None
    folder = docs_folder(project)
    return Fail(
        f"No page in `{folder}/` is named or titled as a tutorial, quickstart, getting-started, usage or "
        "examples page, the docs hold no notebooks, and there is no `examples/` folder of scripts or "
        "notebooks.",
        path=folder,
    )


#: share of public functions and classes that must have a docstring for DOC504 to pass
DOCSTRING_SHARE = 0.8
#: below this many public Python definitions, a package with compiled sources has its API in them
_FEW = 5
_COMPILED = (".pyx", ".c", ".cc", ".cpp", ".cxx", ".cu", ".f", ".f90", ".rs")


def _compiled_api(project: Project) -> bool:
    """The project builds compiled extensions (sources outside its tests)."""
    return any(f.endswith(_COMPILED) and not f.startswith(("tests/", "test/")) for f in project.files)


@check(
    "DOC504",
    family=FAMILY,
    severity="important",
    topic="docs",
    requires=("LAY400",),
    title="Public functions and classes have docstrings (at least 8 in 10)",
    why="""A docstring says what a function does, what it takes and what it returns. Your API reference is
    built from them, editors such as `help()` and IDEs show them, and reviewers read them to judge the
    package. Without them users must read your code to use it.""",
    fix="""Add a docstring to each public function and class, in one standard style (NumPy style is common
    in science): a one-line summary, then the parameters, the return value and a short example. Names that
    are internal should say so, as PEP 8 asks: a leading underscore (`_helper`, `_widgets/`) or leaving them
    out of the module's `__all__`; sciship then stops counting them.""",
)
def has_docstrings(project: Project) -> Result:
    """DOC504: at least 8 in 10 public functions and classes have a docstring.

    Skips when the package has none, or when its API is compiled code.
    """
    from sciship.checks import _docstrings

    cov = _docstrings.coverage(project)
    if cov.total == 0:
        return Skip("The package has no public module-level functions or classes.")
    if cov.total < _FEW and _compiled_api(project):
        return Skip(
            f"The package's Python code defines only {cov.total} public function(s) or class(es); its API is "
            "compiled code (C, C++, Cython, Fortran or Rust), whose docstrings sciship cannot read."
        )
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
