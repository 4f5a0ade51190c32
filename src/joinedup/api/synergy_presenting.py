"""Analysis results and decisions -> the dicts the synergy response schemas describe."""

from __future__ import annotations

from joinedup.api.presenting import organisation_ref
from joinedup.synergies.models import CandidatePair, Decision, Finding, Suggestion

PAIR_RELATED = ("action_a__owner", "action_a__partnership", "action_b__owner", "action_b__partnership")
SUGGESTION_RELATED = ("action", "priority", "category")
DECISION_RELATED = ("decided_by", "reversed_by")
DECISION_LINKS = ("pairs", "actions", "decommissioned")


def page(rows, paging, present) -> dict:
    """One limit/offset slice of `rows`, with the total, as the list endpoints answer."""
    window = rows[paging.offset:paging.offset + paging.limit]
    return {"count": rows.count(), "limit": paging.limit, "offset": paging.offset,
            "items": [present(row) for row in window]}


def finding_out(finding: Finding) -> dict:
    return {"id": finding.id, "severity": finding.severity, "check": finding.check_code,
            "subject": finding.subject, "message": finding.message, "action_id": finding.action_id}


def _paired(action) -> dict:
    return {"id": action.id, "title": action.title, "owner": organisation_ref(action.owner),
            "partnership_slug": action.partnership.slug}


def pair_out(pair: CandidatePair) -> dict:
    """Expects both actions' owners and partnerships selected (PAIR_RELATED)."""
    return {"id": pair.id, "action_a": _paired(pair.action_a), "action_b": _paired(pair.action_b),
            "score": pair.score, "kind": pair.kind, "status": pair.status, "cluster": pair.cluster,
            "still_found": pair.still_found, "evidence": pair.evidence or {}}


def suggestion_out(suggestion: Suggestion) -> dict:
    priority, category = suggestion.priority, suggestion.category
    return {
        "id": suggestion.id, "action_id": suggestion.action_id, "action_title": suggestion.action.title,
        "priority": ({"id": priority.id, "name": priority.name, "number": priority.number}
                     if priority else None),
        "category": {"id": category.id, "name": category.name} if category else None,
        "rank": suggestion.rank, "score": suggestion.score, "status": suggestion.status,
    }


def _username(user) -> str | None:
    return user.get_username() if user else None


def decision_out(decision: Decision) -> dict:
    """Expects DECISION_RELATED selected and DECISION_LINKS prefetched."""
    return {
        "id": decision.id, "kind": decision.kind, "reason": decision.reason,
        "reason_is_internal": decision.reason_is_internal,
        "pair_ids": sorted(p.id for p in decision.pairs.all()),
        "action_ids": sorted(a.id for a in decision.actions.all()),
        "joint_action_id": decision.joint_action_id,
        "decommissioned_ids": sorted(a.id for a in decision.decommissioned.all()),
        "resources_freed": decision.resources_freed, "decided_by": _username(decision.decided_by),
        "decided_at": decision.decided_at, "reversed_by": _username(decision.reversed_by),
        "reversed_at": decision.reversed_at, "reversal_reason": decision.reversal_reason,
    }
