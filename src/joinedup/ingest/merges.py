"""Merged cells in the data rows of a sheet.

Partners merge a cell down over several rows in two ways: a lead, priority or
theme shared by a group of actions (each action should get the value), or one
action whose cell spans several rows of measures or milestones (the rows are
one action). So merges in the action column group rows into one action, and
merges in any other column are filled down.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from joinedup.ingest.cells import cell_text, is_blank
from joinedup.ingest.sources import Merge, Rows


def fill_down(rows: Rows, merges: Sequence[Merge], *, first_row: int, skip_column: int) -> None:
    """Copy each vertical merge's top value into the rows below it (in place)."""
    for (top, column), (bottom, _) in merges:
        if bottom <= top or top < first_row or column == skip_column or top >= len(rows):
            continue
        value = rows[top][column] if column < len(rows[top]) else None
        for index in range(top + 1, min(bottom, len(rows) - 1) + 1):
            row = rows[index]
            if column < len(row) and is_blank(row[column]):
                row[column] = value


def _combine(group: Sequence[Sequence[object]]) -> list[object]:
    """One row from several: a lone value is kept as is, several are joined by lines."""
    width = max(len(row) for row in group)
    combined: list[object] = []
    for column in range(width):
        values = [row[column] for row in group if column < len(row) and not is_blank(row[column])]
        if len(values) <= 1:
            combined.append(values[0] if values else None)
        else:
            texts = list(dict.fromkeys(cell_text(v) for v in values))
            combined.append(texts[0] if len(texts) == 1 else "\n".join(texts))
    return combined


def action_rows(
    rows: Rows, merges: Sequence[Merge], *, first_row: int, action_column: int
) -> Iterator[tuple[int, list[object]]]:
    """(0-based index, cells) for each data row, rows under one merged action cell combined."""
    spans = {top: bottom for (top, column), (bottom, _) in merges
             if column == action_column and bottom > top and top >= first_row}
    index = first_row
    while index < len(rows):
        bottom = spans.get(index)
        if bottom is None:
            yield index, rows[index]
            index += 1
        else:
            yield index, _combine(rows[index:bottom + 1])
            index = bottom + 1
