"""The action list's filters, applied to the scope's actions."""

from __future__ import annotations

from django.db.models import Q, QuerySet
from django.utils import timezone

from joinedup.accounts.scope import Scope
from joinedup.actions.models import Action
from joinedup.api.action_schemas import ActionFilters


def filtered(scope: Scope, filters: ActionFilters) -> QuerySet[Action]:
    """Visible actions matching every filter given; all filters are optional and combine with AND."""
    actions = scope.actions()
    if filters.priority is not None:
        actions = actions.filter(priorities__number=filters.priority)
    if filters.partner is not None:
        actions = actions.filter(owner_id=filters.partner)
    if filters.category is not None:
        actions = actions.filter(categories__id=filters.category)
    if filters.status is not None:
        actions = actions.filter(status=filters.status.value)
    if filters.population_group is not None:
        actions = actions.filter(population_groups__code=filters.population_group.value)
    if filters.q:
        words = Q()
        for field in ("title", "description", "intended_outcome", "external_ref"):
            words |= Q(**{f"{field}__icontains": filters.q})
        actions = actions.filter(words)
    if filters.updated_since is not None:
        since = filters.updated_since
        if timezone.is_naive(since):
            since = timezone.make_aware(since)
        actions = actions.filter(updated__gte=since)
    return actions.distinct()
