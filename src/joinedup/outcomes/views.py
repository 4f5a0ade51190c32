"""Outcomes pages: the indicator list and a priority with its indicators' trends."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from joinedup.accounts.scope import Scope
from joinedup.outcomes.presenting import indicator_view
from joinedup.outcomes.presenting import number as format_number
from joinedup.pages.access import scoped


@scoped
def indicator_list(request: HttpRequest, scope: Scope) -> HttpResponse:
    indicators = scope.indicators().prefetch_related("priorities")
    views = [indicator_view(scope, indicator) for indicator in indicators]
    return render(request, "outcomes/indicator_list.html",
                  {"indicators": views, "num": format_number})


@scoped
def priority(request: HttpRequest, scope: Scope, number: int) -> HttpResponse:
    chosen = get_object_or_404(scope.priorities().prefetch_related("themes"), number=number)
    action_count = scope.actions().filter(priorities=chosen).distinct().count()
    indicators = scope.indicators().filter(priorities=chosen)
    views = [indicator_view(scope, indicator, chart=True) for indicator in indicators]
    context = {"priority": chosen, "action_count": action_count, "indicators": views,
               "num": format_number}
    return render(request, "outcomes/priority.html", context)
