"""Public pages of the published plan: no sign-in, and only ever published snapshots."""

from __future__ import annotations

import datetime as dt

from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render

from joinedup.ingest.records import STATUS_LABELS
from joinedup.publishing import pdf
from joinedup.publishing.comparing import compare as compare_contents
from joinedup.publishing.presenting import (
    Filters,
    by_when,
    indicator_lines,
    matching_count,
    outline,
    partner_names,
    priority_indicators,
)
from joinedup.publishing.public import earlier_versions, open_consultations, published_snapshot
from joinedup.publishing.spreadsheet import plan_csv, plan_workbook
from joinedup.publishing.summary import INTRO, summary_sentences

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def plan(request: HttpRequest, slug: str | None = None, version: int | None = None) -> HttpResponse:
    snapshot = published_snapshot(slug or request.GET.get("p"), version)
    content = snapshot.content
    filters = Filters.from_query(request.GET)
    themes, unplaced = outline(content, filters)
    context = {
        "snapshot": snapshot, "content": content, "slug": snapshot.partnership.slug,
        "intro": INTRO, "summary": summary_sentences(content), "themes": themes,
        "unplaced": unplaced, "filters": filters, "matching": matching_count(content, filters),
        "partners": partner_names(content), "statuses": STATUS_LABELS, "by_when": by_when,
        "earlier": earlier_versions(snapshot), "public_page": True,
        "indicator_lines": indicator_lines(content),
        "priority_indicators": priority_indicators(content),
        "consultations": open_consultations(snapshot.partnership, dt.date.today()),
    }
    return render(request, "publishing/plan.html", context)


def open_data(request: HttpRequest, slug: str | None = None,
              version: int | None = None) -> JsonResponse:
    snapshot = published_snapshot(slug or request.GET.get("p"), version)
    response = JsonResponse(snapshot.content, json_dumps_params={"ensure_ascii": False})
    response["Access-Control-Allow-Origin"] = "*"
    return response


def _download(body: bytes | str, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _stem(snapshot) -> str:
    return f"{snapshot.partnership.slug}-plan-v{snapshot.version}"


def plan_pdf(request: HttpRequest, slug: str, version: int) -> HttpResponse:
    snapshot = published_snapshot(slug, version)
    return _download(pdf.plan_pdf(snapshot), "application/pdf", f"{_stem(snapshot)}.pdf")


def plan_xlsx(request: HttpRequest, slug: str, version: int) -> HttpResponse:
    snapshot = published_snapshot(slug, version)
    return _download(plan_workbook(snapshot.content), XLSX, f"{_stem(snapshot)}.xlsx")


def plan_csv_file(request: HttpRequest, slug: str, version: int) -> HttpResponse:
    snapshot = published_snapshot(slug, version)
    return _download(plan_csv(snapshot.content), "text/csv; charset=utf-8", f"{_stem(snapshot)}.csv")


def compare(request: HttpRequest, slug: str, a: int, b: int) -> HttpResponse:
    if a == b:
        raise Http404("Choose two different versions")
    before, after = published_snapshot(slug, a), published_snapshot(slug, b)
    context = {"before": before, "after": after, "slug": slug, "public_page": True,
               "comparison": compare_contents(before.content, after.content)}
    return render(request, "publishing/compare.html", context)
