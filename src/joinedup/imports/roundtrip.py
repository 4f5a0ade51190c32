"""A partner's actions out to a spreadsheet and back: what would change, row by row, before it does.

The download uses the canonical export layout (`joinedup.ingest.write_actions_xlsx`),
so the upload needs no column mapping. Rows are matched to the partner's
actions by their reference; an action without one is written with a stand-in
reference (`joinedup-<id>`) so it still matches when the file comes back.
Actions missing from the file are left as they are.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import os
import tempfile
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from joinedup.accounts.scope import Scope
from joinedup.actions.models import REFERENCE_LENGTH, Action, PopulationGroup
from joinedup.actions.records import stored_values, to_record
from joinedup.ingest import DEFAULT_CATEGORIES, IngestError, PlanReadResult, read_plan
from joinedup.ingest import write_actions_xlsx as write_xlsx
from joinedup.ingest.records import (
    POPULATION_GROUPS,
    STATUS_LABELS,
    ActionRecord,
    Location,
    Problem,
)
from joinedup.ingest.references import row_reference
from joinedup.partners.models import Organisation

STAND_IN = "joinedup-"
LINKS = ("priorities", "categories", "population_groups")


class UnreadableUpload(Exception):
    """The file could not be read at all; the message says why and what was expected."""


def key(action: Action) -> str:
    return action.external_ref or f"{STAND_IN}{action.pk}"


def partner_actions(scope: Scope, organisation: Organisation):
    return (scope.actions().filter(owner=organisation).select_related("owner")
            .prefetch_related("priorities", "categories", "population_groups").order_by("id"))


def write_partner_xlsx(scope: Scope, organisation: Organisation, path: str | os.PathLike) -> int:
    """Write the organisation's visible actions; returns how many."""
    records = [dataclasses.replace(to_record(a), reference=key(a))
               for a in partner_actions(scope, organisation)]
    write_xlsx(records, path)
    return len(records)


def partner_xlsx_bytes(scope: Scope, organisation: Organisation) -> bytes:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "actions.xlsx"
        write_partner_xlsx(scope, organisation, path)
        return path.read_bytes()


@dataclass(frozen=True)
class FieldChange:
    field: str
    old: str
    new: str


@dataclass
class RowChange:
    """One row of the file: the action it updates (None for a new one) and what differs."""

    reference: str
    title: str
    action_id: int | None
    changes: list[FieldChange]
    values: dict
    links: tuple[set, set, set]


@dataclass
class ChangePlan:
    updates: list[RowChange] = field(default_factory=list)
    new: list[RowChange] = field(default_factory=list)
    unchanged: int = 0
    rejected: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)

    @property
    def has_changes(self) -> bool:
        return bool(self.updates or self.new)

    def fingerprint(self) -> str:
        """Identifies exactly these changes, so confirming applies what was reviewed, no more."""
        shown = [(r.reference, r.action_id, [dataclasses.astuple(c) for c in r.changes])
                 for r in self.updates + self.new]
        return hashlib.sha256(json.dumps(shown, default=str).encode()).hexdigest()


def read_upload(scope: Scope, organisation: Organisation, path: str | os.PathLike) -> PlanReadResult:
    categories = [c.name for c in scope.categories()] or list(DEFAULT_CATEGORIES)
    priorities = list(scope.priorities().values_list("number", "name"))
    try:
        return read_plan(path, partner=organisation.name, categories=categories,
                         priorities=priorities)
    except IngestError as error:
        raise UnreadableUpload(str(error.problem)) from None


def _shown(name: str, value) -> str:
    if value is None or value == "" or value == []:
        return "(blank)"
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, Decimal):
        return f"{value:,.2f}"
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if name == "status":
        return STATUS_LABELS.get(value, value)
    if name == "milestones":
        return "; ".join(f"{m['date'] + ': ' if m.get('date') else ''}{m.get('text', '')}" for m in value)
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    return str(value)


def _label(name: str) -> str:
    return str(Action._meta.get_field(name).verbose_name).capitalize()


@dataclass(frozen=True)
class Lookups:
    priorities: dict[int, int]
    categories: dict[str, int]
    groups: dict[str, int]
    priority_numbers: dict[int, int]
    category_names: dict[int, str]
    group_codes: dict[int, str]

    @classmethod
    def of(cls, scope: Scope) -> Lookups:
        priorities = dict(scope.priorities().values_list("number", "id"))
        categories = {n.casefold(): i for n, i in scope.categories().values_list("name", "id")}
        groups = dict(PopulationGroup.objects.values_list("code", "id"))
        return cls(priorities, categories, groups, {i: n for n, i in priorities.items()},
                   dict(scope.categories().values_list("id", "name")),
                   {i: c for c, i in groups.items()})

    def wanted(self, record: ActionRecord) -> tuple[set, set, set]:
        return ({self.priorities[n] for n in record.priority_numbers if n in self.priorities},
                {self.categories[c.casefold()] for c in record.categories
                 if c.casefold() in self.categories},
                {self.groups[g] for g in record.population_groups if g in self.groups})

    def describe(self, index: int, ids: set) -> str:
        if index == 0:
            return ", ".join(str(n) for n in sorted(self.priority_numbers[i] for i in ids)) or "(blank)"
        if index == 1:
            return "; ".join(sorted(self.category_names[i] for i in ids)) or "(blank)"
        codes = sorted(self.group_codes[i] for i in ids)
        return "; ".join(POPULATION_GROUPS.get(c, c) for c in codes) or "(blank)"


LINK_LABELS = ("Priorities", "Contribution categories", "Population groups")


def _current_links(action: Action) -> tuple[set, set, set]:
    return tuple({x.id for x in getattr(action, name).all()} for name in LINKS)  # type: ignore[return-value]


def _row_problem(record: ActionRecord, reference: str, seen: set[str],
                 organisation: Organisation) -> Problem | None:
    where = record.location or Location(file="")
    if record.partner and record.partner.casefold() != organisation.name.casefold():
        return Problem(where, f"this row belongs to '{record.partner}', but the file is for "
                       f"{organisation.name}; it was not imported", record.partner)
    if len(reference) > REFERENCE_LENGTH:
        return Problem(where, f"a reference of at most {REFERENCE_LENGTH} characters was expected",
                       reference[:50])
    if reference in seen:
        return Problem(where, f"reference '{reference}' appears on an earlier row; each action "
                       "needs its own reference, so this row was not imported", reference)
    return None


def plan_changes(scope: Scope, organisation: Organisation, result: PlanReadResult) -> ChangePlan:
    """Compare the file with the stored actions; changes nothing."""
    plan = ChangePlan(rejected=list(result.rejected), warnings=list(result.warnings))
    existing = {key(a): a for a in partner_actions(scope, organisation)}
    lookups = Lookups.of(scope)
    header_rows = {s.sheet: s.header_row for s in result.sheets}
    seen: set[str] = set()
    for record in result.actions:
        reference = row_reference(record, header_rows)
        problem = _row_problem(record, reference, seen, organisation)
        if problem is not None:
            plan.rejected.append(problem)
            continue
        seen.add(reference)
        values = stored_values(record)
        values["external_ref"] = "" if reference.startswith(STAND_IN) else reference
        wanted = lookups.wanted(record)
        action = existing.get(reference)
        if action is None:
            changes = [FieldChange(_label(n), "(blank)", _shown(n, v)) for n, v in values.items()
                       if v not in ("", None, [], False)]
            plan.new.append(RowChange(reference, record.title, None, changes, values, wanted))
            continue
        changes = [FieldChange(_label(n), _shown(n, getattr(action, n)), _shown(n, v))
                   for n, v in values.items() if getattr(action, n) != v]
        current = _current_links(action)
        changes += [FieldChange(LINK_LABELS[i], lookups.describe(i, current[i]),
                                lookups.describe(i, wanted[i]))
                    for i in range(3) if current[i] != wanted[i]]
        if changes:
            plan.updates.append(RowChange(reference, action.title, action.pk, changes, values, wanted))
        else:
            plan.unchanged += 1
    return plan
