""".zenodo.json: the metadata of a Zenodo deposit. When a GitHub repository is linked to Zenodo, each
release is archived with a DOI, and Zenodo takes its metadata from .zenodo.json *instead of*
CITATION.cff, so the two must say the same thing: both are written from the same model.

Field names are Zenodo's legacy deposit metadata (``upload_type``, ``creators``, ``publication_date``...).
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from sciship.metadata.model import data_license_sentence, is_deposit_doi, web_url

if TYPE_CHECKING:
    from collections.abc import Iterable

    from sciship.metadata.model import Metadata, Person

PATH = ".zenodo.json"
#: The keys ``--update`` refreshes; everything else in the file is the author's.
GENERATED = ("version", "publication_date", "creators", "license", "notes")


def creator(p: Person) -> dict[str, str]:
    """A Zenodo creator: ``Family, Given`` (or a team's name), with affiliation and bare ORCID when known."""
    p = p.split()
    if p.is_organisation or not p.family_names:
        out = {"name": p.display}
    else:
        family = " ".join(x for x in (p.particle, p.family_names) if x)
        out = {"name": f"{family}, {p.given_names}" if p.given_names else family}
    if p.affiliation:
        out["affiliation"] = p.affiliation
    if p.orcid:
        out["orcid"] = p.orcid.rsplit("/", 1)[-1]
    return out


def data(meta: Metadata, *, upload_type: str = "software") -> dict[str, Any]:
    """.zenodo.json as data, in Zenodo's legacy deposit fields, from ``meta``."""
    out: dict[str, Any] = {"upload_type": upload_type, "title": meta.name or "Untitled"}
    if meta.description:
        out["description"] = meta.description
    out["creators"] = [creator(p) for p in meta.people]
    out["access_right"] = "open"
    if meta.license:
        out["license"] = meta.license
    if meta.version:
        out["version"] = meta.version
    if meta.date_released:
        out["publication_date"] = meta.date_released
    if meta.keywords:
        out["keywords"] = list(dict.fromkeys(meta.keywords))
    related: list[dict[str, str]] = []
    repo = web_url(meta.repository)
    if repo:
        related.append({"identifier": repo, "relation": "isSupplementTo", "scheme": "url"})
    if meta.doi:
        # the work's own deposit (a concept DOI) or the paper it goes with
        relation = "isVersionOf" if is_deposit_doi(meta.doi) else "isSupplementTo"
        related.append({"identifier": meta.doi, "relation": relation, "scheme": "doi"})
    if related:
        out["related_identifiers"] = related
    if meta.data_license and meta.data_license != meta.license:
        out["notes"] = data_license_sentence(meta.data_license)
    return out


def dump(value: dict[str, Any]) -> str:
    """``value`` as indented JSON text, ending in a newline."""
    return json.dumps(value, indent=2, ensure_ascii=False) + "\n"


def render(meta: Metadata) -> str:
    """A new .zenodo.json for ``meta``, as text."""
    return dump(data(meta))


def update(text: str, meta: Metadata, fields: Iterable[str] = GENERATED) -> str:
    """``text`` with the generated keys refreshed from ``meta``; every other key kept as it was."""
    current = json.loads(text)
    fresh = data(meta)
    changed = False
    for key in fields:
        if key in fresh and current.get(key) != fresh[key]:
            if (
                key == "notes"
                and isinstance(current.get("notes"), str)
                and current["notes"] != fresh["notes"]
            ):
                from sciship.metadata.model import data_license_in

                if data_license_in(current["notes"]):
                    import re

                    fresh_notes = re.sub(
                        r"The data and figures are licensed under \S+?\.(?=\s|$)",
                        fresh["notes"],
                        current["notes"],
                    )
                else:
                    fresh_notes = f"{current['notes'].rstrip()} {fresh['notes']}"
                current["notes"] = fresh_notes
            else:
                current[key] = fresh[key]
            changed = True
    return dump(current) if changed else text


def set_doi(text: str, doi: str) -> str:
    """``text`` with the DOI among ``related_identifiers``, every other key kept: ``isVersionOf`` for
    the work's own deposit (it replaces an older one), ``isSupplementTo`` for a paper's DOI."""
    current = json.loads(text)
    related = current.get("related_identifiers")
    related = related if isinstance(related, list) else []
    if any(isinstance(r, dict) and r.get("identifier") == doi for r in related):
        return text
    relation = "isVersionOf" if is_deposit_doi(doi) else "isSupplementTo"
    if relation == "isVersionOf":
        related = [
            r
            for r in related
            if not (isinstance(r, dict) and r.get("scheme") == "doi" and r.get("relation") == "isVersionOf")
        ]
    related.append({"identifier": doi, "relation": relation, "scheme": "doi"})
    current["related_identifiers"] = related
    return dump(current)
