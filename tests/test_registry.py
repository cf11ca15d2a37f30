"""The check registry as a whole: enough checks, each documented for beginners and each tested."""

from __future__ import annotations

import re
from pathlib import Path

from sciship.checks import SEVERITIES, all_checks

TESTS = Path(__file__).parent


def test_at_least_forty_checks_with_unique_stable_codes() -> None:
    codes = [c.code for c in all_checks()]
    assert len(codes) >= 40
    assert len(codes) == len(set(codes))
    assert all(re.fullmatch(r"[A-Z]{2,3}\d{3}", c) for c in codes)


def test_every_check_explains_itself() -> None:
    for c in all_checks():
        assert c.severity in SEVERITIES
        assert c.title
        assert not c.title.endswith(".")
        assert len(c.why) > 40, c.code  # the concept, in words for a first-time packager
        assert len(c.fix) > 20, c.code
        assert c.topic, c.code


def test_every_check_is_exercised_by_the_tests() -> None:
    text = "\n".join(p.read_text(encoding="utf-8") for p in TESTS.rglob("test_*.py"))
    untested = [c.code for c in all_checks() if c.code not in text]
    assert not untested


def test_prerequisites_exist_and_come_first() -> None:
    order = {c.code: i for i, c in enumerate(all_checks())}
    for c in all_checks():
        for req in c.requires:
            assert req in order, (c.code, req)
            assert order[req] < order[c.code], (c.code, req)
