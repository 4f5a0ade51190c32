"""Changes to actions asked for in the browser: create, update (no lost updates), progress, delete.

Every change checks the scope's permission again (views check too), runs in
one transaction and is recorded by simple-history with the user who made it.
Updates are a compare-and-set on `version`: an edit based on a version that
someone else has since replaced is refused whole, with what changed meanwhile.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from joinedup.accounts.scope import Scope
from joinedup.actions.forms import LINK_FIELDS
from joinedup.actions.models import Action, ProgressUpdate
from joinedup.partners.models import PartnershipMember


@dataclass(frozen=True)
class Conflict:
    """Someone saved the action after the editor opened it."""

    who: str
    when: dt.datetime
    current_version: int
    opened: object | None
    """The historical version the editor opened, or None when history does not hold it."""


class StaleVersion(Exception):
    def __init__(self, conflict: Conflict) -> None:
        super().__init__(f"changed by {conflict.who} at {conflict.when:%H:%M} (now version "
                         f"{conflict.current_version})")
        self.conflict = conflict


def _require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied("You cannot change this organisation's actions")


def _apply(action: Action, data: dict, user) -> None:
    """Columns, then links; indicator links live on the indicator side (outcomes app)."""
    links = {name: data[name] for name in (*LINK_FIELDS, "indicators") if name in data}
    for name, value in data.items():
        if name not in links:
            setattr(action, name, value)
    action._history_user = user
    action.save()
    for name, ids in links.items():
        getattr(action, name).set(ids)


def create_action(scope: Scope, owner_id: int, data: dict, user) -> Action:
    """A new action of `owner_id` in the scope's partnership, entered directly (no plan)."""
    _require(scope.can_edit_for(owner_id) and scope.organisations().filter(id=owner_id).exists())
    with transaction.atomic():
        PartnershipMember.objects.get_or_create(partnership=scope.partnership, organisation_id=owner_id)
        action = Action(partnership=scope.partnership, owner_id=owner_id)
        _apply(action, data, user)
    return action


def update_action(scope: Scope, action: Action, data: dict, expected_version: int, user) -> Action:
    """Save `data` only if the action is still at `expected_version`; raise StaleVersion otherwise.

    The version check and bump is one UPDATE ... WHERE version = expected, so
    of two editors who opened the same version exactly one wins, on SQLite and
    on PostgreSQL alike.
    """
    _require(scope.can_edit(action))
    with transaction.atomic():
        bumped = Action.everything.filter(pk=action.pk, version=expected_version).update(
            version=F("version") + 1)
        if not bumped:
            raise StaleVersion(conflict_for(action, expected_version))
        action.version = expected_version + 1
        _apply(action, data, user)
    return action


def conflict_for(action: Action, opened_version: int) -> Conflict:
    """Who saved the action last, when, and the version the editor had opened."""
    latest = action.history.select_related("history_user").order_by("-history_date", "-history_id").first()
    current = Action.everything.get(pk=action.pk)
    opened = (action.history.filter(version=opened_version)
              .order_by("-history_date", "-history_id").first())
    who = latest.history_user.get_username() if latest and latest.history_user else "An import"
    when = latest.history_date if latest else current.updated
    return Conflict(who, when, current.version, opened)


def record_progress(
    scope: Scope, action: Action, date: dt.date, status: str, note: str, user
) -> ProgressUpdate:
    """A dated progress report: kept as an update and copied onto the action (a new version)."""
    _require(scope.can_edit(action))
    with transaction.atomic():
        update = ProgressUpdate.objects.create(action=action, date=date, status=status, note=note,
                                               author=user)
        Action.everything.filter(pk=action.pk).update(version=F("version") + 1)
        action.refresh_from_db(fields=["version"])
        action.status, action.progress_note, action.progress_date = status, note, date
        action._history_user = user
        action.save(update_fields=["status", "progress_note", "progress_date", "updated"])
    return update


def delete_action(scope: Scope, action: Action, user) -> None:
    """Soft delete: hidden everywhere, restorable by an administrator."""
    _require(scope.can_edit(action))
    with transaction.atomic():
        action.deleted_at = timezone.now()
        action.version += 1
        action._history_user = user
        action.save(update_fields=["deleted_at", "version", "updated"])


def restore_action(scope: Scope, action: Action, user) -> None:
    _require(scope.is_admin and action.partnership_id == scope.partnership.id)
    with transaction.atomic():
        action.deleted_at = None
        action.version += 1
        action._history_user = user
        action.save(update_fields=["deleted_at", "version", "updated"])
