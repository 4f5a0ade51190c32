"""The public comment form of a consultation, and the administrators' consultation pages."""

from __future__ import annotations

import datetime as dt

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from joinedup.accounts.scope import Scope
from joinedup.pages.access import scoped
from joinedup.publishing import consulting, equality, spam
from joinedup.publishing.models import CommentStatus, SnapshotStatus
from joinedup.publishing.public import consultation_for, ward_names
from joinedup.publishing.reach import reach_tables
from joinedup.publishing.spreadsheet import rows_csv

ERROR_ORDER = ("about", "text")


def comment(request: HttpRequest, slug: str, consultation_id: int) -> HttpResponse:
    today = dt.date.today()
    consultation = consultation_for(slug, consultation_id, today)
    sub = consulting.Submission(about=request.GET.get("about", "plan"))
    errors: dict[str, str] = {}
    if request.method == "POST":
        sub = consulting.Submission(
            about=request.POST.get("about", ""), text=request.POST.get("comment", ""),
            token=request.POST.get("form_token", ""), honeypot=request.POST.get(spam.HONEYPOT, ""),
            answers={k: request.POST.get(k, "") for k in (*equality.QUESTIONS, "area")})
        outcome = consulting.submit(consultation, sub, spam.client_address(request), today=today)
        if outcome.saved or outcome.dropped:
            return redirect("publishing:consult-thanks", slug=slug, consultation_id=consultation.id)
        errors = outcome.errors
    context = {
        "consultation": consultation, "content": consultation.snapshot.content, "slug": slug,
        "is_open": consultation.is_open(today), "subjects": consulting.subjects(
            consultation.snapshot.content),
        "sub": sub, "errors": errors, "error_list": [(k, errors[k]) for k in ERROR_ORDER if k in errors],
        "form_has_errors": bool(errors), "token": spam.issue_token(consultation.id),
        "questions": equality.QUESTIONS, "areas": ward_names(consultation.partnership),
        "approved": consulting.approved(consultation), "max_length": spam.MAX_LENGTH,
        "max_links": spam.MAX_LINKS, "honeypot": spam.HONEYPOT, "public_page": True,
    }
    return render(request, "publishing/consult.html", context, status=400 if errors else 200)


def thanks(request: HttpRequest, slug: str, consultation_id: int) -> HttpResponse:
    consultation = consultation_for(slug, consultation_id, dt.date.today())
    return render(request, "publishing/consult_thanks.html",
                  {"consultation": consultation, "slug": slug, "public_page": True})


class ConsultationForm(forms.Form):
    title = forms.CharField(max_length=200, error_messages={"required": "Enter a title"})
    snapshot = forms.TypedChoiceField(coerce=int, error_messages={
        "required": "Choose the draft to consult on", "invalid_choice": "Choose a draft"})
    opens = forms.DateField(error_messages={"required": "Enter the date it opens",
                                            "invalid": "Enter the date it opens as YYYY-MM-DD"})
    closes = forms.DateField(error_messages={"required": "Enter the date it closes",
                                             "invalid": "Enter the date it closes as YYYY-MM-DD"})

    def __init__(self, drafts, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["snapshot"].choices = [(s.version, f"Draft version {s.version}") for s in drafts]

    def clean(self):
        data = super().clean()
        if data.get("opens") and data.get("closes") and data["closes"] < data["opens"]:
            self.add_error("closes", "The closing date must be on or after the opening date")
        return data


def _require_admin(scope: Scope) -> None:
    if not scope.is_admin:
        raise PermissionDenied("Only administrators run consultations")


@scoped
def consultations(request: HttpRequest, scope: Scope) -> HttpResponse:
    _require_admin(scope)
    drafts = scope.snapshots().filter(status=SnapshotStatus.DRAFT)
    form = ConsultationForm(drafts, request.POST or None)
    if request.method == "POST" and form.is_valid():
        snapshot = drafts.get(version=form.cleaned_data["snapshot"])
        consulting.open_consultation(scope, request.user, snapshot, form.cleaned_data["title"],
                                     form.cleaned_data["opens"], form.cleaned_data["closes"])
        return redirect("publishing:consultations", slug=scope.partnership.slug)
    return render(request, "publishing/consultations.html", {
        "form": form, "form_has_errors": bool(form.errors), "drafts": drafts,
        "consultations": scope.consultations().select_related("snapshot"), "active": "publish"},
        status=400 if form.errors else 200)


@scoped
def moderate(request: HttpRequest, scope: Scope, consultation_id: int) -> HttpResponse:
    _require_admin(scope)
    consultation = get_object_or_404(scope.consultations(), pk=consultation_id)
    if request.method == "POST":
        chosen = get_object_or_404(scope.consultation_comments().filter(consultation=consultation),
                                   pk=request.POST.get("comment", "0") or 0)
        consulting.moderate(scope, request.user, chosen, request.POST.get("decision") == "approve")
        return redirect("publishing:moderate", slug=scope.partnership.slug,
                        consultation_id=consultation.id)
    comments = scope.consultation_comments().filter(consultation=consultation)
    return render(request, "publishing/moderate.html", {
        "consultation": consultation, "active": "publish",
        "pending": comments.filter(status=CommentStatus.PENDING),
        "decided": comments.exclude(status=CommentStatus.PENDING)})


@scoped
def reach(request: HttpRequest, scope: Scope, consultation_id: int) -> HttpResponse:
    consultation = get_object_or_404(scope.consultations(), pk=consultation_id)
    answers = scope.equality_responses().filter(consultation=consultation)
    return render(request, "publishing/reach.html", {
        "consultation": consultation, "active": "publish", **reach_tables(scope, answers)})


@scoped
def comments_csv(request: HttpRequest, scope: Scope, consultation_id: int) -> HttpResponse:
    _require_admin(scope)
    consultation = get_object_or_404(scope.consultations(), pk=consultation_id)
    rows = [[c.created_at.isoformat(timespec="minutes"), c.subject, c.get_status_display(), c.text]
            for c in scope.consultation_comments().filter(consultation=consultation)]
    body = rows_csv(["Received", "About", "Status", "Comment"], rows)
    response = HttpResponse(body, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="consultation-{consultation.id}-comments.csv"')
    return response
