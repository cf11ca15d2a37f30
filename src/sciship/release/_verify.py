"""Look inside the built files: metadata, README rendering, and what the wheel and sdist hold."""

from __future__ import annotations

import email.parser
import email.policy
import io
import tarfile
import zipfile
from email.message import Message
from pathlib import Path, PurePosixPath

from sciship.project import Project
from sciship.release._model import fail, skip

#: Path parts that never belong in a wheel.
JUNK_PARTS = frozenset(
    {
        "__pycache__",
        ".git",
        ".hg",
        ".svn",
        ".ipynb_checkpoints",
        ".DS_Store",
        ".pytest_cache",
        ".mypy_cache",
        ".ruff_cache",
        ".tox",
        ".nox",
    }
)
TEST_TOPS = frozenset({"tests", "test", "testing"})


def wheel_names(wheel: Path) -> list[str]:
    with zipfile.ZipFile(wheel) as zf:
        return [n for n in zf.namelist() if not n.endswith("/")]


def wheel_text(wheel: Path, suffix: str) -> str | None:
    """The text of ``*.dist-info/<suffix>`` inside a wheel, or None."""
    with zipfile.ZipFile(wheel) as zf:
        for name in zf.namelist():
            parts = name.split("/")
            if len(parts) == 2 and parts[0].endswith(".dist-info") and parts[1] == suffix:
                return zf.read(name).decode("utf-8", errors="replace")
    return None


def parse_metadata(raw: str) -> Message:
    return email.parser.Parser(policy=email.policy.compat32).parsestr(raw)


def check_metadata(wheel: Path) -> str:
    from packaging.metadata import Metadata

    raw = wheel_text(wheel, "METADATA")
    if raw is None:
        raise fail(
            "The wheel has no METADATA file, so no installer can read its name, version or "
            "dependencies. This is a bug in the build backend; try upgrading it."
        )
    try:
        meta = Metadata.from_email(raw, validate=True)
    except Exception as exc:
        problems = [str(e) for e in getattr(exc, "exceptions", [exc])]
        raise fail(
            "The package metadata (name, version, dependencies, ...) is not valid, so PyPI will refuse the "
            "upload. Fix these fields in the [project] table of pyproject.toml:",
            [f"- {p}" for p in problems],
        ) from None
    return f"{meta.name} {meta.version}, metadata {meta.metadata_version}."


def check_readme(wheel: Path, project: Project) -> str:
    """Render the long description the way PyPI does (readme_renderer, as ``twine check`` does)."""
    raw = wheel_text(wheel, "METADATA")
    if raw is None:
        raise skip("No metadata to read the README from.")
    msg = parse_metadata(raw)
    body = msg.get_payload()
    text = body if isinstance(body, str) and body.strip() else (msg.get("Description") or "")
    readme_file = project.find_ci("README") or "README"
    if not text.strip():
        raise fail(
            "The package has no README in its metadata, so its PyPI page will be empty. Add "
            '`readme = "README.md"` to the [project] table of pyproject.toml.'
        )
    ctype = (msg.get("Description-Content-Type") or "").split(";")[0].strip().lower()
    if ctype in ("", "text/x-rst"):
        import readme_renderer.rst

        warnings = io.StringIO()
        html = readme_renderer.rst.render(text, stream=warnings)
        if html is None:
            lines = [
                ln.replace("<string>", readme_file) for ln in warnings.getvalue().splitlines() if ln.strip()
            ]
            raise fail(
                f"PyPI cannot render `{readme_file}` as reStructuredText, so your project page would show "
                "an error instead of your README. Fix the lines named below (reStructuredText is strict "
                "about underline lengths, blank lines and indentation), or switch to Markdown: rename it "
                'to README.md and set `readme = "README.md"`.',
                lines[:20],
            )
        if not ctype:
            return (
                "Renders, but the content type is not declared, so PyPI assumes reStructuredText; "
                'use `readme = "README.md"` (or .rst) so the type is set.'
            )
        return f"{readme_file} renders as reStructuredText."
    if ctype == "text/markdown":
        import readme_renderer.markdown

        variant = None
        for part in (msg.get("Description-Content-Type") or "").split(";")[1:]:
            key, _, value = part.strip().partition("=")
            if key.lower() == "variant":
                variant = value.strip()
        if readme_renderer.markdown.render(text, variant=variant or "GFM") is None:
            raise fail(f"PyPI cannot render `{readme_file}` as Markdown ({variant}).")
        return f"{readme_file} renders as Markdown."
    if ctype == "text/plain":
        return f"{readme_file} is plain text; PyPI shows it as is."
    raise fail(f"PyPI does not know the README content type `{ctype}`. Use a README.md or README.rst file.")


def expected_wheel_files(project: Project) -> dict[str, str]:
    """Wheel path -> source path for every ``.py`` file of the project's import packages."""
    out: dict[str, str] = {}
    for rel in project.package_files():
        parts = PurePosixPath(rel).parts
        if any(p in JUNK_PARTS or p.startswith(".") for p in parts):
            continue
        wheel_path = "/".join(parts[1:]) if parts[0] == "src" else rel
        out[wheel_path] = rel
    return out


def check_wheel_contents(wheel: Path, project: Project) -> str:
    names = wheel_names(wheel)
    have = set(names)
    expected = expected_wheel_files(project)
    missing = sorted(w for w in expected if w not in have)
    junk = sorted(n for n in names if _is_junk(n))
    if not expected:
        raise skip("sciship found no import package in the project folder to compare the wheel with.")
    problems: list[str] = []
    if missing:
        problems.append("Missing from the wheel (users will get ModuleNotFoundError):")
        problems.extend(_describe_missing(missing, expected, have))
    if junk:
        problems.append("In the wheel but should not be (it gets installed into every user's environment):")
        problems.extend(f"  {n}" for n in junk[:20])
        if len(junk) > 20:
            problems.append(f"  ... and {len(junk) - 20} more")
    if problems:
        advice = []
        if missing:
            advice.append(
                "A subpackage or module of your source is not in the wheel. This usually means the build "
                "configuration lists packages by hand (`packages = [...]` in [tool.setuptools], or "
                "`only-include` / `include` in [tool.hatch.build]) and the new folder was never added. "
                "Let the backend find "
                "packages itself (remove the list, or use `[tool.setuptools.packages.find]`), and check that "
                "every folder has an `__init__.py`."
            )
        if junk:
            advice.append(
                "Files that do not belong are in the wheel: tests, caches or version-control files. Exclude "
                'them in the build configuration (e.g. `exclude = ["tests"]`), and make sure only your '
                "package folder is packaged."
            )
        raise fail(" ".join(advice), problems)
    n_mods = sum(1 for w in expected if w.endswith(".py"))
    return f"All {n_mods} module(s) of the source are in the wheel; nothing that does not belong."


def _describe_missing(missing: list[str], expected: dict[str, str], have: set[str]) -> list[str]:
    """Group missing files by the subpackage they belong to."""
    lines: list[str] = []
    done: set[str] = set()
    for w in missing:
        if w in done:
            continue
        parts = PurePosixPath(w).parts
        # the highest missing package folder containing this file
        group = None
        for i in range(1, len(parts)):
            init = "/".join(parts[:i]) + "/__init__.py"
            if init in expected and init not in have:
                group = "/".join(parts[:i])
                break
        if group is not None:
            members = [m for m in missing if m.startswith(group + "/")]
            done.update(members)
            lines.append(
                f"  subpackage `{group.replace('/', '.')}` ({len(members)} file(s), source "
                f"`{PurePosixPath(expected[group + '/__init__.py']).parent}/`)"
            )
        else:
            done.add(w)
            mod = w[:-3].replace("/", ".") if w.endswith(".py") else w
            lines.append(f"  module `{mod}` (source `{expected[w]}`)")
    return lines


def _is_junk(name: str) -> bool:
    parts = PurePosixPath(name).parts
    if parts and parts[0].endswith((".dist-info", ".data")):
        return False
    if any(p in JUNK_PARTS for p in parts) or name.endswith((".pyc", ".pyo")):
        return True
    return len(parts) > 1 and parts[0] in TEST_TOPS


def check_sdist_contents(sdist: Path, project: Project) -> str:
    with tarfile.open(sdist) as tar:
        names = [m.name for m in tar.getmembers() if m.isfile()]
    inner = {n.split("/", 1)[1] for n in names if "/" in n}
    missing: list[str] = []
    wanted: list[tuple[str, str]] = []
    license_file = next(
        (
            f
            for f in (project.find_ci("LICENSE"), project.find_ci("LICENCE"), project.find_ci("COPYING"))
            if f
        ),
        None,
    )
    readme = project.find_ci("README")
    if license_file:
        wanted.append((license_file, "the license: without it nobody may legally reuse the code"))
    if readme:
        wanted.append((readme, "the README"))
    for rel, why in wanted:
        if rel not in inner:
            missing.append(f"  `{rel}` - {why}")
    tests = [t for t in project.test_files if not _inside_package(t, project)]
    if tests and not any(t in inner for t in tests):
        folder = PurePosixPath(tests[0]).parts[0] if "/" in tests[0] else tests[0]
        missing.append(
            f"  `{folder}` - the tests: packagers (conda-forge, Linux distributions) run them "
            "from the sdist to check their build"
        )
    if missing:
        raise fail(
            "The source distribution (sdist) leaves out files people rely on. Include them in the sdist "
            "configuration (`[tool.hatch.build.targets.sdist] include`, or MANIFEST.in for setuptools).",
            missing,
        )
    return f"{len(inner)} file(s), including license, README and tests where the project has them."


def _inside_package(rel: str, project: Project) -> bool:
    return any(rel.startswith(p.path + "/") for p in project.packages)
