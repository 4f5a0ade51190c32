"""The public content of a snapshot: a plain JSON copy of the whole plan's public fields.

Public means: live actions (not soft-deleted) that are not marked draft in
`ActionVisibility`, their accountability fields and progress, the strategy,
indicators with their latest values and targets, and synergy decisions with
their reasons only when the reason is not marked internal. Nothing here
points back at a live row, so later edits cannot change a stored snapshot.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from joinedup.accounts.scope import Scope
from joinedup.actions.models import Action
from joinedup.ingest.records import INEQUALITY_GROUPS, POPULATION_GROUPS, STATUS_LABELS

SCHEMA_VERSION = "1.0"


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _money(value: Decimal | None) -> str | None:
    return None if value is None else f"{Decimal(value).quantize(Decimal('0.01'))}"


def public_actions(scope: Scope):
    """Live actions that are not held back as drafts."""
    return (scope.actions().exclude(visibility__is_draft=True)
            .select_related("owner").prefetch_related("priorities", "categories",
                                                      "population_groups", "indicators")
            .order_by("id"))


def _contributors(action: Action) -> list[str]:
    delivery = getattr(action, "joint_delivery", None)
    if delivery is None:
        return []
    return sorted(o.name for o in delivery.contributors.all() if o.id != action.owner_id)


def action_content(action: Action) -> dict:
    groups = [g.code for g in action.population_groups.all()]
    return {
        "id": action.id,
        "reference": action.external_ref,
        "partner": action.owner.name,
        "title": action.title,
        "description": action.description,
        "intended_outcome": action.intended_outcome,
        "lead": {"name": action.lead_name, "role": action.lead_role,
                 "organisation": action.owner.name},
        "contributing_partners": _contributors(action),
        "resources": {
            "amount": _money(action.resource_amount),
            "amount_text": action.resource_amount_text,
            "staff_time": action.resource_staff_time,
            "funding_source": action.resource_funding_source,
            "notes": action.resource_notes,
        },
        "outcome_measures": action.outcome_measures,
        "timeline": {
            "start_date": _iso(action.start_date), "start_text": action.start_text,
            "end_date": _iso(action.end_date), "end_text": action.end_text,
            "milestones": [{"date": m.get("date"), "text": m.get("text", "")}
                           for m in action.milestones or []],
        },
        "barriers": action.barriers,
        "barriers_mitigation": action.barriers_mitigation,
        "status": action.status,
        "status_label": STATUS_LABELS.get(action.status, action.status),
        "board_role": action.board_role,
        "progress_note": action.progress_note,
        "progress_date": _iso(action.progress_date),
        "priority_numbers": sorted(p.number for p in action.priorities.all()),
        "categories": [c.name for c in sorted(action.categories.all(), key=lambda c: c.position)],
        "population_groups": groups,
        "population_group_labels": [POPULATION_GROUPS.get(g, g) for g in groups],
        "whole_area": action.whole_area,
        "area_codes": list(action.area_codes or []),
        "places_text": action.places_text,
        "evidence": action.evidence,
        "evidence_links": list(action.evidence_links or []),
        "indicators": sorted(i.name for i in action.indicators.all()),
        "targets_inequalities": bool(INEQUALITY_GROUPS & set(groups) or action.area_codes),
    }


def strategy_content(scope: Scope) -> dict:
    strategy = getattr(scope.partnership, "strategy", None)
    return {
        "name": strategy.name if strategy else scope.partnership.name,
        "themes": [{"name": t.name, "description": t.description,
                    "priority_numbers": sorted(p.number for p in t.priorities.all())}
                   for t in scope.themes().prefetch_related("priorities")],
        "priorities": [{"number": p.number, "name": p.name, "description": p.description}
                       for p in scope.priorities()],
        "categories": [c.name for c in scope.categories()],
    }


def indicators_content(scope: Scope, action_ids: set[int]) -> list[dict]:
    from joinedup.outcomes.progress import home_area, series, status_of

    found = []
    for indicator in scope.indicators().prefetch_related("priorities", "actions"):
        area = home_area(scope, indicator)
        known = [p for p in series(scope, indicator, area) if p.value is not None]
        latest = known[-1] if known else None
        targets = scope.targets().filter(indicator=indicator).select_related("area", "indicator")
        found.append({
            "name": indicator.name, "unit": indicator.unit, "polarity": indicator.polarity,
            "source": indicator.source,
            "priority_numbers": sorted(p.number for p in indicator.priorities.all()),
            "action_ids": sorted(a.id for a in indicator.actions.all() if a.id in action_ids),
            "area": area.name if area else "",
            "values": [{"period": p.period, "value": p.value} for p in known],
            "latest": ({"period": latest.period, "value": latest.value, "lower": latest.lower,
                        "upper": latest.upper} if latest else None),
            "targets": [_target(scope, t, status_of) for t in targets],
        })
    return found


def _target(scope: Scope, target, status_of) -> dict:
    status = status_of(scope, target)
    return {"kind": target.kind, "area": target.area.name, "target_value": target.target_value,
            "target_date": _iso(target.target_date), "status": status.status,
            "status_label": status.label}


def decisions_content(scope: Scope, action_ids: set[int]) -> list[dict]:
    """Standing synergy decisions; an internal reason is replaced by a neutral sentence."""
    decisions = scope.decisions().filter(reversed_at__isnull=True).prefetch_related("actions")
    return [{
        "kind": d.kind, "kind_label": d.get_kind_display(),
        "decided_on": _iso(d.decided_at.date()),
        "reason": "" if d.reason_is_internal else d.reason,
        "resources_freed": _money(d.resources_freed),
        "action_ids": sorted(a.id for a in d.actions.all() if a.id in action_ids),
    } for d in decisions]


def plan_content(scope: Scope, version: int) -> dict:
    """Everything the public may see of the plan now, as plain JSON values."""
    actions = [action_content(a) for a in public_actions(scope)]
    ids = {a["id"] for a in actions}
    partnership = scope.partnership
    return {
        "schema_version": SCHEMA_VERSION,
        "partnership": {"name": partnership.name, "slug": partnership.slug,
                        "area_name": partnership.area_name},
        "version": version,
        "published_at": None,
        "strategy": strategy_content(scope),
        "partners": sorted(o.name for o in scope.organisations()),
        "actions": actions,
        "indicators": indicators_content(scope, ids),
        "decisions": decisions_content(scope, ids),
    }
