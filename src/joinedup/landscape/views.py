"""Landscape pages: the register of bodies, the diagram with its tables, and boundaries."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from joinedup.accounts.scope import Scope
from joinedup.analysis.landscape import DEFAULT_THRESHOLD
from joinedup.landscape import presenters
from joinedup.landscape.figures import bodies_of, body_cost, boundaries_for, landscape_for
from joinedup.pages.access import scoped


def _threshold(request: HttpRequest) -> float:
    try:
        value = float(request.GET.get("threshold", DEFAULT_THRESHOLD))
    except ValueError:
        return DEFAULT_THRESHOLD
    return value if 0 < value <= 1 else DEFAULT_THRESHOLD


@scoped
def landscape(request: HttpRequest, scope: Scope) -> HttpResponse:
    figures = landscape_for(scope, _threshold(request))
    plans = scope.plans().select_related("owner")
    context = {"landscape": figures, "active": "landscape",
               "diagram": presenters.diagram(scope.partnership.slug, figures, plans),
               "costs": [(b, body_cost(b)) for b in figures.bodies]}
    return render(request, "landscape/landscape.html", context)


@scoped
def body_list(request: HttpRequest, scope: Scope) -> HttpResponse:
    bodies = list(bodies_of(scope))
    return render(request, "landscape/body_list.html",
                  {"bodies": [(b, body_cost(b)) for b in bodies], "active": "landscape"})


@scoped
def body_detail(request: HttpRequest, scope: Scope, pk: int) -> HttpResponse:
    body = get_object_or_404(bodies_of(scope), pk=pk)
    context = {"body": body, "cost": body_cost(body), "active": "landscape",
               "children": scope.bodies().filter(parent=body),
               "plans": scope.plans().filter(bodies=body).select_related("owner")}
    return render(request, "landscape/body_detail.html", context)


@scoped
def organisation_detail(request: HttpRequest, scope: Scope, pk: int) -> HttpResponse:
    organisation = get_object_or_404(scope.organisations(), pk=pk)
    context = {"organisation": organisation, "active": "landscape",
               "seats": [s for b in bodies_of(scope) for s in b.memberships.all()
                         if s.organisation_id == organisation.pk],
               "boundary": scope.boundaries().filter(organisation=organisation).first(),
               "plans": scope.plans().filter(owner=organisation)}
    return render(request, "landscape/organisation_detail.html", context)


@scoped
def boundaries(request: HttpRequest, scope: Scope) -> HttpResponse:
    return render(request, "landscape/boundaries.html",
                  {"report": boundaries_for(scope), "active": "landscape"})
