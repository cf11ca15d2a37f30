"""The smoke test: a fresh environment, the wheel installed with its dependencies, everything imported."""

from __future__ import annotations

import configparser
import json
import tempfile
from pathlib import Path, PurePosixPath

from sciship.release._env import Venv, create_venv, run
from sciship.release._model import Recorder, fail, skip, tail
from sciship.release._verify import wheel_names, wheel_text

#: Run inside the fresh environment. Imports each module, collects every failure, writes JSON to argv[2].
IMPORT_SCRIPT = r"""
import importlib, json, sys, traceback
mods = json.loads(sys.argv[1])
failures = []
for name in mods:
    try:
        importlib.import_module(name)
    except BaseException as exc:
        frames = traceback.extract_tb(exc.__traceback__)
        where = None
        for fr in reversed(frames):
            fn = fr.filename.replace("\\", "/")
            if "/site-packages/" in fn:
                where = [fn.split("/site-packages/", 1)[1], fr.lineno, (fr.line or "").strip()]
                break
        failures.append({
            "module": name,
            "type": type(exc).__name__,
            "message": str(exc),
            "missing": getattr(exc, "name", None) if isinstance(exc, ImportError) else None,
            "where": where,
            "traceback": "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))[-3000:],
        })
with open(sys.argv[2], "w", encoding="utf-8") as fh:
    json.dump(failures, fh)
"""


def smoke(wheel: Path, rec: Recorder, *, uv: str | None, source_of: dict[str, str]) -> None:
    with tempfile.TemporaryDirectory(prefix="sciship-smoke-") as tmp:
        work = Path(tmp)
        venv: Venv | None = None
        with rec.step("venv", "Create a fresh virtual environment") as note:
            venv = create_venv(work / "venv", uv=uv)
            note.append("with uv." if uv else "with venv and pip.")
        if rec.failed("venv"):
            return
        with rec.step("install", "Install the wheel and its declared dependencies") as note:
            note.append(_install(venv, wheel))
        if rec.failed("install"):
            rec.skipped("import", "Import every module", "Skipped: the wheel did not install.")
            rec.skipped("scripts", "Run every command with --help", "Skipped: the wheel did not install.")
            return
        names = wheel_names(wheel)
        with rec.step("import", "Import every module") as note:
            note.append(_import_all(venv, names, work, source_of))
        with rec.step("scripts", "Run every command with --help") as note:
            note.append(_scripts(venv, wheel, work))


def _install(venv: Venv, wheel: Path) -> str:
    proc = venv.install(str(wheel))
    if proc.returncode != 0:
        raise fail(
            "The wheel did not install into a fresh environment. Usually a dependency in "
            "[project.dependencies] is misspelled, does not exist on PyPI, or its version limits cannot be "
            "met together; the installer's messages below name it.",
            tail(proc.stdout),
        )
    requires = _requires(wheel)
    return f"{len(requires)} declared dependenc{'y' if len(requires) == 1 else 'ies'}."


def _requires(wheel: Path) -> list[str]:
    from sciship.release._verify import parse_metadata

    raw = wheel_text(wheel, "METADATA") or ""
    return parse_metadata(raw).get_all("Requires-Dist") or []


def modules_in(names: list[str]) -> list[str]:
    """Importable module names in a wheel, skipping tests and ``__main__`` (importing it runs the program)."""
    mods: list[str] = []
    for n in names:
        p = PurePosixPath(n)
        if p.suffix != ".py" or p.parts[0].endswith((".dist-info", ".data")):
            continue
        parts = list(p.with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        if not parts or not all(x.isidentifier() for x in parts):
            continue
        if parts[-1] in {"__main__", "conftest"} or any(
            x in {"tests", "test"} or x.startswith("test_") for x in parts
        ):
            continue
        mods.append(".".join(parts))
    return sorted(set(mods), key=lambda m: (m.count("."), m))


def _import_all(venv: Venv, names: list[str], work: Path, source_of: dict[str, str]) -> str:
    mods = modules_in(names)
    if not mods:
        raise skip("The wheel holds no Python modules to import.")
    ours = {m.split(".")[0] for m in mods}
    out_file = work / "imports.json"
    proc = run(
        [str(venv.python), "-I", "-c", IMPORT_SCRIPT, json.dumps(mods), str(out_file)], cwd=work, timeout=300
    )
    try:
        failures = json.loads(out_file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        raise fail(
            "Importing the package crashed Python itself; its output is below.", tail(proc.stdout)
        ) from None
    if not failures:
        return f"{len(mods)} module(s) imported."
    undeclared: set[str] = set()
    missing_ours: set[str] = set()
    lines = [_explain(f, ours, source_of, undeclared, missing_ours) for f in failures]
    advice = [missing_advice(name, mods, list(source_of.values())) for name in sorted(undeclared)]
    if missing_ours:
        advice.append("some of your own modules are not in the wheel: see the wheel contents step.")
    if not advice:
        advice.append("fix the errors below; each names the module and the line that failed.")
    head = (
        f"{len(failures)} of {len(mods)} module(s) failed to import in a fresh environment, so users "
        "would see the same errors. " + " ".join(a[0].upper() + a[1:] for a in advice)
    )
    return_lines = [ln for ln in lines if ln]
    raise fail(head, return_lines)


def _explain(
    f: dict[str, object],
    ours: set[str],
    source_of: dict[str, str],
    undeclared: set[str],
    missing_ours: set[str],
) -> str:
    module = f["module"]
    where = f.get("where")
    at = ""
    if isinstance(where, list) and len(where) == 3:
        src = source_of.get(str(where[0]), str(where[0]))
        at = f" at `{src}:{where[1]}` (`{where[2]}`)"
    missing = f.get("missing")
    if f.get("type") == "ModuleNotFoundError" and isinstance(missing, str):
        top = missing.split(".")[0]
        if top in ours:
            missing_ours.add(missing)
            return f"  `{module}`: needs `{missing}`{at}, which is part of your package but not in the wheel"
        undeclared.add(top)
        return (
            f"  `{module}`: imports `{missing}`{at}, which is not installed: it is not a declared dependency"
        )
    return f"  `{module}`: {f.get('type')}: {f.get('message')}{at}"


def console_scripts(wheel: Path) -> list[str]:
    text = wheel_text(wheel, "entry_points.txt")
    if not text:
        return []
    cp = configparser.ConfigParser(interpolation=None, delimiters=("=",))
    cp.optionxform = str  # type: ignore[assignment,method-assign]
    try:
        cp.read_string(text)
    except configparser.Error:
        return []
    return sorted(cp["console_scripts"]) if cp.has_section("console_scripts") else []


def _scripts(venv: Venv, wheel: Path, work: Path) -> str:
    scripts = console_scripts(wheel)
    if not scripts:
        raise skip("The package declares no commands ([project.scripts]).")
    failed: list[str] = []
    for name in scripts:
        exe = venv.script(name)
        proc = run([str(exe), "--help"], cwd=work, timeout=60)
        if proc.returncode != 0:
            failed.append(f"`{name} --help` exited with code {proc.returncode}:")
            failed.extend(f"    {ln}" for ln in tail(proc.stdout, 15))
    if failed:
        raise fail(
            "A command your package declares in [project.scripts] does not run. Check that the entry "
            '(`name = "package.module:function"`) names a function that exists, and that `--help` works.',
            failed,
        )
    return f"{len(scripts)} command(s): {', '.join(scripts)}."


def missing_advice(name: str, modules: list[str], sources: list[str]) -> str:
    """What to do about an import that failed in the fresh environment.

    A name sciship knows (its environment, its import map) is a package to declare. Any other name is
    never turned into an invented distribution name: it may be one of the author's modules that is not in
    the wheel or was renamed (a close module name is offered), or a package whose name only the author
    knows.
    """
    dist = _known_distribution(name)
    if dist is not None:
        return (
            f"your code imports `{name}` but the package does not declare it: add `{dist}` to "
            "[project.dependencies] in pyproject.toml."
        )
    import difflib

    own = {m.split(".")[-1] for m in modules} | {
        s.rsplit("/", 1)[-1].removesuffix(".py") for s in sources if s.endswith(".py")
    }
    close = difflib.get_close_matches(name, sorted(own), n=2, cutoff=0.85) if len(name) >= 5 else []
    hint = f" Did you mean {' or '.join(f'`{c}`' for c in close)}?" if close else ""
    return (
        f"your code imports `{name}`, which is not installed and which sciship cannot match to a package on "
        f"PyPI. If it is one of your own modules, it is missing from the wheel or was renamed.{hint} If it "
        "is a package, add the name you `pip install` it with to [project.dependencies]."
    )


def _known_distribution(import_name: str) -> str | None:
    """The distribution that provides an import name when sciship knows it (never a guess)."""
    try:
        from sciship.imports.resolve import distribution_for

        res = distribution_for(import_name)
    except Exception:
        return None
    if res.source == "guess" or res.ambiguous:
        return None
    return res.distribution
