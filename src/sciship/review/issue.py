"""Read a pyOpenSci review issue into a :class:`Review`, with the field names pyosMeta uses.

The header is the block of ``Key: value`` lines before the first ``---`` line. Real issues write it in
several ways, and all are read the same:

- plain ``Key: value`` and bold ``**Key:** value`` / ``**Key**: value`` keys, with Windows line endings
  or trailing spaces;
- ``Reviewer 1:``/``Reviewer 2:`` and ``Reviewers: @a, @b``; the old template without ``EiC:`` or
  ``JOSS DOI:``; the pre-submission's ``Repository Link (if existing):``;
- people as ``Name (@handle)``, ``@handle``, ``[Name](https://github.com/handle)`` or a bare name;
- ``TBD`` (and ``n/a``, ``none``, the template's placeholders) as "not known yet";
- month/day/year dates as ISO dates; Markdown links, badges and DOIs as URLs;
- a header not closed by ``---`` (read up to the first heading or checkbox, with a warning);
- keys pyosMeta does not know, kept under ``extra``.

The checked boxes under ``## Scope`` and ``## Domain Specific`` become ``categories`` (pyosMeta's slugs)
and those under ``## Community Partnerships`` become ``partners``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any, Literal

from sciship._errors import InputError
from sciship._regex import compile_later

Kind = Literal["submission", "presubmission"]


@dataclass(frozen=True)
class ReviewUser:
    """A person in a review: pyosMeta's ``{name, github_username}`` (either may be empty)."""

    name: str = ""
    github_username: str = ""

    def to_dict(self) -> dict[str, str]:
        return {"name": self.name, "github_username": self.github_username}

    def display(self) -> str:
        if self.name and self.github_username:
            return f"{self.name} (@{self.github_username})"
        return f"@{self.github_username}" if self.github_username else self.name


@dataclass(frozen=True)
class Review:
    """One review issue, as pyosMeta's ``ReviewModel`` names its fields (plus sciship's own at the end)."""

    package_name: str | None = None
    package_description: str | None = None
    submitting_author: ReviewUser | None = None
    all_current_maintainers: tuple[ReviewUser, ...] = ()
    repository_link: str | None = None
    version_submitted: str | None = None
    categories: tuple[str, ...] = ()
    editor: tuple[ReviewUser, ...] = ()
    eic: tuple[ReviewUser, ...] = ()
    reviewers: tuple[ReviewUser, ...] = ()
    archive: str | None = None
    version_accepted: str | None = None
    date_accepted: str | None = None  #: ISO ``YYYY-MM-DD``
    created_at: str | None = None
    updated_at: str | None = None
    closed_at: str | None = None
    issue_link: str | None = None
    joss: str | None = None
    partners: tuple[str, ...] = ()
    labels: tuple[str, ...] = ()
    active: bool = True
    # ---- sciship's own
    kind: Kind = "submission"
    number: int | None = None
    title: str | None = None
    state: str | None = None  #: ``open`` / ``closed`` when read from GitHub
    extra: Mapping[str, str] = field(default_factory=dict)  #: header keys pyosMeta does not know
    warnings: tuple[str, ...] = ()  #: what could not be read as expected, in plain words

    @property
    def repository_host(self) -> str | None:
        if not self.repository_link:
            return None
        for host in ("github", "gitlab", "codeberg", "bitbucket"):
            if f"{host}." in self.repository_link:
                return host
        return "other"


# ---------------------------------------------------------------------- header keys
#: normalised key (pyosMeta's form: lower case, spaces as ``_``) → Review field
_KEYS: dict[str, str] = {
    "submitting_author": "submitting_author",
    "submitting_authors": "submitting_author",
    "all_current_maintainers": "all_current_maintainers",
    "current_maintainers": "all_current_maintainers",
    "maintainers": "all_current_maintainers",
    "package_name": "package_name",
    "one-line_description_of_package": "package_description",
    "one_line_description_of_package": "package_description",
    "one-line_description": "package_description",
    "repository_link": "repository_link",
    "repository_link_(if_existing)": "repository_link",
    "repository": "repository_link",
    "version_submitted": "version_submitted",
    "eic": "eic",
    "editor-in-chief": "eic",
    "editor_in_chief": "eic",
    "editor": "editor",
    "editors": "editor",
    "reviewers": "reviewers",
    "reviewer": "reviewers",
    "archive": "archive",
    "joss_doi": "joss",
    "joss": "joss",
    "version_accepted": "version_accepted",
    "date_accepted": "date_accepted",
}
#: the template's own words, which mean nobody filled the field in
_PLACEHOLDERS = frozenset(
    {
        "package name here",
        "description here",
        "name (@github_handle)",
        "(@github_handle)",
        "@github_handle",
        "(@github_handle1, @github_handle2)",
        "@github_handle1, @github_handle2",
    }
)
_UNKNOWN = frozenset({"", "tbd", "tba", "n/a", "na", "none", "-", "--", "?", "todo", "pending", "unknown"})

_RULES = compile_later(r"^[ \t]*-{3,}[ \t]*$", re.MULTILINE)
_KEY_LINE = compile_later(
    r"^(?:[-*+][ \t]+)?(?P<open>\*\*|__)?(?P<key>[A-Za-z][A-Za-z0-9 _()/&'.-]{0,60}?)[ \t]*"
    r"(?:(?P=open)[ \t]*:|:[ \t]*(?P=open)|:)(?!//)[ \t]*(?P<value>.*)$"
)
_HEADING = compile_later(r"^[ \t]{0,3}(#{1,6})[ \t]+(.*?)[ \t#]*$", re.MULTILINE)
_CHECKED = compile_later(r"^[ \t]*[-*+][ \t]*\[[xX]\][ \t]*(.+?)[ \t]*$", re.MULTILINE)
_HTML_COMMENT = compile_later(r"<!--.*?-->", re.DOTALL)


@dataclass(frozen=True)
class Header:
    """The header block as written: (key in pyosMeta's form, raw value) pairs, in order."""

    items: tuple[tuple[str, str], ...]
    closed: bool  #: a ``---`` line ended it
    end: int  #: offset in the body where the rest begins

    @property
    def keys(self) -> set[str]:
        return {k for k, _ in self.items}


def normalise_key(key: str) -> str:
    """A header key in pyosMeta's form: lower case, spaces as ``_`` (``Package Name`` -> ``package_name``)."""
    return re.sub(r"\s+", "_", key.strip().lower())


def split_header(body: str) -> Header:
    """The ``Key: value`` block of ``body`` (newlines already ``\\n``)."""
    start = 0
    for rule in _RULES.finditer(body):
        items = _keys(body[start : rule.start()].split("\n"))
        if items:
            return Header(items, True, min(len(body), rule.end() + 1))
        start = rule.end() + 1  # front matter or an empty block before the header: try the next block
    lines = body.split("\n")
    # no `---` after the header: it ends at the first heading or checkbox, or where prose starts
    end = len(lines)
    seen_key = False
    for i, line in enumerate(lines):
        stripped = line.strip()
        if stripped.startswith("#") or re.match(r"^[-*+][ \t]*\[[ xX]\]", stripped):
            end = i
            break
        if _KEY_LINE.match(stripped):
            seen_key = True
        elif not stripped and seen_key and i + 1 < len(lines) and not _KEY_LINE.match(lines[i + 1].strip()):
            end = i
            break
    return Header(_keys(lines[:end]), False, sum(len(x) + 1 for x in lines[:end]))


def _keys(lines: Sequence[str]) -> tuple[tuple[str, str], ...]:
    items: list[list[str]] = []
    continues = False
    for raw in lines:
        line = _HTML_COMMENT.sub("", raw).strip()
        if not line:
            continues = False
            continue
        m = _KEY_LINE.match(line)
        if m is None:
            if continues and items:  # a value that goes on over the next line
                items[-1][1] = f"{items[-1][1]} {line}".strip()
            continue
        value = m.group("value").strip()
        if value.startswith(("**", "__")) and m.group("open") is None:
            value = value[2:].strip()
        items.append([normalise_key(m.group("key")), value])
        continues = True
    return tuple((k, v) for k, v in items)


# ---------------------------------------------------------------------- values
_HANDLE = compile_later(r"(?<![\w.@/])@([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))(?![\w.-]*\.[a-z]{2,}\b)")
_GITHUB_URL = compile_later(
    r"https?://(?:www\.)?github\.com/([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))/?(?=[\s)\]>,]|$)"
)
_MD_LINK = compile_later(r"\[((?:[^\[\]]|\[[^\]]*\])*)\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")
_DOI = compile_later(r"(?:doi:\s*|https?://(?:dx\.)?doi\.org/)?\b(10\.\d{4,9}/[^\s\])>\"']+)", re.IGNORECASE)
_URL = compile_later(r"<?(https?://[^\s>)\]]+)>?")
_VERSION = compile_later(r"^v?\d+(?:[.\w+!-]*\w)?")


def is_unknown(value: str | None) -> bool:
    """Whether a header value says nothing yet: missing, ``TBD``, ``n/a`` and such, or the template's text."""
    if value is None:
        return True
    v = value.strip().strip("*_`").strip()
    return v.lower().rstrip(".") in _UNKNOWN or v.lower() in _PLACEHOLDERS


def clean_text(value: str) -> str:
    """``value`` stripped, without the bold, italic or code marks that wrap all of it."""
    v = value.strip()
    for mark in ("**", "__", "`", "*"):
        if len(v) > 2 * len(mark) and v.startswith(mark) and v.endswith(mark):
            v = v[len(mark) : -len(mark)].strip()
    return v


def _split_people(value: str) -> list[str]:
    v = value.strip()
    if v.startswith("(") and v.endswith(")") and v.count("(") == 1:
        v = v[1:-1]
    parts: list[str] = []
    depth = 0
    current = ""
    i = 0
    while i < len(v):
        ch = v[i]
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(0, depth - 1)
        if depth == 0 and (ch in ",;&" or v.startswith(" and ", i)):
            parts.append(current)
            current = ""
            i += 5 if v.startswith(" and ", i) else 1
            continue
        current += ch
        i += 1
    parts.append(current)
    return [p.strip() for p in parts if p.strip()]


def parse_people(value: str | None) -> tuple[ReviewUser, ...]:
    """Every person in a header value (``Name (@handle), @other``)."""
    if is_unknown(value) or value is None:
        return ()
    people: list[ReviewUser] = []
    for part in _split_people(value):
        if is_unknown(part):
            continue
        handles = [m.group(1) for m in _HANDLE.finditer(part)]
        handles += [m.group(1) for m in _GITHUB_URL.finditer(part) if m.group(1) not in handles]
        name = _MD_LINK.sub(lambda m: m.group(1), part)
        name = _GITHUB_URL.sub(" ", name)
        name = _HANDLE.sub(" ", name)
        name = re.sub(r"[()\[\]*_`]|\bhttps?://\S+|\bTBD\b", " ", name)
        name = " ".join(name.split()).strip(" ,;:-")
        if name.lower() in _UNKNOWN or name.lower() in {"name", "github_handle"}:
            name = ""
        handles = [
            h for h in handles if h.lower() not in {"github_handle", "github_handle1", "github_handle2"}
        ]
        if len(handles) > 1 and not name:
            people.extend(ReviewUser("", h) for h in handles)
        elif handles or name:
            people.append(ReviewUser(name, handles[0] if handles else ""))
    return tuple(people)


def parse_url(value: str | None) -> str | None:
    """A link from a header value: a badge's or link's target, a DOI (as https://doi.org/...), a URL."""
    if is_unknown(value) or value is None:
        return None
    v = value.strip()
    # a badge `[![DOI](image)](target)` or a link `[text](target)`: the outermost target
    links = _MD_LINK.findall(v)
    if links:
        text, target = links[0]
        text_url = _URL.search(text)
        if not target.startswith("http") and text_url and "![" not in text:
            target = text_url.group(1)
        v = target
    doi = _DOI.search(v)
    if doi and (v.lower().startswith(("10.", "doi:")) or "doi.org/" in v.lower()):
        return "https://doi.org/" + doi.group(1).rstrip(".,;")
    url = _URL.search(v)
    if url:
        found = url.group(1).rstrip(".,;")
        return "https://" + found[len("http://") :] if found.startswith("http://") else found
    return None


def parse_date(value: str | None) -> tuple[str | None, str | None]:
    """(ISO date, problem): ``06/29/2024`` → ``2024-06-29``; month names and ISO dates work too."""
    if is_unknown(value) or value is None:
        return None, None
    v = clean_text(value).strip().rstrip(".")
    m = re.match(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\b", v)
    if m:
        y, mo, d = (int(x) for x in m.groups())
    else:
        m = re.match(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})\b", v)
        if m:
            mo, d, y = (int(x) for x in m.groups())
            y += 2000 if y < 100 else 0
        else:
            from datetime import datetime

            for fmt in ("%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%d %b %Y", "%B %d %Y", "%b %d %Y"):
                try:
                    parsed = datetime.strptime(v, fmt)
                except ValueError:
                    continue
                return parsed.date().isoformat(), None
            return None, f"`{value.strip()}` is not a month/day/year date"
    try:
        return date(y, mo, d).isoformat(), None
    except ValueError:
        return None, f"`{value.strip()}` is not a real month/day/year date"


def parse_version(value: str | None) -> str | None:
    """``2.0.0 ([repo](...), [pypi](...))`` → ``2.0.0``."""
    if is_unknown(value) or value is None:
        return None
    v = clean_text(_MD_LINK.sub(lambda m: m.group(1), value)).strip()
    m = _VERSION.match(v)
    return m.group(0) if m else v


# ---------------------------------------------------------------------- sections
#: pyOpenSci's category slugs, by the start of the slug made from the box's label
_CATEGORY_PREFIXES = (
    ("data-processing", "data-processing-munging"),
    ("data-validation", "data-validation-testing"),
    ("scientific-software", "scientific-software-wrapper"),
    ("citation-management", "citation-management-bibliometrics"),
    ("data-visualization", "data-visualization"),
    ("workflow-automation", "workflow-automation"),
)


def category_slug(label: str) -> str:
    """pyosMeta's category slug for a box's label: ``Data visualization`` -> ``data-visualization``."""
    text = re.sub(r"\[\^?\d+\]|\*|\\", "", label).split(":", 1)[0]
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    for prefix, canonical in _CATEGORY_PREFIXES:
        if slug.startswith(prefix):
            return canonical
    return slug


def sections(body: str) -> dict[str, str]:
    """``## Heading`` (lower case) → the text under it, up to the next heading of any level ≤ 2."""
    out: dict[str, str] = {}
    heads = [m for m in _HEADING.finditer(body) if len(m.group(1)) <= 3]
    for i, m in enumerate(heads):
        end = heads[i + 1].start() if i + 1 < len(heads) else len(body)
        out.setdefault(m.group(2).strip().lower(), body[m.end() : end])
    return out


def _checked(text: str) -> list[str]:
    """The labels of the ticked boxes; long ones are sentences (a pledge), not a category's name."""
    labels = [m.group(1) for m in _CHECKED.finditer(_HTML_COMMENT.sub("", text))]
    return [label for label in labels if len(label.split(":", 1)[0].split()) <= 6]


# ---------------------------------------------------------------------- the record
def parse_body(body: str | None, *, kind: Kind | None = None) -> Review:
    """A :class:`Review` from an issue body. Raises :class:`InputError` when there is no header at all."""
    if body is None or not body.strip():
        raise InputError(
            "The issue body is empty, so there is no review header to read.",
            hint="Give the text of a pyOpenSci review issue: it starts with lines such as "
            "`Package Name: ...` and `Submitting Author: ...`.",
        )
    text = body.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    header = split_header(text)
    known = {k for k in header.keys if _field_for(k) is not None}
    if not known:
        raise InputError(
            "This issue has no pyOpenSci review header: none of its lines reads like "
            "`Package Name: ...`, `Submitting Author: ...` or `Editor: ...`.",
            hint="Check that this is a review issue from pyOpenSci/software-submission (or its body saved "
            "to a file); the header is the block of `Key: value` lines at the top.",
        )
    warnings: list[str] = []
    if not header.closed:
        warnings.append("The header is not closed by a `---` line; sciship read it up to the first section.")
    values: dict[str, Any] = {}
    extra: dict[str, str] = {}
    for key, raw in header.items:
        name = _field_for(key)
        if name is None:
            extra.setdefault(key, raw)
            continue
        if name in {"reviewers", "all_current_maintainers", "editor", "eic"}:
            people = values.setdefault(name, [])
            people.extend(p for p in parse_people(raw) if p not in people)
            continue
        if name in values:
            if is_unknown(raw):
                continue
            if values[name] is not None:
                warnings.append(f"{_label(key)} is given twice; sciship used the first.")
                continue
        if name == "submitting_author":
            people = parse_people(raw)
            values[name] = people[0] if people else None
        elif name in {"archive", "joss"}:
            url = parse_url(raw)
            values[name] = url
            if url is None and not is_unknown(raw):
                warnings.append(f"{_label(key)}: `{raw}` is not a link or a DOI.")
        elif name == "repository_link":
            url = parse_url(raw)
            values[name] = url
            if url is None and not is_unknown(raw):
                warnings.append(f"{_label(key)}: `{raw}` is not a link.")
        elif name == "date_accepted":
            iso, problem = parse_date(raw)
            values[name] = iso
            if problem:
                warnings.append(f"{_label(key)}: {problem}.")
        elif name in {"version_submitted", "version_accepted"}:
            values[name] = parse_version(raw)
        else:  # package_name, package_description
            values[name] = None if is_unknown(raw) else clean_text(raw)
            if values[name] is not None and name == "package_name":
                values[name] = values[name].strip("`*_ ")
    for name in ("reviewers", "all_current_maintainers", "editor", "eic"):
        values[name] = tuple(values.get(name, ()))
    rest = text[header.end :]
    parts = sections(rest)
    categories: list[str] = []
    partners: list[str] = []
    for title, content in parts.items():
        if "scope" in title or "domain specific" in title:
            categories.extend(
                category_slug(c) for c in _checked(content) if category_slug(c) not in categories
            )
        elif "partnership" in title:
            partners.extend(category_slug(c) for c in _checked(content) if category_slug(c) not in partners)
    is_pre = "repository_link_(if_existing)" in header.keys
    if not values.get("package_name"):
        warnings.append("Package Name is not filled in.")
    return Review(
        **values,
        categories=tuple(dict.fromkeys(categories)),
        partners=tuple(dict.fromkeys(partners)),
        kind=kind or ("presubmission" if is_pre else "submission"),
        extra=extra,
        warnings=tuple(warnings),
    )


def _field_for(key: str) -> str | None:
    if key in _KEYS:
        return _KEYS[key]
    if re.match(r"^reviewer_?\d+$", key):
        return "reviewers"
    if key.startswith("date_accepted"):
        return "date_accepted"
    if key.startswith("repository_link"):
        return "repository_link"
    return None


def _label(key: str) -> str:
    return key.replace("_", " ").capitalize()


def from_issue(issue: Mapping[str, Any]) -> Review:
    """A :class:`Review` from GitHub's issue JSON (``GET /repos/{owner}/{repo}/issues/{n}``)."""
    labels = tuple(
        str(label.get("name")) if isinstance(label, Mapping) else str(label)
        for label in issue.get("labels") or ()
    )
    kind: Kind | None = (
        "presubmission" if any(lbl.strip().lower() == "presubmission" for lbl in labels) else None
    )
    review = parse_body(issue.get("body"), kind=kind)
    number = issue.get("number")
    return replace(
        review,
        labels=labels,
        active=not any("archived" in lbl.lower() for lbl in labels),
        number=number if isinstance(number, int) else None,
        title=str(issue.get("title") or "") or None,
        state=str(issue.get("state") or "") or None,
        issue_link=_str(issue.get("html_url")),
        created_at=_str(issue.get("created_at")),
        updated_at=_str(issue.get("updated_at")),
        closed_at=_str(issue.get("closed_at")),
    )


def _str(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


# ---------------------------------------------------------------------- output
def _people(people: Sequence[ReviewUser]) -> Any:
    """pyosMeta writes one person as a mapping and several as a list."""
    if not people:
        return None
    if len(people) == 1:
        return people[0].to_dict()
    return [p.to_dict() for p in people]


def to_record(review: Review, tracking: Any = None) -> dict[str, Any]:
    """The review as pyosMeta's ``packages.yml`` entry (same keys, same order), then sciship's own keys."""
    record: dict[str, Any] = {
        "package_name": review.package_name,
        "package_description": review.package_description,
        "submitting_author": review.submitting_author.to_dict() if review.submitting_author else None,
        "all_current_maintainers": [p.to_dict() for p in review.all_current_maintainers],
        "repository_link": review.repository_link,
        "repository_host": review.repository_host,
        "version_submitted": review.version_submitted,
        "categories": list(review.categories),
        "editor": _people(review.editor),
        "eic": _people(review.eic),
        "reviewers": [p.to_dict() for p in review.reviewers],
        "archive": review.archive,
        "version_accepted": review.version_accepted,
        "date_accepted": review.date_accepted,
        "created_at": review.created_at,
        "updated_at": review.updated_at,
        "closed_at": review.closed_at,
        "issue_link": review.issue_link,
        "joss": review.joss,
        "partners": list(review.partners),
        "labels": list(review.labels),
        "active": review.active,
        "kind": review.kind,
        "extra": dict(review.extra),
        "warnings": list(review.warnings),
    }
    stage = tracking.stage if tracking is not None else None  # no tracking: read from a file, no labels
    record["stage"] = stage.key if stage else None
    record["stage_label"] = stage.label if stage else None
    record["stage_since"] = (
        tracking.since.date().isoformat() if tracking is not None and tracking.since else None
    )
    record["days_in_stage"] = tracking.days if tracking is not None else None
    record["overdue"] = bool(tracking is not None and tracking.overdue)
    return record
