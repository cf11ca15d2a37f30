"""``sciship share``: every written file validates, the user's files stay byte-identical, the archive is
the same bytes for the same folder, large files are described instead of packed."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import zipfile
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
import yaml
from studykit import FLOW, STUDY, digests, make_study

from helpers import git, run_cli, write_tree
from sciship import share
from sciship.metadata.model import Person
from sciship.metadata.read import load
from sciship.project import Project
from standards import cff_errors, crate_issues, expand_codemeta

ADA = Person(name="Ada Lovelace", email="ada@example.org").split()
OPTIONS = share.Options(license="MIT", data_license="CC-BY-4.0", authors=(ADA,), today="2024-05-31")


def run_share(root: Path, options: share.Options = OPTIONS) -> share.ShareResult:
    project = Project.load(root)
    result = share.prepare(project, options, FLOW)
    try:
        result.plan.apply()
    finally:
        if result.archive is not None:
            result.archive.cleanup()
    return result


def test_every_written_file_validates(tmp_path: Path, roc_cache: Path) -> None:
    root = make_study(tmp_path / "study")
    result = run_share(root)
    assert sorted(result.writes) == sorted(
        [
            "CITATION.cff",
            "codemeta.json",
            ".zenodo.json",
            "requirements.txt",
            "LICENSE",
            "REPRODUCE.md",
            "ro-crate-metadata.json",
        ]
    )
    assert cff_errors((root / "CITATION.cff").read_text()) == []
    assert expand_codemeta(json.loads((root / "codemeta.json").read_text()))
    assert crate_issues(root, roc_cache, "ro-crate-1.1") == []
    assert crate_issues(root, roc_cache, "process-run-crate") == []


def test_a_dry_run_renders_no_file_and_the_files_are_the_same_when_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A dry run only lists what it would write: the metadata files, REPRODUCE.md and the crate are
    made when something reads them, and then they are the files a real run writes."""
    from sciship.metadata.writers import cff, rocrate
    from sciship.share import reproduce

    made: list[str] = []
    for module, name in ((cff, "render"), (rocrate, "dump"), (reproduce, "render")):
        real = getattr(module, name)

        def counted(*args: Any, _real: Any = real, _name: str = module.__name__, **kw: Any) -> Any:
            made.append(_name)
            return _real(*args, **kw)

        monkeypatch.setattr(module, name, counted)
    root = make_study(tmp_path / "study")
    project = Project.load(root)
    dry = share.prepare(project, replace(OPTIONS, dry_run=True), FLOW)
    assert dry.to_json()["plan"]
    assert made == []
    assert len(dry.files) > 3  # the files' sizes: the planned ones are made now
    contents = {a.path: a.content for a in dry.plan.actions}
    assert sorted(made) == sorted({cff.__name__, rocrate.__name__, reproduce.__name__})
    written = run_share(root)
    for action in written.plan.actions:
        if action.path != "ro-crate-metadata.json":  # a dry run's crate is compact JSON
            assert contents[action.path] == (root / action.path).read_bytes(), action.path
    assert json.loads(contents["ro-crate-metadata.json"] or b"") == json.loads(
        (root / "ro-crate-metadata.json").read_text()
    )


def test_the_crate_describes_steps_files_and_licenses(tmp_path: Path) -> None:
    root = make_study(tmp_path / "study")
    run_share(root)
    graph = {e["@id"]: e for e in json.loads((root / "ro-crate-metadata.json").read_text())["@graph"]}
    actions = [e for e in graph.values() if e["@type"] == "CreateAction"]
    assert [(a["instrument"], a.get("object"), a.get("result")) for a in actions] == [
        ({"@id": "01_clean.py"}, [{"@id": "data/raw.csv"}], [{"@id": "data/clean.npy"}]),
        ({"@id": "02_plot.py"}, [{"@id": "data/clean.npy"}], [{"@id": "figures/fig1.png"}]),
    ]
    assert graph["figures/fig1.png"]["@type"] == ["File", "ImageObject"]
    assert graph["figures/fig1.png"]["encodingFormat"] == "image/png"
    assert graph["data/raw.csv"]["contentSize"] == str(len(STUDY["data/raw.csv"]))
    assert graph["./"]["license"] == {"@id": "https://spdx.org/licenses/CC-BY-4.0"}
    assert graph["01_clean.py"]["license"] == {"@id": "https://spdx.org/licenses/MIT"}
    reproduce = (root / "REPRODUCE.md").read_text()
    assert reproduce.index("python 01_clean.py") < reproduce.index("python 02_plot.py")
    assert "- figures: `figures/fig1.png`" in reproduce
    assert "`02_plot.py:3`" in reproduce
    assert "pip install -r requirements.txt" in reproduce
    assert (root / "requirements.txt").read_text().splitlines()[1:] == [
        "matplotlib",
        "numpy",
        "pandas",
    ] or all(
        line.split(">=")[0] in {"matplotlib", "numpy", "pandas"}
        for line in (root / "requirements.txt").read_text().splitlines()[1:]
    )


def test_the_metadata_files_agree(tmp_path: Path) -> None:
    root = make_study(tmp_path / "study")
    run_share(root)
    md = load(Project.load(root))
    sources = [md.citation, md.codemeta, md.zenodo, md.rocrate]
    assert all(sources)
    for field in ("name", "license", "data_license", "date_released", "description"):
        assert len({getattr(m, field) for m in sources}) == 1, field
    assert {m.authors[0].display for m in sources} == {"Ada Lovelace"}  # type: ignore[union-attr]
    assert md.citation.name == "Sea ice thickness"  # type: ignore[union-attr]  # the README's title


def test_the_users_files_stay_byte_identical(tmp_path: Path) -> None:
    root = make_study(tmp_path / "study", {**STUDY, "CITATION.cff": "cff-version: 1.2.0\n# mine\n"})
    before = digests(root)
    result = run_share(root, replace(OPTIONS, archive=True))
    after = digests(root)
    assert {k: v for k, v in after.items() if k in before} == before
    assert (
        "CITATION.cff",
        "exists (`--update` refreshes its version, date, authors and license)",
    ) in result.kept


def test_archive_is_the_same_bytes_for_the_same_folder(tmp_path: Path) -> None:
    one = make_study(tmp_path / "a" / "study")
    two = tmp_path / "b" / "study"
    shutil.copytree(one, two)
    os.utime(two / "01_clean.py", (1_000_000, 1_000_000))  # other timestamps, same content
    (two / "02_plot.py").chmod(0o600)
    first = run_share(one, replace(OPTIONS, archive=True)).archive
    second = run_share(two, replace(OPTIONS, archive=True)).archive
    assert first is not None
    assert second is not None
    a, b = (one / first.path).read_bytes(), (two / second.path).read_bytes()
    assert a == b
    assert first.sha256 == hashlib.sha256(a).hexdigest()
    with zipfile.ZipFile(one / first.path) as zf:
        names = zf.namelist()
        assert names == sorted(names)
        assert all(n.startswith("study-2024-05-31/") for n in names)
        assert {i.date_time for i in zf.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        assert "study-2024-05-31/ro-crate-metadata.json" in names
        assert zf.read("study-2024-05-31/data/raw.csv") == STUDY["data/raw.csv"].encode()
    # and again in the same folder (the first archive moved away): the same bytes
    (one / first.path).unlink()
    for name in ("CITATION.cff", "codemeta.json", ".zenodo.json", "ro-crate-metadata.json", "REPRODUCE.md"):
        (one / name).unlink()
    (one / "requirements.txt").unlink()
    (one / "LICENSE").unlink()
    third = run_share(one, replace(OPTIONS, archive=True)).archive
    assert third is not None
    assert (one / third.path).read_bytes() == a


def test_large_files_are_listed_not_packed(tmp_path: Path, roc_cache: Path) -> None:
    big = b"0123456789" * 200
    root = make_study(tmp_path / "study", {**STUDY, "data/big.h5": big})
    result = run_share(root, replace(OPTIONS, archive=True, max_file_size=1000))
    assert result.archive is not None
    assert "data/big.h5" in dict(result.archive.left_out)
    assert "data/big.h5" not in result.archive.entries
    sha = hashlib.sha256(big).hexdigest()
    graph = {e["@id"]: e for e in json.loads((root / "ro-crate-metadata.json").read_text())["@graph"]}
    entity = graph["#external/data/big.h5"]
    assert entity["sha256"] == sha
    assert entity["contentSize"] == "2000"
    assert sha in (root / "REPRODUCE.md").read_text()
    # the crate inside the archive is valid although the big file is not in it
    unpacked = tmp_path / "unpacked"
    with zipfile.ZipFile(root / result.archive.path) as zf:
        zf.extractall(unpacked)
    (inner,) = unpacked.iterdir()
    assert not (inner / "data" / "big.h5").exists()
    assert crate_issues(inner, roc_cache, "process-run-crate") == []


def test_update_refreshes_generated_fields_only(tmp_path: Path) -> None:
    root = make_study(tmp_path / "study")
    run_share(root)
    cff_path = root / "CITATION.cff"
    cff_path.write_text(cff_path.read_text() + "keywords:\n  - sea ice\n")
    zen = json.loads((root / ".zenodo.json").read_text())
    zen["communities"] = [{"identifier": "polar"}]
    (root / ".zenodo.json").write_text(json.dumps(zen, indent=2) + "\n")
    result = run_share(root, replace(OPTIONS, update=True, today="2025-01-02", license="BSD-3-Clause"))
    assert "CITATION.cff" in result.writes
    data = yaml.safe_load(cff_path.read_text())
    assert data["keywords"] == ["sea ice"]
    assert (str(data["date-released"]), data["license"]) == ("2025-01-02", "BSD-3-Clause")
    zen = json.loads((root / ".zenodo.json").read_text())
    assert zen["communities"] == [{"identifier": "polar"}]
    assert (zen["license"], zen["publication_date"]) == ("BSD-3-Clause", "2025-01-02")
    assert cff_errors(cff_path.read_text()) == []


def test_package_mode_takes_pyproject(tmp_path: Path) -> None:
    from helpers import GOOD_PYPROJECT

    root = make_study(tmp_path / "pkg", {**STUDY, "pyproject.toml": GOOD_PYPROJECT, "LICENSE": "MIT"})
    result = run_share(root, share.Options(today="2024-05-31"))
    assert "requirements.txt" not in result.writes  # the package declares its environment
    md = load(Project.load(root))
    for m in (md.citation, md.codemeta, md.zenodo):
        assert m is not None
        assert (m.name, m.version, m.license) == ("example-pkg", "0.1.0", "MIT"), m.origin
        assert [p.display for p in m.authors] == ["Ada Lovelace"]
    assert "pip install -e ." in (root / "REPRODUCE.md").read_text()


@pytest.mark.parametrize(
    ("table", "license_id", "where"),
    [
        ('"GPL-3.0-or-later"', "GPL-3.0-or-later", "pyproject.toml"),
        ('{text = "GPL-3.0-or-later"}', "GPL-3.0-or-later", "pyproject.toml"),  # as the string form
        ('{file = "LICENSE"}', "MIT", "LICENSE"),
        ('{text = "GPLv3"}', "MIT", "LICENSE"),  # no SPDX id: the license text decides
    ],
)
def test_the_table_form_of_the_pyproject_license(
    tmp_path: Path, table: str, license_id: str, where: str
) -> None:
    """talmolab/lablink-paper-figures: `license = {text = "GPL-3.0-or-later"}` (the form before PEP 639) was
    ignored, and share said the license was not chosen, while `license = "GPL-3.0-or-later"` is read."""
    from sciship.metadata.licenses import LICENSES_DIR

    mit = (LICENSES_DIR / "MIT.txt").read_text(encoding="utf-8")
    toml = f'[project]\nname = "demo"\nversion = "0.1.0"\nlicense = {table}\n'
    root = write_tree(tmp_path / "study", {"pyproject.toml": toml, "LICENSE": mit, "run.py": "print(1)\n"})
    known = share.known(Project.load(root))
    assert (known.license, known.license_from) == (license_id, where)


@pytest.mark.parametrize(
    ("byline", "skipped"),
    [
        ("**Ann Lee** (MIT) · **Bo Chen** (Harvard) · **Ludwig van Beethoven** (Bonn)", True),
        ("**Ann Lee**, **Bo Chen** and **Cyrus Dunnington**", True),
        ("Ann Lee (MIT) | Bo Chen (Harvard)", True),
        ("Machine Learning, Remote Sensing, Causal Inference", False),  # keywords, maybe; not names
        ("Code for the **rain** paper (Nature, 2024), written by Ann Lee.", False),
    ],
)
def test_the_authors_line_of_a_readme_is_no_description(byline: str, skipped: bool) -> None:
    """asheshrambachan/rsv_replication: the README's byline `**Ashesh Rambachan** (MIT) · **Rahul Singh**
    (Harvard)` became the abstract of CITATION.cff and the description Zenodo shows."""
    from sciship.share.build import readme_summary

    prose = "This is the replication package for the paper on satellite outcomes."
    readme = f"# Remotely sensed outcomes\n\n{byline}\n\n[arXiv:2411.10959](https://arxiv.org)\n\n{prose}\n"
    summary = readme_summary(Project.from_files({"README.md": readme, "run.py": "print(1)\n"}))
    assert summary == (prose if skipped else byline.replace("**", ""))


_HEADED = (
    "# Tool\n\nThis code analyses the data of the whole mission.\n# Installation\n```bash\n"
    "pip install -r requirements.txt\n```\n- Step01 one\n"
)
_CODE_ONLY = "# Tool\n\n```bash\npython run.py --all of the things here\n```\n\n- a list item of no prose\n"
_COLON = (
    "# Figures\n\nThe code here reproduces the figures of the following publication:\n\n"
    "Doe, J. (2023). A study of things. Journal X.\n"
)

_AUTHOR_LINE = (
    "Actigraphy Analysis (Uploaded September 2021)\n\nAuthor: Jane Doe (jane@example.org)\n\n"
    "This code analyses daily motor activity data.\n"
)
_REQUIRED = (
    "# Required software\nTo be able to run the simulation you need these.\n* Python 3\n\n"
    "# Running a simulation\nThe main file that runs a simulation is plotter.py.\n"
)
_INSTALL_FIRST = (
    "# Demo\n\n## Installation\n\nRun pip install first, it takes a while.\n\n## About\n\n"
    "This code models the sea ice of the Arctic.\n"
)

@pytest.mark.parametrize(
    ("readme", "summary"),
    [
        # daraghhollman/messenger_random_forest_paper_figures: on into the heading, the code and a list
        (_HEADED, "This code analyses the data of the whole mission."),
        (_CODE_ONLY, None),
        # joAschauer/swe2hs_paper_figures: it stopped at "...of the following publication:"
        (_COLON, " ".join(_COLON.split("\n\n", 1)[1].split())),
        # christopher-wang-2000/actigraphy-analysis-code: the author's line was the abstract
        (_AUTHOR_LINE, "This code analyses daily motor activity data."),
        # how to install or run the code is no description of the work
        ("# Demo\n\n## Setup\n\nRun `pip install -r requirements.txt`, then get the data.\n", None),
        (_REQUIRED, None),  # kiudee/lifu-simulation-code
        (_INSTALL_FIRST, "This code models the sea ice of the Arctic."),
    ],
)
def test_the_description_is_the_readmes_first_paragraph_of_prose(readme: str, summary: str | None) -> None:
    from sciship.share.build import readme_summary

    assert readme_summary(Project.from_files({"README.md": readme, "run.py": "print(1)\n"})) == summary


@pytest.mark.parametrize(
    ("name", "title"),
    [
        # egonmedhatten/beta-kernel-reproduce-paper: pyproject's slug was the title, not the README's
        ("beta-kernel-reproduce-paper", "Supplementary Code: A Fast Bandwidth Selector"),
        ("hypercube_model", "hypercube_model"),  # a package's own name stays
        # tomsasani/bxd_mutator_manuscript: `setup(name="py_scripts")` makes the scripts' folder importable
        ("py_scripts", "Supplementary Code: A Fast Bandwidth Selector"),
        ("my-utils", "Supplementary Code: A Fast Bandwidth Selector"),
        ("scripts_lib", "Supplementary Code: A Fast Bandwidth Selector"),
        ("pyscripts", "pyscripts"),  # (one word that is not one of them: a name)
    ],
)
def test_a_paper_folders_slug_is_no_title(name: str, title: str) -> None:
    readme = "# Supplementary Code: A Fast Bandwidth Selector\n\nCode for the paper.\n"
    pyproject = f'[project]\nname = "{name}"\nversion = "0.1.0"\n'
    project = Project.from_files({"README.md": readme, "pyproject.toml": pyproject, "run.py": "print(1)\n"})
    assert share.known(project).name == title


def test_a_lone_creative_commons_license_covers_the_code_too(tmp_path: Path) -> None:
    """e-olson/extremes-OAW-GCBmanuscript-code: the one LICENSE puts "this work" under CC BY 4.0; share said
    "The code has no license yet, so nobody may legally reuse it", and with `--license MIT` the metadata
    contradicted the LICENSE file. A note says what Creative Commons advises for software."""
    cc = (
        "This work is licensed under the Creative Commons Attribution 4.0 International License. To view a "
        "copy of this license, visit http://creativecommons.org/licenses/by/4.0/\n"
    )
    root = make_study(tmp_path / "study", {**STUDY, "LICENSE": cc})
    known = share.known(Project.load(root))
    assert (known.license, known.license_from) == ("CC-BY-4.0", "LICENSE")
    assert (known.data_license, known.data_license_from) == ("CC-BY-4.0", "LICENSE")
    options = replace(OPTIONS, license=None, data_license=None)
    result = share.prepare(Project.load(root), options, FLOW, known)
    said = "`LICENSE` puts the whole work, code included, under CC-BY-4.0"
    assert any(n.startswith(said) for n in result.notes)
    assert not any("no license yet" in n for n in result.notes)


def test_an_empty_license_file_is_no_license(tmp_path: Path) -> None:
    """talking-to-machines/synthetic-rct-replication-package: LICENSE is 0 bytes; the note said the folder
    has no LICENSE file, yet `--license MIT` left it empty while the metadata said MIT. It is filled."""
    root = make_study(tmp_path / "study", {**STUDY, "LICENSE": " \n"})
    options = replace(OPTIONS, license=None)
    result = share.prepare(Project.load(root), options, FLOW)
    assert any("no license yet (`LICENSE` is empty)" in n for n in result.notes)
    result = run_share(root)
    edits = [a for a in result.plan.actions if a.path == "LICENSE"]
    assert [(a.kind, a.reason) for a in edits] == [("edit", "the code license (the file was empty)")]
    assert (root / "LICENSE").read_text().startswith("MIT License")
    crate = json.loads((root / "ro-crate-metadata.json").read_text())
    [entry] = [e for e in crate["@graph"] if e["@id"] == "LICENSE"]
    assert int(entry["contentSize"]) == (root / "LICENSE").stat().st_size


def test_authors_from_git_history(tmp_path: Path) -> None:
    root = make_study(tmp_path / "study")
    git(root, "init", "-q")
    git(root, "add", "-A")
    for name in ("Grace Hopper", "Ada Lovelace", "Grace Hopper", "dependabot[bot]"):
        (root / "notes.txt").write_text(name)
        git(root, "add", "-A")
        git(
            root,
            "-c",
            f"user.name={name}",
            "-c",
            "user.email=x@example.org",
            "commit",
            "-qm",
            "x",
            "--author",
            f"{name} <{name.split()[0].lower()}@example.org>",
        )
    known = share.known(Project.load(root))
    assert [p.display for p in known.authors] == ["Grace Hopper", "Ada Lovelace"]
    assert known.authors_from == "the git history"


def test_one_author_behind_a_login_and_a_full_name(tmp_path: Path) -> None:
    """csaba-a/Fooof_paper_code, pritykinlab/gloss-paper-analysis, RomeroLab/PU-learning-paper-analysis,
    MobleyLab/SMIRNOFF_paper_code: one person commits as a GitHub login and as a full name; CITATION.cff
    listed `csaba-a` (most commits) or the person twice. Two people who share only the name of an email
    address at two places stay two."""
    root = make_study(tmp_path / "study")
    git(root, "init", "-q")
    commits = [
        ("csaba-a", "47151497+csaba-a@users.noreply.github.com"),
        ("csaba-a", "47151497+csaba-a@users.noreply.github.com"),
        ("Csaba Kozma", "47151497+csaba-a@users.noreply.github.com"),
        ("tamjazad", "tamjazad@users.noreply.github.com"),
        ("Tamjeed Azad", "26588289+tamjazad@users.noreply.github.com"),
        ("bbremer", "31516865+bbremer@users.noreply.github.com"),
        ("Bennett J. Bremer", "bbremer@wisc.edu"),
        ("davidlmobley", "dmobley@gmail.com"),
        ("David L. Mobley", "l5a9@mobleylab.slack.com"),
        ("John Smith", "john@uni-a.edu"),
        ("John Doe", "john@uni-b.org"),
    ]
    for i, (name, email) in enumerate(commits):
        (root / "notes.txt").write_text(str(i))
        git(root, "add", "-A")
        git(root, "commit", "-qm", "x", "--author", f"{name} <{email}>")
    known = share.known(Project.load(root))
    assert sorted(p.display for p in known.authors) == [
        "Bennett J. Bremer",
        "Csaba Kozma",
        "David L. Mobley",
        "John Doe",
        "John Smith",
        "Tamjeed Azad",
    ]


def test_a_github_login_is_the_person_whose_name_it_is_made_of_or_an_alias(tmp_path: Path) -> None:
    """letiviada/mmsc_dissertation: "Leticia Viada" and the login `letiviada` (a noreply address) were two
    authors; levylabpitt/replication_code_Sheridan_nanoscale_XUV_source_graphene: the login `ecfsheridan`
    became `family-names: ecfsheridan`. A login two people's names could make stays apart."""
    root = make_study(tmp_path / "study")
    git(root, "init", "-q")
    commits = [
        ("Anabel Lopez", "anabel@uni.edu"),
        ("analopez", "99149684+analopez@users.noreply.github.com"),
        ("Leticia Viada", "leticia@uni.edu"),
        ("letiviada", "letiviada@users.noreply.github.com"),
        ("ecfsheridan", "60759975+ecfsheridan@users.noreply.github.com"),
        ("Ann Lee", "ann@uni.edu"),
        ("Alex Lee", "alex@uni.edu"),
        ("alee", "7+alee@users.noreply.github.com"),  # Ann's or Alex's?
    ]
    for i, (name, email) in enumerate(commits):
        (root / "notes.txt").write_text(str(i))
        git(root, "add", "-A")
        git(root, "commit", "-qm", "x", "--author", f"{name} <{email}>")
    result = run_share(root, replace(OPTIONS, authors=None))
    assert sorted(p.display for p in result.metadata.people) == [
        "Alex Lee",
        "Anabel Lopez",
        "Ann Lee",
        "Leticia Viada",
        "alee",
        "ecfsheridan",
    ]
    cff_text = (root / "CITATION.cff").read_text()
    assert cff_errors(cff_text) == []
    cited = yaml.safe_load(cff_text)["authors"]
    assert {"alias": "ecfsheridan"} in cited
    assert not any("ecfsheridan" in str(a.get("family-names")) for a in cited)
    assert expand_codemeta(json.loads((root / "codemeta.json").read_text()))
    creators = json.loads((root / ".zenodo.json").read_text())["creators"]
    assert {"name": "ecfsheridan"} in creators  # Zenodo needs a name: the login is all there is
    (note,) = [n for n in result.notes if "known only by a GitHub login" in n]
    assert note.startswith("`alee` and `ecfsheridan` are known only by a GitHub login")
    # read again, the alias is the same person, and still no family name
    again = share.known(Project.load(root))
    assert next(p for p in again.authors if p.github == "ecfsheridan").login_only


def test_one_person_under_a_name_with_and_without_its_accents(tmp_path: Path) -> None:
    """jgalazm/comp-geo-paper-figures: "Jose Galaz" and "José  Galaz" (two addresses) were two authors."""
    root = make_study(tmp_path / "study")
    git(root, "init", "-q")
    for name, email in (("José  Galaz", "jg@mail.example"), ("Jose Galaz", "jg@uni.example")):
        (root / "notes.txt").write_text(name)
        git(root, "add", "-A")
        git(root, "commit", "-qm", "x", "--author", f"{name} <{email}>")
    assert [p.display for p in share.known(Project.load(root)).authors] == ["José Galaz"]


def test_a_login_for_a_name_is_what_git_was_told(tmp_path: Path) -> None:
    """ludovico-lanni/cluster-experiments-paper: "the commits' address hides the name", though most of
    aureliolova's commits carry a real address: git's `user.name` was the login."""
    root = make_study(tmp_path / "study")
    git(root, "init", "-q")
    for email in ("54642797+aureliolova@users.noreply.github.com", "aurelio.lopez@example.com"):
        (root / "notes.txt").write_text(email)
        git(root, "add", "-A")
        git(root, "commit", "-qm", "x", "--author", f"aureliolova <{email}>")
    result = share.prepare(Project.load(root), replace(OPTIONS, authors=None), FLOW)
    (note,) = [n for n in result.notes if "known only by a GitHub login" in n]
    assert "(the name git gives their commits, `user.name`, is the login)" in note
    assert "hides" not in note


def test_a_computers_name_is_not_an_author(tmp_path: Path) -> None:
    """eshanking/seascapes_figures: 71 commits by "Eshan's MacBook" (macOS names the commits of a git
    never told a name after the computer) made the computer an author of CITATION.cff."""
    root = make_study(tmp_path / "study")
    git(root, "init", "-q")
    commits = [
        ("Eshan's MacBook", "eshanking@wustl.edu"),
        ("Eshan's MacBook", "eshanking@wustl.edu"),
        ("eshanking", "eshanking@wustl.edu"),
        ("Ana\u2019s iMac", "ana@lab.org"),
        ("Davis Weaver", "dweav94@gmail.com"),
    ]
    for i, (name, email) in enumerate(commits):
        (root / "notes.txt").write_text(str(i))
        git(root, "add", "-A")
        git(root, "commit", "-qm", "x", "--author", f"{name} <{email}>")
    known = share.known(Project.load(root))
    assert sorted(p.display for p in known.authors) == ["Ana", "Davis Weaver", "eshanking"]


def test_names_in_brackets_addresses_of_no_mail_and_one_word_names(tmp_path: Path) -> None:
    """BioGeMT/miRBench_paper: "Panos (Panagiotis Alexiou)" gave `given-names: Panos (Panagiotis` beside a
    second "Panagiotis Alexiou"; MobilityNet kept `gabrielkosmacher@pop-os.localdomain`, an address the
    computer made up; a one-word name ("Kilian") is cited as a family name, and a note says so."""
    root = make_study(tmp_path / "study")
    git(root, "init", "-q")
    commits = [
        ("Panos (Panagiotis Alexiou)", "pan.alexiou@um.edu.mt"),
        ("Panagiotis Alexiou", "palexiou@example.org"),
        ("Ann Lee (MIT)", "ann@mit.edu"),
        ("gabrielkosmacher", "gabrielkosmacher@pop-os.localdomain"),
    ]
    for i, (name, email) in enumerate(commits):
        (root / "notes.txt").write_text(str(i))
        git(root, "add", "-A")
        git(root, "commit", "-qm", "x", "--author", f"{name} <{email}>")
    known = share.known(Project.load(root))
    assert sorted((p.display, p.email) for p in known.authors) == [
        ("Ann Lee", "ann@mit.edu"),
        ("Panagiotis Alexiou", "palexiou@example.org"),  # (the newest commit's)
        ("gabrielkosmacher", None),
    ]
    result = share.prepare(Project.load(root), replace(OPTIONS, authors=known.authors), FLOW)
    said = "The git history names `gabrielkosmacher` by one word only"
    assert any(n.startswith(said) for n in result.notes)


def test_a_first_name_from_a_computer_with_no_address_is_the_full_name_beside_it(tmp_path: Path) -> None:
    """rlindland/1433-project-code: "Robert" <robert@Roberts-MacBook-Air.local> (git never told a name or
    an address on that computer) and "Robert Lindland" were two authors. A one-word name with an address
    mail reaches may be someone else: two people."""
    root = make_study(tmp_path / "study")
    git(root, "init", "-q")
    commits = [
        ("Robert", "robert@Roberts-MacBook-Air.local"),
        ("Robert Lindland", "robert.lindland@gmail.com"),
        ("Maria", "maria@uni.edu"),
        ("Maria Lopez", "ml@example.org"),
    ]
    for i, (name, email) in enumerate(commits):
        (root / "notes.txt").write_text(str(i))
        git(root, "add", "-A")
        git(root, "commit", "-qm", "x", "--author", f"{name} <{email}>")
    known = share.known(Project.load(root))
    assert sorted(p.display for p in known.authors) == ["Maria", "Maria Lopez", "Robert Lindland"]


def test_a_stand_in_author_is_nobody(tmp_path: Path) -> None:
    """BioroboticsLab/IBA-paper-code: `author="Anonymous"` in setup.py (written for a double-blind
    review) went into CITATION.cff and .zenodo.json; the git history names the real author."""
    setup = 'import setuptools\nsetuptools.setup(name="toy", version="0.1", author="Anonymous")\n'
    root = make_study(tmp_path / "study", {**STUDY, "setup.py": setup})
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "x", "--author", "Leon Sixt <leon@example.org>")
    known = share.known(Project.load(root))
    assert [p.display for p in known.authors] == ["Leon Sixt"]
    assert known.authors_from == "the git history"
    assert known.placeholders == (("Anonymous", "the `setup()` call in setup.py"),)
    result = share.prepare(Project.load(root), replace(OPTIONS, authors=known.authors), FLOW)
    assert any(
        n.startswith("`Anonymous` (the `setup()` call in setup.py) stands in for a name")
        for n in result.notes
    )
    for name in ("Anonymous Author(s)", "Your Name", "TODO", "anon"):
        assert share.people.is_placeholder(Person(name=name)), name
    for name in ("John Doe", "Ana Anonymo", "Nam Le"):
        assert not share.people.is_placeholder(Person(name=name).split()), name


def test_orcid_option(tmp_path: Path) -> None:
    from sciship._errors import InputError
    from sciship.share.people import with_orcids

    people = (ADA, Person(name="Grace Hopper").split())
    out = with_orcids(people, ["Grace Hopper=0000-0002-1825-0097", "https://orcid.org/0000-0001-5109-3700"])
    assert [p.orcid for p in out] == [
        "https://orcid.org/0000-0001-5109-3700",
        "https://orcid.org/0000-0002-1825-0097",
    ]
    with pytest.raises(InputError, match="not an ORCID"):
        with_orcids(people, ["12"])
    with pytest.raises(InputError, match="not among the authors"):
        with_orcids(people, ["Nobody=0000-0002-1825-0097"])


def test_symlinks_out_of_the_folder_are_never_followed(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("private\n")
    root = make_study(tmp_path / "study")
    (root / "data" / "leak.txt").symlink_to(secret)
    result = run_share(root, replace(OPTIONS, archive=True))
    assert result.archive is not None
    assert (
        "data/leak.txt",
        "a link to a place outside the folder (never followed)",
    ) in result.archive.left_out
    with zipfile.ZipFile(root / result.archive.path) as zf:
        assert not any(b"private" in zf.read(n) for n in zf.namelist())
    assert "leak" not in (root / "ro-crate-metadata.json").read_text()


def test_names_that_are_not_utf8(tmp_path: Path, roc_cache: Path) -> None:
    root = make_study(tmp_path / "study")
    odd = os.fsencode(root / "data") + b"/caf\xe9.csv"
    with open(odd, "wb") as fh:  # noqa: PTH123 - a bytes path
        fh.write(b"x\n")
    result = run_share(root, replace(OPTIONS, archive=True))
    assert "caf" not in (root / "ro-crate-metadata.json").read_text(encoding="utf-8")
    assert result.archive is not None
    assert any("not UTF-8" in why for _, why in result.archive.left_out)
    assert any("not UTF-8" in note and "caf\ufffd.csv" in note for note in result.notes)
    with zipfile.ZipFile(root / result.archive.path) as zf:
        assert not any("caf" in n for n in zf.namelist())
    assert crate_issues(root, roc_cache, "ro-crate-1.1") == []


def test_what_real_research_repositories_taught(tmp_path: Path) -> None:
    """Found on real repositories: a paper's DOI and a local path in the authors' CITATION.cff, a
    Creative Commons license file for the data, the authors' own REPRODUCING.md."""
    cc_by = "Attribution 4.0 International\n\n=====\n\nCreative Commons Corporation ...\n"
    own_cff = (
        'cff-version: "1.2.0"\nmessage: "Cite the paper."\ntitle: "Thin ice"\n'
        'repository-code: "/home/thijs/repos/thin-ice/"\ndoi: "10.1038/s41593-023-01413-5"\n'
        'date-released: "2023-Aug-28"\nauthors:\n  - family-names: "Lovelace"\n    given-names: "Ada"\n'
    )
    root = make_study(
        tmp_path / "thin-ice",
        {
            **STUDY,
            "LICENSE-MIT.txt": "MIT License\n\nPermission is hereby granted, free of charge, to any person "
            "obtaining a copy\n",
            "LICENSE-CC-BY.txt": cc_by,
            "CITATION.cff": own_cff,
            "REPRODUCING.md": "# How to reproduce\n",
        },
    )
    project = Project.load(root)
    known = share.known(project)
    assert (known.data_license, known.data_license_from) == ("CC-BY-4.0", "LICENSE-CC-BY.txt")
    result = share.prepare(
        project, replace(OPTIONS, data_license=None, license=None, archive=True), FLOW, known
    )
    try:
        result.plan.apply()
    finally:
        assert result.archive is not None
        result.archive.cleanup()
    assert result.archive.path == "dist/thin-ice-2024-05-31-share.zip"  # not the paper's long title
    assert "REPRODUCE.md" not in result.writes
    assert (
        "REPRODUCING.md",
        "your own reproduction guide: sciship writes no REPRODUCE.md next to it",
    ) in result.kept
    assert any("breaks the CFF 1.2.0 rules" in n for n in result.notes)
    zen = json.loads((root / ".zenodo.json").read_text())
    assert zen["related_identifiers"] == [
        {"identifier": "10.1038/s41593-023-01413-5", "relation": "isSupplementTo", "scheme": "doi"}
    ]  # the paper's DOI, and no local path posing as a link
    codemeta = json.loads((root / "codemeta.json").read_text())
    assert "codeRepository" not in codemeta
    assert codemeta["referencePublication"] == "https://doi.org/10.1038/s41593-023-01413-5"
    assert "identifier" not in codemeta


def test_the_papers_doi_the_readme_names(tmp_path: Path) -> None:
    """jtextor/immunet-paper-code: the README's "the paper by Sultan et al (https://doi.org/10.1093/
    biomethods/bpae094)" was only in the abstract: it is the publication the code goes with, never the
    code's own DOI (CITATION.cff's `doi`), nor is a data deposit's DOI taken for a paper's."""
    readme = (
        "# ImmuNet\n\nCode behind the paper by Sultan et al (https://doi.org/10.1093/biomethods/bpae094).\n\n"
        "The data of the paper: https://doi.org/10.5281/zenodo.123\n"
    )
    root = make_study(tmp_path / "study", {**STUDY, "README.md": readme})
    run_share(root)
    zen = json.loads((root / ".zenodo.json").read_text())
    assert zen["related_identifiers"] == [
        {"identifier": "10.1093/biomethods/bpae094", "relation": "isSupplementTo", "scheme": "doi"}
    ]
    codemeta = json.loads((root / "codemeta.json").read_text())
    assert codemeta["referencePublication"] == "https://doi.org/10.1093/biomethods/bpae094"
    assert "identifier" not in codemeta
    assert "doi" not in yaml.safe_load((root / "CITATION.cff").read_text())
    # a DOI with no word of a paper near it, or two papers: none
    from sciship.share.build import readme_paper_doi

    assert readme_paper_doi(Project.from_files({"README.md": "See https://doi.org/10.1093/x/y.\n"})) is None
    two = "Cite doi:10.1038/s41586-020-2649-2 and the paper https://doi.org/10.1093/x/y\n"
    assert readme_paper_doi(Project.from_files({"README.md": two})) is None


def test_one_person_under_two_names_in_git(tmp_path: Path) -> None:
    root = make_study(tmp_path / "study")
    git(root, "init", "-q")
    for name, email in (
        ("Gelson F. Souza-Junior", "gelson@example.org"),
        ("Gelson F. Souza-Junior", "gelson@example.org"),
        ("Souza-Junior", "gelson@example.org"),
        ("Rodgers-PAC-Lab", "lab@example.org"),
    ):
        (root / "notes.txt").write_text(name)
        git(root, "add", "-A")
        git(root, "commit", "-qm", "x", "--allow-empty", "--author", f"{name} <{email}>")
    known = share.known(Project.load(root))
    assert [p.display for p in known.authors] == ["Gelson F. Souza-Junior", "Rodgers-PAC-Lab"]
    assert known.authors[1].is_organisation  # a lab account: CFF `name:`, not a person's family name


def test_a_package_that_names_a_team_and_cites_its_people(tmp_path: Path) -> None:
    """Found on lmfit: pyproject.toml names "LMFit Development Team", CITATION.cff the people (with
    ORCIDs), a longer title, and the date the current version was released."""
    from helpers import pyproject

    team = pyproject(authors=[{"name": "Example Development Team"}])
    cff_text = (
        "cff-version: 1.2.0\nmessage: Cite the DOI below.\ntitle: 'example-pkg: fitting curves for Python'\n"
        "version: 0.1.0\ndate-released: 2025-03-09\nauthors:\n  - family-names: Newville\n"
        "    given-names: Matthew\n    orcid: https://orcid.org/0000-0001-6938-1014\n"
    )
    root = make_study(tmp_path / "pkg", {**STUDY, "pyproject.toml": team, "CITATION.cff": cff_text})
    result = run_share(root, share.Options(license="MIT"))
    assert [p.display for p in result.metadata.people] == ["Matthew Newville"]
    zen = json.loads((root / ".zenodo.json").read_text())
    assert zen["title"] == "example-pkg: fitting curves for Python"
    assert zen["creators"] == [{"name": "Newville, Matthew", "orcid": "0000-0001-6938-1014"}]
    assert zen["publication_date"] == "2025-03-09"  # version 0.1.0 came out then, not today
    from sciship.checks import run_checks

    (agree,) = run_checks(Project.load(root), select=["SHR100"], debug=True)
    assert agree.status == "passed", agree.message


def test_what_never_goes_in_a_deposit_is_what_the_pattern_said() -> None:
    """The folders and files left out of a deposit, judged part by part, are those of the pattern the
    check replaced (it cost 5 ms on a folder of a thousand files)."""
    import re

    from hypothesis import given, settings
    from hypothesis import strategies as st

    from sciship.share.inventory import never_deposited

    pattern = re.compile(
        r"(^|/)(__pycache__|\.ipynb_checkpoints|\.pytest_cache|\.mypy_cache|\.ruff_cache|\.tox|\.nox)/"
        r"|^(dist|build)/|(^|/)[^/]+\.egg-info/|\.py[co]$|(^|/)\.DS_Store$|(^|/)pyvenv\.cfg$"
    )
    parts = st.sampled_from(
        [
            "__pycache__",
            ".tox",
            ".nox",
            "dist",
            "build",
            "x.egg-info",
            ".egg-info",
            "a.pyc",
            "b.pyo",
            ".DS_Store",
            "pyvenv.cfg",
            "src",
            "data.csv",
            "mydist",
            ".ipynb_checkpoints",
            "x.pyc.txt",
            ".mypy_cache",
            ".ruff_cache",
            ".pytest_cache",
            "notes.py",
        ]
    )

    @settings(max_examples=400, deadline=None)
    @given(st.lists(parts, min_size=1, max_size=4))
    def check(names: list[str]) -> None:
        path = "/".join(names)
        assert never_deposited(path) == bool(pattern.search(path)), path

    check()


def test_requirements_say_what_they_leave_out(tmp_path: Path) -> None:
    """schwartzlab-methods/CellNEST_paper_figures imports `pyvis` and a module of the author's not in the
    folder (`altairThemes`): requirements.txt left them out without a word, and a reader installing from
    it meets an ImportError. A note names them and says what to do."""
    plot = "import numpy as np\nimport pyvisfakepkg\nimport altairThemesFake\nnp.save('out.npy', 1)\n"
    root = write_tree(tmp_path / "study", {"plot.py": plot})
    result = run_share(root, OPTIONS)
    (note,) = [n for n in result.notes if "requirements.txt leaves out" in n]
    assert "`altairThemesFake`, `pyvisfakepkg`" in note
    assert "sciship deps --online" in note
    # and REPRODUCE.md says so where it says to install them (rgc-transplantation: `herdingspikes`)
    guide = (root / "REPRODUCE.md").read_text()
    assert "It leaves out what the code imports as `altairThemesFake`, `pyvisfakepkg`" in guide
    # with nothing sciship knows, nothing is written: the note and REPRODUCE.md say so all the same
    # (pynucastro/pynucastro3.0-paper-notebooks imports only `pynucastro`)
    alone = write_tree(tmp_path / "alone", {"plot.py": "import pyvisfakepkg\nopen('out.txt', 'w')\n"})
    result = run_share(alone, OPTIONS)
    assert not (alone / "requirements.txt").exists()
    (note,) = [n for n in result.notes if "pyvisfakepkg" in n]
    assert note.startswith("The code imports `pyvisfakepkg`, which sciship could not match to a package")
    said = (alone / "REPRODUCE.md").read_text()
    assert "The code imports `pyvisfakepkg`, which sciship could not match" in said


def test_a_package_that_declares_nothing_gets_what_its_code_imports(tmp_path: Path) -> None:
    """hcbiophys/tcells_paper_code, caporaso-lab/gut-to-soil-manuscript-figures: a setup.py without
    install_requires made REPRODUCE.md say only `pip install -e .`, which installs none of the packages
    the steps import; the folder's own conda file in environments/ was never named."""
    bare = 'from setuptools import setup\nsetup(name="study", packages=[])\n'
    root = make_study(tmp_path / "bare", {**STUDY, "setup.py": bare})
    result = run_share(root)
    assert "requirements.txt" in result.writes
    assert "numpy" in (root / "requirements.txt").read_text()
    text = (root / "REPRODUCE.md").read_text()
    assert text.index("pip install -r requirements.txt") < text.index("pip install -e .")

    conda = "name: study\ndependencies:\n  - numpy\n  - pandas\n  - matplotlib\n"
    root = make_study(tmp_path / "conda", {**STUDY, "setup.py": bare, "environments/study-2024.yml": conda})
    result = run_share(root)
    assert "requirements.txt" not in result.writes
    text = (root / "REPRODUCE.md").read_text()
    assert text.index("conda env create -f environments/study-2024.yml") < text.index("pip install -e .")

    declared = bare.replace("packages=[]", 'packages=[], install_requires=["numpy", "pandas"]')
    root = make_study(tmp_path / "declared", {**STUDY, "setup.py": declared})
    result = run_share(root)
    assert "requirements.txt" not in result.writes  # the package says what it needs
    assert "pip install -e ." in (root / "REPRODUCE.md").read_text()


@pytest.mark.parametrize(
    ("conda", "setup"),
    [
        (
            "name: rsv_replication\ndependencies:\n  - numpy\n",
            "conda env create -f environment.yml\nconda activate rsv_replication\n",
        ),
        # (no name, or none conda takes: `conda env create -f` stops, "An environment name is required")
        (
            "dependencies:\n  - numpy\n",
            "conda env create -n analysis -f environment.yml\nconda activate analysis\n",
        ),
        (
            "name: [a, b]\ndependencies:\n  - numpy\n",
            "conda env create -n analysis -f environment.yml\nconda activate analysis\n",
        ),
    ],
)
def test_reproduce_activates_the_environment_the_conda_file_names(
    tmp_path: Path, conda: str, setup: str
) -> None:
    """asheshrambachan/rsv_replication: environment.yml has `name: rsv_replication`, and REPRODUCE.md said
    `conda activate <the name at the top of that file>`. A file that names none got that placeholder too,
    after a `conda env create -f environment.yml` that stops without a name: it gets one (`-n`)."""
    root = make_study(tmp_path / "study", {**STUDY, "environment.yml": conda})
    run_share(root)
    text = (root / "REPRODUCE.md").read_text()
    assert setup in text


def test_a_conda_file_without_a_name_gets_one_wherever_reproduce_creates_it(tmp_path: Path) -> None:
    """One environment per part, one for a part only, and a package's: each conda file without `name:` is
    created with `-n` (its folder's name, or its own), as `conda env create -f` of it stops."""
    files = {
        "genomics/environment.yml": "dependencies:\n  - numpy\n",
        "imaging/environment.yml": "name: img\ndependencies:\n  - pandas\n",
        "genomics/count.py": "import numpy as np\nnp.save('genomics/x.npy', np.zeros(2))\n",
        "imaging/plot.py": "import pandas as pd\npd.read_csv('imaging/t.csv').to_csv('imaging/u.csv')\n",
        "imaging/t.csv": "a\n1\n",
    }
    root = write_tree(tmp_path / "parts", files)
    _traced(root)
    text = (root / "REPRODUCE.md").read_text()
    assert (
        "conda env create -n genomics -f genomics/environment.yml\n"
        "conda env create -f imaging/environment.yml\n"
        "conda activate <the name of those steps' environment: at the top of its file, or after -n>\n" in text
    )

    files["other/count.py"] = files.pop("genomics/count.py").replace("genomics/", "other/")
    files["imaging/environment.yml"] = "dependencies:\n  - pandas\n"
    del files["genomics/environment.yml"]
    root = write_tree(tmp_path / "part", files)
    _traced(root)
    text = (root / "REPRODUCE.md").read_text()
    assert "`conda env create -n imaging -f imaging/environment.yml`." in text

    bare = 'from setuptools import setup\nsetup(name="study", install_requires=["numpy"])\n'
    conda = "dependencies:\n  - numpy\n  - pandas\n  - matplotlib\n"
    root = make_study(tmp_path / "package", {**STUDY, "setup.py": bare, "environment.yml": conda})
    run_share(root)
    text = (root / "REPRODUCE.md").read_text()
    created = "conda env create -n analysis -f environment.yml\nconda activate analysis\n"
    assert created + "python -m pip install -e .\n" in text


def test_a_conda_file_named_for_its_project_is_the_environment(tmp_path: Path) -> None:
    """falettiwx/WoFS-ESA-Manuscript-Code: `faletti26env.yaml`, a full conda environment, was not seen: a
    pip requirements.txt was written instead, and `sciship deps` said nothing was declared."""
    conda = "name: faletti26\nchannels:\n  - conda-forge\ndependencies:\n  - numpy\n  - pandas\n"
    files = {**STUDY, "faletti26env.yaml": conda, "gymenv_notes.yaml": "a: 1\n"}
    root = make_study(tmp_path / "study", files)
    run_share(root)
    assert not (root / "requirements.txt").exists()
    guide = (root / "REPRODUCE.md").read_text()
    assert "conda env create -f faletti26env.yaml\nconda activate faletti26\n" in guide


def test_a_poetry_project_that_is_no_package_is_installed_with_poetry(tmp_path: Path) -> None:
    """alcrene/emd-paper-notebooks: `package-mode = false`, and REPRODUCE.md said `pip install -e .`,
    which stops at once ("Building a package is not possible in non-package mode")."""
    pyproject = (
        '[tool.poetry]\nname = "demo"\nversion = "0.1.0"\npackage-mode = false\ndescription = "Demo"\n'
        'authors = ["Ann Author <ann@example.org>"]\n\n[tool.poetry.dependencies]\npython = "^3.10"\n'
        'numpy = "*"\n'
    )
    root = make_study(tmp_path / "study", {**STUDY, "pyproject.toml": pyproject})
    run_share(root)
    text = (root / "REPRODUCE.md").read_text()
    assert "python -m pip install poetry\npoetry install --no-root\n" in text
    assert "pip install -e ." not in text


def test_a_package_of_the_folder_in_a_subfolder_that_the_steps_import_is_installed(tmp_path: Path) -> None:
    """zouter/ChromatinHD_manuscript: 56 scripts import `chromatinhd_manuscript`, which `package/setup.py`
    installs from `package/src/`; REPRODUCE.md said only `pip install -r requirements.txt`, and every one
    of them stops at the import."""
    files = {
        **STUDY,
        "package/setup.py": "from setuptools import setup\nsetup(name='mypkg', package_dir={'': 'src'})\n",
        "package/src/mypkg/__init__.py": "def out():\n    return 'x'\n",
        "tools/setup.py": "from setuptools import setup\nsetup(name='unused')\n",
        "tools/unused/__init__.py": "",
    }
    first = next(name for name in STUDY if name.endswith(".py"))
    files[first] = "import mypkg\n" + STUDY[first]
    root = make_study(tmp_path / "study", files)
    run_share(root)
    text = (root / "REPRODUCE.md").read_text()
    assert "python -m pip install -e package\n" in text
    assert "pip install -e tools" not in text


def _traced(root: Path) -> share.ShareResult:
    """``share`` as the command runs it: with the folder's own data flow."""
    from sciship.flow import trace

    project = Project.load(root)
    result = share.prepare(project, OPTIONS, trace(project))
    result.plan.apply()
    return result


def test_an_environment_for_each_part_of_the_analysis_is_named(tmp_path: Path) -> None:
    """ahansenlab/ZNF143_analysis_code: `genomics_analysis/environment.yml` and
    `imaging_analysis/environment.yml`, one for each part, went unmentioned (only a conda file at the top
    counted) and a requirements.txt of everything was written instead."""
    files = {
        "genomics/environment.yml": "name: gen\ndependencies:\n  - numpy\n",
        "imaging/environment.yml": "name: img\ndependencies:\n  - pandas\n",
        "genomics/count.py": "import numpy as np\nnp.save('genomics/x.npy', np.zeros(2))\n",
        "imaging/plot.py": (
            "import pandas as pd\nimport scipy\npd.read_csv('imaging/t.csv').to_csv('imaging/u.csv')\n"
        ),
        "imaging/t.csv": "a\n1\n",
    }
    root = write_tree(tmp_path / "parts", files)
    result = _traced(root)
    assert result.environment.files == ("genomics/environment.yml", "imaging/environment.yml")
    assert "requirements.txt" not in result.writes
    (note,) = [n for n in result.notes if "do not list" in n]
    assert note.startswith("`genomics/environment.yml` and `imaging/environment.yml` do not list `scipy`")
    text = (root / "REPRODUCE.md").read_text()
    assert "conda env create -f genomics/environment.yml\nconda env create -f imaging/environment.yml" in text
    assert "its own conda environment, in its folder (`genomics/`, `imaging/`)" in text

    # one part with an environment of its own, another without: a requirements.txt for all of it, and the
    # part's own named for its steps (czbiohub-sf/rnaquarium-figures: `Fig1/environment.yml` only)
    files["other/count.py"] = files.pop("genomics/count.py").replace("genomics/", "other/")
    del files["genomics/environment.yml"]
    root = write_tree(tmp_path / "part", files)
    result = _traced(root)
    assert result.environment.kind == "none"
    assert "requirements.txt" in result.writes
    text = (root / "REPRODUCE.md").read_text()
    assert "python -m pip install -r requirements.txt" in text
    assert (
        "The steps in `imaging/` have an environment of their own, `imaging/environment.yml`: "
        "`conda env create -f imaging/environment.yml`." in text
    )

    reqs = {
        "a/requirements.txt": "numpy\n",
        "b/requirements.txt": "pandas\n",
        "a/run.py": "import numpy as np\nnp.save('a/x.npy', np.zeros(2))\n",
    }
    root = write_tree(tmp_path / "reqs", reqs)
    result = _traced(root)
    assert "requirements.txt" not in result.writes
    assert "pip install -r a/requirements.txt -r b/requirements.txt" in (root / "REPRODUCE.md").read_text()


def test_reproduce_names_the_newer_python_of_the_declared_and_the_needed(tmp_path: Path) -> None:
    """denehoffman/gluex-ksks-paper-analysis declares Python >=3.14; its `import tomllib` (3.11) made
    REPRODUCE.md say "Python 3.11 or newer" beside codemeta.json's 3.14. Code that needs more than the
    declared version (`tomllib` under >=3.8) gets what it needs."""
    from helpers import GOOD_PYPROJECT

    code = "import tomllib\nimport numpy as np\nnp.save('out.npy', 1)\n"
    newer = GOOD_PYPROJECT.replace('requires-python = ">=3.10"', 'requires-python = ">=3.14"')
    package = {"run.py": code, "src/example_pkg/__init__.py": "import tomllib\n", "LICENSE": "MIT"}
    root = make_study(tmp_path / "newer", {**package, "pyproject.toml": newer})
    run_share(root, share.Options(today="2024-05-31"))
    assert "You need Python 3.14 or newer." in (root / "REPRODUCE.md").read_text()
    older = GOOD_PYPROJECT.replace('requires-python = ">=3.10"', 'requires-python = ">=3.8"')
    root = make_study(tmp_path / "older", {**package, "pyproject.toml": older})
    run_share(root, share.Options(today="2024-05-31"))
    assert "You need Python 3.11 or newer." in (root / "REPRODUCE.md").read_text()


def test_the_python_reproduce_names_installs_the_versions_requirements_asks_for(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """mstapelberg/active_learning_paper_analysis: requirements.txt asked for `pyarrow>=26.0.1` (the version
    installed where sciship ran), which needs Python 3.11, and REPRODUCE.md said "Python 3.8 or newer"."""
    from sciship.share import build

    folders = {}
    for name, version, requires in [("fastthing", "26.0.1", ">=3.11"), ("oldthing", "1.0", ">=3.8, <4")]:
        folder = tmp_path / "site" / f"{name}-{version}.dist-info"
        folder.mkdir(parents=True)
        (folder / "METADATA").write_text(
            f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\nRequires-Python: {requires}\n\n"
            "Requires-Python: >=9\n"  # (in the description, after the header: not the field)
        )
        folders[name] = (version, str(folder))
    folders["bare"] = ("2.0", str(tmp_path / "missing.dist-info"))
    monkeypatch.setattr(build, "_installed", lambda wanted: {k: v for k, v in folders.items() if k in wanted})
    assert build.python_for_floors(["oldthing>=1.0", "fastthing>=26.0.1", "bare>=2.0", "other"]) == "3.11"
    assert build.python_for_floors(["oldthing>=1.0"]) == "3.8"
    assert build.python_for_floors(["fastthing>=25.0"]) is None  # (not the installed version: no word)


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        (
            "requirements.txt",
            "numpy\nscipy\n",
            "python -m pip install -r requirements.txt\npython -m pip install -e .",
        ),
        (
            "requirements.txt",
            "# $ conda create --name <env> --file <this file>\nnumpy=1.14.2=py36_1\nscipy=1.1.0=py36_0\n",
            (
                "conda create --name analysis --file requirements.txt\nconda activate analysis\n"
                "python -m pip install -e ."
            ),
        ),
        (
            "environment.yml",
            "name: study\ndependencies:\n  - numpy\n",
            "conda env create -f environment.yml\nconda activate study\npython -m pip install -e .",
        ),
    ],
    ids=["pip", "conda list", "conda"],
)
def test_a_package_with_the_analysis_environment_beside_it(
    tmp_path: Path, name: str, text: str, expected: str
) -> None:
    """BioroboticsLab/IBA-paper-code: setup.py lists numpy and torch, the steps import scipy and more, which
    only the folder's requirements.txt (a conda list) has; REPRODUCE.md said `pip install -e .` alone."""
    declared = 'from setuptools import setup\nsetup(name="study", packages=[], install_requires=["numpy"])\n'
    root = make_study(tmp_path / "pkg", {**STUDY, "setup.py": declared, name: text})
    result = run_share(root)
    assert result.environment.kind == "package"
    assert expected in (root / "REPRODUCE.md").read_text()


def test_a_package_whose_steps_import_what_it_does_not_list(tmp_path: Path) -> None:
    """garobed1/pou-paper-code: `install_requires=[]`, and the steps import numpy, scipy and matplotlib;
    REPRODUCE.md's `pip install -e .` installs none of them, and nothing said so."""
    declared = 'from setuptools import setup\nsetup(name="study", packages=[], install_requires=[])\n'
    code = "import numpy as np\nimport scipy.io\nnp.save('out.npy', scipy.io.loadmat('in.mat')['x'])\n"
    root = write_tree(tmp_path / "pkg", {"setup.py": declared, "run.py": code, "in.mat": b""})
    result = _traced(root)
    (note,) = [n for n in result.notes if n.startswith("The steps import")]
    assert note.startswith(
        "The steps import `numpy` (run.py), `scipy` (run.py), which `setup.py` does not list"
    )


def test_a_script_a_snakemake_rule_runs_is_run_through_snakemake(tmp_path: Path) -> None:
    """QuaSiMoDooooo/CV-QTL-manuscript-scripts: 19 scripts a rule runs with `script:` (they read
    `snakemake.input`) were steps to run as `python x.py`, which stops with a NameError."""
    rule = 'rule clean:\n    input: "data/raw.csv"\n    script:\n        "scripts/clean.py"\n'
    root = make_study(
        tmp_path / "study",
        {
            "workflow/Snakefile": rule,
            "workflow/scripts/clean.py": (
                "import pandas as pd\npd.read_csv(snakemake.input[0]).to_csv(snakemake.output[0])\n"
            ),
            "data/raw.csv": "a\n1\n",
        },
    )
    _traced(root)
    text = (root / "REPRODUCE.md").read_text()
    assert "snakemake --cores 1 -s workflow/Snakefile" in text
    assert "python workflow/scripts/clean.py" not in text
    assert "a rule of `workflow/Snakefile` runs it (`script:`)" in text


def test_steps_from_ten_on_keep_their_commands_inside_the_list(tmp_path: Path) -> None:
    """`10. ` is four characters wide: what belongs to the item is indented by four, else Markdown ends the
    list and shows the command as a paragraph (MehrnooshTahani/MC-BLOS: steps 10 to 18)."""
    files = {f"{i:02d}_step.py": f"open('out/{i}.txt', 'w').write('x')\n" for i in range(1, 12)}
    root = write_tree(tmp_path / "study", files)
    proc = run_cli("share", str(root), "--yes", "--license", "MIT")
    assert proc.returncode == 0, proc.stderr
    text = (root / "REPRODUCE.md").read_text()
    assert "9. `09_step.py`\n\n   ```bash\n   python 09_step.py\n   ```\n\n   - writes: `out/9.txt`" in text
    ten = "10. `10_step.py`\n\n    ```bash\n    python 10_step.py\n    ```\n\n    - writes: `out/10.txt`"
    assert ten in text


def _notebook(source: str) -> str:
    cell = {"cell_type": "code", "execution_count": 1, "metadata": {}, "outputs": [], "source": source}
    meta = {"kernelspec": {"name": "python3", "language": "python"}, "language_info": {"name": "python"}}
    return json.dumps({"cells": [cell], "metadata": meta, "nbformat": 4, "nbformat_minor": 5})


_ANALYSIS = {
    "raw.csv": "a\n1\n",
    "analysis.py": 'import pandas as pd\npd.read_csv("raw.csv").to_csv("clean.csv")\n',
}


def test_a_uv_project_is_installed_from_its_lock_file(tmp_path: Path) -> None:
    """A pyproject.toml with uv.lock: REPRODUCE.md said `pip install -e .`, which takes the newest versions
    and leaves aside the exact ones uv.lock gives: `uv sync` installs those, in `.venv`. Its venv has no pip:
    Jupyter comes with `uv pip`."""
    pyproject = '[project]\nname = "study"\nversion = "0.1.0"\ndependencies = ["pandas"]\n'
    lock = 'version = 1\n\n[[package]]\nname = "pandas"\nversion = "2.2.0"\n'
    files = {**_ANALYSIS, "pyproject.toml": pyproject, "uv.lock": lock}
    files["look.ipynb"] = _notebook('import pandas as pd\npd.read_csv("clean.csv").to_csv("look.csv")\n')
    root = write_tree(tmp_path / "uv", files)
    result = _traced(root)
    assert result.environment.lock == "uv.lock"
    text = (root / "REPRODUCE.md").read_text()
    assert "```bash\nuv sync\nsource .venv/bin/activate" in text
    assert "install uv first" in text
    assert "pip install -e ." not in text
    assert "python -m venv" not in text
    assert "The notebooks also need Jupyter (`uv pip install jupyterlab`)." in text

    # Jupyter in its dev group, which `uv sync` installs: not twice
    files["pyproject.toml"] = pyproject + '\n[dependency-groups]\ndev = ["jupyterlab"]\n'
    root = write_tree(tmp_path / "uv-jupyter", files)
    _traced(root)
    text = (root / "REPRODUCE.md").read_text()
    assert "uv sync" in text
    assert "also need Jupyter" not in text


def test_a_poetry_project_is_installed_from_its_lock_file(tmp_path: Path) -> None:
    """A Poetry project with poetry.lock: `pip install -e .` leaves aside the exact versions it gives;
    `poetry install` (in the environment made first: Poetry uses the one that is active) installs them."""
    pyproject = (
        '[tool.poetry]\nname = "study"\nversion = "0.1.0"\ndescription = ""\nauthors = ["A <a@b.org>"]\n\n'
        '[tool.poetry.dependencies]\npython = "^3.10"\npandas = "^2.0"\n\n'
        '[build-system]\nrequires = ["poetry-core"]\nbuild-backend = "poetry.core.masonry.api"\n'
    )
    files = {**_ANALYSIS, "pyproject.toml": pyproject, "poetry.lock": '[[package]]\nname = "pandas"\n'}
    root = write_tree(tmp_path / "poetry", files)
    result = _traced(root)
    assert result.environment.lock == "poetry.lock"
    text = (root / "REPRODUCE.md").read_text()
    assert "# on Windows: .venv\\Scripts\\activate\npython -m pip install poetry\n" in text
    assert "python -m pip install poetry\npoetry install\n```" in text
    assert "pip install -e ." not in text

    # without a lock file, the package installs as any other
    del files["poetry.lock"]
    root = write_tree(tmp_path / "unlocked", files)
    _traced(root)
    text = (root / "REPRODUCE.md").read_text()
    assert "python -m pip install -e .\n```" in text
    assert "poetry" not in text


@pytest.mark.parametrize(("lock", "install"), [(True, "pipenv sync"), (False, "pipenv install")])
def test_a_pipfile_is_what_the_folder_installs(tmp_path: Path, lock: bool, install: str) -> None:
    """A Pipfile that lists pandas: share said "`Pipfile` does not list `pandas`" (nothing read a Pipfile),
    and REPRODUCE.md's `pipenv install` came with no word of where pipenv comes from. Pipfile.lock's exact
    versions install with `pipenv sync`."""
    pipfile = '[packages]\npandas = ">=2.0"\nrequests = {version = "*", extras = ["socks"]}\n\n'
    pipfile += '[dev-packages]\npytest = "*"\n'
    files = {**_ANALYSIS, "Pipfile": pipfile}
    if lock:
        files["Pipfile.lock"] = '{"_meta": {}, "default": {}, "develop": {}}\n'
    root = write_tree(tmp_path / "pipenv", files)
    result = _traced(root)
    assert not [n for n in result.notes if "does not list" in n]
    assert "requirements.txt" not in result.writes
    text = (root / "REPRODUCE.md").read_text()
    assert (
        "python -m venv .venv\nsource .venv/bin/activate        # on Windows: .venv\\Scripts\\activate\n"
        f"python -m pip install pipenv\n{install}\n```" in text
    )
    from sciship.imports.declared import collect

    declared = {(d.name, d.location, d.kind, d.requirement) for d in collect(Project.load(root)).items}
    assert declared == {
        ("pandas", "Pipfile.packages", "runtime", "pandas>=2.0"),
        ("requests", "Pipfile.packages", "runtime", "requests"),
        ("pytest", "Pipfile.dev-packages", "dev", "pytest"),
    }


@pytest.mark.parametrize(
    ("env", "told"),
    [
        ({"requirements.txt": "pandas\n"}, True),
        ({"requirements.txt": "pandas\njupyterlab>=4\n"}, False),
        ({"environment.yml": "name: s\ndependencies:\n  - pandas\n"}, True),
        ({"environment.yml": "name: s\ndependencies:\n  - pandas\n  - notebook\n"}, False),
        ({"environment.yml": "name: s\ndependencies:\n  - pandas\n  - pip:\n    - jupyter\n"}, False),
        ({"requirements.txt": "pandas\nnbconvert\n"}, True),  # (no kernel to run it)
        ({"requirements.txt": "pandas\nnbconvert\nipykernel\n"}, False),
        ({"requirements.txt": "pandas\n", "docs/requirements.txt": "jupyterlab\n"}, True),  # (not installed)
    ],
)
def test_notebooks_are_told_to_install_jupyter_only_when_the_environment_lacks_it(
    tmp_path: Path, env: dict[str, str], told: bool
) -> None:
    """A requirements.txt that lists jupyterlab was followed by "The notebooks also need Jupyter
    (`python -m pip install jupyterlab`)": what the setup installs already runs them."""
    files = {"raw.csv": "a\n1\n", **env}
    files["look.ipynb"] = _notebook('import pandas as pd\npd.read_csv("raw.csv").to_csv("look.csv")\n')
    root = write_tree(tmp_path / "nb", files)
    _traced(root)
    text = (root / "REPRODUCE.md").read_text()
    assert "jupyter nbconvert --to notebook --execute --inplace look.ipynb" in text
    assert ("The notebooks also need Jupyter (`python -m pip install jupyterlab`)." in text) is told


def test_requirements_of_two_parts_that_pin_one_package_apart_get_an_environment_each(tmp_path: Path) -> None:
    """`a/requirements.txt` pins numpy==1.21.0 and `b/requirements.txt` numpy==1.26.4: REPRODUCE.md said
    `pip install -r a/requirements.txt -r b/requirements.txt`, which stops (pip cannot install both)."""
    files = {
        "a/requirements.txt": "numpy==1.21.0\npandas\n",
        "b/requirements.txt": "numpy == 1.26.4  # the newer one\n",
        "a/run.py": "import numpy as np\nnp.save('a/x.npy', np.zeros(2))\n",
        "b/run.py": "import numpy as np\nnp.save('b/y.npy', np.zeros(2))\n",
    }
    root = write_tree(tmp_path / "apart", files)
    result = _traced(root)
    assert result.environment.clash == "numpy"
    text = (root / "REPRODUCE.md").read_text()
    assert "-r a/requirements.txt -r b/requirements.txt" not in text
    assert "they ask for different versions of `numpy`: make an environment for each part" in text
    assert (
        "python -m venv .venv-a && .venv-a/bin/python -m pip install -r a/requirements.txt\n"
        "python -m venv .venv-b && .venv-b/bin/python -m pip install -r b/requirements.txt\n"
        "source .venv-<the folder of those steps>/bin/activate" in text
    )

    # the same pin, or none, in both: one environment holds them
    files["b/requirements.txt"] = "numpy==1.21.0\nscipy>=1.0\n"
    root = write_tree(tmp_path / "together", files)
    result = _traced(root)
    assert result.environment.clash is None
    text = (root / "REPRODUCE.md").read_text()
    assert "python -m pip install -r a/requirements.txt -r b/requirements.txt\n" in text


def test_a_step_in_python2_runs_with_python2(tmp_path: Path) -> None:
    """A script in Python 2 (`print "done"`, `xrange`) was run with `python analysis.py` in REPRODUCE.md,
    which stops at its first print on Python 3; it runs with `python2`, and the set-up says it needs
    Python 2.7, not only the Python 3 floor of the other steps."""
    old = 'import pandas as pd\ndf = pd.read_csv("data.csv")\nfor i in xrange(3):\n    print i\n'
    old += 'print "done"\n'
    plot = 'import pandas as pd\nif (n := len(pd.read_csv("data.csv"))) > 0:\n    print(f"{n=}")\n'
    root = write_tree(tmp_path / "mixed", {"analysis.py": old, "plot.py": plot, "data.csv": "a\n1\n"})
    _traced(root)
    text = (root / "REPRODUCE.md").read_text()
    assert "   python2 analysis.py\n" in text
    assert "   python plot.py\n" in text
    assert "You need Python 3.8 or newer (the steps in Python 2 excepted)." in text
    assert "`analysis.py` is Python 2 code, which Python 3 cannot run: it needs Python 2.7" in text
    assert "so `requirements.txt` leaves them out" in text
    assert "   - Python 2 code, which Python 3 cannot run (see its problem below)" in text
    # every step in Python 2: no Python 3 in the set-up at all
    alone = write_tree(tmp_path / "alone", {"analysis.py": old, "data.csv": "a\n1\n"})
    _traced(alone)
    text = (alone / "REPRODUCE.md").read_text()
    assert "The code is Python 2, which Python 3 cannot run: you need Python 2.7." in text
    assert "conda create --name py27 python=2.7\nconda activate py27\n" in text
    assert "python -m venv" not in text
    assert "or newer" not in text
    assert "   python2 analysis.py\n" in text


def test_a_parts_own_environment_is_named_beside_a_package_that_declares_nothing(tmp_path: Path) -> None:
    """A bare setup.py (no install_requires) at the top, and `analysis/requirements.txt` beside the
    scripts in `analysis/`: REPRODUCE.md said nothing of that part's environment (it was dropped when the
    package was added); without the setup.py it was named."""
    files = {
        "setup.py": 'from setuptools import setup\nsetup(name="study", version="0.1")\n',
        "analysis/requirements.txt": "pandas==2.0\n",
        "analysis/run.py": 'import pandas as pd\npd.read_csv("d.csv").to_csv("o.csv")\n',
        "analysis/d.csv": "a\n1\n",
        "top.py": 'import numpy as np\nnp.save("top.npy", np.zeros(2))\n',
    }
    root = write_tree(tmp_path / "bare", files)
    result = _traced(root)
    assert result.environment.parts == ("analysis/requirements.txt",)
    assert result.environment.package == "setup.py"
    text = (root / "REPRODUCE.md").read_text()
    assert "python -m pip install -r requirements.txt\npython -m pip install -e .\n```\n" in text
    assert (
        "The steps in `analysis/` have an environment of their own, `analysis/requirements.txt`: "
        "`python -m pip install -r analysis/requirements.txt`." in text
    )


def test_a_pipfiles_python_version_is_the_python_reproduce_names(tmp_path: Path) -> None:
    """A Pipfile's `[requires] python_version = "3.9"`, and code that needs no newer Python than any:
    REPRODUCE.md named no Python at all. With the code's own floor, the newer of the two."""
    pipfile = '[packages]\npandas = "*"\n\n[requires]\npython_version = "3.9"\n'
    files = {
        "Pipfile": pipfile,
        "run.py": 'import pandas as pd\npd.read_csv("d.csv").to_csv("o.csv")\n',
        "d.csv": "a\n1\n",
    }
    root = write_tree(tmp_path / "pipenv", files)
    _traced(root)
    text = (root / "REPRODUCE.md").read_text()
    assert "You need Python 3.9 or newer.\n" in text
    assert "python -m pip install pipenv\npipenv install\n" in text

    files["Pipfile"] = pipfile.replace('python_version = "3.9"', 'python_full_version = "3.10.4"')
    root = write_tree(tmp_path / "full", files)
    _traced(root)
    assert "You need Python 3.10 or newer.\n" in (root / "REPRODUCE.md").read_text()

    files["run.py"] = 'import pandas as pd\nif (d := pd.read_csv("d.csv")) is not None:\n'
    files["run.py"] += '    d.to_csv("o.csv")\n'
    root = write_tree(tmp_path / "floor", files)
    _traced(root)
    assert "You need Python 3.10 or newer.\n" in (root / "REPRODUCE.md").read_text()
    files["Pipfile"] = pipfile.replace("3.9", "3.7")  # (older than the code's `:=`: the code's floor)
    root = write_tree(tmp_path / "older", files)
    _traced(root)
    assert "You need Python 3.8 or newer.\n" in (root / "REPRODUCE.md").read_text()

    files["Pipfile"] = '[packages]\npandas = "*"\n'
    files["run.py"] = 'import pandas as pd\npd.read_csv("d.csv").to_csv("o.csv")\n'
    root = write_tree(tmp_path / "none", files)
    _traced(root)
    assert "You need Python" not in (root / "REPRODUCE.md").read_text()


def test_a_script_not_written_yet_is_named_in_reproduce(tmp_path: Path) -> None:
    """A stub (`def main(): raise NotImplementedError` and its main block) is no step: REPRODUCE.md left it
    out without a word, and a reader looked for the missing step. One plain sentence says what it is."""
    stub = '"""Fit."""\n\n\ndef main():\n    raise NotImplementedError\n\n\n'
    stub += 'if __name__ == "__main__":\n    main()\n'
    files = {
        "first.py": 'import pandas as pd\npd.read_csv("data.csv").to_csv("out.csv")\n',
        "data.csv": "a\n1\n",
        "stub.py": stub,
    }
    root = write_tree(tmp_path / "one", files)
    result = _traced(root)
    assert [s.path for s in result.flow.steps] == ["first.py"]
    assert "stub" not in json.dumps(result.to_json())  # (not in the documented schema)
    text = (root / "REPRODUCE.md").read_text()
    assert (
        "   - writes: `out.csv`\n\n"
        "`stub.py` only raises NotImplementedError: it is not written yet; finish it or delete it.\n\n"
    ) in text

    root = write_tree(tmp_path / "two", {**files, "fit/b.py": stub})
    _traced(root)
    text = (root / "REPRODUCE.md").read_text()
    assert (
        "`fit/b.py` and `stub.py` only raise NotImplementedError: they are not written yet; finish them or "
        "delete them.\n" in text
    )
    root = write_tree(tmp_path / "none", {k: v for k, v in files.items() if k != "stub.py"})
    _traced(root)
    assert "NotImplementedError" not in (root / "REPRODUCE.md").read_text()


def test_a_folder_of_python2_steps_gets_the_requirements_its_import_lines_name(tmp_path: Path) -> None:
    """Every step in Python 2 (`print "done"`): Python 3's parser reads none of it, and REPRODUCE.md said
    only "install them too", with no requirements.txt. A scan of the import lines finds them: the folder's
    own modules, Python 2's standard library and a docstring's `import` left out, without versions (the
    ones installed here are Python 3's)."""
    analysis = (
        '"""Fit.\n\nimport notapackage\n"""\nimport os, sys\nimport cPickle\nimport numpy as np  # arrays\n'
        "from scipy import stats\nimport helpers\nimport Tkinter, tkFileDialog\nimport weirdpkgzz\n"
        "def plot():\n    import matplotlib.pyplot as plt\n"
        'x = np.loadtxt("data.txt")\nprint "done"\n'
    )
    files = {"analysis.py": analysis, "helpers.py": "import pandas\nx = 1\n", "data.txt": "1\n"}
    root = write_tree(tmp_path / "py2", files)
    result = _traced(root)
    assert [s.path for s in result.flow.steps] == ["analysis.py"]
    reqs = (root / "requirements.txt").read_text()
    assert reqs.splitlines()[2:] == ["matplotlib", "numpy", "pandas", "scipy"]
    assert reqs.startswith("# The packages the Python 2 code imports")
    text = (root / "REPRODUCE.md").read_text()
    setup = "conda create --name py27 python=2.7\nconda activate py27\n"
    setup += "python -m pip install -r requirements.txt\n"
    assert setup in text
    assert "`requirements.txt` lists the packages the Python 2 code imports, without versions" in text
    assert "cannot list the packages" not in text
    assert "It leaves out what the code imports as `weirdpkgzz`" in text
    assert "Tkinter" not in text


def test_scripts_in_a_folder_of_old_versions_come_last(tmp_path: Path) -> None:
    """RichardSear/DP_trapping_codes: `older/fig3_Jan26.py` and three more old versions came before the
    figures its Makefile makes (ties broken by name). Where nothing decides, a step in a folder whose name
    says it keeps old versions waits for the others, and REPRODUCE.md says why it is there; one whose
    output another step reads is an ordinary step."""
    files = {
        "older/fig3_Jan26.py": "import matplotlib.pyplot as plt\nplt.savefig('fig3_old.pdf')\n",
        "archive/prep.py": "import numpy as np\nnp.save('data/x.npy', 1)\n",
        "fig_a.py": (
            "import numpy as np\nimport matplotlib.pyplot as plt\n"
            "np.load('data/x.npy')\nplt.savefig('a.pdf')\n"
        ),
        "plot_old_data.py": "import matplotlib.pyplot as plt\nplt.savefig('b.pdf')\n",
    }
    root = write_tree(tmp_path / "study", files)
    result = _traced(root)
    assert [s.path for s in result.flow.steps] == [
        "plot_old_data.py", "archive/prep.py", "fig_a.py", "older/fig3_Jan26.py"
    ]
    text = (root / "REPRODUCE.md").read_text()
    said = "whose name says it keeps old versions: no other step needs what it writes"
    assert text.count(said) == 1
    assert f"   - in `older/`, {said}, so run it only for those older results." in text
