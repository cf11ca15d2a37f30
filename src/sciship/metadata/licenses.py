"""Licenses: SPDX ids, the texts sciship bundles, the classifier mapping, and telling a license by its text.

The data lives in ``templates/licenses/``: ``licenses.json`` (SPDX id -> name, classifier, fingerprint),
``osi.json`` (OSI-approved ids), ``classifier_to_spdx.json`` (a classifier that names exactly one SPDX id)
and ``spdx_ids.json`` (every SPDX license id). Checks, ``new``, ``adopt`` and ``share`` all read it here.
"""

from __future__ import annotations

import difflib
import json
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sciship._errors import InputError

if TYPE_CHECKING:
    from sciship.project import Project

LICENSES_DIR = Path(__file__).resolve().parent.parent / "templates" / "licenses"
#: File names (without extension, upper case) that hold a license at the top of a project.
LICENSE_STEMS = ("LICENSE", "LICENCE", "COPYING")
#: The OSI licenses pyOpenSci lists, in the order sciship offers them (their full texts are bundled).
LICENSES: tuple[str, ...] = (
    "MIT",
    "BSD-3-Clause",
    "Apache-2.0",
    "GPL-3.0-or-later",
    "GPL-3.0-only",
    "MPL-2.0",
    "EUPL-1.2",
)
DEFAULT_LICENSE = "MIT"
OPERATORS = frozenset({"AND", "OR", "WITH"})


@cache
def _json(name: str) -> Any:
    return json.loads((LICENSES_DIR / name).read_text(encoding="utf-8"))


def known_licenses() -> dict[str, dict[str, Any]]:
    """``licenses.json``: SPDX id -> name, classifier, fingerprint."""
    return _json("licenses.json")  # type: ignore[no-any-return]


def osi_approved() -> frozenset[str]:
    return frozenset(_json("osi.json"))


def classifier_to_spdx() -> dict[str, str]:
    return _json("classifier_to_spdx.json")  # type: ignore[no-any-return]


def spdx_ids() -> list[str]:
    """Every SPDX license id."""
    return _json("spdx_ids.json")  # type: ignore[no-any-return]


def collapse(text: str) -> str:
    return " ".join(text.split()).lower()


def identify(text: str) -> list[str]:
    """The ids in ``licenses.json`` whose fingerprint is in ``text`` (ignoring whitespace and case)."""
    flat = collapse(text)
    return [spdx for spdx, info in known_licenses().items() if collapse(info["fingerprint"]) in flat]


def license_ids(expression: str) -> list[str]:
    """The license ids in an SPDX expression (operators, brackets and exceptions left out)."""
    tokens = expression.replace("(", " ").replace(")", " ").split()
    out: list[str] = []
    skip_next = False
    for tok in tokens:
        if skip_next:
            skip_next = False
            continue
        if tok.upper() == "WITH":
            skip_next = True
            continue
        if tok.upper() not in OPERATORS:
            out.append(tok.rstrip("+"))
    return out


def license_files(project: Project) -> list[str]:
    """License files at the top of the project: LICENSE, LICENCE, COPYING, with or without extension."""
    out = []
    for f in project.files:
        if "/" in f:
            continue
        stem = f.split(".", 1)[0].upper()
        if stem in LICENSE_STEMS or any(stem.startswith(s + "-") for s in LICENSE_STEMS):
            out.append(f)
    return out


def canonical(expr: str) -> str | None:
    """The canonical form of a valid SPDX expression, else None."""
    try:
        from packaging.licenses import InvalidLicenseExpression, canonicalize_license_expression
    except ImportError:  # pragma: no cover - packaging < 24.2
        return expr
    try:
        return str(canonicalize_license_expression(expr))
    except InvalidLicenseExpression:
        return None


def normalize_license(spdx: str) -> str:
    """The bundled SPDX id ``spdx`` names (case-insensitive), or a clear :class:`InputError`."""
    wanted = spdx.strip()
    for known in LICENSES:
        if known.lower() == wanted.lower():
            return known
    family = wanted.split("-")[0].lower()
    close = [k for k in LICENSES if k.lower().split("-")[0] == family] or difflib.get_close_matches(
        wanted, LICENSES, n=1, cutoff=0.5
    )
    hint = f"Did you mean {' or '.join(f'`{c}`' for c in close)}? " if close else ""
    valid = next((i for i in spdx_ids() if i.lower() == wanted.lower()), None)
    aside = " (a valid SPDX license, but not one whose full text sciship bundles)" if valid else ""
    raise InputError(
        f"sciship does not know the license `{spdx}`{aside}. It bundles the full text of these "
        f"open-source licenses: {', '.join(LICENSES)}.",
        hint=hint + "Pick one of them: MIT is short, permissive and the usual choice for research code; "
        "the GPL licenses require that changed versions stay open too.",
    )


def license_text(spdx: str, year: int, holder: str) -> str:
    """The full text of license ``spdx`` (bundled or not) with the year and copyright holder filled in.

    The texts hold exactly two placeholders, ``{{ year }}`` and ``{{ holder }}``: filled by plain
    replacement (loading Jinja for them costs more than the rest of ``sciship share --dry-run``)."""
    path = LICENSES_DIR / f"{spdx}.txt"
    if not path.is_file():
        path = LICENSES_DIR / f"{normalize_license(spdx)}.txt"
    text = path.read_text(encoding="utf-8")
    return text.replace("{{ year }}", str(year)).replace("{{ holder }}", holder)
