"""Changes to a partnership's strategy framework, by its administrators only.

Removing a priority or category unlinks the actions that pointed to it (the
actions stay); `actions_linked` is what the confirmation page reports first.
Loading a whole strategy from a file stores only what its check page showed.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import transaction

from joinedup.accounts.scope import Scope
from joinedup.ingest import StrategyRecord
from joinedup.partners.models import Partnership
from joinedup.strategy.changes import StrategyChanges, changes_of
from joinedup.strategy.loading import store_strategy
from joinedup.strategy.models import Category, Priority, Theme

KINDS = {"theme": Theme, "priority": Priority, "category": Category}


def _require_admin(scope: Scope) -> None:
    if not scope.is_admin:
        raise PermissionDenied("Only the partnership's administrators can change the strategy")


def save(scope: Scope, kind: str, instance, data: dict):
    """Create (instance None) or update a theme, priority or category of the scope's partnership."""
    _require_admin(scope)
    data = dict(data)
    priorities = data.pop("priorities", None)
    with transaction.atomic():
        instance = instance or KINDS[kind](partnership=scope.partnership)
        for name, value in data.items():
            setattr(instance, name, value)
        instance.save()
        if priorities is not None:
            instance.priorities.set(scope.priorities().filter(id__in=priorities))
    return instance


def actions_linked(instance) -> int:
    """Live actions that would lose their link to this priority or category (0 for themes)."""
    if isinstance(instance, Theme):
        return 0
    return instance.actions.count()


def remove(scope: Scope, instance) -> int:
    """Delete the row; the actions linked to it lose the link. Returns how many did."""
    _require_admin(scope)
    if instance.partnership_id != scope.partnership.id:
        raise PermissionDenied("Not part of this partnership's strategy")
    with transaction.atomic():
        count = actions_linked(instance)
        instance.delete()
    return count


class StrategyChanged(Exception):
    """The stored strategy changed after the check page was shown; `changes` is what loading does now."""

    def __init__(self, changes: StrategyChanges) -> None:
        super().__init__("The strategy was changed after the check page was shown")
        self.changes = changes


def load(scope: Scope, record: StrategyRecord, seen: str) -> StrategyChanges:
    """Store a strategy read from a file, in one transaction, if loading it still does what was
    shown (`seen` is the fingerprint of the changes shown); else StrategyChanged, nothing stored."""
    _require_admin(scope)
    with transaction.atomic():
        Partnership.objects.select_for_update(no_key=True).get(pk=scope.partnership.pk)
        changes = changes_of(scope, record)
        if changes.fingerprint() != seen:
            raise StrategyChanged(changes)
        store_strategy(scope.partnership, record)
    return changes
