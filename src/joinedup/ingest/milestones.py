"""Milestones cells: one per line or ';' separated, each "date: text" or text."""

from __future__ import annotations

import re

from joinedup.ingest.dates import parse_end
from joinedup.ingest.lists import split_items
from joinedup.ingest.records import Milestone

MILESTONE_EXPECTATION = (
    "expected milestones as 'date: text' (e.g. '31/03/2014: service launched') one per line "
    "or separated by ';'; kept the text as written"
)

_DATE_PREFIX = re.compile(r"^([^:]{1,30}?)\s*[:–—]\s*(.*)$", re.DOTALL)
_DASH_PREFIX = re.compile(r"^(.{1,30}?)\s+-\s+(.*)$", re.DOTALL)


def parse_milestones(text: str) -> tuple[tuple[Milestone, ...], list[str]]:
    """The milestones, and the items whose date part looked like a date but was not one."""
    milestones: list[Milestone] = []
    doubtful: list[str] = []
    for item in split_items(text):
        milestone = _one(item, doubtful)
        milestones.append(milestone)
    return tuple(milestones), doubtful


def _one(item: str, doubtful: list[str]) -> Milestone:
    for pattern in (_DATE_PREFIX, _DASH_PREFIX):
        match = pattern.match(item)
        if match is None:
            continue
        head, rest = match.group(1).strip(), match.group(2).strip()
        date = parse_end(head)
        if date is not None:
            return Milestone(date, rest)
        if pattern is _DATE_PREFIX and re.search(r"\d", head) and len(head) <= 20:
            doubtful.append(item)
        break
    return Milestone(None, item)
