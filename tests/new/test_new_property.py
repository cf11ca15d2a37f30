"""`sciship new` passes its own check for every input it accepts (issue 12, §5).

Hypothesis draws what a person could type: names with dots, dashes and capitals; short, long, non-ASCII,
quoted and Markdown-looking descriptions; author names in any alphabet, with quotes and apostrophes; every
bundled license. Whatever the `check_*` functions of `sciship.new.create` accept (exactly what the
command line accepts) must give a project whose written files pass `sciship check` with nothing failing.
The few examples at the end of this module really build and install (marked slow).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from sciship._errors import InputError
from sciship.checks import run_checks
from sciship.metadata.licenses import LICENSES
from sciship.new import create
from sciship.new.scaffold import Meta, markdown
from sciship.project import Project

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

# ---------------------------------------------------------------------- what a person could type
_LETTERS = st.characters(categories=("L", "M", "N", "P", "S", "Zs"), exclude_characters="\x85")
names = st.from_regex(r"[A-Za-z][A-Za-z0-9]{0,7}([._-]{1,2}[A-Za-z0-9]{1,6}){0,3}", fullmatch=True)
_SAMPLE_DESCRIPTIONS = [
    "Tide analysis",
    "x",
    "Analyse des marées côtières pour les océanographes.",
    "潮汐解析のためのツール",
    'A "quoted" description with \\ backslashes and \'apostrophes\'',
    "# Not a heading: a description that starts like Markdown",
    "1. Not a list either",
    "- nor this",
    "> nor a quote",
    "% nor a MyST comment",
    "{{ not jinja }} and {% not a tag %}",
    "Tides. " * 60,
    "One very long sentence about tides " * 12,
    "Emoji 🌊 and combining accents: e\u0301te\u0301",
    "Zero\u200dwidth joiner and right-to-left \u05e2\u05d1\u05e8\u05d9\u05ea text",
]
descriptions = st.one_of(
    st.sampled_from(_SAMPLE_DESCRIPTIONS), st.text(_LETTERS, max_size=400), st.text(max_size=100)
)
_SAMPLE_AUTHORS = [
    "Ada Lovelace",
    "Madonna",
    "Zoë Ångström-Øster",
    'Grace "Amazing" Hopper',
    "Seán O'Brien",
    "李小龙",
    "Back\\Slash",
    "Jean-Luc de la Tour d'Auvergne",
]
authors = st.one_of(
    st.sampled_from(_SAMPLE_AUTHORS),
    st.text(_LETTERS, min_size=1, max_size=60),
    st.text(min_size=1, max_size=30),
)
emails = st.from_regex(
    r"[A-Za-z0-9._%+-]{1,16}@[A-Za-z0-9-]{1,12}(\.[A-Za-z0-9-]{1,8})*\.[A-Za-z]{2,6}", fullmatch=True
)
owners = st.from_regex(r"[A-Za-z0-9]([A-Za-z0-9]|-[A-Za-z0-9]){0,15}", fullmatch=True)


def meta_from(name: str, description: str, author: str, email: str, license_id: str, github: str) -> Meta:
    """What `sciship new` would make of these answers; rejects (hypothesis.assume) what it refuses."""
    try:
        checked = create.check_name(name)
        return create.make_meta(checked, description=description, author=author, email=email,
                                license=license_id, github=github)
    except InputError:
        assume(False)
        raise  # unreachable: assume(False) stops the example


def written_project(meta: Meta, root: Path) -> Project:
    """The files `sciship new` plans, written to ``root`` as `sciship new --no-git` does."""
    target = root / meta.name
    create.plan_new(meta, target, git=False).apply()
    return Project.load(target)


# ---------------------------------------------------------------------- the property
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(names, descriptions, authors, emails, st.sampled_from(LICENSES), owners)
@example("tide-tools", "Tide analysis", "Ada Lovelace", "ada@example.org", "MIT", "ada")
@example("a.b-c", "潮汐解析のためのツール", "李小龙", "li@example.cn", "GPL-3.0-only", "li")
@example("Sea.Level_Kit", "A long sentence about tides " * 12, "Seán O'Brien", "s@x.ie", "EUPL-1.2", "x")
@example("A", "A\\:", "Ada Lovelace", "0@0.AA", "MIT", "0")  # a backslash of its own, as Markdown escapes
def test_new_project_passes_its_own_check(
    name: str, description: str, author: str, email: str, license_id: str, github: str
) -> None:
    meta = meta_from(name, description, author, email, license_id, github)
    with tempfile.TemporaryDirectory(prefix="sciship-new-") as tmp:
        project = written_project(meta, Path(tmp))
        failed = [f"{f.code}: {f.message}" for f in run_checks(project, debug=True) if f.status == "failed"]
        assert failed == []
        assert project.problems == []
        _the_answers_round_trip(project, meta)


def _the_answers_round_trip(project: Project, meta: Meta) -> None:
    """Every file says what the person typed, exactly (no escaping left over, nothing lost)."""
    pyproject = tomllib.loads(project.read_text("pyproject.toml") or "")["project"]
    assert pyproject["name"] == meta.name
    assert pyproject["authors"] == [{"name": meta.author, "email": meta.email}]
    assert pyproject["description"] == meta.summary
    assert len(meta.summary) <= 200
    assert pyproject["license"] == meta.license
    cff = yaml.safe_load(project.read_text("CITATION.cff") or "")
    assert cff["abstract"] == meta.description
    person = cff["authors"][0]
    parts = [person.get("given-names"), person.get("family-names") or person.get("name")]
    assert " ".join(filter(None, parts)) == meta.author
    init = project.read_text(f"src/{meta.import_name}/__init__.py") or ""
    compile(init, "__init__.py", "exec")  # the docstring never breaks the code
    docstring = init.splitlines()[0]
    assert len(docstring) <= 99
    readme = project.read_text("README.md") or ""
    assert f"\n\n{markdown(meta.description)}\n\n" in readme  # the whole description, as its own paragraph


# ---------------------------------------------------------------------- what the validators refuse
@pytest.mark.parametrize(
    ("field", "value", "words"),
    [
        ("author", "Lovelace, Ada", "without one, for example `Ada Lovelace`"),
        ("author", "A\x00B", "control characters"),
        ("author", "Bad \udcff bytes", "not UTF-8"),
        ("description", "1234 !!!", "in words"),
        ("description", "Bad \udcff bytes", "not UTF-8"),
        ("email", "a@b.c", "email address"),
        ("email", "not an email", "email address"),
    ],
)
def test_answers_that_cannot_work_are_refused(field: str, value: str, words: str) -> None:
    answers = {"description": "Tides.", "author": "Ada Lovelace", "email": "ada@example.org"}
    answers[field] = value
    with pytest.raises(InputError) as info:
        create.make_meta(create.check_name("tide-tools"), license="MIT", github="ada", **answers)
    assert words in info.value.message + " " + (info.value.hint or "")


def test_a_long_description_keeps_its_first_sentence_in_pyproject() -> None:
    long = "Tools for tide gauges. " + "They read, clean and summarise records from many stations. " * 8
    meta = create.make_meta(create.check_name("tide-tools"), description=long, author="Ada Lovelace",
                            email="ada@example.org", license="MIT", github="ada")
    assert meta.summary == "Tools for tide gauges."
    assert meta.description == long.strip()


# ---------------------------------------------------------------------- a few that really build
BUILT = [
    pytest.param("sea.level-kit", 'Sea "level" analysis: Zoë\'s 🌊 tools', "Zoë Ångström-Øster",
                 "GPL-3.0-or-later", id="quotes-and-non-ascii"),
    pytest.param("Tide_Tools", "One very long sentence about tides " * 12, "Seán O'Brien", "Apache-2.0",
                 id="long-description"),
    pytest.param("kaiyo", "潮汐解析のためのツール", "李小龙", "EUPL-1.2", id="cjk"),
]


@pytest.mark.slow
@pytest.mark.parametrize(("name", "description", "author", "license_id"), BUILT)
def test_new_project_builds(
    tmp_path: Path, name: str, description: str, author: str, license_id: str
) -> None:
    meta = create.make_meta(create.check_name(name), description=description, author=author,
                            email="author@example.org", license=license_id, github="someone")
    project = written_project(meta, tmp_path)
    out = tmp_path / "dist"
    proc = subprocess.run([sys.executable, "-m", "build", "--outdir", str(out), str(project.root)],
                          capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    (wheel,) = out.glob("*.whl")
    assert len(list(out.glob("*.tar.gz"))) == 1
    with zipfile.ZipFile(wheel) as zf:
        metadata = next(zf.read(n).decode() for n in zf.namelist() if n.endswith(".dist-info/METADATA"))
    assert f"License-Expression: {license_id}" in metadata
    assert f"Summary: {meta.summary}" in metadata
    ruff = Path(sys.executable).parent / "ruff"
    if ruff.exists():  # the code `new` writes is clean by its own linter settings
        proc = subprocess.run([str(ruff), "check", "--no-cache", "."], cwd=project.root, capture_output=True,
                              text=True, check=False)
        assert proc.returncode == 0, proc.stdout + proc.stderr
