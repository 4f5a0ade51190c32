"""Members' pages: publishing snapshots (administrators) and the board report (all members)."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from joinedup.accounts.scope import Scope
from joinedup.pages.access import scoped
from joinedup.publishing import pdf
from joinedup.publishing.services import publish_draft, take_snapshot

NOTE_LENGTH = 2000


def _require_admin(scope: Scope) -> None:
    if not scope.is_admin:
        raise PermissionDenied("Only administrators publish the plan")


@scoped
def publish(request: HttpRequest, scope: Scope) -> HttpResponse:
    """GET: the snapshots so far; POST: take a new snapshot, published or as a draft."""
    _require_admin(scope)
    if request.method == "POST":
        note = request.POST.get("note", "").strip()[:NOTE_LENGTH]
        as_draft = request.POST.get("kind") == "draft"
        take_snapshot(scope, request.user, note, publish=not as_draft)
        return redirect("publishing:publish", slug=scope.partnership.slug)
    return render(request, "publishing/publish.html",
                  {"snapshots": scope.snapshots().select_related("created_by"), "active": "publish"})


@require_POST
@scoped
def publish_snapshot(request: HttpRequest, scope: Scope, version: int) -> HttpResponse:
    _require_admin(scope)
    publish_draft(scope, get_object_or_404(scope.snapshots(), version=version))
    return redirect("publishing:publish", slug=scope.partnership.slug)


@scoped
def board_report(request: HttpRequest, scope: Scope, version: int) -> HttpResponse:
    """Any member may read the board report of a published version; it is generated on request."""
    snapshot = get_object_or_404(scope.snapshots().filter(status="published"), version=version)
    body = pdf.board_pdf(scope, snapshot, dt.date.today())
    response = HttpResponse(body, content_type="application/pdf")
    response["Content-Disposition"] = (
        f'attachment; filename="{scope.partnership.slug}-board-report-v{version}.pdf"')
    return response
