"""Section heading rows: "Priority 2: Healthy weight" written across a plan's table.

Many plans group their actions under heading rows rather than giving each
row a priority: one filled cell naming the priority (or a theme), then the
actions under it. Such a row is not an action. Its priority is carried onto
the actions below it that give none, and the reader says so in a warning, so
the inference is visible and nothing is silently dropped.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from joinedup.ingest.cells import is_blank
from joinedup.ingest.priority_names import PriorityMatcher

MAX_HEADING = 150
"""Longer text in a lone cell is an action written in one cell, not a heading."""

_NUMBERED = re.compile(
    r"^\s*(?P<kind>strategic priority|priority|theme|outcome|objective|aim|ambition|"
    r"work ?stream|section|area of focus)\s*(?:no\.?\s*)?(?P<number>\d+)\b",
    re.IGNORECASE)


@dataclass(frozen=True)
class SectionHeading:
    column: int
    text: str
    priorities: tuple[int, ...]
    """The priorities it names; () for a heading that is not a priority (a theme)."""


def section_heading(cells: Sequence[object], matcher: PriorityMatcher,
                    action_columns: Collection[int] = (),
                    first_column: int = 0) -> SectionHeading | None:
    """The row as a section heading, or None when it is not one.

    A heading has exactly one filled cell, short text, and either starts like
    "Priority 3", "Theme 2", "Objective 1" or reads wholly as the names of the
    strategy's priorities ("Ageing well"). A lone short cell in the table's
    first column (`first_column`), when that column does not hold the action
    (`action_columns`: title, description), is a heading too ("A. Prevention
    and healthy lives", "Key: G = on track"): it cannot be an action, and it
    ends the section above it. (A lone cell further right, such as a lead with
    no action beside it, is an action with its text missing: it is rejected.)
    """
    found: tuple[int, object] | None = None
    for n, v in enumerate(cells):  # stops at the second filled cell: most rows are actions
        if not is_blank(v):
            if found is not None:
                return None
            found = (n, v)
    if found is None:
        return None
    column, value = found
    if not isinstance(value, str):
        return None
    text = " ".join(value.split())
    if not text or len(text) > MAX_HEADING:
        return None
    numbered = _NUMBERED.match(text)
    named, complete = matcher.match(text) if matcher.priorities else ((), False)
    if numbered and numbered.group("kind").lower() in ("priority", "strategic priority"):
        number = int(numbered.group("number"))
        return SectionHeading(column, text, named if complete and number in named
                              else (number,))
    if numbered:
        return SectionHeading(column, text, named if complete else ())
    if complete and named and not any(ch.isdigit() for ch in text):
        return SectionHeading(column, text, named)
    if action_columns and column <= first_column and column not in action_columns:
        return SectionHeading(column, text, ())
    return None
