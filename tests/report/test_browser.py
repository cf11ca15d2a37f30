"""The HTML report in a real browser: Debian's Chromium, driven by Playwright (no browser download).

One browser serves each test session (a session fixture: one per xdist worker). The pages
load from file://, as a person opens an attached report: no console errors, no network requests, the
findings the JSON report counts, details that open with the keyboard, a picture that is not blank, the
same content without JavaScript, dark mode, and no sideways scrolling at 200% zoom.
"""

from __future__ import annotations

import base64
from pathlib import Path
from typing import Any

import pytest
from reportkit import check_json

from browserkit import Visit
from helpers import run_cli


@pytest.fixture(scope="module")
def troubled_url(troubled_project: Path, tmp_path_factory: pytest.TempPathFactory) -> str:
    return report(troubled_project, tmp_path_factory.mktemp("troubled-report"))


@pytest.fixture(scope="module")
def troubled_failed(troubled_project: Path) -> int:
    data = check_json(troubled_project)
    return sum(1 for f in data["findings"] if f["status"] == "failed")  # type: ignore[union-attr]


def report(root: Path, tmp_path: Path, name: str = "report.html") -> str:
    out = tmp_path / name
    proc = run_cli("check", str(root), "--format", "html", "--output", str(out), "--fail-on", "never")
    assert proc.returncode == 0, proc.stderr
    return out.as_uri()


_COUNT_COLOURS = """async (b64) => {
  const img = new Image();
  img.src = 'data:image/png;base64,' + b64;
  await img.decode();
  const canvas = document.createElement('canvas');
  canvas.width = img.width; canvas.height = img.height;
  const ctx = canvas.getContext('2d');
  ctx.drawImage(img, 0, 0);
  const px = ctx.getImageData(0, 0, img.width, img.height).data;
  const seen = new Set();
  for (let i = 0; i < px.length; i += 4) seen.add((px[i] << 16) | (px[i + 1] << 8) | px[i + 2]);
  return seen.size;
}"""


def png_colours(browser: Any, png: bytes) -> int:
    """How many different colours a PNG holds, counted by the browser itself (a canvas)."""
    page = browser.new_page()
    try:
        n: int = page.evaluate(_COUNT_COLOURS, base64.b64encode(png).decode())
        return n
    finally:
        page.close()


@pytest.mark.parametrize("which", ["good_project", "troubled_project", "hostile_project"])
def test_page_loads_clean_and_shows_every_finding(
    which: str, request: pytest.FixtureRequest, browser: Any, tmp_path: Path
) -> None:
    root: Path = request.getfixturevalue(which)
    url = report(root, tmp_path)
    visit = Visit(browser, url)
    try:
        assert visit.console == [], visit.console
        assert visit.requests == [url], "the page itself, and nothing else"
        data = check_json(root)
        failed = [f for f in data["findings"] if f["status"] == "failed"]  # type: ignore[union-attr]
        assert visit.visible(".item[data-status=failed]") == len(failed)
        assert visit.page.title().startswith("sciship check: ")
        if failed:
            assert visit.page.inner_text("#filters .shown") == f"Showing {len(failed)} of {len(failed)}"
        # the project's markup stayed text: no element from it was created, no script of it ran
        assert visit.page.eval_on_selector_all("script", "s => s.length") == 1
        assert visit.page.eval_on_selector_all("img", "s => s.length") == 0
    finally:
        visit.close()


def test_details_open_with_the_keyboard(browser: Any, troubled_url: str) -> None:
    visit = Visit(browser, troubled_url)
    page = visit.page
    try:
        summaries = page.eval_on_selector_all("summary", "s => s.length")
        assert summaries > 0
        opened = 0
        for _ in range(80):  # Tab through the page until a summary has the focus
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.tagName") == "SUMMARY":
                key = "Enter" if opened == 0 else " "
                page.keyboard.press(key)
                assert page.evaluate("document.activeElement.parentElement.open") is True
                opened += 1
                if opened == 2:
                    break
        assert opened == 2, "two details opened, one with Enter and one with Space"
        assert visit.console == []
    finally:
        visit.close()


def test_filter_hides_and_shows(browser: Any, troubled_url: str) -> None:
    visit = Visit(browser, troubled_url)
    page = visit.page
    try:
        total = visit.visible(".item")
        tone = page.get_attribute(".item", "data-tone")  # the worst severity on the page
        names = {"blocker": "Blockers", "important": "Important", "polish": "Polish"}
        of_tone = visit.visible(f".item[data-tone={tone}]")
        page.get_by_role("checkbox", name=names[str(tone)]).uncheck()
        assert visit.visible(".item") == total - of_tone
        page.get_by_role("checkbox", name=names[str(tone)]).check()
        code = page.get_attribute(".item", "data-code")
        page.get_by_role("searchbox").fill(str(code))
        shown = visit.visible(".item")
        assert 0 < shown < total
        assert page.inner_text("#filters .shown") == f"Showing {shown} of {total}"
    finally:
        visit.close()


def test_readable_without_javascript(browser: Any, troubled_url: str, troubled_failed: int) -> None:
    visit = Visit(browser, troubled_url, java_script_enabled=False)
    try:
        assert visit.visible(".item[data-status=failed]") == troubled_failed
        assert visit.visible("#filters") == 0  # the filter bar needs JavaScript, so it stays hidden
    finally:
        visit.close()


def test_dark_mode_and_200_percent_zoom(browser: Any, troubled_url: str) -> None:
    url = troubled_url
    light = Visit(browser, url, color_scheme="light")
    dark = Visit(browser, url, color_scheme="dark")
    # 200% zoom of a 1280 px window: the page has 640 CSS pixels of width, each drawn twice as large
    zoomed = Visit(browser, url, viewport={"width": 640, "height": 800}, device_scale_factor=2)
    try:
        bg = "getComputedStyle(document.body).backgroundColor"
        assert light.page.evaluate(bg) == "rgb(255, 255, 255)"
        assert dark.page.evaluate(bg) != light.page.evaluate(bg)
        sideways = "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        assert zoomed.page.evaluate(sideways) <= 0
        assert zoomed.console == []
        assert dark.console == []
    finally:
        for v in (light, dark, zoomed):
            v.close()


def test_screenshot_is_not_blank(browser: Any, troubled_url: str) -> None:
    visit = Visit(browser, troubled_url, viewport={"width": 900, "height": 700})
    try:
        png = visit.page.screenshot()
        assert (
            png_colours(browser, png) > 20
        )  # text, badges in several colours, borders: far from one flat colour
    finally:
        visit.close()
    blank = Visit(browser, "about:blank")
    try:
        assert png_colours(browser, blank.page.screenshot()) <= 2  # the measure itself tells blank from not
    finally:
        blank.close()
