"""The strategy editor (administrators only): themes, priorities and contribution categories.

Every page works without JavaScript; with htmx, a remove confirmation opens
in place on the editor page instead of on its own page. A whole strategy can be
loaded from a file: read and checked first, stored only once confirmed.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from joinedup.accounts.scope import Scope
from joinedup.pages.access import scoped
from joinedup.strategy import services, upload
from joinedup.strategy.changes import StrategyChanges, changes_of
from joinedup.strategy.forms import CategoryForm, PriorityForm, StrategyFileForm, ThemeForm, initial_of

KINDS = {
    "themes": ("theme", ThemeForm, "theme"),
    "priorities": ("priority", PriorityForm, "priority"),
    "categories": ("category", CategoryForm, "contribution category"),
}
LIVE = Q(actions__deleted_at__isnull=True)


def _admin(scope: Scope) -> None:
    if not scope.is_admin:
        raise PermissionDenied("Only the partnership's administrators can change the strategy")


def _kind(kinds: str) -> tuple[str, type, str]:
    if kinds not in KINDS:
        raise Http404("No such part of the strategy")
    return KINDS[kinds]


def _rows(scope: Scope, kind: str):
    return {"theme": scope.themes, "priority": scope.priorities, "category": scope.categories}[kind]()


def _back(scope: Scope):
    return redirect("strategy:edit", slug=scope.partnership.slug)


@scoped
def strategy_edit(request: HttpRequest, scope: Scope) -> HttpResponse:
    _admin(scope)
    context = {
        "themes": scope.themes().prefetch_related("priorities"),
        "priorities": scope.priorities().annotate(action_count=Count("actions", filter=LIVE)),
        "categories": scope.categories().annotate(action_count=Count("actions", filter=LIVE)),
        "active": "strategy",
    }
    return render(request, "strategy/editor.html", context)


@scoped
def item_form(request: HttpRequest, scope: Scope, kinds: str, pk: int | None = None) -> HttpResponse:
    _admin(scope)
    kind, form_class, noun = _kind(kinds)
    instance = get_object_or_404(_rows(scope, kind), pk=pk) if pk else None
    if request.method == "POST":
        form = form_class(scope, request.POST, instance=instance)
        if form.is_valid():
            services.save(scope, kind, instance, form.cleaned_data)
            messages.success(request, f"The {noun} ‘{form.cleaned_data['name']}’ was saved")
            return _back(scope)
    else:
        form = form_class(scope, instance=instance, initial=initial_of(kind, instance) if instance else None)
    context = {"form": form, "instance": instance, "noun": noun, "active": "strategy",
               "form_has_errors": bool(form.errors)}
    return render(request, "strategy/item_form.html", context)


@scoped
def item_remove(request: HttpRequest, scope: Scope, kinds: str, pk: int) -> HttpResponse:
    _admin(scope)
    kind, _, noun = _kind(kinds)
    instance = get_object_or_404(_rows(scope, kind), pk=pk)
    if request.method == "POST":
        unlinked = services.remove(scope, instance)
        note = f"; {unlinked} action{'' if unlinked == 1 else 's'} lost the link" if unlinked else ""
        messages.success(request, f"The {noun} ‘{instance.name}’ was removed{note}")
        return _back(scope)
    context = {"instance": instance, "noun": noun, "kinds": kinds,
               "linked": services.actions_linked(instance), "active": "strategy"}
    return render(request, "strategy/remove_confirm.html", context)


@scoped
def load_file(request: HttpRequest, scope: Scope) -> HttpResponse:
    _admin(scope)
    form = StrategyFileForm(request.POST if request.method == "POST" else None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        file_name, record = form.read()
        token = upload.keep(request.session, scope.partnership.id, file_name, record)
        return redirect("strategy:load-check", slug=scope.partnership.slug, token=token)
    context = {"form": form, "form_has_errors": bool(form.errors), "active": "strategy",
               "accept": ",".join(upload.SUFFIXES)}
    return render(request, "strategy/load_file.html", context)


@scoped
def load_check(request: HttpRequest, scope: Scope, token: str) -> HttpResponse:
    _admin(scope)
    pending = upload.find(request.session, token, scope.partnership.id)
    if pending is None:
        return render(request, "strategy/load_gone.html", {"active": "strategy"}, status=404)
    if request.method != "POST":
        return _check_page(request, pending, changes_of(scope, pending.record))
    try:
        done = services.load(scope, pending.record, request.POST.get("seen", ""))
    except services.StrategyChanged as changed:
        return _check_page(request, pending, changed.changes, status=409)
    upload.discard(request.session, token)
    messages.success(request, f"The strategy was loaded from ‘{pending.file_name}’: {done.summary()}")
    return _back(scope)


def _check_page(request: HttpRequest, pending: upload.Pending, changes: StrategyChanges,
                status: int = 200) -> HttpResponse:
    context = {"pending": pending, "changes": changes, "counts": changes.counts(),
               "changed_meanwhile": status == 409, "active": "strategy"}
    return render(request, "strategy/load_check.html", context, status=status)
