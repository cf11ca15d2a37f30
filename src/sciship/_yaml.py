"""Read YAML files (CITATION.cff, CI workflows, environment.yml) safely: every failure becomes a located
message, dates stay the text they were written as, and a file that expands past any real one (an "alias
bomb") stops early.

Checks and the metadata model read the same files: :func:`load_file` parses each at most once per
project snapshot, with the fast C loader when PyYAML has it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sciship.project import Project

_LOADER: list[type[Any]] = []


@dataclass(frozen=True)
class YamlError:
    problem: str
    line: int | None = None
    column: int | None = None

    def where(self) -> str:
        if self.line is None:
            return ""
        return f" (line {self.line}" + (f", column {self.column})" if self.column else ")")


def _loader() -> type[Any]:
    """A safe loader (the fast C one when available) that keeps dates as the text they were written as."""
    if not _LOADER:
        import yaml

        base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        resolvers = {
            first: [(tag, rx) for tag, rx in found if tag != "tag:yaml.org,2002:timestamp"]
            for first, found in base.yaml_implicit_resolvers.items()
        }
        _LOADER.append(type("TextDateLoader", (base,), {"yaml_implicit_resolvers": resolvers}))
    return _LOADER[0]


def load(text: str) -> tuple[Any, YamlError | None]:
    """The data in ``text``, or None and what is wrong with it."""
    import yaml

    try:
        data = yaml.load(text, Loader=_loader())  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or "the YAML syntax is broken"
        if mark is None:
            return None, YamlError(str(problem))
        return None, YamlError(str(problem), mark.line + 1, mark.column + 1)
    except (ValueError, TypeError, RecursionError) as exc:
        return None, YamlError(f"a value could not be read ({exc})")
    if _too_big(data):
        return None, YamlError(
            f"the file expands to more than {MAX_VALUES:,} values, because it repeats parts of itself "
            "through `&anchor` / `*alias` references; sciship does not read files that large"
        )
    return data, None


#: More values than any real CITATION.cff or workflow holds; a file past it is an "alias bomb".
MAX_VALUES = 200_000


def _too_big(data: Any) -> bool:
    """Whether ``data`` holds more than MAX_VALUES values once aliases are expanded (stops early)."""
    budget = MAX_VALUES
    stack = [data]
    while stack:
        item = stack.pop()
        budget -= 1
        if budget < 0:
            return True
        if isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return False


def load_file(project: Project, path: str) -> tuple[Any, YamlError | None]:
    """The data in the project's file ``path`` (parsed once per snapshot); None and no error if unreadable."""

    def parse() -> tuple[Any, YamlError | None]:
        text = project.read_text(path)
        return (None, None) if text is None else load(text)

    return project.memo(f"yaml:{path}", parse)  # type: ignore[no-any-return]
