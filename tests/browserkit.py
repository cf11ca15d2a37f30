"""A real browser for the tests: Debian's Chromium driven by Playwright (no browser download).

:func:`launched` starts one browser (a test module wraps it in a fixture of the scope it needs); a
:class:`Visit` is one page load that keeps everything the page asked the network for and said on its
console. Without a Chromium the browser tests are skipped, except under CI, where they fail.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TypeVar

import pytest

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
_V = TypeVar("_V", bound="Visit")
MAC_CHROME = "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome"  # GitHub's macOS runners


def browser_path() -> str | None:
    env = os.environ.get("SCISHIP_TEST_BROWSER")
    found = env or next((p for p in map(shutil.which, BROWSERS) if p), None)
    return found or (MAC_CHROME if Path(MAC_CHROME).exists() else None)


def launched() -> Iterator[Any]:
    """One Chromium for as long as the fixture that yields from this lives."""
    path = browser_path()
    if path is None:
        message = "no Chromium found: install Debian's `chromium` (apt-get install -y chromium); .ci/run does"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=path, args=["--no-sandbox"])
        yield b
        b.close()


class Visit:
    """One page load, with everything the page asked the network for and said on its console."""

    def __init__(self, browser: Any, url: str, **context: Any) -> None:
        self.context = browser.new_context(**context)
        self.page = self.context.new_page()
        self.requests: list[str] = []
        self.console: list[str] = []
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("console", lambda m: self.console.append(f"{m.type}: {m.text}"))
        self.page.on("pageerror", lambda e: self.console.append(f"pageerror: {e}"))
        self.page.on("requestfailed", lambda r: self.console.append(f"requestfailed: {r.url}"))
        self.page.goto(url)
        self.page.wait_for_load_state("load")

    def __enter__(self: _V) -> _V:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.context.close()

    def visible(self, selector: str) -> int:
        """How many elements the selector finds that are shown (laid out) on the page."""
        n: int = self.page.eval_on_selector_all(
            selector, "els => els.filter(e => e.offsetParent !== null).length"
        )
        return n
