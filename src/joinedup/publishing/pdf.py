"""PDFs of the published plan and of the board report, tagged for accessibility (PDF/UA-1).

WeasyPrint turns h1-h3 into bookmarks, takes the title from <title> and the
language from <html lang>; the templates set A4 pages and DejaVu Sans.
"""

from __future__ import annotations

import datetime as dt

import weasyprint
from django.template.loader import render_to_string

from joinedup.accounts.scope import Scope
from joinedup.publishing.board import board_report
from joinedup.publishing.models import Snapshot
from joinedup.publishing.presenting import Filters, by_when, outline
from joinedup.publishing.summary import INTRO, summary_sentences

PDF_VARIANT = "pdf/ua-1"


def to_pdf(html: str) -> bytes:
    return weasyprint.HTML(string=html).write_pdf(pdf_variant=PDF_VARIANT)


def plan_html(snapshot: Snapshot) -> str:
    content = snapshot.content
    themes, unplaced = outline(content, Filters())
    return render_to_string("publishing/pdf_plan.html", {
        "snapshot": snapshot, "content": content, "intro": INTRO,
        "summary": summary_sentences(content), "themes": themes, "unplaced": unplaced,
        "by_when": by_when,
    })


def plan_pdf(snapshot: Snapshot) -> bytes:
    return to_pdf(plan_html(snapshot))


def board_html(scope: Scope, snapshot: Snapshot, today: dt.date) -> str:
    return render_to_string("publishing/pdf_board.html",
                            {"report": board_report(scope, snapshot, today), "today": today})


def board_pdf(scope: Scope, snapshot: Snapshot, today: dt.date) -> bytes:
    return to_pdf(board_html(scope, snapshot, today))
