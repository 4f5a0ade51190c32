"""Applying a reviewed change plan as one import batch, and undoing a batch exactly.

Every action a batch touches is recorded with the history version it had
before (none for an action the batch created) and its version after. Undo
puts each changed action back to that earlier version, links included, and
soft-deletes the actions the batch created. It refuses if anyone has changed
one of those actions since, rather than silently overwriting their work.
"""

from __future__ import annotations

from django.apps import apps
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from joinedup.accounts.scope import Scope
from joinedup.actions.models import Action
from joinedup.imports.models import ImportBatch, TouchedAction
from joinedup.imports.roundtrip import LINKS, ChangePlan, RowChange
from joinedup.partners.models import Organisation

RESTORED_FIELDS = tuple(
    f.attname for f in Action._meta.concrete_fields
    if f.attname not in ("id", "version", "created", "updated", "partnership_id", "owner_id")
)
"""What undo copies back from the earlier version (identity and bookkeeping stay)."""

LINK_TARGETS = {"priorities": "priority_id", "categories": "category_id",
                "population_groups": "populationgroup_id"}


class UndoRefused(Exception):
    """The batch cannot be undone; the message says why."""


def _before_version(action: Action) -> int:
    """The id of the action's latest history version, writing one if it has none yet."""
    latest = action.history.order_by("-history_id").first()
    if latest is None:
        latest = Action.history.bulk_history_create([action], default_date=timezone.now())[0]
    return latest.history_id


def _set_links(action: Action, links: tuple[set, set, set]) -> None:
    for name, ids in zip(LINKS, links, strict=True):
        getattr(action, name).set(ids)


def _apply_update(action: Action, row: RowChange) -> None:
    for name, value in row.values.items():
        setattr(action, name, value)
    action.version += 1
    action.save()
    _set_links(action, row.links)


@transaction.atomic
def apply_plan(scope: Scope, organisation: Organisation, user, file_name: str,
               plan: ChangePlan) -> ImportBatch:
    """Store every update and new action of `plan` for `organisation`, as one undoable batch."""
    if not scope.can_edit_for(organisation.id):
        raise PermissionDenied("You cannot edit this organisation's actions")
    batch = ImportBatch.objects.create(
        partnership=scope.partnership, organisation=organisation, user=user,
        file_name=file_name[:300], created_count=len(plan.new), updated_count=len(plan.updates),
        unchanged_count=plan.unchanged, rejected_count=len(plan.rejected))
    actions = scope.actions().select_for_update().in_bulk([r.action_id for r in plan.updates])
    touched = []
    for row in plan.updates:
        action = actions[row.action_id]
        before = _before_version(action)
        _apply_update(action, row)
        touched.append(TouchedAction(batch=batch, action=action, before_history_id=before,
                                     version_after=action.version))
    for row in plan.new:
        action = Action(partnership=scope.partnership, owner=organisation, **row.values)
        action.save()
        _set_links(action, row.links)
        touched.append(TouchedAction(batch=batch, action=action, before_history_id=None,
                                     version_after=action.version))
    TouchedAction.objects.bulk_create(touched)
    return batch


def batches(scope: Scope):
    return ImportBatch.objects.filter(partnership=scope.partnership).select_related(
        "organisation", "user", "undone_by")


def _conflicts(batch: ImportBatch) -> list[str]:
    touched = batch.touched.select_related("action")
    return [t.action.title for t in touched
            if t.action.version != t.version_after
            or (t.action.deleted_at is not None and not t.created_it)]


def _restore(action: Action, history_id: int) -> None:
    earlier = Action.history.get(history_id=history_id)
    for name in RESTORED_FIELDS:
        setattr(action, name, getattr(earlier, name))
    action.version += 1
    action.save()
    for name, target in LINK_TARGETS.items():
        model = apps.get_model("actions", f"HistoricalAction_{name}")
        getattr(action, name).set(
            model.objects.filter(history_id=history_id).values_list(target, flat=True))


@transaction.atomic
def undo_batch(scope: Scope, batch: ImportBatch, user) -> None:
    """Restore what `batch` changed; see the module docstring for when it refuses."""
    if not scope.is_admin or batch.partnership_id != scope.partnership.id:
        raise PermissionDenied("Only administrators can undo imports")
    batch = ImportBatch.objects.select_for_update().get(pk=batch.pk)
    if batch.undone_at is not None:
        raise UndoRefused("This import has already been undone")
    conflicts = _conflicts(batch)
    if conflicts:
        raise UndoRefused("These actions were changed after the import, so it cannot be undone: "
                          + "; ".join(conflicts[:10]) + ("…" if len(conflicts) > 10 else ""))
    for touched in batch.touched.select_related("action"):
        action = touched.action
        if touched.created_it:
            action.soft_delete()
        else:
            _restore(action, touched.before_history_id)
    batch.undone_at = timezone.now()
    batch.undone_by = user
    batch.save(update_fields=["undone_at", "undone_by"])
