"""Lists of numbers written in one cell: "3, 7 & 15", "Priorities 2 and 11", "1-3"."""

from __future__ import annotations

import re
from functools import lru_cache

NUMBERS_EXPECTATION = (
    "expected priority numbers such as 3, 7 & 15 or 1-3; kept the numbers that could be read"
)
MAX_RANGE = 500
"""A range wider than this ("1-99999") is a typo, not a list of priorities."""

_TOKEN = re.compile(r"\bp?(\d+)(?:\.0+)?(?:\s*(?:-|–|to)\s*p?(\d+))?", re.IGNORECASE)
_WORDS = re.compile(r"\b(?:priorit(?:y|ies)|p|no|nos|number|numbers|and|&|or|plus)\b|[#.,;/&+]|\s",
                    re.IGNORECASE)


@lru_cache(maxsize=4096, typed=True)
def parse_numbers(value: object) -> tuple[tuple[int, ...], bool]:
    """The distinct numbers in a cell in the order written, and whether all of it was read.

    Ranges are expanded ("1-3" is 1, 2, 3). The flag is False when the cell has
    words other than list punctuation and "priority/and/or", so the caller can
    warn while still keeping the numbers found.
    """
    if isinstance(value, bool) or value is None:
        return (), True
    if isinstance(value, int):
        return ((value,) if value > 0 else ()), value > 0
    if isinstance(value, float):
        ok = value.is_integer() and value > 0
        return ((int(value),) if ok else ()), ok
    text = str(value)
    numbers: list[int] = []
    complete = True
    for match in _TOKEN.finditer(text):
        first = int(match.group(1))
        last = int(match.group(2)) if match.group(2) else first
        if last < first or last - first > MAX_RANGE:
            complete = False
            last = first
        numbers.extend(range(first, last + 1))
    leftover = _WORDS.sub("", _TOKEN.sub(" ", text))
    if leftover:
        complete = False
    unique = tuple(dict.fromkeys(n for n in numbers if n > 0))
    return unique, complete and bool(unique)


def split_items(text: str) -> list[str]:
    """Split a cell that lists things one per line or separated by ';'."""
    return [item.strip() for item in re.split(r"[\n;]+", text) if item.strip()]
