"""Run by the tests with the Python of the roc-validator environment (see ``standards.roc_python``).

``roc_validate.py cache DIR``: serve the RO-Crate context that the ``rocrate`` package ships from a real
HTTP server on 127.0.0.1 and store the answers in roc-validator's HTTP cache (requests-cache, SQLite)
under the context URLs, so the validator later runs offline.
``roc_validate.py validate CACHE CRATE PROFILE``: print, as a JSON list, what roc-validator reports at the
"required" level for the crate in the folder CRATE.
"""

from __future__ import annotations

import http.server
import json
import sys
import threading
import warnings
from pathlib import Path

RO_CRATE_CONTEXTS = (
    "https://w3id.org/ro/crate/1.1/context",
    "https://w3id.org/ro/crate/1.2/context",
    "https://w3id.org/ro/crate/1.3/context",
)


def cache(folder: str) -> None:
    import requests
    import rocrate
    from requests_cache import CachedSession

    body = (Path(rocrate.__file__).parent / "data" / "ro-crate.jsonld").read_bytes()

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "application/ld+json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the http.server API
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        session = CachedSession(cache_name=folder, backend="sqlite", expire_after=-1)
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


def validate(cache_path: str, crate: str, profile: str) -> None:
    from rocrate_validator import models, services

    settings = models.ValidationSettings(
        rocrate_uri=crate,
        profile_identifier=profile,
        requirement_severity=models.Severity.REQUIRED,
        offline=True,
        cache_path=Path(cache_path),
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        result = services.validate(settings)
    print(json.dumps([f"{i.check.identifier}: {i.message}" for i in result.get_issues()]))


if __name__ == "__main__":
    if sys.argv[1] == "cache":
        cache(sys.argv[2])
    else:
        validate(*sys.argv[2:5])
