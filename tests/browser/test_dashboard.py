"""The dashboard and the plan-keeping pages in a real browser: readable, axe-clean, charts with tables."""

from __future__ import annotations

import datetime as dt
import io

import openpyxl
import pytest
from tests.browser.fixtures import assert_accessible
from tests.factories import ActionFactory

from joinedup.accounts.scope import Scope
from joinedup.imports.models import ImportBatch
from joinedup.imports.roundtrip import partner_xlsx_bytes


@pytest.fixture
def stocked(world):
    old = dt.date.today() - dt.timedelta(days=300)
    for i, (owner, status) in enumerate([(world.council, "on_track"), (world.council, "at_risk"),
                                         (world.nhs, "complete"), (world.charity, "not_started")]):
        action = ActionFactory(partnership=world.board, owner=owner, status=status,
                               title=f"Action number {i}", progress_date=old)
        action.priorities.set([world.priorities[i % 2]])
        action.categories.set([world.categories[i % 3]])
    ImportBatch.objects.create(partnership=world.board, organisation=world.council,
                               user=world.editor, file_name="council.xlsx", updated_count=2)


def test_a_viewer_reads_the_dashboard_with_a_table_beside_every_chart(page_for, world, stocked):
    page = page_for(world.viewer)
    page.goto("/p/wealdbridge/dashboard/")
    assert page.get_by_role("heading", name="Dashboard", level=1).is_visible()
    figures = page.locator("figure")
    assert figures.count() == 3
    for i in range(figures.count()):
        figure = figures.nth(i)
        assert figure.get_by_role("img").count() == 1
        assert figure.locator("table tbody tr").count() >= 1
    assert page.locator("#heat-map td").first.is_visible()
    assert page.locator("#overdue-count").inner_text() == "3"
    assert_accessible(page)


def test_the_overdue_list_is_accessible(page_for, world, stocked):
    page = page_for(world.viewer)
    page.goto("/p/wealdbridge/overdue/")
    assert page.get_by_role("heading", name="Wealdbridge County Council").is_visible()
    assert_accessible(page)


def test_settings_are_accessible_including_the_error_state(page_for, world):
    page = page_for(world.admin)
    page.goto("/p/wealdbridge/settings/")
    assert_accessible(page)
    page.get_by_label("How often should every action").fill("0")
    page.get_by_role("button", name="Save settings").click()
    assert page.title().startswith("Error: ")
    assert_accessible(page)
    page.get_by_role("link", name="Enter at least 1 month").click()
    page.get_by_label("How often should every action").fill("6")
    page.get_by_role("button", name="Save settings").click()
    assert page.get_by_text("The update cycle has been saved").is_visible()
    assert_accessible(page)


def test_the_upload_page_and_its_error_state_are_accessible(page_for, world, stocked):
    page = page_for(world.editor)
    page.goto(f"/p/wealdbridge/partners/{world.council.pk}/spreadsheet/upload/")
    assert_accessible(page)
    page.get_by_role("button", name="Check the differences").click()
    assert page.title().startswith("Error: ")
    assert_accessible(page)


def test_the_imports_list_is_accessible(page_for, world, stocked):
    page = page_for(world.admin)
    page.goto("/p/wealdbridge/imports/")
    assert page.get_by_role("button", name="Undo import of council.xlsx").is_visible()
    assert_accessible(page)


def test_the_difference_preview_and_the_confirmation_are_accessible(page_for, world, stocked):
    book = openpyxl.load_workbook(io.BytesIO(
        partner_xlsx_bytes(Scope.system(world.board), world.council)))
    sheet = book["Actions"]
    sheet.cell(2, 3).value = "A new title for the first action"
    edited = io.BytesIO()
    book.save(edited)
    page = page_for(world.editor)
    page.goto(f"/p/wealdbridge/partners/{world.council.pk}/spreadsheet/upload/")
    page.set_input_files("#id_file", files=[{"name": "council.xlsx", "buffer": edited.getvalue(),
                                             "mimeType": "application/octet-stream"}])
    page.get_by_role("button", name="Check the differences").click()
    assert page.get_by_role("heading", name="Check the differences before importing").is_visible()
    assert page.get_by_role("cell", name="A new title for the first action").is_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Confirm and import").click()
    assert page.get_by_text("1 changed").is_visible()
    assert_accessible(page)
