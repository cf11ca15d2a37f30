"""Upload a built package to a package index, safely.

Nothing here prints. Every text that leaves this module (messages, errors, captured tool output) has
passed through a :class:`Redactor`, so the password or token never appears in any output.
"""

from __future__ import annotations

import base64
import json
import os
import re
import subprocess
import sys
import tempfile
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from sciship._errors import CommandFailed
from sciship._regex import compile_later
from sciship.project import Project
from sciship.release._env import run

RepositoryName = Literal["testpypi", "pypi"]
TRUSTED_PUBLISHING = (
    "Trusted publishing lets GitHub Actions upload without any token: add the project as a 'trusted "
    "publisher' on PyPI (https://docs.pypi.org/trusted-publishers/) and publish by creating a release; the "
    "release workflow that `sciship new` writes (.github/workflows/release.yml) does exactly this."
)


@dataclass(frozen=True)
class Target:
    """Where to upload, and where to ask whether a version is already there."""

    label: str
    upload_url: str
    simple_url: str | None  #: the PEP 503/691 simple index root, ending with "/"
    web_url: str | None = None  #: project pages, e.g. https://test.pypi.org/project/


KNOWN: dict[str, Target] = {
    "testpypi": Target(
        "TestPyPI",
        "https://test.pypi.org/legacy/",
        "https://test.pypi.org/simple/",
        "https://test.pypi.org/project/",
    ),
    "pypi": Target(
        "PyPI", "https://upload.pypi.org/legacy/", "https://pypi.org/simple/", "https://pypi.org/project/"
    ),
}


def target_for(repository: str, url: str | None = None) -> Target:
    """The index to upload to: the known ``repository`` (testpypi or pypi), or the index at ``url``.

    For an unknown ``url`` the simple index is guessed next to it (``.../legacy/`` becomes ``.../simple/``); a
    URL that is not http(s) raises :class:`CommandFailed`.
    """
    if url is None:
        return KNOWN[repository]
    parsed = urllib.parse.urlsplit(url)
    if parsed.scheme not in ("http", "https") or not parsed.netloc:
        raise CommandFailed(
            f"`{url}` is not a web address.", hint="Give a URL such as `https://example.org/legacy/`."
        )
    for known in KNOWN.values():
        if url.rstrip("/") == known.upload_url.rstrip("/"):
            return known
    path = parsed.path if parsed.path.endswith("/") else parsed.path + "/"
    if path.endswith("/legacy/"):
        path = path[: -len("legacy/")]
    simple = urllib.parse.urlunsplit((parsed.scheme, parsed.netloc, path + "simple/", "", ""))
    return Target(parsed.netloc, url, simple)


@dataclass(frozen=True)
class Credentials:
    """The username and password for an upload (for an API token the username is ``__token__``)."""

    username: str
    password: str


class Redactor:
    """Removes a secret (and the forms it travels in) from any text."""

    def __init__(self, creds: Credentials | None) -> None:
        self.secrets: list[str] = []
        if creds and creds.password:
            pw = creds.password
            basic = base64.b64encode(f"{creds.username}:{pw}".encode()).decode()
            for form in (pw, urllib.parse.quote(pw, safe=""), urllib.parse.quote_plus(pw), basic):
                if form and form not in self.secrets:
                    self.secrets.append(form)
            self.secrets.sort(key=len, reverse=True)

    def __call__(self, text: str) -> str:
        for s in self.secrets:
            text = text.replace(s, "********")
        return text


# ---------------------------------------------------------------------------------------- what to upload
@dataclass(frozen=True)
class Release:
    """The files of the version in ``dist/`` to upload, and the other versions built there."""

    name: str  #: canonical project name
    version: str
    files: tuple[Path, ...]
    other_versions: tuple[str, ...]  #: older builds left in dist/, not uploaded


def find_release(project: Project) -> Release:
    """The newest version built in ``dist/``; refuses when it is missing or older than the source."""
    from packaging.utils import (
        InvalidSdistFilename,
        InvalidWheelFilename,
        canonicalize_name,
        parse_sdist_filename,
        parse_wheel_filename,
    )

    dist = project.root / "dist"
    build_hint = "Run `sciship build` first: it builds the files and proves they install and import."
    if not dist.is_dir():
        raise CommandFailed(
            f"There is no `dist/` folder in `{project.root}`, so there is nothing to upload.", hint=build_hint
        )
    found: dict[tuple[str, str], list[Path]] = {}
    for p in sorted(dist.iterdir()):
        try:
            if p.name.endswith(".whl"):
                name, version, *_ = parse_wheel_filename(p.name)
            elif p.name.endswith(".tar.gz"):
                name, version = parse_sdist_filename(p.name)
            else:
                continue
        except (InvalidWheelFilename, InvalidSdistFilename):
            continue
        found.setdefault((str(name), str(version)), []).append(p)
    wanted = canonicalize_name(project.name) if project.name else None
    if wanted:
        found = {k: v for k, v in found.items() if k[0] == wanted}
    if not found:
        raise CommandFailed(
            f"`{dist}` holds no sdist or wheel" + (f" of `{wanted}`." if wanted else "."), hint=build_hint
        )
    newest = max(found, key=lambda k: max(p.stat().st_mtime for p in found[k]))
    files = tuple(found[newest])
    _refuse_stale(project, files)
    others = tuple(sorted({v for (_, v) in found if v != newest[1]}))
    return Release(newest[0], newest[1], files, others)


def _refuse_stale(project: Project, files: tuple[Path, ...]) -> None:
    built = min(p.stat().st_mtime for p in files)
    sources = [*project.package_files(), "pyproject.toml"]
    if project.find_ci("README"):
        sources.append(project.find_ci("README") or "")
    changed: list[str] = []
    for rel in sources:
        try:
            if (project.root / rel).stat().st_mtime > built:
                changed.append(rel)
        except OSError:
            continue
    if changed:
        more = f" (and {len(changed) - 3} more)" if len(changed) > 3 else ""
        raise CommandFailed(
            "The files in dist/ are older than your source: "
            f"{', '.join(f'`{c}`' for c in changed[:3])}{more} "
            "changed after the last build, so the upload would not contain your latest code.",
            hint="Run `sciship build` again, then `sciship publish`.",
        )


# ---------------------------------------------------------------------------------------- version checks
@dataclass(frozen=True)
class VersionSource:
    """Where the project sets its version, in words for the user, with the file and line when known."""

    text: str  #: where the version is defined, for a beginner
    path: str | None = None
    line: int | None = None


def version_source(project: Project) -> VersionSource:
    """Where the project's version comes from (``[project] version``, a ``__version__``, git tags, a file),
    for messages that ask the user to change it."""
    meta = project.metadata
    text = project.read_text("pyproject.toml") or ""
    if isinstance(meta.get("version"), str):
        line = _project_key_line(text, "version")
        return VersionSource(
            f'`version = "{meta["version"]}"` in the [project] table of pyproject.toml',
            "pyproject.toml",
            line,
        )
    tool = (project.pyproject or {}).get("tool", {})
    hatch_version = tool.get("hatch", {}).get("version", {}) if isinstance(tool, dict) else {}
    if isinstance(hatch_version, dict):
        if isinstance(hatch_version.get("path"), str):
            return VersionSource(f"`__version__` in `{hatch_version['path']}`", hatch_version["path"])
        if hatch_version.get("source") == "vcs":
            return VersionSource(
                "your git tags (hatch-vcs reads the latest tag): tag a new release, "
                "for example `git tag v0.2.0`"
            )
    if isinstance(tool, dict) and ("setuptools_scm" in tool or "setuptools-scm" in tool):
        return VersionSource(
            "your git tags (setuptools-scm reads the latest tag): tag a new release, "
            "for example `git tag v0.2.0`"
        )
    dyn = tool.get("setuptools", {}).get("dynamic", {}).get("version", {}) if isinstance(tool, dict) else {}
    if isinstance(dyn, dict) and isinstance(dyn.get("attr"), str):
        return VersionSource(f"`{dyn['attr']}` (set in [tool.setuptools.dynamic] of pyproject.toml)")
    if isinstance(dyn, dict) and isinstance(dyn.get("file"), str):
        return VersionSource(f"the file `{dyn['file']}`", dyn["file"])
    for pkg in project.packages:
        init = pkg.path if pkg.module else f"{pkg.path}/__init__.py"
        if "__version__" in (project.read_text(init) or ""):
            return VersionSource(f"`__version__` in `{init}`", init)
    return VersionSource("the place your build backend reads the version from (see pyproject.toml)")


def _project_key_line(text: str, key: str) -> int | None:
    section = None
    for n, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if line.startswith("["):
            section = line.strip("[] ")
        elif section == "project" and re.match(rf"{re.escape(key)}\s*=", line):
            return n
    return None


def version_exists(
    target: Target, release: Release, creds: Credentials | None, redact: Redactor, timeout: float = 20
) -> bool | None:
    """Ask the index's simple API whether the version is there. None when the index cannot say."""
    if target.simple_url is None:
        return None
    url = f"{target.simple_url}{release.name}/"
    headers = {"Accept": "application/vnd.pypi.simple.v1+json, text/html;q=0.1", "User-Agent": "sciship"}
    status, body, ctype = _get(url, headers, timeout)
    if status in (401, 403) and creds is not None and target not in KNOWN.values():
        auth = base64.b64encode(f"{creds.username}:{creds.password}".encode()).decode()
        status, body, ctype = _get(url, {**headers, "Authorization": f"Basic {auth}"}, timeout)
        if status in (401, 403):
            raise CommandFailed(
                f"{target.label} refused your username and password (HTTP {status}) when sciship asked which "
                "versions it already holds.",
                hint="Check TWINE_USERNAME and TWINE_PASSWORD (or the password you typed) for this index.",
            )
    if status == 404:
        return False
    if status is None:
        raise CommandFailed(
            redact(f"sciship cannot reach {target.label} at {target.simple_url} ({body})."),
            hint="Check your internet connection and the address (--repository-url), then try again.",
        )
    if status != 200:
        return None
    return release.version in _versions_in(body, ctype)


def _get(url: str, headers: dict[str, str], timeout: float) -> tuple[int | None, str, str]:
    req = urllib.request.Request(url, headers=headers)  # noqa: S310 - http(s) only, checked in target_for
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:  # noqa: S310 - same
            return resp.status, resp.read().decode("utf-8", "replace"), resp.headers.get("Content-Type", "")
    except urllib.error.HTTPError as exc:
        return exc.code, "", ""
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        return None, str(reason), ""


def _versions_in(body: str, ctype: str) -> set[str]:
    from packaging.utils import parse_sdist_filename, parse_wheel_filename

    filenames: list[str] = []
    if "json" in ctype:
        try:
            data = json.loads(body)
        except ValueError:
            return set()
        if isinstance(data.get("versions"), list):
            return {str(v) for v in data["versions"]}
        filenames = [f.get("filename", "") for f in data.get("files", []) if isinstance(f, dict)]
    else:
        filenames = [
            urllib.parse.unquote(m.split("#")[0].rsplit("/", 1)[-1])
            for m in re.findall(r'href="([^"]+)"', body)
        ]
    versions: set[str] = set()
    for fn in filenames:
        try:
            if fn.endswith(".whl"):
                versions.add(str(parse_wheel_filename(fn)[1]))
            elif fn.endswith((".tar.gz", ".zip")):
                versions.add(str(parse_sdist_filename(fn.replace(".zip", ".tar.gz"))[1]))
        except ValueError:
            continue
    return versions


def already_there(target: Target, release: Release, where: VersionSource) -> CommandFailed:
    """The error for a version the index already holds: it cannot be replaced, so the user bumps it where
    ``where`` says."""
    return CommandFailed(
        f"{release.name} {release.version} is already on {target.label}. An index never lets you replace "
        "a version (people may already depend on exactly those files), so this upload would be refused.",
        hint=f"Bump the version (for example to the next patch or minor number) in {where.text}, "
        "then run `sciship build` and `sciship publish` again.",
        path=where.path,
        line=where.line,
    )


# ---------------------------------------------------------------------------------------- upload
@dataclass(frozen=True)
class Uploaded:
    """What an upload sent, and the project's page on the index when known."""

    files: tuple[Path, ...]
    url: str | None  #: the project's page, when known


def upload(
    target: Target, release: Release, creds: Credentials, where: VersionSource, timeout: float = 600
) -> Uploaded:
    """Upload with twine in a subprocess; its output is read, redacted and turned into plain messages."""
    redact = Redactor(creds)
    drop = {"TWINE_REPOSITORY", "TWINE_REPOSITORY_URL", "TWINE_CERT", "PYTHONPATH"}
    env = {k: v for k, v in os.environ.items() if k not in drop}
    env.update(
        {
            "TWINE_USERNAME": creds.username,
            "TWINE_PASSWORD": creds.password,
            "NO_COLOR": "1",
            "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring",
            "COLUMNS": "200",
        }
    )
    with tempfile.TemporaryDirectory(prefix="sciship-publish-") as tmp:
        config = Path(tmp) / "pypirc"
        config.write_text("[distutils]\nindex-servers =\n", encoding="utf-8")
        cmd = [
            sys.executable,
            "-m",
            "twine",
            "upload",
            "--non-interactive",
            "--disable-progress-bar",
            "--verbose",
            "--config-file",
            str(config),
            "--repository-url",
            target.upload_url,
            *[str(p) for p in release.files],
        ]
        try:
            proc = run(cmd, env=env, timeout=timeout, raise_timeout=True)
        except subprocess.TimeoutExpired:
            raise CommandFailed(
                f"The upload to {target.label} did not finish within {timeout:.0f} seconds.",
                hint="Check your internet connection and try again.",
            ) from None
    output = redact(_ANSI.sub("", proc.stdout))
    if proc.returncode != 0:
        raise _upload_error(target, release, output, where)
    page = f"{target.web_url}{release.name}/{release.version}/" if target.web_url else None
    return Uploaded(release.files, page)


def _upload_error(target: Target, release: Release, output: str, where: VersionSource) -> CommandFailed:
    m = re.search(r"HTTPError:\s*(\d{3})", output) or re.search(
        r"\b(40[0-9]|41[0-9]|5\d\d) [A-Z][a-z]", output
    )
    status = int(m.group(1)) if m else None
    low = output.lower()
    log = "\n".join(f"    {ln}" for ln in _reason_lines(output))
    if status in (401, 403):
        return CommandFailed(
            f"{target.label} refused the upload (HTTP {status}): the username or token is wrong, "
            "or the token "
            f"may not upload this project.\n{log}",
            hint="For PyPI and TestPyPI the username is `__token__` and the password is an API token "
            "starting "
            "with `pypi-`. TestPyPI and PyPI are separate sites with separate accounts and tokens. A token "
            "scoped to one project cannot upload another one, and the very first upload of a new project "
            "needs an account-wide token (then replace it with a project-scoped one). " + TRUSTED_PUBLISHING,
        )
    if status == 409 or (status == 400 and ("already exist" in low or "file exists" in low)):
        return already_there(target, release, where)
    if status == 400:
        return CommandFailed(
            f"{target.label} rejected the files (HTTP 400): usually the metadata is invalid "
            "(a classifier that "
            f"does not exist, a malformed field) or the name is taken or too similar to another.\n{log}",
            hint="The index's reason is above. Fix it in pyproject.toml, run `sciship build`, "
            "then publish again.",
        )
    if status is None and any(
        s in low
        for s in (
            "connectionerror",
            "connection refused",
            "max retries",
            "name or service not known",
            "nameresolution",
            "timed out",
            "failed to establish",
        )
    ):
        return CommandFailed(
            f"sciship cannot reach {target.label} at {target.upload_url}: "
            f"the network connection failed.\n{log}",
            hint="Check your internet connection (and a proxy, if you use one) and the address, "
            "then try again.",
        )
    return CommandFailed(
        f"The upload to {target.label} failed" + (f" (HTTP {status})" if status else "") + f".\n{log}",
        hint="The messages above come from twine, the upload tool. If they do not help, run "
        "`sciship build` again and retry; a 5xx code means the index itself has a problem: wait and retry.",
    )


_ANSI = compile_later(r"\x1b\[[0-9;?]*[A-Za-z]")


def _reason_lines(output: str) -> list[str]:
    """The lines of twine's output that say why: the HTTP error and the index's reason, or the last error."""
    from sciship.release._model import tail

    lines = output.splitlines()
    for i, line in enumerate(lines):
        if "HTTPError:" in line:
            out = [line.replace("ERROR", "").strip()]
            for follow in lines[i + 1 : i + 6]:
                text = re.sub(r"<[^>]+>", "", follow).strip()
                if text and not follow.lstrip().startswith(("INFO", "WARNING")):
                    out.append(text)
            return out
    errors = [ln.strip() for ln in lines if re.search(r"(Error|Exception):", ln)]
    if errors:
        return errors[-1:]
    return list(tail(_useful(output), 12))


def _useful(output: str) -> str:
    """Twine's output without its progress chatter."""
    keep = []
    for line in output.splitlines():
        s = line.strip()
        if not s or s.startswith(("INFO", "Uploading distributions", "Checking ")) or "set by" in s:
            continue
        keep.append(line)
    return "\n".join(keep)
