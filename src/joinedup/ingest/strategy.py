"""Read and write a strategy framework (themes, numbered priorities, categories) as YAML."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import yaml

from joinedup.ingest.categories import DEFAULT_CATEGORIES
from joinedup.ingest.errors import IngestError
from joinedup.ingest.records import Location, PriorityRecord, Problem, StrategyRecord, ThemeRecord


class _Invalid(Exception):
    def __init__(self, where: str, expected: str) -> None:
        super().__init__(f"{where}: {expected}")
        self.where = where
        self.expected = expected


def load_strategy(path: str | os.PathLike[str]) -> StrategyRecord:
    """The strategy in a YAML file; IngestError naming the file and document path if invalid."""
    file_path = Path(path)
    name = file_path.name
    try:
        text = file_path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise _error(name, f"the file could not be read ({exc}); expected a UTF-8 YAML file"
                     ) from None
    try:
        document = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        raise _error(name, f"the file is not valid YAML{where}; expected a YAML mapping with "
                           "name, priorities and themes") from None
    try:
        return parse_strategy(document)
    except _Invalid as exc:
        raise _error(name, f"{exc.where}: {exc.expected}") from None


def _error(file: str, message: str) -> IngestError:
    return IngestError(Problem(Location(file=file), message))


def _text(value: Any, where: str, *, required: bool) -> str:
    if value is None and not required:
        return ""
    if isinstance(value, bool) or not isinstance(value, str | int | float) or (
            required and not str(value).strip()):
        raise _Invalid(where, "expected some text" if required else "expected text")
    return str(value).strip()


def _integer(value: Any, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise _Invalid(where, f"expected a whole number, found {value!r}")
    return value


def _list(value: Any, where: str) -> list[Any]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise _Invalid(where, "expected a list")
    return value


def _mapping(value: Any, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise _Invalid(where, "expected a mapping such as {number: 1, name: ...}"
                       if where.startswith("priorities") else "expected a mapping")
    return value


def parse_strategy(document: Any) -> StrategyRecord:
    """Validate an already-loaded YAML document (see load_strategy for the form)."""
    root = _mapping(document, "(document)")
    name = _text(root.get("name"), "name", required=True)
    raw_categories = root.get("categories")
    categories = DEFAULT_CATEGORIES if raw_categories is None else tuple(
        _text(c, f"categories[{i}]", required=True)
        for i, c in enumerate(_list(raw_categories, "categories")))
    priorities: list[PriorityRecord] = []
    seen: dict[int, int] = {}
    for i, item in enumerate(_list(root.get("priorities"), "priorities")):
        entry = _mapping(item, f"priorities[{i}]")
        number = _integer(entry.get("number"), f"priorities[{i}].number")
        if number in seen:
            raise _Invalid(f"priorities[{i}].number",
                           f"priority number {number} is already used by priorities"
                           f"[{seen[number]}]; expected each number once")
        seen[number] = i
        priorities.append(PriorityRecord(
            number, _text(entry.get("name"), f"priorities[{i}].name", required=True),
            _text(entry.get("description"), f"priorities[{i}].description", required=False)))
    themes: list[ThemeRecord] = []
    for i, item in enumerate(_list(root.get("themes"), "themes")):
        entry = _mapping(item, f"themes[{i}]")
        numbers = []
        for j, raw in enumerate(_list(entry.get("priorities"), f"themes[{i}].priorities")):
            number = _integer(raw, f"themes[{i}].priorities[{j}]")
            if number not in seen:
                known = ", ".join(str(n) for n in seen) or "none"
                raise _Invalid(f"themes[{i}].priorities[{j}]",
                               f"priority {number} is not listed under priorities; expected "
                               f"one of: {known}")
            numbers.append(number)
        themes.append(ThemeRecord(
            _text(entry.get("name"), f"themes[{i}].name", required=True), tuple(numbers),
            _text(entry.get("description"), f"themes[{i}].description", required=False)))
    return StrategyRecord(name, categories, tuple(priorities), tuple(themes))


def dump_strategy(record: StrategyRecord) -> str:
    """YAML that load_strategy reads back equal to `record`."""
    def priority(p: PriorityRecord) -> dict[str, Any]:
        out: dict[str, Any] = {"number": p.number, "name": p.name}
        if p.description:
            out["description"] = p.description
        return out

    def theme(t: ThemeRecord) -> dict[str, Any]:
        out: dict[str, Any] = {"name": t.name, "priorities": list(t.priority_numbers)}
        if t.description:
            out["description"] = t.description
        return out

    document = {
        "name": record.name,
        "categories": list(record.categories),
        "priorities": [priority(p) for p in record.priorities],
        "themes": [theme(t) for t in record.themes],
    }
    return yaml.safe_dump(document, sort_keys=False, allow_unicode=True)
