"""A real package index (pypiserver) on 127.0.0.1 with a password file, for the whole session."""

from __future__ import annotations

import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

USER = "alice"

PUB_PYPROJECT = """\
[build-system]
requires = ["hatchling"]
build-backend = "hatchling.build"

[project]
name = "sciship-pubdemo"
version = "0.1.0"
description = "A package sciship's tests upload to a local index."
readme = "README.md"
license = "MIT"
requires-python = ">=3.10"
dependencies = []

[tool.hatch.build.targets.wheel]
packages = ["src/pubdemo"]
"""


@dataclass(frozen=True)
class Index:
    url: str  #: upload URL (the server root)
    simple: str
    port: int
    user: str
    password: str


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="session")
def index(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Index]:
    with warnings.catch_warnings():  # passlib imports the deprecated `crypt` module
        warnings.simplefilter("ignore", DeprecationWarning)
        from passlib.apache import HtpasswdFile

    base = tmp_path_factory.mktemp("index")
    packages = base / "packages"
    packages.mkdir()
    password = "pypi-" + secrets.token_urlsafe(24)
    ht = HtpasswdFile(str(base / "htpasswd"), new=True)
    ht.set_password(USER, password)
    ht.save()
    port = _free_port()
    log = (base / "server.log").open("w")
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "pypiserver",
            "run",
            "-p",
            str(port),
            "-P",
            str(base / "htpasswd"),
            "-a",
            "update,download,list",
            "--host",
            "127.0.0.1",
            str(packages),
        ],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(url, timeout=1).close()
                break
            except urllib.error.HTTPError:
                break  # it answers (401/403 are answers)
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"pypiserver did not start: {(base / 'server.log').read_text()}")
                time.sleep(0.1)
        yield Index(url, url + "simple/", port, USER, password)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small package built once (no smoke test), ready to publish."""
    from sciship import release

    root = tmp_path_factory.mktemp("pub") / "pubdemo"
    files = {
        "pyproject.toml": PUB_PYPROJECT,
        "README.md": "# pubdemo\n\nUploaded by tests.\n",
        "LICENSE": "MIT License\n",
        "src/pubdemo/__init__.py": '"""pubdemo."""\n\nANSWER = 42\n',
    }
    for rel, text in files.items():
        p = root / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text, encoding="utf-8")
    old = time.time() - 3600  # sources older than the build
    for p in root.rglob("*"):
        if p.is_file():
            os.utime(p, (old, old))
    result = release.build(root, smoke=False)
    assert result.ok, [(s.name, s.message, s.details) for s in result.steps if s.status != "ok"]
    return root
