"""Old-format Excel (.xls) plans, written here with xlwt as partners' older systems do."""

from __future__ import annotations

import datetime as dt

import pytest
import xlwt

from joinedup.ingest import IngestError, read_plan


def _xls(path, rows, sheet="Plan"):
    book = xlwt.Workbook()
    page = book.add_sheet(sheet)
    dates = xlwt.easyxf(num_format_str="DD/MM/YYYY")
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if isinstance(value, dt.date):
                page.write(r, c, value, dates)
            else:
                page.write(r, c, value)
    book.save(str(path))
    return path


def test_an_xls_plan_with_a_title_row_and_a_real_date_cell_is_read(tmp_path):
    path = _xls(tmp_path / "old-plan.xls", [
        ["Borough council health action plan"],
        [],
        ["Ref", "Action", "Lead officer", "By when", "Budget"],
        ["X1", "Walking groups in parks", "Leisure manager", dt.date(2014, 3, 31), "£12k"],
        ["X2", "Cycle hire scheme", "Transport lead", "Q3 2013/14", "12,500"],
    ])
    result = read_plan(path)
    assert result.sheets[0].header_row == 3
    walking, cycling = result.actions
    assert (walking.reference, walking.end_date, str(walking.resource_amount)) == (
        "X1", dt.date(2014, 3, 31), "12000")
    # Q3 of the 2013/14 financial year is October to December 2013.
    assert (cycling.start_date, cycling.end_date) == (dt.date(2013, 10, 1), dt.date(2013, 12, 31))


def test_a_rejected_xls_row_names_sheet_row_and_column(tmp_path):
    path = _xls(tmp_path / "old-plan.xls", [["Action", "Lead"], ["", "Someone"], ["Real", "X"]],
                sheet="Actions 2013")
    [problem] = read_plan(path).rejected
    assert (problem.location.file, problem.location.sheet, problem.location.row,
            problem.location.column) == ("old-plan.xls", "Actions 2013", 2, "Action")


def test_a_truncated_xls_is_reported_naming_the_file(tmp_path):
    good = _xls(tmp_path / "good.xls", [["Action"], ["Walking groups"]])
    bad = tmp_path / "cut.xls"
    bad.write_bytes(good.read_bytes()[:600])
    with pytest.raises(IngestError) as raised:
        read_plan(bad)
    assert "cut.xls" in str(raised.value.problem)
