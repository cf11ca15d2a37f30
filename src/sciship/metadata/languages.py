"""Which programming language a code file is written in, by its extension: for the metadata of a folder
whose code is not all Python (``programmingLanguage`` in codemeta.json and the RO-Crate) and for what
``share`` says about code it does not read."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable

#: the language of a code file, by its extension (lower case); ``.m`` is taken as MATLAB (research code;
#: Objective-C is rare there)
_BY_EXTENSION = {
    ".py": "Python",
    ".r": "R",
    ".rmd": "R",
    ".m": "MATLAB",
    ".jl": "Julia",
    ".sh": "Shell",
    ".bash": "Shell",
    ".slurm": "Shell",  # batch jobs for a cluster's queue: shell scripts (moryzae_eccdnas: 51)
    ".sbatch": "Shell",
    ".pbs": "Shell",
    ".qsub": "Shell",
    ".do": "Stata",
    ".sas": "SAS",
    ".c": "C",
    ".cpp": "C++",
    ".cc": "C++",
    ".f": "Fortran",
    ".f90": "Fortran",
    ".java": "Java",
    ".js": "JavaScript",
    ".rs": "Rust",
    ".go": "Go",
    ".ncl": "NCL",
    ".pl": "Perl",  # (mathieuboudreau/B1Paper_Analysis: two Perl scripts beside the MATLAB went unnamed)
    ".pm": "Perl",
}

#: each language's home page, for the RO-Crate's ``ComputerLanguage`` entities
URLS = {
    "Python": "https://www.python.org/",
    "R": "https://www.r-project.org/",
    "MATLAB": "https://www.mathworks.com/products/matlab.html",
    "Julia": "https://julialang.org/",
    "Fortran": "https://fortran-lang.org/",
    "Rust": "https://www.rust-lang.org/",
    "Go": "https://go.dev/",
    "Perl": "https://www.perl.org/",
}


def language_of(path: str) -> str | None:
    """The language of the code file ``path`` (``Python``, ``R``, ``Julia``, ...), or None for a file
    that is not code (notebooks included: their language is in their metadata)."""
    name = path.rsplit("/", 1)[-1]
    dot = name.rfind(".")
    return _BY_EXTENSION.get(name[dot:].lower()) if dot > 0 else None


#: folders of documentation and build output: their scripts (a Sphinx theme's JavaScript) are not the
#: folder's code
_NOT_CODE_FOLDERS = frozenset(
    {"docs", "doc", "documentation", "_static", "_build", "_templates", "node_modules", "site-packages"}
)


def other_code(paths: Iterable[str]) -> dict[str, list[str]]:
    """The code files among ``paths`` in other languages than Python, by language (most files first);
    files in documentation and build folders (:data:`_NOT_CODE_FOLDERS`) left out."""
    found: dict[str, list[str]] = {}
    for path in paths:
        language = language_of(path)
        if language is None or language == "Python":
            continue
        if "/" in path and not _NOT_CODE_FOLDERS.isdisjoint(path.lower().split("/")[:-1]):
            continue
        found.setdefault(language, []).append(path)
    return dict(sorted(found.items(), key=lambda kv: (-len(kv[1]), kv[0])))


def said(found: dict[str, int]) -> str:
    """``MATLAB (114 files), Fortran (1 file) and R (1 file)``."""
    parts = [f"{k} ({n} file{'s' if n > 1 else ''})" for k, n in found.items()]
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
