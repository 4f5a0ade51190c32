"""Thin views: resolve the scope, parse, call a presenter, render."""

from __future__ import annotations

from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count, Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from joinedup.accounts.scope import Scope, partnerships_for
from joinedup.monitoring.freshness import last_updated_text
from joinedup.pages import presenters
from joinedup.pages.access import scoped
from joinedup.pages.filters import ActionFilterForm
from joinedup.synergies import presenters as synergy_presenters

PAGE_SIZE = 50


class SignInView(auth_views.LoginView):
    template_name = "accounts/sign_in.html"
    redirect_authenticated_user = True


@login_required
def home(request: HttpRequest) -> HttpResponse:
    partnerships = list(partnerships_for(request.user))
    if len(partnerships) == 1:
        return redirect("pages:actions", slug=partnerships[0].slug)
    return render(request, "pages/choose_partnership.html", {"partnerships": partnerships})


@scoped
def strategy(request: HttpRequest, scope: Scope) -> HttpResponse:
    priorities = scope.priorities().annotate(action_count=Count("actions", distinct=True))
    themes = scope.themes().prefetch_related(Prefetch("priorities", queryset=priorities))
    context = {
        "themes": themes,
        "priorities": priorities,
        "categories": scope.categories(),
        "strategy_name": getattr(getattr(scope.partnership, "strategy", None), "name", ""),
    }
    return render(request, "pages/strategy.html", context)


@scoped
def partners(request: HttpRequest, scope: Scope) -> HttpResponse:
    plans = scope.plans().annotate(action_count=Count("actions"))
    organisations = scope.organisations().prefetch_related(
        Prefetch("plans", queryset=plans, to_attr="visible_plans")
    )
    return render(request, "pages/partners.html", {"organisations": organisations})


@scoped
def action_list(request: HttpRequest, scope: Scope) -> HttpResponse:
    form = ActionFilterForm(scope, request.GET or None)
    actions = form.apply(scope.actions()).select_related("owner")
    actions = actions.prefetch_related(
        Prefetch("priorities", queryset=scope.priorities().only("id", "number", "name"))
    ).distinct()
    page = Paginator(actions, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {"form": form, "page": page, "query": query.urlencode()}
    return render(request, "pages/action_list.html", context)


@scoped
def action_detail(request: HttpRequest, scope: Scope, pk: int) -> HttpResponse:
    action = get_object_or_404(
        scope.actions().select_related("owner", "plan").prefetch_related(
            "priorities", "categories", "population_groups", "updates"
        ),
        pk=pk,
    )
    context = {
        "action": action,
        "accountability": presenters.summary_rows(presenters.accountability(action)),
        "history": presenters.history(action),
        "merged_into": synergy_presenters.merged_into(action),
        "last_updated": last_updated_text(action),
        "brought_together_from": synergy_presenters.brought_together_from(action),
        "can_edit": scope.can_edit(action),
    }
    return render(request, "pages/action_detail.html", context)
