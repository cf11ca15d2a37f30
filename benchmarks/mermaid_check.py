"""Render sciship's Mermaid text with the real Mermaid library in Chromium (a check beyond the grammar the
tests ship, for when the library is at hand; nothing here downloads anything).

Usage: python benchmarks/mermaid_check.py PATH/TO/mermaid.min.js [FOLDER ...]

Get the library once with npm (`npm install mermaid@11` puts it in node_modules/mermaid/dist/). For each
picture (the tests' made-up flows, a 100-step chain, and the research FOLDERs given, read statically) it
prints whether Mermaid parsed and drew it, how many boxes it drew against the graph's, and whether every
box's label is in the drawing.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from sciship.report.pictures.diagram import Graph, _short, mermaid_label, to_mermaid

HERE = Path(__file__).resolve().parent.parent
_RENDER = """async (t) => {
  try {
    await mermaid.parse(t);
    const {svg} = await mermaid.render('m' + Math.floor(Math.random() * 1e9), t);
    const d = document.createElement('div'); d.innerHTML = svg; document.body.appendChild(d);
    return {ok: true, boxes: d.querySelectorAll('g.node').length, text: d.textContent};
  } catch (e) { return {ok: false, error: String(e)}; }
}"""


def pictures(folders: list[Path]) -> dict[str, Graph]:
    sys.path.insert(0, str(HERE / "tests" / "pictures"))
    from test_diagram import demo_flow, synthetic  # the tests' own made-up flows

    from sciship.report.pictures.flowchart import flow_graph

    out = {"demo": flow_graph(demo_flow()), "synthetic 100": flow_graph(synthetic(100))}
    import tempfile

    from sciship.flow import trace
    from sciship.project import Project

    for folder in folders:
        with tempfile.TemporaryDirectory() as tmp:
            copy = Path(tmp) / folder.name
            shutil.copytree(folder, copy, symlinks=True, ignore=shutil.ignore_patterns(".git"))
            out[folder.name] = flow_graph(trace(Project.load(copy), cache=False))
    return out


def main() -> None:
    if len(sys.argv) < 2 or not Path(sys.argv[1]).is_file():
        sys.exit(__doc__)
    library = Path(sys.argv[1])
    graphs = pictures([Path(a) for a in sys.argv[2:]])
    from playwright.sync_api import sync_playwright

    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    print("| picture | Mermaid parsed and drew it | boxes drawn / in the graph | every label drawn |")
    print("|---|---|---:|---|")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        page = browser.new_page()
        page.set_content("<html><body></body></html>")
        page.add_script_tag(path=str(library))
        page.evaluate("mermaid.initialize({startOnLoad: false})")
        for name, graph in graphs.items():
            got = page.evaluate(_RENDER, to_mermaid(graph))
            if not got["ok"]:
                print(f"| {name} | no: {got['error'][:80]} | | |")
                continue
            import html

            drawn = html.unescape(got["text"])
            labels = [(f"{n.mark}: " if n.mark else "") + _short(n.label) for n in graph.nodes.values()]
            missing = [x for x in labels if x not in drawn and mermaid_label(x) not in drawn]
            print(
                f"| {name} | yes | {got['boxes']} / {len(graph.nodes)} | "
                f"{'yes' if not missing else 'no: ' + ', '.join(missing[:3])} |"
            )
        browser.close()


if __name__ == "__main__":
    main()
