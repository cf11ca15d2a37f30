"""Whether two path patterns can name the same file (``_expr.overlap``), against a plain search."""

from __future__ import annotations

import itertools
import re

from sciship.flow import _expr as ex
from sciship.flow._expr import STAR, STAR2

_SYMBOLS = ("a", "b", "/", STAR, STAR2)


def _fits(pattern: str, path: str) -> bool:
    """``STAR`` is any text without ``/``; ``STAR2`` inside a name any text; ``STAR2`` as a whole folder
    any number of folders, none too (``a/STAR2/b`` fits ``a/b``)."""
    rx = ""
    parts = pattern.split("/")
    for k, part in enumerate(parts):
        last = k == len(parts) - 1
        if part == STAR2 and not last:
            rx += "(?:.*/)?"
        elif part == STAR2:
            rx = rx[:-1] + "(?:/.*)?" if rx.endswith("/") else rx + ".*"
        else:
            rx += "".join("[^/]*" if c == STAR else ".*" if c == STAR2 else re.escape(c) for c in part)
            rx += "" if last else "/"
    return re.fullmatch(rx, path, re.DOTALL) is not None


def _some_path_fits_both(a: str, b: str) -> bool:
    """Tries every path of a, b and / up to the length both patterns' known text has together: a path
    that fits both needs no more (each unknown part can be empty or take the other pattern's text)."""
    longest = len(a.replace(STAR, "").replace(STAR2, "")) + len(b.replace(STAR, "").replace(STAR2, ""))
    for n in range(longest + 1):
        for chars in itertools.product("ab/", repeat=n):
            path = "".join(chars)
            if _fits(a, path) and _fits(b, path):
                return True
    return False


def test_overlap_agrees_with_trying_every_path() -> None:
    patterns = ["".join(p) for n in range(1, 4) for p in itertools.product(_SYMBOLS, repeat=n)]
    patterns += ["ab" + STAR + "b", STAR + "ba", "a" + STAR + "b" + STAR, STAR + "/" + STAR2 + "a"]
    wrong = [
        (a, b)
        for a in patterns
        for b in patterns
        if ex.has_unknown(a) and ex.has_unknown(b) and ex.overlap(a, b) != _some_path_fits_both(a, b)
    ]
    assert wrong == []


def test_names_that_end_and_start_unknown_overlap() -> None:
    # a name known at its start and unknown at its end, and one unknown at its start: the same file can have
    # both (`CHO_trim1GROCap2_trim3GROCap4_refseq.bed`)
    a = f"out/CHO_trim{STAR}GROCap{STAR}_trim{STAR}GROCap{STAR}"
    assert ex.overlap(a, f"out/{STAR}_refseq.bed")
    assert not ex.overlap(a, f"other/{STAR}_refseq.bed")
    assert not ex.overlap(f"out/x{STAR}.csv", f"out/{STAR}.npy")
    assert ex.overlap(f"{STAR2}/a{STAR}", f"out/{STAR}b")


def test_unknown_parts_are_shown_as_the_legend_says() -> None:
    """lmuntjewerf/paper_figures_KNMI-LENTIS: `tas_h{i:02d}{j}.nc` showed as `tas_h**.nc`, while `**`
    means unknown folders."""
    assert ex.display(f"a/{STAR2}/tas_h{STAR}{STAR}.nc") == "a/**/tas_h*.nc"
    assert ex.display(f"r/{STAR}-{STAR2}__all.pickle") == "r/*-*__all.pickle"
    assert ex.display(f"{STAR2}/x.csv") == "**/x.csv"
    assert ex.display("plain/x.csv") == "plain/x.csv"


def test_any_folders_twice_over_are_shown_once() -> None:
    """pyos/solar-data-tools: `**/**/*.csv` where `**/*.csv` says the same."""
    from sciship.flow._expr import STAR, STAR2, display, normalize

    assert display(STAR2 + "/" + STAR + STAR2 + "/*.csv") == "**/*.csv"
    assert display("a/" + STAR2 + "/b") == "a/**/b"
    assert normalize(STAR2 + "/" + STAR2 + "/x.csv") == STAR2 + "/x.csv"
