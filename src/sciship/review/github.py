"""A small GitHub REST client for review issues: the standard library's HTTP, nothing else.

- The API's base address is ``GITHUB_API_URL`` when set (GitHub Actions sets it; so do the tests, to a
  server on 127.0.0.1), else ``https://api.github.com``.
- ``GITHUB_TOKEN`` is sent when set, only to that address, and never appears in a message, a log line
  or an exception (every text this module makes passes through :meth:`GitHub.redact`).
- Lists follow the ``Link: <...>; rel="next"`` header page by page.
- Every answer is kept in the user cache (``sciship._cache``) with its ``ETag``; the next request for
  the same address asks ``If-None-Match`` and a ``304 Not Modified`` answer, which does not count against
  GitHub's rate limit, reuses the kept copy.
- Failures become :class:`GitHubError` (exit code 2) that say what happened and what to do: no network,
  a token GitHub refuses, a rate limit (with the time it resets), an unknown repository or issue, an
  answer that is not the JSON GitHub sends.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode, urlsplit

from sciship import __version__
from sciship._errors import SciShipError
from sciship._regex import compile_later

DEFAULT_API = "https://api.github.com"
_LINK_NEXT = compile_later(r'<([^>]+)>\s*;\s*rel="?next"?')


class GitHubError(SciShipError):
    """GitHub could not be asked, or did not answer what sciship needs."""

    exit_code = 2


@dataclass(frozen=True)
class Answer:
    """One answer of the GitHub API (or the kept copy of one): status, decoded JSON and headers."""

    status: int
    data: Any
    headers: Mapping[str, str]  #: lower-case names
    from_cache: bool = False

    @property
    def next_url(self) -> str | None:
        m = _LINK_NEXT.search(self.headers.get("link", ""))
        return m.group(1) if m else None


class GitHub:
    """``GitHub().issue("pyOpenSci/software-submission", 210)``; see the module docstring."""

    def __init__(
        self,
        base_url: str | None = None,
        token: str | None = None,
        *,
        cache: bool = True,
        timeout: float = 20.0,
        log: Callable[[str], None] | None = None,
    ) -> None:
        base = base_url or os.environ.get("GITHUB_API_URL") or DEFAULT_API
        self.base = base.rstrip("/")
        env_token = os.environ.get("GITHUB_TOKEN")
        self._token = (token if token is not None else env_token or "").strip() or None
        self.cache = cache
        self.timeout = timeout
        self._log = log
        self.requests = 0  #: requests sent (cache hits with 304 included)

    def __repr__(self) -> str:
        return f"GitHub({self.base!r}, token={'set' if self._token else 'unset'})"

    @property
    def authenticated(self) -> bool:
        return self._token is not None

    def redact(self, text: str) -> str:
        """``text`` with the token (if any) replaced by ``***``."""
        return text.replace(self._token, "***") if self._token else text

    # ------------------------------------------------------------------ the REST paths sciship uses
    def issue(self, repo: str, number: int) -> dict[str, Any]:
        data = self.get(f"/repos/{repo}/issues/{number}", what=f"issue #{number} in {repo}").data
        if not isinstance(data, dict) or "number" not in data or "body" not in data:
            raise self._malformed(f"/repos/{repo}/issues/{number}", "an issue")
        return data

    def issues(
        self,
        repo: str,
        *,
        state: str = "open",
        labels: str | None = None,
        progress: Callable[[int], None] | None = None,
    ) -> list[dict[str, Any]]:
        """Every issue (not pull request) of ``repo`` in ``state``, following the pages;
        ``progress(n)`` is told how many issues have been read so far."""
        params: dict[str, str] = {"state": state, "per_page": "100"}
        if labels:
            params["labels"] = labels
        out = []
        for item in self.pages(f"/repos/{repo}/issues", params, what=f"repository {repo}"):
            if not isinstance(item, dict) or "number" not in item:
                raise self._malformed(f"/repos/{repo}/issues", "a list of issues")
            if "pull_request" not in item:
                out.append(item)
            if progress is not None:
                progress(len(out))
        return out

    def events(self, repo: str, number: int) -> list[dict[str, Any]]:
        """The issue's events (``labeled``, ``closed``, ...), oldest first."""
        items = self.pages(
            f"/repos/{repo}/issues/{number}/events", {"per_page": "100"}, what=f"issue #{number} in {repo}"
        )
        return [item for item in items if isinstance(item, dict)]

    def labels(self, repo: str) -> list[str]:
        items = self.pages(f"/repos/{repo}/labels", {"per_page": "100"}, what=f"repository {repo}")
        return [str(item["name"]) for item in items if isinstance(item, dict) and "name" in item]

    # ------------------------------------------------------------------ requests
    def pages(self, path: str, params: Mapping[str, str], *, what: str) -> Iterator[Any]:
        url: str | None = self._url(path, params)
        seen = 0
        while url is not None:
            answer = self.get(url, what=what)
            if not isinstance(answer.data, list):
                raise self._malformed(url, "a list")
            yield from answer.data
            url = answer.next_url
            seen += 1
            if seen > 500:  # pragma: no cover - a server that links pages in a circle
                raise GitHubError(f"GitHub sent more than 500 pages for {what}; sciship stopped there.")

    def _url(self, path: str, params: Mapping[str, str] | None = None) -> str:
        url = path if path.startswith(("http://", "https://")) else self.base + path
        if params:
            url += ("&" if "?" in url else "?") + urlencode(params, safe="/")
        return url

    def _same_origin(self, url: str) -> bool:
        a, b = urlsplit(url), urlsplit(self.base)
        return (a.scheme, a.netloc) == (b.scheme, b.netloc)

    def get(self, path: str, params: Mapping[str, str] | None = None, *, what: str) -> Answer:
        import http.client
        import urllib.error
        import urllib.request

        url = self._url(path, params)
        headers = {
            "Accept": "application/vnd.github+json",
            "X-GitHub-Api-Version": "2022-11-28",
            "User-Agent": f"sciship/{__version__}",
        }
        same_origin = self._same_origin(url)
        if self._token and any(c.isspace() or not c.isprintable() for c in self._token):
            raise GitHubError(
                "GITHUB_TOKEN holds spaces, line breaks or other invisible characters, so it cannot be sent.",
                hint="Set it again to the token alone, for example `export GITHUB_TOKEN=ghp_...`.",
            )
        if self._token and same_origin:
            headers["Authorization"] = f"Bearer {self._token}"
        key = self._cache_key(url)
        cached = self._read_cache(key) if self.cache else None
        if cached is not None and cached.get("etag"):
            headers["If-None-Match"] = str(cached["etag"])
        request = urllib.request.Request(url, headers=headers, method="GET")  # noqa: S310 - http(s) only
        if not url.startswith(("https://", "http://")):
            raise GitHubError(f"`{self.redact(url)}` is not an http(s) address.")
        self.requests += 1
        if self._log:
            self._log(
                f"GET {self.redact(url)}" + (" (cached copy offered)" if "If-None-Match" in headers else "")
            )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310
                status = response.status
                raw = response.read()
                got = {k.lower(): v for k, v in response.headers.items()}
        except urllib.error.HTTPError as exc:
            got = {k.lower(): v for k, v in (exc.headers or {}).items()}
            if exc.code == 304 and cached is not None:
                if self._log:
                    self._log("  304 Not Modified: the cached copy is current")
                return Answer(200, cached.get("data"), {"link": str(cached.get("link") or "")}, True)
            body = _read_error(exc)
            raise self._http_error(exc.code, got, body, what) from None
        except (http.client.HTTPException, ValueError) as exc:  # a bad address or a garbled answer
            raise GitHubError(
                self.redact(
                    f"sciship could not talk to GitHub at {self.base} ({type(exc).__name__}: {exc})."
                ),
                hint="Check GITHUB_API_URL (and GITHUB_TOKEN: it must be one line without spaces).",
            ) from None
        except (urllib.error.URLError, TimeoutError, ConnectionError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            raise GitHubError(
                self.redact(f"sciship could not reach GitHub at {self.base} ({_reason(reason)})."),
                hint="Check your internet connection (and proxy settings). To work offline, save the "
                "issue's text to a file and give that file instead.",
            ) from None
        try:
            data = json.loads(raw.decode("utf-8")) if raw.strip() else None
        except (UnicodeDecodeError, ValueError):
            raise self._malformed(url, "JSON") from None
        if self.cache and got.get("etag"):
            self._write_cache(key, {"etag": got["etag"], "link": got.get("link", ""), "data": data})
        return Answer(status, data, got)

    # ------------------------------------------------------------------ errors
    def _http_error(self, code: int, headers: Mapping[str, str], body: str, what: str) -> GitHubError:
        message = _github_message(body)
        if code == 401:
            return GitHubError(
                "GitHub refused the token in GITHUB_TOKEN (401 Bad credentials): it is wrong, expired or "
                "revoked.",
                hint="Create a new token (no scopes are needed for public issues) and set GITHUB_TOKEN to "
                "it, or unset GITHUB_TOKEN: public review issues can be read without one (60 requests an "
                "hour).",
            )
        if code in (403, 429) and (
            headers.get("x-ratelimit-remaining") == "0" or "rate limit" in message.lower()
        ):
            return GitHubError(
                self.redact(_rate_limit_message(headers)), hint=_rate_limit_hint(self.authenticated)
            )
        if code in (403, 429) and headers.get("retry-after"):
            return GitHubError(
                f"GitHub asks sciship to slow down (secondary rate limit): wait {headers['retry-after']} "
                "seconds before trying again.",
            )
        if code == 403:
            return GitHubError(
                self.redact(
                    f"GitHub did not allow reading {what} (403 Forbidden: {message or 'no reason given'})."
                ),
                hint="A token without access to this repository gives this answer; check GITHUB_TOKEN.",
            )
        if code in (404, 410):
            return GitHubError(
                f"GitHub has no {what} ({code} Not Found).",
                hint="Check the repository (OWNER/REPO) and the issue number. A private repository also "
                "answers this when GITHUB_TOKEN is not set or cannot see it.",
            )
        if code >= 500:
            return GitHubError(
                f"GitHub had a problem answering ({code}{': ' + message if message else ''}).",
                hint="This is usually brief: try again in a minute.",
            )
        return GitHubError(
            self.redact(f"GitHub answered {code} for {what}{': ' + message if message else ''}.")
        )

    def _malformed(self, url: str, expected: str) -> GitHubError:
        return GitHubError(
            self.redact(
                f"GitHub's answer to {url} is not {expected} as sciship expected, so it cannot be read."
            ),
            hint="If GITHUB_API_URL is set, check that it points to a GitHub REST API; otherwise try again "
            "later.",
        )

    # ------------------------------------------------------------------ cache
    def _cache_key(self, url: str) -> str:
        who = hashlib.sha256(self._token.encode()).hexdigest()[:16] if self._token else "anonymous"
        return "github/" + hashlib.sha256(f"{url}\n{who}".encode()).hexdigest()[:32] + ".json"

    def _read_cache(self, key: str) -> dict[str, Any] | None:
        from sciship import _cache

        raw = _cache.read(key)
        if raw is None:
            return None
        try:
            data = json.loads(raw)
        except ValueError:
            return None
        return data if isinstance(data, dict) else None

    def _write_cache(self, key: str, entry: dict[str, Any]) -> None:
        from sciship import _cache

        _cache.write(key, json.dumps(entry).encode())


def _read_error(exc: Any) -> str:
    try:
        return str(exc.read().decode("utf-8", "replace"))
    except Exception:
        return ""


def _github_message(body: str) -> str:
    try:
        data = json.loads(body)
    except ValueError:
        return ""
    message = data.get("message") if isinstance(data, dict) else None
    return str(message) if message else ""


def _reason(reason: object) -> str:
    text = str(reason) or type(reason).__name__
    if "Name or service not known" in text or "nodename nor servname" in text or "getaddrinfo" in text:
        return "the name could not be looked up: no network, or a wrong address"
    if "Connection refused" in text:
        return "the connection was refused"
    if "timed out" in text.lower():
        return "no answer in time"
    return text


def _rate_limit_message(headers: Mapping[str, str]) -> str:
    reset = headers.get("x-ratelimit-reset", "")
    limit = headers.get("x-ratelimit-limit")
    what = f"all {limit} requests an hour" if limit else "its requests"
    if reset.isdigit():
        when = int(reset)
        minutes = max(0, round((when - time.time()) / 60))
        clock = time.strftime("%H:%M", time.localtime(when))
        zone = time.strftime("%Z", time.localtime(when))
        return (
            f"GitHub's rate limit is used up ({what}); it resets at {clock} {zone} "
            f"(in {minutes} minute{'s' if minutes != 1 else ''})."
        )
    return f"GitHub's rate limit is used up ({what})."


def _rate_limit_hint(authenticated: bool) -> str:
    if authenticated:
        return "Wait until then; answers sciship already has are reused from its cache without counting."
    return (
        "Wait until then, or set GITHUB_TOKEN to a GitHub token (no scopes needed) for 5,000 requests an "
        "hour instead of 60."
    )


# ---------------------------------------------------------------------- issue references
@dataclass(frozen=True)
class IssueRef:
    """One GitHub issue: its repository (``OWNER/REPO``) and number."""

    repo: str  #: ``OWNER/REPO``
    number: int

    @property
    def html_url(self) -> str:
        return f"https://github.com/{self.repo}/issues/{self.number}"

    def __str__(self) -> str:
        return f"{self.repo}#{self.number}"


_REF = compile_later(r"^(?:(?P<repo>[\w.-]+/[\w.-]+))?#(?P<n>\d+)$")
_URL_REF = compile_later(
    r"^https?://[^/]+/(?:repos/)?(?P<repo>[\w.-]+/[\w.-]+)/(?:issues|pull)/(?P<n>\d+)(?:[/?#].*)?$"
)


def parse_ref(text: str, default_repo: str) -> IssueRef | None:
    """``OWNER/REPO#N``, ``#N``, ``N`` or an issue's URL (github.com or the API) → IssueRef; else None."""
    t = text.strip()
    if t.isdigit():
        return IssueRef(default_repo, int(t))
    m = _REF.match(t) or _URL_REF.match(t)
    if m:
        return IssueRef(m.group("repo") or default_repo, int(m.group("n")))
    return None


_REPO = compile_later(r"^[A-Za-z0-9](?:[\w.-]*)/[\w.-]+$")


def check_repo(text: str) -> str:
    """``OWNER/REPO`` as given, or an InputError that says what shape is expected."""
    from sciship._errors import InputError

    t = text.strip().removeprefix("https://github.com/").rstrip("/")
    if not _REPO.match(t):
        raise InputError(
            f"`{text}` is not a GitHub repository: write it as OWNER/REPO, for example "
            "pyOpenSci/software-submission."
        )
    return t
