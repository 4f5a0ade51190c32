"""Read and write a strategy framework (themes, numbered priorities, categories).

`load_strategy` reads YAML (the form `dump_strategy` writes, and shorter ones),
plain text or Markdown (.txt, .md) and CSV (.csv); see its docstring. Every
form is numbered and checked by the same rules (joinedup.ingest.strategy_text).
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from joinedup.ingest.categories import DEFAULT_CATEGORIES
from joinedup.ingest.errors import IngestError
from joinedup.ingest.records import Location, PriorityRecord, Problem, StrategyRecord, ThemeRecord
from joinedup.ingest.sources import decode_text, read_text_table, short_error
from joinedup.ingest.strategy_text import (
    CSV_SUFFIXES,
    TEXT_SUFFIXES,
    Collector,
    InvalidStrategy,
    Place,
    PriorityDraft,
    ThemeDraft,
    priority_from_text,
    read_csv_strategy,
    read_text_strategy,
)

_Invalid = InvalidStrategy
"""What parse_strategy raises: `.where` (a document path) and `.expected`."""

DocPath = tuple[str | int, ...]
_PRIORITY_KEYS = frozenset({"number", "name", "description"})
_THEME_KEYS = frozenset({"name", "priorities", "description"})
_DOCUMENT_EXPECTATION = ("expected a mapping with name, priorities and themes, or a list of "
                         "priorities")


def load_strategy(path: str | os.PathLike[str]) -> StrategyRecord:
    """The strategy in a file; IngestError naming the file and where in it if invalid.

    By extension: .txt/.md (one priority per line, Markdown headings as themes; see
    strategy_text.read_text_strategy), .csv/.tsv (a header row with name or priority,
    and optional number, description and theme columns), anything else YAML:

    - a mapping with `name`, `priorities`, `themes` and `categories` (keys in any
      case); without `name`, the strategy is named after the file;
    - a priority is a mapping {number, name, description} (number optional) or a
      name, which may start with its number ("3. Ageing well", "Priority 3: Ageing
      well"); `Name: description` written unquoted reads like a line of a .txt file;
    - priorities are numbered 1, 2, 3... in order when none has a number;
    - a theme is a mapping {name, description, priorities}, `Theme name: [...]`, or
      a name alone (a theme with no priorities). A theme's priorities are numbers
      of priorities given elsewhere, or priorities themselves (added after the
      top-level ones, in the order written); a name given earlier refers to that
      priority;
    - the whole document may be just the list of priorities.
    """
    file_path = Path(path)
    name = file_path.name
    default_name = _name_from_file(file_path)
    suffix = file_path.suffix.lower()
    try:
        if suffix in TEXT_SUFFIXES:
            return read_text_strategy(_read_text(file_path), default_name)
        if suffix in CSV_SUFFIXES:
            return read_csv_strategy(read_text_table(file_path), default_name)
        return _load_yaml(file_path, default_name)
    except InvalidStrategy as exc:
        raise IngestError(Problem(Location(file=name, row=exc.row, column=exc.column),
                                  f"{exc.where}: {exc.expected}" if exc.where and exc.row is None
                                  else exc.expected)) from None


def _name_from_file(file_path: Path) -> str:
    """'thornbury-vale_strategy.txt' -> 'thornbury vale strategy'."""
    return " ".join(re.sub(r"[-_]+", " ", file_path.stem).split()) or file_path.name


def _read_text(file_path: Path) -> str:
    try:
        return decode_text(file_path.read_bytes())
    except OSError as exc:
        raise _error(file_path.name, f"the file could not be read ({short_error(exc)}); "
                                     "expected a text file") from None


def _load_yaml(file_path: Path, default_name: str) -> StrategyRecord:
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
                           "name, priorities and themes, or a list of priorities (a plain list, "
                           "one priority per line, can be saved as a .txt file instead)") from None
    return _YamlReader(_line_finder(text)).read(document, default_name)


def _error(file: str, message: str) -> IngestError:
    return IngestError(Problem(Location(file=file), message))


def parse_strategy(document: Any, *, default_name: str | None = None) -> StrategyRecord:
    """Validate an already-loaded YAML document (see load_strategy for the forms).

    Without `default_name` the document must give `name`. Raises the exception
    `_Invalid` with `.where` (a document path such as "priorities[1].number") and
    `.expected`.
    """
    return _YamlReader(None).read(document, default_name)


def _line_finder(text: str) -> Callable[[DocPath], int | None]:
    """The line a document path starts on, or its nearest written ancestor's for a missing key
    (the YAML is parsed again only when asked)."""
    root: list[yaml.Node | None] = []

    def line_of(path: DocPath) -> int | None:
        if not root:
            try:
                root.append(yaml.compose(text, Loader=yaml.SafeLoader))
            except yaml.YAMLError:
                root.append(None)
        node = root[0]
        for key in path:
            if isinstance(node, yaml.MappingNode):
                child = next((v for k, v in node.value
                              if isinstance(k, yaml.ScalarNode) and k.value == str(key)), None)
            elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and 0 <= key < len(
                    node.value):
                child = node.value[key]
            else:
                child = None
            if child is None:
                break
            node = child
        return None if node is None else node.start_mark.line + 1

    return line_of


def _render(path: DocPath) -> str:
    out = ""
    for key in path:
        if isinstance(key, int):
            out += f"[{key}]"
        elif re.fullmatch(r"[A-Za-z_][\w-]*", key):
            out += f".{key}" if out else key
        else:
            out += f"[{key!r}]"
    return out or "(document)"


def _scalar(value: Any) -> bool:
    return isinstance(value, str | int | float) and not isinstance(value, bool)


class _YamlReader:
    def __init__(self, line_of: Callable[[DocPath], int | None] | None) -> None:
        self.line_of = line_of
        self.collector = Collector()

    def place(self, path: DocPath) -> Place:
        return Place(_render(path), self.line_of(path) if self.line_of and path else None)

    def fail(self, path: DocPath, expected: str) -> InvalidStrategy:
        return self.place(path).invalid(expected)

    def text(self, value: Any, path: DocPath, *, required: bool) -> str:
        if value is None and not required:
            return ""
        if not _scalar(value) or (required and not str(value).strip()):
            raise self.fail(path, "expected some text" if required else "expected text")
        return str(value).strip()

    def list(self, value: Any, path: DocPath) -> list[Any]:
        if value is None:
            return []
        if not isinstance(value, list):
            raise self.fail(path, "expected a list")
        return value

    def fields(self, mapping: dict[Any, Any], path: DocPath) -> dict[Any, tuple[Any, Any]]:
        """Keys in any case -> (the key as written, its value)."""
        out: dict[Any, tuple[Any, Any]] = {}
        for key, value in mapping.items():
            norm = key.strip().lower() if isinstance(key, str) else key
            if norm in out:
                raise self.fail((*path, key), f"'{key}' repeats '{out[norm][0]}'; expected each "
                                              "key once")
            out[norm] = (key, value)
        return out

    def read(self, document: Any, default_name: str | None) -> StrategyRecord:
        if isinstance(document, list) and default_name is not None:
            for i, item in enumerate(document):
                self.collector.define(self.priority(item, (i,)))
            if not self.collector.priorities:
                raise self.fail((), "the list is empty; expected at least one priority")
            return self.collector.build(default_name, DEFAULT_CATEGORIES)
        if isinstance(document, list):
            raise self.fail((), "expected a mapping with name, priorities and themes (a list of "
                                "priorities alone gives no name for the strategy)")
        if not isinstance(document, dict):
            hint = ("; found text (a plain list of priorities, one per line, can be saved as a "
                    ".txt file instead)" if isinstance(document, str) else "")
            raise self.fail((), _DOCUMENT_EXPECTATION + hint)
        fields = self.fields(document, ())
        name_key, raw_name = fields.get("name", ("name", None))
        named = raw_name is not None or default_name is None
        name = self.text(raw_name, (name_key,), required=True) if named else str(default_name)
        category_key, raw_categories = fields.get("categories", ("categories", None))
        categories = DEFAULT_CATEGORIES if raw_categories is None else tuple(
            self.text(c, (category_key, i), required=True)
            for i, c in enumerate(self.list(raw_categories, (category_key,))))
        key, raw = fields.get("priorities", ("priorities", None))
        for i, item in enumerate(self.list(raw, (key,))):
            self.collector.define(self.priority(item, (key, i)))
        key, raw = fields.get("themes", ("themes", None))
        for i, item in enumerate(self.list(raw, (key,))):
            self.theme(item, (key, i))
        if not self.collector.priorities:
            self.nothing_read(document, fields, named=named)
        return self.collector.build(name, categories)

    def nothing_read(self, document: dict[Any, Any], fields: dict[Any, Any], *,
                     named: bool) -> None:
        """No priorities: fine for a named framework (as always), unless something else holds them."""
        if "priorities" not in fields and "themes" not in fields:
            for key, value in document.items():
                if isinstance(value, list | dict):
                    raise self.fail((key,), f"'{key}' is not read; expected the priorities "
                                            "under priorities: and the themes under themes:")
        if not named:
            raise self.fail((), "no priorities found; expected a list of priorities under "
                                "priorities:, or themes with their priorities under themes:")

    def priority(self, item: Any, path: DocPath, *, in_theme: bool = False) -> PriorityDraft:
        place = self.place(path)
        if isinstance(item, str):
            return priority_from_text(item, place, description=False)
        if isinstance(item, dict):
            fields = self.fields(item, path)
            if len(item) == 1 and not fields.keys() & _PRIORITY_KEYS:
                ((key, value),) = item.items()
                if _scalar(key) and _scalar(value):
                    # `- Priority 3: Ageing well` unquoted: read as the text written.
                    return priority_from_text(f"{key}: {value}", place, description=True)
                if _scalar(key) and value is None:
                    raise place.invalid(f"found '{key}:' with nothing after it; expected a "
                                        "priority name")
                if _scalar(key) and isinstance(value, list):
                    raise place.invalid(
                        f"found '{key}' with a list under it; expected a priority (a name, or a "
                        "mapping with name and description)" + (
                            "; themes cannot be nested" if in_theme
                            else "; a theme and its priorities go under themes:"))
            return self.mapping_priority(fields, path)
        raise place.invalid(f"expected a priority: a name, or a mapping such as {{number: 1, "
                            f"name: ...}}; found {item!r}")

    def mapping_priority(self, fields: dict[Any, tuple[Any, Any]], path: DocPath) -> PriorityDraft:
        number_key, raw_number = fields.get("number", ("number", None))
        number_place = None
        if raw_number is not None:
            number_place = self.place((*path, number_key))
            if isinstance(raw_number, bool) or not isinstance(raw_number, int):
                raise number_place.invalid(f"expected a whole number, found {raw_number!r}")
        name_key, raw_name = fields.get("name", ("name", None))
        description_key, raw_description = fields.get("description", ("description", None))
        return PriorityDraft(
            self.place(path), self.text(raw_name, (*path, name_key), required=True), raw_number,
            self.text(raw_description, (*path, description_key), required=False), number_place)

    def theme(self, item: Any, path: DocPath) -> None:
        if _scalar(item):
            self.collector.themes.append(
                ThemeDraft(self.place(path), self.text(item, path, required=True)))
            return
        if not isinstance(item, dict):
            raise self.fail(path, "expected a theme: a mapping with name and priorities, or a "
                                  "theme name")
        fields = self.fields(item, path)
        if len(item) == 1 and not fields.keys() & _THEME_KEYS:
            ((key, value),) = item.items()
            if _scalar(key) and (value is None or isinstance(value, list)):
                theme = ThemeDraft(self.place(path), self.text(key, path, required=True))
                self.collector.themes.append(theme)
                self.members(theme, value, (*path, key))
                return
            if _scalar(key):
                raise self.fail(path, f"found '{key}: {value}'; expected a theme with a list of "
                                      f"its priorities, as in '{key}: [First priority, Second "
                                      "priority]', or a mapping with name and priorities")
        name_key, raw_name = fields.get("name", ("name", None))
        description_key, raw_description = fields.get("description", ("description", None))
        theme = ThemeDraft(
            self.place(path), self.text(raw_name, (*path, name_key), required=True),
            self.text(raw_description, (*path, description_key), required=False))
        self.collector.themes.append(theme)
        priorities_key, raw_priorities = fields.get("priorities", ("priorities", None))
        self.members(theme, raw_priorities, (*path, priorities_key))

    def members(self, theme: ThemeDraft, value: Any, path: DocPath) -> None:
        for j, raw in enumerate(self.list(value, path)):
            at = (*path, j)
            if isinstance(raw, int) and not isinstance(raw, bool):
                theme.members.append((self.place(at), raw))
            elif isinstance(raw, str | dict):
                draft = self.priority(raw, at, in_theme=True)
                theme.members.append((draft.place, self.collector.mention(draft)))
            else:
                raise self.fail(at, f"expected a priority number, or a priority (a name, or a "
                                    f"mapping with name and description); found {raw!r}")


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
