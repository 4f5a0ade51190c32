"""Giving every action read from a plan a reference, even when the plan has none.

A plan's own reference column (`Ref`, `ID`, `No.`) is the best key; without
one, the 1-based data row number of its sheet (counted from the row under the
header) is used, so re-imports and reports can still name each action. When a
file has several sheets (or a Word document several tables), row numbers
repeat, so the sheet's name goes in front: "Housing:3".
"""

from __future__ import annotations

import dataclasses

from joinedup.ingest.reader import PlanReadResult
from joinedup.ingest.records import ActionRecord


def row_reference(record: ActionRecord, header_rows: dict[str | None, int]) -> str:
    if record.reference:
        return record.reference
    loc = record.location
    if loc is None or loc.row is None:
        return ""
    number = loc.row - header_rows.get(loc.sheet, 0)
    return f"{loc.sheet}:{number}" if len(header_rows) > 1 else str(number)


def referenced(result: PlanReadResult) -> list[ActionRecord]:
    """The result's actions, each with its own reference or its data row number."""
    header_rows = {s.sheet: s.header_row for s in result.sheets}
    return [
        record if record.reference
        else dataclasses.replace(record, reference=row_reference(record, header_rows))
        for record in result.actions
    ]
