"""read_plan: one partner's action plan file -> action records, warnings, rejections."""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from joinedup.ingest.actions import FurtherColumn, SheetContext, build_action
from joinedup.ingest.categories import DEFAULT_CATEGORIES, CategoryMatcher
from joinedup.ingest.cells import is_blank
from joinedup.ingest.errors import IngestError, file_error
from joinedup.ingest.headers import SEARCH_ROWS, choose_header, is_repeated_header
from joinedup.ingest.headers import validate_overrides as _validate_overrides
from joinedup.ingest.merges import action_rows, fill_down
from joinedup.ingest.priority_names import PriorityMatcher
from joinedup.ingest.records import ActionRecord, Location, Problem
from joinedup.ingest.sections import SectionHeading, section_heading
from joinedup.ingest.sources import SheetSource, open_sheets
from joinedup.ingest.unread import unread_columns

_EXAMPLE_HEADERS = "Action, Lead, By when, Outcome measures, Progress"


@dataclass
class SheetMapping:
    """What was chosen for one sheet: the header row and each column's field."""

    sheet: str
    header_row: int
    columns: list[tuple[str, str | None]]
    unmapped: list[str]
    title_from: str = "title"
    """"title", or "description" when titles are the description's first sentence."""
    further: list[str] = field(default_factory=list)
    """Headers of further columns: their text is added, labelled, to their field's own."""


@dataclass
class PlanReadResult:
    actions: list[ActionRecord] = field(default_factory=list)
    rejected: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    skipped_blank: int = 0
    skipped_headers: int = 0
    section_rows: int = 0
    sheets: list[SheetMapping] = field(default_factory=list)

    @property
    def rows_read(self) -> int:
        """Data rows looked at below the header rows, whatever became of them."""
        return (len(self.actions) + len(self.rejected) + self.skipped_blank
                + self.skipped_headers + self.section_rows)


def read_plan(
    path: str | os.PathLike[str],
    *,
    sheet: str | None = None,
    mapping: Mapping[str, str] | None = None,
    partner: str | None = None,
    categories: Sequence[str] = DEFAULT_CATEGORIES,
    priorities: Sequence[tuple[int, str]] = (),
) -> PlanReadResult:
    """Read every sheet (or only `sheet`) of a partner's plan.

    `priorities` are the strategy's (number, name) pairs: given them, a
    priority cell may name priorities in words as well as by number.

    Raises IngestError for file-level failures: missing or unreadable file,
    unsupported type, no header row, no action column. When reading every
    sheet of a workbook, a sheet without a usable header (a notes or contents
    sheet) is skipped with a warning; the error is raised only when no sheet
    is usable.
    """
    name = Path(path).name
    overrides = _validate_overrides(mapping, name)
    sources = open_sheets(path)
    if sheet is not None:
        sources = _only(sources, sheet, name)
    if not sources:
        raise file_error(name, "the workbook has no sheets; expected at least one sheet")
    result = PlanReadResult()
    matcher = CategoryMatcher(tuple(categories))
    priority_matcher = PriorityMatcher(priorities)
    failures: list[IngestError] = []
    strict = len(sources) == 1
    for source in sources:
        try:
            _read_sheet(source, name, overrides, partner or "", matcher, result,
                        priority_matcher)
        except IngestError as error:
            if strict:
                raise
            failures.append(error)
    if not result.sheets:
        raise failures[0]
    result.warnings.extend(error.problem for error in failures
                           if not error.problem.message.startswith("the sheet is empty"))
    result.warnings.extend(_unused_mapping(overrides, result.sheets, name))
    return result


def _unused_mapping(
    overrides: Mapping[str, str], sheets: list[SheetMapping], name: str
) -> list[Problem]:
    """A warning for each mapping key that names no header, so a typo does not pass unseen."""
    seen = {header.lower() for mapping in sheets for header, _ in mapping.columns}
    headers = ", ".join(dict.fromkeys(h for m in sheets for h, _ in m.columns))
    return [
        Problem(Location(name), f"the mapping names column '{key}', which is not a header in "
                                f"the sheets read; expected one of: {headers}", key)
        for key in overrides if key not in seen
    ]


def _only(sources: list[SheetSource], sheet: str, name: str) -> list[SheetSource]:
    chosen = [s for s in sources if s.name == sheet] or [
        s for s in sources if s.name.strip().lower() == sheet.strip().lower()]
    if not chosen:
        names = ", ".join(f"'{s.name}'" for s in sources)
        raise file_error(name, f"there is no sheet named '{sheet}'; expected one of: {names}",
                         sheet=sheet)
    return chosen[:1]


def _read_sheet(
    source: SheetSource,
    name: str,
    overrides: Mapping[str, str],
    partner: str,
    matcher: CategoryMatcher,
    result: PlanReadResult,
    priorities: PriorityMatcher,
) -> None:
    data = source.load()
    rows = data.rows
    if not any(not is_blank(v) for row in rows[:SEARCH_ROWS] for v in row):
        raise file_error(name, "the sheet is empty; expected a header row and action rows",
                         sheet=source.name)
    choice = choose_header(rows, overrides)
    if choice is None:
        raise file_error(
            name,
            f"no header row found in the first {SEARCH_ROWS} rows; expected a row naming "
            f"the columns, such as {_EXAMPLE_HEADERS}",
            sheet=source.name,
        )
    columns = choice.primary
    headers = {f: choice.headers[i] for f, i in columns.items()}
    if "title" not in columns and "description" not in columns:
        found = ", ".join(f"'{h}'" for h in choice.headers if h)
        raise file_error(
            name,
            f"no column holds the action itself; expected a column headed Action, Actions, "
            f"Task, Activity, Title or Description (row {choice.index + 1} has: {found}); "
            "or pass a mapping such as {'<your header>': 'title'}",
            sheet=source.name,
        )
    result.sheets.append(SheetMapping(
        sheet=source.name,
        header_row=choice.index + 1,
        columns=[(h, f) for h, f in zip(choice.headers, choice.fields, strict=True) if h],
        unmapped=choice.unmapped,
        title_from="title" if "title" in columns else "description",
        further=[choice.headers[i] for i in choice.further],
    ))
    further = tuple(FurtherColumn(choice.fields[i] or "", i, choice.headers[i])
                    for i in choice.further)
    ctx = SheetContext(name, source.name, partner, matcher, columns, headers, priorities,
                       further)
    action_column = columns.get("title", columns.get("description", 0))
    # Where an action's text can be: a row with text only elsewhere is a heading or a note.
    action_columns = {columns[f] for f in ("title", "description") if f in columns} | {
        c.index for c in further if c.field in ("title", "description")}
    first_column = next((i for i, h in enumerate(choice.headers) if h), 0)
    section = _sheet_priorities(source.name, priorities, ctx, result)
    first_row = choice.index + 1
    if data.merges:
        fill_down(rows, data.merges, first_row=first_row, skip_column=action_column)
    not_data: set[int] = set()
    first_warning = len(result.warnings)
    for index, cells in action_rows(rows, data.merges, first_row=first_row,
                                    action_column=action_column):
        offset = index + 1
        if all(is_blank(v) for v in cells):
            result.skipped_blank += 1
            continue
        if is_repeated_header(cells, choice):
            result.skipped_headers += 1
            not_data.add(index)
            continue
        heading = section_heading(cells, priorities, action_columns, first_column)
        if heading is not None:
            not_data.add(index)
            section = heading.priorities
            result.section_rows += 1
            result.warnings.append(_section_note(heading, priorities, ctx, offset,
                                                 choice.headers))
            continue
        outcome = build_action(cells, offset, ctx)
        result.warnings.extend(outcome.warnings)
        if outcome.record is None:
            assert outcome.rejection is not None
            result.rejected.append(outcome.rejection)
        elif section and not outcome.record.priority_numbers:
            result.actions.append(replace(outcome.record, priority_numbers=section))
        else:
            result.actions.append(outcome.record)
    data_rows = [row for i, row in enumerate(rows[first_row:], start=first_row)
                 if i not in not_data]
    unread = unread_columns(choice, data_rows, ctx.file, ctx.sheet)
    if unread is not None:  # said before the sheet's row warnings: it is about every row
        result.warnings.insert(first_warning, unread)


def _named(heading: SectionHeading, priorities: PriorityMatcher) -> str:
    """The heading's priorities as "3 Ageing well, 5 Healthy places" (numbers alone if unknown)."""
    names = dict(priorities.priorities)
    return ", ".join(f"{n} {names[n]}" if n in names else str(n) for n in heading.priorities)


def _sheet_priorities(sheet: str, priorities: PriorityMatcher, ctx: SheetContext,
                      result: PlanReadResult) -> tuple[int, ...]:
    """A sheet named after priorities ("Ageing well") gives them to its actions that give none."""
    heading = section_heading([sheet], priorities)
    if heading is None or not heading.priorities:
        return ()
    result.warnings.append(Problem(
        Location(ctx.file, ctx.sheet), f"the sheet's name reads as a priority: its actions that "
        f"give no priority are given priority {_named(heading, priorities)}", sheet))
    return heading.priorities


def _section_note(heading: SectionHeading, priorities: PriorityMatcher, ctx: SheetContext,
                  row: int, headers: Sequence[str]) -> Problem:
    """Say that a row was read as a heading, and what it means for the rows below."""
    if heading.priorities:
        what = (f"read as a section heading, not an action: the actions below it that give "
                f"no priority are given priority {_named(heading, priorities)}")
    else:
        what = ("read as a section heading, not an action; it names no priority of the "
                "strategy, so the actions below it keep only the priorities they give")
    column = headers[heading.column] if heading.column < len(headers) else None
    return Problem(Location(ctx.file, ctx.sheet, row, column or None), what, heading.text)


__all__ = ["Location", "PlanReadResult", "SheetMapping", "read_plan"]
