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


# ---------------------------------------------------------------------- the severity rule
SEVERITY_PAGE = Path(__file__).parents[1] / "src" / "sciship" / "explain" / "severities.md"
_SECTION = re.compile(r"^## (blocker|important|polish):", re.MULTILINE)
_CLAUSE = re.compile(r"^- `([a-z-]+)`:", re.MULTILINE)
_LINE = re.compile(r"^- `([A-Z]{2,3}\d{3})` (blocker|important|polish) \(([a-z-]+)\): (.+)$", re.MULTILINE)


def severity_rule() -> tuple[dict[str, str], dict[str, tuple[str, str, str]]]:
    """The page's clauses (clause -> severity) and its line for each check (code -> severity, clause, why)."""
    text = SEVERITY_PAGE.read_text(encoding="utf-8")
    clauses: dict[str, str] = {}
    sections = list(_SECTION.finditer(text))
    for i, m in enumerate(sections):
        end = sections[i + 1].start() if i + 1 < len(sections) else text.index("## Every check")
        for clause in _CLAUSE.findall(text[m.end() : end]):
            clauses[clause] = m.group(1)
    lines = {m.group(1): (m.group(2), m.group(3), m.group(4)) for m in _LINE.finditer(text)}
    return clauses, lines


def test_the_rule_has_clauses_for_every_severity() -> None:
    clauses, _ = severity_rule()
    assert set(clauses.values()) == set(SEVERITIES)
    assert {c for c, s in clauses.items() if s == "blocker"} == {"build", "import", "legal", "secret"}


def test_every_registered_check_follows_the_severity_rule() -> None:
    """Every check, today's and any added later, is listed on `sciship explain severities` with its severity
    and the clause of the rule that justifies it; a blocker must name a blocker clause."""
    clauses, lines = severity_rule()
    registered = {c.code: c for c in all_checks()}
    unlisted = sorted(set(registered) - set(lines))
    assert not unlisted, f"add these checks to src/sciship/explain/severities.md: {unlisted}"
    for code, chk in registered.items():
        severity, clause, why = lines[code]
        assert severity == chk.severity, f"{code} is registered {chk.severity}, the rule page says {severity}"
        assert clauses.get(clause) == severity, f"{code}: `{clause}` is not a {severity} clause of the rule"
        assert len(why) > 15, code
    stale = sorted(set(lines) - set(registered))
    assert not stale, f"the rule page lists checks that do not exist: {stale}"


def test_severities_page_is_a_topic() -> None:
    from sciship import explain

    assert "severities" in explain.topics()
