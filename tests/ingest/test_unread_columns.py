"""Columns that are not read: one warning per sheet names them and says how to read one."""

from __future__ import annotations

import io

from joinedup.ingest import read_plan
from joinedup.ingest.plans import read_plans
from joinedup.ingest.records import Location


def test_an_unknown_column_is_named_in_one_warning_for_its_sheet(make_xlsx):
    path = make_xlsx([["Action", "Colour"], ["A", "blue"], ["B", "red"]])
    result = read_plan(path)
    assert [a.title for a in result.actions] == ["A", "B"]
    [warning] = result.warnings
    assert warning.location == Location("plan.xlsx", "Plan")
    assert warning.message == (
        "1 column was not read, so its cells were not imported: 'Colour' (its header names no "
        "field); to read a column, map its header to a field, e.g. {'Colour': 'description'} "
        "(the --mapping option of joinedup import-plan, or the column's choice when uploading)")
    assert warning.value == "'Colour'"


def test_every_column_not_read_is_named_in_order_with_why(make_xlsx):
    path = make_xlsx([
        ["Action", "Governance", "Lead", "Owner", "Notes", None, "Shape"],
        ["A", "Board", "Ann", "Bob", "private", "stray", "round"],
    ])
    result = read_plan(path, mapping={"Notes": "ignore"})
    [warning] = result.warnings
    assert warning.location == Location("plan.xlsx", "Plan")
    assert warning.message == (
        "5 columns were not read, so their cells were not imported: 'Governance' (its header "
        "names no field); 'Owner' (lead is read from column 'Lead' and only one column can give "
        "it); 'Notes' (the mapping says to ignore it); column 6 (no header); 'Shape' (its header "
        "names no field); to read a column, map its header "
        "to a field, e.g. {'Governance': 'description'} (the --mapping option of joinedup "
        "import-plan, or the column's choice when uploading); a column with no header needs "
        "one written in the file to be read")
    assert warning.value == "'Governance'; 'Owner'; 'Notes'; column 6 (no header); 'Shape'"


def test_a_column_with_no_header_and_no_data_needs_no_warning(make_xlsx):
    path = make_xlsx([["Action", None, "Lead"], ["A", None, "Ann"], ["B", "", "Bob"]])
    assert read_plan(path).warnings == []


def test_data_beyond_the_last_header_is_reported_as_a_column_with_no_header(make_xlsx):
    path = make_xlsx([["Action", "Lead"], ["A", "Ann"], ["B", "Bob", None, "see minutes"]])
    [warning] = read_plan(path).warnings
    assert warning.message.startswith(
        "1 column was not read, so its cells were not imported: column 4 (no header); a column "
        "with no header needs one written in the file to be read")


def test_section_headings_in_a_column_with_no_header_are_not_data(make_xlsx):
    path = make_xlsx([
        [None, "Action", "Lead"],
        ["Priority 1: Healthy weight", None, None],
        [None, "Walking groups", "Ann"],
    ])
    result = read_plan(path)
    assert [w.message.split(":")[0] for w in result.warnings] == [
        "read as a section heading, not an action"]


def test_every_sheet_has_its_own_warning(make_xlsx):
    path = make_xlsx([["Action", "Colour"], ["A", "blue"]],
                     sheets={"More": [["Task", "Size"], ["B", "big"]]})
    warnings = read_plan(path).warnings
    assert [(w.location, w.value) for w in warnings] == [
        (Location("plan.xlsx", "Plan"), "'Colour'"), (Location("plan.xlsx", "More"), "'Size'")]


def test_a_csv_column_not_read_is_reported(make_csv):
    path = make_csv("Action,Lead,Cabinet member\nQuit clinics,Ann,Cllr Smith\n")
    [warning] = read_plan(path).warnings
    assert warning.location == Location("plan.csv", "plan")
    assert "'Cabinet member' (its header names no field)" in warning.message


def test_read_plans_for_analysis_passes_the_warning_on(make_csv):
    path = make_csv("Action,Lead,Cabinet member\nQuit clinics,Ann,Cllr Smith\n")
    [warning] = read_plans([path]).warnings
    assert warning.value == "'Cabinet member'"


def test_the_warning_shows_in_the_import_report_table(make_xlsx):
    """Printed like any other warning: where, then the message."""
    from rich.console import Console

    from joinedup.cli_output import print_import_report
    from joinedup.ingest import read_plan as read

    result = read(make_xlsx([["Action", "Colour"], ["A", "blue"]]))

    class Report:
        file = "plan.xlsx"
        created = updated = unchanged = skipped_blank = skipped_headers = 0
        rejected: list = []
        warnings = result.warnings

    out = io.StringIO()
    print_import_report(Console(file=out, width=400), Report())
    assert "plan.xlsx, sheet 'Plan'" in out.getvalue()
    assert "'Colour' (its header names no field)" in out.getvalue()


def test_the_sheet_warning_comes_before_the_warnings_on_its_rows(make_xlsx):
    path = make_xlsx([["Action", "By when", "Colour"], ["A", "31/13/2015", "blue"]])
    warnings = read_plan(path).warnings
    assert [(w.location.row, w.location.column) for w in warnings] == [
        (None, None), (2, "By when")]
