"""One writer per standard file, each filled from the metadata model (:mod:`sciship.metadata.model`).

- :mod:`.cff`: CITATION.cff (GitHub's "Cite this repository", Zenodo without .zenodo.json)
- :mod:`.codemeta`: codemeta.json (CodeMeta 3.0; Software Heritage, software catalogues)
- :mod:`.zenodo`: .zenodo.json (what Zenodo archives for each GitHub release)
- :mod:`.rocrate`: ro-crate-metadata.json (RO-Crate 1.1 + Process Run Crate: files, steps, licenses)
- :mod:`.community`: CONTRIBUTING.md, CHANGELOG.md, CODE_OF_CONDUCT.md

``new``, ``adopt``, ``check --fix`` and ``share`` all write these files through the same functions.
Each module has ``render(...)`` (a new file), ``update(text, ...)`` (refresh the generated fields of an
existing file, keep the rest) and ``set_doi(text, doi)``.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable

    from sciship.plan import Plan
    from sciship.project import Project

#: The citation metadata files, in the order sciship writes them.
METADATA_FILES = ("CITATION.cff", "codemeta.json", ".zenodo.json", "ro-crate-metadata.json")


def set_doi(project: Project, doi: str, plan: Plan) -> list[str]:
    """Put ``doi`` into every metadata file the project has (as edits in ``plan``); returns their paths.

    ``doi`` may be bare (``10.5281/zenodo.123``) or a ``https://doi.org/...`` URL. CITATION.cff gets
    ``doi:``. A DOI of a data or software repository (Zenodo, figshare...: the work's own deposit) becomes
    the ``identifier`` of codemeta.json and of the RO-Crate root and an ``isVersionOf`` entry of
    .zenodo.json's ``related_identifiers``; any other DOI (a journal article the work goes with) becomes
    ``referencePublication``, the root's ``citation`` and an ``isSupplementTo`` entry. A file that
    already says this DOI is left alone; files that are not there are not created. Everything else in
    each file stays as it was.
    """
    from sciship._errors import InputError
    from sciship.metadata.model import bare_doi
    from sciship.metadata.writers import cff, codemeta, rocrate, zenodo

    bare = bare_doi(doi)
    if bare is None:
        raise InputError(
            f"`{doi}` is not a DOI.", hint="A DOI looks like `10.5281/zenodo.1234567` (or its doi.org link)."
        )
    editors: dict[str, Callable[[str, str], str]] = {
        cff.PATH: cff.set_doi,
        codemeta.PATH: codemeta.set_doi,
        zenodo.PATH: zenodo.set_doi,
        rocrate.PATH: rocrate.set_doi,
    }
    touched: list[str] = []
    for path, edit in editors.items():
        if project.has(path) or any(a.path == path for a in plan.actions):
            before = plan.text(path)
            plan.edit(path, functools.partial(_apply, edit, bare), f"the DOI {bare}")
            if plan.text(path) != before:
                touched.append(path)
    return touched


def _apply(edit: Callable[[str, str], str], doi: str, text: str) -> str:
    return edit(text, doi)
