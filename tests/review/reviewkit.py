"""A real HTTP server on 127.0.0.1 that answers the GitHub REST paths ``sciship review`` uses.

It serves issues (with their labels and bodies from ``bodies/``), issue lists in pages of two with a
``Link`` header, issue events, labels, ETags with ``304 Not Modified``, and the failures sciship must
explain: a rate limit (``403`` with ``X-RateLimit-Remaining: 0`` and ``X-RateLimit-Reset``), unknown
repositories and issues (``404``), a body that is not JSON, and a refused token (``401``). Every request
is recorded with its headers so tests can check what was sent.
"""

from __future__ import annotations

import hashlib
import json
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

BODIES = Path(__file__).parent / "bodies"
REPO = "pyOpenSci/software-submission"
GOOD_TOKEN = "ghp_goodTestToken0123456789"
PAGE = 2  #: the server's page size, whatever per_page asks, so paging is exercised


def _ago(days: float) -> str:
    return (datetime.now(timezone.utc) - timedelta(days=days)).strftime("%Y-%m-%dT%H:%M:%SZ")


def _issue(
    number: int,
    body_file: str | None,
    labels: list[str],
    *,
    state: str = "open",
    opened: float = 100,
    body: str | None = None,
    title: str | None = None,
) -> dict[str, Any]:
    text = body if body is not None else (BODIES / body_file).read_text(encoding="utf-8") if body_file else ""
    return {
        "number": number,
        "title": title or f"Submission {number}",
        "state": state,
        "html_url": f"https://github.com/{REPO}/issues/{number}",
        "url": f"https://api.github.com/repos/{REPO}/issues/{number}",
        "created_at": _ago(opened),
        "updated_at": _ago(1),
        "closed_at": _ago(2) if state == "closed" else None,
        "labels": [{"name": name} for name in labels],
        "body": text,
    }


def _labeled(name: str, days: float) -> dict[str, Any]:
    return {"event": "labeled", "label": {"name": name}, "created_at": _ago(days)}


@dataclass
class FakeGitHub:
    url: str = ""
    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    issues: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    events: dict[tuple[str, int], list[dict[str, Any]]] = field(default_factory=dict)
    labels: dict[str, list[str]] = field(default_factory=dict)
    redirect_next_to: str | None = None  #: a foreign address for the `hop/repo` Link header

    def paths(self) -> list[str]:
        return [p for p, _ in self.requests]


def default_data(gh: FakeGitHub) -> None:
    gh.issues[REPO] = [
        _issue(230, "current_in_review.md", ["3/reviewers-assigned"], opened=60),
        _issue(
            229, "bold_keys.md", ["6/pyOS-approved 🚀🚀🚀", "9/joss-approved"], state="closed", opened=300
        ),
        _issue(228, "reviewers_list.md", ["4/review-in-awaiting-changes", "astropy"], opened=200),
        _issue(227, None, ["Help Request"], body="How do I choose a license?\n\nThanks!", title="Question"),
        _issue(226, "no_rule.md", ["0/pre-review-checks", "New Submission!"], opened=5),
        _issue(225, "presubmission.md", ["presubmission"], opened=20),
        {**_issue(224, "extra_keys.md", ["1/editor-assigned"], opened=40), "pull_request": {"url": "x"}},
        _issue(223, "extra_keys.md", ["holding"], opened=400),
    ]
    gh.events[(REPO, 230)] = [_labeled("0/pre-review-checks", 60), _labeled("3/reviewers-assigned", 30)]
    gh.events[(REPO, 228)] = [_labeled("4/review-in-awaiting-changes", 3)]
    gh.events[(REPO, 226)] = [_labeled("0/pre-review-checks", 5)]
    gh.events[(REPO, 225)] = []
    gh.events[(REPO, 223)] = [_labeled("holding", 120)]
    gh.labels[REPO] = [
        "0/pre-review-checks",
        "3/reviewers-assigned",
        "4/review-in-awaiting-changes",
        "holding",
        "presubmission",
        "6/pyOS-approved 🚀🚀🚀",
        "9/joss-approved",
        "Help Request",
        "astropy",
    ]


class _Handler(BaseHTTPRequestHandler):
    gh: FakeGitHub

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the base class's name
        pass

    def _send(
        self, status: int, payload: Any, headers: dict[str, str] | None = None, *, raw: bytes | None = None
    ) -> None:
        data = raw if raw is not None else json.dumps(payload).encode()
        etag = '"' + hashlib.sha256(data).hexdigest()[:16] + '"'
        if status == 200 and self.headers.get("If-None-Match") == etag:
            self.send_response(304)
            self.send_header("ETag", etag)
            self.end_headers()
            return
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        if status == 200:
            self.send_header("ETag", etag)
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self) -> None:
        gh = self.gh
        gh.requests.append((self.path, dict(self.headers.items())))
        parts = urlsplit(self.path)
        query = {k: v[0] for k, v in parse_qs(parts.query).items()}
        segments = [s for s in parts.path.split("/") if s]
        auth = self.headers.get("Authorization")
        if auth is not None and auth != f"Bearer {GOOD_TOKEN}":
            self._send(
                401, {"message": "Bad credentials", "documentation_url": "https://docs.github.com/rest"}
            )
            return
        if len(segments) < 3 or segments[0] != "repos":
            self._send(404, {"message": "Not Found"})
            return
        repo = f"{segments[1]}/{segments[2]}"
        rest = segments[3:]
        if repo == "rate/limited":
            reset = int(time.time()) + 25 * 60
            self._send(
                403,
                {"message": "API rate limit exceeded for 127.0.0.1."},
                {"X-RateLimit-Limit": "60", "X-RateLimit-Remaining": "0", "X-RateLimit-Reset": str(reset)},
            )
            return
        if repo == "broken/json":
            self._send(200, None, raw=b'{"number": 1, "body": "Package Name: x')
            return
        if repo == "hop/repo" and rest == ["issues"]:
            link = f'<{gh.redirect_next_to}/repos/hop/repo/issues?page=2>; rel="next"'
            self._send(200, [], {"Link": link} if gh.redirect_next_to else {})
            return
        if repo not in gh.issues:
            self._send(404, {"message": "Not Found", "documentation_url": "https://docs.github.com/rest"})
            return
        issues = gh.issues[repo]
        if rest == ["labels"]:
            self._page([{"name": n} for n in gh.labels.get(repo, [])], query)
        elif rest == ["issues"]:
            state = query.get("state", "open")
            wanted = query.get("labels")
            items = [i for i in issues if state == "all" or i["state"] == state]
            if wanted:
                names = set(wanted.split(","))
                items = [i for i in items if names <= {lb["name"] for lb in i["labels"]}]
            self._page(items, query)
        elif len(rest) == 2 and rest[0] == "issues" and rest[1].isdigit():
            found = next((i for i in issues if i["number"] == int(rest[1])), None)
            if found is None:
                self._send(404, {"message": "Not Found"})
            else:
                self._send(200, found)
        elif len(rest) == 3 and rest[0] == "issues" and rest[2] == "events":
            self._page(gh.events.get((repo, int(rest[1])), []), query)
        else:
            self._send(404, {"message": "Not Found"})

    def _page(self, items: list[Any], query: dict[str, str]) -> None:
        page = int(query.get("page", "1"))
        chunk = items[(page - 1) * PAGE : page * PAGE]
        headers = {}
        if page * PAGE < len(items):
            nxt = dict(query, page=str(page + 1))
            qs = "&".join(f"{k}={v}" for k, v in nxt.items())
            path = urlsplit(self.path).path
            headers["Link"] = (
                f'<{self.gh.url}{path}?{qs}>; rel="next", <{self.gh.url}{path}?page=1>; rel="first"'
            )
        self._send(200, chunk, headers)


def serve(gh: FakeGitHub) -> Iterator[FakeGitHub]:
    handler = type("Handler", (_Handler,), {"gh": gh})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    gh.url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield gh
    finally:
        server.shutdown()
        server.server_close()


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])
