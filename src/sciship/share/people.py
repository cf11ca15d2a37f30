"""Who wrote the work: the authors a project already names, else its git history, else git config."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from sciship._errors import InputError
from sciship._regex import compile_later
from sciship.metadata.model import Person, orcid_url

if TYPE_CHECKING:
    from collections.abc import Sequence

    from sciship.metadata.model import ProjectMetadata
    from sciship.project import Project

_BOT = compile_later(
    r"\[bot\]|\bbot\b|dependabot|github-actions|pre-commit-ci|renovate|noreply@github\.com$", re.IGNORECASE
)
#: at most this many people from git history: long tails of one-commit contributors are not authors
MAX_FROM_HISTORY = 8


def history(project: Project) -> list[Person]:
    """People who made commits, most commits first (bots left out; ``.mailmap`` respected)."""
    if not project.in_git or not project.root.is_dir():
        return []
    from sciship import _git

    stdout = _git.output(_git.AUTHORS, project.root, timeout=30)
    if stdout is None:
        return []
    # one person may commit under several names ("G. Souza", "Gelson Souza") or several emails: the
    # identities that share a name, an email or a handle are one person (see _handles), named by the
    # name most of their commits give, a full name before a login ("Csaba Kozma", not "csaba-a")
    counts: dict[tuple[str, str], int] = {}
    for raw in stdout.decode("utf-8", "replace").splitlines():
        name, _, email = raw.partition("\x1f")
        name, email = " ".join(_without_brackets(name.strip()).split()), email.strip().lower()
        if not name or _BOT.search(name) or _BOT.search(email):
            continue
        counts[(name, email)] = counts.get((name, email), 0) + 1
    identities = list(counts)  # in the order of the first commit of each
    parent = list(range(len(identities)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    seen: dict[tuple[str, str], int] = {}
    aliases: dict[str, list[int]] = {}  # a full name's or an address's login-like forms
    for i, (name, email) in enumerate(identities):
        logins, alias = _handles(name, email)
        # (jgalazm/comp-geo-paper-figures: "Jose Galaz" and "José Galaz" are one person)
        keys = [("name", _folded(name))] + ([("email", email)] if email else [])
        keys += [("login", h) for h in logins]
        for key in keys:
            j = seen.setdefault(key, i)
            parent[find(i)] = find(j)
        for h in alias:  # met by a login, before or after (never by another alias)
            aliases.setdefault(h, []).append(i)
    for h, sharing in aliases.items():
        login = seen.get(("login", h))
        if login is not None:
            for i in sharing:
                parent[find(i)] = find(login)
    # a GitHub login made of the name another identity gives ("analopez" beside "Anabel Lopez",
    # letiviada/mmsc_dissertation's "letiviada" beside "Leticia Viada") is that person, when it fits one
    forms = {i: _login_forms(name) for i, (name, _email) in enumerate(identities)}
    for i, (_name, email) in enumerate(identities):
        found = _NOREPLY.match(email)
        owners = {find(j) for j, made in forms.items() if found and _letters(found.group(1)) in made}
        if len(owners) == 1:
            parent[find(i)] = owners.pop()
    # a first name alone, from a computer git was never told an address on ("Robert" with
    # `robert@Roberts-MacBook-Air.local`), beside one full name that starts with it ("Robert Lindland"):
    # that person (rlindland/1433-project-code cited "Robert" and "Robert Lindland"). With an address mail
    # reaches, a "Maria" may be another Maria: two people.
    firsts: dict[str, set[int]] = {}
    for j, (name, _email) in enumerate(identities):
        words = _folded(name).split()
        if len(words) >= 2:
            firsts.setdefault(words[0], set()).add(j)
    for i, (name, email) in enumerate(identities):
        if " " in name or _reachable(email):
            continue
        owners = {find(j) for j in firsts.get(_folded(name), set())}
        if len(owners) == 1:
            parent[find(i)] = owners.pop()
    groups: dict[int, list[tuple[str, str]]] = {}
    for i, identity in enumerate(identities):
        groups.setdefault(find(i), []).append(identity)
    people = []
    for members in groups.values():
        named: dict[str, int] = {}
        for name, email in members:
            named[name] = named.get(name, 0) + counts[(name, email)]
        # (a computer's name, "Eshan's MacBook", is a person's only when nothing else names them)
        name = max(named, key=lambda n: (not _MACHINE.match(n), " " in n, named[n], len(n)))
        # a name as its owner writes it: with its accents, when another commit drops them
        name = max((n for n in named if _folded(n) == _folded(name)), key=lambda n: (_accents(n), n == name))
        machine = _MACHINE.match(name)
        if machine:
            name = machine.group(1)  # the owner: "Eshan"
        address = next((e for _n, e in members if _reachable(e)), None)
        # a login, and no name anywhere: no family name to cite (levylabpitt's `ecfsheridan`)
        hidden = [m.group(1) for _n, e in members if (m := _NOREPLY.match(e))]
        handle = next((h for h in hidden if h.lower() == name.lower()), None)
        person = Person(github=handle, email=address) if handle else Person(name=name, email=address).split()
        people.append((sum(named.values()), person))
    ranked = sorted(people, key=lambda item: (-item[0], item[1].display.lower()))
    return [p for _, p in ranked[:MAX_FROM_HISTORY]]


#: the name a computer gives its owner's commits when git was never told one (macOS: "Eshan's MacBook")
_MACHINE = compile_later(
    "(?i)^(.+?)['\u2019]s[ -](?:macbook|imac|mac\\b|mac mini|mac pro|mbp|laptop|pc|computer|desktop|"
    "thinkpad|dell|lenovo|hp\\b|surface|air\\b|pro\\b)"
)
def _without_brackets(name: str) -> str:
    """A git name without the words it adds in brackets: the full name when a short one stands before it
    ("Panos (Panagiotis Alexiou)" is "Panagiotis Alexiou", BioGeMT/miRBench_paper: "Panos (Panagiotis" and
    "Alexiou)" were its given and family names), else the name before them ("Ann Lee (MIT)")."""
    m = re.fullmatch(r"([^()]*?)\s*\(([^()]+)\)\s*", name)
    if m is None:
        return name
    outer, inner = m.group(1).strip(), m.group(2).strip()
    if len(inner.split()) >= 2 and len(outer.split()) <= 1:
        return inner
    return outer or inner


def _reachable(email: str) -> bool:
    """Is ``email`` an address mail reaches? Not GitHub's that hides the real one, nor one a computer made
    up from its own name when git was never told one (`gabrielkosmacher@pop-os.localdomain`,
    `ana@Anas-MacBook.local`: MobilityNet/mobilitynet-analysis-scripts)."""
    domain = email.rpartition("@")[2].lower()
    return bool(email) and "." in domain and not (
        domain.endswith(("users.noreply.github.com", ".local", ".localdomain", ".lan", ".home", ".internal"))
        or domain in {"localhost", "(none)"}
    )


#: a GitHub address that hides the real one: ``12345+login@users.noreply.github.com`` (or ``login@...``)
_NOREPLY = compile_later(r"^(?:\d+\+)?([^@]+)@users\.noreply\.github\.com$")


def _handles(name: str, email: str) -> tuple[set[str], set[str]]:
    """(logins, aliases) of an identity, to find one person behind several: a GitHub address's login and
    a name with no space are logins (``bbremer``, ``davidlmobley``); a login is met again as an alias,
    the name of an email address (``bbremer@wisc.edu``) or a full name without its spaces and dots
    (``David L. Mobley``). Two aliases alone are not one person (``info@`` at two places is two)."""
    found = _NOREPLY.match(email)
    logins = {found.group(1)} if found else set()
    if name and not any(c.isspace() for c in name):
        logins.add(name.lower())
    squashed = "".join(c for c in name.lower() if c.isalnum())
    local = email.partition("@")[0] if "@" in email and not found else ""
    return logins, {h for h in (squashed, local) if len(h) >= 4}


def _folded(name: str) -> str:
    """A name as two spellings of it compare: lower case, accents dropped, one space between words."""
    import unicodedata

    plain = unicodedata.normalize("NFKD", name.lower())
    return " ".join("".join(c for c in plain if not unicodedata.combining(c)).split())


def _accents(name: str) -> int:
    """How many letters of ``name`` carry an accent ("José" has one)."""
    import unicodedata

    return sum(1 for c in unicodedata.normalize("NFKD", name) if unicodedata.combining(c))


def _letters(text: str) -> str:
    """``text`` in lower-case letters only, accents dropped: "López-Ruiz" is ``lopezruiz``."""
    import unicodedata

    plain = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in plain if c.isalpha() and c.isascii())


def _login_forms(name: str) -> set[str]:
    """The logins people make of their full name: given + family and the other way round, the first
    letters of the given name + family (``alopez``, ``analopez``), given + the first letters of the
    family name (``anabell``); none of a single word or a team's name."""
    from sciship.metadata.model import split_name

    given, _particle, family, org = split_name(name)
    if org or not given:
        return set()
    first, whole, last = _letters(given.split()[0]), _letters(given), _letters(family)
    if not first or not last:
        return set()
    made = {whole + last, last + whole, last + first, last + first[0]}
    made |= {first[:k] + last for k in range(1, len(first) + 1)}
    made |= {first + last[:k] for k in range(1, len(last) + 1)}
    return {m for m in made if len(m) >= 4}


#: names that stand in for an author, not a person: a double-blind review's `author="Anonymous"`, a
#: template's "Your Name" (BioroboticsLab/IBA-paper-code's setup.py would have put "Anonymous" on a DOI)
_PLACEHOLDERS = frozenset(
    {"anonymous", "anon", "anonymous author", "anonymous authors", "anonymous author(s)", "anonymized"}
    | {
        "anonymised",
        "author",
        "authors",
        "author name",
        "your name",
        "name",
        "first last",
        "firstname lastname",
    }
    | {"todo", "tbd", "tba", "xxx", "unknown", "n/a", "na", "none", "null", "me", "placeholder"}
)


def is_placeholder(person: Person) -> bool:
    """Is ``person`` a stand-in ("Anonymous", "Your Name", "TODO") rather than someone's name?"""
    name = " ".join(person.display.lower().replace("_", " ").split()).strip(" .,;:<>[]{}")
    if name in _PLACEHOLDERS or name.startswith(("anonymous ", "anonymized ", "anonymised ")):
        return True
    local = (person.email or "").partition("@")[0].lower()
    return not person.name and local in {"anonymous", "anon", "author", "noreply", "no-reply", "todo"}


def placeholders(md: ProjectMetadata) -> tuple[tuple[str, str], ...]:
    """The stand-in authors the metadata names, with where: ``(("Anonymous", "setup.py"),)``."""
    from sciship.metadata.model import ORIGIN_NAMES

    return tuple(
        (p.display, ORIGIN_NAMES[m.origin])
        for m in (md.package, md.citation, md.codemeta, md.zenodo, md.rocrate)
        if m is not None
        for p in m.people
        if is_placeholder(p)
    )


def known(md: ProjectMetadata, project: Project) -> tuple[tuple[Person, ...], str]:
    """The authors the project already names (and where), else its git history, else git config; a
    stand-in name ("Anonymous", :func:`is_placeholder`) is nobody's."""
    combined = md.combined()
    sources = [
        m
        for m in (md.package, md.citation, md.codemeta, md.zenodo, md.rocrate)
        if m and any(not is_placeholder(p) for p in m.people)
    ]
    # a package that names only a team ("The lmfit developers") in pyproject.toml and its people in
    # CITATION.cff: a citation names the people
    if sources and all(p.is_organisation for p in sources[0].people):
        sources.sort(key=lambda m: all(p.is_organisation for p in m.people))
    for source in sources:
        if source is not None and source.people:
            enriched = tuple(_enrich(p, combined.people, md) for p in source.people if not is_placeholder(p))
            from sciship.metadata.model import ORIGIN_NAMES

            return enriched, ORIGIN_NAMES[source.origin]
    found = history(project)
    if found:
        return tuple(_enrich(p, (), md) for p in found), "the git history"
    if md.git is not None and md.git.authors:
        return md.git.authors, "your git configuration"
    return (), ""


def _enrich(person: Person, others: Sequence[Person], md: ProjectMetadata) -> Person:
    for source in (others, *(m.people for m in md.all)):
        for other in source:
            if person.same_as(other):
                person = person.merged(other)
    return person


def with_orcids(people: Sequence[Person], orcids: Sequence[str]) -> tuple[Person, ...]:
    """Apply ``--orcid`` values: ``NAME=ORCID`` for a named author, a bare ORCID for the next author
    without one (in order)."""
    out = list(people)
    for value in orcids:
        name, sep, raw = value.rpartition("=")
        orcid = orcid_url(raw if sep else value)
        if orcid is None:
            raise InputError(
                f"`{value}` is not an ORCID iD.",
                hint="An ORCID iD looks like `0000-0002-1825-0097` (or `https://orcid.org/0000-...`); "
                'give it as `--orcid 0000-...` or `--orcid "Ada Lovelace=0000-..."`.',
            )
        if sep:
            index = next((i for i, p in enumerate(out) if p.display.lower() == name.strip().lower()), None)
            if index is None:
                raise InputError(
                    f"`--orcid {value}` names `{name.strip()}`, who is not among the authors "
                    f"({', '.join(p.display for p in out) or 'none'}).",
                    hint="Use an author's name exactly as listed, or give the ORCID alone.",
                )
        else:
            index = next((i for i, p in enumerate(out) if not p.orcid), None)
            if index is None:
                raise InputError(
                    f"Every author already has an ORCID, so `--orcid {value}` has no one to go to.",
                    hint='Name the author: `--orcid "Ada Lovelace=0000-..."`.',
                )
        from dataclasses import replace

        out[index] = replace(out[index], orcid=orcid)
    return tuple(out)


def parse_people(text: str) -> tuple[Person, ...]:
    """``"Ada Lovelace <ada@x.org>; Grace Hopper"`` (as typed at the question) as people."""
    from sciship.metadata.model import person_from_text

    parts = [p.strip() for p in re.split(r"[;\n]", text) if p.strip()]
    if len(parts) == 1 and "," in parts[0] and "<" not in parts[0]:
        parts = [p.strip() for p in parts[0].split(",") if p.strip()]
    return tuple(p for p in (person_from_text(x) for x in parts) if p is not None)
