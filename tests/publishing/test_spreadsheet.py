"""The published plan as a workbook that re-imports without loss, and CSV safe from formulas."""

from __future__ import annotations

import csv
import io
from decimal import Decimal

import openpyxl
import pytest
from tests.publishing.conftest import DELETED_TITLE, DRAFT_TITLE, INTERNAL_REASON

from joinedup.ingest import read_plan
from joinedup.publishing.services import take_snapshot
from joinedup.publishing.spreadsheet import as_record, neutralised, plan_csv, plan_workbook


@pytest.fixture
def snapshot(admin_scope, plan):
    return take_snapshot(admin_scope, plan.world.admin)


def _read_back(tmp_path, content):
    path = tmp_path / "plan.xlsx"
    path.write_bytes(plan_workbook(content))
    return read_plan(path)


def test_workbook_has_a_summary_sheet_then_one_sheet_per_theme(tmp_path, snapshot):
    path = tmp_path / "plan.xlsx"
    path.write_bytes(plan_workbook(snapshot.content))
    assert openpyxl.load_workbook(path).sheetnames == ["Summary", "Long-term conditions"]


def test_workbook_reads_back_into_the_same_records(tmp_path, snapshot):
    result = _read_back(tmp_path, snapshot.content)
    expected = sorted((as_record(a) for a in snapshot.content["actions"]), key=lambda r: r.reference)
    assert sorted(result.actions, key=lambda r: r.reference) == expected
    assert result.rejected == []


def test_round_trip_keeps_the_six_accountability_fields_of_one_action(tmp_path, snapshot):
    housing = next(r for r in _read_back(tmp_path, snapshot.content).actions if r.reference == "C1")
    assert (housing.lead_name, housing.resource_amount, housing.outcome_measures,
            housing.end_date.isoformat(), housing.status, housing.progress_note) == (
        "Jo Smith", Decimal("12000"), "Days from referral to adaptation", "2026-03-31", "on_track",
        "Forty homes adapted so far.")


def test_action_without_a_themed_priority_goes_on_its_own_sheet(tmp_path, plan, admin_scope):
    plan.breathe.priorities.clear()
    content = take_snapshot(admin_scope, plan.world.admin).content
    path = tmp_path / "plan.xlsx"
    path.write_bytes(plan_workbook(content))
    book = openpyxl.load_workbook(path)
    assert book.sheetnames[-1] == "Not under a theme"
    assert book["Not under a theme"]["C2"].value == "Breathe easy groups"


@pytest.mark.parametrize(("cell", "expected"), [
    ("=SUM(A1:A2)", "'=SUM(A1:A2)"),
    ("+44 1234", "'+44 1234"),
    ("-2+3", "'-2+3"),
    ("@cmd", "'@cmd"),
    ("\tindent", "'\tindent"),
    ("\rreturn", "'\rreturn"),
    ("Plain words", "Plain words"),
    ("a=b", "a=b"),
])
def test_cells_that_start_a_formula_get_a_leading_apostrophe(cell, expected):
    assert neutralised(cell) == expected


def test_plan_csv_neutralises_a_formula_in_an_action_title(admin_scope, plan):
    plan.housing.title = "=HYPERLINK(\"http://evil\")"
    plan.housing.save()
    rows = list(csv.reader(io.StringIO(plan_csv(take_snapshot(admin_scope, plan.world.admin).content))))
    titles = [row[2] for row in rows[1:]]
    assert "'=HYPERLINK(\"http://evil\")" in titles


def test_spreadsheet_and_csv_hold_nothing_non_public(client, snapshot, tmp_path):
    path = tmp_path / "plan.xlsx"
    path.write_bytes(client.get("/plan/wealdbridge/1/plan.xlsx").content)
    book = openpyxl.load_workbook(path)
    cells = " ".join(str(c.value) for sheet in book for row in sheet.iter_rows() for c in row)
    exported = client.get("/plan/wealdbridge/1/plan.csv")
    assert exported.status_code == 200
    text = cells + exported.content.decode()
    for secret in (DELETED_TITLE, DRAFT_TITLE, INTERNAL_REASON):
        assert secret not in text
