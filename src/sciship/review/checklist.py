"""Readiness for pyOpenSci review: ``sciship check``'s findings mapped onto the editor-in-chief's checks.

The items follow the editor-in-chief checklist in its order (pyOpenSci's software-peer-review guide,
``appendices/editor-in-chief-checks.md``), in sciship's own words. Each item is ``met``, ``not met`` or
``for a person`` (fit, overlap, terms of service, the generative-AI disclosure: nobody but a person can
judge them), with its evidence: the check codes behind it with their status, files and lines, and the
facts :mod:`~sciship.review.facts` reads.

Items map findings by check code and status, never by message text: a check's wording may change, its
code does not. A check skipped because a prerequisite failed counts against the item (the prerequisite is
the evidence); a check skipped because it does not apply (no public functions to document) counts for it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from sciship._regex import compile_later
from sciship.checks import SEVERITY_RANK, Finding

if TYPE_CHECKING:
    from sciship.project import Project
    from sciship.release import BuildResult

ItemStatus = Literal["met", "not met", "for a person"]
Group = Literal["required", "joss", "optional"]
Basis = Literal["checks", "build", "static", "facts", "person"]
#: rank of an item that rests on facts rather than checks, between important (1) and polish (2)
_FACT_RANK = 1


@dataclass(frozen=True)
class Evidence:
    """One thing sciship saw: a check's result (``code`` + ``status``) or a fact (``code`` None)."""

    text: str
    code: str | None = None
    status: str | None = None  #: passed / failed / skipped for a check; met / not met for a fact
    path: str | None = None
    line: int | None = None

    def location(self) -> str | None:
        if self.path is None:
            return None
        return f"{self.path}:{self.line}" if self.line else self.path

    def to_dict(self) -> dict[str, object]:
        return {
            "code": self.code,
            "status": self.status,
            "text": self.text,
            "path": self.path,
            "line": self.line,
        }


@dataclass(frozen=True)
class Item:
    """One line of the readiness checklist: what it asks, whether it is met, on what basis, with evidence."""

    key: str
    title: str  #: what "met" means, in sciship's words
    group: Group
    level: int  #: 0 for an item, 1 for a part of the item above it
    status: ItemStatus
    basis: Basis
    evidence: tuple[Evidence, ...] = ()
    todo: str = ""  #: what to do (not met) or what to judge (for a person)
    rank: int = _FACT_RANK  #: how much it matters when not met: 0 blocker, 1 important, 2 polish
    rollup: bool = False  #: sums up the items below it (not listed again among what blocks)

    def to_dict(self) -> dict[str, object]:
        return {
            "key": self.key,
            "title": self.title,
            "group": self.group,
            "level": self.level,
            "status": self.status,
            "basis": self.basis,
            "todo": self.todo,
            "evidence": [e.to_dict() for e in self.evidence],
        }


@dataclass(frozen=True)
class Readiness:
    """A project's readiness for pyOpenSci review: the checklist's items in order, and the findings."""

    root: str
    items: tuple[Item, ...]
    findings: tuple[Finding, ...] = field(repr=False, default=())
    built: bool = False

    def item(self, key: str) -> Item:
        return next(i for i in self.items if i.key == key)

    @property
    def blocking(self) -> list[Item]:
        """Required items not met, most important first (then in the checklist's order)."""
        order = {i.key: n for n, i in enumerate(self.items)}
        out = [i for i in self.items if i.group == "required" and i.status == "not met" and not i.rollup]
        return sorted(out, key=lambda i: (i.rank, order[i.key]))

    @property
    def for_a_person(self) -> list[Item]:
        return [i for i in self.items if i.status == "for a person"]

    @property
    def ready(self) -> bool:
        return not self.blocking

    def counts(self) -> dict[str, int]:
        return {s: sum(1 for i in self.items if i.status == s) for s in ("met", "not met", "for a person")}


# ---------------------------------------------------------------------- building the items
class _Ctx:
    def __init__(self, project: Project, findings: Sequence[Finding], build: BuildResult | None) -> None:
        self.project = project
        self.by_code: dict[str, Finding] = {f.code: f for f in findings}
        self.findings = findings
        self.build = build

    def evidence(self, codes: Iterable[str]) -> list[Evidence]:
        out = []
        for code in codes:
            f = self.by_code.get(code)
            if f is None:
                continue
            text = f.check.title if f.status == "passed" else (f.message or f.check.title)
            path, line = f.path, f.line
            if f.status == "passed" and path is None:
                from sciship.review.facts import passed_place

                place = passed_place(self.project, code)
                if place is not None:
                    path, line = place.path, place.line
            out.append(Evidence(text, f.code, f.status, path, line))
        return out

    def counts_against(self, code: str, depth: int = 0) -> bool:
        """The finding failed, or was skipped because something it needs failed (a prerequisite that was
        itself skipped as not applicable does not count)."""
        f = self.by_code.get(code)
        if f is None or depth > 10:
            return False
        if f.status == "failed":
            return True
        if f.status == "skipped":
            return any(self.counts_against(r, depth + 1) for r in f.check.requires)
        return False

    def rank(self, codes: Iterable[str]) -> int:
        ranks = [SEVERITY_RANK[self.by_code[c].severity] for c in codes if self.counts_against(c)]
        return min(ranks) if ranks else _FACT_RANK

    def codes_where(self, families: set[str], severity: str) -> list[str]:
        return [f.code for f in self.findings if f.check.family in families and f.severity == severity]


def _from_checks(
    ctx: _Ctx,
    key: str,
    title: str,
    codes: Sequence[str],
    *,
    todo: str,
    group: Group = "required",
    level: int = 0,
    shown: Sequence[str] = (),
) -> Item:
    """An item that is met when none of ``codes`` counts against it (``shown`` codes are evidence only)."""
    against = [c for c in codes if ctx.counts_against(c)]
    present = [c for c in codes if c in ctx.by_code]
    evidence = ctx.evidence([*codes, *shown])
    if not present:
        return Item(
            key,
            title,
            group,
            level,
            "not met",
            "checks",
            tuple(evidence),
            "sciship ran none of the checks behind this item (see --select/--ignore).",
        )
    status: ItemStatus = "not met" if against else "met"
    return Item(
        key,
        title,
        group,
        level,
        status,
        "checks",
        tuple(evidence),
        todo if against else "",
        ctx.rank(against),
    )


def _person(key: str, title: str, todo: str, *, group: Group = "required", level: int = 0) -> Item:
    return Item(key, title, group, level, "for a person", "person", (), todo)


def evaluate(
    project: Project,
    findings: Sequence[Finding],
    *,
    build: BuildResult | None = None,
) -> Readiness:
    """The editor-in-chief checklist for ``project``, from one run of the checks (and ``sciship build``)."""
    from sciship.review import facts

    ctx = _Ctx(project, findings, build)
    meta = facts.metadata(project)
    items: list[Item] = []

    # -- installation and import
    packaging = ctx.codes_where({"pyproject", "metadata", "readme", "layout"}, "blocker")
    install = _from_checks(
        ctx,
        "installation",
        "Installs from a community repository (PyPI or conda-forge) with one command",
        [*packaging, "RDM311"],
        todo="Fix what stops the package from building, and give the install command in the README; then "
        "publish it on PyPI (`sciship publish`).",
    )
    named = facts.install_by_name(project, facts.name_variants(meta.name))
    ev = list(install.evidence)
    if named is not None:
        ev.append(
            Evidence(f"The README installs it by name: `{named.value}`.", None, "met", named.path, named.line)
        )
        ev.append(Evidence("sciship did not look the name up on PyPI or conda-forge.", None, None))
    elif install.status == "met":
        readme = next((e for e in ev if e.code == "RDM311"), None)
        ev.append(
            Evidence(
                f"No install command in the README names `{meta.name or 'the package'}`: people "
                "cannot tell what to install from PyPI or conda-forge.",
                None,
                "not met",
                readme.path if readme else None,
            )
        )
        install = Item(
            install.key,
            install.title,
            "required",
            0,
            "not met",
            "facts",
            (),
            "Add `pip install "
            f"{meta.name or 'your-package'}` (and the conda-forge command, if there is one) to the "
            "README's installation section.",
            _FACT_RANK,
        )
    install = _with(install, evidence=tuple(ev))
    if build is not None:
        readme_says = not ctx.counts_against("RDM311") and named is not None
        install = _build_item(
            install,
            build,
            ("sdist", "wheel", "venv", "install"),
            "built and installed",
            other_reasons=not readme_says,
        )
    items.append(install)

    imports = _from_checks(
        ctx,
        "imports",
        "Imports in a fresh Python environment",
        [*packaging, "DEP900", "LAY402"],
        todo="Declare every package your code imports and give every subpackage an `__init__.py`.",
        level=1,
    )
    if build is not None:
        # every import provided by a declared dependency (extras count): DEP900 and DEP905 passed
        declared = _status(ctx, "DEP900") == "passed" and _status(ctx, "DEP905") == "passed"
        imports = _build_item(
            imports, build, ("install", "import"), "imported every module", imports=True, extras_ok=declared
        )
    elif imports.status == "met":
        imports = _with(
            imports,
            basis="static",
            evidence=(
                *imports.evidence,
                Evidence(
                    "Read statically: sciship did not install or import the package. "
                    "`sciship review check --build` does.",
                    None,
                    None,
                ),
            ),
        )
    items.append(imports)

    items.append(
        _person(
            "fit",
            "Fits pyOpenSci's scope",
            "Decide which of pyOpenSci's categories the package falls under (https://www.pyopensci.org/"
            "software-peer-review/about/package-scope.html); if unsure, open a pre-submission inquiry "
            "(`sciship review submission --presubmission`).",
        )
    )

    # -- documentation
    docs_url = meta.documentation or (
        meta.homepage if meta.homepage and "readthedocs" in meta.homepage else None
    )
    docs = _from_checks(
        ctx,
        "documentation",
        "Documentation online, enough to judge the package without installing it",
        ["DOC500"],
        shown=["DOC502"],
        todo="Write documentation (`docs/` with Sphinx or MkDocs) and publish it (Read the Docs or GitHub "
        "Pages).",
    )
    published = "DOC502" in ctx.by_code and ctx.by_code["DOC502"].status == "passed"
    ev = list(docs.evidence)
    if docs_url:
        path, line = facts.where(meta, "urls")
        ev.append(Evidence(f"The metadata links to the documentation: {docs_url}", None, "met", path, line))
    if docs.status == "met" and not (published or docs_url):
        docs = Item(
            docs.key,
            docs.title,
            "required",
            0,
            "not met",
            "facts",
            tuple(ev),
            "Publish the docs (Read the Docs or GitHub Pages) and add the address under "
            "`[project.urls]` as `Documentation`.",
            _FACT_RANK,
        )
    items.append(_with(docs, evidence=tuple(ev)))
    items.append(
        _from_checks(
            ctx,
            "docs-overview",
            "Shows how to install it and get started",
            ["DOC500", "RDM310", "RDM311"],
            todo="Say what the package does and how to install it, in the README and on the docs' front "
            "page.",
            level=1,
        )
    )
    items.append(
        _from_checks(
            ctx,
            "docs-tutorial",
            "Has a short quickstart tutorial",
            ["DOC500", "DOC503"],
            shown=["RDM312"],
            todo="Add a quickstart page (or notebook) to the docs that runs the package on a small example.",
            level=1,
        )
    )
    items.append(
        _from_checks(
            ctx,
            "docs-api",
            "Has API documentation built from docstrings",
            ["DOC500", "DOC501", "DOC504"],
            todo="Add an API reference page built from your docstrings, and docstrings (in one standard "
            "style) to the public functions and classes.",
            level=1,
        )
    )

    # -- core files
    core = [
        _from_checks(
            ctx,
            "readme",
            "README: what it does, how to install it, where the development instructions are",
            ["RDM301", "RDM310", "RDM311", "RDM315"],
            todo="Complete the README: a first paragraph on what the package does, the install "
            "command, and a link to CONTRIBUTING (or development instructions).",
            level=1,
        ),
        _from_checks(
            ctx,
            "contributing",
            "CONTRIBUTING: how to set up, test and contribute",
            ["COM600"],
            todo="Add CONTRIBUTING.md (`sciship check --fix` writes a starter).",
            level=1,
        ),
        _from_checks(
            ctx,
            "code-of-conduct",
            "CODE_OF_CONDUCT",
            ["COM601"],
            todo="Add CODE_OF_CONDUCT.md (`sciship check --fix` adds the Contributor Covenant).",
            level=1,
        ),
        _license_item(
            ctx,
            "license",
            "An OSI-approved open-source license, with its text in the project",
            ["LIC206", "LIC200", "LIC201", "LIC203", "LIC202"],
            todo="Choose an OSI-approved license, declare it in pyproject.toml and add its text "
            "(`sciship explain licenses`).",
            level=1,
        ),
    ]
    worst = [i for i in core if i.status == "not met"]
    items.append(
        Item(
            "core-files",
            "Core repository files",
            "required",
            0,
            "not met" if worst else "met",
            "checks",
            (),
            "Complete the files listed below." if worst else "",
            min((i.rank for i in worst), default=_FACT_RANK),
            rollup=True,
        )
    )
    items.extend(core)

    # -- issue header
    from sciship.review import submission

    header = submission.gather(project)
    missing = header.unknown
    only_handles = bool(missing) and all("GitHub handle" in m for m in missing)
    header_status: ItemStatus = "met" if not missing else ("for a person" if only_handles else "not met")
    items.append(
        Item(
            "issue-header",
            "The submission's header can be filled in",
            "required",
            0,
            header_status,
            "facts",
            tuple(
                Evidence(
                    f"{label}: {value}",
                    None,
                    "met",
                    place.path if place else None,
                    place.line if place else None,
                )
                for label, value, place in header.known_rows()
            )
            + tuple(Evidence(f"Not known: {m}", None, "not met") for m in missing),
            (
                "Give the GitHub handles when you paste the submission (sciship writes TBD for them)."
                if only_handles
                else "Add what sciship could not find to the metadata, or fill it in by hand: "
                + "; ".join(missing)
                + "."
            )
            if missing
            else "",
        )
    )

    # -- tests
    items.append(
        _from_checks(
            ctx,
            "tests-ci",
            "Has tests, and CI runs them",
            ["LAY405", "LAY406", "CI700"],
            shown=["CI701"],
            todo="Write tests with pytest and a GitHub Actions workflow that runs them on every push.",
        )
    )

    # -- repository
    items.append(_repository_item(project))
    items.append(
        _person(
            "overlap",
            "Does not entirely overlap a package pyOpenSci already reviewed",
            "Compare with the packages at https://www.pyopensci.org/python-packages.html and say in the "
            "submission how yours differs.",
        )
    )

    # -- JOSS
    items.append(_archive_item(project))
    items.append(_version_item(project))

    items.append(
        _person(
            "gen-ai",
            "Discloses whether generative AI tools helped write or maintain it",
            "Say in the submission whether and how generative AI tools were used, and confirm a person "
            "reviewed all the code (pyOpenSci's generative-AI policy).",
        )
    )

    # -- optional
    items.append(
        _optional(
            project,
            "linting",
            "Lints the code automatically (ruff, flake8, ...)",
            facts.linting,
            "Add ruff (`[tool.ruff]` in pyproject.toml) and run it in pre-commit and CI.",
        )
    )
    items.append(
        _optional(
            project,
            "type-checking",
            "Has type hints checked by a type checker (mypy, pyright)",
            facts.type_checking,
            "Add type hints and run mypy (`[tool.mypy]` in pyproject.toml) in CI.",
        )
    )
    tooling = _optional(
        project,
        "modern-tooling",
        "Uses modern packaging tools (pyproject.toml with uv, Hatch, ...)",
        facts.modern_tooling,
        "Manage environments and tasks with uv or Hatch (the packaging guide explains both).",
    )
    if tooling.status == "met" and ctx.counts_against("PKG103"):
        tooling = _with(tooling, status="not met", todo="Declare a build backend in pyproject.toml first.")
    items.append(tooling)
    return Readiness(str(project.root), tuple(items), tuple(findings), build is not None)


def _with(item: Item, **changes: object) -> Item:
    from dataclasses import replace

    return replace(item, **changes)  # type: ignore[arg-type]


def _license_item(ctx: _Ctx, key: str, title: str, codes: list[str], *, todo: str, level: int) -> Item:
    """Met when the declared license is OSI-approved (LIC203); when it is not declared the standard way
    (LIC200 failed or skipped), the license file's text says which license it is."""
    item = _from_checks(ctx, key, title, codes, todo=todo, level=level)
    if item.status == "met" or ctx.counts_against("LIC202") or _status(ctx, "LIC203") == "failed":
        return item
    from sciship.review.facts import osi_license_file

    found = osi_license_file(ctx.project)
    if found is not None:
        text = f"The license file's text is {found.value}, an OSI-approved license."
        fact = Evidence(text, None, "met", found.path)
        return _with(
            item, status="met", basis="facts", evidence=(*item.evidence, fact), todo="", rank=_FACT_RANK
        )
    return _with(
        item,
        todo='Declare the license in pyproject.toml as an SPDX expression (`license = "MIT"`, ...) and keep '
        "its text in a LICENSE file; if you have not chosen one yet, pick an OSI-approved license "
        "(`sciship explain licenses`).",
    )


def _status(ctx: _Ctx, code: str) -> str | None:
    f = ctx.by_code.get(code)
    return f.status if f else None


_FAILED_MODULE = compile_later(r"^\s*`([\w.]+)`:")


def _build_item(
    item: Item,
    build: BuildResult,
    steps: Sequence[str],
    success: str,
    *,
    other_reasons: bool = False,
    imports: bool = False,
    extras_ok: bool = False,
) -> Item:
    """The item as `sciship build` found it: what really happened outranks what the files suggest.

    ``other_reasons``: the item is also not met for a reason the build does not test (the README's install
    command). ``imports``: the item is about ``import package``: when only modules below the top-level package
    fail and DEP900/DEP905 found every import declared (extras count), those modules need an optional extra's
    dependency; they are shown but do not make the item unmet (``extras_ok``).
    """
    ran = [s for s in build.steps if s.name in steps]
    failed = [s for s in ran if s.status == "failed"]
    ev = [
        Evidence(
            f"`sciship build`: {s.title.lower()}: {s.status}" + (f" - {s.message}" if s.message else ""),
            None,
            "met" if s.status == "ok" else "not met",
        )
        for s in ran
    ]
    if imports and extras_ok and [s.name for s in failed] == ["import"]:
        # sciship's own step details name each module that failed: `automata.fa.animation`: ...
        modules = [m.group(1) for d in failed[0].details if (m := _FAILED_MODULE.match(d))]
        if modules and all("." in m for m in modules):
            note = Evidence(
                f"The top-level package imports; {len(modules)} submodule(s) do not ({', '.join(modules[:4])}"
                f"{', ...' if len(modules) > 4 else ''}): they need a dependency declared as an optional "
                "extra.",
                None,
                "met",
            )
            return _with(item, status="met", basis="build", evidence=(*item.evidence, *ev, note), todo="")
    if failed:
        return _with(
            item,
            status="not met",
            basis="build",
            evidence=(*item.evidence, *ev),
            rank=0,
            todo="Fix what `sciship build` reports: " + failed[0].message,
        )
    if not ran or any(s.status == "skipped" for s in ran):
        return _with(item, evidence=(*item.evidence, *ev))
    proved = Evidence(
        f"`sciship build` {success}, so the findings above did not stop it."
        if item.status == "not met" and not other_reasons
        else f"`sciship build` {success}.",
        None,
        "met",
    )
    status: ItemStatus = "not met" if other_reasons else "met"
    return _with(
        item,
        status=status,
        basis="build",
        evidence=(*item.evidence, proved, *ev),
        todo=item.todo if other_reasons else "",
    )


def _repository_item(project: Project) -> Item:
    from sciship.review import facts

    repo = facts.repository(project)
    remote = facts.git_remote(project)
    title = "The repository link resolves to the code"
    if repo is None:
        return Item(
            "repository",
            title,
            "required",
            0,
            "not met",
            "facts",
            (
                Evidence(
                    "Neither the metadata nor the git remote gives the repository's address.", None, "not met"
                ),
            ),
            'Add `Source = "https://github.com/OWNER/REPO"` under `[project.urls]` in pyproject.toml.',
        )
    ev = [Evidence(f"Repository: {repo.value}", None, "met", repo.path, repo.line)]
    on_host = any(h in repo.value for h in ("github.com/", "gitlab.com/", "codeberg.org/", "bitbucket.org/"))
    if remote and not facts.same_repository(remote, repo.value):
        ev.append(Evidence(f"The git remote `origin` is {remote}.", None, None, ".git/config"))
        return Item(
            "repository",
            title,
            "required",
            0,
            "for a person",
            "facts",
            tuple(ev),
            f"The metadata and the git remote name different repositories. Check that {repo.value} opens "
            "the code (GitHub forwards a renamed organisation, not a fork), and use one address in both.",
        )
    if remote:
        ev.append(Evidence("The git remote `origin` is the same repository.", None, "met", ".git/config"))
    if not on_host:
        return Item(
            "repository",
            title,
            "required",
            0,
            "not met",
            "facts",
            tuple(ev),
            "Give the address of the code repository itself (GitHub, GitLab, ...), not a homepage.",
        )
    ev.append(Evidence("sciship did not open the link (it reads files only).", None, None))
    return Item("repository", title, "required", 0, "met", "facts", tuple(ev))


def _archive_item(project: Project) -> Item:
    from sciship.review import facts

    m = facts.metadata(project)
    title = "Archived with a DOI (for JOSS; may come after the review)"
    if m.doi:
        path, line = facts.where(m, "doi")
        return Item(
            "archive", title, "joss", 0, "met", "facts", (Evidence(f"DOI {m.doi}", None, "met", path, line),)
        )
    readme = facts.doi_in_readme(project)
    if readme is not None:
        return Item(
            "archive",
            title,
            "joss",
            0,
            "met",
            "facts",
            (
                Evidence(
                    f"The README points to the archive: {readme.value}", None, "met", readme.path, readme.line
                ),
            ),
        )
    return Item(
        "archive",
        title,
        "joss",
        0,
        "not met",
        "facts",
        (Evidence("No DOI in CITATION.cff, codemeta.json, .zenodo.json or the README.", None, "not met"),),
        "Turn on Zenodo for the repository and make a GitHub release: Zenodo gives it a DOI. "
        "`sciship review accepted` records it after the review.",
    )


def _version_item(project: Project) -> Item:
    from sciship.review import facts

    m = facts.metadata(project)
    title = "The version submitted is a tagged release (for JOSS; may come after the review)"
    if not project.in_git:
        return Item(
            "version",
            title,
            "joss",
            0,
            "not met",
            "facts",
            (Evidence("The project is not a git repository, so it has no release tags.", None, "not met"),),
            "Put the project under git and tag each release (`git tag v1.0.0`).",
        )
    version = facts.submitted_version(project)
    if version is not None and version.path != "git tags":
        tag = facts.version_tag(project, version.value)
        if tag:
            return Item(
                "version",
                title,
                "joss",
                0,
                "met",
                "facts",
                (
                    Evidence(
                        f"Version {version.value} has the git tag `{tag}`.",
                        None,
                        "met",
                        version.path,
                        version.line,
                    ),
                ),
            )
        latest = facts.latest_version_tag(project)
        note = f" (the latest tag is `{latest}`)" if latest else " (there are no version tags)"
        return Item(
            "version",
            title,
            "joss",
            0,
            "not met",
            "facts",
            (
                Evidence(
                    f"Version {version.value} has no git tag{note}.",
                    None,
                    "not met",
                    version.path,
                    version.line,
                ),
            ),
            f"Tag the release you submit: `git tag v{version.value}` and push it (a GitHub release does "
            "both).",
        )
    if version is not None:
        placeholder = f" ({m.version} in the metadata is a placeholder)" if m.version else ""
        return Item(
            "version",
            title,
            "joss",
            0,
            "met",
            "facts",
            (
                Evidence(
                    f"The version comes from git tags{placeholder}; the latest is {version.value}.",
                    None,
                    "met",
                ),
            ),
        )
    latest = facts.latest_version_tag(project)
    if latest and m.version_from and "git" in m.version_from:
        return Item(
            "version",
            title,
            "joss",
            0,
            "met",
            "facts",
            (
                Evidence(
                    f"The version comes from {m.version_from}; the latest tag is `{latest}`.", None, "met"
                ),
            ),
        )
    return Item(
        "version",
        title,
        "joss",
        0,
        "not met",
        "facts",
        (Evidence("sciship found no version number it can read.", None, "not met"),),
        "Give the version in pyproject.toml and tag each release.",
    )


def _optional(project: Project, key: str, title: str, find: Callable[[Project], object], todo: str) -> Item:
    place = find(project)
    if place is None:
        return Item(key, title, "optional", 0, "not met", "facts", (), todo, 2)
    from sciship.review.facts import Place

    if not isinstance(place, Place):  # pragma: no cover - every finder returns a Place or None
        raise TypeError(place)
    return Item(
        key,
        title,
        "optional",
        0,
        "met",
        "facts",
        (Evidence(f"Uses {place.value}.", None, "met", place.path, place.line),),
        "",
        2,
    )


def summary_lines(readiness: Readiness) -> list[str]:
    """Plain sentences: what blocks a submission (most important first), then what a person must judge."""
    out: list[str] = []
    blocking = readiness.blocking
    if blocking:
        out.append(
            f"{len(blocking)} item{'s' if len(blocking) != 1 else ''} still block a submission, most "
            "important first:"
        )
        out.extend(f"{n}. {i.title}: {i.todo}" for n, i in enumerate(blocking, 1))
    else:
        out.append("Nothing sciship can check blocks a submission.")
    people = readiness.for_a_person
    if people:
        out.append("Left for you: " + "; ".join(i.title for i in people) + ".")
    return out


def findings_by_code(findings: Iterable[Finding]) -> Mapping[str, Finding]:
    """Each finding by its check code (of two with the same code, the later one)."""
    return {f.code: f for f in findings}
