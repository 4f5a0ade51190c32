"""Thin views for the per-partner spreadsheet round trip and the import batches."""

from __future__ import annotations

import base64
import os
import tempfile
from pathlib import Path

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.text import slugify
from django.views.decorators.http import require_POST

from joinedup.accounts.scope import Scope
from joinedup.imports import batches
from joinedup.imports.roundtrip import (
    UnreadableUpload,
    partner_xlsx_bytes,
    plan_changes,
    read_upload,
)
from joinedup.pages.access import scoped

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
LARGEST_UPLOAD = 5 * 1024 * 1024
ALLOWED_SUFFIXES = (".xlsx", ".xls", ".ods", ".csv", ".docx")


def _editable_organisation(scope: Scope, org_id: int):
    organisation = get_object_or_404(scope.organisations(), pk=org_id)
    if not scope.can_edit_for(organisation.id):
        raise PermissionDenied("You cannot edit this organisation's actions")
    return organisation


@scoped
def download(request: HttpRequest, scope: Scope, org_id: int) -> HttpResponse:
    organisation = _editable_organisation(scope, org_id)
    response = HttpResponse(partner_xlsx_bytes(scope, organisation), content_type=XLSX)
    name = f"{slugify(organisation.name) or 'actions'}-actions.xlsx"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


class UploadForm(forms.Form):
    file = forms.FileField(
        label="Upload the edited spreadsheet",
        help_text="The file you downloaded from this page, saved as .xlsx",
        error_messages={"required": "Select the edited spreadsheet",
                        "empty": "The selected file is empty"},
        widget=forms.ClearableFileInput(attrs={"govuk": {"label_classes": "govuk-label--m"}}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > LARGEST_UPLOAD:
            raise forms.ValidationError("The selected file must be smaller than 5 MB")
        if Path(upload.name).suffix.lower() not in ALLOWED_SUFFIXES:
            raise forms.ValidationError("The selected file must be an .xlsx, .xls, .ods, .csv or .docx file")
        return upload


def _session_key(org_id: int) -> str:
    return f"roundtrip-upload-{org_id}"


def _plan_from(scope, organisation, name: str, content: bytes):
    """Read the stored upload into a change plan (the file lives only in a temporary folder)."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / os.path.basename(name)
        path.write_bytes(content)
        return plan_changes(scope, organisation, read_upload(scope, organisation, path))


def _render_upload(request, organisation, form, status=200):
    return render(request, "imports/upload.html",
                  {"organisation": organisation, "form": form,
                   "form_has_errors": bool(form.errors)}, status=status)


@scoped
def upload(request: HttpRequest, scope: Scope, org_id: int) -> HttpResponse:
    organisation = _editable_organisation(scope, org_id)
    if request.method == "POST" and "confirm" in request.POST:
        return _confirm(request, scope, organisation)
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method != "POST" or not form.is_valid():
        return _render_upload(request, organisation, form)
    uploaded = form.cleaned_data["file"]
    content = uploaded.read()
    try:
        plan = _plan_from(scope, organisation, uploaded.name, content)
    except UnreadableUpload as error:
        form.add_error("file", f"The file could not be read: {error}")
        return _render_upload(request, organisation, form)
    request.session[_session_key(organisation.id)] = {
        "name": uploaded.name, "content": base64.b64encode(content).decode("ascii")}
    return render(request, "imports/preview.html",
                  {"organisation": organisation, "plan": plan, "file_name": uploaded.name})


def _confirm(request, scope, organisation) -> HttpResponse:
    stored = request.session.get(_session_key(organisation.id))
    if not stored:
        messages.error(request, "The upload has expired; upload the file again")
        return redirect("imports:upload", slug=scope.partnership.slug, org_id=organisation.id)
    plan = _plan_from(scope, organisation, stored["name"], base64.b64decode(stored["content"]))
    if plan.fingerprint() != request.POST.get("fingerprint"):
        messages.error(request, "The actions changed since you reviewed the file: "
                       "check the differences again before confirming")
        return render(request, "imports/preview.html",
                      {"organisation": organisation, "plan": plan, "file_name": stored["name"]})
    batch = batches.apply_plan(scope, organisation, request.user, stored["name"], plan)
    del request.session[_session_key(organisation.id)]
    messages.success(request, f"Imported {stored['name']}: {batch.created_count} new, "
                     f"{batch.updated_count} changed, {batch.unchanged_count} unchanged")
    return redirect("imports:upload", slug=scope.partnership.slug, org_id=organisation.id)


@scoped
def batch_list(request: HttpRequest, scope: Scope) -> HttpResponse:
    if not scope.is_admin:
        raise PermissionDenied("Only administrators can see and undo imports")
    return render(request, "imports/batches.html", {"batches": batches.batches(scope)[:200]})


@require_POST
@scoped
def undo(request: HttpRequest, scope: Scope, pk: int) -> HttpResponse:
    if not scope.is_admin:
        raise PermissionDenied("Only administrators can undo imports")
    batch = batches.batches(scope).filter(pk=pk).first()
    if batch is None:
        raise Http404("No such import")
    try:
        batches.undo_batch(scope, batch, request.user)
    except batches.UndoRefused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, f"Undone: {batch.file_name}")
    return redirect("imports:list", slug=scope.partnership.slug)
