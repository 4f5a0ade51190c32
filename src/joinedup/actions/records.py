"""Conversion between stored actions and the plain `ActionRecord`s of `joinedup.ingest`.

Import, export and analysis all go through these two functions, so a field
added to the model is added here once and round-trips everywhere.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from joinedup.actions.models import Action
from joinedup.ingest.records import ActionRecord, Milestone

SCALAR_FIELDS = (
    "title", "description", "intended_outcome", "lead_name", "lead_role",
    "resource_amount", "resource_amount_text", "resource_staff_time",
    "resource_funding_source", "resource_notes", "outcome_measures",
    "start_date", "start_text", "end_date", "end_text", "barriers", "barriers_mitigation",
    "progress_note", "progress_date", "whole_area", "places_text", "evidence",
)
"""Fields copied unchanged between an ActionRecord and an Action."""


def _money(amount: Decimal | None) -> Decimal | None:
    return None if amount is None else Decimal(amount).quantize(Decimal("0.01"))


def _milestones_json(milestones: tuple[Milestone, ...]) -> list[dict]:
    return [{"date": m.date.isoformat() if m.date else None, "text": m.text} for m in milestones]


def _milestones(items: list[dict]) -> tuple[Milestone, ...]:
    return tuple(
        Milestone(dt.date.fromisoformat(m["date"]) if m.get("date") else None, m.get("text", ""))
        for m in items
    )


def stored_values(record: ActionRecord) -> dict:
    """The Action column values a record stands for (many-to-many links excluded)."""
    values = {name: getattr(record, name) for name in SCALAR_FIELDS}
    values["resource_amount"] = _money(record.resource_amount)
    values["external_ref"] = record.reference
    values["status"] = record.status or "not_started"
    values["milestones"] = _milestones_json(record.milestones)
    values["area_codes"] = list(record.area_codes)
    values["evidence_links"] = list(record.evidence_links)
    return values


def to_record(action: Action) -> ActionRecord:
    """A stored action as a plain record; expects priorities, categories, groups prefetched."""
    values = {name: getattr(action, name) for name in SCALAR_FIELDS}
    values["resource_amount"] = _money(action.resource_amount)
    return ActionRecord(
        partner=action.owner.name,
        reference=action.external_ref,
        status=action.status,
        milestones=_milestones(action.milestones),
        priority_numbers=tuple(sorted(p.number for p in action.priorities.all())),
        categories=tuple(c.name for c in sorted(action.categories.all(), key=lambda c: c.position)),
        population_groups=tuple(g.code for g in action.population_groups.all()),
        area_codes=tuple(action.area_codes),
        evidence_links=tuple(action.evidence_links),
        **values,
    )
