"""The license: declared as an SPDX expression, valid, OSI-approved, with a matching license file."""

from __future__ import annotations

import datetime as dt
import fnmatch
import re
from typing import TYPE_CHECKING, Any

from sciship.checks import Fail, Skip, check, fixer
from sciship.checks._project_table import (
    PYPROJECT,
    declared,
    is_dynamic,
    line_of,
    no_pyproject,
    project_table,
    table_key,
)
from sciship.metadata.licenses import (
    LICENSES_DIR,
    OPERATORS,
    classifier_to_spdx,
    identify,
    known_licenses,
    license_files,
    license_ids,
    license_text,
    osi_approved,
    spdx_ids,
)
from sciship.metadata.licenses import (
    canonical as canonical_expression,
)

if TYPE_CHECKING:
    from tomlkit.toml_document import TOMLDocument

    from sciship.checks import Result
    from sciship.plan import Plan
    from sciship.project import Project

FAMILY = "license"
#: What build backends ship when ``license-files`` is not given (hatchling, setuptools, flit, pdm agree).
DEFAULT_LICENSE_GLOBS = ("LICEN[CS]E*", "COPYING*", "NOTICE*", "AUTHORS*")
_PLACEHOLDERS = re.compile(
    r"\[(?:year|yyyy|fullname|name of copyright owner)\]|<year>|<copyright holders?>|\{\{", re.IGNORECASE
)
HEAD_LINES = 10  #: where the copyright line of a license file is


def expression(project: Project) -> str | None:
    value = declared(project, "license")
    return value if isinstance(value, str) else None


def license_classifiers(project: Project) -> list[str]:
    classifiers = declared(project, "classifiers")
    if not isinstance(classifiers, list):
        return []
    return [c for c in classifiers if isinstance(c, str) and c.startswith("License ::")]


def _from_classifiers(project: Project) -> str | None:
    """The one SPDX id the license classifiers name, if they name exactly one."""
    mapping = classifier_to_spdx()
    ids = {mapping.get(c) for c in license_classifiers(project)}
    return ids.pop() if len(ids) == 1 and None not in ids else None


# ---------------------------------------------------------------------- LIC200
@check(
    "LIC200",
    family=FAMILY,
    severity="blocker",
    topic="licenses",
    requires=("PKG101",),
    title="The license is declared as an SPDX expression",
    why="""Without a license, nobody may legally use, copy or build on your code, however public it is.
    The standard way to say which license applies is a short SPDX identifier such as `MIT` or
    `BSD-3-Clause` in `[project]` (PEP 639); tools, PyPI and journals read it.""",
    fix="""Choose a license (`sciship explain licenses` compares the usual ones) and write
    `license = "MIT"` (or your choice) under `[project]`. The old table forms `license = { text = ... }`
    and `license = { file = ... }` are deprecated.""",
)
def license_declared(project: Project) -> Result:
    if (skip := no_pyproject(project)) is not None:
        return skip
    value = declared(project, "license")
    line = line_of(project, "license")
    if isinstance(value, str):
        return None
    if is_dynamic(project, "license"):
        return Skip("The license is declared `dynamic`, so sciship cannot read it from pyproject.toml.")
    if isinstance(value, dict):
        old = "text" if "text" in value else "file"
        guess = _table_guess(project, value)
        tail = f" It looks like `license = \"{guess}\"`." if guess else ""
        return Fail(
            f"`license = {{ {old} = ... }}` is the old form (before PEP 639); new build backends expect an "
            f"SPDX expression string.{tail}",
            path=PYPROJECT,
            line=line,
            needs_author=guess is None,
        )
    from_classifier = _from_classifiers(project)
    if from_classifier:
        return Fail(
            f"No `license` key, only a license classifier; it says `{from_classifier}`, so write "
            f"`license = \"{from_classifier}\"` (`sciship check --fix` does this, see LIC204).",
            path=PYPROJECT,
        )
    return Fail(
        "No license is declared. Only you can choose one: sciship will not pick it for you.",
        path=PYPROJECT,
        needs_author=True,
    )


def _table_guess(project: Project, table: dict[str, Any]) -> str | None:
    """The SPDX id an old ``{text=...}`` / ``{file=...}`` table clearly means, else None."""
    text = table.get("text")
    if isinstance(text, str) and text.strip() and "\n" not in text.strip():
        canonical = canonical_expression(text.strip())
        if canonical:
            return canonical
    path = table.get("file")
    if isinstance(path, str):
        found = identify(project.read_text(path) or "")
        if len(found) == 1:
            return found[0]
    return None


@fixer("LIC200")
def replace_license_table(project: Project, plan: Plan) -> None:
    value = declared(project, "license")
    if not isinstance(value, dict):
        return
    guess = _table_guess(project, value)
    if guess is None:
        return
    file = value.get("file")

    def change(doc: TOMLDocument) -> None:
        table = project_table(doc)
        table["license"] = guess
        if isinstance(file, str) and "license-files" not in table:
            table["license-files"] = [file]

    plan.edit_toml(PYPROJECT, change, f"declare the license as the SPDX expression \"{guess}\"")


# ---------------------------------------------------------------------- LIC201
@check(
    "LIC201",
    family=FAMILY,
    severity="blocker",
    topic="licenses",
    requires=("LIC200",),
    title="The license expression is a valid SPDX expression",
    why="""The license must use identifiers from the SPDX list (https://spdx.org/licenses/), combined with
    `AND`, `OR` and `WITH`. Build backends reject anything else, and a free-form name is ambiguous.""",
    fix="""Replace it with the exact SPDX identifier, for example `MIT`, `BSD-3-Clause`, `Apache-2.0` or
    `GPL-3.0-or-later`.""",
)
def license_valid(project: Project) -> Result:
    expr = expression(project)
    if expr is None:
        return Skip("No SPDX license expression is declared.")
    canonical = canonical_expression(expr)
    if canonical is not None:
        return _deprecated_ids(project, canonical)
    import difflib

    ids = spdx_ids()
    by_lower = {i.lower(): i for i in ids}
    if " " in expr.strip() and not _has_operator(expr):
        dashed = canonical_expression("-".join(expr.split()))
        if dashed:
            return Fail(f"`license = \"{expr}\"` is not a valid SPDX expression; SPDX ids have no spaces: "
                        f"write `{dashed}`.", path=PYPROJECT, line=line_of(project, "license"))
    hints = []
    for tok in license_ids(expr):
        if tok.lower() not in by_lower and not tok.startswith("LicenseRef-"):
            close = difflib.get_close_matches(tok.lower(), by_lower, n=3, cutoff=0.6)
            if close:
                options = " or ".join(f"`{by_lower[c]}`" for c in close)
                hints.append(f"instead of `{tok}`, did you mean {options}")
    tail = " (" + "; ".join(hints) + ")" if hints else ""
    return Fail(f"`license = \"{expr}\"` is not a valid SPDX expression{tail}.", path=PYPROJECT,
                line=line_of(project, "license"))


def _deprecated_ids(project: Project, canonical: str) -> Result:
    """Old SPDX ids (``GPL-3.0``, ``GPL-2.0+``) that packaging still accepts but SPDX has retired."""
    current = {i.lower() for i in spdx_ids()}
    tokens = canonical.replace("(", " ").replace(")", " ").split()
    old = [
        t
        for t in tokens
        if t.upper() not in OPERATORS
        and not t.startswith("LicenseRef-")
        and "exception" not in t.lower()  # exceptions have their own list
        and t.lower().rstrip("+") not in current  # `Apache-2.0+` is valid: "this version or later"
    ]
    if not old:
        return None
    hints = []
    for t in old:
        base = t.rstrip("+")
        if t.endswith("+") and f"{base}-or-later".lower() in current:
            hints.append(f"`{t}` is now written `{base}-or-later`")
        elif f"{base}-only".lower() in current:
            hints.append(f"`{t}` does not say whether later versions are allowed: write `{base}-only` or "
                         f"`{base}-or-later`")
        else:
            hints.append(f"`{t}` is a retired SPDX id")
    return Fail("; ".join(hints) + ".", path=PYPROJECT, line=line_of(project, "license"),
                needs_author=any("-only` or" in h for h in hints))


@fixer("LIC201")
def rename_retired_ids(project: Project, plan: Plan) -> None:
    """``GPL-2.0+`` becomes ``GPL-2.0-or-later``: the same license, in today's spelling."""
    expr = expression(project)
    canonical = canonical_expression(expr) if expr else None
    if canonical is None:
        return
    current = {i.lower() for i in spdx_ids()}
    new = re.sub(
        r"([A-Za-z0-9.-]+)\+",
        lambda m: f"{m.group(1)}-or-later" if f"{m.group(1)}-or-later".lower() in current else m.group(0),
        canonical,
    )
    if new == canonical:
        return

    def change(doc: TOMLDocument) -> None:
        project_table(doc)["license"] = new

    plan.edit_toml(PYPROJECT, change, f"write the license as \"{new}\" (today's SPDX spelling)")


def _has_operator(expr: str) -> bool:
    return any(tok.upper() in OPERATORS for tok in expr.split())


# ---------------------------------------------------------------------- LIC202
@check(
    "LIC202",
    family=FAMILY,
    severity="important",
    topic="licenses",
    requires=("PKG101",),
    title="A license file is at the top of the project and ships with the package",
    why="""Most licenses require their full text to travel with every copy of the code. A `LICENSE` file
    at the top of the project is where people and tools look, and build backends copy it into the wheel
    when `license-files` (or their defaults) include it.""",
    fix="""Add a `LICENSE` file with the full text of your license (`sciship check --fix` writes it from
    the SPDX id you declared) and list it: `license-files = ["LICENSE"]`.""",
)
def license_file_present(project: Project) -> Result:
    if (skip := no_pyproject(project)) is not None:
        return skip
    files = license_files(project)
    if not files:
        expr = expression(project)
        if expr is None:
            return Fail("There is no LICENSE file, and no license is declared to write one from.",
                        needs_author=True)
        return Fail(f"There is no LICENSE file at the top of the project for `{expr}`.")
    globs = declared(project, "license-files")
    if isinstance(globs, dict):
        return None  # the old table form; LIC200 reports it
    patterns = list(DEFAULT_LICENSE_GLOBS)
    if isinstance(globs, list):
        patterns = [g for g in globs if isinstance(g, str)]
    if any(fnmatch.fnmatchcase(f, g) for f in files for g in patterns):
        return None
    if globs is None:
        return Fail(
            f"`{files[0]}` exists, but build backends only pick up `LICENSE*`, `LICENCE*` and `COPYING*` by "
            "themselves (names are case-sensitive), so it will not ship in the package.",
            path=PYPROJECT,
        )
    return Fail(
        f"`{files[0]}` exists but `license-files = {globs}` does not include it, so it will not ship in the "
        "package.",
        path=PYPROJECT,
        line=line_of(project, "license-files"),
    )


@fixer("LIC202")
def write_license(project: Project, plan: Plan) -> None:
    files = license_files(project)
    globs = declared(project, "license-files")
    well_formed = isinstance(globs, list) and all(isinstance(g, str) for g in globs)
    if files and globs is not None and not well_formed:
        return  # the wrong shape: PKG102 says so, and sciship does not rewrite it
    if files:
        name = files[0]

        def change(doc: TOMLDocument) -> None:
            table = project_table(doc)
            current = table.get("license-files")
            if current is None:
                table["license-files"] = [name]
            elif name not in current:
                current.append(name)

        plan.edit_toml(PYPROJECT, change, f"list {name} in license-files")
        return
    expr = expression(project)
    canonical = canonical_expression(expr) if expr else None
    if canonical is None or not (LICENSES_DIR / f"{canonical}.txt").is_file():
        if canonical:
            plan.note(f"sciship has no text for `{canonical}`; copy it from https://spdx.org/licenses/"
                      f"{canonical}.html into a LICENSE file.")
        return
    holder = _holder(project)
    if holder is None and known_licenses().get(canonical, {}).get("needs_holder", True):
        plan.note(f"`{canonical}` needs a copyright holder, and pyproject.toml names no author; add "
                  "`authors` and run `sciship check --fix` again.")
        return
    text = _render_license(canonical, dt.date.today().year, holder or "")
    plan.create("LICENSE", text, f"write the {canonical} license text")
    if declared(project, "license-files") is None:

        def add_files(doc: TOMLDocument) -> None:
            project_table(doc)["license-files"] = ["LICENSE"]

        plan.edit_toml(PYPROJECT, add_files, "list LICENSE in license-files")


def _holder(project: Project) -> str | None:
    names: list[str] = []
    for key in ("authors", "maintainers"):
        people = declared(project, key)
        if isinstance(people, list):
            names.extend(p["name"] for p in people if isinstance(p, dict) and isinstance(p.get("name"), str))
        if names:
            break
    return ", ".join(names) or None


def _render_license(spdx: str, year: int, holder: str) -> str:
    """The license text, rendered the way `sciship new` renders it (same templates)."""
    return license_text(spdx, year, holder)


# ---------------------------------------------------------------------- LIC203
@check(
    "LIC203",
    family=FAMILY,
    severity="important",
    topic="licenses",
    requires=("LIC201",),
    title="The license is an open-source (OSI-approved) license",
    why="""Open-source licenses approved by the Open Source Initiative let anyone use, study, change and
    share your code; reviewers (pyOpenSci, JOSS) and many funders require one. Custom or non-commercial
    licenses make your package hard to reuse or depend on.""",
    fix="""Choose an OSI-approved license such as MIT, BSD-3-Clause, Apache-2.0 or GPL-3.0-or-later (see
    `sciship explain licenses`), if you are free to change it.""",
)
def license_osi(project: Project) -> Result:
    expr = expression(project)
    if expr is None:
        return Skip("No SPDX license expression is declared.")
    canonical = canonical_expression(expr) or expr
    ids = license_ids(canonical)
    osi = osi_approved()
    bad = [i for i in ids if i not in osi]
    if not bad or (_has_operator(canonical) and " OR " in canonical and len(bad) < len(ids)):
        return None
    return Fail(
        f"{', '.join(f'`{b}`' for b in bad)} {'is' if len(bad) == 1 else 'are'} not OSI-approved.",
        path=PYPROJECT,
        line=line_of(project, "license"),
        needs_author=True,
    )


# ---------------------------------------------------------------------- LIC204
@check(
    "LIC204",
    family=FAMILY,
    severity="important",
    topic="licenses",
    requires=("PKG101",),
    title="The license is stated once, as an expression, not as classifiers",
    why="""`License ::` classifiers are the old, imprecise way to name a license (one classifier covers
    every BSD variant). PEP 639 replaced them with the `license` expression, and forbids both together:
    new build backends refuse to build a project that has both.""",
    fix="""Delete the `License ::` classifiers and keep (or add) `license = "..."` under `[project]`.""",
)
def no_license_classifiers(project: Project) -> Result:
    if (skip := no_pyproject(project)) is not None:
        return skip
    found = license_classifiers(project)
    if not found:
        return None
    listed = ", ".join(f"`{c}`" for c in found)
    if expression(project) is not None:
        return Fail(f"{listed} next to `license = \"{expression(project)}\"`: build backends following "
                    "PEP 639 stop with an error.", path=PYPROJECT, line=line_of(project, "classifiers"))
    mapped = _from_classifiers(project)
    if mapped is None:
        return Fail(f"{listed} does not say exactly which license applies; choose the SPDX id and write "
                    "`license = \"...\"`.", path=PYPROJECT, line=line_of(project, "classifiers"),
                    needs_author=True)
    return Fail(f"{listed} is the old way to state `{mapped}`; write `license = \"{mapped}\"` instead.",
                path=PYPROJECT, line=line_of(project, "classifiers"))


@fixer("LIC204")
def classifiers_to_expression(project: Project, plan: Plan) -> None:
    current = expression(project)
    new = None if current is not None else _from_classifiers(project)
    if current is None and new is None:
        return

    def change(doc: TOMLDocument) -> None:
        table = project_table(doc)
        classifiers = table_key(table, "classifiers", list, "a list of strings")
        if classifiers is not None:
            for i in reversed(range(len(classifiers))):
                if str(classifiers[i]).startswith("License ::"):
                    del classifiers[i]
            if not classifiers:
                del table["classifiers"]
        if new is not None and "license" not in table:
            table["license"] = new

    reason = "remove the License classifiers"
    if new:
        reason = f"replace the License classifiers by license = \"{new}\""
    plan.edit_toml(PYPROJECT, change, reason)


# ---------------------------------------------------------------------- LIC205
@check(
    "LIC205",
    family=FAMILY,
    severity="important",
    topic="licenses",
    requires=("LIC201", "LIC202"),
    title="The license file matches the declared license",
    why="""The LICENSE file is the legal text; the `license` key is its label. When they disagree (or the
    file still has `[year] [fullname]` placeholders), nobody knows which terms apply.""",
    fix="""Make them agree: replace the file's text with the license you declared (or fix the declaration),
    and fill in the year and copyright holder.""",
)
def license_text_matches(project: Project) -> Result:
    expr = expression(project)
    files = license_files(project)
    if expr is None or not files:
        return Skip("There is no declared license or no license file to compare.")
    texts = {f: project.read_text(f) or "" for f in files}
    known = known_licenses()
    ids = [i for i in license_ids(canonical_expression(expr) or expr) if i in known]
    found = {spdx for text in texts.values() for spdx in identify(text)}
    missing = [i for i in ids if i not in found]
    if missing:
        other = sorted(found - set(ids))
        looks = f"; it looks like {' or '.join(f'`{o}`' for o in other)}" if other else ""
        return Fail(f"pyproject.toml declares `{expr}` but `{files[0]}` does not contain the "
                    f"{known[missing[0]]['name']} text{looks}.", path=files[0])
    for f, text in texts.items():
        # only the copyright line at the top: Apache and GPL quote placeholders in their appendix
        head = "\n".join(text.splitlines()[:HEAD_LINES])
        m = _PLACEHOLDERS.search(head)
        if m:
            return Fail(f"`{f}` still contains the placeholder `{m.group(0)}`; fill in the year and "
                        "copyright holder.", path=f, line=head.count("\n", 0, m.start()) + 1)
    if not ids:
        return Skip(f"sciship has no fingerprint for `{expr}`, so it did not compare the text.")
    return None
