"""The HTML report: one self-contained page, everything from the project escaped, the counts of the JSON."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from reportkit import HOSTILE_NAME, check_json, exit_code, failed

from helpers import run_cli
from sciship.report import html as h


class Page(HTMLParser):
    """Every element of a page (tag, attributes), its text, and its headings in document order."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.headings: list[int] = []
        self.text: list[str] = []
        self.scripts: list[str] = []
        self._in_script = False
        self.feed(text)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs)))
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))
        self._in_script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts.append(data)
        else:
            self.text.append(data)

    def tags(self, name: str) -> list[dict[str, str | None]]:
        return [a for t, a in self.elements if t == name]

    def count(self, **attrs: str) -> int:
        return sum(1 for _t, a in self.elements if all(a.get(k) == v for k, v in attrs.items()))


def assert_self_contained(text: str) -> Page:
    page = Page(text)
    assert len(page.tags("script")) <= 1
    assert all("src" not in a for a in page.tags("script")), "no external scripts"
    assert not page.tags("link"), "no external stylesheets or fonts"
    assert not page.tags("img")
    assert not page.tags("iframe")
    assert not page.tags("object")
    assert "@import" not in text
    assert "url(http" not in text
    assert "@font-face" not in text
    for _tag, attrs in page.elements:
        for name, value in attrs.items():
            assert not name.startswith("on"), f"event handler attribute {name}"
            if name in {"href", "src", "action", "formaction"}:
                assert (value or "").startswith("#"), f"{name}={value!r} points outside the page"
    # the one inline script is allowed by its hash, nothing else may run
    (csp,) = [a["content"] for a in page.tags("meta") if a.get("http-equiv") == "Content-Security-Policy"]
    assert csp is not None
    assert "default-src 'none'" in csp
    if page.scripts:
        digest = base64.b64encode(hashlib.sha256(page.scripts[0].encode()).digest()).decode()
        assert f"'sha256-{digest}'" in csp
    # headings start at h1 and never skip a level going down
    assert page.headings[0] == 1
    for before, after in zip(page.headings, page.headings[1:], strict=False):
        assert after <= before + 1, page.headings
    return page


def html_report(root: Path, tmp_path: Path, *extra: str) -> tuple[str, Path]:
    out = tmp_path / "report.html"
    proc = run_cli("check", str(root), "--format", "html", "--output", str(out), "--fail-on", "never", *extra)
    assert proc.returncode == 0, proc.stderr
    assert "Wrote the html report to" in proc.stderr
    return out.read_text(encoding="utf-8"), out


# ---------------------------------------------------------------------------------- check
@pytest.mark.parametrize("which", ["good_project", "troubled_project", "hostile_project"])
def test_check_page_shows_what_the_json_says(
    which: str, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    root: Path = request.getfixturevalue(which)
    text, _ = html_report(root, tmp_path)
    page = assert_self_contained(text)
    data = check_json(root)
    findings = data["findings"]
    assert isinstance(findings, list)
    failed = [f for f in findings if f["status"] == "failed"]
    shown = [a for t, a in page.elements if t == "li" and a.get("data-status") == "failed"]
    assert len(shown) == len(failed)
    assert sorted(a["data-code"] or "" for a in shown) == sorted(f["code"] for f in failed)
    for f in failed:  # each failure sits under its severity's section
        assert any(a.get("data-tone") == f["severity"] and a.get("data-code") == f["code"] for a in shown)
    body = "".join(page.text)
    summary = data["summary"]
    assert isinstance(summary, dict)
    for status in ("passed", "skipped"):
        if summary[status]:
            assert f"{status.capitalize()} ({summary[status]})" in body
    assert "sciship" in body
    assert "Next step:" in body


def test_good_project_says_nothing_failed(good_project: Path, tmp_path: Path) -> None:
    text, _ = html_report(good_project, tmp_path)
    body = "".join(Page(text).text)
    assert "Nothing failed" in body
    assert "rainfall-tools" in body  # the project name, in the heading and the footer


def test_explain_pages_are_inline_and_collapsed(troubled_project: Path, tmp_path: Path) -> None:
    text, _ = html_report(troubled_project, tmp_path)
    page = Page(text)
    assert page.tags("details"), "findings carry collapsible explain pages"
    assert all("open" not in a for a in page.tags("details"))
    body = "".join(page.text)
    for f in failed(check_json(troubled_project)):
        if f["topic"]:
            assert f"sciship explain {f['topic']}" in body
    assert "<h1>" not in text.split("</header>", 1)[1], "an explain page's title must not become a second h1"


def test_hostile_metadata_is_escaped(hostile_project: Path, tmp_path: Path) -> None:
    text, _ = html_report(hostile_project, tmp_path)
    page = assert_self_contained(text)
    assert len(page.tags("script")) == 1  # only the page's own filter script
    assert "<script>alert" not in text
    assert "</details></summary><script>" not in text
    assert "<img" not in text
    body = "".join(page.text)
    assert HOSTILE_NAME in body, "the name is shown, as text"
    assert '"quoted"' not in text.split("<body>", 1)[1].replace("&quot;", "")  # quotes are entities
    assert "\x1b" not in text, "control characters never reach the page"
    assert "\x07" not in text
    # the number of <details> opened equals the number closed: nothing from the project closed one
    assert text.count("<details") == text.count("</details>")


def test_terminal_and_markdown_reports_drop_control_characters(hostile_project: Path) -> None:
    for fmt in ("terminal", "markdown"):
        proc = run_cli("check", str(hostile_project), "--format", fmt, env={"FORCE_COLOR": "1"})
        assert proc.returncode == exit_code(check_json(hostile_project)), proc.stderr
        assert "\x07" not in proc.stdout
        assert "\x1b]" not in proc.stdout
        assert "pwned" in proc.stdout  # the file is reported, its escape sequence made harmless
        assert "Traceback" not in proc.stderr
    assert "\x1b[1m" in proc.stdout or fmt == "markdown"  # sciship's own colours are kept


def test_deps_page(troubled_project: Path, hostile_project: Path, tmp_path: Path) -> None:
    for root in (troubled_project, hostile_project):
        out = tmp_path / f"{root.name}-deps.html"
        proc = run_cli("deps", str(root), "--format", "html", "--output", str(out))
        data = json.loads(run_cli("deps", str(root), "--format", "json").stdout)
        assert proc.returncode in {0, 1}, proc.stderr
        text = out.read_text(encoding="utf-8")
        page = assert_self_contained(text)
        rows = text.split('<table class="filterable">', 1)[1].split("</table>", 1)[0].count("<tr>") - 1
        assert rows == len(data["dependencies"])
        for dep in data["dependencies"]:
            assert (dep["distribution"] or dep["imports"][0]) in "".join(page.text)
            assert dep["status"] in "".join(page.text)


def test_html_goes_to_stdout_when_piped(troubled_project: Path) -> None:
    proc = run_cli("check", str(troubled_project), "--format", "html")
    assert proc.returncode == exit_code(check_json(troubled_project))
    assert proc.stdout.startswith("<!DOCTYPE html>")


# ---------------------------------------------------------------------------------- bad output paths
def test_unwritable_output_is_a_clear_message(troubled_project: Path, tmp_path: Path) -> None:
    import os

    a_file = tmp_path / "a-file.txt"
    a_file.write_text("x")
    cases = {
        str(a_file / "report.html"): "could not write the report",  # a file where a folder should be
        str(tmp_path): "is a folder",
        "/proc/sciship-report.html": "could not write the report",  # even root cannot write there
    }
    locked = tmp_path / "locked"
    locked.mkdir()
    if os.geteuid() != 0:  # root writes into any folder
        locked.chmod(0o500)
        cases[str(locked / "report.html")] = "could not write the report"
    try:
        for output, expected in cases.items():
            proc = run_cli("check", str(troubled_project), "--format", "html", "--output", output)
            assert proc.returncode == 2, (output, proc.stderr)
            assert expected in proc.stderr
            assert "Traceback" not in proc.stderr
            assert "What to do:" in proc.stderr
    finally:
        locked.chmod(0o700)


def test_output_never_replaces_someone_elses_file(troubled_project: Path, tmp_path: Path) -> None:
    theirs = tmp_path / "notes.html"
    theirs.write_text("<p>my notes</p>\n")
    proc = run_cli("check", str(troubled_project), "--format", "html", "--output", str(theirs))
    assert proc.returncode == 2
    assert "is not a report sciship wrote" in proc.stderr
    assert theirs.read_text() == "<p>my notes</p>\n"
    # a report sciship wrote is replaced (running the command again is the point), for every format
    for fmt, name in (("html", "r.html"), ("json", "r.json"), ("sarif", "r.sarif"), ("markdown", "r.md")):
        out = tmp_path / name
        for _ in range(2):
            proc = run_cli(
                "check", str(troubled_project), "--format", fmt, "-o", str(out), "--select", "PKG10"
            )
            assert proc.returncode in {0, 1}, proc.stderr
            assert "Wrote the" in proc.stderr
        assert out.stat().st_mode & 0o777 == 0o644 or out.stat().st_mode & 0o044


def test_output_creates_missing_folders(troubled_project: Path, tmp_path: Path) -> None:
    out = tmp_path / "reports" / "2024" / "check.html"
    proc = run_cli("check", str(troubled_project), "--format", "html", "-o", str(out), "--fail-on", "never")
    assert proc.returncode == 0, proc.stderr
    assert out.read_text().startswith("<!DOCTYPE html>")
    assert not [p for p in out.parent.iterdir() if p.name != "check.html"], "no temporary file left"


def test_html_on_a_terminal_asks_for_a_file(troubled_project: Path) -> None:
    import os
    import pty
    import subprocess
    import sys

    leader, follower = pty.openpty()
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "sciship", "check", str(troubled_project), "--format", "html"],
            stdout=follower,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
            env={**os.environ, "NO_COLOR": "1"},
        )
    finally:
        os.close(follower)
        os.close(leader)
    assert proc.returncode == 2
    assert "--output report.html" in proc.stderr


# ---------------------------------------------------------------------------------- the model
def _page(*sections: h.Section, **kw: object) -> str:
    args: dict[str, object] = {
        "title": "sciship test",
        "project": "demo",
        "headline": "All good.",
        "generated": dt.datetime(2024, 5, 1, 12, 0, tzinfo=dt.timezone.utc),
        **kw,
    }
    return h.render(h.Page(sections=list(sections), **args))  # type: ignore[arg-type]


def test_model_escapes_every_string() -> None:
    evil = "<script>x()</script>\"'&</details>"
    text = _page(
        h.Section(
            evil,
            [
                h.Text(evil),
                h.List([evil]),
                h.Table((evil,), [(evil, h.Code(evil), h.Badge(evil, "ok"), None, 3)], caption=evil),
                h.Details(evil, [h.Text(evil)]),
                h.Items([h.Item(evil, evil, "blocker", location=evil, message=evil, fields=[(evil, evil)])]),
            ],
            intro=evil,
        ),
        project=evil,
        headline=evil,
        next_step=evil,
        subtitle=evil,
        stats=[h.Stat(evil, evil, "ok")],
        meta=((evil, evil),),
    )
    assert "<script>x()" not in text
    assert "</details>\"'" not in text
    page = assert_self_contained(text)
    assert text.count("<details") == text.count("</details>")
    assert evil in "".join(page.text)


def test_model_headings_follow_nesting() -> None:
    deep = h.Section("a", [h.Section("b", [h.Section("c", [h.Items([h.Item("X1", "t", "polish")])])])])
    page = assert_self_contained(_page(deep))
    assert page.headings == [1, 2, 2, 3, 4, 5]  # h1, Summary, a, b, c, the item


def test_markdown_is_escaped_and_moved_under_the_heading() -> None:
    out = h.markdown(
        "# Title\n\nText <b>bold</b> and [x](javascript:alert(1))\n\n## Part\n\n```\n<tag>\n```\n", top=4
    )
    assert "Title" not in out
    assert "<b>" not in out
    assert "&lt;b&gt;" in out
    assert 'href="javascript' not in out
    assert "<h4>Part</h4>" in out
    assert "&lt;tag&gt;" in out


def test_every_explain_page_renders() -> None:
    from sciship.explain import page, topics

    for topic in topics():
        out = h.markdown(page(topic) or "", top=4)
        assert "<h1>" not in out
        assert "<h2>" not in out
        assert "<h3>" not in out
        assert "**" not in out.replace("<code>**", ""), topic  # every bold span was understood


def test_control_characters_become_replacement_marks() -> None:
    assert h.esc("a\x1b[31mb\x07c\x00") == "a\ufffd[31mb\ufffdc\ufffd"
    assert h.esc("tab\tand\nnewline") == "tab\tand\nnewline"


def test_figure_svg_is_checked() -> None:
    good = (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">'
        '<rect width="5" height="5" fill="url(#g)"/></svg>'
    )
    text = _page(h.Section("pic", [h.Figure(good, "A square", "a square")]))
    assert_self_contained(text)
    assert "<svg" in text
    assert 'aria-label="a square"' in text
    bad = [
        '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
        '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
        '<svg xmlns="http://www.w3.org/2000/svg"><a href="https://example.org">x</a></svg>',
        '<svg xmlns="http://www.w3.org/2000/svg"><image href="x.png"/></svg>',
        '<svg xmlns="http://www.w3.org/2000/svg"><rect style="fill:url(https://x/y)"/></svg>',
        '<!DOCTYPE svg [<!ENTITY e "x">]><svg xmlns="http://www.w3.org/2000/svg">&e;</svg>',
        "<svg><unclosed></svg>",
        "<div>not svg</div>",
    ]
    for svg in bad:
        with pytest.raises(ValueError, match="SVG"):
            _page(figure=h.Figure(svg, "c", "a"))


def test_source_date_epoch_fixes_the_date(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    text = h.render(h.Page(title="t", project="p", headline="h"))
    assert 'datetime="2023-11-14T22:13:20+00:00"' in text
    assert h.render(h.Page(title="t", project="p", headline="h")) == text


def test_figures_of_the_pictures_module_fit_the_page() -> None:
    from sciship.report.pictures.charts import Bar, Part, bar_chart, stacked_bar
    from sciship.report.pictures.diagram import Graph, Node, to_svg

    chart = stacked_bar(
        [Part("passed", 40, "passed"), Part("<b>failed</b>", 3, "failed")], title="Checks <x>"
    )
    bars = bar_chart([Bar("docs", 0.5, "1 of 2"), Bar("tests", 1.0)], title="Families")
    g = Graph("flow <&>")
    g.add(Node("a", "data/<raw>.csv", "input", href="#a"))
    g.add(Node("b", "01.py", "script"))
    g.link("a", "b")
    graph = to_svg(g, standalone=False)
    text = _page(
        h.Section("Pictures", [h.Figure(svg, "caption", "alt") for svg in (bars, graph)]),
        figure=h.Figure(chart, "Checks", "40 passed, 3 failed"),
    )
    assert_self_contained(text)
    assert text.count("<svg") == 3
    with pytest.raises(ValueError, match="load anything"):
        h.check_svg('<svg xmlns="http://www.w3.org/2000/svg"><style>@import "x.css";</style></svg>')
