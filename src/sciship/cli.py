"""The command-line shell: parse arguments, call the library, render, map outcomes to exit codes.

Exit codes: 0 nothing failed at or above ``--fail-on``; 1 something did (or a command's work failed);
2 the input or the usage was wrong. Heavy modules are imported inside each command, so ``--help``
stays fast.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from sciship import __version__
from sciship.commands import COMMANDS

DESCRIPTION = """\
sciship walks you from research code to a package others can install, cite and trust.

  sciship new NAME       start a package the way the pyOpenSci guide recommends
  sciship adopt PATH     turn a folder of scripts and notebooks into a package
  sciship check [PATH]   a plain-language review: what is wrong, why it matters, how to fix it
  sciship deps [PATH]    dependencies your code imports vs the ones you declared
  sciship share [PATH]   make research code citable and reproducible (no package needed)
  sciship build [PATH]   build, install into a clean environment, import everything
  sciship publish [PATH] upload to TestPyPI first, then PyPI
  sciship review ...     pyOpenSci peer review: readiness, the submission, review tracking
  sciship audit SOURCE.. review many repositories at once, into one table
  sciship explain TOPIC  short pages on packaging ideas (try `sciship explain topics`)
"""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        sys.stderr.write(f"error: {message}\nRun `{self.prog} --help` to see what it takes.\n")
        raise SystemExit(2)


def build_parser() -> argparse.ArgumentParser:
    """The ``sciship`` argument parser, with every command's subparser and the shared ``--debug`` option."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--debug", action="store_true", help="show full error details (tracebacks)")
    parser = _Parser(
        prog="sciship",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"sciship {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for module in COMMANDS:
        module.register(sub, common)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``sciship`` command: parse ``argv`` (default: ``sys.argv[1:]``) and run the command.

    Without a command it prints the help. Returns the exit code.
    """
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "command", None):
        parser.print_help()
        return 0
    from sciship.ui import UI

    ui = UI(debug=args.debug)
    code = run(args, ui)
    if argv is None:  # the program ends here (tests call main with their own arguments, and go on)
        import gc

        # what is left is freed as the process ends; its last garbage collection need not walk it all
        # (a cold `sciship deps` on scipy: 28 ms -> 9 ms from the answer to the exit)
        gc.freeze()
    return code


def run(args: argparse.Namespace, ui: object) -> int:
    """Run the command's handler and turn errors into plain messages on stderr.

    Returns the handler's exit code, a sciship error's own code (1 or 2), 130 when interrupted, or 2 for an
    unexpected error. With ``--debug`` errors are raised with their traceback.
    """
    from sciship._errors import SciShipError
    from sciship.ui import UI

    if not isinstance(ui, UI):  # pragma: no cover - programming error
        raise TypeError("run() needs a sciship.ui.UI")
    try:
        code: int = args.handler(args, ui)
    except SciShipError as exc:
        if ui.debug:
            raise
        st = ui.err_style
        where = exc.location()
        ui.info(st("Error: ", "bold", "red") + (f"{where}: " if where else "") + exc.message)
        if exc.hint:
            ui.info(st("What to do: ", "bold") + exc.hint)
        return exc.exit_code
    except KeyboardInterrupt:
        ui.info("Stopped. Nothing half-written was left behind.")
        return 130
    except Exception as exc:
        if ui.debug:
            raise
        ui.info(
            ui.err_style("Error: ", "bold", "red")
            + f"sciship hit a problem it did not expect ({type(exc).__name__}: {exc})."
        )
        ui.info("Run the same command with --debug to see the details, and please report it.")
        return 2
    return code


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
