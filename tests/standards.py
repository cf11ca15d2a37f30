"""Validate written files against their standards with the standards' own tools (test helpers).

- CITATION.cff: ``jsonschema`` against the CFF 1.2.0 schema sciship ships.
- codemeta.json: expanded as JSON-LD by ``pyld``; the CodeMeta 3.0 context comes from the file sciship
  ships (a document loader that serves that file and refuses every other URL: nothing is fetched).
- ro-crate-metadata.json: ``roc-validator`` at the "required" level, run in its own virtual environment
  (see :func:`roc_python`). The validator fetches the RO-Crate
  JSON-LD context over HTTP, and tests have no network, so we serve it the context the ``rocrate``
  package ships: a real HTTP server on 127.0.0.1 answers with that file, and the response is stored in
  the validator's own HTTP cache (requests-cache, SQLite) under the context's URL; the validator then runs
  offline, reading the context from its cache. (``rocrate`` ships the 1.3 context, a superset of 1.1: the
  validator checks that it can retrieve the context and that every term the crate uses is defined.)
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import yaml


def cff_errors(text: str) -> list[str]:
    """Every way ``text`` breaks the CFF 1.2.0 schema, as jsonschema words it (empty when valid)."""
    import jsonschema

    from sciship.metadata import cff_schema

    data = yaml.safe_load(text)
    data = _iso_dates(data)
    schema = cff_schema.schema()
    validator_cls = jsonschema.validators.validator_for(schema)
    validator = validator_cls(schema, format_checker=validator_cls.FORMAT_CHECKER)
    return [f"{e.json_path}: {e.message}" for e in validator.iter_errors(data)]


def _iso_dates(value: Any) -> Any:
    """YAML reads an unquoted 2024-05-31 as a date; the schema expects the text."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _iso_dates(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_iso_dates(v) for v in value]
    return value


def expand_codemeta(document: dict[str, Any]) -> list[Any]:
    """``document`` expanded by pyld, the CodeMeta 3.0 context served from sciship's own copy."""
    from pyld import jsonld

    from sciship.metadata.writers import codemeta

    def loader(url: str, options: object = None) -> dict[str, Any]:
        if url.rstrip("/") != codemeta.CONTEXT:
            raise AssertionError(f"the test would fetch {url}")
        return {"contextUrl": None, "documentUrl": url, "document": codemeta.context_document()}

    expanded: list[Any] = jsonld.expand(document, {"documentLoader": loader})
    return expanded


ROC_REQUIREMENTS = ("roc-validator>=0.13", "rocrate>=0.14")
_VALIDATE = Path(__file__).with_name("roc_validate.py")


def roc_python(base: Path) -> Path:
    """A Python with roc-validator, in its own virtual environment under ``base`` (made once, shared by
    pytest-xdist workers through a lock file).

    roc-validator pins ``rich<14`` while twine 7 (which sciship needs to upload Metadata 2.5) requires
    ``rich>=14``, so the two cannot share sciship's environment; the validator runs as a program instead.
    """
    import fcntl
    import os
    import subprocess
    import sys

    venv = base / "roc-venv"
    python = venv / "bin" / "python"
    with (base / "roc-venv.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (venv / "ready").exists():
            uv = Path(sys.executable).with_name("uv")
            if uv.exists():
                subprocess.run([str(uv), "venv", "-q", "--python", sys.executable, str(venv)], check=True)
                install = [str(uv), "pip", "install", "-q", "--python", str(python)]
            else:
                subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
                install = [str(python), "-m", "pip", "install", "-q"]
            env = {**os.environ, "PIP_CONSTRAINT": ""}
            subprocess.run([*install, *ROC_REQUIREMENTS], check=True, env=env)
            (venv / "ready").write_text("ok\n")
    return python


def rocrate_context_cache(folder: Path, python: Path) -> Path:
    """An HTTP cache (requests-cache SQLite) holding the RO-Crate contexts, served once from 127.0.0.1
    (by ``tests/roc_validate.py``, in the validator's environment)."""
    import subprocess

    cache = folder / "roc-http-cache"
    subprocess.run([str(python), str(_VALIDATE), "cache", str(cache)], check=True)
    return cache


def crate_issues(crate_folder: Path, roc: tuple[Path, Path], profile: str = "process-run-crate") -> list[str]:
    """What roc-validator reports at the "required" level for the crate in ``crate_folder`` (offline)."""
    import json
    import subprocess

    python, cache = roc
    proc = subprocess.run(
        [str(python), str(_VALIDATE), "validate", str(cache), str(crate_folder), profile],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    issues: list[str] = json.loads(proc.stdout)
    return issues
