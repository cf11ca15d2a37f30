"""`sciship publish` against a real pypiserver: upload, install from it, refusals, and no leaked secret."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

import pytest

from sciship.project import Project
from sciship.release.publish import Credentials, Redactor, _versions_in, target_for, version_source

slow = pytest.mark.slow


def sciship(*args: str, env: Mapping[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full = {k: v for k, v in os.environ.items() if not k.startswith("TWINE_")}
    full.update({"NO_COLOR": "1", "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring", **(env or {})})
    return subprocess.run(
        [sys.executable, "-m", "sciship", *args],
        env=full,
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        check=False,
    )


def creds(index: object, password: str | None = None) -> dict[str, str]:
    return {"TWINE_USERNAME": index.user, "TWINE_PASSWORD": password or index.password}  # type: ignore[attr-defined]


def no_secret(proc: subprocess.CompletedProcess[str], *secrets: str) -> None:
    out = proc.stdout + proc.stderr
    for s in secrets:
        assert s not in out


@slow
def test_upload_then_install_from_the_index(index, built: Path, tmp_path: Path) -> None:
    proc = sciship("publish", str(built), "--repository-url", index.url, env=creds(index))
    assert proc.returncode == 0, proc.stderr
    assert "Uploaded sciship-pubdemo 0.1.0" in proc.stdout
    no_secret(proc, index.password)

    # install from that index only, with the machine's pip configuration switched off
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    py = venv / "bin" / "python"
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"PIP_FIND_LINKS", "PIP_INDEX_URL", "PIP_EXTRA_INDEX_URL", "PIP_CONSTRAINT"}
    }
    env["PIP_CONFIG_FILE"] = os.devnull
    host = f"127.0.0.1:{index.port}"
    auth_url = f"http://{index.user}:{index.password}@{host}/simple/"
    pip = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(py),
            "install",
            "--no-cache-dir",
            "--index-url",
            auth_url,
            "--no-deps",
            "--report",
            str(tmp_path / "report.json"),
            "sciship-pubdemo==0.1.0",
        ],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert pip.returncode == 0, pip.stdout + pip.stderr
    report = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    (item,) = report["install"]
    url = item["download_info"]["url"]
    assert url.startswith(f"http://{host}/packages/sciship_pubdemo-0.1.0-py3-none-any.whl")
    out = subprocess.run(
        [str(py), "-I", "-c", "import pubdemo; print(pubdemo.ANSWER, pubdemo.__file__)"],
        capture_output=True,
        text=True,
        check=True,
        cwd=tmp_path,
    ).stdout
    assert out.startswith("42 ")
    assert str(venv) in out


@slow
def test_duplicate_refused_by_the_index_check(index, built: Path) -> None:
    _ensure_uploaded(index, built)
    proc = sciship("publish", str(built), "--repository-url", index.url, env=creds(index))
    assert proc.returncode == 1
    assert "sciship-pubdemo 0.1.0 is already on" in proc.stderr
    assert "pyproject.toml:7:" in proc.stderr  # where the version is defined
    assert "Bump the version" in proc.stderr
    assert "Skipping the index check" not in proc.stderr
    no_secret(proc, index.password)


@slow
def test_duplicate_refused_by_the_upload_itself(index, built: Path) -> None:
    _ensure_uploaded(index, built)
    proc = sciship("publish", str(built), "--repository-url", index.url, "--no-index-check", env=creds(index))
    assert proc.returncode == 1
    assert "Skipping the index check" in proc.stderr
    assert "sciship-pubdemo 0.1.0 is already on" in proc.stderr
    assert "Bump the version" in proc.stderr
    no_secret(proc, index.password)


@slow
@pytest.mark.parametrize("check", [True, False], ids=["index-check", "upload"])
def test_wrong_password_refused_clearly(index, built: Path, check: bool) -> None:
    wrong = "pypi-WRONG-" + index.password[::-1]
    extra = [] if check else ["--no-index-check"]
    proc = sciship("publish", str(built), "--repository-url", index.url, *extra, env=creds(index, wrong))
    assert proc.returncode == 1
    if check:
        assert "refused your username and password" in proc.stderr
    else:
        assert "refused the upload (HTTP 403)" in proc.stderr
        assert "__token__" in proc.stderr
        assert "trusted publisher" in proc.stderr
    no_secret(proc, wrong, index.password)


def _closed_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@slow
@pytest.mark.parametrize("check", [True, False], ids=["index-check", "upload"])
def test_unreachable_index(built: Path, check: bool) -> None:
    url = f"http://127.0.0.1:{_closed_port()}/"
    extra = [] if check else ["--no-index-check"]
    env = {"TWINE_USERNAME": "__token__", "TWINE_PASSWORD": "pypi-never-shown-123"}
    proc = sciship("publish", str(built), "--repository-url", url, *extra, env=env)
    assert proc.returncode == 1
    assert "cannot reach" in proc.stderr
    assert "Connection refused" in proc.stderr
    no_secret(proc, "pypi-never-shown-123")


@slow
def test_refuses_when_dist_is_older_than_the_source(built: Path, tmp_path: Path) -> None:
    copy = tmp_path / "p"
    shutil.copytree(built, copy)
    (copy / "src/pubdemo/__init__.py").write_text("ANSWER = 43\n", encoding="utf-8")
    proc = sciship(
        "publish", str(copy), "--repository-url", "http://127.0.0.1:9/", env={"TWINE_PASSWORD": "x"}
    )
    assert proc.returncode == 1
    assert "older than your source" in proc.stderr
    assert "`src/pubdemo/__init__.py`" in proc.stderr
    assert "sciship build" in proc.stderr


@slow
def test_pypi_asks_for_confirmation_and_reminds_of_trusted_publishing(built: Path) -> None:
    proc = sciship("publish", str(built), "--repository", "pypi", env={"TWINE_PASSWORD": "pypi-abc"})
    assert proc.returncode == 1
    assert "Trusted publishing" in proc.stderr
    assert "release workflow" in proc.stderr
    assert "Add --yes" in proc.stderr
    no_secret(proc, "pypi-abc")


@slow
def test_no_token_and_nobody_to_ask(index, built: Path) -> None:
    proc = sciship("publish", str(built), "--repository-url", index.url)
    assert proc.returncode == 1
    assert "has no token" in proc.stderr
    assert "TWINE_PASSWORD" in proc.stderr


def test_refuses_when_there_is_no_dist(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\nversion = "1.0"\n', encoding="utf-8")
    proc = sciship("publish", str(tmp_path))
    assert proc.returncode == 1
    assert "no `dist/` folder" in proc.stderr
    assert "sciship build" in proc.stderr


def test_redactor_removes_every_form_of_the_secret() -> None:
    import base64

    r = Redactor(Credentials("__token__", "pypi-a/b+c=d"))
    basic = base64.b64encode(b"__token__:pypi-a/b+c=d").decode()
    text = f"pw pypi-a/b+c=d quoted pypi-a%2Fb%2Bc%3Dd basic {basic}"
    assert "pypi-a" not in r(text)
    assert basic not in r(text)
    assert Redactor(None)("unchanged") == "unchanged"


def test_target_for_known_and_custom_indexes() -> None:
    assert target_for("testpypi").simple_url == "https://test.pypi.org/simple/"
    assert target_for("pypi").upload_url == "https://upload.pypi.org/legacy/"
    assert target_for("testpypi", "http://127.0.0.1:8080").simple_url == "http://127.0.0.1:8080/simple/"
    assert target_for("testpypi", "https://x.org/repo/legacy/").simple_url == "https://x.org/repo/simple/"
    assert target_for("testpypi", "https://test.pypi.org/legacy") is target_for("testpypi")


def test_versions_from_json_and_html_simple_pages() -> None:
    js = (
        '{"meta": {"api-version": "1.0"}, "files": [{"filename": "a_b-1.0-py3-none-any.whl"}, '
        '{"filename": "a_b-1.1.tar.gz"}]}'
    )
    assert _versions_in(js, "application/vnd.pypi.simple.v1+json") == {"1.0", "1.1"}
    assert _versions_in('{"versions": ["2.0"], "files": []}', "application/vnd.pypi.simple.v1+json") == {
        "2.0"
    }
    html = '<a href="../../packages/a_b-0.3.tar.gz#sha256=00">a_b-0.3.tar.gz</a>'
    assert _versions_in(html, "text/html") == {"0.3"}


@pytest.mark.parametrize(
    ("files", "expected", "path"),
    [
        (
            {"pyproject.toml": '[project]\nname = "x"\nversion = "1.0"\n'},
            '`version = "1.0"`',
            "pyproject.toml",
        ),
        (
            {
                "pyproject.toml": '[project]\nname = "x"\ndynamic = ["version"]\n[tool.hatch.version]\n'
                'path = "src/x/__about__.py"\n',
                "src/x/__init__.py": "",
            },
            "src/x/__about__.py",
            "src/x/__about__.py",
        ),
        (
            {
                "pyproject.toml": '[project]\nname = "x"\ndynamic = ["version"]\n[tool.hatch.version]\n'
                'source = "vcs"\n'
            },
            "git tag",
            None,
        ),
        (
            {
                "pyproject.toml": '[project]\nname = "x"\ndynamic = ["version"]\n',
                "src/x/__init__.py": '__version__ = "1.0"\n',
            },
            "`__version__` in `src/x/__init__.py`",
            "src/x/__init__.py",
        ),
    ],
    ids=["static", "hatch-path", "vcs", "init"],
)
def test_version_source_says_where_to_bump(files: dict[str, str], expected: str, path: str | None) -> None:
    where = version_source(Project.from_files(files))
    assert expected in where.text
    assert where.path == path


def _ensure_uploaded(index, built: Path) -> None:
    proc = sciship("publish", str(built), "--repository-url", index.url, "--no-index-check", env=creds(index))
    assert proc.returncode == 0 or "already on" in proc.stderr, proc.stderr
