"""The columns of a sheet that are not read, said in one warning per sheet.

A column is not read when its header names no field, when the mapping says to
ignore it, when its field is one a single column gives (a date, a status, the
lead...) and an earlier column already gives it, or when it has no header but
holds data. Nothing is dropped without the person importing being told which
columns and how to have them read.
"""

from __future__ import annotations

from collections.abc import Sequence

from joinedup.ingest.cells import is_blank
from joinedup.ingest.headers import BLANK, IGNORED, TAKEN, UNKNOWN, HeaderChoice
from joinedup.ingest.records import Location, Problem

HOW_TO_READ = (
    "to read a column, map its header to a field, e.g. {{'{header}': 'description'}} "
    "(the --mapping option of joinedup import-plan, or the column's choice when uploading)"
)
NO_HEADER_HELP = "a column with no header needs one written in the file to be read"


def _holds_data(rows: Sequence[Sequence[object]], column: int) -> bool:
    return any(column < len(row) and not is_blank(row[column]) for row in rows)


def _reasons(choice: HeaderChoice, rows: Sequence[Sequence[object]]) -> list[tuple[str, str]]:
    """(name as shown, why not read) for each column not read, left to right; a column with
    no header is named "column N (no header)" and needs no why."""
    primary = choice.primary
    found: list[tuple[str, str]] = []
    width = max([len(choice.headers), *(len(row) for row in rows)])
    for column in range(width):
        role = choice.roles[column] if column < len(choice.roles) else BLANK
        header = choice.headers[column] if column < len(choice.headers) else ""
        if role == UNKNOWN:
            found.append((f"'{header}'", "its header names no field"))
        elif role == IGNORED:
            found.append((f"'{header}'", "the mapping says to ignore it"))
        elif role == TAKEN:
            name = choice.wanted[column] or ""
            first = choice.headers[primary[name]] if name in primary else ""
            found.append((f"'{header}'", f"{name} is read from column '{first}' and only one "
                                         "column can give it"))
        elif role == BLANK and _holds_data(rows, column):
            found.append((f"column {column + 1} (no header)", ""))
    return found


def unread_columns(choice: HeaderChoice, rows: Sequence[Sequence[object]], file: str,
                   sheet: str) -> Problem | None:
    """One warning naming every column of the sheet that is not read, or None when all are.

    `rows` are the data rows below the header; a column with no header is named
    only when it holds data in them.
    """
    reasons = _reasons(choice, rows)
    if not reasons:
        return None
    count = len(reasons)
    listed = "; ".join(f"{name} ({why})" if why else name for name, why in reasons)
    named = [h for h, role in zip(choice.headers, choice.roles, strict=False)
             if h and role in (UNKNOWN, IGNORED, TAKEN)]
    help_parts = []
    if named:
        help_parts.append(HOW_TO_READ.format(header=named[0]))
    if any(name.startswith("column ") for name, _ in reasons):
        help_parts.append(NO_HEADER_HELP)
    message = (f"{count} column{'s were' if count > 1 else ' was'} not read, so "
               f"{'their' if count > 1 else 'its'} cells were not imported: {listed}; "
               + "; ".join(help_parts))
    return Problem(Location(file, sheet), message, "; ".join(name for name, _ in reasons))
