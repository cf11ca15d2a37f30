"""The pictures and the new pages in a real browser: Debian's Chromium driven by Playwright.

The share page, the review check page and the review list page load from file:// with no console error
and no network request, show as many steps, problems, checklist items and reviews as the JSON says, and
the steps of the data-flow picture jump to their rows. A picture drawn by ``--graph`` renders on its own
with every box's label, in light and dark mode, with readable text on every box (contrast measured from
the colours the browser computed).
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from picturekit import synthetic_folder

import browserkit
from helpers import PROJECTS, run_cli

LAKE = Path(__file__).parents[2] / "examples" / "lake-temps"


class Visit(browserkit.Visit):
    """A page load whose count of shown elements includes the pictures' SVG elements."""

    def visible(self, selector: str) -> int:
        n: int = self.page.eval_on_selector_all(
            selector, "els => els.filter(e => e.offsetParent !== null || e instanceof SVGElement).length"
        )
        return n

    def clean(self, url: str) -> None:
        assert self.console == [], self.console
        assert self.requests == [url], "the page itself, and nothing else"


def _json(*args: str) -> Any:
    proc = run_cli(*args, "--format", "json")
    assert proc.stdout, proc.stderr
    return json.loads(proc.stdout)


# the text of every box of the picture, and the contrast of that text on its box (WCAG's formula)
_BOXES = """() => [...document.querySelectorAll('svg .f-node')].map(g => {
  const text = g.querySelector('text'), shape = g.querySelector('.f-shape');
  const rgb = c => (c.match(/[\\d.]+/g) || []).slice(0, 3).map(Number);
  const lin = x => { x /= 255; return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4; };
  const lum = c => { const v = rgb(c).map(lin); return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2]; };
  const a = lum(getComputedStyle(text).fill), b = lum(getComputedStyle(shape).fill);
  const box = text.getBBox();
  const contrast = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  return {label: text.textContent, contrast: contrast, width: box.width};
})"""


def _labels(root: Path) -> list[str]:
    """The label of every box of the folder's picture, computed here from sciship's own flow."""
    from sciship.flow import trace
    from sciship.project import Project
    from sciship.report.pictures.diagram import _short
    from sciship.share.picture import flow_picture

    graph = flow_picture(trace(Project.load(root), cache=False), "x")
    return [(f"{n.mark}: " if n.mark else "") + _short(n.label) for n in graph.nodes.values()]


@pytest.fixture(scope="module")
def paper(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return Path(shutil.copytree(PROJECTS / "flow-paper", tmp_path_factory.mktemp("paper") / "flow-paper"))


# ---------------------------------------------------------------------- share
def test_share_page(browser: Any, paper: Path, tmp_path: Path) -> None:
    data = _json("share", str(paper), "--dry-run", "--license", "MIT")
    out = tmp_path / "share.html"
    proc = run_cli(
        "share", str(paper), "--dry-run", "--license", "MIT", "--format", "html", "--output", str(out)
    )
    assert proc.returncode == 0, proc.stderr
    url = out.as_uri()
    with Visit(browser, url) as visit:
        visit.clean(url)
        page = visit.page
        assert visit.visible("#steps tbody tr") == len(data["steps"])
        assert visit.visible("#problems .item[data-status=failed]") == len(data["problems"])
        assert visit.visible("#plan > .table-wrap tbody tr") == len(data["plan"])
        assert visit.visible("#inputs tbody tr") == len(data["inputs"])
        assert visit.visible("#outputs tbody tr") == len(data["outputs"])
        boxes = page.evaluate(_BOXES)
        assert sorted(b["label"] for b in boxes) == sorted(_labels(paper))
        assert all(b["width"] > 0 for b in boxes)  # drawn, not only present
        # a step of the picture takes the reader to its row, which is then highlighted
        page.click("svg a[href='#step-03-figures-py']")
        assert page.evaluate("location.hash") == "#step-03-figures-py"
        assert page.evaluate("document.querySelector(':target').tagName") == "TR"
        assert "03_figures.py" in page.inner_text(":target")
        # keyboard: the steps of the picture are links, reached with Tab
        reached = set()
        for _ in range(40):
            page.keyboard.press("Tab")
            href = page.evaluate("document.activeElement.getAttribute('href')")
            if href and href.startswith("#step-"):
                reached.add(href)
        assert len(reached) == len(data["steps"])


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_share_picture_reads_in_both_schemes(browser: Any, paper: Path, tmp_path: Path, scheme: str) -> None:
    out = tmp_path / "share.html"
    proc = run_cli(
        "share", str(paper), "--dry-run", "--license", "MIT", "--format", "html", "--output", str(out)
    )
    assert proc.returncode == 0, proc.stderr
    with Visit(browser, out.as_uri(), color_scheme=scheme) as visit:
        boxes = visit.page.evaluate(_BOXES)
        assert boxes
        worst = min(boxes, key=lambda b: b["contrast"])
        assert worst["contrast"] >= 4.5, worst  # WCAG AA for text, on every box
        page_bg = visit.page.evaluate("getComputedStyle(document.body).backgroundColor")
        picture_bg = visit.page.evaluate("getComputedStyle(document.querySelector('svg .f-bg')).fill")
        assert page_bg == picture_bg  # the picture sits on the page's own background


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_graph_svg_renders_on_its_own(browser: Any, paper: Path, tmp_path: Path, scheme: str) -> None:
    target = tmp_path / "flow.svg"
    proc = run_cli("share", str(paper), "--dry-run", "--license", "MIT", "--graph", str(target))
    assert proc.returncode == 0, proc.stderr
    url = target.as_uri()
    with Visit(browser, url, color_scheme=scheme) as visit:
        visit.clean(url)
        boxes = visit.page.evaluate(_BOXES)
        assert sorted(b["label"] for b in boxes) == sorted(_labels(paper))
        assert all(b["width"] > 0 for b in boxes)
        assert min(b["contrast"] for b in boxes) >= 4.5
        bg = visit.page.evaluate("getComputedStyle(document.querySelector('.f-bg')).fill")
        assert bg == ("rgb(255, 255, 255)" if scheme == "light" else "rgb(13, 17, 23)")


def test_a_hundred_step_picture_renders_every_label(browser: Any, tmp_path: Path) -> None:
    root = synthetic_folder(tmp_path / "long")
    target = tmp_path / "flow.svg"
    proc = run_cli("share", str(root), "--dry-run", "--license", "MIT", "--graph", str(target))
    assert proc.returncode == 0, proc.stderr
    assert target.stat().st_size < 200_000
    with Visit(browser, target.as_uri()) as visit:
        boxes = visit.page.evaluate(_BOXES)
        labels = _labels(root)
        assert len(labels) > 200
        assert sorted(b["label"] for b in boxes) == sorted(labels)
        assert all(b["width"] > 0 for b in boxes)


# ---------------------------------------------------------------------- review
def test_review_check_page(browser: Any, tmp_path: Path) -> None:
    lake = Path(shutil.copytree(LAKE, tmp_path / "lake-temps"))
    data = _json("review", "check", str(lake))
    out = tmp_path / "review.html"
    run_cli("review", "check", str(lake), "--format", "html", "--output", str(out))
    url = out.as_uri()
    with Visit(browser, url) as visit:
        visit.clean(url)
        assert visit.visible("#checklist .item") == len(data["items"])
        assert visit.visible('#checklist .item[data-status="not met"]') == data["summary"]["not_met"]
        assert visit.visible("#checks .item[data-status=failed]") == data["checks"]["failed"]
        bar = visit.page.inner_text("figure.figure")
        assert f"not met: {data['summary']['not_met']}" in bar
    with Visit(browser, url, java_script_enabled=False) as visit:  # readable without JavaScript
        assert visit.visible("#checklist .item") == len(data["items"])


@pytest.fixture
def github(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    from review.reviewkit import FakeGitHub, default_data, serve  # the GitHub server of tests/review

    gh = FakeGitHub()
    default_data(gh)
    monkeypatch.setenv("SCISHIP_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("GITHUB_TOKEN", raising=False)
    for served in serve(gh):
        monkeypatch.setenv("GITHUB_API_URL", served.url)
        yield served


def test_review_list_page(browser: Any, github: Any, tmp_path: Path) -> None:
    records = _json("review", "list", "--state", "all")
    out = tmp_path / "list.html"
    proc = run_cli("review", "list", "--state", "all", "--format", "html", "--output", str(out))
    assert proc.returncode == 0, proc.stderr
    url = out.as_uri()
    with Visit(browser, url) as visit:
        visit.clean(url)
        assert visit.visible("#reviews tbody tr") == len(records)
        open_with_stage = [r for r in records if r["closed_at"] is None and r["stage"]]
        assert visit.visible("#reviews tbody tr svg") == len(open_with_stage)
        assert visit.page.inner_text("#review-230").count("overdue") >= 1


def test_audit_page_draws_the_pass_rates_and_the_strips(browser: Any, tmp_path: Path) -> None:
    """Two repositories: the pass-rate bars name every check that ran, the strip has a row per repository."""
    env = {"XDG_CACHE_HOME": str(tmp_path / "cache")}
    good, troubled = tmp_path / "repos" / "good", tmp_path / "repos" / "lake-temps"
    shutil.copytree(PROJECTS / "build-good", good)
    shutil.copytree(LAKE, troubled)
    proc = run_cli("audit", str(good), str(troubled), "--format", "html", "--jobs", "1", env=env)
    assert proc.returncode == 0, proc.stderr
    page = tmp_path / "audit.html"
    page.write_text(proc.stdout, encoding="utf-8")
    rows = tmp_path / "rows.jsonl"
    run_cli("audit", str(good), str(troubled), "--output", str(rows), "--jobs", "1", env=env)
    ran = {
        r["code"]
        for r in map(json.loads, rows.read_text(encoding="utf-8").splitlines())
        if r["status"] in ("passed", "failed")
    }
    url = page.as_uri()
    with Visit(browser, url) as v:
        v.clean(url)
        figures = v.page.eval_on_selector_all("figure svg", "els => els.map(e => e.textContent)")
        assert len(figures) == 2
        bars, strip = figures
        for code in ran:
            assert code in bars, code
        assert "good" in strip
        assert "lake-temps" in strip
        assert v.visible("figure svg") == 2
