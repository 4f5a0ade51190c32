"""Turn a raw cell value (from calamine, openpyxl or csv) into plain text."""

from __future__ import annotations

import datetime as dt
import math

_EMPTY = (None, "")


def is_blank(value: object) -> bool:
    """True for a cell with nothing a person could read in it."""
    if value in _EMPTY:
        return True
    return isinstance(value, str) and not value.strip()


def cell_text(value: object) -> str:
    """The text a person sees in the cell, stripped.

    Whole-number floats lose their ".0" (spreadsheets store "12" as 12.0), dates
    are written the UK way, so text fields such as a reference read naturally.
    """
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        if math.isfinite(value) and value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return repr(value)
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0, 0):
            return value.strftime("%d/%m/%Y")
        return value.strftime("%d/%m/%Y %H:%M")
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    return str(value).strip()
