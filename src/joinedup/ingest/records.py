"""Plain records that cross the boundary between reading files and storing them.

These are the contract between `joinedup.ingest` (which produces them), the
Django apps (which store them) and `joinedup.analysis` (which reads them). They
are frozen dataclasses of plain Python values so every layer can use them
without importing Django.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

STATUSES: tuple[str, ...] = (
    "not_started",
    "on_track",
    "at_risk",
    "off_track",
    "complete",
    "stopped",
)
"""Progress status codes, in the order they are shown."""

STATUS_LABELS: dict[str, str] = {
    "not_started": "Not started",
    "on_track": "On track",
    "at_risk": "At risk",
    "off_track": "Off track",
    "complete": "Complete",
    "stopped": "Stopped",
}

POPULATION_GROUPS: dict[str, str] = {
    "deprived_areas": "Deprived areas",
    "children_young_people": "Children and young people",
    "older_people": "Older people",
    "ethnic_minority": "Ethnic minority groups",
    "disabled_people": "Disabled people",
    "carers": "Carers",
    "whole_population": "Whole population",
    "other": "Other",
}
"""Target population group codes and their labels."""

INEQUALITY_GROUPS: frozenset[str] = frozenset(
    {"deprived_areas", "children_young_people", "older_people", "ethnic_minority",
     "disabled_people", "carers"}
)
"""Groups whose targeting counts as addressing inequalities."""


@dataclass(frozen=True)
class Location:
    """Where a value came from, so every message can name it."""

    file: str
    sheet: str | None = None
    row: int | None = None
    column: str | None = None

    def describe(self) -> str:
        parts = [self.file]
        if self.sheet is not None:
            parts.append(f"sheet '{self.sheet}'")
        if self.row is not None:
            parts.append(f"row {self.row}")
        if self.column is not None:
            parts.append(f"column '{self.column}'")
        return ", ".join(parts)


@dataclass(frozen=True)
class Problem:
    """A rejection or a warning: where it is, and what was expected."""

    location: Location
    message: str
    value: str | None = None

    def __str__(self) -> str:
        return f"{self.location.describe()}: {self.message}"


@dataclass(frozen=True)
class Milestone:
    date: dt.date | None
    text: str


@dataclass(frozen=True)
class ActionRecord:
    """One action as read from a partner's plan (or the database).

    Parsed values sit beside the original text whenever parsing can fail, so
    nothing a partner wrote is lost: `start_text`/`end_text` keep the cell as
    written when it is not a date, `resource_amount_text` likewise for money,
    and `places_text` keeps place names that are not codes.
    """

    title: str
    partner: str = ""
    reference: str = ""
    description: str = ""
    intended_outcome: str = ""
    lead_name: str = ""
    lead_role: str = ""
    resource_amount: Decimal | None = None
    resource_amount_text: str = ""
    resource_staff_time: str = ""
    resource_funding_source: str = ""
    resource_notes: str = ""
    outcome_measures: str = ""
    start_date: dt.date | None = None
    start_text: str = ""
    end_date: dt.date | None = None
    end_text: str = ""
    milestones: tuple[Milestone, ...] = ()
    barriers: str = ""
    barriers_mitigation: str = ""
    status: str = ""
    progress_note: str = ""
    progress_date: dt.date | None = None
    priority_numbers: tuple[int, ...] = ()
    categories: tuple[str, ...] = ()
    population_groups: tuple[str, ...] = ()
    whole_area: bool = False
    area_codes: tuple[str, ...] = ()
    places_text: str = ""
    evidence: str = ""
    evidence_links: tuple[str, ...] = ()
    location: Location | None = field(default=None, compare=False)


@dataclass(frozen=True)
class PriorityRecord:
    number: int
    name: str
    description: str = ""


@dataclass(frozen=True)
class ThemeRecord:
    name: str
    priority_numbers: tuple[int, ...] = ()
    description: str = ""


@dataclass(frozen=True)
class StrategyRecord:
    name: str
    categories: tuple[str, ...]
    priorities: tuple[PriorityRecord, ...]
    themes: tuple[ThemeRecord, ...] = ()
