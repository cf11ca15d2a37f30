"""Make the README's screenshots (docs/images/), light and dark.

Usage: python benchmarks/screenshots.py [--out docs/images] [--research FOLDER]

- The HTML report: a good project (made by `sciship new`) and a troubled one (examples/lake-temps), each
  reviewed with `sciship check --format html`, photographed at 900 x 1100 CSS pixels.
- An audit of pyOpenSci-reviewed packages (`--audit`, default the first 12 clones in /work/repos/pyos):
  `sciship audit --format html`, photographed 1100 CSS pixels wide down to its table
  (`docs/images/audit-*.png`).
- The data flow of a real research folder (`--research`, default
  /work/repos/research/Rodgers-PAC-Lab__Mai2024, a clone of
  https://github.com/Rodgers-PAC-Lab/Mai2024): copied to a temporary folder, drawn with
  `sciship share --dry-run --graph flow.svg` and photographed whole, at its own size.

Everything is opened in Debian's Chromium (Playwright, no browser download). The date in the footer is
fixed (SOURCE_DATE_EPOCH) so that running the script again changes nothing when the report did not change.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent
EPOCH = "1767225600"  # 2026-01-01 00:00 UTC
RESEARCH = Path("/work/repos/research/Rodgers-PAC-Lab__Mai2024")
REVIEWED = Path("/work/repos/pyos")


def sciship(*args: str, cwd: Path, stdout: Path | None = None) -> None:
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH, "NO_COLOR": "1"}
    with Path(stdout or os.devnull).open("wb") as sink:
        subprocess.run([sys.executable, "-m", "sciship", *args], cwd=cwd, env=env, check=False, stdout=sink)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=HERE / "docs" / "images")
    parser.add_argument("--research", type=Path, default=RESEARCH)
    parser.add_argument("--audit", type=Path, default=REVIEWED, help="a folder of clones to audit")
    parser.add_argument("--audit-count", type=int, default=12)
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    work = Path(tempfile.mkdtemp(prefix="sciship-shots-"))
    sciship("new", "rainfall-tools", "--yes", "--no-git", "--author", "Ada Lovelace", "--email",
            "ada@example.org", "--github", "ada", cwd=work)
    shutil.copytree(HERE / "examples" / "lake-temps", work / "lake-temps")
    pages = {}
    for name, folder in (("good", "rainfall-tools"), ("troubled", "lake-temps")):
        sciship("check", folder, "--format", "html", "--output", f"{name}.html", cwd=work)
        pages[name] = (work / f"{name}.html").as_uri()
    args.out.mkdir(parents=True, exist_ok=True)
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium)
        for name, url in pages.items():
            for scheme in ("light", "dark"):
                page = browser.new_page(viewport={"width": 900, "height": 1100}, color_scheme=scheme)
                page.goto(url)
                target = args.out / f"report-{name}-{scheme}.png"
                page.screenshot(path=str(target))
                page.close()
                print(f"{target.relative_to(HERE)}: {target.stat().st_size // 1024} KiB")
        if args.research.is_dir():
            flow_shots(browser, args.research, work, args.out)
        else:
            print(f"{args.research} is not there: no picture of a research folder's data flow")
        if args.audit.is_dir():
            audit_shots(browser, args.audit, args.audit_count, work, args.out)
        else:
            print(f"{args.audit} is not there: no picture of an audit")
        browser.close()
    shutil.rmtree(work, ignore_errors=True)


def flow_shots(browser: object, research: Path, work: Path, out: Path) -> None:
    """The data flow of a real research folder, light and dark (`docs/images/share-flow-*.png`)."""
    copy = work / research.name
    shutil.copytree(research, copy, symlinks=True, ignore=shutil.ignore_patterns(".git"))
    sciship("share", str(copy), "--dry-run", "--license", "MIT", "--graph", "flow.svg", cwd=work)
    svg = work / "flow.svg"
    import re

    size = re.search(r'width="(\d+)" height="(\d+)"', svg.read_text(encoding="utf-8"))
    width, height = (int(size.group(1)), int(size.group(2))) if size else (1600, 900)
    for scheme in ("light", "dark"):
        page = browser.new_page(  # type: ignore[attr-defined]
            viewport={"width": width, "height": height}, color_scheme=scheme
        )
        page.goto(svg.as_uri())
        target = out / f"share-flow-{scheme}.png"
        page.screenshot(path=str(target))
        page.close()
        print(f"{target.relative_to(HERE)}: {target.stat().st_size // 1024} KiB")


def audit_shots(browser: object, clones: Path, count: int, work: Path, out: Path) -> None:
    """An audit of `count` reviewed packages, light and dark (`docs/images/audit-*.png`)."""
    folders = sorted(p for p in clones.iterdir() if (p / ".git").exists())[:count]
    sciship("audit", *map(str, folders), "--jobs", "2", "--format", "html", "--cache", str(work / "cache"),
            cwd=work, stdout=work / "audit.html")
    for scheme in ("light", "dark"):
        page = browser.new_page(  # type: ignore[attr-defined]
            viewport={"width": 1100, "height": 900}, color_scheme=scheme
        )
        page.goto((work / "audit.html").as_uri())
        target = out / f"audit-{scheme}.png"
        table = page.locator("table").first.bounding_box()  # the pictures, down to the table of numbers
        height = int(table["y"]) if table else 2200
        clip = {"x": 0, "y": 0, "width": 1100, "height": height}
        page.screenshot(path=str(target), full_page=True, clip=clip)
        page.close()
        print(f"{target.relative_to(HERE)}: {target.stat().st_size // 1024} KiB")


if __name__ == "__main__":
    main()
