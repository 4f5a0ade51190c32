"""Plan upload pages: upload a file, check the column mapping and changes, import, read the report.

Thin views: `joinedup.partners.upload` keeps the file and builds what the
pages show; `joinedup.partners.services.import_plan_mapped` stores the plan.
"""

from __future__ import annotations

from pathlib import Path

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from joinedup.accounts.scope import Scope
from joinedup.pages.access import scoped
from joinedup.partners import upload
from joinedup.partners.forms import MappingForm, UploadForm, shown_mapping
from joinedup.partners.services import ImportFailed, import_plan_mapped, read_plan_for


def _editable_organisation(scope: Scope, organisation_id: int):
    organisation = scope.organisations().filter(id=organisation_id).first()
    if organisation is None or not scope.can_edit_for(organisation_id):
        raise PermissionDenied("You cannot upload plans for this organisation")
    return organisation


@scoped
def plan_upload(request: HttpRequest, scope: Scope) -> HttpResponse:
    form = UploadForm(scope, request.POST if request.method == "POST" else None, request.FILES or None)
    if not form.fields["organisation"].choices:
        raise PermissionDenied("You cannot upload plans for any organisation")
    if request.method == "POST" and form.is_valid():
        organisation = _editable_organisation(scope, form.cleaned_data["organisation"])
        token = upload.keep(request.session, form.cleaned_data["file"], organisation.id)
        title = Path(form.cleaned_data["file"].name).stem
        saved = scope.plans().filter(owner=organisation, title=title).first()
        if saved is not None and saved.column_mapping:
            upload.remember_mapping(request.session, token, dict(saved.column_mapping))
        return redirect("partners:upload-check", slug=scope.partnership.slug, token=token)
    context = {"form": form, "form_has_errors": bool(form.errors), "active": "partners"}
    return render(request, "partners/upload.html", context)


@scoped
def plan_upload_check(request: HttpRequest, scope: Scope, token: str) -> HttpResponse:
    stored = upload.find(request.session, token)
    if stored is None:
        return render(request, "partners/upload_gone.html", {"active": "partners"}, status=404)
    organisation = _editable_organisation(scope, stored.organisation_id)
    try:
        result = read_plan_for(scope.partnership, stored.path, organisation.name, stored.mapping)
    except ImportFailed as failed:
        upload.discard(request.session, token)
        context = {"problem": str(failed), "active": "partners", "form_has_errors": True}
        return render(request, "partners/upload_failed.html", context, status=422)
    columns = upload.columns(result)
    diffs = upload.changes_to_existing(scope, organisation.id, result)
    form = MappingForm(columns, request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        chosen = form.mapping()
        if chosen != shown_mapping(columns) or request.POST.get("go") != "import":
            problem = _unreadable(scope, stored, organisation, chosen)
            if problem is None:
                upload.remember_mapping(request.session, token, chosen)
                return redirect("partners:upload-check", slug=scope.partnership.slug, token=token)
            form.add_error(None, f"With this mapping the plan cannot be read: {problem}")
        elif not diffs or form.cleaned_data["confirm"]:
            return _import(request, scope, stored, organisation, chosen)
        else:
            form.add_error("confirm", f"Confirm that {len(diffs)} existing action"
                           f"{' is' if len(diffs) == 1 else 's are'} to be changed, or change the mapping")
    context = {"form": form, "organisation": organisation, "file_name": stored.path.name,
               "result": result, "preview": upload.preview(result),
               "preview_columns": upload.PREVIEW_COLUMNS, "diffs": diffs,
               "form_has_errors": bool(form.errors), "active": "partners"}
    return render(request, "partners/upload_check.html", context)


def _unreadable(scope: Scope, stored, organisation, mapping: dict[str, str]) -> str | None:
    """Why the file cannot be read with `mapping`, or None when it can."""
    try:
        read_plan_for(scope.partnership, stored.path, organisation.name, mapping)
    except ImportFailed as failed:
        return str(failed)
    return None


def _import(request, scope: Scope, stored: upload.StoredUpload, organisation, mapping) -> HttpResponse:
    try:
        report = import_plan_mapped(scope.partnership, stored.path, organisation.name,
                                    mapping=mapping, title=stored.path.stem)
    except ImportFailed as failed:
        context = {"problem": str(failed), "active": "partners", "form_has_errors": True}
        return render(request, "partners/upload_failed.html", context, status=422)
    finally:
        upload.discard(request.session, stored.token)
    context = {"report": report, "organisation": organisation, "active": "partners"}
    return render(request, "partners/import_report.html", context)
