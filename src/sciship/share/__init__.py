"""``sciship share``: make a research folder (or a package) citable and reproducible, without running it.

Public interface::

    known(project) -> Known                       # what the folder already says (name, license, authors)
    prepare(project, options, flow) -> ShareResult  # the plan: metadata files, REPRODUCE.md, archive
    ShareResult.to_json()                          # the documented --dry-run --format json shape

The data flow comes from :func:`sciship.flow.trace`; every file is written by the writers in
:mod:`sciship.metadata.writers`, through one :class:`~sciship.plan.Plan`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sciship.share.build import (
        SUGGESTED_DATA_LICENSE,
        Known,
        Options,
        ShareResult,
        check_license_choice,
        known,
        prepare,
    )

__all__ = [
    "SUGGESTED_DATA_LICENSE",
    "Known",
    "Options",
    "ShareResult",
    "check_license_choice",
    "known",
    "prepare",
]


def __getattr__(name: str) -> Any:
    """The public names, from :mod:`sciship.share.build` when first asked: ``sciship share`` looks at
    the folder's files (:mod:`sciship.share.inventory`) before it starts the data flow's work on the
    other CPU, and importing all of the writers first cost 9 ms there."""
    if name in __all__:
        from sciship.share import build

        return getattr(build, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
