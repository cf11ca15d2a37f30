"""codemeta.json (CodeMeta 3.0): the software's metadata as linked data. Software Heritage indexes it
(it does not read pyproject.toml), and so do research-software catalogues.

The context, ``https://w3id.org/codemeta/3.0``, ships inside sciship (``metadata/data``, see
:func:`context_document`): nothing is fetched to write or to check it.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import TYPE_CHECKING, Any

from sciship._regex import compile_later
from sciship.metadata.model import is_deposit_doi, web_url

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from sciship.metadata.model import Metadata, Person

PATH = "codemeta.json"
CONTEXT = "https://w3id.org/codemeta/3.0"
#: The keys ``--update`` refreshes; everything else in the file is the author's.
GENERATED = ("version", "datePublished", "author", "license", "supportingData")


def context_document() -> dict[str, Any]:
    """The CodeMeta 3.0 JSON-LD context document sciship ships."""
    text = (resources.files("sciship.metadata") / "data" / "codemeta-3.0.jsonld").read_text(encoding="utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded


def spdx_url(spdx: str) -> str:
    """The SPDX page of a license id, the form CodeMeta uses for a license."""
    return f"https://spdx.org/licenses/{spdx}"


def license_urls(expression: str | None) -> list[str]:
    """The SPDX page of each license id in ``expression``; empty when there is none."""
    from sciship.metadata.licenses import license_ids

    return [spdx_url(i) for i in license_ids(expression)] if expression else []


def person(p: Person) -> dict[str, Any]:
    """A CodeMeta author: a Person with given and family names, or a team's name; ORCID as ``@id``."""
    p = p.split()
    if p.is_organisation or not p.family_names:
        out: dict[str, Any] = {"@type": "Organization" if p.is_organisation else "Person", "name": p.display}
    else:
        out = {"@type": "Person"}
        if p.orcid:
            out["@id"] = p.orcid
        if p.given_names:
            out["givenName"] = p.given_names
        out["familyName"] = " ".join(x for x in (p.particle, p.family_names) if x)
    if p.orcid and "@id" not in out:
        out["@id"] = p.orcid
    if p.email:
        out["email"] = p.email
    if p.affiliation:
        out["affiliation"] = {"@type": "Organization", "name": p.affiliation}
    return out


def requirement(line: str) -> dict[str, Any]:
    """A requirement line (``numpy>=1.26``) as a CodeMeta software requirement.

    CodeMeta reads a plain string there as a link (the context types ``softwareRequirements`` as
    ``@id``), so each requirement is an object: name, version range and its PyPI page.
    """
    m = _REQUIREMENT.match(line)
    if m is None:
        return {"@type": "SoftwareApplication", "name": line.strip()}
    name = m.group("name")
    out: dict[str, Any] = {"@type": "SoftwareApplication", "name": name}
    if m.group("spec").strip():
        out["version"] = m.group("spec").strip()
    out["url"] = f"https://pypi.org/project/{name}/"
    return out


#: ``name[extras] specifiers ; marker`` (the lines sciship writes; packaging costs ~0.1 s to import)
_REQUIREMENT = compile_later(
    r"^\s*(?P<name>[A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?(?P<spec>[^;]*)(?:;.*)?$"
)


def data(
    meta: Metadata,
    *,
    requirements: Sequence[str] = (),
    readme: str | None = None,
    languages: Sequence[str] = ("Python",),
) -> dict[str, Any]:
    """codemeta.json as data (CodeMeta 3.0), from ``meta``; a key it has no value for is left out.

    ``requirements`` become ``softwareRequirements``; ``readme`` (a path) is linked for a GitHub repository;
    ``languages`` is the code's ``programmingLanguage`` (one is written as text, several as a list).
    """
    out: dict[str, Any] = {"@context": CONTEXT, "@type": "SoftwareSourceCode"}
    if meta.name:
        out["name"] = meta.name
    if meta.description:
        out["description"] = meta.description
    if meta.version:
        out["version"] = meta.version
    if meta.people:
        out["author"] = [person(p) for p in meta.people]
    urls = license_urls(meta.license)
    if urls:
        out["license"] = urls[0] if len(urls) == 1 else urls
    out["programmingLanguage"] = languages[0] if len(languages) == 1 else list(languages)
    if meta.requires_python:
        out["runtimePlatform"] = f"Python {meta.requires_python}"
    if web_url(meta.repository):
        out["codeRepository"] = meta.repository
    if meta.issues:
        out["issueTracker"] = meta.issues
    home = web_url(meta.documentation or meta.homepage)
    if home and home != meta.repository:
        out["url"] = home
    if readme and meta.repository and meta.repository.startswith("https://github.com/"):
        out["readme"] = f"{meta.repository.rstrip('/')}/blob/HEAD/{readme}"
    if meta.keywords:
        out["keywords"] = list(dict.fromkeys(meta.keywords))
    if requirements:
        out["softwareRequirements"] = [requirement(r) for r in requirements]
    if meta.doi and is_deposit_doi(meta.doi):
        out["identifier"] = f"https://doi.org/{meta.doi}"
    elif meta.doi:
        out["referencePublication"] = f"https://doi.org/{meta.doi}"
    if meta.date_released:
        out["datePublished"] = meta.date_released
    if meta.data_license and meta.data_license != meta.license:
        out["supportingData"] = {
            "@type": "schema:Dataset",
            "name": f"Data and figures of {meta.name}" if meta.name else "Data and figures",
            "license": spdx_url(meta.data_license),
        }
    return out


def dump(value: dict[str, Any]) -> str:
    """``value`` as indented JSON text, ending in a newline."""
    return json.dumps(value, indent=2, ensure_ascii=False) + "\n"


def render(
    meta: Metadata,
    *,
    requirements: Sequence[str] = (),
    readme: str | None = None,
    languages: Sequence[str] = ("Python",),
) -> str:
    """A new codemeta.json for ``meta``, as text."""
    return dump(data(meta, requirements=requirements, readme=readme, languages=languages))


def update(text: str, meta: Metadata, fields: Iterable[str] = GENERATED) -> str:
    """``text`` with the generated keys refreshed from ``meta``; every other key kept as it was."""
    current = json.loads(text)
    fresh = data(meta)
    changed = False
    for key in fields:
        if key in fresh and current.get(key) != fresh[key]:
            current[key] = fresh[key]
            changed = True
    return dump(current) if changed else text


def set_doi(text: str, doi: str) -> str:
    """``identifier`` for the work's own deposit DOI, ``referencePublication`` for a paper's DOI."""
    current = json.loads(text)
    url = f"https://doi.org/{doi}"
    key = "identifier" if is_deposit_doi(doi) else "referencePublication"
    if current.get(key) == url:
        return text
    current[key] = url
    return dump(current)
