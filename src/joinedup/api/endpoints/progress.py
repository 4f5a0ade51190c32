"""Progress updates on one action: read them, or report progress (which updates the action too)."""

from __future__ import annotations

from ninja import Router, Status

from joinedup.actions import services
from joinedup.api.action_schemas import ProgressIn, ProgressOut
from joinedup.api.endpoints.actions import ActionId, editable_action, visible_action
from joinedup.api.presenting import progress_out
from joinedup.api.schemas import Message
from joinedup.api.scoping import scope_for

router = Router(tags=["progress"])


@router.get("/p/{slug}/actions/{action_id}/progress", response=list[ProgressOut])
def list_progress(request, slug: str, action_id: int = ActionId):
    scope = scope_for(request, slug)
    action = visible_action(scope, action_id)
    return [progress_out(u) for u in scope.progress_updates().filter(action=action).select_related("author")]


@router.post("/p/{slug}/actions/{action_id}/progress", response={201: ProgressOut, 403: Message})
def report_progress(request, slug: str, payload: ProgressIn, action_id: int = ActionId):
    """Record a dated update; the action's status, progress note and date follow it (a new version)."""
    scope = scope_for(request, slug)
    action = editable_action(scope, action_id)
    update = services.record_progress(scope, action, payload.date, payload.status.value, payload.note,
                                      request.auth)
    return Status(201, progress_out(update) | {"action_version": action.version})
