"""Make the README's screenshots of the HTML report (docs/images/), light and dark.

Usage: python benchmarks/screenshots.py [--out docs/images]

A good project (made by `sciship new`) and a troubled one (examples/lake-temps), each reviewed with
`sciship check --format html`, opened in Debian's Chromium (Playwright, no browser download) and
photographed at 900 x 1100 CSS pixels. The date in the footer is fixed (SOURCE_DATE_EPOCH) so that
running the script again changes nothing when the report did not change.
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


def sciship(*args: str, cwd: Path) -> None:
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH, "NO_COLOR": "1"}
    subprocess.run([sys.executable, "-m", "sciship", *args], cwd=cwd, env=env, check=False,
                   stdout=subprocess.DEVNULL)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=HERE / "docs" / "images")
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
        browser.close()
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
