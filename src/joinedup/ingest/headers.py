"""Find the header row of a sheet and map its columns to fields.

Partners put title rows, merged title cells and blank rows above their
headers, so every candidate row in the first `SEARCH_ROWS` is scored by how
many of its cells name a known field, and the best-scoring row wins.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from joinedup.ingest.cells import cell_text
from joinedup.ingest.fields import FIELDS, SYNONYMS

SEARCH_ROWS = 30
IGNORE = "ignore"

_DROP = re.compile(r"[()\[\]'’]")
_BRACKETED = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_PUNCT = re.compile(r"[^a-z0-9£#]+")


def normalise_header(text: str) -> str:
    """Case-, punctuation- and whitespace-insensitive form of a header.

    "Outcome measure(s)" -> "outcome measures"; "Ref." -> "ref"; "#" stays "#".
    """
    lowered = _DROP.sub("", text.lower().replace("&", " and "))
    words = _PUNCT.sub(" ", lowered).replace("£", " ").split()
    return " ".join(words) if words else text.strip()


def _build_lookup() -> dict[str, str]:
    lookup: dict[str, str] = {}
    for name, synonyms in SYNONYMS.items():
        for synonym in (*synonyms, name.replace("_", " ")):
            lookup.setdefault(normalise_header(synonym), name)
    return lookup


_LOOKUP = _build_lookup()
_PREFIXES = sorted(
    ((key, name) for key, name in _LOOKUP.items() if len(key) >= 5 or " " in key),
    key=lambda item: len(item[0]),
    reverse=True,
)


def match_header(text: str) -> tuple[str | None, float]:
    """(field, confidence): 1.0 for a synonym, 0.75 when the header starts with one."""
    if not text or len(text) > 120:
        return None, 0.0
    key = normalise_header(text)
    if key in _LOOKUP:
        return _LOOKUP[key], 1.0
    bare = normalise_header(_BRACKETED.sub(" ", text))
    if bare in _LOOKUP:
        return _LOOKUP[bare], 1.0
    for prefix, name in _PREFIXES:
        if key.startswith(prefix + " "):
            return name, 0.75
    return None, 0.0


@dataclass
class HeaderChoice:
    """The chosen header row (0-based index) and each column's header and field."""

    index: int
    headers: list[str]
    fields: list[str | None]
    unmapped: list[str] = field(default_factory=list)
    keys: list[str] = field(init=False)

    def __post_init__(self) -> None:
        self.keys = [normalise_header(h) if h else "" for h in self.headers]


def _row_mapping(
    row: Sequence[object], overrides: Mapping[str, str]
) -> tuple[list[str], list[str | None], float]:
    headers = [cell_text(value) for value in row]
    fields: list[str | None] = []
    used: set[str] = set()
    score = 0.0
    for header in headers:
        key = header.lower()
        if key in overrides:
            name: str | None = overrides[key] or None
            confidence = 1.0 if name else 0.0
        else:
            name, confidence = match_header(header)
        if name is not None and name in used:
            name, confidence = None, 0.0
        if name is not None:
            used.add(name)
        fields.append(name)
        score += confidence
    return headers, fields, score


def choose_header(
    rows: Sequence[Sequence[object]], overrides: Mapping[str, str]
) -> HeaderChoice | None:
    """The best header row among the first SEARCH_ROWS rows, or None when none scores.

    A row needs at least two recognised headers, or one that names the action
    itself (title or description), to count. Ties go to the earlier row.
    """
    best: HeaderChoice | None = None
    best_score = 0.0
    for index, row in enumerate(rows[:SEARCH_ROWS]):
        headers, fields, score = _row_mapping(row, overrides)
        mapped = [f for f in fields if f]
        names_action = "title" in mapped or "description" in mapped
        if len(mapped) < 2 and not names_action:
            continue
        if score > best_score:
            unmapped = [h for h, f in zip(headers, fields, strict=True) if h and f is None]
            best, best_score = HeaderChoice(index, headers, fields, unmapped), score
    return best


def validate_overrides(mapping: Mapping[str, str] | None, file: str) -> dict[str, str]:
    """Lower-cased header -> field ('' to ignore); raise for a field that does not exist."""
    from joinedup.ingest.errors import file_error

    overrides: dict[str, str] = {}
    for header, name in (mapping or {}).items():
        target = (name or "").strip()
        if target.lower() == IGNORE:
            target = ""
        if target and target not in FIELDS:
            raise file_error(
                file,
                f"the mapping for column '{header}' names '{target}', which is not a field; "
                f"expected one of: {', '.join(FIELDS)} (or '' / 'ignore' to skip the column)",
                value=target,
            )
        overrides[str(header).strip().lower()] = target
    return overrides


def is_repeated_header(row: Sequence[object], choice: HeaderChoice) -> bool:
    """True when a row repeats the header: two or more header cells making up at least half
    of what is filled, or a single filled cell equal to its header."""
    filled = repeats = 0
    for value, header, key in zip(row, choice.headers, choice.keys, strict=False):
        if not isinstance(value, str) or not value.strip():
            if value not in (None, ""):
                filled += 1
            continue
        filled += 1
        if (header and abs(len(value) - len(header)) <= 8
                and value.lstrip()[:1].lower() == header[:1].lower()
                and normalise_header(value) == key):
            repeats += 1
    return (repeats >= 2 and repeats * 2 >= filled) or (repeats == 1 and filled == 1)
