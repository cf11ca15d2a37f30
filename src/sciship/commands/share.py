"""``sciship share``: make a folder of research code citable and reproducible, without making a package.

Writes CITATION.cff, codemeta.json, .zenodo.json, ro-crate-metadata.json, REPRODUCE.md (and
requirements.txt where the folder declares no environment), and with ``--archive`` a reproducible zip
for a deposit. Reads files only: the code is never run. Exit codes: 0 done (or planned); 2 the folder or
the options cannot be used (nothing is written).
"""

from __future__ import annotations

import argparse
import json
import re
from typing import TYPE_CHECKING, Any

from sciship._regex import compile_later

if TYPE_CHECKING:
    from collections.abc import Sequence

    from sciship.share import Known, Options, ShareResult
    from sciship.ui import UI

_SIZE = compile_later(r"^\s*(\d+(?:\.\d+)?)\s*([kmgt]?i?b?)?\s*$", re.IGNORECASE)
_UNITS = {"": 1, "b": 1, "k": 1_000, "m": 1_000_000, "g": 1_000_000_000, "t": 1_000_000_000_000}


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    """Add ``sciship share`` and its options to the command-line parser."""
    p = sub.add_parser(
        "share",
        parents=[common],
        help="make research code citable and reproducible (no package needed)",
        description="Find which script or notebook reads and writes which files, then write what a "
        "deposit needs: CITATION.cff, codemeta.json, .zenodo.json, ro-crate-metadata.json, REPRODUCE.md "
        "(and requirements.txt when the folder declares no environment). Reads files only: your code is "
        "never run, and none of your files is changed.",
    )
    p.add_argument("path", nargs="?", default=".", help="the folder to share (default: here)")
    p.add_argument("--dry-run", action="store_true", help="show what would be written, write nothing")
    p.add_argument(
        "--format",
        choices=("terminal", "json", "html"),
        default="terminal",
        help="html: one page with the data-flow picture, the steps, the problems and the files "
        "(use --output)",
    )
    p.add_argument("--output", "-o", metavar="FILE", help="write the report to FILE instead of the screen")
    p.add_argument(
        "--graph",
        metavar="FILE",
        help="also draw the data flow on its own: FILE.svg (a picture), FILE.mmd (Mermaid) or FILE.dot "
        "(Graphviz); written also with --dry-run",
    )
    p.add_argument("--license", metavar="SPDX", help="the license of the code, e.g. MIT (never guessed)")
    p.add_argument(
        "--data-license", metavar="SPDX", help="the license of the data and figures (suggested: CC-BY-4.0)"
    )
    p.add_argument(
        "--orcid",
        action="append",
        default=[],
        metavar="ORCID",
        help='an author\'s ORCID iD: `0000-...` (next author without one) or "Name=0000-..."; repeatable',
    )
    p.add_argument("--yes", "-y", action="store_true", help="ask nothing: take what is known and suggested")
    p.add_argument(
        "--update", action="store_true", help="refresh version, date, authors and license in existing files"
    )
    p.add_argument("--archive", action="store_true", help="also write dist/<name>-<version>-share.zip")
    p.add_argument(
        "--max-file-size",
        default="50MB",
        metavar="SIZE",
        help="with --archive: files larger than this stay out (listed with their sha256); default 50MB",
    )
    p.set_defaults(handler=run)


def parse_size(text: str) -> int:
    """The number of bytes in a size such as ``500kB``, ``50MB`` or ``2GB`` (k, M, G and T count in
    thousands; ``KiB``, ``MiB``, ``GiB`` and ``TiB`` in 1024s); :class:`InputError` for anything else."""
    from sciship._errors import InputError

    m = _SIZE.match(text)
    if not m:
        raise InputError(
            f"`{text}` is not a size.", hint="Write a number with an optional unit: `500kB`, `50MB`, `2GB`."
        )
    unit = (m.group(2) or "").lower().rstrip("b")
    if unit.endswith("i") and len(unit) == 2:  # KiB, MiB, ...: powers of 1024
        return int(float(m.group(1)) * 1024 ** ("kmgt".index(unit[0]) + 1))
    return int(float(m.group(1)) * _UNITS.get(unit.rstrip("i"), 1))


def run(args: argparse.Namespace, ui: UI) -> int:
    """Write the files that make the folder citable and reproducible (or list them with ``--dry-run``) and
    print the data flow and metadata.

    Returns 0; unusable options or an unusable folder raise :class:`InputError` (exit 2) before anything is
    written.
    """
    import gc

    # share makes many objects (syntax trees, facts, paths) and next to no garbage cycles: the collector's
    # passes only cost time here (5 ms of a 0.2 s first run on 52 scripts; sympy: 12.2 -> 11.0 s, its
    # peak memory 196 -> 203 MB)
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _share(args, ui)
    finally:
        if collecting:
            gc.enable()


def _share(args: argparse.Namespace, ui: UI) -> int:
    from sciship._errors import InputError
    from sciship.commands._output import refuse_html_on_terminal
    from sciship.project import Project
    from sciship.report.progress import progress_for
    from sciship.share import inventory

    refuse_html_on_terminal(args, ui)
    max_size = parse_size(args.max_file_size)
    _check_options(args)
    project = Project.load(args.path)
    if not project.files:
        raise InputError(
            f"The folder `{project.root}` is empty (or everything in it is ignored by .gitignore), so there "
            "is nothing to share.",
            hint="Point sciship at the folder that holds your scripts, notebooks and data.",
        )
    if not inventory.has_code(project):
        code = [p for p in project.files if p.endswith((".py", ".ipynb"))]
        copies = [p for p in code if inventory.never_deposited(p)]
        if code and len(copies) == len(code):  # only Jupyter's autosaved copies, build output, caches
            folders = sorted({p.rsplit("/", 1)[0] for p in copies if "/" in p})
            raise InputError(
                f"The only scripts and notebooks in `{project.root}` are copies that tools keep "
                f"({len(copies)} in {_some(folders)}: Jupyter's autosaved checkpoints, build output or "
                "caches), which share leaves out, so there is no analysis to describe.",
                hint="Put your notebooks and scripts themselves in the folder (a checkpoint is only an "
                "autosaved copy of a notebook), or run `sciship share` on the folder that holds them.",
            )
        languages = inventory.script_languages(project)
        if languages and not code:
            from sciship.metadata.languages import said as listed

            raise InputError(
                f"There is no Python script or notebook in `{project.root}`: its code is "
                f"{listed(languages)}, and sciship reads Python code only, so there is no analysis to "
                "describe.",
                hint="Run `sciship share` on a folder with Python scripts or notebooks"
                + (
                    "; for R code, the `codemetar` and `cffr` R packages write codemeta.json and CITATION.cff"
                    if "R" in languages
                    else ""
                )
                + ". A CITATION.cff written by hand (https://citation-file-format.github.io) and a Zenodo "
                "deposit of the folder make any code citable.",
            )
        raise InputError(
            f"There is no Python script or notebook in `{project.root}`"
            + (" that sciship can read" if code else "")
            + ", so there is no analysis to describe.",
            hint="Run `sciship share` on the folder that holds your code (`.py` files or notebooks).",
        )
    others = inventory.other_languages(project)
    if others:  # R (or Julia) notebooks only: nothing sciship can analyse
        named = {"r": "R", "ir": "R", "julia": "Julia", "scala": "Scala", "matlab": "MATLAB"}
        said = " and ".join(f"{named.get(k, k)} ({len(v)})" for k, v in sorted(others.items()))
        raise InputError(
            f"The notebooks in `{project.root}` are written in {said}, and there is no Python script or "
            "notebook: sciship reads Python code only, so there is no analysis to describe (and the "
            "metadata would call the code Python).",
            hint="Run `sciship share` on a folder with Python scripts or notebooks; for R code, the "
            "`codemetar` and `cffr` R packages write codemeta.json and CITATION.cff.",
        )
    if project.in_git:  # git's answers (who committed, your name) come while the files are read
        from sciship import _git

        # (before the data flow's child takes the other CPU: git then starts at once, 2-6 ms sooner)
        _git.start(_git.CONFIG, project.root)
        _git.start(_git.AUTHORS, project.root)
    from sciship.flow import prefetch, trace

    # the cold data-flow scan starts on the other core first: this process imports what it needs next,
    # and analyses the imports, meanwhile
    prefetch(project)
    from sciship import share
    from sciship.flow import will_parse
    from sciship.imports.analysis import analyze_deferring_syntax, confirm_syntax

    bar = progress_for(ui, quiet=args.format == "json")
    with bar:
        bar.step("Read the scripts and notebooks")
        # the data flow parses the scripts anyway: their full syntax check waits for its verdicts
        analyze_deferring_syntax(project, will_parse(project))
        known = share.known(project)  # before the flow: the early child may still be building it
        flow = trace(project)
        confirm_syntax(project, flow.parsed)
    if args.license:
        share.check_license_choice(args.license, known)
    options = _decide(args, ui, known, project, max_size)  # may ask questions: no progress line then
    with bar:
        bar.step("Describe the files")
        result = share.prepare(project, options, flow, known, progress=_archive_progress(bar))
    try:
        if not args.dry_run:
            _require(result, known)
            with bar:
                bar.step("Write the files", total=len(result.plan.actions))
                result.plan.apply(progress=bar.update)
        if args.graph:
            _write_graph(args, ui, result)
        _show(result, known, args, ui, dry_run=args.dry_run, project=project)
        return 0
    finally:
        if result.archive is not None:
            result.archive.cleanup()


#: places shown under a problem that gathers many (each is in ``--format json``)
_PLACES = 3


def _names(paths: Sequence[str]) -> str:
    """``a.csv, b.csv``; a name with a comma or a space in it quoted, so that each can be told apart
    (IBA-paper-code's ``weights/estimator_resnet50_1,2,3,4,fc.torch``)."""
    return ", ".join(f"`{p}`" if ("," in p or " " in p) else p for p in paths)


def _two(paths: list[str]) -> str:
    """``/a/x, /b/y and 3 more``: the first two of ``paths`` (a step's line stays short)."""
    return _names(paths[:2]) + (f" and {len(paths) - 2} more" if len(paths) > 2 else "")


def _some(items: list[str], shown: int = 3) -> str:
    """``a`, `b` and 2 more``: a few of ``items`` by name."""
    named = ", ".join(f"`{i}`" for i in items[:shown])
    return named + (f" and {len(items) - shown} more" if len(items) > shown else "")


def _archive_progress(bar: Any) -> Any:
    """Packing the archive, on the progress line: ``Pack the archive 120/800``."""

    def report(done: int, total: int) -> None:
        if done == 0:
            bar.step("Pack the deposit archive", total=total)
        bar.update(done, total)

    return report


def _check_graph(args: argparse.Namespace) -> None:
    from sciship._errors import InputError
    from sciship.share.picture import GRAPH_FORMATS, graph_format

    if args.graph and graph_format(args.graph) is None:
        raise InputError(
            f"sciship cannot tell from its name what `{args.graph}` should be.",
            hint="End the file name with "
            + ", ".join(f"`{ext}`" for ext in GRAPH_FORMATS)
            + ": `--graph flow.svg` draws a picture, `--graph flow.mmd` writes Mermaid text.",
        )


def _write_graph(args: argparse.Namespace, ui: UI, result: ShareResult) -> None:
    """The data flow on its own, where the user asked (a report-like output, like --output: atomic, never
    over a file sciship did not write)."""
    from sciship.report.output import write_report
    from sciship.share.picture import graph_format, graph_text

    fmt = graph_format(args.graph)
    assert fmt is not None  # noqa: S101 - checked before any work
    text = graph_text(result.flow, result.metadata.name or "this folder", fmt)
    path = write_report(_printable(text), args.graph, option="--graph")
    kind = {"svg": "picture", "mermaid": "Mermaid text", "dot": "Graphviz DOT text"}[fmt]
    ui.info(f"Wrote the data flow ({kind}) to {path}")


def _check_options(args: argparse.Namespace) -> None:
    """Options that cannot be used stop the command before any work (exit 2, nothing written)."""
    from sciship._errors import InputError
    from sciship.metadata.model import orcid_url
    from sciship.share.build import check_license

    if args.license:
        check_license(args.license, "code license")
    if args.data_license:
        check_license(args.data_license, "data license")
    _check_graph(args)
    for value in args.orcid:
        if orcid_url(value.rpartition("=")[2]) is None:
            raise InputError(
                f"`{value}` is not an ORCID iD.",
                hint="An ORCID iD looks like `0000-0002-1825-0097`; give it as `--orcid 0000-...` or "
                '`--orcid "Ada Lovelace=0000-..."`.',
            )


def _where_said(where: str) -> str:
    """``README.md`` as `README.md`, a description as it is, with a capital."""
    return where[0].upper() + where[1:] if " " in where else f"`{where}`"


def _require(result: ShareResult, known: Known) -> None:
    from sciship._errors import InputError
    from sciship.share.build import license_options_said

    needs_license = any(
        a.path in {"CITATION.cff", ".zenodo.json", "ro-crate-metadata.json"} for a in result.plan.actions
    )
    if not result.metadata.license and needs_license and known.license_options:
        raise InputError(
            "sciship share needs the exact license of your code (Zenodo and RO-Crate require one). Nothing "
            "was written.",
            hint=license_options_said(known) + ".",
        )
    if not result.metadata.license and needs_license:
        said = result.metadata.license_text
        aside = (
            f" The project says `{said}`, which is not an SPDX license id (it could be several licenses)."
            if said
            else ""
        )
        raise InputError(
            "sciship share needs the license of your code: without one, nobody may legally reuse it, and "
            f"Zenodo and RO-Crate require one.{aside} Nothing was written.",
            hint=(
                "Pass the SPDX id of the license your LICENSE file holds (https://spdx.org/licenses), for "
                "example `--license BSD-3-Clause`."
                if said
                else f"{_where_said(known.license_said[1])} says {known.license_said[0]}: pass `--license "
                f"{known.license_said[0]}` to record it, or choose another."
                if known.license_said
                else "Choose one and pass it: `sciship share --license MIT` (MIT is the usual choice for "
                "research code; `sciship explain licenses` compares them)."
            ),
        )
    if not result.metadata.people and any(a.path == "CITATION.cff" for a in result.plan.actions):
        raise InputError(
            "sciship share needs at least one author for CITATION.cff, and found none (no authors in the "
            "project's files, no git history, no `git config user.name`). Nothing was written.",
            hint='Run it on a terminal to type the authors, or set `git config user.name "Your Name"`.',
        )


def _decide(args: argparse.Namespace, ui: UI, known: Known, project: Any, max_size: int) -> Options:
    from sciship.metadata.writers.rocrate import role_of
    from sciship.share import SUGGESTED_DATA_LICENSE, Options
    from sciship.share.build import license_options_said
    from sciship.share.people import parse_people

    ask = ui.interactive and not args.yes and args.format == "terminal" and not args.dry_run
    code_license = args.license
    if code_license is None and known.license_options and ask:
        ui.write(license_options_said(known) + ".")
        code_license = ui.ask(f"License for the code ({' or '.join(known.license_options)})", "") or None
    elif code_license is None and known.license is None and ask:
        ui.write(
            "Your code has no license yet. Without one nobody may reuse it. MIT is short and the usual "
            "choice for research code; GPL-3.0-or-later keeps changed versions open."
        )
        code_license = ui.ask("License for the code (an SPDX id; empty: decide later)", "") or None
    data_license = args.data_license
    has_data = any(role_of(f) in {"data", "figure", "table"} for f in project.files)
    if data_license is None and known.data_license is None and has_data:
        if ask:
            data_license = ui.ask(
                "License for the data and figures (CC-BY-4.0 asks for credit; CC0-1.0 asks for nothing)",
                SUGGESTED_DATA_LICENSE,
            )
        elif args.yes:
            data_license = SUGGESTED_DATA_LICENSE
    authors = None
    if ask:
        shown = "; ".join(p.display for p in known.authors)
        if known.authors:
            ui.write(f"Authors (from {known.authors_from}): {shown}")
            if not ui.confirm("Are these the authors, in this order?", default=True):
                authors = parse_people(ui.ask("Authors, separated by `;` (Name <email>)", shown))
        else:
            authors = parse_people(ui.ask("Authors, separated by `;` (Name <email>)", ""))
    return Options(
        license=code_license,
        data_license=data_license,
        authors=authors,
        orcids=tuple(args.orcid),
        update=args.update,
        archive=args.archive,
        max_file_size=max_size,
        dry_run=args.dry_run,
    )


def _show(
    result: ShareResult, known: Known, args: argparse.Namespace, ui: UI, *, dry_run: bool, project: Any
) -> None:
    from sciship.commands._output import emit

    if args.format == "json":
        data = result.to_json()
        if result.archive is not None and result.archive.sha256:
            data["archive"] = {"path": result.archive.path, "sha256": result.archive.sha256}
        emit(_printable(json.dumps(data, indent=2, ensure_ascii=False)), args, ui)
        return
    if args.format == "html":
        from sciship.commands._output import project_name, shown_path
        from sciship.share import report

        text = report.render(
            result,
            known,
            project=project_name(project),
            subtitle=shown_path(args.path, project),
            dry_run=dry_run,
        )
        flow = result.flow
        emit(
            text,
            args,
            ui,
            summary=lambda: (
                f"{len(flow.steps)} steps, {len(flow.problems)} problems, "
                f"{len(result.writes)} files {'to write' if dry_run else 'written'}."
            ),
        )
        return
    st = ui.style
    flow = result.flow
    out: list[str] = []
    if dry_run:
        out += [st("sciship share --dry-run: nothing was written.", "bold"), ""]
    if flow.steps:
        unlinked = len(flow.steps) > 1 and not any(step.after for step in flow.steps) and not flow.sequenced
        out.append(
            st(
                "Steps (none reads what another writes, so their order is unknown: listed by name):"
                if unlinked
                else "Steps, in the order to run them:",
                "bold",
            )
        )
        # (paths outside the folder are problems; each step says it has some, so that none looks idle)
        elsewhere: dict[str, set[str]] = {}
        only_if_there: dict[str, set[str]] = {}  # (reads that need not find their file: no problem below)
        for use in flow.uses:
            if use.location in ("absolute", "outside"):
                (only_if_there if use.optional else elsewhere).setdefault(use.source, set()).add(use.path)
        from sciship.share import inventory

        # (what REPRODUCE.md says of a step that the files below do not show: lfsanche/econ_letters'
        # `%%stata` cells, a Python 2 script, a prompt that stops the run; round 33 left them out here)
        other = inventory.other_cells(project, [s.path for s in flow.steps if s.kind == "notebook"])
        for step in flow.steps:
            where = f"  (runs in {step.workdir}/)" if step.workdir and step.kind == "script" else ""
            out.append(f"  {step.order}. {step.path}" + st(where, "dim"))
            for language, count in other.get(step.path, {}).items():
                cells, their = ("1 cell", "its") if count == 1 else (f"{count} cells", "their")
                out.append(st(f"       {cells} in {language}, not read: {their} files are not listed", "dim"))
            if step.python2:
                out.append(st("       Python 2: runs with Python 2.7; its files are not listed", "dim"))
            if step.asks:
                named = ", ".join(f"`{a}`" for a in step.asks if a) or "an answer it does not name"
                out.append(st(f"       asks as it runs (input()): {named}", "dim"))
            if step.reads:
                out.append(st("       reads  ", "dim") + _names(step.reads))
            if step.writes:
                out.append(st("       writes ", "dim") + _names(step.writes))
            outside = sorted(elsewhere.get(step.path, ()))
            if outside:
                below = st(" (see below)", "dim")
                out.append(st("       outside the folder: ", "dim") + _two(outside) + below)
            # (Dyn0402/Proton_Fluctuations_Paper_Analysis: "see below" promised a problem that a read after
            # an existence check never has)
            maybe = sorted(only_if_there.get(step.path, set()) - set(outside))
            if maybe:
                out.append(st("       outside the folder, only if there: ", "dim") + _two(maybe))
    else:
        out.append("No script or notebook reads or writes files that sciship could follow.")
    if flow.stubs:  # (no step: each only raises NotImplementedError)
        said = st("  Not steps, not written yet (they only raise NotImplementedError): ", "dim")
        out.append(said + _two(list(flow.stubs)))
    if flow.problems:
        from sciship.flow.groups import told

        groups = told(flow.problems, _PLACES)
        # (the problems of many files under one folder are told together, with a few of their places)
        shown = ""
        if len(groups) < len(flow.problems):
            shown = ", told together" if len(groups) == 1 else f", in {len(groups)} groups"
        out += ["", st(f"Problems ({len(flow.problems)}{shown}):", "bold", "yellow")]
        for t in groups:
            out.append(f"  {t.where}: {t.message} ({t.code})")
            out += [st(f"      {where} {verb} {path}", "dim") for where, verb, path in t.places]
            if t.more:
                out.append(st(f"      and {t.more} more places (`--format json` lists each one)", "dim"))
    meta = result.metadata
    out += ["", st("Metadata:", "bold")]
    out.append(f"  title         {meta.name}")
    people = (
        ", ".join(
            p.display
            + (f" ({p.orcid})" if p.orcid else "")
            + (" (a GitHub login, no name)" if p.login_only else "")
            for p in meta.people
        )
        or "none"
    )
    source = f"  (from {known.authors_from})" if known.authors_from and meta.people == known.authors else ""
    out.append(f"  authors       {people}{st(source, 'dim')}")
    lic_from = (
        f"  (from {known.license_from})" if known.license_from and meta.license == known.license else ""
    )
    if not meta.license and known.license_options:  # `LICENSE` is the GPL: -only or -or-later?
        lic_from = f"  ({known.license_from} is {' or '.join(known.license_options)})"
    out.append(f"  code license  {meta.license or 'not chosen'}{st(lic_from, 'dim')}")
    if meta.data_license:
        data_from = known.data_license_from if meta.data_license == known.data_license else None
        said = f"  (from {data_from})" if data_from else ""
        if not said and args.yes and not args.data_license and meta.data_license != known.data_license:
            said = "  (suggested, as you passed --yes: `--data-license` chooses another)"
        out.append(f"  data license  {meta.data_license}" + st(said, "dim"))
    out += ["", st("Would write:" if dry_run else "Wrote:", "bold")]
    for kind, path, reason in result.plan.summary():
        shown_kind = "create" if kind == "copy" else kind
        out.append(f"  {shown_kind:<6} {path}  {st('- ' + reason, 'dim')}")
    if result.archive is not None and dry_run:
        out.append(f"  create {result.archive.path}  {st('- the deposit archive', 'dim')}")
    for path, why in result.kept:
        out.append(f"  keep   {path}  {st('- ' + why, 'dim')}")
    archive = result.archive
    if archive is not None:
        out += ["", st("Archive:", "bold") + f" {archive.path}, {len(archive.entries)} files"]
        if archive.sha256:
            out.append(f"  sha256 {archive.sha256}")
        if archive.left_out:
            out.append("  Left out:")
            out.extend(f"    {path}: {why}" for path, why in archive.left_out)
    for note in [*result.notes, *result.plan.notes]:
        out += ["", st.wrap(note, first=st("Note: ", "bold", "yellow"), indent="  ")]
    out.append("")
    if dry_run:
        out.append("Run the same command without --dry-run to write these files.")
    else:
        out.append(
            "Next: commit these files. On GitHub, turn on the Zenodo integration and make a release to get "
            "a DOI (`sciship explain share`)."
        )
    emit(_printable("\n".join(out)), args, ui)


def _printable(text: str) -> str:
    """File names that are not UTF-8 (kept as surrogates) shown with replacement characters."""
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
