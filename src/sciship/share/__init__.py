"""``sciship share``: make a research folder (or a package) citable and reproducible, without running it.

Public interface::

    known(project) -> Known                       # what the folder already says (name, license, authors)
    prepare(project, options, flow) -> ShareResult  # the plan: metadata files, REPRODUCE.md, archive
    ShareResult.to_json()                          # the documented --dry-run --format json shape

The data flow comes from :func:`sciship.flow.trace`; every file is written by the writers in
:mod:`sciship.metadata.writers`, through one :class:`~sciship.plan.Plan`.
"""

from __future__ import annotations

from sciship.share.build import SUGGESTED_DATA_LICENSE, Known, Options, ShareResult, known, prepare

__all__ = ["SUGGESTED_DATA_LICENSE", "Known", "Options", "ShareResult", "known", "prepare"]
