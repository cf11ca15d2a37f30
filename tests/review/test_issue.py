"""Reading review issues: every header variant real pyOpenSci issues use, written for these tests."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from sciship._errors import InputError
from sciship.review.issue import (
    ReviewUser,
    category_slug,
    from_issue,
    parse_body,
    parse_date,
    parse_people,
    parse_url,
    to_record,
)

BODIES = Path(__file__).parent / "bodies"


def body(name: str) -> str:
    return (BODIES / name).read_text(encoding="utf-8")


def record(name: str) -> dict[str, Any]:
    return to_record(parse_body(body(name)))


def test_current_template_in_review() -> None:
    r = record("current_in_review.md")
    assert r["package_name"] == "tidewatch"
    assert r["package_description"] == "Read, clean and resample tide-gauge records from national archives"
    assert r["submitting_author"] == {"name": "Mara Okafor", "github_username": "mokafor"}
    assert r["all_current_maintainers"] == [
        {"name": "", "github_username": "mokafor"},
        {"name": "", "github_username": "t-lindgren"},
    ]
    assert r["repository_link"] == "https://github.com/coastal-lab/tidewatch"
    assert r["repository_host"] == "github"
    assert r["version_submitted"] == "v0.6.2"
    assert r["eic"] == {"name": "Jonas Weber", "github_username": "jweber-eic"}
    assert r["editor"] == {"name": "Priya Raman", "github_username": "praman"}
    assert r["reviewers"] == [
        {"name": "Hugo Lefèvre", "github_username": "hlefevre"},
        {"name": "", "github_username": "sato-k"},
    ]
    assert r["archive"] is None
    assert r["joss"] is None
    assert r["date_accepted"] is None
    assert r["version_accepted"] is None
    assert r["categories"] == [
        "data-retrieval",
        "data-processing-munging",
        "data-validation-testing",
        "geospatial",
    ]
    assert r["partners"] == ["pangeo"]
    assert r["extra"] == {}
    assert r["warnings"] == []
    assert r["kind"] == "submission"


def test_bold_keys_links_badges_and_dates() -> None:
    r = record("bold_keys.md")
    assert r["package_name"] == "soilprobe"
    assert r["all_current_maintainers"] == [
        {"name": "Ana Beltrán", "github_username": "abeltran"},
        {"name": "Kofi Mensah", "github_username": "kmensah"},
    ]
    assert r["repository_link"] == "https://github.com/field-sensors/soilprobe"
    assert r["version_submitted"] == "1.2.0"
    assert r["eic"] == {"name": "", "github_username": "lwright"}
    assert r["reviewers"] == [
        {"name": "", "github_username": "rpatel"},
        {"name": "Eva Novak", "github_username": "enovak"},
    ]
    assert r["archive"] == "https://doi.org/10.5281/zenodo.7654321"
    assert r["joss"] == "https://doi.org/10.21105/joss.05555"
    assert r["version_accepted"] == "1.3.1"
    assert r["date_accepted"] == "2025-03-14"
    assert r["categories"] == ["data-extraction"]


def test_old_template_without_eic_or_joss() -> None:
    r = record("old_template.md")
    assert r["eic"] is None
    assert r["joss"] is None
    assert r["repository_link"] == "https://gitlab.com/river-group/sediflux"
    assert r["repository_host"] == "gitlab"
    assert r["version_submitted"] == "0.9"
    assert r["editor"] == {"name": "", "github_username": "mbrooks"}
    assert [p["github_username"] for p in r["reviewers"]] == ["aguerra", "yzhang"]
    assert r["categories"] == ["data-munging", "reproducibility", "geospatial"]
    assert r["warnings"] == []


def test_reviewers_list_and_several_editors() -> None:
    r = record("reviewers_list.md")
    assert [p["github_username"] for p in r["reviewers"]] == ["pnair", "jholm", "wbauer"]
    assert r["editor"] == [
        {"name": "", "github_username": "hsuzuki"},
        {"name": "", "github_username": "bgarcia"},
    ]
    assert [p["github_username"] for p in r["eic"]] == ["cmoreau", "aokonkwo"]
    assert r["archive"] == "https://zenodo.org/records/11223344"  # the badge's target, not its image
    assert r["joss"] == "https://doi.org/10.21105/joss.06001"
    assert r["date_accepted"] == "2025-06-03"
    assert r["partners"] == ["astropy"]
    assert r["categories"] == [
        "data-processing-munging",
        "data-visualization",
        "scientific-software-wrapper",
        "citation-management-bibliometrics",
    ]


def test_tbd_everywhere_and_template_placeholders() -> None:
    r = record("tbd_everywhere.md")
    assert r["package_name"] == "gridcast"
    for key in (
        "package_description",
        "submitting_author",
        "repository_link",
        "version_submitted",
        "editor",
        "eic",
        "archive",
        "joss",
        "version_accepted",
        "date_accepted",
    ):
        assert r[key] is None, key
    assert r["all_current_maintainers"] == []
    assert r["reviewers"] == []


def test_missing_rule_reads_up_to_the_first_section() -> None:
    r = record("no_rule.md")
    assert r["package_name"] == "pollenpy"
    assert r["eic"] == {"name": "", "github_username": "kroy"}
    assert r["categories"] == ["data-extraction"]
    assert any("---" in w for w in r["warnings"])


def test_extra_keys_are_kept() -> None:
    r = record("extra_keys.md")
    assert r["extra"] == {
        "reviews_expected_by": "09/30/2025",
        "documentation": "https://hydrostats.readthedocs.io",
    }
    assert [p["github_username"] for p in r["reviewers"]] == ["lwu", "gpetrov", "amorales"]
    assert r["joss"] is None


def test_windows_line_endings_read_the_same() -> None:
    for name in ("current_in_review.md", "bold_keys.md", "no_rule.md"):
        crlf = body(name).replace("\n", "\r\n")
        assert to_record(parse_body(crlf)) == record(name)
        assert to_record(parse_body("\ufeff" + crlf)) == record(name)


def test_presubmission() -> None:
    r = record("presubmission.md")
    assert r["kind"] == "presubmission"
    assert r["submitting_author"] is None  # still the template's placeholder
    assert r["repository_link"] == "https://github.com/soundscape-lab/birdsong-index"
    assert r["categories"] == ["data-extraction", "education"]
    assert r["partners"] == []


def test_issue_json_adds_labels_links_and_state() -> None:
    review = from_issue(
        {
            "number": 212,
            "title": "tidewatch",
            "state": "closed",
            "html_url": "https://github.com/pyOpenSci/software-submission/issues/212",
            "created_at": "2025-01-02T10:00:00Z",
            "closed_at": "2025-05-01T10:00:00Z",
            "labels": [{"name": "6/pyOS-approved 🚀🚀🚀"}, {"name": "archived"}],
            "body": body("current_in_review.md"),
        }
    )
    r = to_record(review)
    assert r["issue_link"] == "https://github.com/pyOpenSci/software-submission/issues/212"
    assert r["labels"] == ["6/pyOS-approved 🚀🚀🚀", "archived"]
    assert r["active"] is False
    assert r["closed_at"] == "2025-05-01T10:00:00Z"


@pytest.mark.parametrize("text", ["", "   \n\n", None])
def test_empty_body(text: str | None) -> None:
    with pytest.raises(InputError, match="empty"):
        parse_body(text)


@pytest.mark.parametrize(
    "text",
    [
        "Thanks for the great tool!\n\nIt crashes on Windows.",
        "## Description\n\n- [x] something\n",
        "https://github.com/a/b\n---\nmore",
    ],
)
def test_not_a_review_issue(text: str) -> None:
    with pytest.raises(InputError, match="no pyOpenSci review header"):
        parse_body(text)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Mara Okafor (@mokafor)", [ReviewUser("Mara Okafor", "mokafor")]),
        ("Ada Lovelace(@ada-l)", [ReviewUser("Ada Lovelace", "ada-l")]),
        ("@one, @two and @three", [ReviewUser("", "one"), ReviewUser("", "two"), ReviewUser("", "three")]),
        ("@one @two", [ReviewUser("", "one"), ReviewUser("", "two")]),
        ("[Ada](https://github.com/ada)", [ReviewUser("Ada", "ada")]),
        ("Ada Lovelace", [ReviewUser("Ada Lovelace", "")]),
        ("Ada Lovelace (TBD)", [ReviewUser("Ada Lovelace", "")]),
        ("ada@example.org", [ReviewUser("ada@example.org", "")]),
        ("TBD", []),
        ("(@github_handle1, @github_handle2)", []),
    ],
)
def test_people(value: str, expected: list[ReviewUser]) -> None:
    assert list(parse_people(value)) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("10.5281/zenodo.1234", "https://doi.org/10.5281/zenodo.1234"),
        ("doi:10.5281/zenodo.1234", "https://doi.org/10.5281/zenodo.1234"),
        ("http://dx.doi.org/10.5281/zenodo.1234", "https://doi.org/10.5281/zenodo.1234"),
        ("[link](http://zenodo.org/records/1)", "https://zenodo.org/records/1"),
        ("<https://example.org/x>", "https://example.org/x"),
        ("TBD", None),
        ("n/a", None),
        ("coming soon", None),
    ],
)
def test_urls(value: str, expected: str | None) -> None:
    assert parse_url(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("06/29/2024", "2024-06-29"),
        ("6/9/24", "2024-06-09"),
        ("2024-06-29", "2024-06-29"),
        ("June 29, 2024", "2024-06-29"),
        ("**06/29/2024**", "2024-06-29"),
        ("TBD", None),
    ],
)
def test_dates(value: str, expected: str | None) -> None:
    assert parse_date(value)[0] == expected


def test_bad_date_is_a_warning_not_an_error() -> None:
    text = "Package Name: x\nDate accepted (month/day/year): 13/45/2024\n---\n"
    review = parse_body(text)
    assert review.date_accepted is None
    assert any("13/45/2024" in w for w in review.warnings)


@pytest.mark.parametrize(
    ("label", "slug"),
    [
        ("Data processing/munging", "data-processing-munging"),
        ("Data visualization[^1]", "data-visualization"),
        ("Data visualization*", "data-visualization"),
        ("Citation management and bibliometrics", "citation-management-bibliometrics"),
        ("Scientific software wrappers", "scientific-software-wrapper"),
        ("Astropy:[My package adheres](https://x)", "astropy"),
    ],
)
def test_category_slugs(label: str, slug: str) -> None:
    assert category_slug(label) == slug
