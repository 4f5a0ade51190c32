"""Read-only: the strategy framework, the partner organisations and their plans."""

from __future__ import annotations

from django.shortcuts import get_object_or_404
from ninja import Path, Router

from joinedup.api.presenting import plan_out
from joinedup.api.schemas import CategoryOut, OrganisationOut, PlanDetailOut, PlanOut, PriorityOut, ThemeOut
from joinedup.api.scoping import MAX_ID, scope_for

router = Router(tags=["strategy and partners"])


@router.get("/p/{slug}/themes", response=list[ThemeOut])
def themes(request, slug: str):
    themes = scope_for(request, slug).themes().prefetch_related("priorities")
    return [{"id": t.id, "name": t.name, "description": t.description, "position": t.position,
             "priority_numbers": sorted(p.number for p in t.priorities.all())} for t in themes]


@router.get("/p/{slug}/priorities", response=list[PriorityOut])
def priorities(request, slug: str):
    return list(scope_for(request, slug).priorities())


@router.get("/p/{slug}/categories", response=list[CategoryOut])
def categories(request, slug: str):
    return list(scope_for(request, slug).categories())


@router.get("/p/{slug}/organisations", response=list[OrganisationOut])
def organisations(request, slug: str):
    return list(scope_for(request, slug).organisations())


@router.get("/p/{slug}/plans", response=list[PlanOut])
def plans(request, slug: str):
    return [plan_out(p) for p in scope_for(request, slug).plans().select_related("owner")]


@router.get("/p/{slug}/plans/{plan_id}", response=PlanDetailOut)
def plan(request, slug: str, plan_id: int = Path(..., ge=1, le=MAX_ID)):
    scope = scope_for(request, slug)
    found = get_object_or_404(scope.plans().select_related("owner"), pk=plan_id)
    count = scope.actions().filter(plan=found).count()
    return plan_out(found) | {"source_file": found.source_file, "action_count": count}
