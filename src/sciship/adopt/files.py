"""The new files an adopted project gets: pyproject.toml, README section, tests, community, CI, docs."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from sciship.adopt.plan import BIG_FILE, Adoption

if TYPE_CHECKING:
    from sciship.new.scaffold import Meta
    from sciship.plan import Plan
    from sciship.project import Project


def license_in_folder(project: Project) -> str | None:
    """The SPDX id of the folder's own LICENSE file, when its text is exactly one known license.

    The author already chose that license for this code, so adopt declares it; any other case (no
    file, an unknown or combined text) stays the author's decision.
    """
    from sciship.metadata.licenses import identify

    path = project.find_ci("LICENSE") or project.find_ci("COPYING")
    text = project.read_text(path) if path else None
    found = identify(text) if text else []
    return found[0] if len(found) == 1 else None


def meta_for(adoption: Adoption, project: Project, author: str | None, email: str | None) -> Meta:
    """The scaffold's :class:`Meta` for an adopted package: its names, a description naming the original
    folder, the author (git's, or a placeholder) and the supported Pythons."""
    from sciship.new.scaffold import Meta

    low = adoption.requires_python.removeprefix(">=")
    minor = int(low.split(".")[1]) if "." in low else 10
    return Meta(
        name=adoption.name,
        import_name=adoption.package,
        description=f"Research code from `{project.root.name}`, packaged so others can install and rerun it.",
        author=author or f"The {adoption.name} authors",
        email=email or "",
        license=adoption.license,
        github=None,
        python_min=low,
        python_max="3.13" if minor <= 13 else low,
    )


def add_project_files(adoption: Adoption, project: Project, meta: Meta) -> None:
    """Add pyproject.toml, __init__.py, README, generated tests and the standard files to the plan."""
    from sciship.new import scaffold

    plan = adoption.plan
    existing = set(project.files) | {a.path for a in plan.actions}
    plan.create(
        "pyproject.toml",
        _pyproject(adoption, project, meta),
        "describes the package: name, dependencies, commands",
    )
    init = f"src/{adoption.package}/__init__.py"
    if init not in existing:
        plan.create(
            init, f'"""{meta.description}"""\n', f"makes `src/{adoption.package}` an importable package"
        )
    if f"src/{adoption.package}/py.typed" not in existing:
        plan.create(f"src/{adoption.package}/py.typed", "", "tells type checkers the package has type hints")
    readme = _readme_path(project)
    section = readme_section(adoption)
    if readme is None:
        plan.create(
            "README.md",
            scaffold.render("README.md", meta).rstrip() + "\n\n" + section,
            "explains the project",
        )
    elif readme.lower().endswith(".md"):
        new = _with_badge(project.read_text(readme) or "", meta).rstrip() + "\n\n" + section
        _extend(plan, readme, new, "your README, plus how to install and run the package")
    if project.has(".gitignore"):
        _extend_gitignore(project, plan)
    plan.create(
        "tests/test_adopted.py",
        tests_file(adoption),
        "proves every module imports without running the analysis and every command answers --help",
    )
    generated = {**scaffold.community_files(meta), **scaffold.ci_files(meta), **scaffold.docs_files(meta)}
    generated["docs/api.md"] = _api_page(adoption)
    for path, text in generated.items():
        if path in existing or (path == "LICENSE" and project.find_ci("LICENSE")):
            continue
        extra = "\n# Output of the analysis\n*.png\n" if path == ".gitignore" else ""
        plan.create(path, text + extra, "standard project file")


def _extend(plan: Plan, path: str, new: str, reason: str) -> None:
    """Write ``new`` for a file of the user's: instead of its plain copy (--output), or as an edit."""
    copied = [a for a in plan.actions if a.path == path and a.kind == "copy"]
    if copied:
        plan.actions.remove(copied[0])
        plan.create(path, new, reason)
    else:
        plan.edit(path, lambda _text: new, reason)


def _extend_gitignore(project: Project, plan: Plan) -> None:
    from sciship.checks.hygiene import missing_ignores

    text = project.read_text(".gitignore") or ""
    missing = missing_ignores(text)
    if missing:
        sep = "" if not text or text.endswith("\n") else "\n"
        new = text + sep + "\n# Python build output\n" + "\n".join(missing) + "\n"
        _extend(plan, ".gitignore", new, "your .gitignore, plus the package's build output")


def _with_badge(text: str, meta: Meta) -> str:
    """The README with a Python-versions badge at the top (a badge that needs no URL of its own)."""
    lines = text.splitlines()
    if "![" in "\n".join(lines[:8]) or "<img" in "\n".join(lines[:8]):
        return text
    versions = "%20|%20".join(meta.pythons)
    badge = f"[![Python](https://img.shields.io/badge/python-{versions}-blue)]"
    badge += "(https://www.python.org/downloads/)"
    if lines and lines[0].startswith("# "):
        return "\n".join([lines[0], "", badge, *lines[1:]]) + "\n"
    return "\n".join([badge, "", *lines]) + "\n"


def _readme_path(project: Project) -> str | None:
    return project.find_ci("README")


def _pyproject(adoption: Adoption, project: Project, meta: Meta) -> str:
    import tomlkit

    from sciship.new import scaffold

    text = scaffold.render("pyproject.toml", meta)
    if adoption.commands:
        table = "[project.scripts]\n" + "".join(
            f"{cmd} = {json.dumps(entry)}\n" for cmd, entry in sorted(adoption.commands.items())
        )
        at = text.find("\n# Tools only developers need")
        at = text.find("\n[dependency-groups]") if at < 0 else at
        text = text[: at + 1] + table + "\n" + text[at + 1 :] if at >= 0 else text + "\n" + table
    doc = tomlkit.parse(text)
    proj = doc["project"]
    readme = _readme_path(project)
    if readme is not None:
        proj["readme"] = readme
    proj["requires-python"] = adoption.requires_python
    deps = tomlkit.array()
    for d in adoption.runtime:
        deps.append(d)
    deps.multiline(True)
    proj["dependencies"] = deps
    groups = doc["dependency-groups"]
    if adoption.notebook_deps:
        nb = tomlkit.array()
        for d in ["jupyterlab", *adoption.notebook_deps]:
            nb.append(d)
        groups["notebooks"] = nb
    tool = doc["tool"]
    # research code was not written to pass docstring rules: check what catches real bugs
    tool["ruff"]["lint"] = tomlkit.parse('select = ["E4", "E7", "E9", "F"]\n')
    # third-party libraries warn often; warnings in adopted code should not fail its tests
    del tool["pytest"]["ini_options"]["filterwarnings"]
    big = sorted(
        p.target
        for p in adoption.placed
        if p.role in {"kept", "notebook"} and _size(project, p.source) > BIG_FILE
    )
    hatch = tomlkit.parse(f'[wheel]\npackages = ["src/{adoption.package}"]\n')
    if big:
        hatch.add("sdist", {"exclude": big})
    tool["hatch"] = {"build": {"targets": hatch}}
    return tomlkit.dumps(doc)


def _size(project: Project, path: str) -> int:
    try:
        return (project.root / path).stat().st_size
    except OSError:
        return 0


def readme_section(adoption: Adoption) -> str:
    """The Markdown adopt adds to the README: how to install and run the package, how to cite it, and a
    license reminder when none was chosen."""
    lines = [
        "## Install and run",
        "",
        "From this folder:",
        "",
        "```bash",
        "python -m pip install -e .",
        "```",
        "",
    ]
    if adoption.commands:
        lines += [
            (
                "Each analysis script is now a command (run them from this folder, so that paths such as "
                "`data/...` still point at the data):"
            ),
            "",
        ]
        lines += [
            f"- `{cmd}` runs `{entry.split(':')[0]}`" for cmd, entry in sorted(adoption.commands.items())
        ]
        lines += [
            "",
            "For example:",
            "",
            "```bash",
            f"{min(adoption.commands)} --help",
            min(adoption.commands),
            "```",
            "",
        ]
    helpers = [m for m in adoption.modules if m not in {e.split(":")[0] for e in adoption.commands.values()}]
    if helpers:
        lines += [
            "Functions can be reused from Python too:",
            "",
            "```python",
            f"from {adoption.package} import {helpers[0].rsplit('.', 1)[-1]}",
            "```",
            "",
        ]
    lines += [
        (
            "Data files stay where they were, relative to this folder; they are not part of the installed "
            "package, so the commands expect to be run from here."
        ),
        "",
    ]
    if adoption.notebook_deps:
        lines += [
            (
                "The notebooks in `notebooks/` need a few more packages: "
                "`python -m pip install -e . --group notebooks`."
            ),
            "",
        ]
    lines += [
        "## Citation",
        "",
        (
            "If you use this code, please cite it as described in `CITATION.cff` "
            '(GitHub shows it as "Cite this repository").'
        ),
        "",
    ]
    if adoption.license is None:
        lines += [
            "## License",
            "",
            (
                "No license has been chosen yet, so nobody may legally reuse this code. "
                "Pick one (see https://choosealicense.com) and add a `LICENSE` file."
            ),
            "",
        ]
    return "\n".join(lines)


def tests_file(adoption: Adoption) -> str:
    """The text of ``tests/test_adopted.py``: every module imports without printing or writing files, and
    every command answers ``--help``."""
    modules = (
        json.dumps(sorted(adoption.modules), indent=4).replace("\n]", ",\n]") if adoption.modules else "[]"
    )
    commands = json.dumps(dict(sorted(adoption.commands.items())), indent=4)
    if adoption.commands:
        commands = commands.replace("\n}", ",\n}")
    return f'''"""Every module imports without running its analysis; every command answers --help."""

import importlib
import subprocess
import sys

import pytest

MODULES = {modules}

# command -> "module:function", as in pyproject.toml [project.scripts]
COMMANDS = {commands}


@pytest.mark.parametrize("name", MODULES)
def test_module_imports_without_running(name, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)  # no data here: an import that reads data would fail
    importlib.import_module(name)
    assert capsys.readouterr().out == ""
    assert not list(tmp_path.iterdir()), "importing the module wrote files"


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_command_answers_help(command, tmp_path):
    module, function = COMMANDS[command].split(":")
    code = (
        f"import sys; sys.argv[0] = {{command!r}}; "
        f"from {{module}} import {{function}}; sys.exit({{function}}())"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, "--help"], cwd=tmp_path, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr
    assert "usage" in result.stdout.lower()
'''


def _api_page(adoption: Adoption) -> str:
    parts = [
        "# API reference",
        "",
        "Everything below is generated from the docstrings in the source code.",
        "",
    ]
    for mod in sorted(adoption.modules):
        parts += [f"## `{mod}`", "", "```{eval-rst}", f".. automodule:: {mod}", "   :members:", "```", ""]
    return "\n".join(parts)
