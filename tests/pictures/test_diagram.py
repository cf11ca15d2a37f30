"""Pictures of a research folder's data flow: the graph, and the SVG, Mermaid and DOT drawn from it."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from mermaid_grammar import errors

from sciship.flow import Flow, PathUse, Step
from sciship.report.pictures.diagram import Graph, Node, layout, to_dot, to_mermaid, to_svg
from sciship.report.pictures.flowchart import flow_graph, step_anchors

SVG = "{http://www.w3.org/2000/svg}"


def demo_flow() -> Flow:
    runs = tuple(f"results/run_{i}.npy" for i in range(9))
    steps = (
        Step(
            "01_load.py",
            "script",
            1,
            reads=("data/raw.csv", "/home/ana/big.nc"),
            writes=("out/clean.parquet",),
        ),
        Step("02_fit.py", "script", 2, reads=("out/clean.parquet", "config/params.json"), writes=runs),
        Step(
            "fig2.ipynb", "notebook", 3, reads=(*runs, "data/missing.csv"), writes=("fig/fig2.png", "t1.csv")
        ),
    )
    return Flow(
        steps=steps,
        inputs=("data/raw.csv", "config/params.json", "data/missing.csv"),
        outputs=("out/clean.parquet", *runs, "fig/fig2.png", "t1.csv"),
        missing=("data/missing.csv",),
        external=("/home/ana/big.nc",),
        uses=(PathUse("/home/ana/big.nc", "read", "01_load.py", 3, "xr.open_dataset", location="absolute"),),
    )


def synthetic(n: int) -> Flow:
    steps = tuple(
        Step(
            f"s{i:03}.py",
            "script",
            i + 1,
            reads=(f"d/{i - 1}.npy",) if i else ("raw.csv",),
            writes=(f"d/{i}.npy", f"fig/{i}.png"),
        )
        for i in range(n)
    )
    return Flow(steps=steps, inputs=("raw.csv",), outputs=tuple(w for s in steps for w in s.writes))


def test_kinds_marks_and_folding() -> None:
    g = flow_graph(demo_flow())
    kinds = {n.label: (n.kind, n.mark) for n in g.nodes.values()}
    assert kinds["data/raw.csv"] == ("input", None)
    assert kinds["/home/ana/big.nc"] == ("input", "absolute path")
    assert kinds["data/missing.csv"] == ("missing", "missing")
    assert kinds["out/clean.parquet"] == ("intermediate", None)
    assert kinds["results/*.npy (9 files)"] == ("intermediate", None)  # nine files, one box
    assert kinds["fig/fig2.png"] == ("figure", None)
    assert kinds["t1.csv"] == ("table", None)
    assert kinds["3. fig2.ipynb"] == ("notebook", None)
    assert len(g.nodes) == 11


def test_svg_is_well_formed_with_every_label() -> None:
    g = flow_graph(demo_flow())
    svg = to_svg(g)
    root = ET.fromstring(svg.split("?>", 1)[1])
    texts = ["".join(t.itertext()) for t in root.iter(f"{SVG}text")]
    for node in g.nodes.values():
        assert any(node.label in t for t in texts), node.label
    assert root.find(f"{SVG}title") is not None
    assert len(list(root.iter(f"{SVG}path"))) >= len(g.edges)


def test_layout_puts_every_edge_left_to_right_and_nodes_apart() -> None:
    g = flow_graph(demo_flow())
    lay = layout(g)
    for e in g.edges:
        assert lay.nodes[e.source].x + lay.nodes[e.source].w < lay.nodes[e.target].x
    boxes = list(lay.nodes.values())
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            apart = a.x + a.w <= b.x or b.x + b.w <= a.x or a.y + a.h <= b.y or b.y + b.h <= a.y
            assert apart, (a.id, b.id)


def test_a_cycle_still_draws() -> None:
    g = Graph("cycle")
    for n in ("a", "b", "c"):
        g.add(Node(n, n, "script"))
    g.link("a", "b")
    g.link("b", "c")
    g.link("c", "a")
    assert len(layout(g).nodes) == 3
    assert "<svg" in to_svg(g)


def test_mermaid_follows_the_grammar_and_escapes() -> None:
    text = to_mermaid(flow_graph(demo_flow()))
    assert errors(text) == []
    g = Graph("tricky")
    g.add(Node("a", 'say "hi" <script>#x', "script"))
    g.add(Node("b", "plain", "output"))
    g.link("a", "b")
    tricky = to_mermaid(g)
    assert errors(tricky) == []
    assert "#quot;hi#quot;" in tricky
    assert "<script>" not in tricky


def test_the_grammar_checker_rejects_bad_lines() -> None:
    assert errors("graph\n") != []
    assert errors('flowchart LR\n  a["x" y"]\n') != []
    assert errors("flowchart LR\n  a --> b\n") != []  # undefined nodes


def test_svg_escapes_everything_from_the_project() -> None:
    g = Graph('<b>"title"</b>')
    g.add(Node("a", "</text><script>alert(1)</script>", "script", href='#x" onclick="evil()'))
    svg = to_svg(g)
    ET.fromstring(svg.split("?>", 1)[1])  # still well-formed
    assert "<script>" not in svg
    assert 'onclick="evil()"' not in svg


def test_dot_text() -> None:
    dot = to_dot(flow_graph(demo_flow()))
    assert dot.startswith('digraph "Data flow" {')
    assert "shape=cylinder" in dot
    assert "shape=note" in dot
    assert dot.rstrip().endswith("}")


def test_a_hundred_steps_stay_small() -> None:
    g = flow_graph(synthetic(100))
    svg = to_svg(g)
    assert len(svg.encode()) < 200_000
    assert len(to_mermaid(g).encode()) < 200_000
    ET.fromstring(svg.split("?>", 1)[1])


# ---------------------------------------------------------------------- colours, optional reads, anchors
def test_inline_svg_takes_the_page_colours_and_a_file_keeps_plain_ones() -> None:
    g = flow_graph(demo_flow())
    inline = to_svg(g, standalone=False)
    standalone = to_svg(g)
    assert "var(--fg,#1b1f24)" in inline  # light text from the page, with a fallback
    assert "var(--fg,#e6edf3)" in inline  # and the dark one
    assert "var(" not in standalone  # Inkscape and librsvg draw it without CSS variables
    assert "prefers-color-scheme: dark" in standalone
    assert "#1b1f24" not in inline.replace("var(--fg,#1b1f24)", "")  # no fixed dark text in a page
    # every class and id is prefixed, so the picture's style never touches the page's own elements
    root = ET.fromstring(inline)
    for el in root.iter():
        for cls in el.get("class", "").split():
            assert cls.startswith("f-"), cls
    assert standalone.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<!-- made by sciship ')


def test_two_pictures_on_one_page_have_different_ids() -> None:
    a = to_svg(flow_graph(demo_flow(), title="A"), standalone=False)
    b = to_svg(flow_graph(demo_flow(), title="B"), standalone=False)
    ids_a = {el.get("id") for el in ET.fromstring(a).iter() if el.get("id") and "arrow" in str(el.get("id"))}
    ids_b = {el.get("id") for el in ET.fromstring(b).iter() if el.get("id") and "arrow" in str(el.get("id"))}
    assert ids_a
    assert ids_b
    assert not ids_a & ids_b


def test_optional_reads_are_dashed_everywhere() -> None:
    import dataclasses

    if "optional" not in {
        f.name for f in dataclasses.fields(PathUse)
    }:  # flow's optional reads not merged yet
        g = Graph("optional")
        g.add(Node("a", "cache.npy", "intermediate"))
        g.add(Node("b", "2. fit.py", "script"))
        g.link("a", "b", optional=True)
    else:
        flow = demo_flow()
        uses = (
            *flow.uses,
            PathUse("config/params.json", "read", "02_fit.py", 4, "open", optional=True),  # type: ignore[call-arg]
        )
        g = flow_graph(dataclasses.replace(flow, uses=uses))
    assert any(e.optional for e in g.edges)
    assert "-.->" in to_mermaid(g)
    assert errors(to_mermaid(g)) == []
    assert "style=dashed" in to_dot(g)
    assert 'class="f-edge f-optional"' in to_svg(g)
    g.link(g.edges[0].source, g.edges[0].target)  # read plainly elsewhere too: a plain arrow wins
    assert not g.edges[0].optional


def test_steps_link_to_unique_anchors() -> None:
    flow = Flow(
        steps=(
            Step("a_b.py", "script", 1, writes=("x.csv",)),
            Step("a-b.py", "script", 2, reads=("x.csv",)),
            Step("Étude 1.ipynb", "notebook", 3),
        )
    )
    anchors = step_anchors(s.path for s in flow.steps)
    assert anchors == {
        "a_b.py": "step-a-b-py",
        "a-b.py": "step-a-b-py-2",
        "Étude 1.ipynb": "step-tude-1-ipynb",
    }
    g = flow_graph(flow, links=True)
    hrefs = sorted(n.href for n in g.nodes.values() if n.href)
    assert hrefs == sorted(f"#{a}" for a in anchors.values())


def test_scratch_places_are_not_drawn() -> None:
    flow = demo_flow()
    tmp = "/tmp/x.npy"  # noqa: S108 - a path in a made-up flow, never opened
    scratch = PathUse(tmp, "write", "01_load.py", 9, "np.save", location="scratch")  # type: ignore[arg-type]
    g = flow_graph(
        Flow(steps=flow.steps, inputs=flow.inputs, outputs=flow.outputs, uses=(*flow.uses, scratch))
    )
    assert not any(tmp in n.label for n in g.nodes.values())


def test_mermaid_header_and_marked_text_colour() -> None:
    text = to_mermaid(flow_graph(demo_flow()), header=True)
    assert text.startswith("%% made by sciship ")
    assert errors(text) == []
    # GitHub's dark theme draws Mermaid text light: each class sets a dark text colour on its pale fill
    for line in text.splitlines():
        if line.strip().startswith("classDef") and "fill:" in line:
            assert "color:#1b1f24" in line, line
    assert "#96;" in to_mermaid(_one("`weird`.py"))


def _one(label: str) -> Graph:
    g = Graph("one")
    g.add(Node("a", label, "script"))
    return g


# ---------------------------------------------------------------------- charts
def test_charts_fit_a_page_in_both_schemes() -> None:
    from sciship.report.html import check_svg
    from sciship.report.pictures.charts import Bar, Part, Stage, bar_chart, cell_strip, stacked_bar, stage_bar

    checks = [f"CHK{i:03}" for i in range(70)]
    statuses = ("passed", "failed", "skipped", "error")
    strip = cell_strip(
        [
            (
                f"org-{r}/a-rather-long-repository-name-{r}",
                [(c, statuses[(r + i) % 4]) for i, c in enumerate(checks)],
            )
            for r in range(60)
        ],
        title="Per repository",
    )
    bars = bar_chart(
        [Bar(c, i / 70, f"{i} of 70") for i, c in enumerate(checks)], title="Pass rate per check"
    )
    for svg in (
        strip,
        bars,
        stacked_bar(
            [Part("met", 14, "met"), Part("not met", 4, "not met"), Part("for a person", 4, "for a person")],
            title="Checklist",
        ),
        stage_bar(
            [Stage("editor-in-chief checks", 20, 14), Stage("in review", 30, 21, current=True)],
            title="Review 230",
            width=340,
        ),
    ):
        check_svg(svg)  # would raise: not well-formed, or loads something
        assert "var(--fg," in svg
        assert "prefers-color-scheme: dark" in svg
        assert len(svg.encode()) < 200_000
    # a long label is shortened in the picture and kept whole in its tooltip
    assert "org-1/a-rather-long-repository-name-1: " in strip
    assert "\u2026" in strip


def test_stage_bar_says_everything_in_words() -> None:
    from sciship.report.pictures.charts import Stage, stage_bar

    svg = stage_bar(
        [
            Stage("no stage label", 3, known=False),
            Stage("editor-in-chief checks", 20, 14),
            Stage("looking for reviewers", 40),
            Stage("in review", 30, 21, current=True),
        ],
        title="Review 230",
        width=340,
        note="Counted from label events.",
    )
    root = ET.fromstring(svg)
    words = " ".join("".join(t.itertext()) for t in root.iter(f"{SVG}text"))
    assert "editor-in-chief checks: 20 days (! overdue, should take 14)" in words
    assert "in review: 30 days (! overdue, should take 21) (now)" in words
    assert "Counted from label events." in words
    width = float(root.get("width", "0"))
    for t in root.iter(f"{SVG}text"):  # every line fits the picture (about 7 px a character)
        assert len("".join(t.itertext())) * 7.0 <= width + 1
    assert 'class="c-skip"' in svg  # the unknown stretch is grey


def test_a_read_covered_by_a_written_pattern_is_that_file_not_an_input() -> None:
    # seen in compgeolab/eql-gradient-boosted: a notebook writes best_predictions-{name}.nc, a script reads
    # best_predictions-block_averaged_sources.nc and another notebook the whole folder (`*`)
    flow = Flow(
        steps=(
            Step("07_grid.ipynb", "notebook", 1, writes=("results/air/best_predictions-*.nc",)),
            Step("98_latex.ipynb", "notebook", 2, reads=("results/air/*",)),
            Step("egu.py", "script", 3, reads=("results/air/best_predictions-block_averaged_sources.nc",)),
        ),
        outputs=("results/air/best_predictions-*.nc",),
    )
    g = flow_graph(flow)
    assert not [n for n in g.nodes.values() if n.kind in ("input", "missing")]
    box = "file:results/air/best_predictions-*.nc"
    assert g.nodes[box].kind == "intermediate"
    assert {(e.source, e.target) for e in g.edges} == {
        ("step:07_grid.ipynb", box),
        (box, "step:98_latex.ipynb"),
        (box, "step:egu.py"),
    }


def test_long_labels_keep_the_folder_and_the_name_end() -> None:
    from sciship.report.pictures.diagram import _short

    a = _short("results/airborne_survey/best_predictions-block_averaged_sources.nc")
    b = _short("results/ground_survey/best_predictions-block_averaged_sources.nc")
    assert a != b
    assert a.startswith("results/airborne")
    assert a.endswith("_sources.nc")
    assert len(a) == 48


def test_a_crowded_picture_folds_results_across_steps_but_keeps_the_chain() -> None:
    inputs = tuple(f"raw{k}/data.csv" for k in range(36))  # 36 boxes of their own: a crowded picture
    steps = tuple(
        Step(
            f"{i}_plot.py",
            "script",
            i + 1,
            reads=((f"d/{i - 1}.npy",) if i else ()) + inputs[i::3],
            writes=(f"d/{i}.npy", *(f"figs/{i}_{k}.png" for k in range(3))),
        )
        for i in range(3)
    )
    g = flow_graph(Flow(steps=steps, inputs=inputs, outputs=tuple(w for s in steps for w in s.writes)))
    labels = {n.label for n in g.nodes.values()}
    assert "figs/*.png (9 files)" in labels  # three steps' three figures each: one box
    assert {"d/0.npy", "d/1.npy"} <= labels  # the files that link the steps keep their own boxes


def test_long_labels_that_would_look_alike_are_shortened_less() -> None:
    """levylabpitt/replication_code_Sheridan_nanoscale_XUV_source_graphene: two files of REPRODUCE.md's
    picture were both `data/01.parallel/0…ramp_Ab_0.50/td.general/laser`."""
    g = Graph("runs")
    first = "data/01.parallel/01.ramp_Ab_0.10/subfolder/ramp_Ab_0.50/td.general/laser"
    second = "data/01.parallel/02.ramp_Ab_0.20/subfolder/ramp_Ab_0.50/td.general/laser"
    alone = "data/02.other/" + "x" * 60 + "/result.csv"
    for n, label in enumerate([first, second, alone]):
        g.add(Node(f"n{n}", label, "output"))
    shown = [g.shown(node) for node in g.nodes.values()]
    assert len(set(shown)) == 3
    assert "\u2026" in shown[2]  # (no other looks like it: as short as ever)
    assert len(shown[2]) == 48
    text = to_mermaid(g)
    assert all(s in text for s in shown)
    assert not errors(text)
