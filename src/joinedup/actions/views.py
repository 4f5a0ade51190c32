"""Editing pages of the action register: create, edit (no lost updates), progress, delete, restore.

Thin views: the scope finds the action (404 when it is not visible), the
scope's grants decide who may change it (403 otherwise), forms parse, the
services in `joinedup.actions.services` change.
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from joinedup.accounts.scope import Scope
from joinedup.actions import services
from joinedup.actions.forms import (
    ActionForm,
    ProgressForm,
    changes_since,
    stored_values,
    values_of,
    values_of_version,
    values_typed,
)
from joinedup.actions.models import Action
from joinedup.pages.access import scoped


def _editable(scope: Scope, pk: int) -> Action:
    action = get_object_or_404(
        scope.actions().select_related("owner").prefetch_related(
            "priorities", "categories", "population_groups"),
        pk=pk)
    if not scope.can_edit(action):
        raise PermissionDenied("You cannot change this organisation's actions")
    return action


def _posted(request: HttpRequest):
    return request.POST if request.method == "POST" else None


def _detail(scope: Scope, action: Action):
    return redirect("pages:action", slug=scope.partnership.slug, pk=action.pk)


def _render_form(request, form, action=None, status=200, conflict=None) -> HttpResponse:
    context = {"form": form, "action": action, "conflict": conflict,
               "form_has_errors": bool(form.errors) or conflict is not None}
    return render(request, "actions/action_form.html", context, status=status)


@scoped
def action_new(request: HttpRequest, scope: Scope) -> HttpResponse:
    form = ActionForm(scope, _posted(request), creating=True,
                      initial={"status": "not_started", "board_role": "observe"})
    if not form.fields["owner"].choices:
        raise PermissionDenied("You cannot add actions for any organisation")
    if request.method == "POST" and form.is_valid():
        data = stored_values(form.cleaned_data)
        action = services.create_action(scope, form.cleaned_data["owner"], data, request.user)
        return _detail(scope, action)
    return _render_form(request, form)


@scoped
def action_edit(request: HttpRequest, scope: Scope, pk: int) -> HttpResponse:
    action = _editable(scope, pk)
    if request.method != "POST":
        form = ActionForm(scope, initial=values_of(action) | {
            "version": action.version, "indicators": [i.pk for i in action.indicators.all()]})
        return _render_form(request, form, action)
    form = ActionForm(scope, request.POST)
    if not form.is_valid():
        return _render_form(request, form, action)
    expected = form.cleaned_data.get("version") or 0
    try:
        services.update_action(scope, action, stored_values(form.cleaned_data), expected, request.user)
    except services.StaleVersion as stale:
        return _conflict(request, scope, form, stale.conflict, action.pk)
    return _detail(scope, action)


def _conflict(request, scope: Scope, form: ActionForm, conflict, pk: int) -> HttpResponse:
    """409: nothing saved; the form keeps what the user typed, now based on the current version."""
    current = _editable(scope, pk)
    opened = values_of_version(conflict.opened) if conflict.opened is not None else None
    rows = changes_since(form, opened, values_of(current), values_typed(form.cleaned_data))
    data = request.POST.copy()
    data["version"] = str(conflict.current_version)
    again = ActionForm(scope, data)
    again.is_valid()
    details = {"who": conflict.who, "when": conflict.when, "rows": rows}
    return _render_form(request, again, current, status=409, conflict=details)


@scoped
def action_progress(request: HttpRequest, scope: Scope, pk: int) -> HttpResponse:
    action = _editable(scope, pk)
    form = ProgressForm(_posted(request), initial={"status": action.status, "date": dt.date.today()})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        services.record_progress(scope, action, data["date"], data["status"], data["note"], request.user)
        return _detail(scope, action)
    context = {"form": form, "action": action, "form_has_errors": bool(form.errors)}
    return render(request, "actions/progress_form.html", context)


@scoped
def action_delete(request: HttpRequest, scope: Scope, pk: int) -> HttpResponse:
    action = _editable(scope, pk)
    if request.method == "POST":
        services.delete_action(scope, action, request.user)
        return redirect("pages:actions", slug=scope.partnership.slug)
    return render(request, "actions/delete_confirm.html", {"action": action})


def _admin_only(scope: Scope) -> None:
    if not scope.is_admin:
        raise PermissionDenied("Only the partnership's administrators can see deleted actions")


@scoped
def deleted_list(request: HttpRequest, scope: Scope) -> HttpResponse:
    _admin_only(scope)
    actions = scope.deleted_actions().select_related("owner").order_by("-deleted_at")
    return render(request, "actions/deleted_list.html", {"actions": actions, "active": "actions"})


@require_POST
@scoped
def action_restore(request: HttpRequest, scope: Scope, pk: int) -> HttpResponse:
    _admin_only(scope)
    action = get_object_or_404(scope.deleted_actions(), pk=pk)
    services.restore_action(scope, action, request.user)
    return _detail(scope, action)
