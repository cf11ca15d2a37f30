"""``sciship deps --online`` against a real package index (pypiserver) on 127.0.0.1, started here."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

PROJECT = {
    "requirements.txt": "numpy\n",
    "analysis.py": "import numpy\nimport labtools\nimport qwzx_nowhere\n",
}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def json_index(tmp_path: Path) -> Iterator[str]:
    """pypiserver serving one project, ``labtools``; its JSON API is ``{url}{name}/json``."""
    packages = tmp_path / "packages"
    packages.mkdir()
    (packages / "labtools-1.0.tar.gz").write_bytes(b"not really an archive; the index lists it by name")
    port = _free_port()
    log = (tmp_path / "server.log").open("w")
    proc = subprocess.Popen(
        [sys.executable, "-m", "pypiserver", "run", "-p", str(port), "-a", ".", "-P", ".",
         "--host", "127.0.0.1", str(packages)],
        stdout=log,
        stderr=subprocess.STDOUT,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(url, timeout=1).close()
                break
            except urllib.error.HTTPError:
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"pypiserver did not start: {(tmp_path / 'server.log').read_text()}")
                time.sleep(0.1)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()


def deps(root: Path, cache: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_COLOR": "1", "XDG_CACHE_HOME": str(cache)}
    env.pop("SCISHIP_INDEX_URL", None)
    return subprocess.run(
        [sys.executable, "-m", "sciship", "deps", str(root), *args],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def test_online_lookup_says_what_exists_and_what_does_not(
    tmp_path: Path, json_index: str, isolated_cache: Path
) -> None:
    root = tmp_path / "proj"
    for rel, text in PROJECT.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")

    offline = json.loads(deps(root, isolated_cache, "--format", "json").stdout)
    assert {d["imports"][0]: d["status"] for d in offline["dependencies"]} == {
        "numpy": "ok",
        "labtools": "unresolved",
        "qwzx_nowhere": "unresolved",
    }
    assert not (isolated_cache / "sciship" / "index-names.json").exists()  # never online by default

    proc = deps(root, isolated_cache, "--format", "json", "--online", "--index-url", json_index)
    assert proc.returncode == 0, proc.stderr
    online = {d["imports"][0]: d for d in json.loads(proc.stdout)["dependencies"]}
    assert online["labtools"]["status"] == "unverified"
    assert online["labtools"]["distribution"] == "labtools"
    assert online["qwzx_nowhere"]["status"] == "unresolved"
    assert online["qwzx_nowhere"]["distribution"] is None
    assert "no package named `qwzx-nowhere` exists" in online["qwzx_nowhere"]["note"]
    cached = json.loads((isolated_cache / "sciship" / "index-names.json").read_text(encoding="utf-8"))
    assert set(cached[json_index.rstrip("/")]) == {"labtools", "qwzx-nowhere"}
    assert not list(root.rglob("*.json"))  # nothing written into the project

    table = deps(root, isolated_cache, "--online", "--index-url", json_index)
    assert "no package named `qwzx-nowhere` exists on the package index" in table.stdout
    assert "Traceback" not in table.stderr


def test_online_answers_come_from_the_cache_when_the_index_is_gone(
    tmp_path: Path, isolated_cache: Path
) -> None:
    from sciship.imports.online import Index

    port = _free_port()  # nothing listens here
    index = Index(f"http://127.0.0.1:{port}", timeout=2, cache=tmp_path / "names.json")
    assert index.exists(["labtools"]) == {"labtools": None}  # no answer is not "does not exist"
    (tmp_path / "names.json").write_text(
        json.dumps({f"http://127.0.0.1:{port}": {"labtools": [True, time.time()]}}), encoding="utf-8"
    )
    assert index.exists(["labtools"]) == {"labtools": True}
