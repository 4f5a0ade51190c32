"""Turn one data row (already split into mapped cells) into an ActionRecord.

Nothing a partner wrote is dropped silently: a value that cannot be parsed is
kept as text beside the empty parsed field, with a warning saying what was
expected. A row is rejected only when it has no action text at all.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from joinedup.ingest.categories import CATEGORY_EXPECTATION, CategoryMatcher
from joinedup.ingest.cells import cell_text, is_blank
from joinedup.ingest.dates import DATE_EXPECTATION, is_no_date, parse_period
from joinedup.ingest.fields import FURTHER_COLUMNS
from joinedup.ingest.leads import split_lead
from joinedup.ingest.milestones import MILESTONE_EXPECTATION, parse_milestones
from joinedup.ingest.money import (
    MONEY_EXPECTATION,
    Resourcing,
    is_statement_of_means,
    parse_money,
    parse_resourcing,
)
from joinedup.ingest.places import parse_places
from joinedup.ingest.population import POPULATION_EXPECTATION, parse_population_groups
from joinedup.ingest.priority_names import PriorityMatcher
from joinedup.ingest.records import ActionRecord, Location, Problem
from joinedup.ingest.status import STATUS_EXPECTATION, parse_status

TITLE_LENGTH = 120
_PLAIN_TEXT = ("reference", "description", "intended_outcome", "outcome_measures", "barriers",
               "barriers_mitigation", "resource_staff_time", "resource_funding_source",
               "resource_notes", "evidence")
_URL = re.compile(r"(?:https?://|www\.)[^\s<>\"']+", re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s")
_SHORT_PERIOD_DAYS = 31
_VALUE_KEYS = {"progress": "progress_note"}
"""The ActionRecord attribute of a field, where the names differ."""
_MONEY_WORDS = frozenset({"budget", "cost", "costs", "amount", "value", "spend", "gbp", "funding"})


@dataclass(frozen=True)
class FurtherColumn:
    """A further column of a field that takes several: its text is added, labelled."""

    field: str
    """The field the column is mapped to (FURTHER_COLUMNS says where its text goes)."""
    index: int
    header: str


@dataclass
class SheetContext:
    """What every row of one sheet shares: where it is and which column is which."""

    file: str
    sheet: str
    partner: str
    categories: CategoryMatcher
    columns: dict[str, int]
    headers: dict[str, str]
    priorities: PriorityMatcher = field(default_factory=PriorityMatcher)
    further: tuple[FurtherColumn, ...] = ()
    """Columns read into a field that `columns` already gives (or parts such as Target)."""

    @property
    def money_column(self) -> bool:
        """True when the resourcing column's header asks for money ("Budget", "Cost (£)").

        Free text under such a header is an amount that could not be read (warned);
        under "Resources" or "Resourcing" it is a legitimate note.
        """
        header = self.headers.get("resourcing", "")
        words = set(re.findall(r"[a-z]+", header.lower()))
        return "£" in header or bool(words & _MONEY_WORDS)

    @property
    def title_column(self) -> str | None:
        return self.headers.get("title") or self.headers.get("description")


@dataclass
class RowOutcome:
    record: ActionRecord | None
    warnings: list[Problem] = field(default_factory=list)
    rejection: Problem | None = None


class _Row:
    """One row being read: cell lookup plus the warnings it produces."""

    def __init__(self, cells: Sequence[object], number: int, ctx: SheetContext) -> None:
        self.cells = cells
        self.number = number
        self.ctx = ctx
        self.warnings: list[Problem] = []

    def raw(self, name: str) -> object:
        index = self.ctx.columns.get(name)
        if index is None or index >= len(self.cells):
            return None
        return self.cells[index]

    def text(self, name: str) -> str:
        return cell_text(self.raw(name))

    def text_at(self, index: int) -> str:
        return cell_text(self.cells[index]) if index < len(self.cells) else ""

    def location(self, name: str | None) -> Location:
        column = self.ctx.headers.get(name) if name else None
        return Location(self.ctx.file, self.ctx.sheet, self.number, column)

    def warn(self, name: str, message: str, value: object, *, header: str | None = None) -> None:
        location = self.location(name)
        if header is not None:
            location = Location(location.file, location.sheet, location.row, header)
        self.warnings.append(Problem(location, message, cell_text(value)[:500]))


def first_sentence(text: str) -> str:
    """The first sentence of a description, cut at a word boundary near TITLE_LENGTH."""
    sentence = _SENTENCE_END.split(text.strip(), maxsplit=1)[0].strip().splitlines()[0]
    if len(sentence) <= TITLE_LENGTH:
        return sentence
    cut = sentence[:TITLE_LENGTH].rsplit(" ", 1)[0]
    return (cut or sentence[:TITLE_LENGTH]).rstrip(" ,;:-") + "…"


def build_action(cells: Sequence[object], number: int, ctx: SheetContext) -> RowOutcome:
    """The record for one row, its warnings, or a rejection naming the row and column."""
    row = _Row(cells, number, ctx)
    values: dict[str, object] = {name: row.text(name) for name in _PLAIN_TEXT}
    title_column, title = _title(row)
    if not title and values["description"]:
        title = first_sentence(str(values["description"]))
    if not title:
        return RowOutcome(None, rejection=_rejection(row))
    values["title"] = title
    values["partner"] = row.text("partner") or ctx.partner
    _read_lead(row, values)
    _read_resources(row, values)
    _read_dates(row, values)
    _read_progress(row, values)
    _read_lists(row, values)
    _add_further(row, values, skip=title_column)
    _read_evidence(row, values)
    record = ActionRecord(**values, location=row.location(None))  # type: ignore[arg-type]
    return RowOutcome(record, row.warnings)


def _title(row: _Row) -> tuple[int | None, str]:
    """(further column used, title): the title column's text, else (when it is blank) the
    first further title column's ("Commitment" blank, "Deliverables" filled)."""
    title = row.text("title")
    if title:
        return None, title
    for column in row.ctx.further:
        if column.field == "title" and (text := row.text_at(column.index)):
            return column.index, text
    return None, ""


def _add_further(row: _Row, values: dict[str, object], *, skip: int | None) -> None:
    """Add each further column's text to its field as "Header: text" on a line of its own
    (after the field's own column); a further milestones column adds its milestones."""
    for column in row.ctx.further:
        text = row.text_at(column.index)
        if not text or column.index == skip:
            continue
        target = FURTHER_COLUMNS[column.field]
        if target == "milestones":
            milestones, doubtful = parse_milestones(text)
            for item in doubtful:
                row.warn("milestones", MILESTONE_EXPECTATION, item, header=column.header)
            values["milestones"] = (*values["milestones"], *milestones)  # type: ignore[misc]
            continue
        key = _VALUE_KEYS.get(target, target)
        line = f"{column.header}: {text}"
        values[key] = f"{values[key]}\n{line}" if values[key] else line


def _rejection(row: _Row) -> Problem:
    column = row.ctx.title_column
    filled = " | ".join(cell_text(v) for v in row.cells if not is_blank(v))
    return Problem(
        Location(row.ctx.file, row.ctx.sheet, row.number, column),
        f"no action text: expected the action in column '{column}'; the row was not imported",
        filled[:500],
    )


def _read_lead(row: _Row, values: dict[str, object]) -> None:
    name, role = split_lead(row.text("lead"))
    values["lead_name"] = row.text("lead_name") or name
    values["lead_role"] = row.text("lead_role") or role


def _read_resources(row: _Row, values: dict[str, object]) -> None:
    amount_text = ""
    amount = None
    mixed = row.raw("resourcing")
    if not is_blank(mixed):
        parts = parse_resourcing(mixed)
        amount = parts.amount
        if (parts.notes and amount is None and not parts.staff_time and row.ctx.money_column
                and not is_statement_of_means(parts.notes)):
            amount_text = parts.notes
            row.warn("resourcing", MONEY_EXPECTATION, mixed)
            parts = Resourcing()
        for key, part in (("resource_staff_time", parts.staff_time),
                          ("resource_funding_source", parts.funding_source),
                          ("resource_notes", parts.notes)):
            if part and not values[key]:
                values[key] = part
    cell = row.raw("resource_amount")
    if not is_blank(cell):
        amount = parse_money(cell)
        if amount is None:
            amount_text = cell_text(cell)
            row.warn("resource_amount", MONEY_EXPECTATION, cell)
    values["resource_amount"] = amount
    values["resource_amount_text"] = amount_text


def _date_cell(row: _Row, name: str, *, end: bool) -> tuple[object, str]:
    """(date or None, text kept) for a start/end/progress-date cell."""
    cell = row.raw(name)
    if is_blank(cell):
        return None, ""
    period = parse_period(cell)
    if period is not None:
        return (period[1] if end else period[0]), ""
    text = cell_text(cell)
    if not is_no_date(text):
        row.warn(name, DATE_EXPECTATION, cell)
    return None, text


def _read_dates(row: _Row, values: dict[str, object]) -> None:
    start, start_text = _date_cell(row, "start", end=False)
    end, end_text = _date_cell(row, "end", end=True)
    cell = row.raw("timeline")
    if not is_blank(cell):
        period = parse_period(cell)
        if period is None:
            text = cell_text(cell)
            if not is_no_date(text):
                row.warn("timeline", DATE_EXPECTATION, cell)
            if not end and not end_text:
                end_text = text
        else:
            first, last = period
            if (last - first).days > _SHORT_PERIOD_DAYS and not start and not start_text:
                start = first
            if not end and not end_text:
                end = last
    values["start_date"], values["start_text"] = start, start_text
    values["end_date"], values["end_text"] = end, end_text
    values["progress_date"], _ = _date_cell(row, "progress_date", end=True)
    milestones_text = row.text("milestones")
    milestones, doubtful = parse_milestones(milestones_text) if milestones_text else ((), [])
    for item in doubtful:
        row.warn("milestones", MILESTONE_EXPECTATION, item)
    values["milestones"] = milestones


def _read_progress(row: _Row, values: dict[str, object]) -> None:
    notes: list[str] = []
    status = ""
    status_text = row.text("status")
    if status_text:
        code = parse_status(status_text)
        if code is None:
            row.warn("status", STATUS_EXPECTATION, status_text)
            notes.append(status_text)
        else:
            status = code
    progress = row.text("progress")
    if progress:
        notes.append(progress)
        if "status" not in row.ctx.columns:
            status = parse_status(progress) or ""
    values["status"] = status
    values["progress_note"] = "\n".join(notes)


def _read_lists(row: _Row, values: dict[str, object]) -> None:
    cell = row.raw("priorities")
    numbers: tuple[int, ...] = ()
    if not is_blank(cell):
        numbers, complete = row.ctx.priorities.match(cell)
        if not complete:
            row.warn("priorities", row.ctx.priorities.expectation, cell)
            _keep_as_written(row, values, "priorities")
    values["priority_numbers"] = numbers
    text = row.text("categories")
    categories, matched = row.ctx.categories.match(text)
    if not matched:
        names = "; ".join(row.ctx.categories.categories)
        row.warn("categories", CATEGORY_EXPECTATION.format(names=names), text)
        _keep_as_written(row, values, "categories")
    values["categories"] = categories
    text = row.text("population_groups")
    groups, matched = parse_population_groups(text)
    if not matched:
        row.warn("population_groups", POPULATION_EXPECTATION, text)
        _keep_as_written(row, values, "population_groups")
    values["population_groups"] = groups
    text = row.text("places")
    values["whole_area"], values["area_codes"], values["places_text"] = parse_places(text)


def _keep_as_written(row: _Row, values: dict[str, object], name: str) -> None:
    """A cell that could not be read in full is added to the description as
    "Header: text", so what the partner wrote is kept (and can be analysed)."""
    text = row.text(name)
    if not text:
        return
    line = f"{row.ctx.headers.get(name, name)}: {text}"
    values["description"] = f"{values['description']}\n{line}" if values["description"] else line


def _read_evidence(row: _Row, values: dict[str, object]) -> None:
    links = [item.strip(".,;)") for item in re.split(r"[\s;,]+", row.text("evidence_links"))]
    links += [m.group(0).rstrip(".,;)") for m in _URL.finditer(str(values["evidence"]))]
    values["evidence_links"] = tuple(dict.fromkeys(link for link in links if link))
