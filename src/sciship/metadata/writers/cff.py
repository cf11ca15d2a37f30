"""CITATION.cff (Citation File Format 1.2.0): how to cite the work. GitHub's "Cite this repository" box,
Zenodo (when there is no .zenodo.json) and reference managers read it.

:func:`render` writes a new file from the metadata model; :func:`update` refreshes the fields sciship
generates (version, date, authors, license) in an existing file and leaves every other line as it was.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Literal

from sciship._regex import compile_later
from sciship.metadata.model import data_license_in, data_license_sentence

if TYPE_CHECKING:
    from collections.abc import Iterable

    from sciship.metadata.model import Metadata, Person

PATH = "CITATION.cff"
MESSAGE = "If you use this software, please cite it using the metadata from this file."
HEADER = "# This file tells people how to cite this software (https://citation-file-format.github.io).\n"
#: The fields ``--update`` refreshes; everything else in the file is the author's.
GENERATED = ("version", "date-released", "authors", "license")
Kind = Literal["software", "dataset"]


def person(p: Person) -> dict[str, str]:
    """A CFF author: given and family names (with a particle like `van`), a team's name, or the `alias` of
    someone known only by a GitHub login (a login is no family name)."""
    p = p.split()
    out: dict[str, str] = {}
    if p.login_only and p.github:
        out["alias"] = p.github
    elif p.is_organisation or not p.family_names:
        out["name"] = p.display
    else:
        if p.given_names:
            out["given-names"] = p.given_names
        if p.particle:
            out["name-particle"] = p.particle
        out["family-names"] = p.family_names
        if p.alias:  # a nickname, apart from the given names ("Edward (Eddie) G. Nerney")
            out["alias"] = p.alias
    if p.email and "@" in p.email:
        out["email"] = p.email
    if p.orcid:
        out["orcid"] = p.orcid
    if p.affiliation:
        out["affiliation"] = p.affiliation
    return out


def licenses(expression: str | None) -> list[str]:
    """The SPDX ids CFF accepts for ``expression``: one id, or the ids of an ``OR`` (CFF reads a list as
    a choice). Empty when CFF cannot say it (``AND``, ``WITH``, an id outside its list)."""
    from sciship.metadata import cff_schema

    if not expression:
        return []
    allowed = set(cff_schema.schema()["definitions"]["license-enum"]["enum"])
    parts = [p.strip("() ") for p in re.split(r"\s+OR\s+", expression.strip())]
    if any(re.search(r"\s(AND|WITH)\s", p) for p in parts) or not all(p in allowed for p in parts):
        return []
    return parts


def message(meta: Metadata) -> str:
    """The ``message`` of CITATION.cff: how to cite, plus the data license sentence when it differs."""
    if meta.data_license and meta.data_license != meta.license:
        return f"{MESSAGE} {data_license_sentence(meta.data_license)}"
    return MESSAGE


def data(meta: Metadata, *, kind: Kind = "software", title: str | None = None) -> dict[str, Any]:
    """CITATION.cff as data: valid CFF 1.2.0 when ``meta`` has at least one author."""
    out: dict[str, Any] = {
        "cff-version": "1.2.0",
        "message": message(meta),
        "type": kind,
        "title": title or meta.name or "Untitled",
    }
    if meta.description:
        out["abstract"] = meta.description
    out["authors"] = [person(p) for p in meta.people]
    if meta.version:
        out["version"] = meta.version
    if meta.date_released:
        out["date-released"] = meta.date_released
    if meta.doi:
        out["doi"] = meta.doi
    found = licenses(meta.license)
    if found:
        out["license"] = found[0] if len(found) == 1 else found
    repo = meta.repository
    if repo and repo.startswith(("https://", "http://")):
        out["repository-code"] = repo
    home = meta.documentation or meta.homepage
    if home and home.startswith(("https://", "http://")) and home != repo:
        out["url"] = home
    if meta.keywords:
        out["keywords"] = list(dict.fromkeys(meta.keywords))
    return out


def dump(value: dict[str, Any]) -> str:
    """``value`` as YAML, keys in the order given."""
    import yaml

    text: str = yaml.safe_dump(value, sort_keys=False, allow_unicode=True, width=100)
    return text


def render(meta: Metadata, *, kind: Kind = "software", title: str | None = None) -> str:
    """A new CITATION.cff for ``meta``: the header comment, then the data of :func:`data` as YAML."""
    return HEADER + dump(data(meta, kind=kind, title=title))


# ---------------------------------------------------------------------- editing an existing file
def update(text: str, meta: Metadata, fields: Iterable[str] = GENERATED) -> str:
    """``text`` with the top-level ``fields`` set from ``meta``; every other line stays as it was.

    A field ``meta`` does not know is left alone (never deleted). The data license lives in a sentence
    of ``message``: that sentence is refreshed, the rest of the message kept.
    """
    fresh = data(meta)
    for key in fields:
        if key in fresh and (key != "authors" or fresh["authors"]):
            text = set_key(text, key, fresh[key])
    if meta.data_license and meta.data_license != meta.license:
        old = _top_level_value(text, "message")
        if isinstance(old, str):
            current = data_license_in(old)
            if current != meta.data_license:
                sentence = data_license_sentence(meta.data_license)
                new = (
                    re.sub(r"The data and figures are licensed under \S+?\.(?=\s|$)", sentence, old)
                    if current
                    else f"{old.rstrip()} {sentence}"
                )
                text = set_key(text, "message", new)
    return text


def set_doi(text: str, doi: str) -> str:
    """``text`` with ``doi: <doi>`` (a bare DOI), every other line kept."""
    return set_key(text, "doi", doi)


_TOP_KEY = compile_later(r"^(?P<key>[A-Za-z][\w-]*)\s*:")


def _blocks(lines: list[str]) -> list[tuple[str, int, int]]:
    """(key, first line, end line) of each top-level key of a block-style YAML mapping."""
    starts = [(m.group("key"), i) for i, line in enumerate(lines) if (m := _TOP_KEY.match(line))]
    out: list[tuple[str, int, int]] = []
    for n, (key, start) in enumerate(starts):
        end = starts[n + 1][1] if n + 1 < len(starts) else len(lines)
        # comments and blank lines just before the next key belong to it, not to this value
        while end - 1 > start and (not lines[end - 1].strip() or lines[end - 1].startswith("#")):
            end -= 1
        out.append((key, start, end))
    return out


def set_key(text: str, key: str, value: object) -> str:
    """Replace (or append) one top-level key of a YAML mapping, keeping every other line byte for byte."""
    lines = text.splitlines(keepends=True)
    new = dump({key: value})
    for found, start, end in _blocks(lines):
        if found == key:
            old = "".join(lines[start:end])
            if _same(old, value, key):
                return text
            return "".join(lines[:start]) + new + "".join(lines[end:])
    sep = "" if not text or text.endswith("\n") else "\n"
    return text + sep + new


def _same(block: str, value: object, key: str) -> bool:
    import yaml

    try:
        loaded = yaml.safe_load(block)
    except yaml.YAMLError:
        return False
    if not isinstance(loaded, dict):
        return False
    old = loaded.get(key)
    return old == value or (old is not None and str(old) == str(value) and not isinstance(value, list | dict))


def _top_level_value(text: str, key: str) -> object:
    import yaml

    lines = text.splitlines(keepends=True)
    for found, start, end in _blocks(lines):
        if found == key:
            try:
                loaded = yaml.safe_load("".join(lines[start:end]))
            except yaml.YAMLError:
                return None
            return loaded.get(key) if isinstance(loaded, dict) else None
    return None
