"""The rules every strategy form shares, and the readers of the plain-text and CSV forms.

A strategy file is read into drafts (priorities and themes in the order written,
each knowing where it was written); `Collector.build` then numbers them and
checks them the same way whatever the form:

- either every priority has a number or none has (then they are numbered 1, 2,
  3... in the order written); numbers are whole numbers of 1 or more, each used once;
- each priority name is given once (ignoring case and repeated spaces), except
  that a theme may list a priority given earlier by repeating its name alone;
- a theme lists each priority once.

Forms read here (see joinedup.ingest.strategy for YAML):

- text (.txt, .md): one priority per line; see `read_text_strategy`;
- CSV (.csv, .tsv): a header row, then one priority per row; see `read_csv_strategy`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from joinedup.ingest.categories import DEFAULT_CATEGORIES
from joinedup.ingest.records import PriorityRecord, StrategyRecord, ThemeRecord


class InvalidStrategy(Exception):
    """Where in the file the problem is (a document path, a line or a row) and what was expected."""

    def __init__(self, where: str, expected: str, *, row: int | None = None,
                 column: str | None = None) -> None:
        super().__init__(f"{where}: {expected}" if where else expected)
        self.where = where
        self.expected = expected
        self.row = row
        self.column = column


@dataclass(frozen=True)
class Place:
    """Where an entry was written: a YAML path (and line), a text line, or a CSV row and column."""

    label: str
    line: int | None = None
    row: int | None = None
    column: str | None = None

    def describe(self) -> str:
        return f"{self.label} (line {self.line})" if self.line is not None else self.label

    def invalid(self, expected: str) -> InvalidStrategy:
        if self.row is not None:
            return InvalidStrategy(f"row {self.row}, column '{self.column}'", expected,
                                   row=self.row, column=self.column)
        return InvalidStrategy(self.describe(), expected)


@dataclass
class PriorityDraft:
    place: Place
    name: str
    number: int | None = None
    description: str = ""
    number_place: Place | None = None
    """Where the number was (or would be) written, when that differs from `place`."""


@dataclass
class ThemeDraft:
    place: Place
    name: str
    description: str = ""
    members: list[tuple[Place, PriorityDraft | int]] = field(default_factory=list)
    """Priorities in the order listed: a draft, or a number referring to one."""


def name_key(name: str) -> str:
    """Names are the same priority when they differ only in case and spacing."""
    return " ".join(name.split()).casefold()


NUMBERING_EXPECTATION = ("expected a number for every priority or for none (then they are "
                         "numbered 1, 2, 3... in the order written)")


class Collector:
    """Priorities and themes as read, in document order; `build` numbers and checks them."""

    def __init__(self) -> None:
        self.priorities: list[PriorityDraft] = []
        self.themes: list[ThemeDraft] = []
        self._named: dict[str, PriorityDraft] = {}

    def define(self, draft: PriorityDraft) -> PriorityDraft:
        """A new priority; an error if its name was given before."""
        other = self._named.get(name_key(draft.name))
        if other is not None:
            raise draft.place.invalid(
                f"'{draft.name}' was already given at {_named(other, draft)}; expected each "
                "priority name once (names are compared ignoring case)")
        self._named[name_key(draft.name)] = draft
        self.priorities.append(draft)
        return draft

    def mention(self, draft: PriorityDraft) -> PriorityDraft:
        """A priority listed under a theme: the one given earlier with that name, else a new one."""
        other = self._named.get(name_key(draft.name))
        if other is None:
            return self.define(draft)
        if draft.number not in (None, other.number) or draft.description not in (
                "", other.description):
            differs = "number" if draft.number not in (None, other.number) else "description"
            raise draft.place.invalid(
                f"'{draft.name}' was already given at {_named(other, draft)} with a different "
                f"{differs}; expected each priority name once, or the name alone (or with the "
                "same number and description) to list that priority under another theme")
        return other

    def build(self, name: str, categories: tuple[str, ...]) -> StrategyRecord:
        drafts = self.priorities
        numbered = [d for d in drafts if d.number is not None]
        if numbered and len(numbered) < len(drafts):
            first = next(d for d in drafts if d.number is None)
            raise (first.number_place or first.place).invalid(
                f"'{first.name}' has no number, but {numbered[0].place.describe()} has one "
                f"({numbered[0].number}); {NUMBERING_EXPECTATION}")
        numbers = [d.number for d in numbered] if numbered else range(1, len(drafts) + 1)
        by_number: dict[int, PriorityDraft] = {}
        number_of: dict[int, int] = {}
        for draft, number in zip(drafts, numbers, strict=True):
            assert number is not None
            at = draft.number_place or draft.place
            if number < 1:
                raise at.invalid(f"expected a whole number of 1 or more, found {number}")
            if number in by_number:
                raise at.invalid(f"priority number {number} is already used by "
                                 f"{by_number[number].place.describe()}; expected each number once")
            by_number[number] = draft
            number_of[id(draft)] = number
        themes = tuple(self._theme(t, by_number, number_of) for t in self.themes)
        priorities = tuple(PriorityRecord(number_of[id(d)], d.name, d.description) for d in drafts)
        return StrategyRecord(name, tuple(categories), priorities, themes)

    @staticmethod
    def _theme(theme: ThemeDraft, by_number: dict[int, PriorityDraft],
               number_of: dict[int, int]) -> ThemeRecord:
        listed: dict[int, tuple[Place, bool]] = {}
        numbers: list[int] = []
        for place, member in theme.members:
            if isinstance(member, int):
                if member not in by_number:
                    known = ", ".join(str(n) for n in by_number) or "none"
                    raise place.invalid(f"priority {member} is not one of the strategy's "
                                        f"priorities; expected one of: {known}")
                number, by_reference = member, True
            else:
                number, by_reference = number_of[id(member)], False
            earlier = listed.get(number)
            # Repeating a number in a theme's list was always accepted; repeating a name is not.
            if earlier is not None and not (by_reference and earlier[1]):
                raise place.invalid(
                    f"priority {number} ({by_number[number].name}) is already listed in theme "
                    f"'{theme.name}' at {earlier[0].describe()}; expected each priority once per "
                    "theme")
            listed.setdefault(number, (place, by_reference))
            numbers.append(number)
        return ThemeRecord(theme.name, tuple(numbers), theme.description)


def _named(other: PriorityDraft, draft: PriorityDraft) -> str:
    where = other.place.describe()
    return where if other.name == draft.name else f"{where} ('{other.name}')"


# "Priority 3: Ageing well", "Priority 3 - Ageing well", "Priority no. 3 Ageing well".
_PRIORITY_PREFIX = re.compile(
    r"priority\s*(?:no\.?\s*)?(\d+)(?:\s*[.):]\s*|\s*[-–—]\s+|\s+|$)", re.IGNORECASE)
# "3. Ageing well", "3) Ageing well", "(3) Ageing well", "3: Ageing well", "3 - Ageing well";
# not "3.5 million homes", "24:7 support", "5 a day" or "10-minute walk".
_NUMBER_PREFIX = re.compile(r"\((\d+)\)\s*|(\d+)(?:\.(?!\d)\s*|\)\s*|\s*:(?:\s+|$)|\s*[-–—]\s+|$)")
_DESCRIPTION = re.compile(r"\s+[-–—]\s+|:\s+")


def split_number(text: str) -> tuple[int | None, str]:
    """'3. Ageing well' -> (3, 'Ageing well'); text with no leading number -> (None, text)."""
    text = text.strip()
    match = _PRIORITY_PREFIX.match(text) or _NUMBER_PREFIX.match(text)
    if match is None:
        return None, text
    digits = next(group for group in match.groups() if group is not None)
    return int(digits), text[match.end():].strip()


def split_description(text: str) -> tuple[str, str]:
    """'Ageing well - Older people stay well' -> ('Ageing well', 'Older people stay well')."""
    match = _DESCRIPTION.search(text)
    if match is None:
        return text.strip(), ""
    return text[:match.start()].strip(), text[match.end():].strip()


def priority_from_text(text: str, place: Place, *, description: bool) -> PriorityDraft:
    """A priority written as text: an optional leading number, the name and (when
    `description`) an optional description after ' - ', ' – ', ' — ' or ': '."""
    number, rest = split_number(text)
    name, about = split_description(rest) if description else (rest, "")
    if not name and number is not None:
        raise place.invalid(f"expected a priority name after the number, found '{text.strip()}'")
    return PriorityDraft(place, _checked(name, place, text), number, about)


def _checked(name: str, place: Place, written: str | None = None) -> str:
    """A name written in a short form: some letters or digits, spaces as one."""
    if not any(c.isalnum() for c in name):
        raise place.invalid(f"expected a priority name, found '{(written or name).strip()}'")
    return " ".join(name.split())


# Plain text -----------------------------------------------------------------------------------

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown"})

_HEADING = re.compile(r"(#{1,6})(?:\s+(.*?))?(?:\s+#+)?\s*")
_BULLET = re.compile(r"[-*+]\s+|[•·▪◦]\s*")
_NAME_LINE = re.compile(r"(?:name|strategy|title)\s*:(.*)", re.IGNORECASE)
_RULE = re.compile(r"(?:[-=*_]\s*){3,}")

_NESTED = ("this line is indented under the line above; expected one priority per line with no "
           "nesting (a description goes on the same line after ' - ', and a theme is a heading "
           "line such as '# Start well')")


def read_text_strategy(text: str, default_name: str) -> StrategyRecord:
    """The strategy in a plain-text or Markdown file.

    - One priority per non-empty line, after an optional bullet (-, *, +, •) and an
      optional number ("3. ", "3) ", "Priority 3: ", "Priority 3 - "); a description
      may follow the name after " - ", " – ", " — " or ": ".
    - A Markdown heading line (# ..., ## ...) starts a theme holding the priorities
      below it, up to the next heading. Repeating a priority's name alone under a
      second heading puts that priority under both themes.
    - The strategy's name: a first line "Name: X", "Strategy: X" or "Title: X"; or a
      first line "# X" when no other line is a level-1 heading (then the themes are
      the ## headings); otherwise `default_name`.
    - Lines made only of ---, *** or ___ are separators and are skipped.
    """
    lines = [line.expandtabs(4).rstrip() for line in text.splitlines()]
    content = [n for n, line in enumerate(lines, 1)
               if line.strip() and not _RULE.fullmatch(line.strip())]
    level_one = [n for n in content
                 if (m := _HEADING.fullmatch(lines[n - 1].strip())) and len(m[1]) == 1]
    name, title_line = default_name, None
    if content:
        first = content[0]
        first_text = lines[first - 1].strip()
        named = _NAME_LINE.fullmatch(first_text)
        if named or level_one == [first]:
            heading = _HEADING.fullmatch(first_text)
            name = (named[1] if named else (heading[2] if heading else None) or "").strip()
            if not name:
                raise InvalidStrategy(f"line {first}",
                                      "expected the strategy's name, as in 'Name: Our strategy'")
            title_line = first
    collector = Collector()
    theme: ThemeDraft | None = None
    indent: int | None = None
    previous: int | None = None
    for n, line in enumerate(lines, 1):
        text_ = line.strip()
        place = Place(f"line {n}")
        if not text_ or n == title_line:
            previous = None
            continue
        if _RULE.fullmatch(text_):
            if previous == n - 1 and text_[0] in "=-" and set(text_.replace(" ", "")) == {text_[0]}:
                raise place.invalid(
                    f"a line of '{text_[0]}' under a line makes that line a heading in Markdown; "
                    f"expected '# {lines[n - 2].strip()}' to start a theme, or no such line")
            previous = None
            continue
        heading = _HEADING.fullmatch(text_)
        if heading:
            _close(theme)
            theme_name, about = split_description(heading[2] or "")
            if not theme_name:
                raise place.invalid("expected a theme name after the '#'")
            theme = ThemeDraft(place, theme_name, about)
            collector.themes.append(theme)
            indent = previous = None
            continue
        bullet = _BULLET.match(text_)
        body = text_[bullet.end():] if bullet else text_
        if body.endswith(":"):
            raise place.invalid(
                f"found '{text_}', which reads as a heading; expected a priority (a description "
                f"follows the name after ' - ' or ': '), or '# {body[:-1].strip()}' to start a theme")
        depth = len(line) - len(line.lstrip())
        if indent is not None and depth > indent:
            raise place.invalid(_NESTED)
        indent = depth
        draft = priority_from_text(body, place, description=True)
        if theme is None:
            collector.define(draft)
        else:
            theme.members.append((place, collector.mention(draft)))
        previous = n
    _close(theme)
    if not collector.priorities:
        raise InvalidStrategy("", "no priorities found; expected one priority per line")
    return collector.build(name, DEFAULT_CATEGORIES)


def _close(theme: ThemeDraft | None) -> None:
    if theme is not None and not theme.members:
        raise theme.place.invalid(
            f"the heading '{theme.name}' has no priorities under it; expected one or more "
            "priority lines below each heading (headings cannot be nested)")


# CSV ------------------------------------------------------------------------------------------

CSV_SUFFIXES = frozenset({".csv", ".tsv"})

_COLUMNS = {
    "number": "number", "no": "number", "#": "number", "priority number": "number",
    "name": "name", "priority": "name", "priority name": "name",
    "description": "description",
    "theme": "theme", "theme name": "theme", "themes": "theme",
}
_COLUMN_EXPECTATION = "number (optional), name or priority, description (optional), theme (optional)"


def read_csv_strategy(rows: list[list[object]], default_name: str) -> StrategyRecord:
    """The strategy in CSV rows: a header row, then one priority per row.

    Columns: number (optional), name (or priority), description (optional) and theme
    (optional). Priorities with the same theme form that theme, themes in the order
    first seen; a theme cell may name several themes separated by ';', and a row
    repeating a priority's name (alone, or with the same number and description)
    under another theme puts that priority under both. With no number in the number
    column, a leading number in the name ("3. Ageing well") is the number. Row
    numbers count every line of the file, the header included (as a spreadsheet
    shows them).
    """
    cells = [["" if c is None else str(c).strip() for c in row] for row in rows]
    top = next((i for i, row in enumerate(cells) if any(row)), None)
    if top is None:
        raise InvalidStrategy("", f"the file is empty; expected a header row with the columns "
                                  f"{_COLUMN_EXPECTATION}, then one priority per row")
    columns, titles = _header(cells[top], top + 1)
    collector = Collector()
    themes: dict[str, ThemeDraft] = {}
    for index in range(top + 1, len(cells)):
        row, n = cells[index], index + 1
        if not any(row):
            continue
        for j, value in enumerate(row):
            if value and j not in titles:
                raise InvalidStrategy(
                    f"row {n}, column {_letter(j)}", "this value has no column heading; "
                    f"expected values only under the headed columns ({_COLUMN_EXPECTATION})",
                    row=n, column=_letter(j))

        def cell(key: str, row: list[str] = row) -> str:
            j = columns.get(key)
            return row[j] if j is not None and j < len(row) else ""

        def place(key: str, n: int = n) -> Place:
            return Place(f"row {n}", row=n, column=titles[columns[key]])

        number_place = place("number") if "number" in columns else None
        if not cell("name"):
            raise place("name").invalid("expected the priority's name (this row has other values)")
        if cell("number"):
            assert number_place is not None
            if not re.fullmatch(r"\d+(?:\.0*)?", cell("number")):
                raise number_place.invalid(
                    f"expected a whole number of 1 or more, found '{cell('number')}'")
            # The number column gives the number; the name is kept as written.
            draft = PriorityDraft(place("name"), _checked(cell("name"), place("name")),
                                  int(cell("number").split(".")[0]))
        else:
            draft = priority_from_text(cell("name"), place("name"), description=False)
        draft.description = cell("description")
        draft.number_place = number_place
        theme_names = [t.strip() for t in cell("theme").split(";") if t.strip()]
        if not theme_names:
            collector.define(draft)
            continue
        priority = collector.mention(draft)
        for theme_name in theme_names:
            theme = themes.get(name_key(theme_name))
            if theme is None:
                theme = themes[name_key(theme_name)] = ThemeDraft(place("theme"), theme_name)
                collector.themes.append(theme)
            theme.members.append((place("name"), priority))
    if not collector.priorities:
        raise InvalidStrategy(f"row {top + 1}", "no priorities found; expected one priority per "
                                                "row below the header row", row=top + 1)
    return collector.build(default_name, DEFAULT_CATEGORIES)


def _header(header: list[str], n: int) -> tuple[dict[str, int], dict[int, str]]:
    columns: dict[str, int] = {}
    titles: dict[int, str] = {}
    for j, title in enumerate(header):
        if not title:
            continue
        key = _COLUMNS.get(" ".join(title.lower().rstrip(".").split()))
        if key is None:
            raise InvalidStrategy(
                f"row {n}, column '{title}'", f"this column would not be read; expected only "
                f"the columns {_COLUMN_EXPECTATION}", row=n, column=title)
        if key in columns:
            raise InvalidStrategy(
                f"row {n}, column '{title}'", f"'{title}' and '{titles[columns[key]]}' are both "
                f"the {key} column; expected one (a column of priority numbers is headed "
                "'number')", row=n, column=title)
        columns[key] = j
        titles[j] = title
    if "name" not in columns:
        found = ", ".join(f"'{t}'" for t in header if t) or "nothing"
        raise InvalidStrategy(f"row {n}", f"expected a header row with a column headed name (or "
                                          f"priority); found {found}", row=n)
    return columns, titles


def _letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters
