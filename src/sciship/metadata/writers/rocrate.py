"""ro-crate-metadata.json: an RO-Crate 1.1 describing a research folder in place, with the Process Run
Crate profile (0.5): each step (a script or notebook) is a ``CreateAction`` whose ``instrument`` is the
code, ``object`` the files it reads and ``result`` the files it writes.

Written as plain JSON (the ``rocrate`` library costs ~0.2-0.3 s to import and adds nothing we need).
Files larger than the archive limit are described with a local identifier (``#external/<path>``) and
their sha256: RO-Crate does not require such entities to be in the payload, so the same crate is valid
in the folder and inside the deposit archive.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal
from urllib.parse import quote

from sciship.metadata.languages import URLS, language_of

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from sciship.flow import Step
    from sciship.metadata.model import Metadata, Person

PATH = "ro-crate-metadata.json"
CONTEXT = "https://w3id.org/ro/crate/1.1/context"
SPEC = "https://w3id.org/ro/crate/1.1"
PROCESS_PROFILE = "https://w3id.org/ro/wfrun/process/0.5"
#: Keys of the root data set ``--update`` refreshes; every other key and entity stays the author's.
GENERATED = ("version", "datePublished", "author", "license")

Role = Literal["code", "notebook", "data", "figure", "table", "document", "other"]

_FORMATS = {
    ".py": "text/x-python",
    ".ipynb": "application/x-ipynb+json",
    ".csv": "text/csv",
    ".tsv": "text/tab-separated-values",
    ".txt": "text/plain",
    ".md": "text/markdown",
    ".rst": "text/x-rst",
    ".json": "application/json",
    ".yaml": "application/yaml",
    ".yml": "application/yaml",
    ".toml": "application/toml",
    ".cff": "application/yaml",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".svg": "image/svg+xml",
    ".tif": "image/tiff",
    ".tiff": "image/tiff",
    ".pdf": "application/pdf",
    ".eps": "application/postscript",
    ".npy": "application/x-npy",
    ".npz": "application/zip",
    ".h5": "application/x-hdf5",
    ".hdf5": "application/x-hdf5",
    ".hdf": "application/x-hdf",
    ".nc": "application/x-netcdf",
    ".mat": "application/x-matlab-data",
    ".pkl": "application/x-python-pickle",
    ".pickle": "application/x-python-pickle",
    ".joblib": "application/octet-stream",
    ".parquet": "application/vnd.apache.parquet",
    ".feather": "application/vnd.apache.arrow.file",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".xls": "application/vnd.ms-excel",
    ".zip": "application/zip",
    ".gz": "application/gzip",
    ".fits": "application/fits",
    ".html": "text/html",
    ".sh": "text/x-shellscript",
    ".r": "text/x-r",
    ".pt": "application/octet-stream",
    ".pth": "application/octet-stream",
}
_FIGURES = frozenset({".png", ".jpg", ".jpeg", ".gif", ".svg", ".tif", ".tiff", ".eps"})
_TABLES = frozenset({".csv", ".tsv", ".xlsx", ".xls", ".parquet", ".feather"})
_DOCUMENTS = frozenset({".md", ".rst", ".txt", ".cff", ".html"})
_CONFIG = frozenset({".toml", ".cfg", ".ini", ".yaml", ".yml", ".lock"})


def encoding_format(path: str) -> str | None:
    """The media type of ``path`` by its extension (scientific formats included), else None."""
    dot = path.rfind(".")
    if dot <= path.rfind("/"):
        return None
    # our own table: the system's mimetypes database costs more to load than describing 1000 files
    return _FORMATS.get(path[dot:].lower())


def role_of(path: str) -> Role:
    """What a file is to a reader of the deposit: code, a notebook, a figure, a table, data, a document."""
    name = path.rsplit("/", 1)[-1]
    dot = name.rfind(".")
    ext = name[dot:].lower() if dot > 0 else ""
    if ext == ".py" or language_of(name) is not None:  # Python, and R, Julia, MATLAB, shell, ... code
        return "code"
    if ext == ".ipynb":
        return "notebook"
    if ext in _FIGURES or (ext == ".pdf" and _in_figures(path)):
        return "figure"
    if ext in _TABLES:
        return "table"
    upper = name.upper()
    if ext in _DOCUMENTS or ext == ".pdf" or upper.startswith(("LICENSE", "LICENCE", "COPYING", "README")):
        return "document"
    if ext in _CONFIG or not ext or name.startswith("."):
        return "other"
    return "data"


def _in_figures(path: str) -> bool:
    return any(
        part.lower() in {"figures", "figs", "fig", "plots", "images", "img"} for part in path.split("/")[:-1]
    )


@dataclass(frozen=True)
class CrateFile:
    """A file the crate describes."""

    path: str  #: relative to the root, ``/`` separators
    size: int
    role: Role
    encoding_format: str | None = None
    sha256: str | None = None
    external: bool = False  #: too large for the deposit archive: described, not included
    language: str | None = None  #: a notebook's language, from its metadata (None: Python)

    @property
    def id(self) -> str:
        if self.external:
            return "#external/" + _uri_path(self.path)
        return _uri_path(self.path)


def _uri_path(path: str) -> str:
    return quote(path.encode("utf-8", "surrogateescape"), safe="/")


def _text(path: str) -> str:
    """A path as text that JSON can hold (names that are not UTF-8 get replacement characters)."""
    return path.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def _language_id(language: str) -> str:
    """``#python``, ``#r``, ``#c-plus-plus``: the crate's local identifier of a language."""
    return "#" + _slug(language.replace("+", "-plus"))


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "x"


def _license_entity(spdx: str) -> dict[str, Any]:
    from sciship.metadata.licenses import known_licenses

    info = known_licenses().get(spdx, {})
    return {
        "@id": f"https://spdx.org/licenses/{spdx}",
        "@type": "CreativeWork",
        "name": info.get("name", spdx),
        "identifier": spdx,
    }


def _people(people: Sequence[Person]) -> tuple[list[dict[str, str]], list[dict[str, Any]]]:
    refs: list[dict[str, str]] = []
    entities: dict[str, dict[str, Any]] = {}
    for p in people:
        pid = p.orcid or f"#{_slug(p.display)}"
        entity: dict[str, Any] = {
            "@id": pid,
            "@type": "Organization" if p.is_organisation else "Person",
            "name": p.display,
        }
        if p.email:
            entity["email"] = p.email
        if p.affiliation:
            oid = f"#{_slug(p.affiliation)}"
            entity["affiliation"] = {"@id": oid}
            entities.setdefault(oid, {"@id": oid, "@type": "Organization", "name": p.affiliation})
        entities.setdefault(pid, entity)
        refs.append({"@id": pid})
    return refs, list(entities.values())


def _matches(path: str, files: dict[str, CrateFile]) -> list[CrateFile]:
    if "*" in path:
        return [f for p, f in files.items() if fits(p, path)]
    found = files.get(path)
    return [found] if found is not None else []


def fits(name: str, pattern: str) -> bool:
    """Does the file ``name`` fit a path of the data flow with unknown parts (``results/run_*.npy``)? A
    ``*`` is part of one name, ``**/`` any folders: `*.png` is no figure of another folder
    (sdsawtelle/research-analysis-scripts: a script that saves `name + ".png"` was said to make two
    figures of other folders). Every other character stands for itself (a ``[`` or ``?`` in a name too)."""
    regex = _FITS.get(pattern)
    if regex is None:
        parts = re.split(r"(\*\*/|\*\*|\*)", pattern)
        spelled = {"**/": "(?:.*/)?", "**": ".*", "*": "[^/]*"}
        regex = _FITS[pattern] = re.compile("".join(spelled.get(p) or re.escape(p) for p in parts) + r"\Z")
    return regex.match(name) is not None


_FITS: dict[str, re.Pattern[str]] = {}


def data(
    meta: Metadata,
    files: Sequence[CrateFile],
    steps: Sequence[Step] = (),
    *,
    max_file_size: int | None = None,
) -> dict[str, Any]:
    """The crate as JSON-LD data."""
    by_path = {f.path: f for f in files}
    code_license = meta.license
    root_license = meta.data_license or meta.license
    graph: list[dict[str, Any]] = [
        {
            "@id": PATH,
            "@type": "CreativeWork",
            "conformsTo": {"@id": SPEC},
            "about": {"@id": "./"},
        }
    ]
    root: dict[str, Any] = {"@id": "./", "@type": "Dataset"}
    root["name"] = meta.name or "Untitled"
    root["description"] = meta.description or f"The code, data and figures of {root['name']}."
    if meta.date_released:
        root["datePublished"] = meta.date_released
    if root_license:
        root["license"] = {"@id": f"https://spdx.org/licenses/{root_license}"}
    refs, people = _people(meta.people)
    if refs:
        root["author"] = refs
    if meta.version:
        root["version"] = meta.version
    if meta.keywords:
        root["keywords"] = list(dict.fromkeys(meta.keywords))
    from sciship.metadata.model import is_deposit_doi, web_url

    if meta.doi and is_deposit_doi(meta.doi):
        root["identifier"] = f"https://doi.org/{meta.doi}"
    elif meta.doi:
        root["citation"] = {"@id": f"https://doi.org/{meta.doi}"}  # the paper this work goes with
    if web_url(meta.repository):
        root["url"] = meta.repository
    root["conformsTo"] = [{"@id": PROCESS_PROFILE}]
    root["hasPart"] = [{"@id": f.id} for f in files]
    graph.append(root)

    languages: dict[str, None] = {}  # the code's languages, in the order first met
    for f in files:
        entity: dict[str, Any] = {"@id": f.id, "@type": "File", "name": _text(f.path)}
        if f.role in ("code", "notebook"):
            entity["@type"] = ["File", "SoftwareSourceCode"]
            language = f.language or language_of(f.path) or "Python"  # (a notebook says its own)
            entity["programmingLanguage"] = {"@id": _language_id(language)}
            languages.setdefault(language)
            if code_license and code_license != root_license:
                entity["license"] = {"@id": f"https://spdx.org/licenses/{code_license}"}
        elif f.role == "figure":
            entity["@type"] = ["File", "ImageObject"]
        fmt = f.encoding_format or encoding_format(f.path)
        if fmt:
            entity["encodingFormat"] = fmt
        entity["contentSize"] = str(f.size)
        if f.sha256:
            entity["sha256"] = f.sha256
        if f.external:
            limit = f" ({_size(max_file_size)})" if max_file_size else ""
            entity["description"] = (
                f"Not in the deposit archive: larger than its size limit{limit}. It lives in the project "
                f"folder at `{_text(f.path)}`; the sha256 identifies the exact file."
            )
        graph.append(entity)

    actions: list[dict[str, Any]] = []
    for step in steps:
        code = by_path.get(step.path)
        if code is None:
            continue
        action: dict[str, Any] = {
            "@id": f"#run-{step.order}-{_slug(step.path)}",
            "@type": "CreateAction",
            "name": f"Run {_text(step.path)}",
            "instrument": {"@id": code.id},
        }
        inputs = [f for path in step.reads for f in _matches(path, by_path)]
        outputs = [f for path in step.writes for f in _matches(path, by_path)]
        if inputs:
            action["object"] = [{"@id": f.id} for f in dict.fromkeys(inputs)]
        if outputs:
            action["result"] = [{"@id": f.id} for f in dict.fromkeys(outputs)]
        unseen = [p for p in (*step.reads, *step.writes) if not _matches(p, by_path)]
        note = "Found by reading the code; nothing was run to make this description."
        if unseen:
            note += " Also uses files not in the folder: " + ", ".join(_text(p) for p in unseen) + "."
        action["description"] = note
        actions.append(action)
    if actions:
        root["mentions"] = [{"@id": a["@id"]} for a in actions]
    graph.extend(actions)

    for language in sorted(languages, key=lambda k: (k != "Python", k)):
        entity = {"@id": _language_id(language), "@type": "ComputerLanguage", "name": language}
        if language in URLS:
            entity["url"] = {"@id": URLS[language]}
        graph.append(entity)
    graph.append(
        {
            "@id": PROCESS_PROFILE,
            "@type": "CreativeWork",
            "name": "Process Run Crate",
            "version": "0.5",
        }
    )
    graph.extend(people)
    graph.extend(
        _license_entity(spdx)
        for spdx in dict.fromkeys(x for x in (root_license, code_license) if x)
        if _single_id(spdx)
    )
    return {"@context": CONTEXT, "@graph": graph}


def _single_id(spdx: str) -> bool:
    return " " not in spdx.strip()


def _size(n: int) -> str:
    for unit, scale in (("GB", 1_000_000_000), ("MB", 1_000_000), ("kB", 1_000)):
        if n >= scale:
            return f"{n / scale:.3g} {unit}"
    return f"{n} bytes"


def dump(value: dict[str, Any], *, compact: bool = False) -> str:
    """The crate as JSON text: indented for people, or ``compact`` (a dry run only needs to know
    that it would be written, and indenting a large crate is the slow part of encoding it)."""
    if compact:
        return json.dumps(value, ensure_ascii=False) + "\n"
    return json.dumps(value, indent=2, ensure_ascii=False) + "\n"


def render(
    meta: Metadata,
    files: Sequence[CrateFile],
    steps: Sequence[Step] = (),
    *,
    max_file_size: int | None = None,
) -> str:
    """A new ro-crate-metadata.json for the folder, as indented JSON text (see :func:`data`)."""
    return dump(data(meta, files, steps, max_file_size=max_file_size))


def update(text: str, fresh: dict[str, Any], fields: Iterable[str] = GENERATED) -> str:
    """``text`` (an existing crate) with the generated root keys refreshed from ``fresh``, new entities
    added, and every entity and key the author added kept as it was."""
    current = json.loads(text)
    graph = current.get("@graph")
    if not isinstance(graph, list):
        return text
    by_id = {e.get("@id"): e for e in graph if isinstance(e, dict)}
    fresh_by_id = {e["@id"]: e for e in fresh["@graph"]}
    changed = False
    root = by_id.get("./")
    if isinstance(root, dict):
        for key in fields:
            if key in fresh_by_id["./"] and root.get(key) != fresh_by_id["./"][key]:
                root[key] = fresh_by_id["./"][key]
                changed = True
    for eid, entity in fresh_by_id.items():
        if eid not in by_id:
            graph.append(entity)
            changed = True
    return dump(current) if changed else text


def set_doi(text: str, doi: str) -> str:
    """``text`` (an existing crate) with the DOI on its root data set; unchanged when it is already there.

    A deposit's DOI becomes the ``identifier``, any other DOI (a paper) a ``citation``.
    """
    current = json.loads(text)
    for entity in current.get("@graph") or ():
        if isinstance(entity, dict) and entity.get("@id") == "./":
            from sciship.metadata.model import is_deposit_doi

            url = f"https://doi.org/{doi}"
            key, value = ("identifier", url) if is_deposit_doi(doi) else ("citation", {"@id": url})
            if entity.get(key) == value:
                return text
            entity[key] = value
            return dump(current)
    return text
