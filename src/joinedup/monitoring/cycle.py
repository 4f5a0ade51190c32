"""Changing how often a partnership expects its actions' progress to be reported."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import transaction

from joinedup.accounts.scope import Scope

SHORTEST_CYCLE = 1
LONGEST_CYCLE = 24


@transaction.atomic
def set_update_cycle(scope: Scope, months: int) -> None:
    """Only administrators may change the cycle; the value is validated by the caller's form."""
    if not scope.is_admin:
        raise PermissionDenied("Only administrators can change the update cycle")
    if not SHORTEST_CYCLE <= months <= LONGEST_CYCLE:
        raise ValueError(f"update cycle must be {SHORTEST_CYCLE} to {LONGEST_CYCLE} months")
    scope.partnership.update_cycle_months = months
    scope.partnership.save(update_fields=["update_cycle_months"])
