"""``sciship audit``: review many repositories at once, on this machine or a Dask cluster.

Public interface::

    read_sources(["repos.txt", "packages.yml", "path/to/project"]) -> Sources   # what to review
    LocalPool(jobs) / DaskCluster("tcp://host:8786")                           # where (an Executor)
    audit(targets, executor, output=Path("results.parquet"), resume=..., deps=...) -> Report

One task reviews one repository (:func:`sciship.audit.task.review`): a shallow clone into the cache when
it is remote, then ``sciship check``'s review, statically. The rows are described in
:mod:`sciship.audit.rows`; the files in :mod:`sciship.audit.output`. Neither Dask nor pyarrow is
imported until an audit needs them.
"""

from __future__ import annotations

from sciship.audit.executors import DaskCluster, Executor, LocalPool
from sciship.audit.rows import COLUMNS, Row, Summary
from sciship.audit.run import Progress, Report, audit
from sciship.audit.sources import Sources, Target, read_sources

__all__ = [
    "COLUMNS",
    "DaskCluster",
    "Executor",
    "LocalPool",
    "Progress",
    "Report",
    "Row",
    "Sources",
    "Summary",
    "Target",
    "audit",
    "read_sources",
]
