"""CSV encodings and delimiters, and OpenDocument spreadsheets."""

from __future__ import annotations

import datetime as dt

from joinedup.ingest import read_plan
from joinedup.ingest.records import Location
from joinedup.ingest.sources import decode_text, sniff_delimiter


def test_csv_with_utf8_bom_reads_the_first_header(make_csv):
    path = make_csv("\ufeffAction,Lead\nInsulate homes,Jane\n")
    result = read_plan(path)
    assert result.sheets[0].columns == [("Action", "title"), ("Lead", "lead")]
    assert result.actions[0].title == "Insulate homes"


def test_cp1252_csv_keeps_pound_sign(make_csv):
    path = make_csv("Action,Budget\nWarm homes,£12k\n", encoding="cp1252")
    action = read_plan(path).actions[0]
    assert action.resource_amount == 12000


def test_semicolon_csv_is_sniffed(make_csv):
    path = make_csv("Action;Lead;By when\nDo it;Ann;31/03/2014\n")
    action = read_plan(path).actions[0]
    assert (action.lead_name, action.end_date) == ("Ann", dt.date(2014, 3, 31))


def test_csv_sheet_is_named_after_the_file_and_rows_count_from_one(make_csv):
    path = make_csv("Plan title\n\nAction,By when\nDo it,31/13/2015\n", name="council.csv")
    result = read_plan(path)
    assert result.sheets[0].header_row == 3
    assert result.warnings[0].location == Location("council.csv", "council", 4, "By when")


def test_decode_falls_back_to_cp1252():
    assert decode_text("café £5".encode("cp1252")) == "café £5"


def test_decode_reads_utf16_with_bom():
    assert decode_text("Action\tLead".encode("utf-16")) == "Action\tLead"


def test_sniff_tab_delimiter():
    assert sniff_delimiter("Action\tLead\nA\tB\n") == "\t"


def test_ods_plan_with_title_row_is_read(make_ods):
    path = make_ods([
        ["Action plan 2013/14"],
        [],
        ["Ref", "Action", "By when", "Budget"],
        [1, "Falls clinic", dt.date(2014, 3, 31), 2500],
    ])
    result = read_plan(path)
    [action] = result.actions
    assert result.sheets[0].header_row == 3
    assert (action.reference, action.title, action.end_date, action.resource_amount) == (
        "1", "Falls clinic", dt.date(2014, 3, 31), 2500)
    assert action.location == Location("plan.ods", "Plan", 4, None)
