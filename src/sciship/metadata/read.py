"""Reading a project's metadata: :func:`load` (memoised) reads every place a project declares it. All
static: nothing is imported or run.

Each reader returns a :class:`~sciship.metadata.model.Metadata` (or None when the source is absent) and
never raises on bad input: a file that cannot be parsed becomes a :class:`~sciship.project.Problem`.
"""

from __future__ import annotations

import ast
import contextlib
import json
import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from sciship._regex import compile_later
from sciship.metadata.model import (
    Metadata,
    Origin,
    Person,
    ProjectMetadata,
    Source,
    bare_doi,
    data_license_in,
    orcid_url,
    person_from_text,
    spdx_from_url,
)
from sciship.project import Problem

if TYPE_CHECKING:
    from sciship.project import Project

PYPROJECT = "pyproject.toml"
_HEADER = compile_later(r"^\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*(?:#.*)?$")


def load(project: Project) -> ProjectMetadata:
    """Every metadata source of ``project`` (memoised on the snapshot)."""
    return project.memo("metadata:model", lambda: read_all(project))  # type: ignore[no-any-return]


def read_all(project: Project) -> ProjectMetadata:
    problems: list[Problem] = []
    package = read_package(project)
    return ProjectMetadata(
        package=package,
        citation=read_citation(project, problems),
        codemeta=read_codemeta(project, problems),
        zenodo=read_zenodo(project, problems),
        rocrate=read_rocrate(project, problems),
        git=read_git(project),
        problems=tuple(problems),
    )


# ---------------------------------------------------------------------- packaging metadata
def read_package(project: Project) -> Metadata | None:
    """The packaging metadata: ``[project]``, else ``[tool.poetry]``, else setup.cfg, else setup.py.

    A ``[project]`` table that marks fields ``dynamic`` gets them from setup.cfg / setup.py (setuptools) or
    from the version file hatch or setuptools read, when those say it literally.
    """
    data = project.pyproject or {}
    table = data.get("project")
    tool = data.get("tool") if isinstance(data.get("tool"), dict) else {}
    poetry = tool.get("poetry") if isinstance(tool, dict) else None
    cfg = read_setup_cfg(project)
    setup_py = read_setup_py(project)
    if isinstance(table, dict):
        meta = from_project_table(project, table)
        for fallback in (cfg, setup_py):
            if fallback is not None and meta.dynamic:
                meta = _fill_dynamic(meta, fallback)
        if "version" in meta.dynamic and meta.version is None:
            meta = _dynamic_version(project, meta, tool if isinstance(tool, dict) else {})
        return meta
    if isinstance(poetry, dict) and (poetry.get("name") or poetry.get("version")):
        return from_poetry(project, poetry)
    if cfg is not None and cfg.name:
        return cfg.merged(setup_py) if setup_py is not None else cfg
    if setup_py is not None:
        return setup_py.merged(cfg) if cfg is not None else setup_py
    return cfg


def _fill_dynamic(meta: Metadata, other: Metadata) -> Metadata:
    filled = Metadata(origin=other.origin)
    values: dict[str, Any] = {}
    sources: dict[str, Source] = {}
    for key in meta.dynamic:
        attr = key.replace("-", "_")
        if hasattr(filled, attr) and getattr(other, attr) and not getattr(meta, attr):
            values[attr] = getattr(other, attr)
            if attr in other.sources:
                sources[attr] = other.sources[attr]
    if not values:
        return meta
    from dataclasses import replace

    return replace(meta, **values, sources={**meta.sources, **sources})


def from_project_table(project: Project, table: Mapping[str, Any]) -> Metadata:
    text = project.read_text(PYPROJECT) or ""
    src = _TomlLines(text, PYPROJECT, "project")
    lic = table.get("license")
    license_expr = lic if isinstance(lic, str) else None
    lic_text = lic.get("text") if isinstance(lic, dict) and isinstance(lic.get("text"), str) else None
    lic_file = lic.get("file") if isinstance(lic, dict) and isinstance(lic.get("file"), str) else None
    urls = _str_map(table.get("urls"))
    dynamic = table.get("dynamic")
    values: dict[str, Any] = {
        "name": _text(table.get("name")),
        "version": _text(table.get("version")),
        "description": _text(table.get("description")),
        "authors": _pep621_people(table.get("authors")),
        "maintainers": _pep621_people(table.get("maintainers")),
        "license": license_expr,
        "license_text": lic_text,
        "license_file": lic_file,
        "keywords": _str_tuple(table.get("keywords")),
        "urls": urls,
        "requires_python": _text(table.get("requires-python")),
        "classifiers": _str_tuple(table.get("classifiers")),
    }
    keys = {
        "requires_python": "requires-python",
    }
    sources = {
        attr: src.at(keys.get(attr, attr))
        for attr, value in values.items()
        if value and attr not in ("license_text", "license_file")
    }
    if lic is not None:
        sources["license"] = src.at("license")
    return Metadata(
        origin="pyproject",
        **values,
        dynamic=frozenset(d.replace("-", "_") for d in dynamic if isinstance(d, str))
        if isinstance(dynamic, list)
        else frozenset(),
        sources=sources,
    )


def _dynamic_version(project: Project, meta: Metadata, tool: Mapping[str, Any]) -> Metadata:
    """Where a dynamic version comes from: a literal in the file hatch/setuptools read, or git tags."""
    from dataclasses import replace

    hatch = tool.get("hatch") if isinstance(tool.get("hatch"), dict) else {}
    hv = hatch.get("version") if isinstance(hatch, dict) else None
    if isinstance(hv, dict):
        if isinstance(hv.get("path"), str):
            found = _version_in_file(project, hv["path"])
            if found:
                return replace(meta, version=found[0], version_from=hv["path"], sources=_with(meta, found[1]))
            return replace(meta, version_from=hv["path"])
        if hv.get("source") == "vcs":
            return replace(meta, version_from="git tags (hatch-vcs)")
    setuptools = tool.get("setuptools") if isinstance(tool.get("setuptools"), dict) else {}
    dyn = setuptools.get("dynamic") if isinstance(setuptools, dict) else None
    attr = dyn.get("version") if isinstance(dyn, dict) else None
    if isinstance(attr, dict) and isinstance(attr.get("attr"), str):
        found = _version_from_attr(project, attr["attr"])
        if found:
            return replace(meta, version=found[0], version_from=found[1].path, sources=_with(meta, found[1]))
    if "setuptools_scm" in tool or "setuptools-scm" in tool:
        return replace(meta, version_from="git tags (setuptools-scm)")
    for key in ("pdm", "flit"):
        if key in tool:
            break
    return meta


def _with(meta: Metadata, source: Source) -> dict[str, Source]:
    return {**meta.sources, "version": source}


_VERSION_ASSIGN = compile_later(r"^__version__\s*(?::\s*str\s*)?=\s*[\"']([^\"']+)[\"']", re.MULTILINE)


def _version_in_file(project: Project, path: str) -> tuple[str, Source] | None:
    text = project.read_text(path) if project.has(path) else None
    if not text:
        return None
    m = _VERSION_ASSIGN.search(text)
    if not m:
        return None
    return m.group(1), Source(path, text.count("\n", 0, m.start()) + 1, "__version__")


def _version_from_attr(project: Project, attr: str) -> tuple[str, Source] | None:
    module, _, name = attr.rpartition(".")
    if name != "__version__" or not module:
        return None
    rel = module.replace(".", "/")
    for prefix in ("", "src/"):
        for candidate in (f"{prefix}{rel}/__init__.py", f"{prefix}{rel}.py"):
            found = _version_in_file(project, candidate)
            if found:
                return found
    return None


def from_poetry(project: Project, poetry: Mapping[str, Any]) -> Metadata:
    from sciship.metadata.poetry import to_pep440

    text = project.read_text(PYPROJECT) or ""
    src = _TomlLines(text, PYPROJECT, "tool.poetry")
    urls = dict(_str_map(poetry.get("urls")))
    for key, label in (
        ("homepage", "Homepage"),
        ("repository", "Repository"),
        ("documentation", "Documentation"),
    ):
        if isinstance(poetry.get(key), str):
            urls.setdefault(label, poetry[key])
    deps = poetry.get("dependencies")
    python = deps.get("python") if isinstance(deps, dict) else None
    lic = _text(poetry.get("license"))
    values: dict[str, Any] = {
        "name": _text(poetry.get("name")),
        "version": _text(poetry.get("version")),
        "description": _text(poetry.get("description")),
        "authors": _text_people(poetry.get("authors")),
        "maintainers": _text_people(poetry.get("maintainers")),
        "license": lic if lic and _is_spdx(lic) else None,
        "license_text": lic if lic and not _is_spdx(lic) else None,
        "keywords": _str_tuple(poetry.get("keywords")),
        "urls": urls,
        "requires_python": to_pep440(python) if isinstance(python, str) else None,
        "classifiers": _str_tuple(poetry.get("classifiers")),
    }
    sources = {attr: src.at(attr) for attr, value in values.items() if value and attr != "requires_python"}
    if values["requires_python"]:
        sources["requires_python"] = Source(PYPROJECT, _toml_line(text, "tool.poetry.dependencies", "python"))
    if lic:
        sources["license"] = src.at("license")
    return Metadata(origin="poetry", **values, sources=sources)


def read_setup_cfg(project: Project) -> Metadata | None:
    if not project.has("setup.cfg"):
        return None
    text = project.read_text("setup.cfg")
    if text is None:
        return None
    import configparser

    parser = configparser.ConfigParser(interpolation=None)
    try:
        parser.read_string(text)
    except configparser.Error:
        return None
    if not parser.has_section("metadata"):
        return None
    md = parser["metadata"]
    options = parser["options"] if parser.has_section("options") else {}

    def get(key: str, *alts: str) -> tuple[str | None, str | None]:
        for k in (key, *alts):
            value = md.get(k)
            if value and value.strip():
                return value.strip(), k
        return None, None

    def line(section: str, key: str | None) -> Source:
        return Source("setup.cfg", _ini_line(text, section, key) if key else None, key)

    values: dict[str, Any] = {}
    sources: dict[str, Source] = {}
    for attr, keys in (
        ("name", ("name",)),
        ("version", ("version",)),
        ("description", ("description", "summary")),
    ):
        value, key = get(*keys)
        if value and not value.startswith(("attr:", "file:")):
            values[attr] = value
            sources[attr] = line("metadata", key)
    version, _vkey = get("version")
    if version and version.startswith("attr:"):
        found = _version_from_attr(project, version[5:].strip())
        if found:
            values["version"], sources["version"] = found
    author, akey = get("author")
    email, _ = get("author_email", "author-email")
    people = _cfg_people(author, email)
    if people:
        values["authors"] = people
        sources["authors"] = line("metadata", akey or "author_email")
    maint, mkey = get("maintainer")
    memail, _ = get("maintainer_email", "maintainer-email")
    mpeople = _cfg_people(maint, memail)
    if mpeople:
        values["maintainers"] = mpeople
        sources["maintainers"] = line("metadata", mkey or "maintainer_email")
    lic, lkey = get("license")
    if lic:
        values["license" if _is_spdx(lic) else "license_text"] = lic
        sources["license"] = line("metadata", lkey)
    kw, kkey = get("keywords")
    if kw:
        values["keywords"] = tuple(k.strip() for k in re.split(r"[,\n]", kw) if k.strip())
        sources["keywords"] = line("metadata", kkey)
    urls: dict[str, str] = {}
    url, ukey = get("url", "home_page", "home-page")
    if url:
        urls["Homepage"] = url
    purls, pkey = get("project_urls", "project-urls")
    if purls:
        for entry in purls.splitlines():
            label, sep, link = entry.partition("=")
            if sep and link.strip():
                urls[label.strip()] = link.strip()
    if urls:
        values["urls"] = urls
        sources["urls"] = line("metadata", pkey or ukey)
    classifiers, ckey = get("classifiers")
    if classifiers and not classifiers.startswith("file:"):
        values["classifiers"] = tuple(c.strip() for c in classifiers.splitlines() if c.strip())
        sources["classifiers"] = line("metadata", ckey)
    requires = options.get("python_requires") if options else None
    if requires and requires.strip():
        values["requires_python"] = requires.strip()
        sources["requires_python"] = line("options", "python_requires")
    if not values:
        return None
    return Metadata(origin="setup.cfg", **values, sources=sources)


def read_setup_py(project: Project) -> Metadata | None:
    """The literal keyword arguments of ``setup(...)`` in setup.py (names bound to literals too)."""
    if not project.has("setup.py"):
        return None
    text = project.read_text("setup.py")
    if not text:
        return None
    try:
        tree = ast.parse(text)
    except (SyntaxError, ValueError):
        return None
    constants: dict[str, Any] = {}
    call: ast.Call | None = None
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            with contextlib.suppress(ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
                constants[node.targets[0].id] = ast.literal_eval(node.value)
        if isinstance(node, ast.Call) and _call_name(node.func) == "setup":
            call = node
    if call is None:
        return None
    args: dict[str, tuple[Any, int]] = {}
    for kw in call.keywords:
        if kw.arg is None:
            continue
        value: Any
        if isinstance(kw.value, ast.Name) and kw.value.id in constants:
            value = constants[kw.value.id]
        else:
            try:
                value = ast.literal_eval(kw.value)
            except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
                continue
        args[kw.arg] = (value, kw.value.lineno)

    values: dict[str, Any] = {}
    sources: dict[str, Source] = {}

    def take(attr: str, key: str, value: Any) -> None:
        if value:
            values[attr] = value
            sources[attr] = Source("setup.py", args[key][1], key)

    for attr, key in (("name", "name"), ("version", "version"), ("description", "description")):
        if key in args:
            take(attr, key, _text(args[key][0]))
    for role, key, email_key in (
        ("authors", "author", "author_email"),
        ("maintainers", "maintainer", "maintainer_email"),
    ):
        name = _text(args[key][0]) if key in args else None
        email = _text(args[email_key][0]) if email_key in args else None
        people = _cfg_people(name, email)
        if people:
            take(role, key if key in args else email_key, people)
    if "license" in args and (lic := _text(args["license"][0])):
        take("license" if _is_spdx(lic) else "license_text", "license", lic)
        if "license_text" in values:
            sources["license"] = sources.pop("license_text")
    if "keywords" in args:
        words = args["keywords"][0]
        if isinstance(words, str):
            words = [k for k in re.split(r"[,\s]+", words) if k]
        take("keywords", "keywords", _str_tuple(words))
    urls: dict[str, str] = {}
    if "url" in args and isinstance(args["url"][0], str):
        urls["Homepage"] = args["url"][0]
    if "project_urls" in args:
        urls.update(_str_map(args["project_urls"][0]))
    if urls:
        values["urls"] = urls
        sources["urls"] = Source("setup.py", args.get("project_urls", args.get("url", (None, None)))[1])
    if "python_requires" in args:
        take("requires_python", "python_requires", _text(args["python_requires"][0]))
    if "classifiers" in args:
        take("classifiers", "classifiers", _str_tuple(args["classifiers"][0]))
    if not values:
        return None
    return Metadata(origin="setup.py", **values, sources=sources)


def _call_name(func: ast.expr) -> str | None:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return None


# ---------------------------------------------------------------------- citation metadata
def read_citation(project: Project, problems: list[Problem]) -> Metadata | None:
    path = next((f for f in ("CITATION.cff", "CITATION.CFF", "citation.cff") if project.has(f)), None)
    if path is None:
        return None
    from sciship._yaml import load_file

    text = project.read_text(path) or ""
    data, error = load_file(project, path)  # parsed once, shared with the citation checks
    if error is not None:
        problems.append(
            Problem(path, "This is not valid YAML, so sciship could not read the citation.", line=error.line)
        )
        return None
    if not isinstance(data, dict):
        return None
    authors = data.get("authors")
    listed = authors if isinstance(authors, list) else []
    people = tuple(p for p in (_cff_person(a) for a in listed if isinstance(a, dict)) if p is not None)
    lic = data.get("license")
    license_expr = (
        lic
        if isinstance(lic, str)
        else (" OR ".join(lic) if isinstance(lic, list) and all(isinstance(x, str) for x in lic) else None)
    )
    doi = bare_doi(data.get("doi"))
    if doi is None:
        identifiers = data.get("identifiers")
        for ident in identifiers if isinstance(identifiers, list) else ():
            if isinstance(ident, dict) and ident.get("type") == "doi":
                doi = bare_doi(ident.get("value"))
                break
    urls: dict[str, str] = {}
    if isinstance(data.get("repository-code"), str):
        urls["Repository"] = data["repository-code"]
    if isinstance(data.get("url"), str):
        urls["Homepage"] = data["url"]
    date = data.get("date-released")
    values: dict[str, Any] = {
        "name": _text(data.get("title")),
        "version": _text(str(data["version"])) if data.get("version") is not None else None,
        "description": _text(data.get("abstract")),
        "authors": people,
        "license": license_expr,
        "keywords": _str_tuple(data.get("keywords")),
        "urls": urls,
        "doi": doi,
        "date_released": str(date) if date else None,
        "data_license": data_license_in(data.get("message")),
    }
    keys = {
        "name": "title",
        "description": "abstract",
        "urls": "repository-code",
        "date_released": "date-released",
        "data_license": "message",
    }
    sources = {
        a: Source(path, _yaml_line(text, keys.get(a, a)), keys.get(a, a)) for a, v in values.items() if v
    }
    return Metadata(origin="CITATION.cff", **values, sources=sources)


def _cff_person(entry: Mapping[str, Any]) -> Person | None:
    given = _text(entry.get("given-names"))
    family = _text(entry.get("family-names"))
    particle = _text(entry.get("name-particle"))
    org = _text(entry.get("name"))
    if not (given or family or org):
        # (an alias alone is how `sciship share` writes someone the git history knows by a GitHub login)
        alias = _text(entry.get("alias"))
        if not alias:
            return None
        return Person(github=alias, email=_text(entry.get("email")), orcid=orcid_url(entry.get("orcid")))
    full = " ".join(p for p in (given, particle, family) if p) or org
    return Person(
        name=full,
        email=_text(entry.get("email")),
        given_names=given,
        family_names=family,
        particle=particle,
        orcid=orcid_url(entry.get("orcid")),
        affiliation=_text(entry.get("affiliation")),
        is_organisation=bool(org and not family),
        alias=_text(entry.get("alias")),
    )


def read_codemeta(project: Project, problems: list[Problem]) -> Metadata | None:
    data, text = _json_file(project, "codemeta.json", problems)
    if data is None:
        return None
    people: list[Person] = []
    authors = data.get("author")
    for entry in authors if isinstance(authors, list) else [authors] if isinstance(authors, dict) else []:
        if not isinstance(entry, dict):
            continue
        given = _text(entry.get("givenName"))
        family = _text(entry.get("familyName"))
        org = _text(entry.get("name"))
        aff = entry.get("affiliation")
        aff_name = _text(aff.get("name")) if isinstance(aff, dict) else _text(aff)
        if given or family or org:
            people.append(
                Person(
                    name=" ".join(p for p in (given, family) if p) or org,
                    email=_text(entry.get("email")),
                    given_names=given,
                    family_names=family,
                    orcid=orcid_url(entry.get("@id")) or orcid_url(entry.get("identifier")),
                    affiliation=aff_name,
                    is_organisation=entry.get("@type") == "Organization",
                )
            )
    lic = data.get("license")
    lic_values = lic if isinstance(lic, list) else [lic]
    ids = [i for i in (spdx_from_url(v) for v in lic_values) if i]
    supporting = data.get("supportingData")
    data_license = None
    for item in supporting if isinstance(supporting, list) else [supporting]:
        if isinstance(item, dict):
            lic_item = item.get("license")
            data_license = data_license or spdx_from_url(
                lic_item.get("@id") if isinstance(lic_item, dict) else lic_item
            )
    urls: dict[str, str] = {}
    if isinstance(data.get("codeRepository"), str):
        urls["Repository"] = data["codeRepository"]
    if isinstance(data.get("url"), str):
        urls["Homepage"] = data["url"]
    keywords = data.get("keywords")
    if isinstance(keywords, str):
        keywords = [k.strip() for k in keywords.split(",")]
    ident = data.get("identifier")
    values: dict[str, Any] = {
        "name": _text(data.get("name")),
        "version": _text(data.get("version")),
        "description": _text(data.get("description")),
        "authors": tuple(people),
        "license": " AND ".join(ids) if ids else None,
        "keywords": _str_tuple(keywords),
        "urls": urls,
        "doi": bare_doi(ident) if isinstance(ident, str) else None,
        "date_released": _text(data.get("datePublished")),
        "data_license": data_license,
    }
    keys = {
        "data_license": "supportingData",
        "authors": "author",
        "urls": "codeRepository",
        "doi": "identifier",
        "date_released": "datePublished",
    }
    return _json_metadata("codemeta.json", text, values, keys)


def _json_metadata(origin: Origin, text: str, values: dict[str, Any], keys: dict[str, str]) -> Metadata:
    """Metadata read from the JSON file ``origin``, each known value's source the line of its key
    (``keys``: the file's key for a field, where it is not the field's own name)."""
    sources = {
        a: Source(origin, _json_line(text, keys.get(a, a)), keys.get(a, a)) for a, v in values.items() if v
    }
    return Metadata(origin=origin, **values, sources=sources)


def read_zenodo(project: Project, problems: list[Problem]) -> Metadata | None:
    data, text = _json_file(project, ".zenodo.json", problems)
    if data is None:
        return None
    people: list[Person] = []
    for entry in data.get("creators") or ():
        if isinstance(entry, dict) and isinstance(entry.get("name"), str):
            raw = entry["name"]
            family, sep, given = raw.partition(",")
            people.append(
                Person(
                    name=f"{given.strip()} {family.strip()}".strip() if sep else raw.strip(),
                    given_names=given.strip() or None if sep else None,
                    family_names=family.strip() if sep else None,
                    orcid=orcid_url(entry.get("orcid")),
                    affiliation=_text(entry.get("affiliation")),
                ).split()
            )
    lic = data.get("license")
    lic_id = lic.get("id") if isinstance(lic, dict) else lic
    doi = None
    for rel in data.get("related_identifiers") or ():
        if (
            isinstance(rel, dict)
            and rel.get("scheme") == "doi"
            and rel.get("relation") in ("isVersionOf", "isIdenticalTo")
        ):
            doi = bare_doi(rel.get("identifier"))
    desc = _text(data.get("description"))
    values: dict[str, Any] = {
        "name": _text(data.get("title")),
        "version": _text(data.get("version")),
        "description": re.sub(r"<[^>]+>", "", desc) if desc else None,
        "authors": tuple(people),
        "license": _text(lic_id),
        "keywords": _str_tuple(data.get("keywords")),
        "doi": doi or bare_doi(data.get("doi")),
        "date_released": _text(data.get("publication_date")),
        "data_license": data_license_in(data.get("notes")),
    }
    keys = {
        "name": "title",
        "authors": "creators",
        "date_released": "publication_date",
        "data_license": "notes",
    }
    return _json_metadata(".zenodo.json", text, values, keys)


def read_rocrate(project: Project, problems: list[Problem]) -> Metadata | None:
    """The root data set of ro-crate-metadata.json (RO-Crate 1.1 and later).

    The root's ``license`` covers the whole crate; when the scripts carry a license of their own, that
    one is the code's license and the root's is the data license (how ``sciship share`` writes it).
    """
    data, text = _json_file(project, "ro-crate-metadata.json", problems)
    graph = data.get("@graph") if data is not None else None
    if not isinstance(graph, list):
        return None
    by_id = {e["@id"]: e for e in graph if isinstance(e, dict) and isinstance(e.get("@id"), str)}
    descriptor = by_id.get("ro-crate-metadata.json", {})
    about = descriptor.get("about")
    root = by_id.get(about.get("@id") if isinstance(about, dict) else "./")
    if not isinstance(root, dict):
        return None

    def ref(value: object) -> dict[str, Any] | None:
        if isinstance(value, dict):
            target = by_id.get(value["@id"]) if isinstance(value.get("@id"), str) else None
            return target if isinstance(target, dict) else value
        return None

    def license_of(entity: dict[str, Any]) -> str | None:
        lic = entity.get("license")
        target = ref(lic)
        return spdx_from_url(target.get("@id") if target is not None else lic)

    people: list[Person] = []
    authors = root.get("author")
    for entry in authors if isinstance(authors, list) else [authors]:
        person = ref(entry)
        if person is None or not _text(person.get("name")):
            continue
        aff = ref(person.get("affiliation"))
        people.append(
            Person(
                name=_text(person.get("name")),
                email=_text(person.get("email")),
                orcid=orcid_url(person.get("@id")),
                affiliation=_text(aff.get("name")) if aff is not None else _text(person.get("affiliation")),
                is_organisation=person.get("@type") == "Organization",
            ).split()
        )
    root_license = license_of(root)
    code_license = next(
        (
            found
            for e in graph
            if isinstance(e, dict)
            and "SoftwareSourceCode" in (e["@type"] if isinstance(e.get("@type"), list) else [e.get("@type")])
            and (found := license_of(e))
        ),
        None,
    )
    keywords = root.get("keywords")
    if isinstance(keywords, str):
        keywords = [k.strip() for k in keywords.split(",")]
    ident = root.get("identifier")
    values: dict[str, Any] = {
        "name": _text(root.get("name")),
        "version": _text(root.get("version")),
        "description": _text(root.get("description")),
        "authors": tuple(people),
        "license": code_license or root_license,
        "keywords": _str_tuple(keywords),
        "doi": bare_doi(ident) if isinstance(ident, str) else None,
        "date_released": _text(root.get("datePublished")),
        "data_license": root_license if code_license and root_license != code_license else None,
    }
    keys = {"authors": "author", "date_released": "datePublished", "doi": "identifier"}
    return _json_metadata("ro-crate-metadata.json", text, values, keys)


def read_git(project: Project) -> Metadata | None:
    from sciship.metadata.model import _GIT_REMOTE

    remote = project.git_config("remote.origin.url")
    name = project.git_config("user.name")
    email = project.git_config("user.email")
    github = project.git_config("github.user")
    values: dict[str, Any] = {}
    sources: dict[str, Source] = {}
    m = _GIT_REMOTE.match(remote or "")
    if m:
        values["urls"] = {"Repository": f"https://{m.group('host')}/{m.group('path')}"}
        sources["urls"] = Source(".git/config", None, "remote.origin.url")
    if name or email:
        values["authors"] = (Person(name=name, email=email, github=github).split(),)
        sources["authors"] = Source("git config", None, "user.name")
    if not values:
        return None
    return Metadata(origin="git", **values, sources=sources)


# ---------------------------------------------------------------------- small helpers
def _text(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _str_tuple(value: object) -> tuple[str, ...]:
    if isinstance(value, list | tuple):
        return tuple(v.strip() for v in value if isinstance(v, str) and v.strip())
    return ()


def _str_map(value: object) -> dict[str, str]:
    if not isinstance(value, dict):
        return {}
    return {str(k): v for k, v in value.items() if isinstance(v, str)}


def _pep621_people(value: object) -> tuple[Person, ...]:
    out: list[Person] = []
    if isinstance(value, list):
        for item in value:
            if isinstance(item, dict):
                name = _text(item.get("name"))
                email = _text(item.get("email"))
                if name or email:
                    out.append(Person(name=name, email=email).split())
    return tuple(out)


def _text_people(value: object) -> tuple[Person, ...]:
    if not isinstance(value, list):
        return ()
    return tuple(p for p in (person_from_text(v) for v in value if isinstance(v, str)) if p is not None)


def _cfg_people(names: str | None, emails: str | None) -> tuple[Person, ...]:
    """``author = A, B`` with ``author_email = a@x, b@y`` (setuptools' comma-separated form)."""
    name_list = [n.strip() for n in re.split(r",|\band\b", names)] if names else []
    email_list = [e.strip() for e in emails.split(",")] if emails else []
    out: list[Person] = []
    for i in range(max(len(name_list), len(email_list))):
        name = name_list[i] if i < len(name_list) and name_list[i] else None
        email = email_list[i] if i < len(email_list) and email_list[i] else None
        if name or email:
            out.append(Person(name=name, email=email).split())
    return tuple(out)


def _is_spdx(value: str) -> bool:
    from sciship.metadata.licenses import canonical

    return len(value) < 100 and "\n" not in value and canonical(value) is not None


def _json_file(project: Project, path: str, problems: list[Problem]) -> tuple[dict[str, Any] | None, str]:
    if not project.has(path):
        return None, ""
    text = project.read_text(path)
    if text is None:
        return None, ""
    try:
        data = json.loads(text)
    except ValueError as exc:
        problems.append(
            Problem(
                path,
                "This is not valid JSON, so sciship could not read it.",
                line=getattr(exc, "lineno", None),
            )
        )
        return None, text
    return (data if isinstance(data, dict) else None), text


def _json_line(text: str, key: str) -> int | None:
    m = re.search(rf'"{re.escape(key)}"\s*:', text)
    return text.count("\n", 0, m.start()) + 1 if m else None


def _yaml_line(text: str, key: str) -> int | None:
    m = re.search(rf"^{re.escape(key)}\s*:", text, re.MULTILINE)
    return text.count("\n", 0, m.start()) + 1 if m else None


def _ini_line(text: str, section: str, key: str) -> int | None:
    current = None
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1].strip()
        elif current == section and re.match(rf"{re.escape(key)}\s*[=:]", line):
            return number
    return None


def _toml_line(text: str, table: str, key: str) -> int | None:
    """The line of ``key = ...`` inside ``[table]`` (or ``table.key = ...`` / a dotted key at the top)."""
    current = ""
    key_re = re.compile(rf"^\s*[\"']?{re.escape(key)}[\"']?\s*=")
    for number, raw in enumerate(text.splitlines(), 1):
        header = _HEADER.match(raw)
        if header:
            current = header.group(1).replace('"', "").replace("'", "").replace(" ", "")
            continue
        if current == table and key_re.match(raw):
            return number
        if (
            current
            and table.startswith(current + ".")
            and re.match(rf"^\s*{re.escape(table[len(current) + 1 :])}\.{re.escape(key)}\s*=", raw)
        ):
            return number
    return None


class _TomlLines:
    def __init__(self, text: str, path: str, table: str) -> None:
        self.text, self.path, self.table = text, path, table

    def at(self, key: str) -> Source:
        return Source(self.path, _toml_line(self.text, self.table, key), f"{self.table}.{key}")
