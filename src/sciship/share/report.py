"""The HTML page of ``sciship share`` (the pictures are :mod:`sciship.share.picture`'s).

- :func:`share_page`: one self-contained page (``--format html``): the summary, the data-flow picture
  whose steps link to their rows, the steps in run order with what each reads and writes, the inputs and
  outputs, the problems as finding cards, the metadata, and the files share writes (or would write).

Everything from the folder (paths, names, messages) goes into the page model as plain text, so the page
escapes it; the picture escapes it too.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

from sciship.report import html as h
from sciship.share.picture import flow_picture, flow_title, legend

if TYPE_CHECKING:
    from sciship.flow import Flow, FlowProblem
    from sciship.flow.groups import ProblemGroup
    from sciship.share.build import Known, ShareResult

#: at most this many paths in one cell of the step table (the JSON has them all)
_CELL_PATHS = 12


# ---------------------------------------------------------------------- the page
def _plain(text: str) -> str:
    """A path that is not UTF-8 (kept as surrogates) with replacement characters."""
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def _paths(paths: Sequence[str]) -> str | None:
    if not paths:
        return None
    shown = ", ".join(_plain(p) for p in paths[:_CELL_PATHS])
    more = len(paths) - _CELL_PATHS
    return shown + (f" and {more} more" if more > 0 else "")


def _problem_item(p: FlowProblem | ProblemGroup) -> h.Item:
    from sciship.checks import get_check
    from sciship.flow import PROBLEM_CODES, FlowProblem

    chk = get_check(p.code)
    details: list[h.Details] = []
    if isinstance(p, FlowProblem):
        where = _plain(p.path)
        if p.cell is not None:
            where += f", code cell {p.cell + 1}" + (f", line {p.line}" if p.line else "")
        elif p.line:
            where += f":{p.line}"
    else:  # many absolute paths under one folder: one card, each place behind a click
        where = _plain(p.folder)
        table = h.Table(
            ("where", "", "path"),
            [(_plain(at), verb, h.Code(_plain(path))) for at, verb, path in p.places()],
            filterable=True,
        )
        details.append(h.Details(f"Each path ({len(p.problems)})", [table]))
    fields = [("Why", chk.why), ("Fix", chk.fix)] if chk is not None else []
    title = chk.title if chk is not None else PROBLEM_CODES.get(p.code, p.code).capitalize()
    tone: h.Tone = chk.severity if chk is not None else "important"
    return h.Item(
        code=p.code,
        title=title,
        tone=tone,
        status="failed",
        location=where,
        message=_plain(p.message),
        fields=fields,
        details=details,
    )


def _kind_of_output(path: str, flow: Flow) -> str:
    from sciship.report.pictures.flowchart import file_kind

    read = any(path in s.reads for s in flow.steps)
    kind = file_kind(path, written=True, read=read, missing=False)
    return {"intermediate": "read by a later step", "output": "result"}.get(kind, kind)


def _headline(flow: Flow, kinds: Counter[str]) -> str:
    if not flow.steps:
        return "sciship found no script or notebook that reads or writes files it could follow."
    n = len(flow.steps)
    made = []
    for kind, word in (("figure", "figure"), ("table", "table")):
        if kinds[kind]:
            made.append(f"{kinds[kind]} {word}{'s' if kinds[kind] != 1 else ''}")
    others = sum(v for k, v in kinds.items() if k not in ("figure", "table"))
    if others:
        made.append(f"{others} other file{'s' if others != 1 else ''}")
    text = (
        f"{n} step{'s' if n != 1 else ''} read {len(flow.inputs)} input file"
        f"{'s' if len(flow.inputs) != 1 else ''} and make "
        + (", ".join(made) or "nothing sciship could see")
        + "."
    )
    if flow.problems:
        k = len(flow.problems)
        text += f" {k} problem{'s' if k != 1 else ''} to fix before you deposit."
    return text


def share_page(
    result: ShareResult, known: Known, *, project: str, subtitle: str | None, dry_run: bool
) -> h.Page:
    """The page of ``sciship share --format html`` (``dry_run``: what it would write)."""
    from sciship.report.pictures.diagram import to_svg
    from sciship.report.pictures.flowchart import step_anchors

    flow = result.flow
    name = result.metadata.name or project
    steps = sorted(flow.steps, key=lambda s: s.order)
    anchors = step_anchors(s.path for s in steps)
    outputs = {p: _kind_of_output(p, flow) for p in flow.outputs}
    kinds = Counter(outputs.values())
    writes = result.writes

    stats = [
        h.Stat("steps", len(steps)),
        h.Stat("inputs", len(flow.inputs)),
        h.Stat("missing inputs", len(flow.missing), "blocker" if flow.missing else "ok"),
        h.Stat("outputs", len(flow.outputs)),
        h.Stat("problems", len(flow.problems), "important" if flow.problems else "ok"),
        h.Stat("files to write" if dry_run else "files written", len(writes), "info"),
    ]
    figure = None
    if steps:
        graph = flow_picture(flow, name, links=True)
        figure = h.Figure(
            svg=to_svg(graph, standalone=False),
            caption="The data flow, read from the code (nothing was run). Arrows go from a file to the step "
            "that reads it and from a step to what it writes; select a step to jump to its row. Shapes: "
            + legend(graph)
            + ".",
            alt=f"{flow_title(name)}: {len(steps)} steps, {len(flow.inputs)} inputs, {len(flow.outputs)} "
            "outputs. The table of steps below says the same in words.",
        )

    sections: list[h.Section] = []
    if steps:
        rows = [
            (
                s.order,
                h.Code(_plain(s.path)),
                s.kind,
                h.Code(s.workdir) if s.workdir else "the folder",
                _paths(s.reads),
                _paths(s.writes),
                _paths(s.after),
            )
            for s in steps
        ]
        sections.append(
            h.Section(
                f"Steps, in the order to run them ({len(steps)})",
                [
                    h.Table(
                        ("#", "step", "kind", "runs from", "reads", "writes", "after"),
                        rows,
                        filterable=True,
                        row_ids=[anchors[s.path] for s in steps],
                    )
                ],
                intro="Each step reads only files that exist by the time it runs: the inputs, and what the "
                "steps above it write. REPRODUCE.md gives the command for each.",
                id="steps",
            )
        )
    else:
        sections.append(
            h.Section(
                "Steps",
                [h.Text("sciship found no script or notebook that reads or writes files it could follow.")],
                id="steps",
            )
        )
    if flow.inputs:
        missing = set(flow.missing)
        readers: dict[str, list[str]] = {}
        for s in steps:
            for f in s.reads:
                readers.setdefault(f, []).append(s.path)
        rows_in = [
            (
                h.Code(_plain(p)),
                h.Badge("missing", "blocker") if p in missing else h.Badge("in the folder", "ok"),
                _paths(readers.get(p, [])),
            )
            for p in flow.inputs
        ]
        sections.append(
            h.Section(
                f"Inputs ({len(flow.inputs)})",
                [h.Table(("file", "where", "read by"), rows_in, filterable=True)],
                intro="Files the steps read and no step writes. A missing one must come from somewhere: "
                "add it, or say in REPRODUCE.md where to get it.",
                id="inputs",
            )
        )
    if flow.outputs:
        writers: dict[str, list[str]] = {}
        for s in steps:
            for f in s.writes:
                writers.setdefault(f, []).append(s.path)
        rows_out = [(h.Code(_plain(p)), outputs[p], _paths(writers.get(p, []))) for p in flow.outputs]
        sections.append(
            h.Section(
                f"Outputs ({len(flow.outputs)})",
                [h.Table(("file", "what it is", "made by"), rows_out, filterable=True)],
                id="outputs",
            )
        )
    if flow.external:
        sections.append(
            h.Section(
                f"Paths outside the folder ({len(flow.external)})",
                [h.List([f"`{_plain(p)}`" for p in flow.external])],
                intro="Absolute paths and paths that leave the folder: they will not exist on another "
                "computer.",
                tone="warning",
                id="external",
            )
        )
    if flow.problems:
        from sciship.explain import page as explain_page

        learn = explain_page("share")
        from sciship.flow.groups import group_problems

        blocks: list[h.Block] = [h.Items([_problem_item(p) for p in group_problems(flow.problems)])]
        if learn:
            blocks.append(
                h.Details("Learn: sharing research code (`sciship explain share`)", [h.Markdown(learn)])
            )
        sections.append(
            h.Section(
                f"Problems ({len(flow.problems)})",
                blocks,
                intro="What would stop someone else from rerunning the analysis. Each says where and how to "
                "fix it.",
                tone="important",
                id="problems",
            )
        )
    sections.append(_metadata_section(result, known))
    sections.append(_plan_section(result, dry_run=dry_run))
    if result.archive is not None:
        sections.append(_archive_section(result))
    notes = [*result.notes, *result.plan.notes]
    if notes:
        sections.append(h.Section("Notes", [h.List(notes)], tone="info", id="notes"))

    if dry_run:
        next_step = "Run the same command without `--dry-run` to write these files."
    else:
        next_step = (
            "Commit these files. On GitHub, turn on the Zenodo integration and make a release to get a DOI "
            "(`sciship explain share`)."
        )
    if flow.problems:
        next_step = (
            "Fix the problems below (each card says how), then: " + next_step[0].lower() + next_step[1:]
        )
    return h.Page(
        title="sciship share" + (" (dry run)" if dry_run else ""),
        project=name,
        subtitle=subtitle,
        headline=_headline(flow, kinds),
        next_step=next_step,
        stats=stats,
        figure=figure,
        sections=sections,
        meta=(("Files in the deposit", str(len(result.files))),),
    )


def _metadata_section(result: ShareResult, known: Known) -> h.Section:
    meta = result.metadata
    people = ", ".join(p.display + (f" ({p.orcid})" if p.orcid else "") for p in meta.people) or None
    authors_from = known.authors_from if known.authors_from and meta.people == known.authors else None
    license_from = known.license_from if known.license_from and meta.license == known.license else None
    data_from = (
        known.data_license_from if meta.data_license and meta.data_license == known.data_license else None
    )
    rows: list[tuple[h.Cell, ...]] = [
        ("title", meta.name, None),
        ("authors", people, authors_from),
        ("code license", meta.license or h.Badge("not chosen", "blocker"), license_from),
        ("data license", meta.data_license, data_from),
        ("version", meta.version, None),
        ("date", meta.date_released, None),
    ]
    if meta.doi:
        rows.append(("DOI", meta.doi, None))
    return h.Section(
        "Metadata",
        [h.Table(("field", "value", "from"), rows)],
        intro="CITATION.cff, codemeta.json, .zenodo.json and the RO-Crate are all written from these.",
        id="metadata",
    )


_ACTION_WORDS = {"create": "create", "copy": "create", "edit": "update", "move": "move"}


def _plan_section(result: ShareResult, *, dry_run: bool) -> h.Section:
    rows: list[tuple[h.Cell, ...]] = [
        (_ACTION_WORDS.get(kind, kind), h.Code(_plain(path)), reason)
        for kind, path, reason in result.plan.summary()
    ]
    archive = result.archive
    if archive is not None and archive.path not in {a.path for a in result.plan.actions}:
        rows.append(("create", h.Code(archive.path), "the deposit archive"))
    blocks: list[h.Block] = [h.Table(("action", "file", "what it is for"), rows)]
    if result.kept:
        blocks.append(
            h.Details(
                f"Kept as they are ({len(result.kept)})",
                [h.Table(("file", "why"), [(h.Code(_plain(p)), why) for p, why in result.kept])],
                open=True,
            )
        )
    heading = "Files share would write" if dry_run else "Files share wrote"
    return h.Section(
        f"{heading} ({len(rows)})",
        blocks,
        intro="sciship never overwrites a file of yours and writes all or nothing." if dry_run else None,
        id="plan",
    )


def _archive_section(result: ShareResult) -> h.Section:
    archive = result.archive
    assert archive is not None  # noqa: S101 - the caller checks
    facts = [f"`{archive.path}`: {len(archive.entries)} files."]
    if archive.sha256:
        facts.append(f"sha256 `{archive.sha256}`.")
    blocks: list[h.Block] = [h.Text(" ".join(facts))]
    if archive.left_out:
        blocks.append(
            h.Table(
                ("left out", "why"),
                [(h.Code(_plain(p)), why) for p, why in archive.left_out],
                caption="Files the archive leaves out",
            )
        )
    return h.Section("The deposit archive", blocks, id="archive")


def render(result: ShareResult, known: Known, *, project: str, subtitle: str | None, dry_run: bool) -> str:
    """The page as HTML text (paths that are not UTF-8 shown with replacement characters)."""
    return _plain(h.render(share_page(result, known, project=project, subtitle=subtitle, dry_run=dry_run)))
