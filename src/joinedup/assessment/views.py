"""Self-assessment pages: rounds, answering, results and exports, and editing questionnaires.

Members answer and see results; only administrators open or close rounds and edit
questionnaires (others get 403); non-members get 404 through `@scoped`.
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from joinedup.accounts.scope import Scope
from joinedup.assessment import answering, results, services
from joinedup.assessment.forms import RoundForm, StatementForm
from joinedup.assessment.models import Statement
from joinedup.pages.access import scoped

ACTIVE = "assessment"


def _admin_only(scope: Scope) -> None:
    if not scope.is_admin:
        raise PermissionDenied("Only administrators may do this.")


def _round(scope: Scope, pk: int):
    return get_object_or_404(scope.assessment_rounds().select_related("template", "body"), pk=pk)


@scoped
def round_list(request: HttpRequest, scope: Scope) -> HttpResponse:
    rounds = scope.assessment_rounds().select_related("template", "body")
    answered = set(scope.assessment_rounds().filter(responses__user=request.user)
                   .values_list("pk", flat=True))
    return render(request, "assessment/round_list.html",
                  {"rounds": rounds, "answered": answered, "today": dt.date.today(),
                   "is_admin": scope.is_admin, "active": ACTIVE})


@scoped
def round_new(request: HttpRequest, scope: Scope) -> HttpResponse:
    _admin_only(scope)
    if not scope.assessment_templates().exists():
        services.ensure_default_templates(scope.partnership)
    form = RoundForm(scope, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            opened = services.open_round(scope, form.cleaned_data["template"],
                                         form.cleaned_data["title"], body=form.cleaned_data["body"],
                                         closed_on=form.cleaned_data["closed_on"], user=request.user)
        except ValidationError as error:
            form.add_error("closed_on", error.message_dict.get("closed_on", error.messages))
        else:
            return redirect("assessment:round", slug=scope.partnership.slug, pk=opened.pk)
    return render(request, "assessment/round_new.html",
                  {"form": form, "form_has_errors": bool(form.errors), "active": ACTIVE})


@scoped
def round_detail(request: HttpRequest, scope: Scope, pk: int) -> HttpResponse:
    assessment_round = _round(scope, pk)
    context = {"round": assessment_round, "is_open": assessment_round.is_open(dt.date.today()),
               "is_admin": scope.is_admin, "active": ACTIVE,
               "responses": assessment_round.responses.count()}
    return render(request, "assessment/round_detail.html", context)


@require_POST
@scoped
def round_close(request: HttpRequest, scope: Scope, pk: int) -> HttpResponse:
    _admin_only(scope)
    services.close_round(scope, _round(scope, pk), dt.date.today())
    return redirect("assessment:round", slug=scope.partnership.slug, pk=pk)


@scoped
def answer(request: HttpRequest, scope: Scope, pk: int) -> HttpResponse:
    assessment_round = _round(scope, pk)
    if not assessment_round.is_open(dt.date.today()):
        return redirect("assessment:round", slug=scope.partnership.slug, pk=pk)
    previous = assessment_round.responses.filter(user=request.user).first()
    questions = answering.questions(assessment_round, previous)
    errors = []
    if request.method == "POST":
        scores, comments, evidence = answering.read(questions, request.POST)
        errors = [q for q in questions if q.error]
        if not errors:
            services.save_response(scope, request.user, assessment_round, scores, comments, evidence)
            return redirect("assessment:results", slug=scope.partnership.slug, pk=pk)
    actions = (scope.actions().select_related("owner").order_by("owner__name", "title")
               if assessment_round.template.kind == "maturity" else [])
    context = {"round": assessment_round, "questions": questions, "errors": errors,
               "form_has_errors": bool(errors), "actions": actions, "active": ACTIVE}
    return render(request, "assessment/answer.html", context)


@scoped
def round_results(request: HttpRequest, scope: Scope, pk: int) -> HttpResponse:
    found = results.results_for(scope, _round(scope, pk))
    context = {"results": found, "round": found.round, "chart": results.chart(found),
               "headers": results.HEADERS, "rows": results.table(found), "active": ACTIVE}
    return render(request, "assessment/results.html", context)


def _download(content, content_type: str, name: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@scoped
def results_csv(request: HttpRequest, scope: Scope, pk: int) -> HttpResponse:
    found = results.results_for(scope, _round(scope, pk))
    return _download(results.to_csv(found), "text/csv; charset=utf-8", f"assessment-{pk}.csv")


@scoped
def results_xlsx(request: HttpRequest, scope: Scope, pk: int) -> HttpResponse:
    found = results.results_for(scope, _round(scope, pk))
    return _download(results.to_xlsx(found),
                     "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                     f"assessment-{pk}.xlsx")


@scoped
def template_list(request: HttpRequest, scope: Scope) -> HttpResponse:
    if scope.is_admin and not scope.assessment_templates().exists():
        services.ensure_default_templates(scope.partnership)
    return render(request, "assessment/template_list.html",
                  {"templates": scope.assessment_templates(), "active": ACTIVE})


@scoped
def template_detail(request: HttpRequest, scope: Scope, pk: int) -> HttpResponse:
    template = get_object_or_404(scope.assessment_templates(), pk=pk)
    form, element_id = StatementForm(), None
    if request.method == "POST":
        _admin_only(scope)
        element = get_object_or_404(template.elements, pk=request.POST.get("element", 0))
        form, element_id = StatementForm(request.POST, prefix=f"e{element.pk}"), element.pk
        if form.is_valid():
            services.add_statement(scope, element, form.cleaned_data["text"])
            return redirect("assessment:template", slug=scope.partnership.slug, pk=pk)
    context = {"template": template, "elements": template.elements.prefetch_related("statements"),
               "is_admin": scope.is_admin, "form": form, "error_element": element_id,
               "form_has_errors": bool(form.errors), "active": ACTIVE}
    return render(request, "assessment/template_detail.html", context)


@scoped
def statement_edit(request: HttpRequest, scope: Scope, pk: int, statement_pk: int) -> HttpResponse:
    _admin_only(scope)
    template = get_object_or_404(scope.assessment_templates(), pk=pk)
    statement = get_object_or_404(Statement.objects.filter(element__template=template),
                                  pk=statement_pk)
    form = StatementForm(request.POST or None, initial={"text": statement.text})
    if request.method == "POST" and form.is_valid():
        services.edit_statement(scope, statement, form.cleaned_data["text"])
        return redirect("assessment:template", slug=scope.partnership.slug, pk=pk)
    return render(request, "assessment/statement_edit.html",
                  {"template": template, "statement": statement, "form": form,
                   "form_has_errors": bool(form.errors), "active": ACTIVE})
