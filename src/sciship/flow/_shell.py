"""Files a shell command makes (or reads), read from its words: notebook ``!`` lines and ``%%bash`` cells,
``os.system``, ``subprocess.run`` and friends. Nothing is run.

Two kinds of result:

- *sure*: what a tool's documented options say (``wget -O f``, ``curl -o f``, ``cp a b``, ``gunzip f.gz``,
  ``> f``, ``tar -czf f``, ``touch f``): reads and writes like any other file access.
- *soft*: a file the command may make, where only a convention says so: an option named like an output
  (``-o f``, ``--output f``, ``--outdir d``) of any other program, a download whose name sciship cannot see,
  an archive unpacked into a folder (``tar -x``, ``unzip -d d``: any file under it). Soft writes never
  make a step depend on another and are never outputs; they only mean "this file is not missing".

Unknown parts of the command (a ``$variable``, an f-string's value) arrive as the markers of
:mod:`sciship.flow._expr`; they stay in the paths as unknown parts.
"""

from __future__ import annotations

import functools
import itertools
import posixpath
import re
import shlex
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any, NamedTuple

from sciship._regex import compile_later
from sciship.flow._expr import STAR, STAR2

_SEPARATORS = frozenset({";", "&&", "||", "|", "&", "(", ")", "\n"})
_REDIRECT_OUT = frozenset({">", ">>", ">|", "&>", "&>>"})
_WRAPPERS = frozenset({"sudo", "time", "nohup", "nice", "env", "command", "exec", "srun", "xargs"})
#: options of any program that name an output file or folder (a convention, hence soft)
_OUTPUT_FLAGS = frozenset(
    {
        "-o",
        "--out",
        "--output",
        "--outfile",
        "--out-file",
        "--out_file",
        "--output-file",
        "--output_file",
        "--outputfile",
        "--save",
        "--save-path",
        "--save_path",
        "--out-path",
        "--out_path",
        "--output-path",
        "--output_path",
    }
)
_OUTPUT_DIR_FLAGS = frozenset(
    {"--outdir", "--out-dir", "--out_dir", "--output-dir", "--output_dir", "--outputdir", "--output-folder"}
)
#: programs whose ``-o`` is not an output file
_OTHER_O = frozenset({"ssh", "scp", "mount", "grep", "egrep", "ps", "set", "shopt", "pip", "conda", "mamba"})


@dataclass(frozen=True)
class Effect:
    access: str  #: "read" or "write"
    path: str  #: as written (relative to the command's working folder), with unknown parts
    soft: bool = False
    tree: bool = False  #: any file under the folder ``path`` (an archive unpacked there)


_PLAIN_WORDS = compile_later(r"&>>|&>|>>|>\||\|\||&&|[;|&()<>]|[^\s;|&()<>]+")


def words_of(text: str) -> list[str]:
    """The words of a command line, with ``;``, ``|``, ``&&``, ``>`` as words of their own."""
    if not any(c in text for c in "'\"\\#"):  # no quoting: a regular expression splits it (4x faster)
        return _PLAIN_WORDS.findall(text)
    lexer = shlex.shlex(text, posix=True, punctuation_chars=True)
    lexer.whitespace_split = True
    lexer.commenters = "#"
    try:
        return list(lexer)
    except ValueError:  # an unclosed quote: the plain words are good enough
        return text.split()


def effects(words: list[str]) -> list[Effect]:
    """What the commands in ``words`` (one line, perhaps several commands) make and read; nothing for a
    line whose words come from a command run in it (`` mv `ls -1 d/*` old/ ``, ``$(...)``)."""
    if any("`" in word or "$(" in word for word in words):
        return []
    return [effect for command in _commands(words) for effect in _one(command)]


def _one(words: list[str]) -> list[Effect]:
    out: list[Effect] = []
    args: list[str] = []
    i = 0
    while i < len(words):  # redirections apply to any program; take them out of the arguments
        word = words[i]
        if word in _REDIRECT_OUT and i + 1 < len(words):
            target = words[i + 1]
            if target not in {"/dev/null", "/dev/stderr", "/dev/stdout"} and not target.startswith("&"):
                out.append(Effect("write", target))
            i += 2
            continue
        if word == "<" and i + 1 < len(words):
            i += 2
            continue
        if word.isdigit() and i + 1 < len(words) and words[i + 1] in _REDIRECT_OUT:
            i += 1  # the `2` of `2>`
            continue
        args.append(word)
        i += 1
    while args and (args[0] in _WRAPPERS or _ASSIGNMENT.match(args[0])):
        args = args[1:]
    if not args:
        return out
    tool = posixpath.basename(args[0])
    rest = args[1:]
    handler: Callable[[list[str]], list[Effect]] | None = _TOOLS.get(tool)
    if handler is not None:
        out.extend(handler(rest))
    elif tool not in _OTHER_O:
        out.extend(_output_options(rest))
    return out


#: a word that sets a variable: ``name=value`` (the name, the value)
_ASSIGNMENT = compile_later(r"^([A-Za-z_]\w*)=(.*)$")


def _option_value(rest: list[str], names: frozenset[str] | set[str]) -> list[str]:
    """Values of the options ``names`` (``-o x``, ``--output x``, ``--output=x``)."""
    found = []
    for i, word in enumerate(rest):
        if word in names and i + 1 < len(rest):
            found.append(rest[i + 1])
        elif word.startswith("--") and "=" in word and word.split("=", 1)[0] in names:
            found.append(word.split("=", 1)[1])
    return found


def _plain(rest: list[str], *, takes_value: frozenset[str] = frozenset()) -> list[str]:
    """The arguments that are not options (nor the values of the options in ``takes_value``)."""
    out = []
    skip = False
    for word in rest:
        if skip:
            skip = False
            continue
        if word.startswith("-") and len(word) > 1:
            skip = word in takes_value
            continue
        out.append(word)
    return out


def _url_name(url: str) -> str:
    name = url.split("?", 1)[0].split("#", 1)[0].rstrip("/").rsplit("/", 1)[-1]
    return name or STAR


def _output_options(rest: list[str]) -> list[Effect]:
    # (and `--out-psf x.fits`, `--output-table t.csv`: an option named for an output, with a file's name;
    # desihub/spectropaper-code's `desi_psf_fit ... --out-psf psf-b1-00055705-10.fits`)
    named = {
        w.split("=", 1)[0]
        for w in rest
        if w.startswith(("--out-", "--out_", "--output-", "--output_"))
        and w.split("=", 1)[0] not in _OUTPUT_DIR_FLAGS
    }
    values = _option_value(rest, _OUTPUT_FLAGS) + [
        v for v in _option_value(rest, named - _OUTPUT_FLAGS) if "." in v.rsplit("/", 1)[-1]
    ]
    out = [Effect("write", v, soft=True) for v in values]
    out += [Effect("write", v, soft=True, tree=True) for v in _option_value(rest, _OUTPUT_DIR_FLAGS)]
    return out


def _wget(rest: list[str]) -> list[Effect]:
    named = _option_value(rest, {"-O", "--output-document"})
    if named:
        return [Effect("write", v) for v in named]
    folder = (_option_value(rest, {"-P", "--directory-prefix"}) or [""])[0]
    urls = _plain(rest, takes_value=frozenset({"-P", "-o", "-a", "-e", "-t", "-T", "-U", "--user-agent"}))
    out = []
    for url in urls:
        name = _url_name(url)
        known = any(c.isalnum() for c in name.replace(STAR, "").replace(STAR2, ""))
        out.append(Effect("write", posixpath.join(folder, name) if folder else name, soft=not known))
    return out


def _curl(rest: list[str]) -> list[Effect]:
    out = [Effect("write", v) for v in _option_value(rest, {"-o", "--output"})]
    if "-O" in rest or "--remote-name" in rest or "--remote-name-all" in rest:
        folder = (_option_value(rest, {"--output-dir"}) or [""])[0]
        for url in _plain(rest, takes_value=frozenset({"-o", "--output", "--output-dir", "-H", "-d", "-u"})):
            name = _url_name(url)
            out.append(Effect("write", posixpath.join(folder, name) if folder else name, soft=STAR in name))
    return out


#: a path on another computer, as rsync and scp write it: ``user@host:path`` or ``host:path``
_REMOTE = compile_later(r"^(?:[\w.-]+@)?[\w-][\w.-]+:(?!//)")  # (not `C:/...`)


def _copy(rest: list[str]) -> list[Effect]:
    paths = _plain(rest, takes_value=frozenset({"-t", "--target-directory", "-S", "--suffix"}))
    if len(paths) < 2:
        return []
    *sources, target = paths
    if _REMOTE.match(target):  # `rsync -av results/ me@cluster:project/`: a copy to another computer
        return [Effect("read", s) for s in sources if not _REMOTE.match(s)]
    out = [Effect("read", s) for s in sources if not _REMOTE.match(s)]  # (a remote one is downloaded)
    if len(sources) > 1 or target.endswith("/"):
        out += [Effect("write", posixpath.join(target, posixpath.basename(s.rstrip("/")))) for s in sources]
    else:
        out.append(Effect("write", target))
    return out


def _link(rest: list[str]) -> list[Effect]:
    """``ln -s TARGET LINK``: the link is a file here (what it points to is read through it later, from
    the link's folder: no read now). (RomeroLab/PU-learning-paper-analysis: `ln -s $f
    run_data/"$d"ref_mutations.txt` made the inputs of two steps)"""
    paths = _plain(rest, takes_value=frozenset({"-t", "--target-directory", "-S", "--suffix"}))
    if len(paths) == 1:
        return [Effect("write", posixpath.basename(paths[0].rstrip("/")))]
    if len(paths) < 2:
        return []
    *sources, target = paths
    if len(sources) > 1 or target.endswith("/") or target in {".", ".."}:  # (`ln -s /data/x.fits .`)
        return [
            Effect("write", posixpath.normpath(posixpath.join(target, posixpath.basename(s.rstrip("/")))))
            for s in sources
        ]
    return [Effect("write", target)]


def _gunzip(rest: list[str]) -> list[Effect]:
    out = []
    for word in _plain(rest):
        out.append(Effect("read", word))
        out.extend(
            Effect("write", word[: -len(suffix)])
            for suffix in (".gz", ".bz2", ".xz", ".Z")
            if word.endswith(suffix)
        )
    return out


def _decompress(rest: list[str]) -> list[Effect]:
    """``gzip -d`` / ``-dk`` / ``--decompress`` (and bzip2's, xz's) unpacks as gunzip does; else it packs
    (``gzip x`` makes ``x.gz``). (JMencius/MethQC-paper-code: the genome `gzip -dk` unpacked was missing)"""
    if any(w == "--decompress" or (w.startswith("-") and not w.startswith("--") and "d" in w) for w in rest):
        return _gunzip(rest)
    return []


def _unzip(rest: list[str]) -> list[Effect]:
    plain = _plain(rest, takes_value=frozenset({"-d", "-x"}))
    folder = (_option_value(rest, {"-d"}) or ["."])[0]
    return [Effect("read", p) for p in plain[:1]] + [Effect("write", folder, soft=True, tree=True)]


def _tar(rest: list[str]) -> list[Effect]:
    if not rest:
        return []
    flags = rest[0].lstrip("-") if not rest[0].startswith("--") else ""
    words = " ".join(rest)
    extract = "x" in flags or "--extract" in rest or "--get" in rest or re.search(r"(^|\s)-\w*x", words)
    create = "c" in flags or "--create" in rest or re.search(r"(^|\s)-\w*c", words)
    archive = _option_value(rest, {"-f", "--file"})
    if not archive:  # `tar -xzf a.tgz` / `tar czf a.tgz dir`: the word after the flags ending in f
        for i, word in enumerate(rest):
            flag = not word.startswith("--") and word.lstrip("-").endswith("f")
            if flag and i + 1 < len(rest) and (word.startswith("-") or i == 0):
                archive = [rest[i + 1]]
                break
    if extract:
        folder = (_option_value(rest, {"-C", "--directory"}) or ["."])[0]
        return [Effect("read", a) for a in archive] + [Effect("write", folder, soft=True, tree=True)]
    if create:
        return [Effect("write", a) for a in archive]
    return []


def _git(rest: list[str]) -> list[Effect]:
    """``git clone URL [folder]`` fills a folder (named after the repository when not given)."""
    if not rest or rest[0] != "clone":
        return []
    plain = _plain(rest[1:], takes_value=frozenset({"-b", "--branch", "--depth", "-o", "--origin", "-c"}))
    if not plain:
        return []
    folder = plain[1] if len(plain) > 1 else _url_name(plain[0]).removesuffix(".git")
    return [Effect("write", folder, soft=True, tree=True)]


def _nothing(_rest: list[str]) -> list[Effect]:
    return []


def _touch(rest: list[str]) -> list[Effect]:
    return [Effect("write", p) for p in _plain(rest, takes_value=frozenset({"-d", "-t", "-r"}))]


#: cdo's options that take a value (``-f nc4``, ``-P 8``)
_CDO_VALUES = frozenset({"-f", "-P", "-z", "-b", "-t", "-k", "-L", "-r", "--format", "--pedantic"})
#: cdo operators that only print (no output file)
_CDO_PRINTS = ("info", "sinfo", "show", "ntime", "nlevel", "nvar", "ngrids", "griddes", "zaxisdes", "diff")


def _cdo(rest: list[str]) -> list[Effect]:
    """``cdo [options] operator[,args] [-chained,operators] in.nc [more.nc] out.nc``: the last file is
    written and the others read (an operator that prints writes nothing; ``split*`` writes files named
    from the last word)."""
    plain = _plain(rest, takes_value=_CDO_VALUES)
    head = plain[0].split(",", 1)[0] if plain else ""
    # (chained operators all start with `-`: `cdo -fldmean -selname,tas in.nc out.nc` has no plain one)
    operator, files = (head, plain[1:]) if head.isidentifier() else ("", plain)
    if operator and operator.startswith(_CDO_PRINTS):
        return [Effect("read", f) for f in files]
    if len(files) < 2:
        return [Effect("read", f) for f in files]
    *inputs, output = files
    split = operator.startswith("split")  # (`splityear in.nc out_`: out_1990.nc, out_1991.nc, ...)
    written = Effect("write", output + STAR, soft=True) if split else Effect("write", output)
    return [*(Effect("read", f) for f in inputs), written]


#: NCO's options that take a value (``-v var``, ``-d dim,0,10``)
_NCO_VALUES = frozenset(
    {"-v", "-d", "-s", "-a", "-p", "-l", "-b", "-L", "-t", "-S", "-y", "-w", "-B", "-x", "-g"}
)


def _nco(rest: list[str]) -> list[Effect]:
    """NCO's tools (``ncks``, ``ncrcat``, ``ncra``, ...): ``-o out`` or the last of two or more files is
    written, the others read; with one file, it is only read."""
    named = _option_value(rest, {"-o", "--output", "--fl_out"})
    files = _plain(rest, takes_value=_NCO_VALUES | {"-o", "--output", "--fl_out"})
    if named:
        return [*(Effect("read", f) for f in files), *(Effect("write", o) for o in named)]
    if len(files) < 2:
        return [Effect("read", f) for f in files]
    *inputs, output = files
    return [*(Effect("read", f) for f in inputs), Effect("write", output)]


_TOOLS: dict[str, Callable[[list[str]], list[Effect]]] = {
    "cdo": _cdo,
    **dict.fromkeys(
        ("ncks", "ncrcat", "ncra", "ncea", "ncecat", "ncwa", "ncpdq", "ncbo", "ncdiff", "ncflint"), _nco
    ),
    "wget": _wget,
    "curl": _curl,
    "cp": _copy,
    "mv": _copy,
    "ln": _link,
    "rsync": _copy,
    "gunzip": _gunzip,
    "bunzip2": _gunzip,
    "unxz": _gunzip,
    "gzip": _decompress,
    "bzip2": _decompress,
    "xz": _decompress,
    "unzip": _unzip,
    "tar": _tar,
    "touch": _touch,
    "git": _git,
    # tools whose arguments name files but not outputs: nothing (their `-o` is something else)
    "rm": _nothing,
    "mkdir": _nothing,
    "cd": _nothing,
    "ls": _nothing,
    "echo": _nothing,
    "cat": _nothing,
    "head": _nothing,
    "tail": _nothing,
    "pip": _nothing,
    "conda": _nothing,
}


#: files that run the analysis outside Python: shell scripts, Makefiles, Snakemake, job scripts
_PIPELINE_NAMES = frozenset({"makefile", "gnumakefile", "snakefile", "justfile", "dvc.yaml"})
_PIPELINE_SUFFIXES = (
    ".sh",
    ".bash",
    ".zsh",
    ".mk",
    ".smk",
    ".snake",  # (Snakemake files by another ending: NEAT-seq_reproducibility)
    ".slurm",
    ".sbatch",
    ".pbs",
    ".qsub",
    ".job",
    ".nf",
)
#: a Makefile rule: ``targets : prerequisites`` (not a recipe line, not a variable ``:=``)
_MAKE_TARGET = compile_later(r"^([^\s:=#.][^:=#]*?)\s*:(?!=):?([^=#;]*)")
_QUOTED = compile_later(r"[\"']([^\"'\n]+)[\"']")


def is_pipeline_file(path: str) -> bool:
    name = path.rsplit("/", 1)[-1].lower()
    return name in _PIPELINE_NAMES or name.endswith(_PIPELINE_SUFFIXES)


def is_snakefile(path: str) -> bool:
    name = path.rsplit("/", 1)[-1].lower()
    return name == "snakefile" or name.endswith((".smk", ".snake"))


def declares_outputs(path: str) -> bool:
    """Is ``path`` a pipeline file that declares what it makes (a Makefile, Snakefile or Nextflow file),
    rather than a shell script whose variables may name anything?"""
    name = path.rsplit("/", 1)[-1].lower()
    return name in {"makefile", "gnumakefile", "snakefile"} or name.endswith((".mk", ".smk", ".snake", ".nf"))


def pipeline_outputs(text: str, path: str = "run.sh") -> list[str]:
    """Names of the files a pipeline file makes: what its commands write (``> f``, ``-o f``,
    ``--output-file $dir/f``), Makefile targets, Snakemake ``output:`` files. Only the file names count
    (the folders depend on variables and ``cd``): ``$out/model_dates.txt`` gives ``model_dates.txt``."""
    out = []
    for name in _written(text, path):
        if name.startswith(("/", "~")):  # written on the author's computer, not here (AbsQuant: `> /mnt/...`)
            continue
        base = _VARIABLE.sub("*", name.rstrip("/")).rsplit("/", 1)[-1]
        if "*" in base:  # a name with variable parts: a pattern when the rest says something
            known = base.replace("*", "").rsplit(".", 1)[0] if "." in base else base.replace("*", "")
            if sum(c.isalnum() for c in known) >= _KNOWN_CHARS and "$" not in base and "{" not in base:
                out.append(base)
        elif base and "$" not in base and "{" not in base and any(c.isalnum() for c in base):
            out.append(base)
    return list(dict.fromkeys(out))


def declared_outputs(text: str, path: str) -> list[str]:
    """The paths a Makefile, Snakefile or Nextflow file declares it makes, as written (relative to where
    it runs, which for an included ``rules/x.smk`` is the main Snakefile's folder), with ``*`` for each
    variable part (``analysis/{dataset}/counts.tsv`` gives ``analysis/*/counts.tsv``)."""
    out = []
    for name in _written(text, path):
        if name.startswith(("/", "~")):
            continue
        made = _VARIABLE.sub("*", name.rstrip("/"))
        base = made.rsplit("/", 1)[-1]
        known = base.replace("*", "").rsplit(".", 1)[0] if "." in base else base.replace("*", "")
        if "$" in made or "{" in made or not any(c.isalnum() for c in base):
            continue
        # (a name with variable parts says which files it makes only when the rest says something, as
        # for the names alone: `${name}.96.csv` would be any table)
        if "*" not in base or sum(c.isalnum() for c in known) >= _KNOWN_CHARS:
            out.append(posixpath.normpath(made))
    return list(dict.fromkeys(out))


def _written(text: str, path: str) -> list[str]:
    """What a pipeline file writes, as written (see :func:`pipeline_outputs`)."""
    name = path.rsplit("/", 1)[-1].lower()
    make = name in {"makefile", "gnumakefile"} or name.endswith(".mk")
    snake = name == "snakefile" or name.endswith((".smk", ".snake"))
    nextflow = name.endswith(".nf")
    names: list[str] = []
    lines = text.replace("\\\n", " ").splitlines()
    in_output = False
    env: dict[str, str | None] = {}  #: a shell script's variables (`f=data.dat`, then `echo 1 >> $f`)
    make_env: dict[str, str | None] = {}  #: a Makefile's (`DATA = data/raw.csv`, then `$(DATA):`)
    for line in lines:
        stripped = line.strip()
        if not stripped or stripped.startswith(("#", "//")):
            continue
        if make and not line.startswith(("\t", " ")) and (assigned := _MAKE_VARIABLE.match(line)):
            # a Makefile's variables name its targets and what its recipes write (jrderuiter/ilc-sb-screen:
            # `$(TCGA_ILC_SUBTYPES):` does `wget -P tmp ...` then `mv tmp/mmc9.xlsx $(TCGA_ILC_SUBTYPES)`,
            # and the notebooks' input was "made in another folder", `tmp/mmc9.xlsx`)
            value = _expand(assigned.group(2).strip(), make_env, make=True)
            if not _has_marker(value):
                make_env[assigned.group(1)] = value
            continue
        spelled = line  #: the line with the Makefile's variables put in
        if make and "$" in stripped and make_env:  # (only those it sets: `$(OUT)/x.csv` stays as it is)
            stripped = _MAKE_REFERENCE.sub(lambda m: make_env.get(m[1] or m[2]) or m[0], stripped)
            spelled = line[: len(line) - len(line.lstrip())] + stripped
        if not (make or snake or nextflow) and _SETS.match(stripped):
            _assignments(stripped, env, None, None)
        if (snake or nextflow) and stripped.startswith("output:"):  # the quoted names up to the next keyword
            in_output = True
            stripped = stripped[len("output:") :]
        elif in_output and re.match(r"^\w+:", stripped):
            in_output = False
        if in_output:
            names += _QUOTED.findall(stripped)
            continue
        if nextflow:  # a process names its outputs: `adata_out = "${params.outputs.data}/${name}.h5ad"`
            m = _NEXTFLOW_OUT.match(stripped)
            if m:
                names.append(m.group(1))
                continue
        target = _MAKE_TARGET.match(spelled) if make else None
        if target and not spelled.startswith(("\t", " ")):
            names += [t for t in target.group(1).split() if "$" not in t and "%" not in t]
            continue
        for effect in effects(words_of(stripped)):
            if effect.access == "write" and not effect.tree:
                written = effect.path
                if "$" in written and env:  # (mstapelberg/active_learning_paper_analysis: `>> $filename`)
                    written = _expand(written, env, make=False).replace(STAR2, "*").replace(STAR, "*")
                names.append(written)
    return names


#: a Makefile's reference to a variable: ``$(name)``, ``${name}``
_MAKE_REFERENCE = compile_later(r"\$\(([A-Za-z_]\w*)\)|\$\{([A-Za-z_]\w*)\}")
#: a variable in a pipeline's file name: ``${name}``, ``$name``, ``{name}`` (Snakemake wildcards)
_VARIABLE = compile_later(r"\$\{[^}]*\}|\$\w+|\{\w+\}")
#: letters a name with variable parts must still have (besides its extension) to say which files it makes
_KNOWN_CHARS = 4
#: a Nextflow process's output named in its script: ``distance_matrices_out = "..."``
_NEXTFLOW_OUT = compile_later(r"^\w*(?:out|output)\w*\s*=\s*[\"']([^\"']+)[\"']\s*$", re.IGNORECASE)


#: programs that run a Python script given as their first argument that is not an option
_PYTHON = compile_later(r"^(?:python|ipython|pythonw)(?:\d+(?:\.\d+)*)?$")
#: options of ``python`` that take a value (the next word)
_PYTHON_VALUE_OPTIONS = frozenset({"-W", "-X", "-Q"})
#: ``"$(dirname "$0")"`` and its spellings: the folder of the script itself (``cd`` there)
_OWN_FOLDER = compile_later(
    r"\"?(?:\$\(\s*dirname\s+\"?\$(?:0|\{0\}|\{?BASH_SOURCE(?:\[0\])?\}?)\"?\s*\)|\$\{0%/\*\})\"?"
)
#: the folder a cluster job was submitted from: the one a script that submits it was in, else in practice
#: the job script's own (zhaodan-npu/Higher_order_kuramoto_paper_code: `cd "$SLURM_SUBMIT_DIR"` sent its
#: steps to the top folder)
_SUBMIT_FOLDER = compile_later(r"\"?\$\{?(?:SLURM_SUBMIT_DIR|PBS_O_WORKDIR|SGE_O_WORKDIR|LS_SUBCWD)\}?\"?")
_OWN = "__own_folder__"
#: a Slurm job script's header line that sets where the job runs: ``#SBATCH --chdir=analysis`` (``-D``, and
#: ``--workdir``, its name before Slurm 17.11), from the folder it is submitted from
_SBATCH_CHDIR = compile_later(r"^#SBATCH[ \t]+(?:--chdir|--workdir|-D)(?:=|[ \t]+)(\S+)")
#: a PBS (Torque) or Grid Engine job script's header line: ``#PBS -l nodes=1``, ``#$ -N fit``. Such a job
#: starts in the home folder, unless the header says where: ``#PBS -d analysis`` (Torque), ``#$ -wd
#: analysis``, or ``#$ -cwd`` (where it is submitted from)
_QSUB_DIRECTIVE = compile_later(r"^#(?:PBS|\$)[ \t]+-")
_QSUB_CHDIR = compile_later(r"^#(?:PBS[ \t]+-d|\$[ \t]+-wd)[ \t]+(\S+)|^#\$[ \t]+(-cwd)\b")
#: the home folder, where a PBS or Grid Engine job starts unless told otherwise (a ``cd`` there leaves the
#: folder: see :func:`_cd`)
_HOME = "~"
#: programs that run a shell file in the folder they are started from (``sbatch``: the job, unless told
#: otherwise; ``qsub``: where its header or options say, else the home folder), with the options of
#: ``sbatch`` and ``qsub`` that set that folder
_SHELL_RUNNERS = frozenset({"bash", "sh", "zsh", "ksh", "sbatch", "srun", "qsub"})
_CHDIR_OPTIONS = ("--chdir", "--workdir", "-D")
_QSUB_CHDIR_OPTIONS = ("-d", "-wd")
#: a line that may run a shell file (``bash x.sh``, ``sbatch job.slurm``, ``./x.sh``: see
#: :func:`_shell_file_run`)
RUNS_SHELL = compile_later(
    r"\b(?:bash|sh|zsh|ksh|sbatch|srun|qsub)[ \t]+\S|\./\S|\S/\S*?\.(?:sh|bash|zsh|ksh|slurm|sbatch|job)\b"
)


def job_folder(text: str) -> str | None:
    """Where a cluster job script's header says it runs, as written, from the folder it is submitted from:
    ``#SBATCH --chdir=analysis`` (Slurm), ``#PBS -d analysis`` (Torque), ``#$ -wd analysis`` (Grid Engine):
    ``analysis``; ``#$ -cwd``: ``.``. A PBS or Grid Engine job whose header says nothing starts in the home
    folder (:data:`_HOME`), not the project's, so its relative paths are nobody's to tell. None when it
    says nothing and is no such job (Slurm runs a job where it is submitted from). Directive lines after
    the first command are comments to the queue too."""
    found = None
    queued = slurm = False
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped:
            continue
        if not stripped.startswith("#"):
            break
        slurm = slurm or stripped.startswith("#SBATCH")
        queued = queued or _QSUB_DIRECTIVE.match(stripped) is not None
        m = _SBATCH_CHDIR.match(stripped)
        if m is not None:
            found = m.group(1).strip("\"'")
        m = _QSUB_CHDIR.match(stripped)
        if m is not None:
            found = m.group(1).strip("\"'") if m.group(1) else "."
    if found is None and queued and not slurm:  # (a header for both queues: as Slurm runs it)
        return _HOME
    return found


def _shell_file_run(words: list[str]) -> tuple[tuple[str, ...], str | None] | None:
    """The words that may name the shell file a command runs (``bash jobs/run.sh``, ``sbatch -p long
    jobs/run.sh``, ``./run.sh``: the words that are no options, the first that is a file of the folder
    being the one), and the folder ``sbatch --chdir`` gives the job; None for any other command."""
    while words and _SIMPLE_ASSIGNMENT.match(words[0]):  # (`OMP_NUM_THREADS=4 bash x.sh`)
        words = words[1:]
    if not words:
        return None
    first = words[0]
    if "/" in first and not first.startswith(("/", "~")):  # `./run.sh`, `jobs/run.sh`: run as a program
        name = first.rsplit("/", 1)[-1]
        return ((first,), None) if _SHELL_FILE.search(name) and not _has_marker(first) else None
    if first not in _SHELL_RUNNERS:
        return None
    names: list[str] = []
    chdir: str | None = None
    rest = words[1:]
    skip = False
    for j, word in enumerate(rest):
        if skip:
            skip = False
        elif word == "-c":  # (`bash -c "..."`: a command, no file)
            return None
        elif first == "sbatch" and word.partition("=")[0] in _CHDIR_OPTIONS:
            _option, eq, value = word.partition("=")
            chdir = value if eq else (rest[j + 1] if j + 1 < len(rest) else None)
            skip = not eq
        elif first == "qsub" and word in _QSUB_CHDIR_OPTIONS:  # `qsub -d analysis job.pbs`, `-wd`
            chdir = rest[j + 1] if j + 1 < len(rest) else None
            skip = True
        elif first == "qsub" and word == "-cwd":  # (Grid Engine: where qsub is called)
            chdir = "."
        elif not word.startswith("-"):
            names.append(word)
    names = [n for n in names if "$" not in n and not _has_marker(n)]
    return (tuple(names), chdir) if names else None


class PythonRun(NamedTuple):
    """A Python script a pipeline file runs: where, which, and with which arguments."""

    folder: str  #: the folder it runs in, relative to the pipeline file's folder ("" for that folder)
    script: str  #: as written, relative to ``folder`` (``python -m pkg.mod`` gives ``pkg/mod.py``)
    #: the words after the script, the pipeline's variables put in (``$data_dir/x.nc`` -> ``data/x.nc``);
    #: what sciship cannot know is :data:`STAR` (inside a name) or :data:`STAR2` (folders)
    args: tuple[str, ...] = ()
    #: a console script of the project it runs instead (``uv run study-figures``): its name; ``script``
    #: is then ""
    entry: str = ""


#: the calls of a Python script that run a command (``subprocess.run([...])``, ``os.system("...")``)
_RUNNERS = frozenset({"run", "call", "check_call", "check_output", "Popen", "system"})


#: a line that runs a command naming a Python script (``sb.call([pystr, 'parse.py'])``, ``os.system(f"python
#: x.py {a}")``, ``os.chdir(...)`` before them is read only in such a file)
#: a command that runs Python on a name (`f"python {script} ..."`): a loop over scripts, maybe
_PYTHON_OF_A_NAME = compile_later(r"""f["']python[0-9.]*[ \t]+\{""")
_RUNS_A_SCRIPT = compile_later(
    r"\b(?:run|call|check_call|check_output|Popen|system)\((?:[^\n]*\.py\b|[^\n]*python[0-9.]*[ \t]+\{)"
)
#: a command list of the interpreter and a name (``subprocess.run([sys.executable, script])``,
#: ``[sys.executable, str(script_path)]``): a loop over scripts, maybe
_RUNS_A_NAME = compile_later(
    r"\b(?:run|call|check_call|check_output|Popen)\(\s*\[\s*[\w.]+\s*,\s*(?:str\(\s*)?[A-Za-z_]\w*\s*\)?\s*[,\]]"
)


#: a line that runs a file's code in this process: `exec(compile(open(script).read(), ...))`,
#: `exec(open(script).read())`, `runpy.run_path(script)` (not `exec(code)` of a text read before)
_EXECS_A_FILE = compile_later(r"\bexec\(\s*(?:compile\(\s*)?open\(|\brun_path\(")


def driver_commands(text: str) -> str | None:
    """The commands a Python script runs through ``subprocess`` or ``os.system``, as a shell script would
    write them, when it runs other Python scripts (``run_everything.py``: ``subprocess.call([sys.executable,
    'parse_all.py', 'trim'])``): one line each, in the order of the code, after a ``cd`` for each
    ``os.chdir("plot_functions/")`` before them. Only words written out in the code; the interpreter
    (``sys.executable``, a name holding it) is ``python``. None when it runs no Python script."""
    notebooks = "execute_notebook" in text and ".ipynb" in text  # (papermill's, see _papermill_line)
    if ".py" not in text and not notebooks:
        return None
    runs_commands = ("subprocess" in text or "os.system" in text) and (
        _RUNS_A_SCRIPT.search(text) is not None
        or _RUNS_A_NAME.search(text) is not None
        or _PYTHON_OF_A_NAME.search(text) is not None
        or _PYTHON_WORDS.search(text) is not None
    )
    executes = _EXECS_A_FILE.search(text) is not None
    if not runs_commands and not executes and not notebooks:  # (no line that runs a command names a
        return None  # script: not parsed)
    import ast

    try:
        tree = ast.parse(text)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None
    wrappers = _runner_wrappers(tree)
    calls = sorted(
        (
            n
            for n in ast.walk(tree)
            if isinstance(n, ast.Call)
            and (
                isinstance(n.func, ast.Attribute)
                or (isinstance(n.func, ast.Name) and n.func.id in {*wrappers, "execute_notebook"})
            )
        ),
        key=lambda n: (n.lineno, n.col_offset),
    )
    lines: list[str] = []
    executed = _executed_scripts(tree) if executes else {}
    looped = _looped_calls(tree)
    texts = _module_values(tree) if notebooks else {}
    own_joins = _own_folder_joins(tree)
    # a command built in a name first (`cmd = f"python {script} > {script}.log"`, then `os.system(cmd)`)
    built = {
        node.targets[0].id: node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Assign)
        and len(node.targets) == 1
        and isinstance(node.targets[0], ast.Name)
        and isinstance(node.value, ast.JoinedStr)
    }
    for call in sorted([*calls, *executed], key=lambda n: (n.lineno, n.col_offset)):
        if call in executed:  # `exec(compile(open(script).read(), script, "exec"))`: that script runs
            lines.extend("python " + shlex.quote(name) for name in executed[call])
            continue
        if notebooks and _func_name(call.func) == "execute_notebook":
            lines.extend(_papermill_lines(call, looped.get(call, []), texts))
            continue
        if isinstance(call.func, ast.Name):  # `run_command(["python", "a.py"])`: what it hands on runs
            at = wrappers[call.func.id]
            name, arg = "run", call.args[at] if len(call.args) > at else None
        else:
            name, arg = call.func.attr, call.args[0] if call.args else None
        if name == "chdir" and isinstance(arg, ast.Constant) and isinstance(arg.value, str):
            lines.append("cd " + shlex.quote(arg.value))
        if name not in _RUNNERS or arg is None:
            continue
        if isinstance(arg, ast.Name) and arg.id in built:
            arg = built[arg.id]
        if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
            lines.append(arg.value)
        elif isinstance(arg, ast.JoinedStr):  # `f"python genKI.py --gene {g}"`: its values unknown
            # (but those of a loop over scripts written out: `for script in scripts: os.system(f"python
            # {script}")`, syngenta/QSAR_AD_Uncertainty_Paper_Code_release's driver)
            loops = looped.get(call, [])
            named: dict[int, str] = {}
            for i, v in enumerate(arg.values):
                if isinstance(v, ast.FormattedValue) and isinstance(v.value, ast.Name):
                    column = _column(loops, v.value.id)
                    if column is not None and _scripts(column):
                        named[i] = v.value.id
            lines.extend(
                "".join(
                    v.value
                    if isinstance(v, ast.Constant) and isinstance(v.value, str)
                    else shlex.quote(values[named[i]])
                    if i in named and named[i] in values
                    else "$_sciship_value"
                    for i, v in enumerate(arg.values)
                )
                for values in _each_time(loops, set(named.values()))
            )
        elif isinstance(arg, ast.List | ast.Tuple) and arg.elts:
            words: list[str | tuple[str]] = []  # (a loop's name: `(name,)`)
            loops = looped.get(call, [])
            for i, elt in enumerate(arg.elts):
                looped_name = _looped_name(elt, own_joins)
                column = _column(loops, looped_name) if looped_name else None
                if isinstance(elt, ast.Constant) and isinstance(elt.value, str):
                    words.append(shlex.quote(elt.value))
                elif i == 0:  # `sys.executable`, `pystr`: the interpreter
                    words.append("python")
                elif looped_name and column is not None and (
                    _scripts(column) or any(isinstance(w, str) and w.endswith(".py") for w in words)
                ):
                    # the script a loop runs (`for script in ["a.py", "b.py"]`), or a name a script written
                    # out is given (`for name in names: sb.call([pystr, "parse_rat.py", name])`:
                    # KrisJensen/stability_paper_code's parse_all.py)
                    words.append((looped_name,))
                else:
                    break  # a word the code computes: the run is left out
            else:
                used = {w[0] for w in words if isinstance(w, tuple)}
                lines.extend(
                    " ".join(w if isinstance(w, str) else shlex.quote(values[w[0]]) for w in words)
                    for values in _each_time(loops, used)
                )
    text = "\n".join(lines)
    return text if ".py" in text or (notebooks and ".ipynb" in text) else None


def _func_name(func: Any) -> str:
    """The name a call calls: ``f`` of ``f(...)`` and of ``pm.f(...)``."""
    import ast

    if isinstance(func, ast.Attribute):
        return func.attr
    return func.id if isinstance(func, ast.Name) else ""


def _papermill_lines(call: Any, loops: list[Loop], texts: dict[str, Any]) -> list[str]:
    """Papermill's ``execute_notebook(input, output, parameters={...})`` as the command line that does the
    same, ``papermill input output -r name text -p name 5`` (``-r`` a text, ``-p`` a number or a switch;
    ``--cwd`` the folder given): one for each time round the loops it is in, over texts written out.
    A word the code computes otherwise is ``$_sciship_value``, unknown. None for a notebook not named."""
    import ast

    def given(at: int, name: str) -> Any:
        if len(call.args) > at and not any(isinstance(a, ast.Starred) for a in call.args[: at + 1]):
            return call.args[at]
        return next((k.value for k in call.keywords if k.arg == name), None)

    source, output, parameters = given(0, "input_path"), given(1, "output_path"), given(2, "parameters")
    cwd = next((k.value for k in call.keywords if k.arg == "cwd"), None)
    if isinstance(parameters, ast.Name) and parameters.id in texts:
        parameters = texts[parameters.id]
    pairs: list[tuple[str, Any]] = []
    if isinstance(parameters, ast.Dict):
        for key, value in zip(parameters.keys, parameters.values, strict=True):
            if not (isinstance(key, ast.Constant) and isinstance(key.value, str)):
                return []  # (`**other`: names sciship cannot know)
            pairs.append((key.value, value))
    elif isinstance(parameters, ast.Call) and _func_name(parameters.func) == "dict" and not parameters.args:
        pairs = [(k.arg, k.value) for k in parameters.keywords if k.arg is not None]
    elif parameters is not None and not (isinstance(parameters, ast.Constant) and parameters.value is None):
        return []  # (parameters sciship cannot read: which names they set is unknown)
    looped = {name for names, _rows in loops for name in names}
    parts = (source, output, cwd, *(v for _k, v in pairs))
    names = {n.id for part in parts for n in _names_in(part)} & looped
    out = []
    for values in _each_time(loops, names):

        def word(node: Any, values: dict[str, str] = values) -> str | None:
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                return node.value
            if isinstance(node, ast.Name):
                if node.id in values:
                    return values[node.id]
                bound = texts.get(node.id)
                return word(bound) if bound is not None and not isinstance(bound, ast.Name) else None
            if isinstance(node, ast.JoinedStr):
                parts = [
                    word(v.value) if isinstance(v, ast.FormattedValue) and v.format_spec is None else word(v)
                    for v in node.values
                ]
                return None if any(p is None for p in parts) else "".join(p for p in parts if p is not None)
            return None

        notebook = word(source)
        if notebook is None or not notebook.endswith(".ipynb"):
            continue
        made = word(output)
        words = ["papermill", shlex.quote(notebook), "$_sciship_value" if made is None else shlex.quote(made)]
        for name, value in pairs:
            text = word(value)
            if text is not None:
                words += ["-r", shlex.quote(name), shlex.quote(text)]
            elif isinstance(value, ast.Constant) and isinstance(value.value, int | float | bool):
                words += ["-p", shlex.quote(name), shlex.quote(str(value.value))]
            else:  # (a value the code computes: the notebook's own is not what it runs with)
                words += ["-r", shlex.quote(name), "$_sciship_value"]
        if cwd is not None:
            folder = word(cwd)
            words += ["--cwd", shlex.quote(folder) if folder is not None else "$_sciship_value"]
        out.append(" ".join(words))
    return out


def _module_values(tree: Any) -> dict[str, Any]:
    """The names the module sets once, at its top (``PARAMS = {...}``, ``NB = "01_clean.ipynb"``), with
    their values."""
    import ast

    counts: dict[str, int] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            counts[node.id] = counts.get(node.id, 0) + 1
    return {
        node.targets[0].id: node.value
        for node in getattr(tree, "body", [])
        if isinstance(node, ast.Assign)
        and len(node.targets) == 1
        and isinstance(node.targets[0], ast.Name)
        and counts.get(node.targets[0].id) == 1
    }


def _names_in(node: Any) -> list[Any]:
    import ast

    return [] if node is None else [n for n in ast.walk(node) if isinstance(n, ast.Name)]


#: the words of a command list that runs a Python script (``["python", "a.py"]``), as a helper is given them
_PYTHON_WORDS = compile_later(r"""[\[(]\s*["']python[0-9.]*["']\s*,\s*["'][^"'\n]*\.py["']""")


def _runner_wrappers(tree: Any) -> dict[str, int]:
    """The module's functions that run the command they are given (``def run_command(cmd):
    subprocess.run(cmd, check=True)``), each with the place of that parameter: talmolab/
    lablink-paper-figures' driver ran its scripts so, and was a step of its own after them."""
    import ast

    out: dict[str, int] = {}
    for fn in getattr(tree, "body", []):
        if not isinstance(fn, ast.FunctionDef):
            continue
        params = [a.arg for a in [*fn.args.posonlyargs, *fn.args.args]]
        for node in ast.walk(fn):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr in _RUNNERS
                and node.args
                and isinstance(node.args[0], ast.Name)
                and node.args[0].id in params
            ):
                out[fn.name] = params.index(node.args[0].id)
                break
    return out


Loop = tuple[tuple[str, ...], list[tuple[str, ...]]]
#: the most commands a driver's loops are written out to (more: the run's words stay unknown)
_MAX_LOOPED = 64


def _looped_calls(tree: Any) -> dict[Any, list[Loop]]:
    """The calls inside ``for`` loops over texts the module writes out, each with its loops, outermost
    first: the loop's names and the values they take together each time round. The texts are a list or
    tuple (or one the module fills with ``.append("x.py")``) of texts or of tuples of texts (``for label,
    script in SCRIPTS``: egonmedhatten/beta-kernel-reproduce-paper's reproduce_all.py)."""
    import ast

    def rows(node: Any, width: int) -> list[tuple[str, ...]] | None:
        if not isinstance(node, ast.List | ast.Tuple) or not node.elts:
            return None
        out: list[tuple[str, ...]] = []
        for e in node.elts:
            parts = e.elts if width > 1 and isinstance(e, ast.Tuple | ast.List) else [e] if width == 1 else []
            texts = [p.value for p in parts if isinstance(p, ast.Constant) and isinstance(p.value, str)]
            if len(parts) != width or len(texts) != width:
                return None
            out.append(tuple(texts))
        return out

    lists: dict[str, Any] = {}
    for node in getattr(tree, "body", []):
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            if isinstance(node.value, ast.List | ast.Tuple):
                lists[node.targets[0].id] = ast.List(elts=list(node.value.elts))
        elif (
            isinstance(node, ast.Expr)
            and isinstance(node.value, ast.Call)
            and isinstance(node.value.func, ast.Attribute)
            and node.value.func.attr == "append"
            and isinstance(node.value.func.value, ast.Name)
            and node.value.func.value.id in lists
            and len(node.value.args) == 1
        ):
            lists[node.value.func.value.id].elts.append(node.value.args[0])
    out: dict[Any, list[Loop]] = {}
    for loop in ast.walk(tree):
        if not isinstance(loop, ast.For):
            continue
        target = loop.target
        if isinstance(target, ast.Name):
            names: tuple[str, ...] = (target.id,)
        elif isinstance(target, ast.Tuple) and all(isinstance(t, ast.Name) for t in target.elts):
            names = tuple(t.id for t in target.elts)  # type: ignore[attr-defined]
        else:
            continue
        it = loop.iter
        values = rows(lists.get(it.id) if isinstance(it, ast.Name) else it, len(names))
        if not values:
            continue
        changes = _changed_in_loop(loop, names)
        for stmt in loop.body:
            for node in ast.walk(stmt):
                if isinstance(node, ast.Call):
                    out.setdefault(node, []).append(_as_changed(names, values, changes, node.lineno))
    return out


#: a change of a loop's name in its body: (line, name, the text added, under a test), or the text None
#: for any other change (the name's values are then unknown after that line)
_Change = tuple[int, str, str | None, bool]


def _changed_in_loop(loop: Any, names: tuple[str, ...]) -> list[_Change]:
    """Where the body of ``loop`` sets one of its names again. ``name += "_wds"`` is kept, with whether
    it is under a test (KrisJensen/stability_paper_code's parse_all.py: `if wds: name += '_wds'` in a loop
    over `[False, True]` runs each rat's name with and without it)."""
    import ast

    out: list[_Change] = []

    def visit(stmts: list[Any], tested: bool) -> None:
        for st in stmts:
            if (
                isinstance(st, ast.AugAssign)
                and isinstance(st.op, ast.Add)
                and isinstance(st.target, ast.Name)
                and st.target.id in names
                and isinstance(st.value, ast.Constant)
                and isinstance(st.value.value, str)
            ):
                out.append((st.lineno, st.target.id, st.value.value, tested))
                continue
            compound = isinstance(st, ast.If | ast.While | ast.For | ast.With | ast.Try)
            heads: list[Any] = [st.target, st.iter] if isinstance(st, ast.For) else []
            if isinstance(st, ast.If | ast.While):
                heads = [st.test]
            elif isinstance(st, ast.With):
                heads = list(st.items)
            for node in [n for part in (heads if compound else [st]) for n in ast.walk(part)]:
                targets = (
                    node.targets
                    if isinstance(node, ast.Assign)
                    else [node.target]
                    if isinstance(node, ast.AugAssign | ast.AnnAssign | ast.NamedExpr)
                    else [node.optional_vars]
                    if isinstance(node, ast.withitem) and node.optional_vars is not None
                    else []
                )
                if node is getattr(st, "target", None) and isinstance(st, ast.For):
                    targets = [node]
                out.extend(
                    (st.lineno, n.id, None, tested)
                    for t in targets
                    for n in ast.walk(t)
                    if isinstance(n, ast.Name) and n.id in names
                )
            if compound:
                for block in ("body", "orelse", "finalbody"):
                    visit(getattr(st, block, []), tested or not isinstance(st, ast.With))
                for handler in getattr(st, "handlers", []):
                    visit(handler.body, True)

    visit(loop.body, False)
    return out


def _as_changed(
    names: tuple[str, ...], rows: list[tuple[str, ...]], changes: list[_Change], line: int
) -> Loop:
    """The loop's names and values as a call on ``line`` sees them, after the ``changes`` before it (a
    name changed in another way is left out: its values are unknown there)."""
    for at, name, added, tested in changes:
        if at >= line or name not in names:
            continue
        i = names.index(name)
        if added is None:
            names = (*names[:i], "", *names[i + 1 :])
            continue
        changed = [(*row[:i], row[i] + added, *row[i + 1 :]) for row in rows]
        rows = [*rows, *changed] if tested else changed
    return names, rows


def _column(loops: list[Loop], name: str) -> list[str] | None:
    """The values ``name`` takes in the innermost of ``loops`` that sets it; None when none does."""
    for names, rows in reversed(loops):
        if name in names:
            i = names.index(name)
            return [row[i] for row in rows]
    return None


def _scripts(values: list[str]) -> bool:
    return all(v.endswith(".py") for v in values)


def _each_time(loops: list[Loop], used: set[str]) -> list[dict[str, str]]:
    """The values of the ``used`` names each time round the loops (one empty set when none is used, or
    when there would be more than :data:`_MAX_LOOPED`)."""
    combos: list[dict[str, str]] = [{}]
    for names, rows in loops:
        if not set(names) & used:
            continue
        combos = [{**c, **dict(zip(names, row, strict=True))} for c in combos for row in rows]
        if len(combos) > _MAX_LOOPED:
            return [{}]
    return combos if all(used <= c.keys() for c in combos) else [{}]


def _own_folder_joins(tree: Any) -> dict[str, str]:
    """Names set to a name joined to the script's own folder (``script_path = REPO_ROOT / script`` after
    ``REPO_ROOT = Path(__file__).resolve().parent``), each with the name joined: the file it runs is
    that name's, in the driver's folder."""
    import ast

    def own(node: Any) -> bool:
        if not (isinstance(node, ast.Attribute) and node.attr == "parent"):
            return False
        inner = node.value
        while (
            isinstance(inner, ast.Call)
            and isinstance(inner.func, ast.Attribute)
            and inner.func.attr in {"resolve", "absolute"}
            and not inner.args
        ):
            inner = inner.func.value
        return (
            isinstance(inner, ast.Call)
            and len(inner.args) == 1
            and isinstance(inner.args[0], ast.Name)
            and inner.args[0].id == "__file__"
            and ast.unparse(inner.func) in {"Path", "pathlib.Path"}
        )

    folders = {
        node.targets[0].id
        for node in getattr(tree, "body", [])
        if isinstance(node, ast.Assign)
        and len(node.targets) == 1
        and isinstance(node.targets[0], ast.Name)
        and own(node.value)
    }
    counts: dict[str, int] = {}
    joins: dict[str, str] = {}
    for node in ast.walk(tree):
        if not (
            isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name)
        ):
            continue
        name = node.targets[0].id
        counts[name] = counts.get(name, 0) + 1
        value = node.value
        if (
            isinstance(value, ast.BinOp)
            and isinstance(value.op, ast.Div)
            and isinstance(value.left, ast.Name)
            and value.left.id in folders
            and isinstance(value.right, ast.Name)
        ):
            joins[name] = value.right.id
    return {k: v for k, v in joins.items() if counts[k] == 1}


def _looped_name(node: Any, joins: dict[str, str]) -> str | None:
    """The name a command word stands for: ``script``, ``str(script)``, ``str(script_path)`` of a name
    joined to the driver's own folder (see :func:`_own_folder_joins`); None for anything else."""
    import ast

    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id == "str"
        and len(node.args) == 1
        and not node.keywords
    ):
        node = node.args[0]
    if not isinstance(node, ast.Name):
        return None
    return joins.get(node.id, node.id)


def _executed_scripts(tree: Any) -> dict[Any, list[str]]:
    """The scripts a Python driver runs in its own process, each call with the script names it runs:
    ``exec(compile(open(script).read(), script, "exec"))`` or ``exec(open(script).read())`` or
    ``runpy.run_path(script)``, of a name written out or of a loop over a list of them (``for script in
    scripts_order[:-2]``: JamieHeather/radiation-induced-lymphopenia-paper-analysis' run-analysis.py)."""
    import ast

    def texts(node: Any) -> list[str] | None:
        """The texts of a list or tuple written out (`['a.py', 'b.py']`), else None."""
        if isinstance(node, ast.List | ast.Tuple):
            out = [e.value for e in node.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)]
            return out if len(out) == len(node.elts) else None
        return None

    lists: dict[str, list[str]] = {}  # module-level names of lists of texts
    for node in getattr(tree, "body", []):
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            found = texts(node.value)
            if found is not None:
                lists[node.targets[0].id] = found

    def bound(b: Any) -> int | bool | None:
        """A slice's bound: an int, None when absent, False when not written out."""
        if b is None:
            return None
        if isinstance(b, ast.Constant) and isinstance(b.value, int):
            return int(b.value)
        if isinstance(b, ast.UnaryOp) and isinstance(b.op, ast.USub):
            inner = bound(b.operand)
            return -inner if isinstance(inner, int) and not isinstance(inner, bool) else False
        return False

    def names(node: Any) -> list[str] | None:
        if isinstance(node, ast.Name):
            return lists.get(node.id)
        if isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Slice):
            whole, cut = names(node.value), node.slice
            low, high = bound(cut.lower), bound(cut.upper)
            if whole is None or cut.step is not None or low is False or high is False:
                return None
            return whole[low:high]
        return texts(node)

    def target(call: Any) -> Any:
        func = call.func
        if isinstance(func, ast.Attribute) and func.attr == "run_path" and call.args:
            return call.args[0]
        if not (isinstance(func, ast.Name) and func.id == "exec" and call.args):
            return None
        inner = call.args[0]
        if isinstance(inner, ast.Call) and isinstance(inner.func, ast.Name) and inner.func.id == "compile":
            inner = inner.args[0] if inner.args else None
        func = inner.func if isinstance(inner, ast.Call) else None
        opened = func.value if isinstance(func, ast.Attribute) and func.attr == "read" else None
        if isinstance(opened, ast.Call) and isinstance(opened.func, ast.Name) and opened.func.id == "open":
            return opened.args[0] if opened.args else None
        return None

    loops: dict[str, list[str]] = {}  # a loop's name -> the texts it takes
    for node in ast.walk(tree):
        if isinstance(node, ast.For) and isinstance(node.target, ast.Name):
            taken = names(node.iter)
            if taken is not None:
                loops[node.target.id] = taken
    out: dict[Any, list[str]] = {}
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        what = target(node)
        if isinstance(what, ast.Constant) and isinstance(what.value, str):
            found = [what.value]
        elif isinstance(what, ast.Name) and what.id in loops:
            found = loops[what.id]
        else:
            continue
        scripts = [n for n in found if n.endswith(".py")]
        if scripts:
            out[node] = scripts
    return out


def python_runs(
    text: str,
    path: str = "run.sh",
    read: Callable[[str], str | None] | None = None,
    programs: frozenset[str] = frozenset(),
    *,
    start: str = "",
    header: bool = True,
    jobs: list[tuple[str, tuple[str, ...], str | None]] | None = None,
    snakefiles: Iterable[SnakeText] = (),
) -> list[PythonRun]:
    """The Python scripts a pipeline file runs, each with the folder it runs in and its arguments,
    relative to the pipeline file's folder as written (``("", "code/plot.py")`` for a Makefile's
    ``python3 code/plot.py``, or ``python3 $<`` under a rule whose first prerequisite is
    ``code/plot.py``; ``("fig2", "make.py")`` after ``cd fig2``). A Makefile's recipes each run in its
    folder; a shell script's ``cd`` lasts until the next one. Where the folder depends on something
    sciship cannot know the runs are left out. Variables set in the file (``data_dir=./data``, a
    Makefile's ``DATA := data``), or in a file it sources (``source 00_setup.sh``: ``read`` gives its
    text, by its path relative to the pipeline file's folder), are put in; a loop's variable, a command's
    output or an argument of the script are unknown parts. ``programs``: the project's console scripts
    (``[project.scripts]``); a command that runs one (``uv run study-figures --out x``) is a run too.

    ``start``: the folder a shell file starts in, from its own, when another runs it (``bash jobs/run.sh``
    at the top: ``..``); a cluster job then goes where its header says (``#SBATCH --chdir=analysis``,
    ``#PBS -d analysis``, ``#$ -wd analysis``), unless not ``header`` (``sbatch --chdir``, ``qsub -d``
    override it); a PBS or Grid Engine job whose header says nothing starts in the home folder, so its
    runs before a ``cd $PBS_O_WORKDIR`` are left out (see :func:`job_folder`). ``jobs``, when given, gets
    the shell files the file runs: (the folder, relative to the file's, the words that may name the file,
    the folder ``sbatch --chdir`` or ``qsub -d`` gives). ``snakefiles``: the folder's other Snakefiles,
    whose rules ask for files of a Snakefile's (see :func:`snake_rules`)."""
    name = path.rsplit("/", 1)[-1].lower()
    make = name in {"makefile", "gnumakefile", "justfile"} or name.endswith(".mk")
    if name == "snakefile" or name.endswith((".smk", ".snake")):
        text = _snake_filled(text, read, snakefiles)
    if make and "%" in text:
        text = _make_patterns_filled(text)
    #: a file bash runs (not a README, whose variables the reader sets, nor a Python driver's commands)
    shell_file = not make and _SHELL_FILE.search(name) is not None and not name.startswith("readme")
    out: list[PythonRun] = []
    here: str | None = start
    job = "#SBATCH" in text or "#PBS" in text or "#$" in text
    chdir = job_folder(text) if shell_file and header and job else None
    if chdir is not None:  # (`#SBATCH --chdir=/scratch/ana/run`: somewhere sciship cannot know)
        here = _cd(here, [_SUBMIT_FOLDER.sub(_OWN + "/" + start if start else _OWN, chdir)])
    #: the names set to the folder the file runs in (``BASE_DIR=$(pwd)``), with that folder: a ``cd`` to
    #: one goes there (griverat/pstatmodel-runs: `cd "$BASE_DIR/src"` before its steps)
    pwd_names: dict[str, str] = {}
    env: dict[str, str | None] = {}
    #: what a Makefile rule's recipe's automatic variables stand for: `$<` its first prerequisite, `$^` all
    #: of them, `$@` its target (RichardSear/DP_trapping_codes: every figure's `$(PYTHON3) $^ -o $@`)
    automatic: dict[str, str] = {}
    #: the folders to go back to when the subshells open on earlier lines end (a `cd` inside `( ... )` or
    #: `$( ... )` lasts until the bracket closes: LappalainenLab/lorals_paper_code's `(cd "$OUT")`)
    groups: list[str | None] = []
    for line in text.replace("\\\n", " ").splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        if not make and stripped == "(":
            groups.append(here)
            continue
        if not make and stripped.startswith(")") and groups and "(" not in stripped:
            here = groups.pop()
            continue
        if make:
            rule = _MAKE_TARGET.match(line)
            if rule is not None:
                automatic = _automatic(rule.group(1), rule.group(2), env)
                continue
            assigned = _MAKE_VARIABLE.match(line)
            if assigned is not None:
                env[assigned.group(1)] = _expand(assigned.group(2).strip(), env, make=True)
                continue
            if "$" in stripped and automatic:
                stripped = _AUTOMATIC.sub(functools.partial(_put_automatic, automatic), stripped)
            stripped = stripped.lstrip("@-+ \t")  # `@python x.py`: a recipe line make does not echo
        elif _SETS.match(stripped):
            _assignments(stripped, env, here, read)
            named = _PWD_SET.match(stripped)
            if named is not None and named.group(1) in pwd_names:
                del pwd_names[named.group(1)]
            if named is not None and named.group(2) is not None and here is not None:
                pwd_names[named.group(1)] = here
        if pwd_names and "cd" in stripped:
            stripped = _CD_TO_NAME.sub(lambda m: _cd_to(m, pwd_names), stripped)
        if shell_file and "$" in stripped:
            stripped = _without_unset(stripped, text)
        queued = _QUEUED.search(stripped)
        if queued is not None:  # `echo "python x.py a" | bsub -q long`, `sbatch --wrap="python x.py"`
            stripped = queued.group("cmd") or queued.group("cmd2")
        if (
            "cd" not in stripped
            and not ("papermill" in stripped and ".ipynb" in stripped)
            and (
                (".py" not in stripped and "-m " not in stripped)
                or (
                    "python" not in stripped
                    and not _names_python(stripped, env)
                    and not _RUNS_PY.match(stripped)
                )
            )
            and not any(program in stripped for program in programs)
            and (jobs is None or not RUNS_SHELL.search(stripped))
        ):
            continue  # neither a `cd` nor a Python script run
        cwd = "" if make else here  # a Makefile recipe line starts in the Makefile's folder
        opened: list[str | None] = []
        for command in _evaluated(
            _commands(_split(_expand(_own_folders(stripped, start), env, make=make)), groups=True)
        ):
            if command == ["("]:
                opened.append(cwd)
                continue
            if command == [")"]:
                if opened:
                    cwd = opened.pop()
                elif groups:
                    cwd = groups.pop()
                continue
            if command[0] == "cd":
                cwd = _cd(cwd, command[1:])
                continue
            if cwd is None:
                continue
            words = _unredirected(command)
            run = _python_script(words)
            shell = _shell_file_run(words) if jobs is not None and run is None else None
            if shell is not None and jobs is not None:
                jobs.append((cwd, *shell))
                continue
            if run is not None:
                out.append(PythonRun(cwd, run[0], run[1]))
                continue
            at = next((i for i, w in enumerate(words) if w in programs), None)
            if at is not None:  # a console script (after `uv run`, `poetry run` and the like)
                out.append(PythonRun(cwd, "", tuple(words[at + 1 :]), words[at]))
        if not make and queued is None:  # (a job's `cd` is the job's own)
            if opened:  # a subshell the line leaves open: the folder before it, when it closes
                groups.extend(opened)
            here = cwd
    return out


def _make_patterns_filled(text: str) -> str:
    """A Makefile's text with each pattern rule (``results/%.csv: data/%.txt scripts/convert.py``) written
    out once for each file of its targets' pattern another rule asks for (``all: results/a.csv
    results/b.csv``: the rule for ``results/a.csv``, then for ``results/b.csv``, ``%`` and the recipe's
    ``$*`` put in), the Makefile's variables put in; a file such a rule asks for is asked for too. A
    pattern rule nothing asks a file of stays as it is (its ``%``: an unknown part of what its recipe
    reads and writes). A static pattern rule (``$(OUT): out/%.csv: %.txt``) is written out for each of
    its targets."""
    lines = text.replace("\\\n", " ").splitlines()
    env: dict[str, str | None] = {}
    rules: list[tuple[int, int, list[str], list[str]]] = []  #: (line, end, targets, prerequisites)
    static: dict[int, list[str]] = {}  #: a static pattern rule's stems, by its line
    for i, line in enumerate(lines):
        if line.startswith("\t") or not line.strip() or line.lstrip().startswith("#"):
            continue
        rule = _MAKE_TARGET.match(line)
        if rule is not None:
            end = i + 1
            while end < len(lines) and (lines[end].startswith("\t") or not lines[end].strip()):
                end += 1
            targets = _expand(rule.group(1), env, make=True).split()
            prerequisites = _expand(rule.group(2).split("|", 1)[0], env, make=True).split()
            if ":" in rule.group(2):  # a static pattern rule: `a.o b.o: %.o: %.c`
                pattern, _, prerequisites_ = rule.group(2).partition(":")
                pattern = _expand(pattern.strip(), env, make=True)
                head, _, tail = pattern.partition("%")
                if all(
                    t.startswith(head) and t.endswith(tail) and t != head + tail and not _has_marker(t)
                    for t in targets
                ):
                    static[i] = [t[len(head) : len(t) - len(tail)] for t in targets]
                    # (written out below, one rule for each target: the target is the pattern's, stem and all)
                    lines[i] = f"{pattern}: {prerequisites_}"
                    prerequisites = _expand(prerequisites_.split("|", 1)[0], env, make=True).split()
                    rules.append((i, end, ["%"], prerequisites))
                continue
            if line.startswith("."):
                continue
            rules.append((i, end, targets, prerequisites))
        elif (assigned := _MAKE_VARIABLE.match(line)) is not None:
            env[assigned.group(1)] = _expand(assigned.group(2).strip(), env, make=True)
    patterns = [r for r in rules if any("%" in t for t in r[2])]
    if not patterns:
        return text
    asked = {p for r in rules if r not in patterns for p in r[3] if "%" not in p and not _has_marker(p)}
    stems: dict[int, list[str]] = dict(static)
    for _ in range(4):  # (a file a pattern rule asks for may be made by another)
        for start, _end, targets, prerequisites in patterns:
            found = stems.setdefault(start, [])
            for target in targets if start not in static else ():
                head, _, tail = target.partition("%")
                for path in sorted(asked):
                    stem = path[len(head) : len(path) - len(tail)]
                    if path.startswith(head) and path.endswith(tail) and stem and stem not in found:
                        found.append(stem)
            asked |= {p.replace("%", stem) for stem in found for p in prerequisites}
    for start, end, _targets, _prerequisites in reversed(patterns):
        found = stems[start][:_MAKE_RUNS]
        if not found:
            continue
        block = lines[start:end]
        lines[start:end] = [
            line.replace("%", stem) if k == 0 else line.replace("$*", stem)
            for stem in found
            for k, line in enumerate(block)
        ]
    return "\n".join(lines)


def _automatic(targets: str, prerequisites: str, env: dict[str, str | None]) -> dict[str, str]:
    """What the automatic variables of a Makefile rule's recipe stand for, those sciship can know:
    ``$<`` (the first prerequisite), ``$^`` (all of them, once each, not the order-only ones after ``|``)
    and ``$@`` (the target, when the rule has one), with the Makefile's variables put in. A pattern
    rule's ``%`` (of a file no rule asks for: see :func:`_make_patterns_filled`) is an unknown part
    (``data/%.txt``: files matching ``data/*.txt``); an unknown variable's are left as they are."""

    def plain(word: str) -> bool:
        return "$" not in word and not _has_marker(word)

    if ":" in prerequisites:  # a static pattern rule of targets sciship cannot know: its patterns
        targets, _, prerequisites = prerequisites.partition(":")
    normal = _expand(prerequisites.split("|", 1)[0], env, make=True).split()
    out: dict[str, str] = {}
    if normal and plain(normal[0]):
        out["<"] = normal[0].replace("%", STAR)
    if normal and all(plain(word) for word in normal):
        out["^"] = " ".join(dict.fromkeys(normal)).replace("%", STAR)
    named = _expand(targets, env, make=True).split()
    if len(named) == 1 and plain(named[0]):
        out["@"] = named[0].replace("%", STAR)
    return out


def _snake_filled(
    text: str, read: Callable[[str], str | None] | None = None, others: Iterable[SnakeText] = ()
) -> str:
    """A Snakefile's text with the placeholders of its rules' commands that name the rule's own files put
    in (``{input.py_script}``, ``{input}``, ``{input[0]}``, ``{output}``, ``{params.out}``), where the
    rule spells them out (``py_script = "py_scripts/make_grid.py"``, ``expand(...)`` of lists it sets:
    see :func:`snake_rules`); the others (a function) stay as they are, unknown parts. A rule whose
    wildcards other rules ask values of runs its command once for each (``{sample}``, and
    ``{wildcards.sample}``, put in); a wildcard of no known value stays, an unknown part. A ``workdir:``
    is where they all run (a ``cd`` there at the top; one on the author's computer runs nowhere sciship
    can know, so their runs are left out). A one-line
    ``shell: "python x.py"`` is its command (tomsasani/bxd_mutator_manuscript: every rule ran
    `python {input.py_script} --out {output}`, so its Snakefiles ran no step)."""
    lines = text.splitlines()
    # (from the end: the lines before keep their places)
    for rule in reversed(snake_rules(text, read, others)):
        start, end = rule.command
        if end <= start:
            continue
        block = []
        for k, line in enumerate(lines[start:end]):
            keyword = _SNAKE_KEYWORD.match(line) if k == 0 else None
            head, rest = (line[: keyword.start(2)], keyword.group(2)) if keyword else ("", line)
            one = _SNAKE_ONE_LINE.match(rest.strip())
            block.append((head, one.group(1) or one.group(2) or "" if one is not None else None, line))
        if all(b[1] is not None or not b[2].strip() for b in block[1:]) and block[0][1] is not None:
            # `"python x.py "` and `"{input} {output}"` on the lines under it: one text, as Python has it
            block = [(block[0][0], "".join(b[1] or "" for b in block), block[0][2])]
        filled = []
        for binding, files in rule.files:
            for head, quoted, line in block:
                command = head + quoted if quoted is not None else line
                if "{" in command:
                    command = _SNAKE_PLACEHOLDER.sub(functools.partial(_snake_file, files), command)
                    command = _SNAKE_WILDCARDS.sub(functools.partial(_snake_put, binding), command)
                filled.append(command)
        lines[start:end] = filled
    # every rule runs in the folder `workdir:` sets (from where snakemake starts: the Snakefile's folder)
    moves = [f"cd {shlex.quote(folder)}" for _line, folder in snake_workdirs(text)][-1:]
    return "\n".join(moves + lines)


def _snake_file(files: dict[str, list[tuple[str, tuple[str, ...] | None]]], m: re.Match[str]) -> str:
    """The text of a rule's placeholder (see :func:`_snake_filled`), or the placeholder when unknown."""
    items = files.get(m.group(1))
    values: tuple[str, ...] | None = None
    if items is None:
        return m.group()
    if m.group(2) is not None:
        values = next((v for n, v in items if n == m.group(2)), None)
    elif m.group(3) is not None:
        flat = [value for _n, v in items for value in (v if v is not None else (None,))]
        one = flat[int(m.group(3))] if int(m.group(3)) < len(flat) else None
        values = (one,) if one is not None else None
    elif all(v is not None for _n, v in items):
        values = tuple(value for _n, v in items for value in v or ())
    return " ".join(values) if values else m.group()


class SnakeRule(NamedTuple):
    """A Snakefile's rule, as far as sciship reads it (see :func:`snake_rules`)."""

    name: str
    #: its sections that name files (``input``, ``output``, ``params``, ``log``), for each of the rule's
    #: wildcard values (one entry of ``{}`` when none is known): each item's name ("" for a positional
    #: one) and its texts (an ``expand(...)`` gives several), or None when sciship cannot know them
    files: tuple[tuple[dict[str, str], dict[str, list[tuple[str, tuple[str, ...] | None]]]], ...]
    script: str  #: what its ``script:`` runs, as written ("" for none)
    command: tuple[int, int]  #: the lines of its ``shell:`` command (from, to: 0-based, to excluded)


#: a Snakefile's text, with what gives the text of a file by its path from the Snakefile's folder
SnakeText = tuple[str, Callable[[str], str | None] | None]


def snake_rules(
    text: str, read: Callable[[str], str | None] | None = None, others: Iterable[SnakeText] = ()
) -> list[SnakeRule]:
    """The rules of a Snakefile, with the files each names for each set of its wildcards' values: a rule
    all (or any rule) asks for ``expand("results/{sample}.csv", sample=SAMPLES)`` with ``SAMPLES = ["a",
    "b"]``, so the rule whose output is ``results/{sample}.csv`` runs for ``a`` and for ``b``. A list
    sciship cannot know (a function, ``glob_wildcards``) leaves an unknown part (:data:`STAR`); a
    wildcard no rule asks a value of stays as it is (``{sample}``: an unknown part for the trace). The
    names set at the top (``SAMPLES = [...]``, ``DATA = config["data_dir"]``) and the settings of its
    ``configfile:`` (``read`` gives a file's text, by its path from the Snakefile's folder) are put in;
    the rules of the files it includes ask for files too, and those of the ``others`` of the folder (the
    Snakefile that includes this file: its rule all, and the names it sets)."""
    names: dict[str, Any] = {}
    before = [rule for other, how in others for rule in _snake_parse(other, names, how)]
    parsed = _snake_parse(text, names, read)
    asked_by = parsed + before
    for included in _snake_includes(text, names):
        other = read(included) if read is not None else None
        if other is not None and other != text:
            asked_by += _snake_parse(other, dict(names), None)
    bindings: list[list[dict[str, str]]] = [[] for _ in asked_by]
    for _ in range(4):  # (what a rule asks for may come from a rule that asks for its files in turn)
        asked = {
            value
            for (_name, files, _script, _command), bound in zip(asked_by, bindings, strict=True)
            for binding in bound or [{}]
            for _key, values in files.get("input", ())
            for value in _snake_bound(values or (), binding)
            if "{" not in value and STAR not in value
        }
        changed = False
        for i, (_name, files, _script, _command) in enumerate(asked_by):
            found = _snake_bindings(files.get("output", []), asked)
            if found != bindings[i]:
                bindings[i], changed = found, True
        if not changed:
            break
    out = []
    for (name, files, script, command), bound in zip(parsed, bindings[: len(parsed)], strict=True):
        each = tuple(
            (binding, {s: [(k, _snake_kept(s, v, binding)) for k, v in items] for s, items in files.items()})
            for binding in bound or [{}]
        )
        out.append(SnakeRule(name, each, script, command))
    return out


def snake_workdirs(text: str) -> list[tuple[int, str]]:
    """The folders a Snakefile's ``workdir:`` sets, each with its line (1-based): Snakemake runs every
    rule there, and reads and writes their files from there."""
    out = []
    for m in _SNAKE_TOP_KEYWORD.finditer(text):
        if m.group(1) == "workdir":
            value = _snake_value_of(m.group(2), {})
            if isinstance(value, str) and value:
                out.append((text.count("\n", 0, m.start()) + 1, value))
    return out


def _snake_put(values: dict[str, str], m: re.Match[str]) -> str:
    """What ``expand`` or a rule's wildcards put for ``m`` (see :data:`_SNAKE_EXPANDED`)."""
    if m.group(1) is None:
        return m.group()[0] if m.group() in {"{{", "}}"} else m.group()
    return values.get(m.group(1), m.group())


def _snake_kept(
    section: str, values: tuple[str, ...] | None, binding: dict[str, str]
) -> tuple[str, ...] | None:
    """A rule's item with its wildcards' values put in; an input (or a parameter) with a wildcard no rule
    asks a value of is unknown (which files, only the rule's targets say), what it writes a pattern."""
    if values is None:
        return None
    values = _snake_bound(values, binding)
    if section not in {"output", "log"} and any(_SNAKE_WILDCARD.search(v) for v in values):
        return None
    return values


def _snake_bound(values: tuple[str, ...], binding: dict[str, str]) -> tuple[str, ...]:
    """``values`` with the wildcards ``binding`` gives put in (``{sample}``, ``{sample,[a-z]+}``)."""
    if not binding:
        return values
    return tuple(_SNAKE_WILDCARD.sub(lambda m: binding.get(m.group(1), m.group()), v) for v in values)


def _snake_bindings(
    outputs: list[tuple[str, tuple[str, ...] | None]], asked: set[str]
) -> list[dict[str, str]]:
    """The wildcards' values of a rule whose ``outputs`` make some of the files ``asked`` for, in a
    steady order (at most :data:`_SNAKE_RUNS` of them)."""
    found: dict[tuple[tuple[str, str], ...], None] = {}
    for _key, values in outputs:
        for value in values or ():
            if "{" not in value:
                continue
            pattern, names = "", []
            for piece in _SNAKE_WILDCARD_SPLIT.split(value):
                m = _SNAKE_WILDCARD.fullmatch(piece)
                if m is None:
                    pattern += re.escape(piece)
                elif m.group(1) in names:
                    pattern += f"(?P={m.group(1)})"
                else:
                    names.append(m.group(1))
                    pattern += f"(?P<{m.group(1)}>.+)"
            matcher = re.compile(pattern)
            for path in sorted(asked):
                hit = matcher.fullmatch(path)
                if hit is not None:
                    found.setdefault(tuple(sorted(hit.groupdict().items())), None)
    return [dict(key) for key in list(found)[:_SNAKE_RUNS]]


def _snake_includes(text: str, names: dict[str, Any]) -> list[str]:
    """The files a Snakefile includes (``include: "rules/figs.smk"``), from its folder."""
    out = []
    for m in _SNAKE_TOP_KEYWORD.finditer(text):
        if m.group(1) == "include":
            value = _snake_value_of(m.group(2), names)
            if isinstance(value, str):
                out.append(value)
    return out


def _snake_parse(
    text: str, names: dict[str, Any], read: Callable[[str], str | None] | None
) -> list[tuple[str, dict[str, list[tuple[str, tuple[str, ...] | None]]], str, tuple[int, int]]]:
    """The rules of a Snakefile's text, one by one (see :func:`snake_rules`), the names its top sets
    kept in ``names`` (with ``config``, the settings of its ``configfile:``)."""
    lines = text.splitlines()
    out: list[tuple[str, dict[str, list[tuple[str, tuple[str, ...] | None]]], str, tuple[int, int]]] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        rule = _SNAKE_RULE_NAME.match(line)
        if rule is None:
            end = _snake_statement_end(lines, i)
            statement = "\n".join(lines[i:end])
            top = _SNAKE_TOP_KEYWORD.match(statement)
            if top is not None and top.group(1) == "configfile" and read is not None:
                _snake_config(_snake_value_of(top.group(2), names), names, read)
            elif (assigned := _SNAKE_ASSIGNED.match(statement)) is not None:
                value = _snake_value_of(assigned.group(2), names)
                if value is None:
                    names.pop(assigned.group(1), None)
                else:
                    names[assigned.group(1)] = value
            i = max(end, i + 1)
            continue
        files: dict[str, list[tuple[str, tuple[str, ...] | None]]] = {}
        script, command = "", (0, 0)
        i += 1
        while i < len(lines) and (not lines[i].strip() or lines[i][:1] in {" ", "\t"}):
            keyword = _SNAKE_KEYWORD.match(lines[i])
            if keyword is None:
                i += 1
                continue
            indent = len(lines[i]) - len(lines[i].lstrip())
            end = i + 1
            while end < len(lines) and (
                not lines[end].strip() or len(lines[end]) - len(lines[end].lstrip()) > indent
            ):
                end += 1
            body = "\n".join([keyword.group(2), *lines[i + 1 : end]])
            if keyword.group(1) in _SNAKE_FILES:
                files[keyword.group(1)] = _snake_items(body, names)
            elif keyword.group(1) == "script":
                value = _snake_value_of(body, names)
                script = value if isinstance(value, str) else ""
            elif keyword.group(1) == "shell":
                command = (i, end)
            i = end
        out.append((rule.group(1) or "", files, script, command))
    return out


def _snake_statement_end(lines: list[str], start: int) -> int:
    """The line after a statement at the top of a Snakefile that starts at ``start`` (brackets open
    across lines, or an indented block under it)."""
    depth, end = 0, start
    while end < len(lines):
        depth += sum(lines[end].count(c) for c in "([{") - sum(lines[end].count(c) for c in ")]}")
        end += 1
        if depth <= 0:
            break
    while end < len(lines) and lines[end][:1] in {" ", "\t"} and lines[end].strip():
        end += 1
    return end


def _snake_config(path: Any, names: dict[str, Any], read: Callable[[str], str | None]) -> None:
    """Keep the settings of a Snakefile's ``configfile:`` as ``config`` in ``names``."""
    import yaml

    text = read(path) if isinstance(path, str) else None
    try:
        loaded = yaml.safe_load(text) if text is not None else None
    except yaml.YAMLError:
        loaded = None
    if isinstance(loaded, dict):
        names["config"] = {**names.get("config", {}), **loaded}


def _snake_value_of(source: str, names: dict[str, Any]) -> Any:
    """The value of a Python expression of a Snakefile (see :func:`_snake_value`), or None."""
    import ast

    try:
        tree = ast.parse(source.strip(), mode="eval")
    except (SyntaxError, ValueError):
        return None
    return _snake_value(tree.body, names)


def _snake_items(body: str, names: dict[str, Any]) -> list[tuple[str, tuple[str, ...] | None]]:
    """The items of a rule's section (``"a.csv", vcf = expand(...)``): each one's name ("" when it has
    none) and its texts, or None when sciship cannot know them (a function, a lambda)."""
    import ast

    try:
        call = ast.parse(f"_(\n{body}\n)", mode="eval").body
    except (SyntaxError, ValueError):
        return [("", None)]
    if not isinstance(call, ast.Call):
        return [("", None)]
    out: list[tuple[str, tuple[str, ...] | None]] = []
    for arg, key in [*((a, "") for a in call.args), *((k.value, k.arg or "") for k in call.keywords)]:
        value = _snake_value(arg, names)
        if isinstance(value, str | int | float):
            out.append((key, (str(value),)))
        elif isinstance(value, list) and all(isinstance(v, str | int | float) for v in value):
            out.append((key, tuple(str(v) for v in value)))
        else:
            out.append((key, None))
    return out


def _snake_value(node: Any, names: dict[str, Any]) -> Any:
    """What a Python expression of a Snakefile stands for: a text, a list of texts, a dict (the
    ``config``), or None when sciship cannot know it. ``expand(...)`` gives its texts (a list it cannot
    know: :data:`STAR` for its wildcard); ``temp("x")``, ``directory("x")`` and the like their file."""
    import ast

    if isinstance(node, ast.Constant):
        plain = isinstance(node.value, str | int | float) and not isinstance(node.value, bool)
        return node.value if plain else None
    if isinstance(node, ast.List | ast.Tuple):
        items = [_snake_value(e, names) for e in node.elts]
        return items if all(isinstance(v, str | int | float) for v in items) else None
    if isinstance(node, ast.Name):
        return names.get(node.id)
    if isinstance(node, ast.Subscript):
        base, key = _snake_value(node.value, names), _snake_value(node.slice, names)
        if isinstance(base, dict) and isinstance(key, str):
            return base.get(key)
        if isinstance(base, list) and isinstance(key, int) and -len(base) <= key < len(base):
            return base[key]
        return None
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = _snake_value(node.left, names), _snake_value(node.right, names)
        return left + right if isinstance(left, str) and isinstance(right, str) else None
    if isinstance(node, ast.JoinedStr):
        parts = []
        for v in node.values:
            part = _snake_value(v.value if isinstance(v, ast.FormattedValue) else v, names)
            if not isinstance(part, str | int | float):
                return None
            if isinstance(v, ast.FormattedValue) and v.format_spec is not None:
                return None
            parts.append(str(part))
        return "".join(parts)
    if not isinstance(node, ast.Call):
        return None
    func = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
    args = [_snake_value(a, names) for a in node.args]
    if func == "get" and isinstance(node.func, ast.Attribute) and args and isinstance(args[0], str):
        base = _snake_value(node.func.value, names)
        if isinstance(base, dict):
            return base.get(args[0], args[1] if len(args) > 1 else None)
        return None
    if func in _SNAKE_MARKS and len(node.args) == 1:
        return args[0]
    if func == "join" and isinstance(node.func, ast.Attribute) and all(isinstance(a, str) for a in args):
        return posixpath.join(*args) if args else None
    if func == "multiext" and args and all(isinstance(a, str) for a in args):
        return [args[0] + ext for ext in args[1:]]
    if func == "expand" and node.args:
        return _snake_expand(node, args, names)
    return None


def _snake_expand(node: Any, args: list[Any], names: dict[str, Any]) -> list[str] | None:
    """The texts of ``expand(pattern, name=values, ...)``: each combination of the values (``zip``: the
    values side by side); a value sciship cannot know is :data:`STAR`. ``{{name}}`` stays a wildcard."""
    import ast

    patterns = args[0] if isinstance(args[0], list) else [args[0]]
    if not all(isinstance(p, str) for p in patterns):
        return None
    zipped = any(isinstance(a, ast.Name) and a.id == "zip" for a in node.args[1:])
    given: dict[str, list[str]] = {}
    for keyword in node.keywords:
        if keyword.arg is None:
            return None
        value = _snake_value(keyword.value, names)
        if isinstance(value, str | int | float):
            value = [value]
        given[keyword.arg] = [str(v) for v in value] if isinstance(value, list) and value else [STAR]
    keys = list(given)
    if zipped:
        combinations = [dict(zip(keys, row, strict=False)) for row in zip(*given.values(), strict=False)]
    else:
        combinations = [dict(zip(keys, row, strict=True)) for row in itertools.product(*given.values())]
    out = [
        _SNAKE_EXPANDED.sub(functools.partial(_snake_put, combination), pattern)
        for pattern in patterns
        for combination in combinations[:_SNAKE_RUNS]
    ]
    return list(dict.fromkeys(out))


def _put_automatic(automatic: dict[str, str], m: re.Match[str]) -> str:
    return automatic.get(m.group(1), m.group())


def _own_folders(line: str, start: str) -> str:
    """``line`` with the file's own folder (``$(dirname "$0")``) and the one it was submitted from
    (``$SLURM_SUBMIT_DIR``: where it starts) written as :data:`_OWN` and a path from there."""
    if "$" not in line:
        return line
    line = _OWN_FOLDER.sub(_OWN, line)
    return _SUBMIT_FOLDER.sub(_OWN + "/" + start if start else _OWN, line)


#: a command handed to a cluster's job queue as text: ``echo "python x.py a" | bsub ...`` (CellDISECT,
#: oor_design_reproducibility) or ``sbatch --wrap="python x.py a"``
_QUEUED = compile_later(
    r"""^echo[ \t]+(?P<q>["'])(?P<cmd>[^"'\n]*)(?P=q)[ \t]*\|[ \t]*(?:bsub|qsub|sbatch|srun)\b"""
    r"""|\bsbatch\b.*?--wrap[= ](?P<w>["'])(?P<cmd2>[^"'\n]*)(?P=w)"""
)
#: an unquoted word that is one variable's value (``$name``, ``${name}``), spaces or the line's ends around it
_LONE_VARIABLE = compile_later(r"(?:(?<=[ \t])|^)\$(?:\{([A-Za-z_]\w*)\}|([A-Za-z_]\w*))(?=[ \t;]|$)")


@functools.lru_cache(maxsize=64)
def _sources_a_file(text: str) -> bool:
    """Does the shell file ``text`` source another (``source env.sh``, ``. ./vars``)? Asked for each of its
    command lines: searching the whole text each time cost 12 ms on joe4dev/trigger-bench's scripts."""
    return _SOURCES.search(text) is not None


def _without_unset(line: str, text: str) -> str:
    """``line`` without the unquoted words that are a variable the shell file never sets: bash leaves
    such a word out, so the words after it move up (yanwu2014/teratoma-analysis-code's `python2
    createBCdict.py $in $out $barcodeToGene 0.05`: `0.05` is the script's third argument, not its
    fourth). Only a name with a small letter (an environment variable, set outside the file, is written
    in capitals by custom), and only when no word of the file, bar ``$name`` itself, names it (``name=``,
    ``read name``, ``for name in``, ``getopts ... name``), and the file sources no other file."""
    if _sources_a_file(text):
        return line

    def drop(m: re.Match[str]) -> str:
        name = m.group(1) or m.group(2)
        set_outside = name == name.upper() or name.startswith("_sciship")  # (a word sciship puts in)
        if set_outside or re.search(rf"(?<![$\w{{]){re.escape(name)}\b", text):
            return m.group(0)
        return ""

    kept = _LONE_VARIABLE.sub(drop, line)
    return re.sub(r"[ \t]{2,}", " ", kept) if kept != line else line


#: a variable set (group 1), to the folder the file runs in when group 2 is there: ``BASE_DIR=$(pwd)``
_PWD_SET = compile_later(
    r"""^(?:export[ \t]+)?([A-Za-z_]\w*)=(?:("?)(?:\$\(pwd\)|\$PWD|\$\{PWD\}|`pwd`)\2[ \t]*(?:#.*)?$)?"""
)
#: ``cd`` to a path that starts with a variable: ``cd "$BASE_DIR/src"``, ``cd ${root}``
_CD_TO_NAME = compile_later(r"""(\bcd[ \t]+"?)\$(?:\{([A-Za-z_]\w*)\}|([A-Za-z_]\w*))(?=[/"\s;&|)]|$)""")


def _cd_to(m: re.Match[str], pwd_names: dict[str, str]) -> str:
    """A ``cd`` to a name of the folder the file ran in when it was set, as a path from the file's own
    folder (:data:`_OWN`); other names are left as they are."""
    folder = pwd_names.get(m.group(2) or m.group(3))
    if folder is None:
        return m.group(0)
    return m.group(1) + _OWN + ("/" + folder if folder else "")


#: the name of a file bash runs: a shell script, a cluster job's script, or a name without an extension
_SHELL_FILE = compile_later(r"\.(?:sh|bash|zsh|ksh|sbatch|slurm|pbs|qsub|job)$|^[^.]+$")
#: a line that reads another shell file's variables into this one
_SOURCES = compile_later(r"^[ \t]*(?:source|\.)[ \t]+\S", re.MULTILINE)
_MAKE_VARIABLE = compile_later(r"^([A-Za-z_]\w*)[ \t]*[:?]?=[ \t]*(.*)$")
#: one assignment on its line: ``name='value'`` (as it is), ``name="value"`` or ``name=value``
_SIMPLE_ASSIGNMENT = compile_later(
    r"""^(?:export[ \t]+)?([A-Za-z_]\w*)=(?:'([^'\\]*)'|"([^"\\`]*)"|([^\s'"\\;&|()<>`]*))[ \t]*(?:#.*)?$"""
)
#: a variable's name where it is used: ``$name``, ``${name}``, a Makefile's ``$(NAME)``
_NAMED = compile_later(r"\$[{(]?([A-Za-z_]\w*)")
#: a Snakefile's rule (its sections follow), a section of one (``input:``, ``shell:``), the sections that
#: name files, a one-line command (``shell: "python x.py"``), an item of a section (``name = "a.csv",``,
#: ``"a.csv",``) and a placeholder of a rule's files (``{input.vcf}``, ``{output[0]}``, ``{input}``)
_SNAKE_KEYWORD = compile_later(r"^\s+(\w+)\s*:(?!\S)\s*(.*)$")
_SNAKE_FILES = frozenset({"input", "output", "params", "log"})
_SNAKE_ONE_LINE = compile_later(r"""^(?:"([^"]*)"|'([^']*)')\s*$""")
_SNAKE_PLACEHOLDER = compile_later(r"\{(input|output|params|log)(?:\.(\w+)|\[(\d+)\])?\}")
#: a rule's wildcard in a command (``{wildcards.sample}``), in a file's name (``{sample}``, ``{n,\d+}``, group
#: 1 its name; the split keeps it), a rule's first line (group 1: its name, none for ``rule:``), a
#: keyword at the top (``configfile: "config.yaml"``, ``include: "rules/x.smk"``) and a name set there
_SNAKE_WILDCARDS = compile_later(r"\{wildcards\.(\w+)\}")
_SNAKE_WILDCARD = compile_later(r"\{(\w+)(?:,[^{}]*)?\}")
_SNAKE_WILDCARD_SPLIT = compile_later(r"(\{\w+(?:,[^{}]*)?\})")
_SNAKE_RULE_NAME = compile_later(r"^(?:rule|checkpoint)(?:\s+(\w+))?\s*:")
_SNAKE_TOP_KEYWORD = compile_later(r"^(\w+)\s*:(?!\S)[ \t]*(.*)$", re.MULTILINE)
_SNAKE_ASSIGNED = compile_later(r"^([A-Za-z_]\w*)\s*=(?!=)\s*(.*)$", re.DOTALL)
#: Snakemake's functions that mark a file and give it as it is (``temp("x.csv")``, ``directory("out")``)
_SNAKE_MARKS = frozenset(
    {"temp", "temporary", "protected", "ancient", "directory", "touch", "pipe", "report"}
)
#: what ``expand`` puts in: ``{name}``, and ``{{``, ``}}`` (a brace: ``{{sample}}`` stays a wildcard)
_SNAKE_EXPANDED = compile_later(r"\{\{|\}\}|\{(\w+)\}")
#: the most runs of one rule sciship writes out (its wildcards' values), and texts of one ``expand``
_SNAKE_RUNS = 32
#: the most runs of one Makefile pattern rule sciship writes out
_MAKE_RUNS = 32
#: a Makefile recipe's automatic variable (not ``$$@``, the shell's own)
_AUTOMATIC = compile_later(r"(?<!\$)\$([<^@])")
_JUST = compile_later(r"\{\{[^}]*\}\}")
#: lines that set a variable to what sciship cannot know (an array, a command's output, a loop's
#: element), or a C-style loop (which binds nothing of interest)
_UNKNOWABLE = compile_later(
    r"^(?:(?:export|local|readonly|declare)[ \t]+(?:-\w+[ \t]+)*)?([A-Za-z_]\w*)=(?:\(|\$\(|`)"
    r"|^for[ \t]+([A-Za-z_]\w*)[ \t]+in\b|^for[ \t]*\(\("
)
#: a loop on one line: its body (``for U in 10 20; do files="$files a_${U}.nc"; done``)
_ONE_LINE_LOOP = compile_later(r"^for[ \t]+\w+[ \t]+in\b[^;]*;[ \t]*do[ \t]+(.*?);?[ \t]*done[ \t]*$")
#: a shell line that may set a variable: an assignment, ``source``, a ``for`` loop
_SETS = compile_later(
    r"^(?:(?:export|local|readonly|declare)[ \t]+(?:-\w+[ \t]+)*)?[A-Za-z_]\w*=|^(?:source|\.)[ \t]|^for[ \t]"
)
#: (``${name[@]}`` of a variable set to a text is that text, as bash has it: meteorologytoday/
#: paper-figures-2024-SST_structures built its list of inputs so; an array set with ``name=(...)`` is unknown)
_REFERENCE = compile_later(
    r"\$\{([A-Za-z_]\w*)(?:\[[@*0]\])?(?::?-([^}]*))?\}|\$\(([A-Za-z_]\w*)\)|\$([A-Za-z_]\w*)|\$\{[^}]*\}"
    r"|\$\(\([^()]*(?:\([^()]*\)[^()]*)*\)\)|\$\([^)]*\)"  # (arithmetic, `$((size*2))`, whole)
    r"|\$.?"
)


def _assignments(
    line: str, env: dict[str, str | None], cwd: str | None, read: Callable[[str], str | None] | None
) -> None:
    """The variables one shell line sets (``name=value``, ``export name=value``, a loop's name, the
    assignments of a sourced file) into ``env`` (None: set to something sciship cannot know)."""
    unknown = _UNKNOWABLE.match(line)
    if unknown is not None:  # `name=(...)`, `name=$(...)`, `for name in ...`: no words needed
        if unknown.group(1) or unknown.group(2):
            env[unknown.group(1) or unknown.group(2)] = None
        body = _ONE_LINE_LOOP.match(line) if unknown.group(2) else None
        if body is not None:  # `for U in 10 20; do files="$files a_${U}.nc"; done`: what it sets, too
            for part in body.group(1).split(";"):
                if _SETS.match(part.strip()):
                    _assignments(part.strip(), env, cwd, read)
        return
    simple = _SIMPLE_ASSIGNMENT.match(line)
    if simple is not None:  # `name=value`, `name="value"`: most lines, without splitting words
        value = simple.group(2) if simple.group(2) is not None else simple.group(3) or simple.group(4) or ""
        quoted = simple.group(3) is not None
        env[simple.group(1)] = (
            None
            if "`" in value or (not quoted and value.startswith("("))
            else (value if simple.group(2) is not None else _expand(value, env, make=False))
        )
        return
    for command in _commands(words_of(line)):
        if command[0] in {"source", "."} and len(command) == 2:
            target = _expand(command[1], env, make=False)
            if (
                read is not None
                and cwd is not None
                and not _has_marker(target)
                and not target.startswith("/")
            ):
                sourced = read(posixpath.normpath(posixpath.join(cwd, target)))
                if sourced is not None:
                    env.update(_settings(sourced))
            continue
        if command[0] == "for" and len(command) > 1:
            env[command[1]] = None
            continue
        words = command
        if command[0] in {"export", "local", "readonly", "declare"}:
            words = [w for w in command[1:] if not w.startswith("-")]
        for word in words:
            m = _ASSIGNMENT.match(word)
            if m is None:
                break  # `name=value cmd`: the variable is only for the command
            value = m.group(2)
            env[m.group(1)] = (
                None if value.startswith("(") or "`" in value else _expand(value, env, make=False)
            )


@functools.lru_cache(maxsize=32)
def _settings(text: str) -> tuple[tuple[str, str | None], ...]:
    """The variables a sourced file sets (one level: what it sources in turn is not read); every
    script that sources the same settings file reads them once."""
    env: dict[str, str | None] = {}
    for line in text.replace("\\\n", " ").splitlines():
        stripped = line.strip()
        if _SETS.match(stripped):
            _assignments(stripped, env, None, None)
    return tuple(env.items())


def _names_python(line: str, env: dict[str, str | None]) -> bool:
    """Does ``line`` use a variable that holds the Python interpreter (``py=python3``, then ``$py x.py``)?"""
    return "$" in line and any("python" in (env.get(name) or "") for name in _NAMED.findall(line))


def _commands(words: list[str], *, groups: bool = False) -> Iterator[list[str]]:
    """The commands of one line's words, split at ``;``, ``&&``, ``|`` and the like (empty ones left out);
    with ``groups``, a subshell's brackets too, each as a command of its own (``["("]``, ``[")"]``)."""
    command: list[str] = []
    for word in [*words, ";"]:
        if word in _SEPARATORS:
            if command:
                yield command
            command = []
            if groups and word in {"(", ")"}:
                yield [word]
        else:
            command.append(word)


def _expand(word: str, env: dict[str, str | None], *, make: bool) -> str:
    """``word`` with the variables sciship knows put in; the others become unknown parts (:data:`STAR2`
    where they stand for folders, :data:`STAR` inside a name)."""
    if "{{" in word:  # a Justfile's `{{name}}`
        word = _JUST.sub(STAR, word)
    if "$" not in word:
        return word

    def put(m: re.Match[str]) -> str:
        name = m.group(1) or m.group(3) or m.group(4)
        if not make and (m.group(3) == "pwd" or (name == "PWD" and name not in env)):
            return "."  # the folder it runs in (`${out_dir:-$(pwd)/intermediate}`: BioGeMT/miRBench_paper)
        if name and (m.group(3) is None or make):
            value = env.get(name)
            if value is None and m.group(2) is not None and name not in env:
                value = _expand(m.group(2), env, make=make)  # ${name:-default}
            if value is not None:
                return value
        rest = word[m.end() :]
        at_folder = m.start() == 0 or word[m.start() - 1] in "/ \t='\"(:"  # where a path begins
        return STAR2 if rest.startswith("/") and at_folder else STAR

    return _REFERENCE.sub(put, word)


def _has_marker(text: str) -> bool:
    return STAR in text or STAR2 in text


#: a word of a command line, quotes and all, or a separator (``;``, ``&&``, ``|``, a redirection)
_WORD = compile_later(
    r"""&>>|&>|>>|>\||\|\||&&|[;|&()<>]|#.*|(?:[^\s'"\\;|&()<>]|\\.|'[^']*'|"(?:[^"\\]|\\.)*")+"""
)
_QUOTES = compile_later(r"""'([^']*)'|"((?:[^"\\]|\\.)*)"|\\(.)""")


def _unredirected(words: list[str]) -> list[str]:
    """A command's words without its redirections (``> log.txt``, ``2> err``, ``< in.txt``)."""
    out: list[str] = []
    skip = False
    for i, word in enumerate(words):
        if skip:
            skip = False
        elif word in _REDIRECT_OUT or word == "<":
            skip = True
        elif not (word.isdigit() and i + 1 < len(words) and words[i + 1] in _REDIRECT_OUT):
            out.append(word)
    return out


def _evaluated(commands: Iterable[list[str]]) -> Iterator[list[str]]:
    """The commands, with the text an ``eval`` runs read as the command line it is (meteorologytoday/
    paper-figures-2024-SST_structures: `eval "python3 src/gen.py --output $f"` lost six steps' files)."""
    for command in commands:
        if command[0] == "eval" and len(command) > 1:
            yield from _commands(_split(" ".join(command[1:])))
        else:
            yield command


def _split(line: str) -> list[str]:
    """The words of one command line for :func:`python_runs`: like the shell, quotes removed, a
    comment dropped (faster than :func:`words_of`'s full lexer, which the lines with quotes need there)."""
    out = []
    for m in _WORD.finditer(line):
        word = m.group()
        if word.startswith("#"):
            break
        if "'" in word or '"' in word or "\\" in word:
            word = _QUOTES.sub(
                lambda q: (
                    q.group(1)
                    if q.group(1) is not None
                    else q.group(3) or re.sub(r"\\(.)", r"\1", q.group(2) or "")
                ),
                word,
            )
        out.append(word)
    return out


def _cd(cwd: str | None, args: list[str]) -> str | None:
    """The folder after ``cd args`` from ``cwd`` (relative to the pipeline file; None: unknown)."""
    args = [a for a in args if a not in {"-P", "-L", "--"}]
    if len(args) != 1:
        return None
    target = args[0]
    if target == _OWN or target.startswith(_OWN + "/"):
        cwd, target = "", target[len(_OWN) :].lstrip("/") or "."
    if cwd is None or "$" in target or "`" in target or _has_marker(target) or target.startswith(("/", "~")):
        return None
    joined = posixpath.normpath(posixpath.join(cwd, target))
    return "" if joined == "." else joined


#: a command line that starts by running a Python file as a program (``./evaluate.py ...``)
_RUNS_PY = compile_later(r"^[\w./-]+\.py(?:\s|$)")


def _python_script(words: list[str]) -> tuple[str, tuple[str, ...]] | None:
    """The script ``python script.py args`` (or ``-m pkg.mod args``) runs in one command, wrappers and
    all, with its arguments; also the notebook ``papermill in.ipynb out.ipynb -p name value`` runs, with
    the words after it (the notebook it writes, first)."""
    for i, word in enumerate(words):
        if posixpath.basename(word) == "papermill":
            notebook = next((j for j in range(i + 1, len(words)) if words[j].endswith(".ipynb")), None)
            if notebook is None:
                return None
            name = words[notebook]
            ok = name.endswith(".ipynb") and "$" not in name and not _has_marker(name)
            return (name, tuple(words[notebook + 1 :])) if ok else None
        if _PYTHON.match(posixpath.basename(word)):
            rest = words[i + 1 :]
            break
    else:  # `./evaluate.py a.vcf b.vcf`: a script run as a program (its `#!` line names Python)
        first = words[0] if words else ""
        if first.endswith(".py") and "$" not in first and not _has_marker(first) and "=" not in first:
            return first, tuple(words[1:])
        return None
    skip = False
    for j, word in enumerate(rest):
        if skip:
            skip = False
        elif word == "-m" and j + 1 < len(rest):
            module = rest[j + 1]
            if not re.fullmatch(r"[\w.]+", module):
                return None
            return module.replace(".", "/") + ".py", tuple(rest[j + 2 :])
        elif word == "-c":
            return None
        elif word in _PYTHON_VALUE_OPTIONS:
            skip = True
        elif word.startswith("-"):
            continue
        else:
            # (an absolute path with unknown parts may still name a script of the folder, by the folder's
            # name in it: `/home/$USER/Repos/gem3d_paper_code/train.py`; see the trace)
            ok = word.endswith(".py") and "$" not in word and (not _has_marker(word) or word.startswith("/"))
            return (word, tuple(rest[j + 1 :])) if ok else None
    return None


#: the languages of a Markdown code block whose lines are shell commands ("" for none given)
_SHELL_BLOCKS = frozenset({"", "bash", "sh", "shell", "zsh", "console", "shell-session", "shellsession"})
_FENCE = compile_later(r"^[ \t]*(```+|~~~+)[ \t]*([\w-]*)")


def readme_commands(text: str) -> list[str]:
    """The shell commands in a README's fenced code blocks (```bash, ```console, or no language): the
    steps it asks the reader to run (``curl -o data.zip URL``, ``unzip data.zip -d data``). In a
    ``console`` block only the lines after a ``$`` prompt are commands."""
    return [command for block in readme_blocks(text) for command in block]


_RST_CODE = compile_later(r"^\.\.[ \t]+(?:code-block|code|sourcecode)::")


def rst_as_markdown(text: str) -> str:
    """A reStructuredText README with its code blocks (``.. code-block:: bash``, or a paragraph ending in
    ``::``) as Markdown's indented ones, so their command lines count as in a README.md
    (jobovy/galpy-paper-figures' README.rst gives `python figure6.py figure6.png` for each figure)."""
    out: list[str] = []
    block = False
    for line in text.splitlines():
        if block and (not line.strip() or line.startswith((" ", "\t"))):
            words = line.strip()
            out.append("    " + words if words and not words.startswith(":") else "")
            continue
        block = False
        if _RST_CODE.match(line) or (line.rstrip().endswith("::") and not line.startswith("..")):
            block = True
            out += [line.rstrip().removesuffix("::") + ":" if not line.startswith("..") else "", ""]
            continue
        out.append(line)
    return "\n".join(out)


def readme_blocks(text: str, *, plain: bool = False) -> list[list[str]]:
    """The shell commands of each of a README's fenced code blocks (see :func:`readme_commands`): each
    block starts where the reader stands, the folder of the README (a ``cd`` lasts to its end). A
    ``plain`` README (``README``, ``README.txt``) without fences is one block: its lines that are commands
    (desihub/spectropaper-code's 17 folder READMEs of `./psfxy.py -i ... -o psfxy-b1.csv` lines)."""
    if plain and "```" not in text and "~~~" not in text:
        lines = [line.strip().removeprefix("$ ") for line in text.splitlines()]
        # (not a sentence: one that ends as prose does, `cd into the folder first.`; `ln -s /x/y.fits .` is
        # a command)
        found = [line for line in lines if _PLAIN_COMMAND.match(line) and not _PROSE_END.search(line)]
        return [found] if found else []
    blocks: list[list[str]] = []
    out: list[str] = []
    fence: str | None = None
    language = ""
    pending = ""
    indented: list[str] = []  #: an indented code block's commands (four spaces in; no fence)
    blank = True  #: the line before was blank (an indented block starts after one)
    for line in text.splitlines():
        m = _FENCE.match(line)
        if fence is None:
            command = line.strip()
            if (blank or indented) and line.startswith(("    ", "\t")) and _INDENTED_COMMAND.match(command):
                # (a Markdown code block by its indent: `    python -m experiments.fit_demo`, the
                # README of rjain2470/EMNSR_paper_code's experiments)
                indented.append(command.removeprefix("$ "))
            elif indented and command:
                blocks.append(indented)
                indented = []
            blank = not command
            if m:
                fence, language = m.group(1), m.group(2).lower()
            continue
        if m and m.group(1).startswith(fence[:3]) and not m.group(2):
            fence, pending = None, ""
            if out:
                blocks.append(out)
                out = []
            continue
        if language not in _SHELL_BLOCKS:
            continue
        command = line.strip()
        if language in {"console", "shell-session", "shellsession"} or command.startswith("$ "):
            if not command.startswith("$ ") and not pending:
                continue  # output, not a command
            command = command.removeprefix("$ ")
        command = pending + command
        if command.endswith("\\"):
            pending = command[:-1] + " "
            continue
        pending = ""
        if command and not command.startswith("#"):
            out.append(command)
    if out:  # (a block the README leaves open)
        blocks.append(out)
    if indented:
        blocks.append(indented)
    return blocks


#: a line of a plain-text README that is a command: a program it names (as an indented block's), a shell
#: word that makes or moves files, or a program given options (`desi_psf_fit -a x.fits --out-psf y.fits`)
_PLAIN_COMMAND = compile_later(
    r"(?:python[0-9.]*|bash|sh|cd|make|snakemake|Rscript|\./|cp|mv|ln|wget|curl|mkdir|gunzip|gzip|tar|unzip"
    r"|echo|export|for|do|done)\b|[A-Za-z_][\w.-]*\s+-{1,2}[A-Za-z]"
)
_PROSE_END = compile_later(r"(?:[A-Za-z)\]]\.|:)$")
#: a line of an indented code block that is a command to run (not prose a list item goes on with)
_INDENTED_COMMAND = compile_later(r"^(?:\$ )?(?:python[0-9.]*|bash|sh|cd|make|snakemake|Rscript|\./)\b")
