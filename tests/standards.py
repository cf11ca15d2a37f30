"""Validate written files against their standards with the standards' own tools (test helpers).

- CITATION.cff: ``jsonschema`` against the CFF 1.2.0 schema sciship ships.
- codemeta.json: expanded as JSON-LD by ``pyld``; the CodeMeta 3.0 context comes from the file sciship
  ships (a document loader that serves that file and refuses every other URL: nothing is fetched).
- ro-crate-metadata.json: ``roc-validator`` at the "required" level. The validator fetches the RO-Crate
  JSON-LD context over HTTP, and tests have no network, so we serve it the context the ``rocrate``
  package ships: a real HTTP server on 127.0.0.1 answers with that file, and the response is stored in
  the validator's own HTTP cache (requests-cache, SQLite) under the context's URL; the validator then runs
  offline, reading the context from its cache. (``rocrate`` ships the 1.3 context, a superset of 1.1: the
  validator checks that it can retrieve the context and that every term the crate uses is defined.)
"""

from __future__ import annotations

import datetime as dt
import http.server
import threading
import warnings
from pathlib import Path
from typing import Any

import yaml

RO_CRATE_CONTEXTS = (
    "https://w3id.org/ro/crate/1.1/context",
    "https://w3id.org/ro/crate/1.2/context",
    "https://w3id.org/ro/crate/1.3/context",
)


def cff_errors(text: str) -> list[str]:
    """Every way ``text`` breaks the CFF 1.2.0 schema, as jsonschema words it (empty when valid)."""
    import jsonschema

    from sciship.metadata import cff_schema

    data = yaml.safe_load(text)
    data = _iso_dates(data)
    schema = cff_schema.schema()
    validator_cls = jsonschema.validators.validator_for(schema)
    validator = validator_cls(schema, format_checker=validator_cls.FORMAT_CHECKER)
    return [f"{e.json_path}: {e.message}" for e in validator.iter_errors(data)]


def _iso_dates(value: Any) -> Any:
    """YAML reads an unquoted 2024-05-31 as a date; the schema expects the text."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _iso_dates(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_iso_dates(v) for v in value]
    return value


def expand_codemeta(document: dict[str, Any]) -> list[Any]:
    """``document`` expanded by pyld, the CodeMeta 3.0 context served from sciship's own copy."""
    from pyld import jsonld

    from sciship.metadata.writers import codemeta

    def loader(url: str, options: object = None) -> dict[str, Any]:
        if url.rstrip("/") != codemeta.CONTEXT:
            raise AssertionError(f"the test would fetch {url}")
        return {"contextUrl": None, "documentUrl": url, "document": codemeta.context_document()}

    expanded: list[Any] = jsonld.expand(document, {"documentLoader": loader})
    return expanded


class _ContextHandler(http.server.BaseHTTPRequestHandler):
    body = b""

    def do_GET(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "application/ld+json")
        self.send_header("Content-Length", str(len(self.body)))
        self.end_headers()
        self.wfile.write(self.body)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the http.server API
        pass


def rocrate_context_cache(folder: Path) -> Path:
    """An HTTP cache (requests-cache SQLite) holding the RO-Crate contexts, served once from 127.0.0.1."""
    import requests
    import rocrate
    from requests_cache import CachedSession

    handler = type(
        "Handler",
        (_ContextHandler,),
        {"body": (Path(rocrate.__file__).parent / "data" / "ro-crate.jsonld").read_bytes()},
    )
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    cache = folder / "roc-http-cache"
    try:
        session = CachedSession(cache_name=str(cache), backend="sqlite", expire_after=-1)
        local = f"http://127.0.0.1:{server.server_address[1]}/context"
        for url in RO_CRATE_CONTEXTS:
            for accept in (
                "application/ld+json, application/json",
                "application/ld+json, application/json, */*;q=0.1",
            ):
                response = requests.get(local, timeout=10)
                request = requests.Request("GET", url, headers={"Accept": accept}).prepare()
                response.url, response.request = url, request
                session.cache.save_response(response, cache_key=session.cache.create_key(request))
        session.close()
    finally:
        server.shutdown()
        server.server_close()
    return cache


def crate_issues(crate_folder: Path, cache: Path, profile: str = "process-run-crate") -> list[str]:
    """What roc-validator reports at the "required" level for the crate in ``crate_folder`` (offline)."""
    from rocrate_validator import models, services

    settings = models.ValidationSettings(
        rocrate_uri=str(crate_folder),
        profile_identifier=profile,
        requirement_severity=models.Severity.REQUIRED,
        offline=True,
        cache_path=cache,
    )
    with warnings.catch_warnings():
        # pyshacl, inside the validator, still uses an rdflib class rdflib has deprecated
        warnings.filterwarnings("ignore", "ConjunctiveGraph is deprecated", DeprecationWarning)
        result = services.validate(settings)
    return [f"{i.check.identifier}: {i.message}" for i in result.get_issues()]
