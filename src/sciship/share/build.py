"""Decide what ``sciship share`` writes: one plan for the metadata files, REPRODUCE.md,
requirements.txt and (``--archive``) the deposit archive."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
from dataclasses import dataclass, field, replace
from functools import cache
from typing import TYPE_CHECKING, Any

from sciship._errors import InputError
from sciship._regex import compile_later
from sciship.metadata.model import Metadata, Person
from sciship.share.inventory import DEFAULT_MAX_FILE_SIZE

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Sequence

    from sciship.flow import Flow
    from sciship.metadata.model import ProjectMetadata
    from sciship.metadata.writers.rocrate import CrateFile
    from sciship.plan import Plan
    from sciship.project import Project
    from sciship.share.archive import Archive
    from sciship.share.inventory import Environment

#: The data license sciship suggests (and ``--yes`` takes) for data and figures.
SUGGESTED_DATA_LICENSE = "CC-BY-4.0"


@dataclass(frozen=True)
class Options:
    """What the person chose for ``sciship share``: licenses, authors, ORCIDs, and the run's options."""

    license: str | None = None  #: the code's license (SPDX expression); never guessed
    data_license: str | None = None  #: the license of data and figures (SPDX id)
    authors: tuple[Person, ...] | None = None  #: None: the authors sciship found
    orcids: tuple[str, ...] = ()
    update: bool = False
    archive: bool = False
    max_file_size: int = DEFAULT_MAX_FILE_SIZE
    today: str | None = None  #: ISO date for date-released (default: SOURCE_DATE_EPOCH, else today)
    dry_run: bool = False  #: skip the sha256 of large files (nothing is written)


@dataclass(frozen=True)
class Known:
    """What the folder already says, before anyone is asked anything."""

    name: str
    license: str | None
    license_from: str | None  #: where the code license was found
    data_license: str | None
    authors: tuple[Person, ...]
    authors_from: str
    package: bool  #: the folder is a package (pyproject/setup metadata)
    data_license_from: str | None = None  #: the license file that says the data license
    #: the licenses the one license text may be, when it does not say which (a GNU GPL text is both
    #: ``GPL-3.0-only`` and ``GPL-3.0-or-later``: the notice in the source files decides), from
    #: ``license_from``; empty when ``license`` is known or there is no such text
    license_options: tuple[str, ...] = ()
    #: with no license known: the one the README or the scripts' headers name (``("MIT", "README.md")``),
    #: never taken for the license without the user (a README may describe another work's license)
    license_said: tuple[str, str] | None = None
    #: the stand-in authors the metadata names ("Anonymous" from a double-blind review), with where: never
    #: taken for authors
    placeholders: tuple[tuple[str, str], ...] = ()


@dataclass
class ShareResult:
    """What ``sciship share`` writes: the plan, the metadata and data flow behind it, the files, the notes."""

    flow: Flow
    plan: Plan
    metadata: Metadata
    environment: Environment
    kept: list[tuple[str, str]] = field(default_factory=list)  #: (path, why it is not written)
    archive: Archive | None = None
    notes: list[str] = field(default_factory=list)
    #: makes :attr:`files` when it is first read (a dry run that only lists the plan never needs them)
    describe: Callable[[], list[CrateFile]] = field(default=list, repr=False, compare=False)
    _files: list[CrateFile] | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def files(self) -> list[CrateFile]:
        """Every file of the deposit, as the crate and REPRODUCE.md describe it (the planned ones too)."""
        if self._files is None:
            self._files = self.describe()
        return self._files

    @property
    def writes(self) -> list[str]:
        """Every file share writes (the archive too, also on a dry run, where it is not built)."""
        out = [a.path for a in self.plan.actions]
        if self.archive is not None and self.archive.path not in out:
            out.append(self.archive.path)
        return out

    def to_json(self) -> dict[str, Any]:
        """The documented ``--dry-run --format json`` shape (schema 1)."""
        flow = self.flow
        return {
            "schema": 1,
            "root": str(self.plan.root),
            "steps": [
                {
                    "path": s.path,
                    "kind": s.kind,
                    "order": s.order,
                    "reads": list(s.reads),
                    "writes": list(s.writes),
                    "after": list(s.after),
                    "workdir": s.workdir,
                }
                for s in flow.steps
            ],
            "inputs": list(flow.inputs),
            "outputs": list(flow.outputs),
            "problems": [
                {"code": p.code, "message": p.message, "path": p.path, "line": p.line} for p in flow.problems
            ],
            "plan": self.writes,
            "notes": [*self.notes, *self.plan.notes],
        }


def today(value: str | None = None) -> str:
    """The ISO date to write: ``value`` if given, else the day of ``SOURCE_DATE_EPOCH``, else today (UTC)."""
    if value:
        return value
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.timezone.utc).date().isoformat()
    return dt.datetime.now(tz=dt.timezone.utc).date().isoformat()


def check_license(value: str, what: str) -> str:
    """``value`` as a canonical SPDX expression, or a clear error."""
    from sciship.metadata.licenses import canonical

    found = canonical(value.strip())
    if found is None:
        raise InputError(
            f"`{value}` is not an SPDX license id, so it cannot be the {what}.",
            hint="Use an id from https://spdx.org/licenses, for example `MIT` or `BSD-3-Clause` for code "
            "and `CC-BY-4.0` or `CC0-1.0` for data.",
        )
    return found


def license_options_said(known_: Known) -> str:
    """What a license text that is several licenses leaves to the authors, and how to choose (no full
    stop: it ends a message or comes before a hint)."""
    options = known_.license_options
    family = options[0].removesuffix("-only").removesuffix("-or-later")
    choices = " or ".join(f"`--license {o}`" for o in options)
    return (
        f"`{known_.license_from}` is the {family} license text, which does not say by itself whether the "
        "code may also be used under later versions of that license: the notice at the top of the source "
        'files usually says so ("or (at your option) any later version"), and none of yours does. Say '
        f"which its authors meant: {choices}"
    )


def check_license_choice(value: str, known_: Known) -> None:
    """A ``--license`` that contradicts the license the folder states already (a LICENSE text, or the
    metadata) is refused: the new metadata would say one license and the files in the deposit another."""
    chosen = check_license(value, "code license")
    if known_.license_options and chosen not in known_.license_options:
        raise InputError(
            f"You asked for the code license {chosen}, but `{known_.license_from}` is the license text of "
            f"{' or '.join(known_.license_options)}: the new metadata would say {chosen} while the folder "
            "says otherwise, and nobody could tell which applies.",
            hint=f"Pass {' or '.join(f'`--license {o}`' for o in known_.license_options)}, whichever the "
            f"authors meant. To relicense the code (only its authors can), first change "
            f"`{known_.license_from}` yourself, then run share again.",
        )
    if known_.license is None or chosen == known_.license:
        return
    where = known_.license_from or "the folder's metadata"
    if _is_license_file(where):
        what = f"`{where}` is the {known_.license} license text"
    else:
        what = f"`{where}` says the code license is {known_.license}"
    raise InputError(
        f"You asked for the code license {chosen}, but {what}: the new metadata would say {chosen} while "
        f"the folder says {known_.license}, and nobody could tell which applies.",
        hint=f"Leave out `--license` to describe the code as {known_.license} (from `{where}`). To "
        f"relicense the code (only its authors can), first change `{where}` to {chosen} yourself, then run "
        "share again.",
    )


def empty_license_files(project: Project) -> list[str]:
    """The license files at the top of the folder that hold nothing but blanks: a LICENSE made empty by a
    template, which licenses nothing."""
    from sciship.metadata.licenses import license_files

    return [
        f for f in license_files(project) if (text := project.read_text(f)) is not None and not text.strip()
    ]


def license_texts(project: Project) -> list[str]:
    """The license files at the top of the folder that say something (an empty one is no license: the
    metadata must not claim a license beside it, talking-to-machines/synthetic-rct-replication-package)."""
    from sciship.metadata.licenses import license_files

    blank = set(empty_license_files(project))
    return [f for f in license_files(project) if f not in blank]


def _is_license_file(path: str) -> bool:
    name = path.rsplit("/", 1)[-1].upper()
    return name.startswith(("LICENSE", "LICENCE", "COPYING"))


def known(project: Project) -> Known:
    """What the folder says already (its name, licenses and authors, and where each was read).

    The code license comes from the metadata, else from the one license text sciship recognises.
    """
    from sciship.metadata import read
    from sciship.metadata.licenses import canonical, gnu_variant, identify, license_files
    from sciship.share import people

    md = read.load(project)
    combined = md.combined()
    # `license = {text = "GPL-3.0-or-later"}` (the table form PEP 639 deprecates) is kept apart from the
    # expression so the license checks can ask for the new form; its text still declares the license
    said = (combined.license_text or "").strip()
    license_id = combined.license or (said if said and "\n" not in said and canonical(said) else None)
    where = None
    options: tuple[str, ...] = ()
    if license_id:
        source = combined.source("license")
        where = source.path if source is not None else "the project's metadata"
    else:
        for path in license_files(project):
            text = project.read_text(path)
            found = identify(text) if text else []
            if len(found) == 1:
                license_id, where = found[0], path
                break
            if len(found) > 1 and not options and _one_gnu_license(found):
                # the GPL's text is the same for "-only" and "-or-later": the notice in the code decides
                license_id = gnu_variant(found[0].split("-")[0], tuple(found), _notices(project))
                where = path
                if license_id is not None:
                    break
                options = tuple(sorted(found, key=lambda spdx: not spdx.endswith("-or-later")))
    authors, authors_from = people.known(md, project)
    data_license, data_from = combined.data_license, None
    if data_license is None:
        data_license, data_from = data_license_file(project)
    if (
        license_id is None
        and not options
        and data_license is not None
        and data_from is not None
        and "/" not in data_from
        and license_texts(project) == [data_from]
    ):
        # the folder's one LICENSE is a Creative Commons license of "this work": of the code too
        # (e-olson/extremes-OAW-GCBmanuscript-code: "The code has no license yet, so nobody may legally
        # reuse it", and with `--license MIT` the metadata contradicted the LICENSE file)
        license_id, where = data_license, data_from
    return Known(
        name=_name(_work_name(combined.name, project) or project.root.name),
        license=license_id,
        license_from=where,
        data_license=data_license,
        data_license_from=data_from,
        authors=authors,
        authors_from=authors_from,
        package=md.package is not None,
        license_options=() if license_id else options,
        license_said=None if license_id or options else _license_said(project),
        placeholders=people.placeholders(md),
    )


#: how a README names the license of its code: "under the MIT license", "Apache License 2.0"
_README_LICENSES = (
    (compile_later(r"\bMIT[- ]licen[cs]e", re.IGNORECASE), "MIT"),
    (
        compile_later(r"\bApache[- ](?:licen[cs]e[, ]*)?(?:version[ ]*)?2(?:\.0)?\b", re.IGNORECASE),
        "Apache-2.0",
    ),
    (compile_later(r"\bBSD[- ]3[- ]Clause\b", re.IGNORECASE), "BSD-3-Clause"),
)


#: a license's name as a README writes it: "MIT", "Apache-2.0", "Apache License 2.0", "BSD-3-Clause", "GPLv3"
_LICENSE_NAME = (
    r"(?:MIT|Apache(?:[- ]licen[cs]e)?(?:[- ,]*(?:version[ ]*)?2(?:\.0)?)?|BSD(?:[- ][234][- ]Clause)?"
    r"|[AL]?GPL(?:[- ]?v?[23](?:\.0)?)?(?:\+|-only|-or-later)?|MPL(?:[- ]2(?:\.0)?)?)(?:[- ]licen[cs]e)?"
)
#: licenses offered as alternatives, "MIT or Apache-2.0": a template's choice left to make, naming none
#: (talking-to-machines/synthetic-rct-replication-package: "Code licence (MIT or Apache-2.0)." was taken
#: for Apache-2.0)
_OFFERED = compile_later(
    rf"(?i)\b{_LICENSE_NAME}(?:\s*(?:,|/|\bor\b|\band/or\b)\s*{_LICENSE_NAME})+(?![\w-])"
)


def _license_said(project: Project) -> tuple[str, str] | None:
    """The license the README names for the code, or the license text every script that has one starts
    with (seizyml_manuscript_code: "Code is freely available under the MIT license", and the MIT text at
    the top of each script): (SPDX id, where)."""
    from sciship.metadata.licenses import gnu_notice, identify

    readme = project.find_ci("README")
    text = (project.read_text(readme) or "") if readme else ""
    text = _OFFERED.sub(" ", text)
    named = {spdx for pattern, spdx in _README_LICENSES if pattern.search(text)}
    if len(named) == 1:
        return next(iter(named)), readme or "README"
    headers = {spdx for notice in _notices(project) for spdx in identify(notice)}
    headers |= {spdx for notice in _notices(project) if (spdx := gnu_notice(notice)) is not None}
    if len(headers) == 1:
        return next(iter(headers)), "the notice at the top of the scripts"
    return None


def _one_gnu_license(found: list[str]) -> bool:
    """Are ``found`` the ``-only`` and ``-or-later`` forms of one GNU license (``GPL-3.0``)?"""
    bases = {spdx.removesuffix("-only").removesuffix("-or-later") for spdx in found}
    return len(bases) == 1 and found[0].startswith(("GPL-", "LGPL-", "AGPL-"))


def _notices(project: Project) -> tuple[str, ...]:
    """The comment block at the top of up to 30 of the folder's own scripts (see ``licenses.notices``):
    not those of another project copied in (levylabpitt/replication_code_Sheridan_nanoscale_XUV_source_
    graphene: the BSD notice of the spglib inside its copy of Octopus was taken for the authors')."""
    from sciship.metadata.licenses import notices

    found = project.memo("share:notices", lambda: notices(project, _own_scripts(project)))
    return found  # type: ignore[no-any-return]


#: files whose name may say "password" or "secret" and that hold code or prose, not a secret
_CODE_OR_TEXT = (".py", ".ipynb", ".r", ".rmd", ".m", ".jl", ".md", ".rst", ".html", ".tex", ".sh", ".js")


#: a line of a `.env` file: `NAME=value` (`export NAME=value`, the value maybe in quotes)
_SETTING = compile_later(r"""(?:export\s+)?([A-Za-z_]\w*)\s*=\s*(["']?)(.*?)\2""")
#: the words of a setting's name that say it holds a secret
_SECRET_WORDS = compile_later(r"(?i)key|token|secret|pass|pwd|auth|credential|private|cookie|session")
#: a value that is plainly no secret: a number, a yes/no, a path (`../nami`, `/data/x`, `~/runs`,
#: `data/raw`; a relative one in lower case: a token may hold a `/` between its letters and digits)
_PLAIN_VALUE = compile_later(
    r"[-+]?\d+(?:\.\d+)?|(?i:true|false|yes|no|on|off)"
    r"|(?:~|\.{1,2}|[A-Za-z]:)?[\\/][\w .~-]*(?:[\\/][\w .~-]*)*|\.{1,2}|[a-z0-9_.-]+(?:/[a-z0-9_.-]*)+"
)


def _only_settings(project: Project, path: str) -> bool:
    """Is ``path`` a `.env` file whose every line sets a path, a number or a yes/no, under a name that is
    no key's, token's or password's? It says where things are, not a secret (jgalazm/comp-geo-paper-
    figures: `NAMI_PATH=../nami` got the note to revoke it)."""
    if path.rsplit("/", 1)[-1] != ".env":
        return False
    text = project.read_text(path) or ""
    lines = [line.strip() for line in text.splitlines() if line.strip() and not line.strip().startswith("#")]
    settings = [_SETTING.fullmatch(line) for line in lines]
    return bool(lines) and all(
        m is not None and not _SECRET_WORDS.search(m.group(1)) and _PLAIN_VALUE.fullmatch(m.group(3))
        for m in settings
    )


def _own_scripts(project: Project) -> list[str]:
    """The folder's scripts, less those of another project copied in (:meth:`Project.copied_in`, an
    `external/` folder, or a folder below the top with its own license file)."""
    homes = {
        folder
        for f in project.files
        if "/" in f
        for folder, name in [f.rsplit("/", 1)]
        if name.split(".", 1)[0].upper() in {"LICENSE", "LICENCE", "COPYING"}
    } | set(project.copied_in())

    def vendored(rel: str) -> bool:
        parts = rel.split("/")[:-1]
        if any(part.lower() in {"external", "externals", "extern"} for part in parts):
            return True
        return any("/".join(parts[:i]) in homes for i in range(1, len(parts) + 1))

    return [rel for rel in project.python_files() if not vendored(rel)]


#: The first lines of the Creative Commons legal codes, most specific first (data and text licenses).
_CC_TEXTS = (
    ("Attribution-NonCommercial-ShareAlike 4.0 International", "CC-BY-NC-SA-4.0"),
    ("Attribution-NonCommercial-NoDerivatives 4.0 International", "CC-BY-NC-ND-4.0"),
    ("Attribution-NonCommercial 4.0 International", "CC-BY-NC-4.0"),
    ("Attribution-NoDerivatives 4.0 International", "CC-BY-ND-4.0"),
    ("Attribution-ShareAlike 4.0 International", "CC-BY-SA-4.0"),
    ("Attribution 4.0 International", "CC-BY-4.0"),
    ("CC0 1.0 Universal", "CC0-1.0"),
)


def data_license_file(project: Project) -> tuple[str | None, str | None]:
    """A Creative Commons license among the license files (``LICENSE-CC-BY.txt``, ``data/LICENSE``):
    the authors' own choice for their data and figures."""
    from sciship.metadata.licenses import license_files

    candidates = [
        *license_files(project),
        *(f for f in project.files if re.fullmatch(r"data/licen[cs]e[\w.-]*", f, re.IGNORECASE)),
    ]
    for path in candidates:
        head = " ".join((project.read_text(path) or "")[:400].split())
        for marker, spdx in _CC_TEXTS:
            if marker in head:
                return spdx, path
    return None, None


#: the words of a folder's slug that say it holds a paper's code, not a library to install and import:
#: `beta-kernel-reproduce-paper` (egonmedhatten/beta-kernel-reproduce-paper)
_PAPER_SLUG = compile_later(
    r"(?i)(?:^|[-_.])(?:paper|papers|reproduce|reproduction|reproducibility|replication|replicate|manuscript"
    r"|thesis|dissertation|supplement|supplementary|figures)(?:$|[-_.])"
)


#: the words of a package name that only say "some code" (`py_scripts`, `src`, `my_utils`): a setup.py
#: that makes the scripts' folder importable (tomsasani/bxd_mutator_manuscript's
#: `setup(name="py_scripts", packages=find_packages())`) names a folder, not the work
_CODE_FOLDER_WORDS = frozenset({
    "py", "python", "scripts", "script", "src", "source", "code", "codes", "utils", "util", "utilities",
    "helpers", "helper", "lib", "libs", "tools", "functions", "funcs", "modules", "module", "package", "pkg",
    "my", "main", "analysis", "analyses", "project",
})  # fmt: skip


def _work_name(package: str | None, project: Project) -> str | None:
    """The work's name: the package's (pyproject.toml, setup.py), else the README's title. A package name
    that is a paper's folder slug (`beta-kernel-reproduce-paper`), or only says "code" (`py_scripts`),
    names no package anyone installs by it: the README's title, when it is one of several words, is the
    work's."""
    if not package:
        return readme_title(project)
    generic = all(word in _CODE_FOLDER_WORDS for word in re.split(r"[-_.]+", package.lower()) if word)
    if re.fullmatch(r"[\w.-]+", package) and (generic or _PAPER_SLUG.search(package)):
        title = readme_title(project)
        if title and len(title.split()) >= 3:
            return title
    return package


def _name(text: str) -> str:
    return text.strip() or "research-code"


def readme_title(project: Project) -> str | None:
    """The README's first heading (``# Title`` or a setext heading), as plain text."""
    path = project.find_ci("README")
    text = project.read_text(path) if path else None
    if not text:
        return None
    lines = text.splitlines()
    first_h2: str | None = None
    for i, line in enumerate(lines[:40]):
        title = None
        if line.startswith("# "):
            title = line[2:]
        elif i + 1 < len(lines) and re.fullmatch(r"=+\s*", lines[i + 1]) and line.strip():
            title = line
        elif line.startswith("## ") and first_h2 is None:
            first_h2 = line[3:]
            continue
        elif line.startswith("#") or (i + 1 < len(lines) and re.fullmatch(r"-+\s*", lines[i + 1])):
            first_h2 = first_h2 or ""  # another heading came first: no level-2 title
        if title is not None:
            if _GENERIC.fullmatch(_plain(title).strip(" #\t")):
                return _paper_title(lines[i + 1 : i + 16])
            return _title(title)
    # no top heading: a README that starts with `## The paper's title` (KrisJensen/stability_paper_code)
    return _title(first_h2) if first_h2 else None


#: headings that name a part of a README, not the work
_SECTIONS = compile_later(
    # (vadmbertr/cyclogeostrophy_impact_experiment: "# Project description" was the title)
    r"(?i)^(?:(?:the |this )?(?:project|repository|repo)(?:'s)? )?"
    r"(?:about|abstract|code|contents?|data|dependencies|description|introduction|license|overview|summary"
    r"|usage|table of contents|data (?:sources?|availability)|sources?|references|notes?|results|figures"
    r"|acknowledge?ments|authors|citation|contact|files|structure|folder structure"
    # (meteorologytoday/plots-A-Hierarchy-of-Global-Ocean-Models-Coupled-to-CESM1: "# Information")
    r"|(?:general |more )?info(?:rmation)?)$"
    # a section's first words: "Setting up the Python environment" (OlegArenz/gmmvi_reproducibility)
    r"|^(?:getting started|install(?:ation|ing)?|setup|set(?:ting)? up|requirements|prerequisites"
    r"|quick ?start|how to|reproducing (?:the )?results"
    # kiudee/lifu-simulation-code: "# Required software" was the title, its list's first line the abstract
    r"|required (?:software|packages|libraries|dependencies|tools)|software (?:requirements|dependencies))\b"
)


def _title(heading: str) -> str | None:
    """A heading as a title: plain text, at most 120 characters; not a section's name, nor a file's
    (`# rename_bonsai_files.py`, jakeormond/robot_maze_analysis_code, is about one script; `# README.md
    (root)`, a template's, talking-to-machines/synthetic-rct-replication-package). A longer one is the
    paper's title it names ("Replication Code for "LinGO: ..."", yuanzhang1227/Replication_Code_LinGO)."""
    title = _plain(re.sub(r"<[^>]+>", "", heading)).strip(" #\t")
    if len(title) > 120:
        title = _QUOTES.sub(r"\1", _CODE_FOR.sub("", title)).strip()
    if not 0 < len(title) <= 120 or _SECTIONS.match(title):
        return None
    if re.fullmatch(r"[\w.-]+\.(?:py|ipynb|r|R|m|jl|sh|md|txt)(?:\s*\([^()]*\))?", title):
        return None
    return title


#: a heading that names the kind of folder, not the work: "# REPLICATION PACKAGE" (amageh/
#: incentivesDI-replication-package, whose paper's title is in the sentence below it)
_GENERIC = compile_later(
    r"(?i)(?:replication|reproduction|reproducibility|supplementary|supplemental)[ ]"
    r"(?:package|code|codes|files|materials?|archive)|code and data|source code"
)
#: what a long heading says before the paper's title: "Replication Code for", "Code for the paper"
_CODE_FOR = compile_later(
    r"(?i)^(?:(?:replication|reproduction|reproducibility|supplementary|supplemental|source|analysis)[ ])?"
    r"(?:code|codes|package|files|materials?|scripts)(?:[ ]and[ ]data)?(?:[ ](?:for|of|to[ ]reproduce))?"
    r"(?:[ ]the[ ](?:paper|article|manuscript|preprint))?[ ]*:?[ ]*"
)
#: a title in quotes, the whole of what is left
_QUOTES = compile_later(r'^["\u201c\u201d\']+(.+?)["\u201c\u201d\']+$')
#: a paper's title named in a sentence: `the paper "*Incentive Effects of Disability Benefits*"`
_PAPER_NAMED = compile_later(
    r"(?i)\b(?:paper|article|manuscript|preprint|publication)[ ]*:?[ ]*"
    r'["\u201c]([^"\u201c\u201d]{8,}?)["\u201d]'
)


def _paper_title(lines: list[str]) -> str | None:
    """Under a heading that names no work ("# REPLICATION PACKAGE"): the paper's title its first lines
    name, in quotes after "the paper", or alone in bold on a line; None when they name none."""
    for line in lines:
        if line.startswith("#"):
            break
        bold = re.fullmatch(r"\s*\*\*([^*]{8,})\*\*\s*", line)
        if bold:
            return _title(bold.group(1))
    text = " ".join(line.strip() for line in lines if not line.startswith("#"))
    named = _PAPER_NAMED.search(_plain(text))
    return _title(named.group(1)) if named else None


def _plain(markdown: str) -> str:
    """Markdown text without its links' addresses and its emphasis and code marks; an underscore inside a
    word stays (``ukesm_aerosol_nudging_analysis_code`` is a name, not emphasis)."""
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", markdown)
    return re.sub(r"[*`]+|(?<!\w)_+|_+(?!\w)", "", text)


#: what a byline puts between its names: `·`, `,`, `|`, `;`, `&`, "and"
_BYLINE_SEPARATORS = compile_later(r"\s*(?:[\u00b7\u2022,;|&]|\band\b)\s*")
#: a word of a name: "Ann", "O'Neil", "J.", "van"
_NAME_WORD = compile_later(r"[^\W\d_][\w'\u2019-]*\.?")


def _byline(markdown: str) -> bool:
    """Is this paragraph the authors' names, not a description? (rsv_replication: "**Ann Lee** (MIT) ·
    **Bo Chen** (Harvard)"). Names of two to four words between separators, in bold, with affiliations
    in brackets or between `·`: a list of capitalised words alone may be keywords, not names."""
    from sciship.metadata.model import _PARTICLES

    text = _plain(markdown).strip()
    bare = re.sub(r"\s*(?:\([^()]*\)|\[[^\[\]]*\])", "", text)
    if bare == text and "**" not in markdown and "\u00b7" not in text:
        return False
    names = [n for n in _BYLINE_SEPARATORS.split(bare) if n.strip()]
    return bool(names) and all(
        2 <= len(words := name.split()) <= 4
        and all(_NAME_WORD.fullmatch(w) and (w[0].isupper() or w in _PARTICLES) for w in words)
        for name in names
    )


def readme_summary(project: Project) -> str | None:
    """The first paragraph of prose in the README (no headings, badges or HTML), at most 600 characters."""
    path = project.find_ci("README")
    text = project.read_text(path) if path else None
    if not text:
        return None
    # code blocks are no prose, and a heading or a list ends a paragraph (daraghhollman's abstract ran
    # on into the next heading, its `pip install` block and a list)
    text = _FENCED.sub("\n\n", text)
    text = re.sub(r"(?m)^(?=\s*(?:#|[-*+] |\d+[.)] ))", "\n", text)
    paragraphs = []
    how_to = False  # under a heading of how to install or run the code: no description of the work
    for block in re.split(r"\n\s*\n", text):
        heading = block.strip().splitlines()[0] if block.strip() else ""
        if heading.startswith("#"):
            how_to = bool(_HOW_TO.match(_plain(heading).strip(" #\t")))
        lines = [
            line.strip()
            for line in block.strip().splitlines()
            if line.strip()
            and not line.lstrip().startswith(("#", "![", "[![", "<", "=", "-" * 3, "```", "|"))
        ]
        if not lines or _LIST_ITEM.match(lines[0]) or how_to:
            continue
        paragraphs.append(" ".join(lines))
    for i, joined in enumerate(paragraphs):
        if _byline(joined) or _LABEL.match(_plain(joined)):
            continue
        para = _plain(joined).strip()
        if para.endswith(":") and i + 1 < len(paragraphs):
            # "... reproduces the figures of the following publication:" says what comes next: with it
            # (joAschauer/swe2hs_paper_figures' abstract stopped at the colon)
            para += " " + _plain(paragraphs[i + 1]).strip()
        if len(para) >= 30 and not para.lower().startswith(("install", "usage")):
            return para if len(para) <= 600 else para[:597].rsplit(" ", 1)[0] + "..."
    return None


#: the sections of a README that say how to install or run the code, no description of the work: a
#: paragraph under "## Setup" became the abstract, and kiudee/lifu-simulation-code's "# Required software"
_HOW_TO = compile_later(
    r"(?i)^(?:usage|dependencies|getting started|install(?:ation|ing)?|setup|set(?:ting)? up|requirements"
    r"|prerequisites|quick ?start|how to|reproducing|running|required (?:software|packages|libraries)"
    r"|software (?:requirements|dependencies))\b"
)
#: a line that labels a fact about the README, not a description: "Author: Christopher Wang (email)"
#: (christopher-wang-2000/actigraphy-analysis-code)
_LABEL = compile_later(
    r"(?i)^(?:authors?|contact|e-?mail|maintainers?|affiliations?|date|uploaded|last updated|version)\s*:"
)
#: a DOI link or a `doi:` in a README: `https://doi.org/10.1093/biomethods/bpae094`
_DOI_IN_TEXT = compile_later(r"(?i)(?:https?://(?:dx\.)?doi\.org/|\bdoi:\s*)(10\.\d{4,9}/[^\s<>\"'\]]+)")
#: the words that say a DOI is a paper's: "the paper by Sultan et al (https://doi.org/...)"
_PAPER_WORDS = compile_later(
    r"(?i)\b(?:paper|article|published|publication|journal|cite|citing|citation|preprint)"
)


def readme_paper_doi(project: Project) -> str | None:
    """The DOI of the paper the README names: a DOI (not a data or software deposit's, Zenodo's or
    figshare's) in a paragraph that speaks of a paper, an article, a publication or citing. None when
    the README names none, or several (which one is the paper is then not clear)."""
    from sciship.metadata.model import bare_doi, is_deposit_doi

    path = project.find_ci("README")
    text = project.read_text(path) if path else None
    found: dict[str, str] = {}  # (a DOI is the same in any case)
    for paragraph in re.split(r"\n\s*\n", _FENCED.sub("\n\n", text or "")):
        if not _PAPER_WORDS.search(_DOI_IN_TEXT.sub(" ", paragraph)):
            continue
        for m in _DOI_IN_TEXT.finditer(paragraph):
            doi = bare_doi(m.group(1).rstrip(".,;:)*_"))
            if doi and not is_deposit_doi(doi):
                found.setdefault(doi.lower(), doi)
    return next(iter(found.values())) if len(found) == 1 else None


#: a fenced code block of Markdown (``` or ~~~ to the same fence)
_FENCED = compile_later(r"(?ms)^[ \t]*(```|~~~).*?^[ \t]*\1[^\n]*$")
_LIST_ITEM = compile_later(r"[-*+] |\d+[.)] ")


def metadata_for(project: Project, options: Options, known_: Known) -> Metadata:
    """The one metadata record every file is written from (the package's own first, when it has one)."""
    from sciship.metadata import read
    from sciship.share import people

    md = read.load(project)
    combined = md.combined()
    authors = options.authors if options.authors is not None else known_.authors
    authors = people.with_orcids(authors, options.orcids)
    code_license = check_license(options.license, "code license") if options.license else known_.license
    data_license = (
        check_license(options.data_license, "data license") if options.data_license else known_.data_license
    )
    return replace(
        combined,
        name=known_.name,
        description=combined.description or readme_summary(project),
        authors=authors,
        maintainers=(),
        license=code_license,
        data_license=data_license,
        date_released=_release_date(md, combined.version, options.today),
    )


def _release_date(md: ProjectMetadata, version: str | None, given: str | None) -> str:
    """The date a metadata file already gives for this very version (it was released then), else today."""
    if given is None and version:
        for source in (md.citation, md.zenodo, md.codemeta, md.rocrate):
            if source is not None and source.version == version and source.date_released:
                return source.date_released[:10]
    return today(given)


def _first_few(named: list[str], shown: int = 5) -> str:
    """The first ``shown`` of ``named``, then how many more: ```a` (x.py), `b` (y.py) and 3 more``."""
    more = f" and {len(named) - shown} more" if len(named) > shown else ""
    return ", ".join(named[:shown]) + more


def _files_said(files: tuple[str, ...]) -> str:
    """```a/environment.yml``` or ```a/environment.yml`` and ``b/environment.yml```."""
    named = [f"`{f}`" for f in files]
    return named[0] if len(named) == 1 else ", ".join(named[:-1]) + " and " + named[-1]


def undeclared_imports(project: Project) -> list[tuple[str, str]]:
    """The packages the code imports and the folder's environment file does not list, each with the first
    file that imports it: (distribution, file)."""
    from sciship.imports import analyze

    report = analyze(project)
    needed = report.needed_scopes
    return [
        (v.distribution, v.files[0] if v.files else "")
        for v in report.by_status("missing")
        if v.distribution and set(v.scopes) & needed and _ours(project, v.files)
    ]


def _ours(project: Project, files: Sequence[str]) -> bool:
    """Does one of ``files`` belong to the analysis, not to another project copied into the folder
    (:meth:`~sciship.project.Project.copied_in`)? What only such a copy imports is not the analysis's to
    install (levylabpitt's copy of the Octopus code put `pyyaml` and `setuptools` in requirements.txt)."""
    copied = tuple(folder + "/" for folder in project.copied_in())
    return not files or not copied or any(not f.startswith(copied) for f in files)


#: a notebook or script that installs packages as it runs: `%pip install x`, `!pip install x`,
#: `subprocess.check_call([sys.executable, "-m", "pip", "install", ...])`, `os.system("pip install x")`
_PIP_INSTALL = compile_later(r"""pip3?\b['"]?\s*,?\s*['"]?install\b""")


def installs_itself(project: Project, distribution: str, where: str) -> bool:
    """Does ``where`` install ``distribution`` itself when it runs (a `%pip install` cell, a pip call that
    names it)? yangbc30/hierarchical-invariants-paper-code: "the steps stop there" of a notebook that
    installs matplotlib when it is missing."""
    text = (project.read_text(where) or "") if where.endswith((".py", ".ipynb")) else ""
    if not _PIP_INSTALL.search(text):
        return False
    named = rf"""(?:install[^\n]*?[\s'"]|['"]){re.escape(distribution)}(?:[\s'"=<>~\[,\\]|$)"""
    return re.search(named, text, re.IGNORECASE) is not None


def steps_need_unlisted(project: Project, flow: Flow) -> list[tuple[str, str]]:
    """For a package: the packages the steps import (their scripts and notebooks themselves) that it does
    not declare, each with the first step that imports it: (distribution, file)."""
    from sciship.imports import analyze

    steps = {s.path for s in flow.steps}
    out = []
    for v in analyze(project).dependencies:
        if v.declared or v.status != "missing" or not v.distribution:
            continue
        first = next((f for f in v.files if f in steps), None)
        if first is not None:
            out.append((v.distribution, first))
    return out


#: packages a call needs that the code does not import: (the call's name, the path endings it needs the
#: package for (any, when empty), the package, the other packages that would do instead)
_BACKENDS: tuple[tuple[str, tuple[str, ...], str, tuple[str, ...]], ...] = (
    ("open_mfdataset", (), "dask", ()),
    ("read_excel", (".xlsx", ".xlsm"), "openpyxl", ("python-calamine",)),
    ("to_excel", (".xlsx", ".xlsm"), "openpyxl", ("xlsxwriter",)),
    ("read_parquet", (), "pyarrow", ("fastparquet",)),
    ("to_parquet", (), "pyarrow", ("fastparquet",)),
    ("read_feather", (), "pyarrow", ()),
    ("to_feather", (), "pyarrow", ()),
    ("read_hdf", (), "tables", ()),
    ("to_hdf", (), "tables", ()),
    ("open_dataset", (".nc", ".nc4", ".netcdf"), "netCDF4", ("h5netcdf", "scipy")),
    ("open_mfdataset", (".nc", ".nc4", ".netcdf"), "netCDF4", ("h5netcdf", "scipy")),
    ("to_netcdf", (), "netCDF4", ("h5netcdf", "scipy")),
    ("to_zarr", (), "zarr", ()),
    ("open_zarr", (), "zarr", ()),
)


_POLARS_BACKENDS: tuple[tuple[str, tuple[str, ...], str, tuple[str, ...]], ...] = (
    ("read_excel", (), "fastexcel", ("openpyxl", "xlsx2csv")),
)


def _normal(name: str) -> str:
    """A package name as PEP 503 compares them (``netCDF4`` is ``netcdf4``)."""
    return re.sub(r"[-_.]+", "-", name.strip()).lower()


def declared_packages(project: Project) -> set[str]:
    """The packages the folder's environment file lists (those the code imports or not)."""
    from sciship.imports import analyze

    return {_normal(v.distribution) for v in analyze(project).dependencies if v.declared and v.distribution}


#: what runs `jupyter nbconvert --execute` (the command, and a kernel): any one of these sets
_JUPYTER = (
    frozenset({"jupyter"}),
    frozenset({"jupyterlab"}),
    frozenset({"notebook"}),
    frozenset({"nbconvert", "ipykernel"}),
)


def jupyter_declared(project: Project, env: Environment) -> bool:
    """Does what REPRODUCE.md's setup installs have Jupyter, to run the notebooks? The lists of the files it
    installs: a package's dependencies (and the groups its lock file's tool installs: `uv sync` the `dev`
    group, `poetry install` every group), the requirements or conda files, the Pipfile's `[packages]`. (A
    requirements.txt with `jupyterlab` was followed by "The notebooks also need Jupyter (`python -m pip
    install jupyterlab`)".)"""
    from sciship.imports.declared import collect

    files = {*(env.files if env.kind in {"requirements", "conda"} else ()), *([env.also] if env.also else [])}
    poetry = env.lock == "poetry.lock" or env.no_package
    groups: tuple[str, ...] = ("dependency-groups.dev",) if env.lock == "uv.lock" else ()
    groups += ("tool.poetry.group.", "tool.poetry.dev-dependencies") if poetry else ()
    names = set()
    for d in collect(project).items:
        if env.kind == "package":  # (its own dependencies, which may come from a requirements file)
            ours = d.kind == "runtime" and (d.path == env.path or d.location == "project.dependencies")
            ok = ours or (bool(groups) and d.location.startswith(groups))
        elif env.kind == "pipenv":
            ok = d.location == "Pipfile.packages"
        else:
            ok = d.path in files
        if ok or d.path in files:
            names.add(d.name)
    return any(need <= names for need in _JUPYTER)


def implied_packages(flow: Flow, listed: set[str]) -> list[tuple[str, str]]:
    """The packages the data flow's calls need and ``listed`` lacks: ``xr.open_mfdataset`` needs dask,
    ``pd.read_excel`` of an ``.xlsx`` openpyxl, ``ds.to_netcdf`` netCDF4. (package, the call as written)."""
    out: dict[str, str] = {}
    for use in flow.uses:
        owner, _, name = use.call.rpartition(".")
        # (polars reads Excel with fastexcel and Parquet itself)
        table = _POLARS_BACKENDS if owner in {"pl", "polars"} else _BACKENDS
        for call, endings, package, instead in table:
            if name != call or (endings and not use.path.lower().endswith(endings)):
                continue
            if _normal(package) in listed or listed & set(instead) or package in out:
                continue
            out[package] = use.call
    return sorted(out.items())


def _renamed_here(project: Project, module: str, where: str) -> tuple[str, str] | None:
    """The file of this folder that a dotted import of ``module`` in ``where`` names by its last parts
    (``diagnostics.file_locations_module``, when ``analysis_code/file_locations_module.py`` is here: a
    package renamed for publication, colemanmr/ukesm_aerosol_nudging_analysis_code), with that import."""
    text = project.read_text(where) or ""
    for m in re.finditer(rf"\b{re.escape(module)}((?:\.\w+)+)", text):
        dotted = module + m.group(1)
        tail = m.group(1).lstrip(".").replace(".", "/") + ".py"
        hits = [f for f in project.files if f == tail or f.endswith("/" + tail)]
        if len(hits) == 1:
            return dotted, hits[0]
    return None


def private_imports(project: Project) -> list[tuple[str, str, str]]:
    """Imports sciship cannot match to a package that a file makes after putting an absolute folder of
    the author's computer on ``sys.path`` (``sys.path.insert(0, '/usr/people/ana/git/lab_scripts/')``):
    (module, file, folder)."""
    from sciship.imports import analyze
    from sciship.imports.scan import sys_path_entries

    out = []
    found: dict[str, list[str]] = {}  # file -> the folders of the author's computer it puts on sys.path
    scanned = project.memoized("deps-scans")  # (the import scan's own reading, when share kept it)
    scans = scanned[1] if scanned else {}
    for v in analyze(project).dependencies:
        if v.status != "unresolved":
            continue
        # (scripts before notebooks, and only the first few: reading a folder's notebooks cost 40 ms)
        for rel in sorted(v.files, key=lambda f: f.endswith(".ipynb"))[:5]:
            if rel not in found:
                data = project.read_bytes(rel) or b""
                found[rel] = []
                if b"sys.path" in data:  # (bytes first: most files never touch sys.path)
                    text = data.decode("utf-8", "replace")
                    code = _notebook_code(text) if rel.endswith(".ipynb") else text
                    scan = scans.get(rel)
                    entries = scan.sys_paths if scan is not None else sys_path_entries(code)
                    written = [e[4:] for e in entries if e.startswith("abs:")]
                    found[rel] = [f for f in written or _absolute_sys_path(code) if not _system_folder(f)]
            folders = found[rel]
            if folders and _imported_after_sys_path(project, rel, v.imports, scans.get(rel)):
                out.append((v.imports[0] if v.imports else str(v.distribution), rel, folders[0]))
    return out


def _imported_after_sys_path(project: Project, rel: str, modules: Any, scan: Any) -> bool:
    """Does the script import one of ``modules`` after its first change of ``sys.path`` (an import above it
    cannot come from the folder it adds: umap_senescence.py imports textalloc at line 12 and adds its
    folder at line 363)? A notebook: yes."""
    if not rel.endswith(".py"):
        return True
    text = project.read_text(rel) or ""
    first = _SYS_PATH_ADD.search(text)
    if first is None:
        return True
    line = text.count("\n", 0, first.start()) + 1
    tops = {str(m).partition(".")[0] for m in modules}
    if scan is not None:
        lines = [site.line for site in scan.imports if site.top in tops]
    else:  # (the import lines, found in the text)
        lines = [
            text.count("\n", 0, m.start()) + 1
            for top in tops
            for m in re.finditer(rf"^[ \t]*(?:import|from)[ \t]+{re.escape(top)}\b", text, re.MULTILINE)
        ]
    return not lines or max(lines) > line


_SYS_PATH_ADD = compile_later(r"sys\.path\.(?:insert\(\s*-?\d+\s*,|append\()\s*([^)\n]*)")
_ABSOLUTE_TEXT = compile_later(r"""['"](/[^'"\n]+|[A-Za-z]:[\\/][^'"\n]+)['"]""")


def _absolute_sys_path(text: str) -> list[str]:
    """Absolute folders the code puts on ``sys.path`` through a name set just before
    (``libdir = os.path.dirname('/usr/people/ana/lib/')``, then ``sys.path.insert(0, libdir)``); the
    scanner reads only paths written in the call."""
    out = []
    for m in _SYS_PATH_ADD.finditer(text):
        arg = m.group(1).strip().rstrip(",")
        found = _ABSOLUTE_TEXT.search(arg)
        if found is None and arg.isidentifier():
            sets = re.findall(rf"^[ \t]*{re.escape(arg)}[ \t]*=[ \t]*(.+)$", text[: m.start()], re.MULTILINE)
            found = _ABSOLUTE_TEXT.search(sets[-1]) if sets else None
        if found is not None:
            out.append(found.group(1))
    return out


def _system_folder(folder: str) -> bool:
    """A folder of the system or of an installation (``/usr/bin``, ``.../site-packages``), not the author's
    own code."""
    folder = folder.replace("\\", "/").rstrip("/") + "/"
    return folder.startswith(_SYSTEM_FOLDERS) or "-packages/" in folder


#: folders of the system and of installations: what is imported from them is not the author's code
_SYSTEM_FOLDERS = (
    "/usr/bin/",
    "/usr/lib/",
    "/usr/share/",
    "/usr/local/bin/",
    "/usr/local/lib/",
    "/bin/",
    "/etc/",
    "/opt/conda/",
    "/Library/Frameworks/",
)


def _notebook_code(text: str) -> str:
    """A notebook's code cells, one after the other ("" for a notebook that does not read)."""
    import json

    try:
        cells = json.loads(text).get("cells", [])
    except (ValueError, AttributeError):
        return ""
    return "\n".join(
        "".join(c["source"]) if isinstance(c.get("source"), list) else str(c.get("source", ""))
        for c in cells
        if isinstance(c, dict) and c.get("cell_type") == "code"
    )


#: the folders of a home folder that code run from there imports as if packages
_HOME_FOLDERS = frozenset({"Documents", "Desktop", "Downloads", "OneDrive", "Dropbox", "GoogleDrive"})


def unresolved_imports(project: Project) -> list[str]:
    """What the code imports that sciship cannot match to a package (so requirement lines leave it out)."""
    from sciship.imports import analyze

    return sorted(
        v.name
        for v in analyze(project).dependencies
        if v.status == "unresolved"
        and set(v.scopes) & {"runtime", "lazy", "script", "notebook", "optional"}
        and _ours(project, v.files)
    )


def requirements(project: Project) -> tuple[list[str], str | None]:
    """What the code imports, as requirement lines (``>=`` the installed version where there is one),
    and the oldest Python the code can run on."""
    from sciship.imports import analyze

    report = analyze(project)
    wanted = [
        (v, v.distribution)
        for v in report.dependencies
        if set(v.scopes) & {"runtime", "lazy", "script", "notebook", "optional"}
        and v.status != "unused"
        and v.distribution is not None  # an unresolved import has no name to write
        and _ours(project, v.files)
    ]
    installed = _installed_versions([name for _v, name in wanted]) if wanted else {}
    lines = []
    for v, name in wanted:
        line = name + (f">={installed[name]}" if name in installed else "")
        lines.append(f"{line}; {v.marker}" if v.marker else line)
    rp = report.requires_python
    # the newer of what the author declares and what the code needs (gluex-ksks-paper-analysis declares
    # >=3.14, and its `import tomllib` made REPRODUCE.md say 3.11 beside codemeta.json's 3.14)
    known = [v for v in (rp.detected_minimum, rp.declared_minimum) if v]
    return sorted(lines, key=str.lower), max(known, key=_version_key) if known else None


def _version_key(version: str) -> tuple[int, ...]:
    return tuple(int(p) if p.isdigit() else 0 for p in version.split("."))


def _languages(project: Project) -> list[str]:
    """The code's languages for codemeta.json: Python, then the others by how many files are written in
    them, scripts and notebooks (an R notebook is R code, not Python)."""
    from sciship.share import inventory

    counts = dict(inventory.script_languages(project, extension_only=True))
    for language, notebooks in inventory.notebook_languages(project).items():
        counts[language] = counts.get(language, 0) + len(notebooks)
    others = sorted((k for k in counts if k != "Python"), key=lambda k: (-counts[k], k))
    return ["Python", *others]


def _note_invalid_cff(project: Project, result: ShareResult) -> None:
    """The folder's own CITATION.cff is kept as it is; say when GitHub and Zenodo will ignore it."""
    from sciship import _yaml
    from sciship.metadata import cff_schema

    data, error = _yaml.load(project.read_text("CITATION.cff") or "")
    if error is not None:
        return  # the model already reports files it cannot parse
    errors = cff_schema.validate(data)
    if errors:
        shown = "; ".join(str(e) for e in errors[:3]) + (
            f"; and {len(errors) - 3} more" if len(errors) > 3 else ""
        )
        result.notes.append(
            f"Your CITATION.cff breaks the CFF 1.2.0 rules ({shown}), so GitHub and Zenodo ignore it. "
            "sciship leaves it as it is: correct it by hand (`sciship check --select COM604` lists every "
            "problem)."
        )


def _installed_versions(wanted: Iterable[str]) -> dict[str, str]:
    """Normalised distribution name -> version, of the ``wanted`` ones installed where sciship runs."""
    return {name: version for name, (version, _folder) in _installed(wanted).items()}


def _installed(wanted: Iterable[str]) -> dict[str, tuple[str, str]]:
    """Normalised distribution name -> (version, its metadata folder), of the ``wanted`` ones installed
    where sciship runs, but not sciship's own (:func:`_installed_for_sciship`)."""
    every = _everything_installed()
    found = {name: every[name] for name in wanted if name in every}
    if found:  # (what sciship brought says nothing of the research code)
        for name in _installed_for_sciship(every):
            found.pop(name, None)
    return found


@cache
def _everything_installed() -> dict[str, tuple[str, str]]:
    """Normalised distribution name -> (version, its metadata folder), of everything installed where
    sciship runs.

    Read from the names of the ``*.dist-info`` / ``*.egg-info`` folders on ``sys.path``
    (``numpy-2.1.0.dist-info``): one listing per folder, where parsing each distribution's metadata
    costs more than all the rest of ``share --dry-run``."""
    import sys
    from pathlib import Path

    out: dict[str, tuple[str, str]] = {}
    for entry in sys.path:
        try:
            names = [p.name for p in Path(entry or ".").iterdir()]
        except OSError:
            continue
        for folder in names:
            if not folder.endswith((".dist-info", ".egg-info")):
                continue
            stem = folder.rsplit(".", 1)[0]
            name, sep, rest = stem.partition("-")
            version = rest.split("-", 1)[0]
            if sep and version:
                out.setdefault(re.sub(r"[-_.]+", "-", name).lower(), (version, f"{entry or '.'}/{folder}"))
    return out


def _installed_for_sciship(installed: dict[str, tuple[str, str]]) -> set[str]:
    """sciship and what installing it (with every extra) brings: their versions say nothing of the code
    shared. Run from its own environment (pipx, `uv tool`), sciship offered its own `requests>=2.34.2` and,
    from that, "You need Python 3.10 or newer" to a project tested on 3.9 (XINRUIQI/CASA0004-Dissertation).
    A research environment that sciship was installed into loses the floors of these few packages only."""
    import hashlib
    import json

    from sciship import _cache

    # (reading a hundred distributions' metadata cost 10 ms a run: kept for this set of installed ones)
    listing = "\n".join(sorted(f"{name} {version}" for name, (version, _folder) in installed.items()))
    kept = f"own-packages/{hashlib.sha256(listing.encode()).hexdigest()[:24]}.json"
    with contextlib.suppress(ValueError, TypeError):
        found = json.loads(_cache.read(kept) or b"null")
        if isinstance(found, list) and all(isinstance(n, str) for n in found):
            return set(found)
    todo = ["sciship"]
    seen: set[str] = set()
    while todo:
        name = todo.pop()
        if name in seen or name not in installed:
            continue
        seen.add(name)
        for requirement, marker in _requires_dist(installed[name][1]):
            if name == "sciship" or "extra" not in marker:  # the extras of sciship only
                todo.append(requirement)
    _cache.write(kept, json.dumps(sorted(seen)).encode())
    return seen


_REQUIRES_DIST = compile_later(
    r"^Requires-Dist:[ \t]*([A-Za-z0-9][A-Za-z0-9._-]*)[^;\n]*(?:;(.*))?$", re.MULTILINE
)


def _requires_dist(folder: str) -> list[tuple[str, str]]:
    """(normalised name, marker) of each requirement in a distribution's metadata header."""
    header = _metadata_header(folder) or ""
    return [(_normal(m.group(1)), m.group(2) or "") for m in _REQUIRES_DIST.finditer(header)]


def _metadata_header(folder: str) -> str | None:
    """The header of a distribution's ``METADATA`` (or ``PKG-INFO``): the lines before the first blank
    one, read in pieces (the description after it may be long); None when it cannot be read."""
    try:
        name = "METADATA" if folder.endswith(".dist-info") else "PKG-INFO"
        with open(f"{folder}/{name}", "rb") as fh:  # noqa: PTH123 - the header only
            data = fh.read(8192)
            while b"\n\n" not in data and len(data) < 262144 and (more := fh.read(8192)):
                data += more
    except OSError:
        return None
    return data.split(b"\n\n", 1)[0].decode("utf-8", "replace")


def _note_ignored(project: Project, plan: Plan, result: ShareResult) -> None:
    """Say when the folder's own .gitignore leaves out files share writes (alcrene/emd-paper-notebooks'
    `*.json` hid codemeta.json, .zenodo.json and the crate, and share said "commit these files"): git
    will not commit them, and GitHub and Zenodo read only what is committed."""
    text = project.read_text(".gitignore") if project.has(".gitignore") else None
    if not text:
        return
    lines = text.splitlines()
    written = [a.path for a in plan.actions if a.kind == "create" and "/" not in a.path]
    # the rules that may name a file at the top: no folder in them (`*.json`, `/CITATION.cff`, `**/x`)
    rules = [
        r.removeprefix("/").removeprefix("**/")
        for r in (line.strip().rstrip("/") for line in lines)
        if r and not r.startswith(("#", "!"))
    ]
    if not any(_may_name(r, p) for r in rules if "/" not in r for p in written):
        return  # (no rule names any of them: importing pathspec cost 20 ms a run)
    import pathspec

    spec = pathspec.GitIgnoreSpec.from_lines(lines)
    hidden = [p for p in written if spec.match_file(p)]
    if not hidden:
        return
    one = len(hidden) == 1
    result.notes.append(
        f"Your .gitignore leaves out {_first_few([f'`{p}`' for p in hidden])}, which share writes: git "
        f"will not commit {'it' if one else 'them'}, and GitHub and Zenodo read only what is committed. "
        "Add a line for each at the end of .gitignore, starting with `!` ("
        + ", ".join(f"`!{p}`" for p in hidden[:3])
        + (", ..." if len(hidden) > 3 else "")
        + "), or commit "
        + ("it" if one else "them")
        + " with `git add -f`."
    )


def _may_name(rule: str, name: str) -> bool:
    """May the .gitignore rule ``rule`` (no folder in it) name the file ``name``? Written-out names and
    ``*.ext`` are told without a regular expression (a .gitignore of 200 rules compiled 200 of them)."""
    if not any(c in rule for c in "*?[\\"):
        return rule == name
    if rule.startswith("*") and not any(c in rule[1:] for c in "*?[\\"):
        return name.endswith(rule[1:])
    import fnmatch

    return fnmatch.fnmatchcase(name, rule)


def python_for_floors(lines: list[str]) -> str | None:
    """The oldest Python on which every ``name>=version`` of ``lines`` installs: the newest of their
    ``Requires-Python`` floors, read from the installed metadata (mstapelberg/active_learning_paper_analysis:
    `pyarrow>=26.0.1`, which needs Python 3.10, beside "You need Python 3.8 or newer")."""
    found: list[str] = []
    installed = _installed([_normal(line.split(";")[0].partition(">=")[0]) for line in lines])
    for line in lines:
        name, sep, version = line.split(";")[0].partition(">=")
        have = installed.get(_normal(name))
        if not sep or have is None or have[0] != version.strip():
            continue
        floor = _requires_python_floor(have[1])
        if floor:
            found.append(floor)
    return max(found, key=_version_key) if found else None


#: an import statement at the start of a line (indented or not), as a line scan of Python 2 code reads it:
#: ``import a, b.c as d`` (group 1) and ``from a.b import c`` (group 2)
_PY2_IMPORT = compile_later(
    r"^[ \t]*(?:import[ \t]+([\w., \t]+?)[ \t]*(?:#.*)?$|from[ \t]+([\w.]+)[ \t]+import\b)"
)
#: Python 2 standard-library modules that neither Python 3 has nor PEP 3108's list names (`import Tkinter`
#: has them: ``tkFileDialog``, ``ttk``), and no package provides
_PYTHON2_STDLIB = frozenset(
    {
        "Bastion", "Canvas", "Dialog", "DocXMLRPCServer", "FileDialog", "ScrolledText", "SimpleDialog", "Tix",
        "Tkconstants", "Tkdnd", "bsddb", "compiler", "dl", "future_builtins", "hotshot", "htmllib", "ihooks",
        "imageop", "imputil", "markupbase", "mhlib", "posixfile", "rexec", "tkColorChooser", "tkCommonDialog",
        "tkFileDialog", "tkFont", "tkSimpleDialog", "ttk", "user",
    }
)  # fmt: skip


def python2_requirements(project: Project, paths: Sequence[str]) -> tuple[list[str], list[str]]:
    """The packages the Python 2 files ``paths`` import, found by a scan of their lines (Python 3's parser
    stops at their first ``print "x"``): each ``import x`` or ``from x import y`` that starts a line outside
    a triple-quoted string, less Python 2's standard library and the folder's own modules, as distribution
    names without versions (a Python 2.7 pip takes the last release that supports it); and the names no
    known package provides (s33: a folder of Python 2 steps got no requirements.txt at all)."""
    from sciship.imports.local import FirstParty
    from sciship.imports.resolve import distribution_for
    from sciship.imports.stdlib import PYTHON2_ONLY, is_stdlib_any

    local = FirstParty(project, False)
    names: set[str] = set()
    unknown: set[str] = set()
    for rel in paths:
        quoted = False  # inside a triple-quoted string (a docstring's `import x` is no import)
        for line in (project.read_text(rel) or "").splitlines():
            was = quoted
            for quote in ('"""', "'''"):
                if line.count(quote) % 2:
                    quoted = not quoted
            m = None if was else _PY2_IMPORT.match(line)
            if m is None:
                continue
            said = [m.group(2)] if m.group(2) else m.group(1).split(",")
            modules = [w.split()[0] for w in said if w.split()]  # (`b.c as d`: `b.c`)
            for module in modules:
                top = module.partition(".")[0]
                if not top or not top.isidentifier() or top == "__future__" or local.is_local(top, rel):
                    continue
                if top in PYTHON2_ONLY or top in _PYTHON2_STDLIB or is_stdlib_any(top):
                    continue
                found = distribution_for(module)
                if found.source == "guess":
                    unknown.add(top)
                else:
                    names.add(found.distribution)
    return sorted(names, key=str.lower), sorted(unknown)


def pipfile_python(project: Project) -> str | None:
    """The Python a ``Pipfile`` asks for (``[requires] python_version = "3.9"``, or the minor version of
    its ``python_full_version``): what pipenv makes its environment with (s33: REPRODUCE.md named no Python
    at all when neither the code nor a requires-python gave one)."""
    if not project.has("Pipfile"):
        return None
    import sys

    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised on Python 3.10 only
        import tomli as tomllib

    try:
        data = tomllib.loads(project.read_text("Pipfile") or "")
    except tomllib.TOMLDecodeError:  # (`sciship deps` says so)
        return None
    requires = data.get("requires")
    if not isinstance(requires, dict):
        return None
    for key in ("python_version", "python_full_version"):
        m = re.fullmatch(r"\s*(\d+)\.(\d+)(?:\.\d+)?\s*", str(requires.get(key, "")))
        if m:
            return f"{m.group(1)}.{m.group(2)}"
    return None


def _requires_python_floor(folder: str) -> str | None:
    """The lowest Python a distribution's ``Requires-Python`` allows (``>=3.10`` -> ``3.10``), from its
    metadata's header; None when it says none."""
    header = _metadata_header(folder)
    if header is None:
        return None
    for line in header.splitlines():
        if line.lower().startswith("requires-python:"):
            floors = re.findall(r"(?:>=|~=|==)\s*(\d+(?:\.\d+)*)", line)
            return max(floors, key=_version_key) if floors else None
    return None


def prepare(
    project: Project,
    options: Options,
    flow: Flow,
    known_: Known | None = None,
    *,
    progress: Callable[[int, int], None] | None = None,
) -> ShareResult:
    """The plan ``sciship share`` applies (nothing is written in the folder here; with ``--archive`` the
    zip is built in a temporary file, ``progress(done, total)`` called as each file is packed)."""
    from sciship.metadata import read
    from sciship.metadata.licenses import LICENSES, license_text
    from sciship.metadata.writers import cff, codemeta, rocrate, zenodo
    from sciship.plan import Plan
    from sciship.share import inventory, reproduce

    known_ = known_ or known(project)
    meta = metadata_for(project, options, known_)
    md = read.load(project)
    plan = Plan(project.root)
    env = inventory.environment(project, [s.path for s in flow.steps])
    result = ShareResult(flow=flow, plan=plan, metadata=meta, environment=env)
    unreadable = {p.path for p in md.problems}

    reqs, python = requirements(project)
    python = python or (meta.requires_python or "").removeprefix(">=") or None
    # (the newer of it and a Pipfile's Python, as with a requires-python: pipenv makes the environment
    # with the Pipfile's)
    asked = pipfile_python(project)
    python = max((v for v in (python, asked) if v), key=_version_key, default=None)
    python2_unknown: list[str] = []
    python2 = bool(flow.steps) and all(s.python2 for s in flow.steps)  # (Python 3's parser read nothing)
    if python2 and not env.declared and not project.has("requirements.txt"):
        # (with the modules they import that Python 3 parses, by name only: the versions installed here
        # are Python 3's, which a Python 2.7 pip cannot install)
        found, python2_unknown = python2_requirements(project, [s.path for s in flow.steps])
        names = {re.split(r"[<>=!~;\s\[]", r, maxsplit=1)[0] for r in reqs}
        reqs = sorted({*names, *found}, key=str.lower)
    writes_requirements = not env.declared and bool(reqs) and not project.has("requirements.txt")
    # the packages the calls need that the code never imports (xarray's open_mfdataset needs dask)
    listed = {_normal(r.split(";")[0].split(">")[0].split("=")[0]) for r in reqs} | declared_packages(project)
    implied = implied_packages(flow, listed)
    if writes_requirements and implied:
        installed = _installed_versions([n for n, _call in implied])
        reqs = sorted(
            [*reqs, *(n + (f">={installed[n]}" if n in installed else "") for n, _call in implied)],
            key=str.lower,
        )
    if writes_requirements:  # (the versions it writes must install on the Python REPRODUCE.md names)
        floor = python_for_floors(reqs)
        if floor and (python is None or _version_key(floor) > _version_key(python)):
            python = floor
    # (a package's own declarations are `sciship check`'s and `sciship deps`'s to judge)
    undeclared = undeclared_imports(project) if env.kind != "package" and env.path else []
    unlisted_ = steps_need_unlisted(project, flow) if env.kind == "package" and env.path else []
    if env.kind != "package" and env.path:
        undeclared += [(name, f"`{call}` needs it") for name, call in implied]
    itself = [(n, w) for n, w in [*undeclared, *unlisted_] if installs_itself(project, n, w)]
    undeclared = [u for u in undeclared if u not in itself]
    if undeclared:
        shown = _first_few([f"`{name}` ({where})" for name, where in undeclared])
        them = "them" if len(undeclared) > 1 else "it"
        result.notes.append(
            f"{_files_said(env.files)} {'does' if len(env.files) == 1 else 'do'} not list {shown}, which "
            f"the code needs: whoever installs what {'it lists' if len(env.files) == 1 else 'they list'} "
            f"sees the steps stop there. Add {them} (`sciship deps` shows every package the code imports)."
        )
    unlisted = [u for u in unlisted_ if u not in itself]
    if itself:  # (a notebook that installs what it needs: it does not stop; a pinned version helps still)
        shown = _first_few([f"`{name}` ({where})" for name, where in itself])
        one = len(itself) == 1
        result.notes.append(
            f"The steps install {shown} themselves when they run (a `pip install` in the code, which needs "
            f"the network), so they do not stop for want of {'it' if one else 'them'}; list "
            f"{'it' if one else 'them'} with the folder's requirements all the same, to say which version "
            "the results were made with."
        )
    if unlisted:  # (garobed1/pou-paper-code: `install_requires=[]`, and the steps import smt, openmdao, ...)
        shown = _first_few([f"`{name}` ({where})" for name, where in unlisted])
        them = "them" if len(unlisted) > 1 else "it"
        result.notes.append(
            f"The steps import {shown}, which `{env.path}` does not list: `pip install -e .`, the setup "
            f"REPRODUCE.md gives, does not install {them}, and the steps stop there. List {them} with the "
            "package's dependencies (or in a requirements file the README installs too)."
        )
    if project.ignored_code:  # (shahcompbio/scdna_replication_paper as a ZIP: 22 figure notebooks gone)
        several = len(project.ignored_code) > 1
        them, their = ("them", "their") if several else ("it", "its")
        result.notes.append(
            f"sciship left out {_first_few([f'`{f}`' for f in project.ignored_code])}: a .gitignore lists "
            f"{them} (or {their} folder). This folder is not a git checkout (a download, a copy), so "
            f"sciship cannot tell whether {'they were' if several else 'it was'} shared: if "
            f"{'they are' if several else 'it is'} part of the analysis, take {them} out of .gitignore, or "
            "run share in the git clone."
        )
    # (one note per folder of the author's computer, with every module imported from it: colemanmr/
    # socrates_analysis_code's two notes differed in one word)
    private: dict[str, tuple[list[str], list[str], list[tuple[str, str]]]] = {}
    for module, where, folder in private_imports(project):
        if module.partition(".")[0] in _HOME_FOLDERS:
            continue  # (said below: a home folder's name)
        modules, importers, renamed = private.setdefault(folder, ([], [], []))
        modules.extend([module] if module not in modules else [])
        importers.extend([where] if where not in importers else [])
        here = _renamed_here(project, module, where)
        renamed.extend([here] if here and here not in renamed else [])
    for folder, (modules, importers, renamed) in private.items():
        who = _first_few([f"`{f}`" for f in importers], 3)
        one = len(importers) == 1
        result.notes.append(
            f"{who} {'puts' if one else 'put'} `{folder}` on `sys.path`, a folder on your computer, and "
            f"{'imports' if one else 'import'} {_first_few([f'`{m}`' for m in modules], 3)}, which sciship "
            "cannot match to a package: if it comes from that folder, the import fails on another computer. "
            + (
                f"This folder has `{renamed[0][1]}`, which looks like the same module (`{renamed[0][0]}`) "
                "under another name: import it by the name it has here."
                if renamed
                else "Copy the module into this folder and import it from there (or publish it as a package "
                "and list it with the others)."
            )
        )
    unresolved = unresolved_imports(project)
    # (and where nothing is written for want of a known package: pynucastro's notebooks import only
    # `pynucastro`, and nothing said what to install)
    alone = not writes_requirements and not env.declared and not project.has("requirements.txt")
    unknown = unresolved if writes_requirements or alone else []
    if python2:  # (`import Tkinter`: Python 2's own, which no package provides)
        from sciship.imports.stdlib import PYTHON2_ONLY

        unknown = [n for n in unknown if n not in PYTHON2_ONLY and n not in _PYTHON2_STDLIB]
        unknown += [n for n in python2_unknown if n not in unknown]
    if any(p.startswith("*") for s in flow.steps for p in (*s.reads, *s.writes)):
        # (colemanmr/socrates_analysis_code: 192 inputs `*socrates_diags/...`, never explained)
        result.notes.append(
            "In the steps' files, `*` stands for a part of a name sciship cannot tell from the code (given "
            "when the script runs, or a value from a module that is not in the folder), and `**/` for "
            "folders it cannot tell: a path that starts with one depends on something the code does not "
            "say. Say in REPRODUCE.md what to use."
        )
    homes = [n for n in unresolved if n in _HOME_FOLDERS]
    unknown = [n for n in unknown if n not in _HOME_FOLDERS]
    if alone and unknown:
        one = len(unknown) == 1
        result.notes.append(
            f"The code imports {_first_few([f'`{n}`' for n in unknown])}, which sciship could not match to "
            f"{'a package' if one else 'packages'}, and the folder says nothing of what to install: "
            f"whoever runs the steps will not know. Find which package provides {'it' if one else 'each'} "
            "(on PyPI the name is often the same, but check: `sciship deps --online` asks PyPI; the README "
            f"or the code's origin says for sure) and list {'it' if one else 'them'} in a requirements.txt."
        )
    if homes:  # (colemanmr/socrates_analysis_code: `import Documents.python_code.diagnostics...`)
        shown = _first_few([f"`{n}`" for n in homes])
        result.notes.append(
            f"The code imports {shown}, the name of a folder on your computer (run from your home folder, "
            "Python finds modules there), not a package: on another computer that import fails. Copy the "
            "modules it means into this folder and import them from there."
        )
    if unknown and not alone:
        shown = _first_few([f"`{n}`" for n in unknown])
        them = "them" if len(unknown) > 1 else "it"
        result.notes.append(
            f"requirements.txt leaves out {shown}: the code imports {them}, but sciship cannot tell which "
            f"package provides {them} (a module missing from the folder, or a package it does not know). "
            "Add the package names yourself; `sciship deps --online` asks PyPI."
        )

    def put(path: str, render: Any, refresh: Any, why: str) -> None:
        if not project.has(path):
            plan.create(path, render, why)  # rendered when written (a dry run only lists it)
        elif path in unreadable:
            result.kept.append((path, "sciship could not read it, so it is left as it is"))
        elif options.update and refresh is not None:
            before = len(plan.actions)
            plan.edit(path, refresh, "refresh version, date, authors and license")
            if len(plan.actions) == before:
                result.kept.append((path, "already up to date"))
        else:
            result.kept.append((path, "exists (`--update` refreshes its version, date, authors and license)"))

    unread = inventory.unread_code(project)
    if unread:
        from sciship.metadata.languages import said

        counts = {k: len(v) for k, v in unread.items() if k != "Shell"}
        shell = len(unread.get("Shell", []))
        parts = [f"code in {said(counts)}"] if counts else []
        if shell:
            scripts = "1 shell script that runs" if shell == 1 else f"{shell} shell scripts that run"
            parts.append(f"{scripts} no Python")
        result.notes.append(
            f"Besides Python, the folder holds {' and '.join(parts)}, which sciship does not read: the "
            "steps, inputs and outputs come from the Python code only. Say in REPRODUCE.md how to run the "
            "rest."
        )
    tasks = _pytask_files(project)
    if tasks:
        # (maxxxbb/replication_ar2018: an economics replication run by pytask, whose task functions say what
        # they read and write in `@pytask.mark.depends_on` and `produces`: share said only that no script
        # reads or writes files it could follow)
        which = f"`{tasks[0]}`" if len(tasks) == 1 else f"{len(tasks)} task files, such as `{tasks[0]}`"
        result.notes.append(
            f"The analysis runs with pytask ({which}): pytask calls their `task_` functions, which sciship "
            "does not follow yet, so what the tasks read and write is not among the steps, inputs and "
            "outputs. Say in REPRODUCE.md to run `pytask` from the top of the folder, and which data to get "
            "first."
        )
    from sciship.project import SECRET_NAME

    secrets = [
        f
        for f in project.files
        if SECRET_NAME.search(f.rsplit("/", 1)[-1])
        and not f.lower().endswith(_CODE_OR_TEXT)
        and not _only_settings(project, f)
    ]
    if secrets:  # (KaufmanLabJILA/analysis_code: an OAuth client's credentials.json and token.json)
        one = len(secrets) == 1
        shown = _first_few([f"`{f}`" for f in secrets])
        result.notes.append(
            f"{shown} {'is by its name a secret' if one else 'are by their names secrets'} (a key, a token, "
            f"a password), in what you share: anyone who downloads the folder can use "
            f"{'it' if one else 'them'}. If {'it holds a real one' if one else 'they hold real ones'}, take "
            f"{'it' if one else 'them'} out of the folder (and out of git's history), revoke "
            f"{'it' if one else 'them'} where {'it was' if one else 'they were'} made, and say in the README "
            "how whoever runs the code gets their own."
        )
    forks = project.mac_forks()
    if forks:  # (janbrascamp/analysis_code_face_integration: four of twelve "steps", four SHR117)
        shown = _first_few([f"`{f}`" for f in forks])
        result.notes.append(
            f"{shown} {'is a' if len(forks) == 1 else 'are'} macOS resource "
            f"{'file' if len(forks) == 1 else 'files'} (a Mac writes one next to each file it copies to a "
            f"USB stick or a zip), not code: sciship left {'it' if len(forks) == 1 else 'them'} out. Delete "
            f"{'it' if len(forks) == 1 else 'them'}, and add `._*` to .gitignore."
        )
    copies = project.checkpoint_copies()
    if copies:
        one = len(copies) == 1
        result.notes.append(
            f"{_first_few([f'`{f}`' for f in copies])} {'is a copy' if one else 'are copies'} Jupyter "
            f"saved of {'a notebook' if one else 'notebooks'} (it keeps them in `.ipynb_checkpoints/`), "
            f"not {'a step' if one else 'steps'} of the analysis: sciship left {'it' if one else 'them'} "
            f"out. Delete {'it' if one else 'them'}, and add `.ipynb_checkpoints/` and `*-checkpoint.ipynb` "
            "to .gitignore."
        )
    copied = [
        folder
        for folder in project.copied_in()
        if any(f.startswith(folder + "/") and f.endswith((".py", ".ipynb")) for f in project.files)
    ]
    if copied:  # (levylabpitt's copy of the Octopus code: 14 of its 21 "steps")
        shown = _first_few([f"`{folder}/`" for folder in copied])
        result.notes.append(
            f"The scripts in {shown} are another project's, copied in (a folder named for that, or a C or "
            "Fortran project's sources with its own configure.ac): they are no steps of this analysis, "
            "unless a script or README of the folder runs them."
        )
    if known_.placeholders:
        named = _first_few([f"`{name}` ({where})" for name, where in dict.fromkeys(known_.placeholders)])
        instead = f"the authors from {known_.authors_from}" if known_.authors_from else "no author"
        result.notes.append(
            f"{named} stands in for a name (a double-blind review's, a template's): sciship took "
            f"{instead} instead, so that nobody is cited as that. Put the real authors there too."
        )
    logins = tuple(p.github for p in meta.people if p.login_only and p.github)
    if logins:
        # (ludovico-lanni/cluster-experiments-paper: most of aureliolova's commits carry a real address;
        # no address hid the name, git's user.name was the login)
        one = len(logins) == 1
        why = (
            "the name git gives their commits, `user.name`, is the login"
            if known_.authors_from == "the git history"
            else f"{known_.authors_from or 'the metadata'} gives no name"
        )
        result.notes.append(
            f"{_files_said(logins)} {'is' if one else 'are'} known only "
            f"by a GitHub login ({why}), so CITATION.cff gives no name to cite, "
            "only the `alias`, and Zenodo shows the login as the name. Check who it is and give the real "
            "name: type it when share asks for the authors (run it without `--yes`), or map the login to "
            "the name in a `.mailmap` file."
        )
    single = [
        p.display
        for p in meta.people
        if known_.authors_from == "the git history" and not p.login_only and " " not in p.display.strip()
    ]
    if single and meta.people == known_.authors:  # (KLichtenauer's "Kilian", MobilityNet's "kennykos")
        one = len(single) == 1
        result.notes.append(
            f"The git history names {_first_few([f'`{n}`' for n in single])} by one word only (a first name "
            f"or a login, as git was told), so CITATION.cff cites {'it' if one else 'each'} as a family "
            "name. Give full names: type them when share asks for the authors (run it without `--yes`), or "
            "map each to the full name in a `.mailmap` file."
        )
    if not meta.people:
        result.notes.append(
            "No author is known: CITATION.cff needs at least one. Run `sciship share` on a terminal to type "
            "the authors, or set your name with `git config user.name`."
        )
    odd = inventory.odd_names(project)
    if odd:
        shown = ", ".join(
            f"`{p.encode('utf-8', 'surrogateescape').decode('utf-8', 'replace')}`" for p in odd[:5]
        )
        result.notes.append(
            f"{len(odd)} file name(s) are not UTF-8 text ({shown}): other computers and Zenodo cannot name "
            "them, so share leaves them out of the crate and the archive. Rename them and run share again."
        )
    blank = empty_license_files(project)
    if not meta.license and known_.license_options:
        result.notes.append(license_options_said(known_) + ".")
    elif not meta.license and known_.license_said:
        spdx, where = known_.license_said
        none = f"`{blank[0]}` is empty" if blank else "the folder has no LICENSE file"
        result.notes.append(
            f"{where if ' ' in where else f'`{where}`'} says the code is under the {spdx} license, but "
            f"{none} and no metadata says so: pass `--license {spdx}` to record it (share then "
            f"{'writes the license text into it' if blank else 'adds the license text'}), or choose another "
            "with `--license`."
        )
    elif not meta.license:
        empty = f" (`{blank[0]}` is empty)" if blank else ""
        result.notes.append(
            f"The code has no license yet{empty}, so nobody may legally reuse it: choose one with "
            "`--license` (MIT is the usual choice for research code; see `sciship explain licenses`)"
            f"{f', and share writes its text into `{blank[0]}`' if blank else ''}."
        )
    elif (
        meta.license.startswith("CC-")
        and not options.license
        and known_.license_from == known_.data_license_from
    ):
        result.notes.append(
            f"`{known_.license_from}` puts the whole work, code included, under {meta.license}, a license "
            "made for text, data and figures: Creative Commons advises against it for software (it says "
            "nothing of patents or of the source code). For the code, a software license (`--license MIT`, "
            f"with `--data-license {meta.license}` for the rest) is the usual choice; then say in the "
            "LICENSE file which covers what."
        )

    def refreshed(update: Any, set_doi: Any, doi: str | None = meta.doi) -> Any:
        """The ``--update`` edit of one file: generated fields, and the DOI once the work has one."""
        return lambda text: set_doi(update(text, meta), doi) if doi else update(text, meta)

    # the paper the README names by its DOI: codemeta's `referencePublication` and Zenodo's
    # `isSupplementTo`, never the work's own DOI (jtextor/immunet-paper-code: only in the abstract)
    paper = None if meta.doi else readme_paper_doi(project)
    linked = replace(meta, doi=paper) if paper else meta

    put(cff.PATH, lambda: cff.render(meta), refreshed(cff.update, cff.set_doi), "how to cite this work")
    if project.has(cff.PATH) and cff.PATH not in unreadable:
        _note_invalid_cff(project, result)
    put(
        codemeta.PATH,
        lambda: codemeta.render(
            linked,
            requirements=reqs,
            readme=project.find_ci("README"),
            languages=_languages(project),
        ),
        refreshed(codemeta.update, codemeta.set_doi, linked.doi),
        "the software's metadata for Software Heritage and catalogues (CodeMeta 3.0)",
    )
    # Zenodo reads .zenodo.json instead of CITATION.cff: an existing citation's title is the record's title
    cited = md.citation.name if md.citation is not None and md.citation.name else None
    put(
        zenodo.PATH,
        lambda: zenodo.render(replace(linked, name=cited) if cited else linked),
        refreshed(zenodo.update, zenodo.set_doi, linked.doi),
        "what Zenodo records for each release (it reads this before CITATION.cff)",
    )
    if writes_requirements:
        plan.create(
            "requirements.txt",
            (
                "# The packages the Python 2 code imports (found by sciship share): install them with a "
                "Python 2.7 pip,\n# which takes the last release of each that supports Python 2.\n"
                if python2
                else "# The packages the code imports (found by sciship share; versions are lower bounds).\n"
            )
            + "".join(f"{line}\n" for line in reqs),
            "what to install to run the code",
        )
    if meta.license in LICENSES and not license_texts(project):
        holder = ", ".join(p.display for p in meta.people) or meta.name or "the authors"
        year = int((meta.date_released or today())[:4])
        if blank:  # (talking-to-machines/synthetic-rct-replication-package: a LICENSE of 0 bytes)
            text = license_text(meta.license or "", year, holder)
            plan.edit(blank[0], lambda _empty: text, "the code license (the file was empty)")
        else:
            plan.create("LICENSE", lambda: license_text(meta.license or "", year, holder), "the code license")

    # The crate and REPRODUCE.md describe every file, including the ones this plan writes (with their
    # sizes), and the crate the guide too: each is made when first needed, so that a dry run, which
    # only lists the files, renders none of them.
    # (an empty LICENSE the plan fills is described with its new size)
    planned = [a for a in plan.actions if a.kind == "create" or (a.kind == "edit" and a.path in blank)]
    paths = cache(lambda: inventory.deposit_files(project))  # (9 ms on a folder of 7,000 files)
    own_guide = reproduce.existing(project)

    @cache
    def described() -> list[CrateFile]:
        sizes = {a.path: len(a.content or b"") for a in planned}
        files = inventory.describe(
            project,
            paths(),
            options.max_file_size,
            extra={**sizes, reproduce.PATH: 0} if own_guide is None else sizes,
        )
        if not options.dry_run:
            files = [
                replace(f, sha256=inventory.sha256_of(project, f.path)) if f.external else f for f in files
            ]
        return files

    @cache
    def repro() -> str:
        return reproduce.render(
            meta,
            flow,
            described(),
            env,
            python=python,
            writes_requirements=writes_requirements or (not env.declared and project.has("requirements.txt")),
            max_file_size=options.max_file_size,
            unread=unread,
            unknown=unknown,
            other_cells=inventory.other_cells(project, (s.path for s in flow.steps if s.kind == "notebook")),
            jupyter=any(s.kind == "notebook" for s in flow.steps) and jupyter_declared(project, env),
        )

    @cache
    def files() -> list[CrateFile]:
        if own_guide is not None:
            return described()
        size = len(repro().encode())
        return [replace(f, size=size) if f.path == reproduce.PATH else f for f in described()]

    result.describe = files
    if own_guide is None:
        plan.create(reproduce.PATH, repro, "how to rerun the analysis, step by step")
    elif own_guide == reproduce.PATH:
        result.kept.append((reproduce.PATH, "exists (delete it to have sciship write it again)"))
    else:
        result.kept.append(
            (own_guide, f"your own reproduction guide: sciship writes no {reproduce.PATH} next to it")
        )

    @cache
    def crate() -> dict[str, Any]:
        return rocrate.data(meta, files(), flow.steps, max_file_size=options.max_file_size)

    put(
        rocrate.PATH,
        lambda: rocrate.dump(crate(), compact=options.dry_run),
        lambda text: (
            rocrate.set_doi(rocrate.update(text, crate()), meta.doi)
            if meta.doi
            else rocrate.update(text, crate())
        ),
        "what each file is and which step makes it (RO-Crate 1.1)",
    )
    _note_ignored(project, plan, result)
    if options.archive:
        from sciship.share import archive

        result.archive = archive.plan_archive(project, plan, meta, paths(), options.max_file_size)
        if not options.dry_run:
            archive.build(project, plan, result.archive, progress=progress)
    return result


def _pytask_files(project: Project) -> list[str]:
    """The folder's pytask task files: ``task_*.py`` modules that import pytask."""
    return sorted(
        f
        for f in project.files
        if f.rsplit("/", 1)[-1].startswith("task_")
        and f.endswith(".py")
        and _PYTASK_IMPORT.search(project.read_text(f) or "") is not None
    )


#: an import of pytask (``import pytask``, ``from pytask import Product``)
_PYTASK_IMPORT = re.compile(r"^\s*(?:import|from)\s+pytask\b", re.MULTILINE)
