"""The dashboard, the overdue-updates list and the partnership's settings (update cycle).

Included in `joinedup.pages.urls` (namespace "pages"):
`urlpatterns += dashboard.urlpatterns`.
"""

from __future__ import annotations

from itertools import groupby

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.utils import timezone

from joinedup.accounts.scope import Scope
from joinedup.charts import Bar, bar_chart
from joinedup.monitoring.cycle import LONGEST_CYCLE, SHORTEST_CYCLE, set_update_cycle
from joinedup.monitoring.freshness import NEVER, cycle_start, overdue
from joinedup.monitoring.summary import dashboard as dashboard_numbers
from joinedup.pages.access import scoped
from joinedup.synergies.services import Reviewer


@scoped
def dashboard(request: HttpRequest, scope: Scope) -> HttpResponse:
    pairs = Reviewer.of(request.user, scope).pairs()
    numbers = dashboard_numbers(scope, timezone.localdate(), pairs)
    charts = {
        "partner": bar_chart("chart-partner", "Actions by partner", numbers.by_partner, "actions"),
        "status": bar_chart("chart-status", "Actions by status", numbers.by_status, "actions"),
        "engagement": bar_chart(
            "chart-engagement", "Share of unfinished actions updated this cycle, by partner",
            [Bar(e.partner, e.share) for e in numbers.engagement], "%", scale_max=100),
    }
    slug = scope.partnership.slug
    context = {"d": numbers, "charts": charts,
               "findings_url": f"/p/{slug}/findings/", "synergies_url": f"/p/{slug}/synergies/"}
    return render(request, "pages/dashboard.html", context)


@scoped
def overdue_updates(request: HttpRequest, scope: Scope) -> HttpResponse:
    today = timezone.localdate()
    actions = (overdue(scope.actions(), scope.partnership, today)
               .select_related("owner").order_by("owner__name", "due_basis", "id")
               .only("id", "title", "external_ref", "status", "owner__name", "created"))
    groups = [(owner, list(items)) for owner, items in groupby(actions, key=lambda a: a.owner)]
    context = {"groups": groups, "never": NEVER, "since": cycle_start(scope.partnership, today),
               "cycle": scope.partnership.update_cycle_months,
               "total": sum(len(items) for _, items in groups)}
    return render(request, "pages/overdue.html", context)


class CycleForm(forms.Form):
    update_cycle_months = forms.IntegerField(
        label="How often should every action's progress be updated, in months?",
        help_text="For example, 3 for every quarter",
        min_value=SHORTEST_CYCLE, max_value=LONGEST_CYCLE,
        error_messages={
            "required": "Enter how often progress should be updated, in months",
            "invalid": "Enter a whole number of months, like 3",
            "min_value": f"Enter at least {SHORTEST_CYCLE} month",
            "max_value": f"Enter at most {LONGEST_CYCLE} months",
        },
        widget=forms.NumberInput(attrs={"govuk": {"classes": "govuk-input--width-3",
                                                  "label_classes": "govuk-label--m"}}),
    )


@scoped
def partnership_settings(request: HttpRequest, scope: Scope) -> HttpResponse:
    if not scope.is_admin:
        raise PermissionDenied("Only administrators can change the partnership's settings")
    initial = {"update_cycle_months": scope.partnership.update_cycle_months}
    form = CycleForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        set_update_cycle(scope, form.cleaned_data["update_cycle_months"])
        messages.success(request, "The update cycle has been saved")
        return redirect("pages:settings", slug=scope.partnership.slug)
    return render(request, "pages/settings.html", {"form": form, "form_has_errors": bool(form.errors)})


@scoped
def manage(request: HttpRequest, scope: Scope) -> HttpResponse:
    """The administrators' page: people, publishing, settings and the strategy, in one place."""
    if not scope.is_admin:
        raise PermissionDenied("Only administrators can manage the partnership")
    return render(request, "pages/manage.html", {})


urlpatterns = [
    path("p/<slug:slug>/dashboard/", dashboard, name="dashboard"),
    path("p/<slug:slug>/manage/", manage, name="manage"),
    path("p/<slug:slug>/overdue/", overdue_updates, name="overdue"),
    path("p/<slug:slug>/settings/", partnership_settings, name="settings"),
]
