"""What the analysis found: plan health-check findings, alike pairs of actions, suggested links.

Reads go through the caller's `Scope` (pairs through the same `Reviewer` as
the review pages, so pairs crossing into the caller's other partnerships
show too). Accepting or rejecting a suggestion is
`joinedup.synergies.services`, under the pages' rule: only someone who may
edit the action.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from ninja import Path, Query, Router, Status

from joinedup.accounts.scope import Scope
from joinedup.api.schemas import Message
from joinedup.api.scoping import MAX_ID, scope_for
from joinedup.api.synergy_presenting import (
    PAIR_RELATED,
    SUGGESTION_RELATED,
    finding_out,
    page,
    pair_out,
    suggestion_out,
)
from joinedup.api.synergy_schemas import (
    FindingFilters,
    FindingPage,
    PairFilters,
    PairPage,
    SuggestionFilters,
    SuggestionOut,
    SuggestionPage,
)
from joinedup.synergies import services
from joinedup.synergies.models import Suggestion, SuggestionStatus
from joinedup.synergies.services import Reviewer

router = Router(tags=["analysis"])

SuggestionId = Path(..., ge=1, le=MAX_ID)


@router.get("/p/{slug}/findings", response=FindingPage)
def list_findings(request, slug: str, filters: Query[FindingFilters]):
    findings = scope_for(request, slug).findings()
    if filters.severity is not None:
        findings = findings.filter(severity=filters.severity.value)
    if filters.check:
        findings = findings.filter(check_code=filters.check)
    if filters.action is not None:
        findings = findings.filter(action_id=filters.action)
    return page(findings.order_by("severity", "check_code", "subject", "pk"), filters, finding_out)


@router.get("/p/{slug}/candidate-pairs", response=PairPage)
def list_candidate_pairs(request, slug: str, filters: Query[PairFilters]):
    """Pairs of alike actions whose two actions the caller can see, best score first."""
    pairs = Reviewer.of(request.auth, scope_for(request, slug)).pairs()
    if filters.status is not None:
        pairs = pairs.filter(status=filters.status.value)
    if filters.kind is not None:
        pairs = pairs.filter(kind=filters.kind.value)
    if filters.min_score is not None:
        pairs = pairs.filter(score__gte=filters.min_score)
    return page(pairs.select_related(*PAIR_RELATED).order_by("-score", "pk"), filters, pair_out)


@router.get("/p/{slug}/suggestions", response=SuggestionPage)
def list_suggestions(request, slug: str, filters: Query[SuggestionFilters]):
    """Open suggestions only: decided ones are history, shown on the actions themselves."""
    suggestions = scope_for(request, slug).suggestions().filter(status=SuggestionStatus.OPEN)
    if filters.action is not None:
        suggestions = suggestions.filter(action_id=filters.action)
    return page(suggestions.select_related(*SUGGESTION_RELATED).order_by("action_id", "rank", "pk"),
                filters, suggestion_out)


def _decidable(scope: Scope, suggestion_id: int) -> Suggestion:
    """The suggestion if visible (else 404) and its action editable by the caller (else 403)."""
    suggestion = get_object_or_404(scope.suggestions().select_related(*SUGGESTION_RELATED), pk=suggestion_id)
    if not scope.can_edit(suggestion.action):
        raise PermissionDenied("You cannot change this organisation's actions")
    return suggestion


def _settle(request, slug: str, suggestion_id: int, settle) -> Status:
    scope = scope_for(request, slug)
    suggestion = _decidable(scope, suggestion_id)
    if suggestion.status != SuggestionStatus.OPEN or not settle(scope, [suggestion.pk], request.auth):
        return Status(409, {"detail": "This suggestion has already been decided."})
    suggestion.refresh_from_db()
    return Status(200, suggestion_out(suggestion))


@router.post("/p/{slug}/suggestions/{suggestion_id}/accept",
             response={200: SuggestionOut, 403: Message, 409: Message})
def accept_suggestion(request, slug: str, suggestion_id: int = SuggestionId):
    """Link the suggested priority or category to its action (a new version of the action)."""
    return _settle(request, slug, suggestion_id, services.accept_suggestions)


@router.post("/p/{slug}/suggestions/{suggestion_id}/reject",
             response={200: SuggestionOut, 403: Message, 409: Message})
def reject_suggestion(request, slug: str, suggestion_id: int = SuggestionId):
    """Mark the suggestion rejected: the analysis will not suggest it again."""
    return _settle(request, slug, suggestion_id, services.reject_suggestions)
