"""Find the header row of a sheet and map its columns to fields.

Partners put title rows, merged title cells and blank rows above their
headers, so every candidate row in the first `SEARCH_ROWS` is scored by how
many of its cells name a known field, and the best-scoring row wins.

A header names a field when it is one of the field's synonyms (in either number:
"Success measure" is "Success measures"), starts with one, or, failing those, holds a
keyword ("Q2 update" is progress). A keyword counts for little in a row's score and
is not looked for in long cells, so a title row of prose is not taken for the header.

Each column then gets a role: the column of its field; a further column of a field
that takes several (fields.FURTHER_COLUMNS: its text is added, labelled); or not read
(its field comes from one column only and an earlier column gives it, the mapping
ignores it, or its header names no field). The reader warns about those not read.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from joinedup.ingest.cells import cell_text
from joinedup.ingest.fields import (
    FIELDS,
    FURTHER_COLUMNS,
    KEYWORD_PHRASES,
    KEYWORDS,
    PART_OF,
    PART_OF_KEYWORDS,
    SYNONYMS,
    WEAK,
)

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


_KEEP_ENDINGS = ("ss", "us", "is")
_IRREGULAR = {"kpis": "kpi"}


def singular(word: str) -> str:
    """A word's singular form, so "Success measures" and "Success measure" are one header.

    Only the plural endings of English header words are taken off: "priorities" ->
    "priority", "approaches" -> "approach", "measures" -> "measure"; "progress",
    "status", "basis" and words of three letters or fewer are kept.
    """
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if len(word) <= 3 or not word.endswith("s") or word.endswith(_KEEP_ENDINGS):
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "xes", "ches", "shes")):
        return word[:-2]
    return word[:-1]


def header_key(text: str) -> str:
    """normalise_header with every word made singular: the form headers are looked up in."""
    return " ".join(singular(word) for word in normalise_header(text).split())


SYNONYM = 1.0
PREFIX = 0.75
WEAK_SYNONYM = 0.5
KEYWORD = 0.25
"""Confidence of a header read as a synonym, as starting with one, as a synonym that gives
way to a clearer column ("Item"), and by a keyword in it."""

KEYWORD_MAX_LENGTH = 60
KEYWORD_MAX_WORDS = 8
"""Longer cells are prose (a title row, a data cell), not headers: no keyword is looked for."""

_PREPOSITIONS = frozenset({"of", "for", "to", "on", "against", "in", "by", "from", "with", "at",
                           "per", "toward", "within", "under", "about", "into"})


@dataclass(frozen=True)
class HeaderMatch:
    """What a header names: a field, how sure, and how its column is read."""

    field: str | None
    confidence: float = 0.0
    part_of: bool = False
    """The column is a part of its field (Target, Partners involved): kept labelled."""
    alternative: str | None = None
    """For a weak synonym ("Item"): the field taken when another column names `field`."""
    how: str = ""
    """"synonym", "prefix", "keyword" or "mapping"; "" when nothing matched."""


NO_MATCH = HeaderMatch(None)


def _entries() -> list[tuple[str, HeaderMatch]]:
    entries = []
    for name, synonyms in SYNONYMS.items():
        for synonym in (*synonyms, name.replace("_", " ")):
            weak = WEAK.get(synonym)
            entries.append((synonym, HeaderMatch(
                name, WEAK_SYNONYM if weak else SYNONYM, synonym in PART_OF, weak, "synonym")))
    return entries


def _build_lookups() -> tuple[dict[str, HeaderMatch], dict[str, HeaderMatch]]:
    """Synonyms by their normalised form, and by their singular form.

    A synonym already singular wins its singular key, so "Partner" (the owner) keeps
    "partner" although "Partners" (the partners involved) is also a synonym.
    """
    exact: dict[str, HeaderMatch] = {}
    singular_forms: dict[str, HeaderMatch] = {}
    entries = _entries()
    for synonym, match in entries:
        exact.setdefault(normalise_header(synonym), match)
    for synonym, match in sorted(entries, key=lambda e: header_key(e[0]) != normalise_header(
            e[0])):
        singular_forms.setdefault(header_key(synonym), match)
    return exact, singular_forms


_LOOKUP, _SINGULAR = _build_lookups()
_PREFIXES = sorted(
    ((key, match) for key, match in _SINGULAR.items()
     if (len(key) >= 5 or " " in key) and match.alternative is None),
    key=lambda item: len(item[0]),
    reverse=True,
)


def _keyword_match(text: str, key: str) -> HeaderMatch:
    """The field named by the last keyword of a short header (before any "of", "for"...)."""
    words = key.split()
    if len(text) > KEYWORD_MAX_LENGTH or not words or len(words) > KEYWORD_MAX_WORDS:
        return NO_MATCH
    padded = f" {key} "
    for phrase, name in KEYWORD_PHRASES.items():
        if f" {phrase} " in padded:
            return HeaderMatch(name, KEYWORD, how="keyword")
    cut = next((i for i, word in enumerate(words) if i and word in _PREPOSITIONS), len(words))
    for part in (words[:cut], words[cut:]):
        for word in reversed(part):
            if word in KEYWORDS:
                return HeaderMatch(KEYWORDS[word], KEYWORD, word in PART_OF_KEYWORDS,
                                   how="keyword")
    return NO_MATCH


def match_detail(text: str) -> HeaderMatch:
    """What a header names: a synonym (as written, or with its words singular), a header
    starting with a synonym, else a keyword in a short header; NO_MATCH for nothing."""
    if not text or len(text) > 120:
        return NO_MATCH
    bare_text = _BRACKETED.sub(" ", text)
    keys = (normalise_header(text), normalise_header(bare_text))
    for key in keys:
        if key in _LOOKUP:
            return _LOOKUP[key]
    singular_keys = (header_key(text), header_key(bare_text))
    for key in singular_keys:
        if key in _SINGULAR:
            return _SINGULAR[key]
    for prefix, match in _PREFIXES:
        if singular_keys[0].startswith(prefix + " "):
            return replace(match, confidence=PREFIX, how="prefix")
    return _keyword_match(text, singular_keys[1] or singular_keys[0])


def match_header(text: str) -> tuple[str | None, float]:
    """(field, confidence): 1.0 for a synonym (either number: "Success measure" is "Success
    measures"), 0.75 when the header starts with one, 0.5 for a weak synonym ("Item"),
    0.25 for a keyword in a short header ("Q2 update" is progress); (None, 0.0) for none."""
    match = match_detail(text)
    return match.field, match.confidence


PRIMARY = "primary"
FURTHER = "further"
TAKEN = "taken"
IGNORED = "ignored"
UNKNOWN = "unknown"
BLANK = "blank"
"""How each column of the header row is read: the column of its field; a further column
of a field that takes several (its text added, labelled); not read because its field is
read from another column; not read because the mapping says to ignore it; not read
because its header names no field; no header."""


@dataclass
class HeaderChoice:
    """The chosen header row (0-based index) and each column's header and field.

    `fields` holds the field each column is read as (a further column shows its field too);
    None for a column that is not read. `roles` says how each column is read (PRIMARY,
    FURTHER, TAKEN, IGNORED, UNKNOWN or BLANK) and `wanted` the field a TAKEN column names.
    """

    index: int
    headers: list[str]
    fields: list[str | None]
    unmapped: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    wanted: list[str | None] = field(default_factory=list)
    keys: list[str] = field(init=False)

    def __post_init__(self) -> None:
        self.keys = [normalise_header(h) if h else "" for h in self.headers]

    @property
    def primary(self) -> dict[str, int]:
        """Field -> the column it is read from (its first column that is not a part)."""
        return {f: i for i, (f, role) in enumerate(zip(self.fields, self.roles, strict=True))
                if f is not None and role == PRIMARY}

    @property
    def further(self) -> list[int]:
        """The columns whose text is added to a field read from another column."""
        return [i for i, role in enumerate(self.roles) if role == FURTHER]


def _column_match(header: str, overrides: Mapping[str, str]) -> tuple[HeaderMatch, bool]:
    """(match, ignored): a mapping wins; naming the field matching gives it keeps its part."""
    key = header.lower()
    if key not in overrides:
        return match_detail(header), False
    name = overrides[key]
    if not name:
        return NO_MATCH, True
    automatic = match_detail(header)
    if automatic.field == name:
        return replace(automatic, confidence=SYNONYM, how="mapping"), False
    return HeaderMatch(name, SYNONYM, how="mapping"), False


def _roles(headers: Sequence[str], matches: list[HeaderMatch],
           ignored: list[bool]) -> tuple[list[str | None], list[str], list[str | None]]:
    """Each column's field (None when not read), role, and the field a TAKEN column names."""
    strong = {m.field for m in matches if m.field and m.alternative is None}
    wanted = [m.alternative if m.alternative and m.field in strong else m.field
              for m in matches]
    first: dict[str, int] = {}
    for index, (name, match) in enumerate(zip(wanted, matches, strict=True)):
        if name is not None and not match.part_of:
            first.setdefault(name, index)
    fields: list[str | None] = []
    roles: list[str] = []
    for index, name in enumerate(wanted):
        if name is None:
            fields.append(None)
            roles.append(BLANK if not headers[index] else IGNORED if ignored[index] else UNKNOWN)
        elif first.get(name) == index:
            fields.append(name)
            roles.append(PRIMARY)
        elif name in FURTHER_COLUMNS:
            fields.append(name)
            roles.append(FURTHER)
        else:
            fields.append(None)
            roles.append(TAKEN)
    return fields, roles, [w if r == TAKEN else None for w, r in zip(wanted, roles, strict=True)]


def _row_choice(index: int, row: Sequence[object],
                overrides: Mapping[str, str]) -> tuple[HeaderChoice, float, bool]:
    """The row read as a header: the choice, its score, and whether it can be the header.

    A row can be the header when at least one cell is a synonym or starts with one (or is
    mapped), and it has two recognised headers or one that names the action itself.
    """
    headers = [cell_text(value) for value in row]
    found = [_column_match(h, overrides) if h else (NO_MATCH, False) for h in headers]
    matches = [m for m, _ in found]
    fields, roles, wanted = _roles(headers, matches, [ignored for _, ignored in found])
    score = sum(m.confidence for m in matches)
    mapped = [m for m in matches if m.field]
    strong = [m for m in mapped if m.confidence >= WEAK_SYNONYM]
    names_action = any(m.field in ("title", "description") and not m.part_of for m in strong)
    usable = bool(strong) and (len(mapped) >= 2 or names_action)
    unmapped = [h for h, f in zip(headers, fields, strict=True) if h and f is None]
    choice = HeaderChoice(index, headers, fields, unmapped, roles, wanted)
    return choice, score, usable


def choose_header(
    rows: Sequence[Sequence[object]], overrides: Mapping[str, str]
) -> HeaderChoice | None:
    """The best header row among the first SEARCH_ROWS rows, or None when none scores.

    A row needs at least two recognised headers, or one that names the action
    itself (title or description), to count, and at least one of them must be a
    synonym (a keyword alone does not make a header). Ties go to the earlier row.
    """
    best: HeaderChoice | None = None
    best_score = 0.0
    for index, row in enumerate(rows[:SEARCH_ROWS]):
        choice, score, usable = _row_choice(index, row, overrides)
        if usable and score > best_score:
            best, best_score = choice, score
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
