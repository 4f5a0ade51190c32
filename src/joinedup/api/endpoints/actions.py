"""The action register: list (filtered, paginated), read, create, update (optimistic locking), delete.

Permissions are the pages' own: the scope hides what the caller may not see
(404) and `Scope.can_edit*` decides who may change what (403); the changes
themselves are `joinedup.actions.services`.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from ninja import Path, Query, Router, Status

from joinedup.accounts.scope import Scope
from joinedup.actions import services
from joinedup.actions.models import Action
from joinedup.api.action_queries import filtered
from joinedup.api.action_schemas import (
    ActionFilters,
    ActionIn,
    ActionOut,
    ActionPage,
    ActionPatch,
    ConflictOut,
)
from joinedup.api.action_values import check_dates, check_owner, stored_values
from joinedup.api.conflicts import changed_fields
from joinedup.api.presenting import ACTION_LINKS, action_detail, action_summary
from joinedup.api.schemas import Message
from joinedup.api.scoping import MAX_ID, scope_for

router = Router(tags=["actions"])

ActionId = Path(..., ge=1, le=MAX_ID)


def visible_action(scope: Scope, action_id: int) -> Action:
    """The action if the caller may see it; 404 otherwise (its existence is not revealed)."""
    return get_object_or_404(scope.actions().select_related("owner").prefetch_related(*ACTION_LINKS),
                             pk=action_id)


def editable_action(scope: Scope, action_id: int) -> Action:
    action = visible_action(scope, action_id)
    if not scope.can_edit(action):
        raise PermissionDenied("You cannot change this organisation's actions")
    return action


@router.get("/p/{slug}/actions", response=ActionPage)
def list_actions(request, slug: str, filters: Query[ActionFilters]):
    actions = filtered(scope_for(request, slug), filters)
    page = actions.select_related("owner").prefetch_related("priorities")[
        filters.offset:filters.offset + filters.limit]
    return {"count": actions.count(), "limit": filters.limit, "offset": filters.offset,
            "items": [action_summary(a) for a in page]}


@router.get("/p/{slug}/actions/{action_id}", response=ActionOut)
def get_action(request, slug: str, action_id: int = ActionId):
    return action_detail(visible_action(scope_for(request, slug), action_id))


@router.post("/p/{slug}/actions", response={201: ActionOut, 403: Message})
def create_action(request, slug: str, payload: ActionIn):
    scope = scope_for(request, slug)
    check_owner(scope, payload.owner_id)
    if not scope.can_edit_for(payload.owner_id):
        raise PermissionDenied("You cannot add actions for this organisation")
    data = stored_values(scope, payload.model_dump(exclude={"owner_id"}))
    action = services.create_action(scope, payload.owner_id, data, request.auth)
    return Status(201, action_detail(visible_action(scope, action.pk)))


@router.patch("/p/{slug}/actions/{action_id}",
              response={200: ActionOut, 403: Message, 409: ConflictOut})
def update_action(request, slug: str, payload: ActionPatch, action_id: int = ActionId):
    """Change the fields sent. `version` must be the version read: if someone has saved since,
    nothing is saved and the 409 lists the fields they changed."""
    scope = scope_for(request, slug)
    action = editable_action(scope, action_id)
    sent = payload.model_dump(exclude_unset=True, exclude={"version"})
    data = stored_values(scope, sent)
    check_dates(data.get("start_date", action.start_date), data.get("end_date", action.end_date))
    try:
        services.update_action(scope, action, data, payload.version, request.auth)
    except services.StaleVersion as stale:
        current = visible_action(scope, action_id)
        conflict = stale.conflict
        detail = f"The action has changed since version {payload.version}; nothing was saved."
        return Status(409, {"detail": detail,
                     "current_version": conflict.current_version, "changed_by": conflict.who,
                     "changed_at": conflict.when, "changed_fields": changed_fields(conflict, current, data)})
    return Status(200, action_detail(visible_action(scope, action_id)))


@router.delete("/p/{slug}/actions/{action_id}", response={204: None, 403: Message})
def delete_action(request, slug: str, action_id: int = ActionId):
    """Soft delete: hidden everywhere, restorable by an administrator in the pages."""
    scope = scope_for(request, slug)
    services.delete_action(scope, editable_action(scope, action_id), request.auth)
    return Status(204, None)
