"""Plans: the one way sciship writes files.

A :class:`Plan` collects actions (create a file, edit a file, copy, move), can be shown as a diff for
``--dry-run``, and is applied all or nothing: every precondition is checked first (nothing is
overwritten that sciship did not create, no file changed since it was read), new contents are staged
next to their targets, then put in place; if anything fails midway, what was done is undone.
"""

from __future__ import annotations

import contextlib
import difflib
import os
import shutil
import stat
import subprocess
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from sciship._errors import PlanError

if TYPE_CHECKING:
    from tomlkit.toml_document import TOMLDocument

ActionKind = Literal["create", "edit", "copy", "move"]


@dataclass
class Action:
    """One change in a plan: create, edit, copy or move the file at ``path``, and why (shown to the user)."""

    kind: ActionKind
    path: str  #: target, relative to the plan's root, POSIX style
    reason: str
    content: bytes | None = None  #: new content for create/edit
    original: bytes | None = None  #: content the edit was computed from (checked before applying)
    source: str | None = None  #: for copy (absolute) and move (relative)
    git: bool = False  #: move with ``git mv`` so history follows the file
    executable: bool = False


class _Deferred(Action):
    """A new file whose content is made the first time something reads it: a dry run that only lists
    the files it would write never renders them."""

    def __init__(
        self, path: str, reason: str, render: Callable[[], str | bytes], *, executable: bool = False
    ) -> None:
        super().__init__("create", path, reason, executable=executable)
        self._render: Callable[[], str | bytes] | None = render

    @property
    def content(self) -> bytes | None:
        if self._render is not None:
            render, self._render = self._render, None
            made = render()
            self._data: bytes | None = made.encode("utf-8") if isinstance(made, str) else made
        return self._data

    @content.setter
    def content(self, value: bytes | None) -> None:
        self._render = None
        self._data = value


@dataclass
class Plan:
    """The files a command will write under ``root``, as a list of actions.

    :meth:`diff` shows them for ``--dry-run``; :meth:`apply` checks every action first, then writes all of
    them or none.
    """

    root: Path
    actions: list[Action] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  #: what the plan could not do, in plain words

    # ------------------------------------------------------------------ building
    def _find(self, path: str) -> Action | None:
        for action in self.actions:
            if action.path == path:
                return action
        return None

    def _disk(self, path: str) -> bytes | None:
        """The bytes on disk at ``path``; None when nothing is there (or it cannot be read)."""
        full = self.root / path
        try:
            mode = full.stat().st_mode
        except (OSError, RuntimeError):
            return None
        if not stat.S_ISREG(mode):  # a folder, a pipe (reading it could block forever), a device
            raise PlanError(
                f"`{path}` is not a plain file (it is a folder, a pipe or a device), so sciship cannot "
                "change it.",
                hint="Rename or remove it, then run again.",
                path=path,
            )
        try:
            return full.read_bytes()
        except OSError:
            return None

    def text(self, path: str) -> str | None:
        """The file's content as this plan would leave it (staged content, else what is on disk)."""
        action = self._find(path)
        if action is not None:
            if action.content is not None:
                return action.content.decode("utf-8")
            if action.kind == "move" and action.source is not None:
                data = self._disk(action.source)
                return None if data is None else data.decode("utf-8")
            if action.kind == "copy" and action.source is not None:
                return Path(action.source).read_text(encoding="utf-8")
        data = self._disk(path)
        return None if data is None else data.decode("utf-8-sig")

    def create(
        self,
        path: str,
        content: str | bytes | Callable[[], str | bytes],
        reason: str,
        *,
        executable: bool = False,
    ) -> None:
        """Create a new file. Refused (at apply time) if anything already exists at ``path``.

        ``content`` may be a function that makes it: called once, the first time the content is read
        (applying the plan, a diff), never for a plan that is only listed.
        """
        existing = self._find(path)
        if existing is not None:
            raise PlanError(f"The plan writes `{path}` twice ({existing.reason}; {reason}).")
        if callable(content):
            self.actions.append(_Deferred(path, reason, content, executable=executable))
            return
        data = content.encode("utf-8") if isinstance(content, str) else content
        self.actions.append(Action("create", path, reason, content=data, executable=executable))

    def edit(self, path: str, change: Callable[[str], str], reason: str) -> None:
        """Edit a file's text; several edits to one file are combined into one action."""
        existing = self._find(path)
        if existing is not None and existing.content is not None:
            new = change(existing.content.decode("utf-8"))
            existing.content = new.encode("utf-8")
            if reason not in existing.reason:
                existing.reason += "; " + reason
            return
        if existing is not None and existing.kind == "move" and existing.source is not None:
            before = self.text(path) or ""
            existing.original = self._disk(existing.source)
            existing.content = change(before).encode("utf-8")
            existing.reason += "; " + reason
            return
        original = self._disk(path)
        if original is None:
            raise PlanError(f"sciship wanted to edit `{path}`, but it cannot read it.", path=path)
        try:
            before = original.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise PlanError(
                f"sciship wanted to edit `{path}`, but it is not UTF-8 text, so sciship left it alone.",
                hint="Save it as UTF-8 (most editors have an 'encoding' option when saving) and run again.",
                path=path,
                line=original[: exc.start].count(b"\n") + 1,
            ) from None
        new = change(before)
        if new.encode("utf-8") == original:
            return
        self.actions.append(Action("edit", path, reason, content=new.encode("utf-8"), original=original))

    def edit_toml(self, path: str, change: Callable[[TOMLDocument], None], reason: str) -> None:
        """Edit a TOML file through tomlkit, keeping comments and formatting."""
        import tomlkit

        def apply(text: str) -> str:
            try:
                doc = tomlkit.parse(text)
            except tomlkit.exceptions.ParseError as exc:
                raise PlanError(
                    f"sciship wanted to edit `{path}`, but it is not valid TOML ({exc}), so sciship left "
                    "it alone.",
                    hint="Fix the syntax first (`sciship check` shows where) and run again.",
                    path=path,
                ) from None
            change(doc)
            return tomlkit.dumps(doc)

        if self._find(path) is None and self._disk(path) is None:
            self.create(path, apply(""), reason)
        else:
            self.edit(path, apply, reason)

    def copy(self, source: Path, path: str, reason: str) -> None:
        self.actions.append(Action("copy", path, reason, source=str(source)))

    def move(self, source: str, path: str, reason: str, *, git: bool = False) -> None:
        self.actions.append(Action("move", path, reason, source=source, git=git))

    def note(self, message: str) -> None:
        self.notes.append(message)

    def __bool__(self) -> bool:
        return bool(self.actions)

    # ------------------------------------------------------------------ showing
    def diff(self, *, full_creates: bool = True) -> str:
        """A unified diff of the plan (creates in full unless ``full_creates`` is False)."""
        chunks: list[str] = []
        for action in self.actions:
            if action.kind == "edit" and action.content is not None and action.original is not None:
                chunks.extend(
                    difflib.unified_diff(
                        action.original.decode("utf-8-sig").splitlines(keepends=True),
                        action.content.decode("utf-8").splitlines(keepends=True),
                        f"a/{action.path}",
                        f"b/{action.path}",
                    )
                )
            elif action.kind == "create" and action.content is not None:
                if full_creates and _is_text(action.content):
                    chunks.extend(
                        difflib.unified_diff(
                            [],
                            action.content.decode("utf-8").splitlines(keepends=True),
                            "/dev/null",
                            f"b/{action.path}",
                        )
                    )
                else:
                    chunks.append(f"+++ b/{action.path} (new file, {len(action.content)} bytes)\n")
            elif action.kind in {"copy", "move"}:
                chunks.append(f"{action.kind} {action.source} -> {action.path}\n")
        return "".join(c if c.endswith("\n") else c + "\n" for c in chunks)

    def summary(self) -> list[tuple[ActionKind, str, str]]:
        return [(a.kind, a.path, a.reason) for a in self.actions]

    # ------------------------------------------------------------------ applying
    def check(self) -> None:
        """Raise :class:`PlanError` listing every reason the plan cannot be applied as it stands."""
        problems: list[str] = []
        targets: set[str] = set()
        for a in self.actions:
            if a.path in targets:
                problems.append(f"`{a.path}` is written twice")
            targets.add(a.path)
            target = self.root / a.path
            if a.kind in {"create", "copy", "move"} and (target.exists() or target.is_symlink()):
                problems.append(f"`{a.path}` already exists and sciship never overwrites a file")
            if a.kind == "edit" and self._disk(a.path) != a.original:
                problems.append(f"`{a.path}` changed after sciship read it")
            if a.kind == "copy" and (a.source is None or not Path(a.source).is_file()):
                problems.append(f"the file to copy, `{a.source}`, is gone")
            if a.kind == "move" and (a.source is None or not (self.root / a.source).exists()):
                problems.append(f"the file to move, `{a.source}`, is gone")
        if problems:
            raise PlanError(
                "Nothing was written, because " + "; ".join(problems) + ".",
                hint="Move the files out of the way (or run the command again to re-read them) and retry.",
            )

    def apply(self, progress: Callable[[int, int], None] | None = None) -> list[str]:
        """Apply every action or none. Returns the paths written.

        ``progress(done, total)`` is called as each file is staged (for a progress line).
        """
        self.check()
        made_dirs: list[Path] = []
        staged: list[tuple[Action, Path | None]] = []
        done: list[tuple[Action, Path | None]] = []
        try:
            for n, a in enumerate(self.actions):
                if progress is not None:
                    progress(n, len(self.actions))
                target = self.root / a.path
                _make_parents(target.parent, made_dirs)
                tmp: Path | None = None
                if a.content is not None or a.kind == "copy":
                    fd, name = tempfile.mkstemp(prefix=".sciship-", suffix=".tmp", dir=target.parent)
                    tmp = Path(name)
                    staged.append((a, tmp))
                    with os.fdopen(fd, "wb") as fh:
                        if a.content is not None:
                            fh.write(a.content)
                        elif a.source is not None:
                            with Path(a.source).open("rb") as src:
                                shutil.copyfileobj(src, fh)
                    if a.kind == "copy" and a.source is not None:
                        shutil.copymode(a.source, tmp)
                    elif a.kind == "edit":
                        shutil.copymode(target, tmp)
                    else:
                        tmp.chmod(0o755 if a.executable else 0o644)
                else:
                    staged.append((a, None))
            for a, tmp in staged:
                target = self.root / a.path
                if a.kind == "move" and a.source is not None:
                    self._move(a.source, a.path, git=a.git)
                    done.append((a, None))
                    if tmp is not None:  # a move whose content was also edited
                        os.replace(tmp, target)
                    continue
                if tmp is None:  # pragma: no cover - every non-move action is staged
                    continue
                if a.kind == "edit":
                    os.replace(tmp, target)
                else:
                    _place_new(tmp, target)
                done.append((a, None))
        except BaseException:
            _remove_staged(staged)
            self._undo(done, made_dirs)
            raise
        _remove_staged(staged)
        return [a.path for a in self.actions]

    def _move(self, source: str, path: str, *, git: bool) -> None:
        if git:
            proc = subprocess.run(
                ["git", "-C", str(self.root), "mv", "--", source, path],
                capture_output=True,
                text=True,
                check=False,
            )
            if proc.returncode != 0:
                raise PlanError(f"`git mv {source} {path}` failed: {proc.stderr.strip()}")
        else:
            os.replace(self.root / source, self.root / path)

    def _undo(self, done: list[tuple[Action, Path | None]], made_dirs: list[Path]) -> None:
        for a, _ in reversed(done):
            target = self.root / a.path
            try:
                if a.kind == "edit" and a.original is not None:
                    target.write_bytes(a.original)
                elif a.kind == "move" and a.source is not None:
                    if a.original is not None:
                        target.write_bytes(a.original)
                    self._move(a.path, a.source, git=a.git)
                else:
                    target.unlink()
            except (OSError, PlanError):  # pragma: no cover - best effort
                pass
        for d in reversed(made_dirs):
            with contextlib.suppress(OSError):
                d.rmdir()


def _remove_staged(staged: list[tuple[Action, Path | None]]) -> None:
    for _, tmp in staged:
        if tmp is not None and tmp.exists():
            tmp.unlink()


def _make_parents(folder: Path, made: list[Path]) -> None:
    missing: list[Path] = []
    p = folder
    while not p.exists():
        missing.append(p)
        p = p.parent
    for d in reversed(missing):
        d.mkdir()
        made.append(d)


def _place_new(tmp: Path, target: Path) -> None:
    """Put ``tmp`` at ``target`` without ever replacing an existing file."""
    try:
        os.link(tmp, target)  # fails if target exists, even if it appeared a moment ago
    except FileExistsError:
        raise PlanError(f"`{target}` appeared while sciship was writing; nothing was overwritten.") from None
    except OSError:  # file systems without hard links
        if target.exists():
            raise PlanError(
                f"`{target}` appeared while sciship was writing; nothing was overwritten."
            ) from None
        os.replace(tmp, target)
        return
    tmp.unlink()


def _is_text(data: bytes) -> bool:
    if b"\0" in data[:4096]:
        return False
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True
