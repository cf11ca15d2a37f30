"""``--format sarif``: SARIF 2.1.0 for GitHub code scanning (and any other SARIF viewer).

One run, one rule per check that ran (id = check code, short description = title, full description =
why it matters, help = how to fix), one result per failed check. Levels: blocker ``error``, important
``warning``, polish ``note``. Paths are relative to the repository (``%SRCROOT%``), as code scanning wants.

Code scanning shows only results that point at a file. A finding about the project as a whole (no
LICENSE file, say) is anchored to the project's ``pyproject.toml`` (or its README, or the first file of
the project) at line 1, and says so in its ``properties`` (``"sciship.anchored": true``).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from sciship.checks import Finding
from sciship.report.github import repo_path

if TYPE_CHECKING:
    from sciship.project import Problem

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVEL = {"blocker": "error", "important": "warning", "polish": "note"}
INFO_URI = "https://github.com/sciship/sciship"


def _explain_uri(topic: str) -> str:
    from sciship import __version__

    return f"{INFO_URI}/blob/v{__version__}/src/sciship/explain/{topic}.md"


def _rule(f: Finding) -> dict[str, Any]:
    c = f.check
    fix = c.fix + (" (`sciship check --fix` can do this.)" if c.fixer is not None else "")
    rule: dict[str, Any] = {
        "id": c.code,
        "name": "".join(w.capitalize() for w in c.family.replace("-", " ").split()) + c.code,
        "shortDescription": {"text": c.title},
        "fullDescription": {"text": c.why},
        "help": {"text": f"{fix}", "markdown": f"**Why:** {c.why}\n\n**Fix:** {fix}"},
        "defaultConfiguration": {"level": LEVEL[c.severity]},
        "properties": {
            "tags": ["sciship", c.family, c.severity],
            "precision": "high",
            "sciship.severity": c.severity,
        },
    }
    if c.topic:
        rule["helpUri"] = _explain_uri(c.topic)
        rule["help"]["markdown"] += f"\n\nLearn: `sciship explain {c.topic}`"
    return rule


def render_sarif(
    findings: Sequence[Finding],
    *,
    root: str,
    problems: Sequence[Problem] = (),
    files: Sequence[str] = (),
) -> str:
    """SARIF 2.1.0 as a JSON string. ``files`` (the project's files) choose the anchor of whole-project
    findings."""
    from sciship import __version__

    rules = [_rule(f) for f in findings]
    index = {r["id"]: i for i, r in enumerate(rules)}
    anchor = next((p for p in ("pyproject.toml", "setup.cfg", "setup.py", "README.md") if p in files), None)
    if anchor is None:
        anchor = next(iter(sorted(files)), "pyproject.toml")
    results: list[dict[str, Any]] = []
    for f in findings:
        if f.status != "failed":
            continue
        path, line, anchored = f.path, f.line, False
        if not path:
            path, line, anchored = anchor, 1, True
        uri = repo_path(root, path)
        text = f.message or f.check.title
        result: dict[str, Any] = {
            "ruleId": f.code,
            "ruleIndex": index[f.code],
            "level": LEVEL[f.severity],
            "message": {"text": text},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": uri, "uriBaseId": "%SRCROOT%"},
                        "region": {"startLine": max(1, line or 1)},
                    }
                }
            ],
            "partialFingerprints": {
                "sciship/v1": hashlib.sha256(f"{f.code}\0{uri}\0{text}".encode()).hexdigest()[:32]
            },
            "properties": {"sciship.severity": f.severity, "sciship.fixable": f.fixable},
        }
        if anchored:
            result["properties"]["sciship.anchored"] = True
        results.append(result)
    notifications = [
        {
            "level": "warning",
            "message": {"text": p.message},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": repo_path(root, p.path), "uriBaseId": "%SRCROOT%"},
                        **({"region": {"startLine": p.line}} if p.line else {}),
                    }
                }
            ],
        }
        for p in problems
    ]
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "sciship",
                "version": __version__,
                "semanticVersion": __version__,
                "informationUri": INFO_URI,
                "rules": rules,
            }
        },
        "invocations": [{"executionSuccessful": True, "toolExecutionNotifications": notifications}],
        "results": results,
        "columnKind": "unicodeCodePoints",
    }
    doc = {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"
