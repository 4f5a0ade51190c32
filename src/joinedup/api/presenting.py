"""Stored rows -> the dicts the response schemas describe."""

from __future__ import annotations

from joinedup.actions.models import Action, ProgressUpdate
from joinedup.partners.models import Plan

ACTION_LINKS = ("priorities", "categories", "population_groups")
SCALAR_OUT = (
    "external_ref", "title", "status", "version", "updated", "description", "intended_outcome",
    "lead_name", "lead_role", "resource_amount", "resource_amount_text", "resource_staff_time",
    "resource_funding_source", "resource_notes", "outcome_measures", "start_date", "start_text",
    "end_date", "end_text", "milestones", "barriers", "barriers_mitigation", "board_role",
    "progress_note", "progress_date", "whole_area", "area_codes", "places_text", "evidence",
    "evidence_links", "created",
)


def organisation_ref(organisation) -> dict:
    return {"id": organisation.id, "name": organisation.name}


def action_summary(action: Action) -> dict:
    """Expects owner selected and priorities prefetched."""
    return {
        "id": action.id, "owner": organisation_ref(action.owner), "plan_id": action.plan_id,
        "external_ref": action.external_ref, "title": action.title, "status": action.status,
        "priorities": sorted(p.number for p in action.priorities.all()), "version": action.version,
        "updated": action.updated,
    }


def action_detail(action: Action) -> dict:
    """Every field, the six accountability fields included; expects the links prefetched."""
    values = {name: getattr(action, name) for name in SCALAR_OUT}
    priorities = sorted(action.priorities.all(), key=lambda p: p.number)
    return action_summary(action) | values | {
        "priority_details": [{"id": p.id, "number": p.number, "name": p.name} for p in priorities],
        "categories": [{"id": c.id, "name": c.name} for c in action.categories.all()],
        "population_groups": [g.code for g in action.population_groups.all()],
    }


def plan_out(plan: Plan) -> dict:
    return {"id": plan.id, "owner": organisation_ref(plan.owner), "title": plan.title, "kind": plan.kind,
            "period_start": plan.period_start, "period_end": plan.period_end}


def progress_out(update: ProgressUpdate) -> dict:
    return {"id": update.id, "action_id": update.action_id, "date": update.date, "status": update.status,
            "note": update.note, "author": update.author.get_username() if update.author else None,
            "created": update.created}
