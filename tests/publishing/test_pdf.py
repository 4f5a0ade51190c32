"""The plan and board-report PDFs: tagged, titled, in English, with headings as bookmarks."""

from __future__ import annotations

import datetime as dt

import pytest
from tests.publishing.conftest import DELETED_TITLE, DRAFT_TITLE, INTERNAL_REASON
from tests.publishing.pdf_text import bookmarks, document_text, raw_objects

from joinedup.publishing import pdf
from joinedup.publishing.services import take_snapshot

TODAY = dt.date(2025, 9, 1)


@pytest.fixture
def snapshot(admin_scope, plan):
    return take_snapshot(admin_scope, plan.world.admin)


def test_plan_pdf_text_has_the_summary_priorities_and_actions(snapshot):
    text = document_text(pdf.plan_html(snapshot))
    assert "Summary" in text
    assert "This plan has 2 actions." in text
    assert "Priority 1: Appropriate and adapted housing" in text
    assert "Adapt homes for people leaving hospital" in text


def test_plan_pdf_headings_become_bookmarks(snapshot):
    marks = bookmarks(pdf.plan_html(snapshot))
    assert marks[:2] == ["Wealdbridge Health and Wellbeing Board: our joint action plan", "Summary"]
    assert "Priority 2: Respiratory illness" in marks


def test_plan_pdf_is_tagged_titled_and_english(snapshot):
    raw = raw_objects(pdf.plan_pdf(snapshot))
    assert b"/Lang (en-GB)" in raw
    assert b"/StructTreeRoot" in raw
    assert b"pdfuaid" in raw
    assert b"our joint action plan, version 1" in raw


def test_plan_pdf_page_is_a4(snapshot):
    from weasyprint import HTML

    page = HTML(string=pdf.plan_html(snapshot)).render().pages[0]
    # A4 is 210 x 297 mm = 793.7 x 1122.5 CSS pixels at 96 per inch.
    assert (round(page.width), round(page.height)) == (794, 1123)


def test_plan_pdf_leaves_out_deleted_draft_and_internal_text(snapshot):
    text = document_text(pdf.plan_html(snapshot))
    for secret in (DELETED_TITLE, DRAFT_TITLE, INTERNAL_REASON):
        assert secret not in text


def test_board_report_lists_the_at_risk_action_with_its_narrative_and_board_role(admin_scope,
                                                                                 snapshot):
    text = document_text(pdf.board_html(admin_scope, snapshot, TODAY))
    assert "Exception report" in text
    assert "Breathe easy groups" in text
    assert "Two venues closed." in text
    assert "Sponsor" in text


def test_board_report_shows_resources_freed_but_not_an_internal_reason(admin_scope, snapshot):
    text = document_text(pdf.board_html(admin_scope, snapshot, TODAY))
    assert "£5,000.00" in text
    assert INTERNAL_REASON not in text


def test_board_report_pdf_is_tagged(admin_scope, snapshot):
    raw = raw_objects(pdf.board_pdf(admin_scope, snapshot, TODAY))
    assert b"/Lang (en-GB)" in raw and b"/StructTreeRoot" in raw


def test_plan_pdf_download_is_public(client, snapshot):
    response = client.get("/plan/wealdbridge/1/plan.pdf")
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF")


def test_board_report_needs_a_member(client, plan, snapshot):
    url = "/p/wealdbridge/publish/1/board-report.pdf"
    assert client.get(url).status_code == 302
    client.force_login(plan.world.outsider)
    assert client.get(url).status_code == 404
    client.force_login(plan.world.viewer)
    assert client.get(url).content.startswith(b"%PDF")


def test_board_report_chart_is_an_image_with_a_title(admin_scope, plan):
    from joinedup.outcomes.models import Area, IndicatorDefinition, IndicatorValue

    area = Area.objects.create(partnership=plan.world.board, code="E10000099", name="Wealdbridge")
    falls = IndicatorDefinition.objects.create(partnership=plan.world.board, name="Falls admissions")
    IndicatorValue.objects.create(indicator=falls, area=area, period="2023/24",
                                  period_end=dt.date(2024, 3, 31), value=512)
    snapshot = take_snapshot(admin_scope, plan.world.admin)
    html = pdf.board_html(admin_scope, snapshot, TODAY)
    assert 'role="img"' in html
    assert "Falls admissions: values by period</title>" in html


def test_board_report_counts_approved_comments_per_priority(admin_scope, plan):
    from joinedup.publishing.consulting import open_consultation
    from joinedup.publishing.models import Comment, CommentStatus
    from joinedup.publishing.services import publish_draft

    draft = take_snapshot(admin_scope, plan.world.admin, publish=False)
    consultation = open_consultation(admin_scope, plan.world.admin, draft, "Draft", TODAY, TODAY)
    for status in (CommentStatus.APPROVED, CommentStatus.APPROVED, CommentStatus.REJECTED):
        Comment.objects.create(consultation=consultation, priority_number=2, subject="Priority 2",
                               text="x", status=status, ip_hash="h")
    snapshot = publish_draft(admin_scope, draft)
    text = document_text(pdf.board_html(admin_scope, snapshot, TODAY))
    assert "Priority 2: Respiratory illness 2" in text
