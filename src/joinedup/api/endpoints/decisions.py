"""Decisions on alike actions: list, read, take (bring together, decommission, keep separate), reverse.

Taking and reversing call `joinedup.synergies.services`, so the rules and the
locking are the review pages' own: pairs the caller cannot see are 404,
a decision they may not take is 403, a cluster someone decided first is 409.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404
from ninja import Path, Query, Router, Status

from joinedup.accounts.scope import Scope
from joinedup.api.action_values import invalid
from joinedup.api.schemas import Message
from joinedup.api.scoping import MAX_ID, scope_for
from joinedup.api.synergy_presenting import DECISION_LINKS, DECISION_RELATED, decision_out, page
from joinedup.api.synergy_schemas import DecisionIn, DecisionOut, DecisionPage, Paging, ReverseIn
from joinedup.synergies import services
from joinedup.synergies.models import Decision, PairStatus
from joinedup.synergies.services import AlreadyDecided, AlreadyReversed, Reviewer, cluster_actions

router = Router(tags=["decisions"])

DecisionId = Path(..., ge=1, le=MAX_ID)
ANSWERS = {201: DecisionOut, 403: Message, 404: Message, 409: Message}


def _shown(scope: Scope, decision_id: int) -> dict:
    rows = scope.decisions().select_related(*DECISION_RELATED).prefetch_related(*DECISION_LINKS)
    return decision_out(get_object_or_404(rows, pk=decision_id))


@router.get("/p/{slug}/decisions", response=DecisionPage)
def list_decisions(request, slug: str, paging: Query[Paging]):
    """Newest first, reversed ones included (marked by `reversed_at`)."""
    rows = scope_for(request, slug).decisions().select_related(*DECISION_RELATED)
    return page(rows.prefetch_related(*DECISION_LINKS).order_by("-decided_at", "-pk"), paging, decision_out)


@router.get("/p/{slug}/decisions/{decision_id}", response=DecisionOut)
def get_decision(request, slug: str, decision_id: int = DecisionId):
    return _shown(scope_for(request, slug), decision_id)


def _check_allowed(reviewer: Reviewer, payload: DecisionIn, actions: list) -> None:
    """The pages' rules, answered before any lock: 403 for who may not, 422 for what cannot be."""
    in_cluster = {a.pk for a in actions}
    if payload.kind == "decommission":
        outside = sorted(set(payload.action_ids) - in_cluster)
        if outside:
            raise invalid("action_ids", f"not actions of these pairs: {', '.join(map(str, outside))}")
        if not reviewer.may_decommission([a for a in actions if a.pk in set(payload.action_ids)]):
            raise PermissionDenied("You can decommission only actions you can edit")
        return
    if not reviewer.may_decide(actions):
        raise PermissionDenied("You cannot edit any action of these pairs")
    leads = dict(services.lead_choices(reviewer, actions))
    if payload.kind == "bring_together" and payload.lead_id not in leads:
        raise invalid("lead_id", "must be a partner of this partnership owning one of the actions")


def _take(reviewer: Reviewer, payload: DecisionIn, pair_ids: list[int]) -> Decision:
    common = {"reason": payload.reason, "internal": payload.reason_is_internal}
    if payload.kind == "keep_separate":
        return services.keep_separate(reviewer, pair_ids, **common)
    if payload.kind == "bring_together":
        return services.bring_together(reviewer, pair_ids, lead_id=payload.lead_id, title=payload.title,
                                       intended_outcome=payload.intended_outcome, **common)
    return services.decommission(reviewer, pair_ids, action_ids=payload.action_ids, **common)


@router.post("/p/{slug}/decisions", response=ANSWERS)
def take_decision(request, slug: str, payload: DecisionIn):
    """Decide about a cluster of pairs. `pair_ids` are the pairs the caller reviewed; if any was
    decided meanwhile nothing is saved and the answer is 409."""
    scope = scope_for(request, slug)
    reviewer = Reviewer.of(request.auth, scope)
    pair_ids = sorted(set(payload.pair_ids))
    pairs = list(reviewer.pairs().filter(pk__in=pair_ids)
                 .select_related("action_a__owner", "action_b__owner").order_by("pk"))
    if len(pairs) != len(pair_ids):
        raise Http404("No such pair")
    _check_allowed(reviewer, payload, cluster_actions(pairs))
    try:
        decided = [p for p in pairs if p.status != PairStatus.OPEN]
        if decided:
            raise AlreadyDecided(services.latest_decision(decided[0]))
        decision = _take(reviewer, payload, pair_ids)
    except AlreadyDecided as already:
        return Status(409, {"detail": str(already)})
    return Status(201, _shown(scope, decision.pk))


@router.post("/p/{slug}/decisions/{decision_id}/reverse",
             response={200: DecisionOut, 403: Message, 409: Message})
def reverse_decision(request, slug: str, payload: ReverseIn, decision_id: int = DecisionId):
    """Administrators only: undo the decision's effects; the decision stays, marked reversed."""
    scope = scope_for(request, slug)
    decision = get_object_or_404(scope.decisions(), pk=decision_id)
    try:
        services.reverse_decision(scope, decision.pk, request.auth, payload.reason)
    except AlreadyReversed as already:
        return Status(409, {"detail": str(already)})
    return Status(200, _shown(scope, decision.pk))
