"""Which programming language a code file is written in, by its extension: for the metadata of a folder
whose code is not all Python (``programmingLanguage`` in codemeta.json and the RO-Crate) and for what
``share`` says about code it does not read."""

from __future__ import annotations

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
}


def language_of(path: str) -> str | None:
    """The language of the code file ``path`` (``Python``, ``R``, ``Julia``, ...), or None for a file
    that is not code (notebooks included: their language is in their metadata)."""
    name = path.rsplit("/", 1)[-1]
    dot = name.rfind(".")
    return _BY_EXTENSION.get(name[dot:].lower()) if dot > 0 else None


def languages_of(paths: list[str]) -> list[str]:
    """The languages of the code files among ``paths``: Python first, then the others, most files first."""
    counts: dict[str, int] = {}
    for path in paths:
        language = language_of(path)
        if language is not None:
            counts[language] = counts.get(language, 0) + 1
    return sorted(counts, key=lambda k: (k != "Python", -counts[k], k))
