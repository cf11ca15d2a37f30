"""Find the file paths a script names, and say which of them sciship cannot find."""

from __future__ import annotations

import ast
import fnmatch
import posixpath
from collections.abc import Iterable
from dataclasses import dataclass

DATA_SUFFIXES = frozenset(
    {
        "csv",
        "tsv",
        "txt",
        "dat",
        "json",
        "nc",
        "nc4",
        "h5",
        "hdf5",
        "hdf",
        "npy",
        "npz",
        "pkl",
        "pickle",
        "xlsx",
        "xls",
        "parquet",
        "feather",
        "mat",
        "tif",
        "tiff",
        "shp",
        "geojson",
        "gpkg",
        "zarr",
        "fits",
        "yaml",
        "yml",
        "xml",
        "sav",
        "dta",
        "rds",
        "grib",
        "grb",
        "asc",
        "gz",
        "zip",
    }
)
#: Calls whose first argument is a file the script writes (so it need not exist yet).
_WRITERS = frozenset(
    {
        "savefig",
        "to_csv",
        "to_netcdf",
        "to_parquet",
        "to_excel",
        "to_json",
        "to_pickle",
        "to_hdf",
        "to_feather",
        "save",
        "savez",
        "savez_compressed",
        "savetxt",
        "write_text",
        "write_bytes",
        "dump",
        "mkdir",
        "makedirs",
        "to_file",
        "imwrite",
        "imsave",
        "to_zarr",
        "write",
        "exists",
        "isfile",
        "isdir",
    }
)


@dataclass(frozen=True)
class PathUse:
    literal: str
    line: int
    status: str  #: "ok", "absolute", "script-relative", "missing"


def path_uses(source: str, script: str, files: Iterable[str]) -> list[PathUse]:
    """Relative paths in ``source`` (the script at ``script``) checked against the folder's ``files``."""
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError):
        return []
    written = _written_literals(tree)
    listed = set(files)
    folders = {posixpath.dirname(f) for f in listed}
    folders |= {d for f in folders for d in _parents(f)}
    here = posixpath.dirname(script)
    out: list[PathUse] = []
    seen: set[str] = set()
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Constant) and isinstance(node.value, str)):
            continue
        text = node.value.strip()
        if text in seen or not _looks_like_path(text):
            continue
        seen.add(text)
        if text.startswith(("/", "~")) or (len(text) > 2 and text[1] == ":" and text[2] in "\\/"):
            out.append(PathUse(text, node.lineno, "absolute"))
            continue
        if text in written:
            continue
        rel = posixpath.normpath(text.replace("\\", "/"))
        if _exists(rel, listed, folders):
            out.append(PathUse(text, node.lineno, "ok"))
        elif here and _exists(posixpath.normpath(posixpath.join(here, rel)), listed, folders):
            out.append(PathUse(text, node.lineno, "script-relative"))
        else:
            out.append(PathUse(text, node.lineno, "missing"))
    return out


def _parents(folder: str) -> list[str]:
    out = []
    while folder:
        folder = posixpath.dirname(folder)
        if folder:
            out.append(folder)
    return out


def _looks_like_path(text: str) -> bool:
    if not text or "\n" in text or " " in text.strip() or len(text) > 200 or "{" in text or "%" in text:
        return False
    suffix = text.rsplit(".", 1)[-1].lower() if "." in posixpath.basename(text) else ""
    if suffix in DATA_SUFFIXES:
        return True
    return "/" in text and not text.startswith(("http:", "https:", "s3:", "gs:", "ftp:")) and "//" not in text


def _exists(rel: str, files: set[str], folders: set[str]) -> bool:
    rel = rel.rstrip("/")
    if rel in files or rel in folders:
        return True
    if any(c in rel for c in "*?["):
        return any(fnmatch.fnmatch(f, rel) for f in files)
    return False


def _written_literals(tree: ast.AST) -> set[str]:
    consts: dict[str, str] = {}
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Assign)
            and isinstance(node.value, ast.Constant)
            and isinstance(node.value.value, str)
        ):
            for t in node.targets:
                if isinstance(t, ast.Name):
                    consts[t.id] = node.value.value.strip()
    out: set[str] = set()
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
        first = node.args[0] if node.args else None
        if isinstance(first, ast.Name) and first.id in consts:
            first = ast.Constant(consts[first.id])
        if name in _WRITERS and isinstance(first, ast.Constant) and isinstance(first.value, str):
            out.add(first.value.strip())
        if name == "open" and len(node.args) >= 2:
            mode = node.args[1]
            writes = (
                isinstance(mode, ast.Constant)
                and isinstance(mode.value, str)
                and set(mode.value) & set("wax")
            )
            if writes and isinstance(first, ast.Constant) and isinstance(first.value, str):
                out.add(first.value.strip())
    return out
