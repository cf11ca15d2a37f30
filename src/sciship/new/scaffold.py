"""The files of a new project: pyproject.toml, the package, tests, docs, CI and the community files.

``sciship new`` writes all of them; ``sciship adopt`` and the fixers of ``sciship check --fix`` write
the ones a project is missing. Most come from a Jinja2 template under ``templates/``; CITATION.cff,
CONTRIBUTING.md, CHANGELOG.md and CODE_OF_CONDUCT.md come from the one writer each in
:mod:`sciship.metadata.writers` (``share`` and ``check --fix`` use the same ones), fed by
:meth:`Meta.to_metadata`. Everything written is plain, standard content: nothing depends on sciship.

Template names are the paths the files get in a project (``".github/workflows/tests.yml"``,
``"README.md"``). On disk, leading dots are dropped from each part and ``.j2`` is added
(``templates/new/github/workflows/tests.yml.j2``), so no template is mistaken for a real
``.gitignore`` or workflow of sciship's own repository.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sciship._errors import InputError
from sciship._regex import compile_later
from sciship.metadata.licenses import LICENSES, license_text

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    import jinja2

    from sciship.metadata.model import Metadata
    from sciship.metadata.writers.community import DevFacts
    from sciship.project import Project

TEMPLATES = Path(__file__).parent.parent / "templates"

#: The example module every new package starts with (``src/<import_name>/stats.py``).
EXAMPLE_MODULE = "stats"
EXAMPLE_FUNCTION = "standard_error"

_PY_MIN = compile_later(r">=\s*3\.(\d+)")


def _this_year() -> int:
    return dt.datetime.now(tz=dt.timezone.utc).year


@dataclass(frozen=True)
class Meta:
    """What the standard files need to know about a project."""

    name: str  #: distribution name, e.g. ``rainfall-tools``
    import_name: str  #: e.g. ``rainfall_tools``
    description: str
    author: str
    email: str
    license: str | None  #: SPDX id; None = not chosen (no LICENSE file, no ``license`` key)
    github: str | None  #: GitHub owner (user or organisation)
    version: str = "0.1.0"
    year: int = field(default_factory=_this_year)
    python_min: str = "3.10"
    python_max: str = "3.13"

    # -------------------------------------------------------------- derived values for templates
    @property
    def pythons(self) -> list[str]:
        """Every supported Python minor version, oldest first (``["3.10", ..., "3.13"]``)."""
        lo = int(self.python_min.split(".")[1])
        hi = int(self.python_max.split(".")[1])
        return [f"3.{m}" for m in range(lo, max(lo, hi) + 1)]

    @property
    def repo_url(self) -> str | None:
        return f"https://github.com/{self.github}/{self.name}" if self.github else None

    @property
    def docs_url(self) -> str | None:
        return f"https://{self.github.lower()}.github.io/{self.name}/" if self.github else None

    @property
    def summary(self) -> str:
        """The description as pyproject.toml holds it: PyPI's one line, at most 200 characters."""
        return shorten(self.description, MAX_SUMMARY)

    @property
    def docstring_summary(self) -> str:
        """The first line of the package's docstring: the description, fitted into one code line and
        ending with a period (what the template's ruff settings ask of a docstring's first line)."""
        return docstring_line(self.description, DOCSTRING_WIDTH)

    @property
    def given_names(self) -> str:
        return _split_name(self.author)[0]

    @property
    def family_names(self) -> str:
        return _split_name(self.author)[1]

    # -------------------------------------------------------------- the metadata model
    def to_metadata(self) -> Metadata:
        """This project's metadata in the model every standard-file writer takes."""
        from sciship.metadata.model import Metadata, Person

        urls = {}
        if self.repo_url:
            urls = {"Source": self.repo_url, "Documentation": self.docs_url or self.repo_url}
        return Metadata(
            origin="pyproject",
            name=self.name,
            version=self.version,
            description=self.description,
            authors=(Person(name=self.author, email=self.email or None).split(),),
            license=self.license,
            urls=urls,
            requires_python=f">={self.python_min}",
        )

    def dev_facts(self) -> DevFacts:
        """How contributors work on a new project: the tools ``sciship new`` sets up."""
        from sciship.metadata.writers.community import DOCS_BUILD, DevFacts

        return DevFacts(
            install="python -m pip install -e . --group dev",
            uses_groups=True,
            lint=("ruff check .", "ruff format ."),
            pre_commit=True,
            docs=DOCS_BUILD,
            release=True,
            tests_dir="tests",
            python_min=self.python_min,
            clone_url=f"https://github.com/YOUR-NAME/{self.name}.git",
            folder=self.name,
        )

    # -------------------------------------------------------------- from an existing project
    @classmethod
    def from_project(cls, project: Project) -> Meta:
        """What an existing project says about itself (read through the metadata model: ``[project]``,
        Poetry, setup.cfg, CITATION.cff, git...), with safe defaults for what it does not say."""
        from sciship.metadata import read

        md = read.load(project).combined()
        name = md.name or project.root.name or "my-package"
        if project.packages:
            import_name = project.packages[0].name
        else:
            import_name = import_name_for(name)
        first = next(iter(md.people), None)
        git_name, git_email = git_identity(project.root if project.root.is_dir() else None)
        python_min = "3.10"
        m = _PY_MIN.search(md.requires_python or "")
        if m:
            python_min = f"3.{m.group(1)}"
        python_max = "3.13" if int(python_min.split(".")[1]) <= 13 else python_min
        return cls(
            name=name,
            import_name=import_name,
            description=md.description or f"{name}: a Python package.",
            author=(first.display if first else None) or git_name or "The " + name + " developers",
            email=(first.email if first else None) or git_email or "",
            license=md.license,  # only a valid SPDX expression; text or a file counts as "not chosen"
            github=_github_owner(md.urls),
            version=md.version or "0.1.0",
            python_min=python_min,
            python_max=python_max,
        )


def _github_owner(urls: object) -> str | None:
    if not isinstance(urls, dict):
        return None
    for url in urls.values():
        m = re.match(r"https?://github\.com/([A-Za-z0-9-]+)/", str(url))
        if m:
            return m.group(1)
    return None


def _split_name(full: str) -> tuple[str, str]:
    if full.count(",") == 1:  # "Lovelace, Ada": family name first
        family, given = (part.strip() for part in full.split(","))
        if family and given:
            return given, family
    parts = full.split()
    if len(parts) < 2:
        return "", full.strip()
    return " ".join(parts[:-1]), parts[-1]


def import_name_for(name: str) -> str:
    """The import name a distribution name suggests: ``Rainfall-Tools`` -> ``rainfall_tools``."""
    return re.sub(r"[-_.]+", "_", name).lower()


def git_identity(cwd: Path | None = None) -> tuple[str | None, str | None]:
    """``git config user.name`` and ``user.email`` (None for each that is unset or when git is missing)."""
    config = git_config(cwd)
    return config.get("user.name"), config.get("user.email")


def git_config(cwd: Path | None = None) -> dict[str, str]:
    """git's configuration (``user.name``, ``user.email``, ``github.user``, ...) as seen from ``cwd``."""
    from sciship import _git

    return _git.config(cwd)


# ---------------------------------------------------------------------- rendering
@cache
def _env() -> jinja2.Environment:
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
        autoescape=False,  # noqa: S701 - we write TOML, Markdown, YAML and Python, never HTML
        trim_blocks=True,
        lstrip_blocks=True,
        bytecode_cache=_bytecode_cache(),
    )
    env.filters["q"] = quote
    env.filters["docstring"] = docstring
    env.filters["md"] = markdown
    env.globals["sciship_rev"] = sciship_rev()
    return env


def sciship_rev() -> str:
    """The git ref of sciship that generated workflows and pre-commit configurations point at.

    A release (``0.1.0``) is tagged ``v0.1.0`` by sciship's release workflow (a published GitHub release
    creates the tag, and the workflow refuses a tag that does not match the version), so the tag exists
    for every version on PyPI. A development build (``0.2.0.dev3``, ``0.1.0+local``) has no tag yet:
    then ``main``.
    """
    from packaging.version import InvalidVersion, Version

    from sciship import __version__

    try:
        v = Version(__version__)
    except InvalidVersion:
        return "main"
    if v.is_prerelease or v.is_devrelease or v.local:
        return "main"
    return f"v{v.public}"


def _bytecode_cache() -> jinja2.BytecodeCache | None:
    """Compiled templates, kept in Jinja's per-user temporary folder between runs.

    Compiling the ~20 templates is a third of what `sciship new` spends; with the cache a second run
    only loads them. Jinja checks the folder belongs to the user and recompiles a template when its
    source changes. Any problem with the folder means "no cache", never an error.
    """
    import jinja2

    try:
        return jinja2.FileSystemBytecodeCache()
    except (OSError, RuntimeError):
        return None


def quote(value: object) -> str:
    """``value`` as a double-quoted string that TOML, YAML and Python all read back unchanged.

    Characters that are not printable (controls, line and paragraph separators, which YAML would read
    as a line break) are written as ``\\uXXXX`` / ``\\UXXXXXXXX`` escapes, which all three understand.
    """
    text = str(value)
    out = ['"']
    for ch in text:
        if ch in {'"', "\\"}:
            out.append("\\" + ch)
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ch != " " and not ch.isprintable():
            out.append(f"\\u{ord(ch):04x}" if ord(ch) <= 0xFFFF else f"\\U{ord(ch):08x}")
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


#: PyPI shows the description on one line; sciship's check asks for at most this many characters.
MAX_SUMMARY = 200
#: The template's ruff line length (99) minus the quotes around a one-line docstring.
DOCSTRING_WIDTH = 93
#: what ends a sentence, in Latin and in CJK scripts (full-width marks)
_STOPS = ".!?\u3002\uff01\uff1f"
_SENTENCE = compile_later(rf"^(.+?[{_STOPS}])(?:\s|$)")
_BLOCK_START = compile_later(r"^(?:[#>*+=|<~`%:-]|\d+[.)](?:\s|$))")


def shorten(text: str, limit: int) -> str:
    """``text`` if it fits in ``limit`` characters, else its first sentence, else its words up to "…"."""
    if len(text) <= limit:
        return text
    m = _SENTENCE.match(text)
    if m and len(m.group(1)) <= limit:
        return m.group(1)
    cut = text[: limit - 1]
    if " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:-") + "…"


def _columns(ch: str) -> int:
    """How many columns ``ch`` takes in an editor (and in ruff's line-length count)."""
    import unicodedata

    if unicodedata.combining(ch):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in {"W", "F"} else 1


def docstring_line(text: str, width: int) -> str:
    """``text`` as one docstring line of at most ``width`` columns, ending with ".".

    Double quotes become single ones and backslashes slashes: a docstring with a backslash must be a raw
    string (ruff's D301), and this line is prose, not metadata, so nothing depends on the exact text.
    """
    body = text.replace('"', "'").replace("\\", "/").rstrip(" …" + _STOPS)
    cost = [_columns(c) + (1 if c in '"\\' else 0) for c in body]
    if sum(cost) + 1 > width:
        keep, used = 0, 0
        while keep < len(body) and used + cost[keep] + 3 <= width:
            used += cost[keep]
            keep += 1
        body = body[:keep]
        if " " in body:
            body = body.rsplit(" ", 1)[0]
        return body.rstrip(" ,;:-") + "..."
    return body + "."


def markdown(value: object) -> str:
    """``value`` as a Markdown paragraph: a leading character that would start a heading, a list, a
    quote, a table or a code fence (or a MyST comment) is escaped, so the text shows as written."""
    text = str(value)
    if not _BLOCK_START.match(text):
        return text
    m = re.match(r"^(\d+)([.)])", text)
    if m:
        return f"{m.group(1)}\\{m.group(2)}{text[m.end():]}"
    return "\\" + text


def docstring(value: object) -> str:
    """``value`` made safe inside a Python triple-quoted docstring."""
    return str(value).replace("\\", "\\\\").replace('"', '\\"')


def template_file(template: str) -> str:
    """Where the template for project path ``template`` lives under ``templates/``."""
    if template == "CODE_OF_CONDUCT.md":
        return "community/CODE_OF_CONDUCT.md"
    parts = [p.lstrip(".") for p in template.split("/")]
    return "new/" + "/".join(parts) + ".j2"


def render(template: str, meta: Meta, **extra: object) -> str:
    """Render the file a project keeps at ``template`` (e.g. ``"CITATION.cff"``) for ``meta``.

    ``extra`` values reach the template as variables. Two have defaults: ``example`` (False: the
    README and docs show only ``import <package>``; True, for ``sciship new``: they show the bundled
    ``standard_error`` example) and ``modules`` (the modules the API page documents; default: the
    import package itself).
    """
    if template == "LICENSE":
        if meta.license is None:
            raise InputError("No license was chosen, so there is no LICENSE file to write.")
        return license_text(meta.license, meta.year, meta.author)
    if template in _WRITERS:
        return _WRITERS[template](meta)
    import jinja2

    context: dict[str, Any] = {
        "meta": meta,
        "contact": meta.email or meta.author,
        "example": False,
        "modules": [meta.import_name],
        **extra,
    }
    try:
        tpl = _env().get_template(template_file(template))
    except jinja2.TemplateNotFound:
        raise InputError(f"sciship has no template for `{template}`.") from None
    return tpl.render(context)


def _citation(meta: Meta) -> str:
    from sciship.metadata.writers import cff

    return cff.render(meta.to_metadata())


def _contributing(meta: Meta) -> str:
    from sciship.metadata.writers import community

    return community.contributing(meta.to_metadata(), meta.dev_facts())


def _changelog(meta: Meta) -> str:
    from sciship.metadata.writers import community

    return community.changelog(meta.to_metadata(), released=False)


def _code_of_conduct(meta: Meta) -> str:
    from sciship.metadata.writers import community

    return community.code_of_conduct(meta.to_metadata())


#: Files written by the one writer each in :mod:`sciship.metadata.writers`, not by a template here.
_WRITERS: dict[str, Callable[[Meta], str]] = {
    "CITATION.cff": _citation,
    "CONTRIBUTING.md": _contributing,
    "CHANGELOG.md": _changelog,
    "CODE_OF_CONDUCT.md": _code_of_conduct,
}


def _render_all(meta: Meta, names: tuple[str, ...]) -> dict[str, str]:
    return {name: render(name, meta) for name in names}


COMMUNITY_FILES = ("CONTRIBUTING.md", "CODE_OF_CONDUCT.md", "CHANGELOG.md", "CITATION.cff", ".gitignore")
CI_FILES = (
    ".github/workflows/tests.yml",
    ".github/workflows/docs.yml",
    ".github/workflows/release.yml",
    ".github/dependabot.yml",
    ".pre-commit-config.yaml",
)
DOCS_FILES = ("docs/conf.py", "docs/index.md", "docs/api.md")


def community_files(meta: Meta) -> dict[str, str]:
    """CONTRIBUTING.md, CODE_OF_CONDUCT.md, CHANGELOG.md, CITATION.cff, .gitignore and LICENSE (if chosen)."""
    files = _render_all(meta, COMMUNITY_FILES)
    if meta.license in LICENSES:  # other SPDX expressions: sciship has no text to write
        files["LICENSE"] = render("LICENSE", meta)
    return files


def ci_files(meta: Meta) -> dict[str, str]:
    """GitHub Actions workflows (tests, docs, release), dependabot and a pre-commit configuration."""
    return _render_all(meta, CI_FILES)


def docs_files(meta: Meta, *, modules: Sequence[str] | None = None, example: bool = False) -> dict[str, str]:
    """A Sphinx + MyST ``docs/`` folder that builds with one command and has an API page.

    The API page documents ``modules`` (default: the import package) from their docstrings.
    """
    extra = {"modules": list(modules or [meta.import_name]), "example": example}
    return {name: render(name, meta, **extra) for name in DOCS_FILES}


def package_files(meta: Meta) -> dict[str, str]:
    """The import package and its tests: ``src/<import_name>/`` and ``tests/``."""
    pkg = f"src/{meta.import_name}"
    return {
        f"{pkg}/__init__.py": render("package/__init__.py", meta),
        f"{pkg}/{EXAMPLE_MODULE}.py": render("package/stats.py", meta),
        f"{pkg}/py.typed": "",
        "tests/test_stats.py": render("tests/test_stats.py", meta),
        "tests/test_readme.py": render("tests/test_readme.py", meta),
        "tests/test_docstrings.py": render("tests/test_docstrings.py", meta),
    }


def project_files(meta: Meta) -> dict[str, str]:
    """Every file of a new project, in the order ``sciship new`` lists them."""
    files = {
        "pyproject.toml": render("pyproject.toml", meta),
        "README.md": render("README.md", meta, example=True),
    }
    files.update(package_files(meta))
    files.update(community_files(meta))
    files.update(docs_files(meta, modules=[f"{meta.import_name}.{EXAMPLE_MODULE}"], example=True))
    files.update(ci_files(meta))
    return files
