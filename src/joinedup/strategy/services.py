"""Changes to a partnership's strategy framework, by its administrators only.

Removing a priority or category unlinks the actions that pointed to it (the
actions stay); `actions_linked` is what the confirmation page reports first.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import transaction

from joinedup.accounts.scope import Scope
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
