"""Make the README's screenshots (docs/images/), light and dark.

Usage: python benchmarks/screenshots.py [--out docs/images] [--research FOLDER]

- The HTML report: a good project (made by `sciship new`) and a troubled one (examples/lake-temps), each
  reviewed with `sciship check --format html`, photographed at 900 x 1100 CSS pixels.
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


def sciship(*args: str, cwd: Path) -> None:
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH, "NO_COLOR": "1"}
    subprocess.run([sys.executable, "-m", "sciship", *args], cwd=cwd, env=env, check=False,
                   stdout=subprocess.DEVNULL)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=HERE / "docs" / "images")
    parser.add_argument("--research", type=Path, default=RESEARCH)
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


if __name__ == "__main__":
    main()
