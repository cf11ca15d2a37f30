"""The license: declared as an SPDX expression, valid, OSI-approved, with a matching license file."""

from __future__ import annotations

import datetime as dt
import fnmatch
import re
from typing import TYPE_CHECKING, Any

from sciship._regex import compile_later
from sciship.checks import Fail, Skip, check, fixer
from sciship.checks._build import BACKEND_NAMES, backend, not_a_package
from sciship.checks._project_table import (
    PYPROJECT,
    declared,
    line_of,
    no_pyproject,
    project_table,
    table_key,
)
from sciship.metadata.licenses import (
    AMBIGUOUS_CLASSIFIERS,
    LICENSES_DIR,
    OPERATORS,
    classifier_license,
    classifier_to_spdx,
    identify,
    known_licenses,
    license_files,
    license_ids,
    license_text,
    match_text,
    osi_approved,
    spdx_ids,
)
from sciship.metadata.licenses import (
    canonical as canonical_expression,
)

if TYPE_CHECKING:
    from tomlkit.toml_document import TOMLDocument

    from sciship.checks import Result
    from sciship.metadata.model import Metadata
    from sciship.plan import Plan
    from sciship.project import Project

FAMILY = "license"
#: What build backends ship when ``license-files`` is not given (hatchling, setuptools, flit, pdm agree).
DEFAULT_LICENSE_GLOBS = ("LICEN[CS]E*", "COPYING*", "NOTICE*", "AUTHORS*")
_PLACEHOLDERS = compile_later(
    r"\[(?:year|yyyy|fullname|name of copyright owner)\]|<year>|<copyright holders?>|\{\{", re.IGNORECASE
)
HEAD_LINES = 10  #: where the copyright line of a license file is


def _meta(project: Project) -> Metadata | None:
    from sciship.metadata.read import load

    return load(project).package


def expression(project: Project) -> str | None:
    """The license expression the packaging metadata declares (``[project]``, Poetry, setup.cfg, setup.py)."""
    meta = _meta(project)
    return meta.license if meta is not None else None


def _where(project: Project) -> tuple[str, int | None]:
    """The file and line where the license is (or would be) declared."""
    meta = _meta(project)
    src = meta.source("license") if meta is not None else None
    if src is not None:
        return src.path, src.line
    return (PYPROJECT, line_of(project, "license")) if project.has(PYPROJECT) else ("setup.py", None)


def license_classifiers(project: Project) -> list[str]:
    """The `License ::` classifiers in the package metadata."""
    meta = _meta(project)
    classifiers = meta.classifiers if meta is not None else ()
    return [c for c in classifiers if c.startswith("License ::")]


def _headers(project: Project) -> tuple[str, ...]:
    """The comment block at the top of up to 30 source files: where GNU licenses say "or any later"."""

    from sciship.metadata.licenses import notices

    return project.memo(  # type: ignore[no-any-return]
        "license:headers", lambda: notices(project, project.package_files())
    )


def _license_texts(project: Project) -> tuple[str, ...]:
    return tuple(project.read_text(f) or "" for f in license_files(project))


def _from_classifiers(project: Project) -> str | None:
    """The one SPDX id the license classifiers name, using the evidence for ambiguous ones; else None."""
    found = license_classifiers(project)
    if not found:
        return None
    texts, headers = _license_texts(project), _headers(project)
    ids = {classifier_license(c, texts=texts, headers=headers) for c in found}
    return ids.pop() if len(ids) == 1 and None not in ids else None


def _ambiguity(project: Project) -> str:
    """Why the classifiers do not name one license, in words for the message ("" when they do)."""
    for c in license_classifiers(project):
        options = AMBIGUOUS_CLASSIFIERS.get(c)
        texts, headers = _license_texts(project), _headers(project)
        if options and classifier_license(c, texts=texts, headers=headers) is None:
            choices = " or ".join(f"`{o}`" for o in options[:2])
            if options[0].startswith(("GPL", "LGPL", "AGPL")):
                return (f"`{c}` can mean {choices}: the GNU licenses let you say whether later versions "
                        "apply, and neither your classifier nor your source file headers (\"or (at your "
                        "option) any later version\") say so. Only you can choose")
            return f"`{c}` covers several licenses ({choices}, ...); only you can say which one"
    return ""


def states_a_license(project: Project) -> bool:
    """Anything that grants users a license: a declaration of any form, a classifier, a license file."""
    meta = _meta(project)
    declared = meta is not None and (meta.license or meta.license_text or meta.license_file)
    if declared or (meta is not None and "license" in meta.dynamic):
        return True
    if license_classifiers(project) or license_files(project):
        return True
    table = project.metadata
    if table.get("license-files"):
        return True
    return any(
        f.lower().startswith(("licenses/", "license/")) and f.count("/") == 1 for f in project.files
    )


# ---------------------------------------------------------------------- what backends refuse
#: Build backends that stop with an error, measured by building a one-file package with each (issue 12):
#: an expression that is not valid SPDX, a retired id such as `GPL-3.0`, and License classifiers next to
#: a license expression. (poetry-core and pdm-backend build the first; hatchling, poetry-core and uv_build
#: build the last.)
REFUSE_INVALID = frozenset({"hatchling", "setuptools", "flit", "uv"})
REFUSE_RETIRED = frozenset({"flit", "uv"})
REFUSE_CLASSIFIERS = frozenset({"setuptools", "flit", "pdm"})


def _retired(canonical: str) -> list[str]:
    current = {i.lower() for i in spdx_ids()}
    tokens = canonical.replace("(", " ").replace(")", " ").split()
    return [
        t
        for t in tokens
        if t.upper() not in OPERATORS
        and not t.startswith("LicenseRef-")
        and "exception" not in t.lower()  # exceptions have their own list
        and t.lower().rstrip("+") not in current  # `Apache-2.0+` is valid: "this version or later"
    ]


def _retired_hints(old: list[str]) -> list[str]:
    current = {i.lower() for i in spdx_ids()}
    hints = []
    for t in old:
        base = t.rstrip("+")
        if t.endswith("+") and f"{base}-or-later".lower() in current:
            hints.append(f"`{t}` is now written `{base}-or-later`")
        elif f"{base}-only".lower() in current:
            hints.append(
                f"`{t}` is a retired id that does not say whether later versions apply: write `{base}-only` "
                f"or `{base}-or-later`"
            )
        else:
            hints.append(f"`{t}` is a retired SPDX id")
    return hints


def _invalid_hint(expr: str) -> str:
    import difflib

    if " " in expr.strip() and not _has_operator(expr):
        dashed = canonical_expression("-".join(expr.split()))
        if dashed:
            return f"; SPDX ids have no spaces: write `{dashed}`"
    by_lower = {i.lower(): i for i in spdx_ids()}
    hints = []
    for tok in license_ids(expr):
        if tok.lower() not in by_lower and not tok.startswith("LicenseRef-"):
            close = difflib.get_close_matches(tok.lower(), by_lower, n=3, cutoff=0.6)
            if close:
                options = " or ".join(f"`{by_lower[c]}`" for c in close)
                hints.append(f"instead of `{tok}`, did you mean {options}")
    return " (" + "; ".join(hints) + ")" if hints else ""


def declaration_problems(project: Project) -> list[tuple[str, bool]]:
    """What is wrong with the license declaration, each with whether this project's backend refuses it."""
    expr = expression(project)
    kind = backend(project)
    out: list[tuple[str, bool]] = []
    meta = _meta(project)
    if expr is None or meta is None or meta.origin != "pyproject":
        return out  # PEP 639 expressions live in [project]; Poetry's and setup.cfg's license are other fields
    canonical = canonical_expression(expr)
    name = BACKEND_NAMES.get(kind, kind)
    if canonical is None:
        refused = kind in REFUSE_INVALID
        tail = f"; {name} refuses to build it" if refused else ""
        text = f"`license = \"{expr}\"` is not a valid SPDX expression{_invalid_hint(expr)}{tail}."
        out.append((text, refused))
        return out
    old = _retired(canonical)
    if old:
        refused = kind in REFUSE_RETIRED
        tail = f" {name} refuses to build it." if refused else ""
        out.append(("; ".join(_retired_hints(old)) + "." + tail, refused))
    classifiers = license_classifiers(project)
    if classifiers:
        listed = ", ".join(f"`{c}`" for c in classifiers)
        refused = kind in REFUSE_CLASSIFIERS
        if refused:
            text = f"{listed} next to `license = \"{expr}\"`: {name} refuses to build a project with both."
        else:
            builder = f"`{name}`" if kind in BACKEND_NAMES else "Your build backend"
            text = (
                f"{listed} next to `license = \"{expr}\"`: PEP 639 replaced License classifiers by the "
                f"expression. {builder} builds it today, but setuptools, flit_core and pdm-backend refuse "
                "both together."
            )
        out.append((text, refused))
    return out


# ---------------------------------------------------------------------- LIC200
@check(
    "LIC200",
    family=FAMILY,
    severity="important",
    topic="licenses",
    requires=("PKG101",),
    title="The license is declared as an SPDX expression",
    why="""The standard way to say which license applies is a short SPDX identifier such as `MIT` or
    `BSD-3-Clause` in `license = "..."` under `[project]` (PEP 639): PyPI, tools and journals read it.
    The older forms (`license = { text = ... }`, `{ file = ... }`, a `License ::` classifier, free text in
    setup.py) still build today, but they are deprecated and imprecise: one classifier covers every BSD
    variant.""",
    fix="""Write `license = "MIT"` (your license's SPDX id) under `[project]` and keep the text in a LICENSE
    file listed in `license-files`. `sciship check --fix` does it when your files say which license it is;
    otherwise it asks you.""",
)
def license_declared(project: Project) -> Result:
    """LIC200: the license is declared as an SPDX expression, not in an older form.

    Problems the build backend refuses are LIC201's, classifiers next to the expression LIC204's; skips when
    no license is stated or it is `dynamic`.
    """
    if not states_a_license(project):
        return Skip("The project states no license at all (see LIC206).")
    meta = _meta(project)
    if meta is not None and "license" in meta.dynamic and meta.license is None:
        return Skip("The license is declared `dynamic`, so sciship cannot read it from pyproject.toml.")
    path, line = _where(project)
    expr = expression(project)
    if expr is not None:
        tolerated = [text for text, refused in declaration_problems(project) if not refused]
        tolerated = [t for t in tolerated if "classifier" not in t]  # LIC204 says that one
        if tolerated:
            return Fail(" ".join(tolerated), path=path, line=line,
                        needs_author=any("-only` or" in t for t in tolerated))
        return None
    return _not_an_expression(project, meta, path, line)


def _not_an_expression(project: Project, meta: Metadata | None, path: str, line: int | None) -> Result:
    guess, note = _guess(project)
    tail = f" {note}" if note else ""
    if guess:
        tail += f" It is `{guess}`: write `license = \"{guess}\"`."
    if meta is not None and (meta.license_text or meta.license_file):
        form = "{ file = ... }" if meta.license_file else "{ text = ... }"
        where = f"`license = {form}`" if meta.origin == "pyproject" else f"the free-text license in `{path}`"
        return Fail(
            f"{where[:1].upper()}{where[1:]} is the form used before PEP 639; it still builds, but it is "
            f"deprecated and says no exact license.{tail}",
            path=path,
            line=line,
            needs_author=guess is None,
        )
    classifiers = license_classifiers(project)
    if classifiers:
        listed = ", ".join(f"`{c}`" for c in classifiers)
        why = _ambiguity(project)
        return Fail(
            f"The license is stated only by {listed}, a classifier PEP 639 deprecates."
            + (f" {why}." if why and not guess else tail),
            path=path,
            line=line_of(project, "classifiers") if path == PYPROJECT else line,
            needs_author=guess is None,
        )
    files = license_files(project)
    return Fail(
        f"`{files[0] if files else 'The license file'}` grants the license, but the package metadata does "
        f"not declare it, so PyPI and tools show no license.{tail}",
        path=path,
        line=line,
        needs_author=guess is None,
    )


def _guess(project: Project) -> tuple[str | None, str]:
    """The SPDX id the project's own files clearly state, and a note when its text is not standard.

    A free-text license decides alone (when it is an SPDX id); else the license file named in
    ``license = { file = ... }`` or the LICENSE files at the top, as long as every License classifier
    allows that license; else the classifiers, with the evidence they need.
    """
    meta = _meta(project)
    if meta is not None and meta.license_text:
        text = meta.license_text.strip()
        canonical = canonical_expression(text) if "\n" not in text else None
        return canonical, ""
    texts = [project.read_text(meta.license_file) or ""] if meta is not None and meta.license_file else []
    texts = texts or list(_license_texts(project))
    matches = [m for t in texts if (m := match_text(t)) is not None]
    modified = next((m for m in matches if m.modified), None)
    if modified is not None:
        return None, (
            f"The license file is not a standard license: it is the {modified.spdx} text with changes "
            f"(\"{modified.added} ...\"). A changed license is a different license: no SPDX id names it, "
            "tools cannot tell users what they may do, and many organisations will not use code under it. "
            f"Use the unchanged {modified.spdx} text, or declare `license = \"LicenseRef-...\"` and keep "
            "the file."
        )
    ids = {m.spdx for m in matches}
    if len(ids) == 1:
        found = ids.pop()
        allowed = [_classifier_options(c) for c in license_classifiers(project)]
        return (found if all(found in options for options in allowed) else None), ""
    if ids:
        return None, ""
    return _from_classifiers(project), ""


def _classifier_options(classifier: str) -> tuple[str, ...]:
    exact = classifier_to_spdx().get(classifier)
    return (exact,) if exact else AMBIGUOUS_CLASSIFIERS.get(classifier, ())


@fixer("LIC200")
def declare_expression(project: Project, plan: Plan) -> None:
    """Write the expression the project's own files state; drop the License classifiers with it."""
    if project.metadata == {} or not isinstance((project.pyproject or {}).get("project"), dict):
        return  # Poetry, setup.cfg or setup.py: PKG105 says how to move the metadata
    expr = expression(project)
    new: str | None
    if expr is not None:
        canonical = canonical_expression(expr)
        new = _renamed(canonical) if canonical else None
        if new is None or new == canonical:
            return
    else:
        new, _note = _guess(project)
        if new is None:
            return
    meta = _meta(project)
    file = meta.license_file if meta is not None else None

    def change(doc: TOMLDocument) -> None:
        table = project_table(doc)
        table["license"] = new
        if isinstance(file, str) and "license-files" not in table:
            table["license-files"] = [file]
        _drop_license_classifiers(table)

    plan.edit_toml(PYPROJECT, change, f"declare the license as the SPDX expression \"{new}\"")


def _renamed(canonical: str) -> str:
    """``GPL-2.0+`` becomes ``GPL-2.0-or-later``: the same license, in today's spelling."""
    current = {i.lower() for i in spdx_ids()}
    return re.sub(
        r"([A-Za-z0-9.-]+)\+",
        lambda m: f"{m.group(1)}-or-later" if f"{m.group(1)}-or-later".lower() in current else m.group(0),
        canonical,
    )


def _drop_license_classifiers(table: Any) -> None:
    classifiers = table_key(table, "classifiers", list, "a list of strings")
    if classifiers is None:
        return
    for i in reversed(range(len(classifiers))):
        if str(classifiers[i]).startswith("License ::"):
            del classifiers[i]
    if not classifiers:
        del table["classifiers"]


# ---------------------------------------------------------------------- LIC201
@check(
    "LIC201",
    family=FAMILY,
    severity="blocker",
    topic="licenses",
    requires=("PKG101",),
    title="The build backend accepts the license declaration",
    why="""Build backends that follow PEP 639 check the license: hatchling, setuptools, flit_core and
    uv_build refuse an expression that is not valid SPDX, flit_core and uv_build refuse retired ids such as
    `GPL-3.0`, and setuptools, flit_core and pdm-backend refuse License classifiers next to an expression.
    Then nobody can build or install your package from source.""",
    fix="""Use exact SPDX ids from https://spdx.org/licenses/ (for example `MIT`, `BSD-3-Clause`,
    `GPL-3.0-or-later`) and delete the `License ::` classifiers.""",
)
def license_accepted(project: Project) -> Result:
    """LIC201: the build backend accepts the license declaration.

    An invalid expression, a retired id or classifiers next to the expression fail for the backends that
    refuse them; skips without an expression.
    """
    if expression(project) is None:
        return Skip("No license expression is declared.")
    refused = [text for text, is_refused in declaration_problems(project) if is_refused]
    if not refused:
        return None
    path, line = _where(project)
    return Fail(" ".join(refused), path=path, line=line, needs_author=any("-only` or" in t for t in refused))


@fixer("LIC201")
def make_acceptable(project: Project, plan: Plan) -> None:
    """Drop the classifiers next to an expression and rename `+` ids; nothing that needs a decision."""
    expr = expression(project)
    canonical = canonical_expression(expr) if expr else None
    if canonical is None or not isinstance((project.pyproject or {}).get("project"), dict):
        return
    new = _renamed(canonical)
    drop = bool(license_classifiers(project))
    if new == canonical and not drop:
        return

    def change(doc: TOMLDocument) -> None:
        table = project_table(doc)
        if new != canonical:
            table["license"] = new
        _drop_license_classifiers(table)

    reason = f"write the license as \"{new}\" (today's SPDX spelling)" if new != canonical else ""
    reason = reason or "remove the License classifiers next to the license expression"
    plan.edit_toml(PYPROJECT, change, reason)


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
    """LIC202: a license file is at the top and `license-files` (or the backends' defaults) ships it."""
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
    """Plan listing the license file in `license-files`, or writing LICENSE from the declared SPDX id.

    Notes instead when sciship has no text for the license, or the license needs a copyright holder and no
    author is named.
    """
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
    """LIC203: every license in the expression is OSI-approved (in an `OR` choice, one is enough)."""
    expr = expression(project)
    if expr is None:
        return Skip("No SPDX license expression is declared.")
    canonical = canonical_expression(expr) or expr
    current = {i.lower(): i for i in spdx_ids()}
    # a retired id (`GPL-3.0`) is approved when its current spellings are (`GPL-3.0-only`)
    ids = [
        i if i.lower() in current else current.get(f"{i}-only".lower(), i) for i in license_ids(canonical)
    ]
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
    title="The license is stated once, as an expression, not also as classifiers",
    why="""`License ::` classifiers are the old, imprecise way to name a license (one classifier covers
    every BSD variant). PEP 639 replaced them with the `license` expression: setuptools, flit_core and
    pdm-backend refuse to build a project that has both, and the others may follow.""",
    fix="""Delete the `License ::` classifiers and keep `license = "..."` under `[project]`
    (`sciship check --fix` does it).""",
)
def no_license_classifiers(project: Project) -> Result:
    """LIC204: no `License ::` classifiers sit next to the license expression.

    Covers backends that still build with them; LIC201 reports the ones that refuse.
    """
    if expression(project) is None:
        return Skip("No license expression is declared; LIC200 covers a license stated only by classifiers.")
    tolerated = [t for t, refused in declaration_problems(project) if not refused and "classifier" in t]
    if not tolerated:
        return None  # none, or the backend refuses them (LIC201)
    path, _ = _where(project)
    return Fail(tolerated[0], path=path, line=line_of(project, "classifiers") if path == PYPROJECT else None)


@fixer("LIC204")
def remove_license_classifiers(project: Project, plan: Plan) -> None:
    """Plan removing the `License ::` classifiers from `[project]`."""
    if expression(project) is None or not isinstance((project.pyproject or {}).get("project"), dict):
        return

    def change(doc: TOMLDocument) -> None:
        _drop_license_classifiers(project_table(doc))

    plan.edit_toml(PYPROJECT, change, "remove the License classifiers (the license expression says it)")


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
    """LIC205: the license file holds the unchanged text of the declared license.

    Placeholders such as `[year]` near its top fail too; skips when sciship has no fingerprint for the
    license.
    """
    expr = expression(project)
    files = license_files(project)
    if expr is None or not files:
        return Skip("There is no declared license or no license file to compare.")
    texts = {f: project.read_text(f) or "" for f in files}
    for f, text in texts.items():
        changed = match_text(text)
        if changed is not None and changed.modified:
            return Fail(
                f"`{f}` is not the standard {changed.spdx} text: it changes it (\"{changed.added} ...\"). "
                f"A changed license is not {changed.spdx}, so `license = \"{expr}\"` tells users terms that "
                "are not the ones in the file. Use the unchanged text, or declare "
                "`license = \"LicenseRef-<name>\"` for your own terms (and expect that many users cannot use "
                "code under a custom license).",
                path=f,
                needs_author=True,
            )
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


# ---------------------------------------------------------------------- LIC206
@check(
    "LIC206",
    family=FAMILY,
    severity="blocker",
    topic="licenses",
    title="The project states a license",
    why="""Without a license, nobody may legally use, copy or build on your code, however public it is:
    copyright law reserves every right to the authors. A license (a LICENSE file with the text, declared
    in pyproject.toml) is what gives others permission.""",
    fix="""Choose a license (`sciship explain licenses` compares the usual ones), put its text in a LICENSE
    file and write `license = "MIT"` (or your choice) under `[project]`. sciship never picks one for you.""",
)
def states_license(project: Project) -> Result:
    """LIC206: the project states a license: in its metadata, a classifier or a license file."""
    if not_a_package(project):
        return Skip("This folder is not itself a package (see LAY400).")
    if states_a_license(project):
        return None
    return Fail(
        "There is no license anywhere: no `license` in the package metadata, no `License ::` classifier and "
        "no LICENSE file. Only you can choose one: sciship will not pick it for you.",
        path=PYPROJECT if project.has(PYPROJECT) else None,
        needs_author=True,
    )
