"""Word (.docx) plans: each table is read like a sheet, with the spreadsheet rules unchanged.

The documents are built with python-docx as a partner would write them: a
heading, a little text, then the plan as a table.
"""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import docx
import pytest
from typer.testing import CliRunner

from joinedup.cli import app
from joinedup.ingest import IngestError, read_plan
from joinedup.ingest.references import referenced
from joinedup.ingest.sources import SUPPORTED_EXTENSIONS, open_sheets

HEADER = ["Action", "Lead", "By when", "Outcome measure", "Priority"]
FIRST = "Our health and wellbeing actions for 2013-14"
STRATEGY = [(1, "Best start in life")]


def _fill(table, rows: list[list[str]]) -> None:
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            if text:
                table.cell(r, c).text = text


def _plan(path: Path) -> Path:
    """Two tables; the first has a merged section heading, a merged lead and an empty row.

    Table 1 rows (1-based, as warnings count them): 1 header, 2 "Priority 1: Best
    start in life" merged across all five columns, 3-4 two actions sharing one lead
    cell merged down, 5 empty, 6 an action with an impossible date (31 February).
    """
    document = docx.Document()
    document.add_heading(FIRST, level=1)
    document.add_paragraph("This plan sets out what the council will do. It is not an action.")
    table = document.add_table(rows=6, cols=5)
    _fill(table, [
        HEADER,
        [],
        ["Breastfeeding peer support in children's centres", "", "31/03/2014",
         "Breastfeeding at 6-8 weeks", ""],
        ["Healthy Start vitamins in every children's centre", "", "30/09/2013",
         "Vitamin uptake", ""],
        [],
        ["Stop smoking support in pregnancy", "Public Health", "31/02/2014",
         "Smoking at time of delivery", "15"],
    ])
    table.cell(1, 0).merge(table.cell(1, 4)).text = "Priority 1: Best start in life"
    table.cell(2, 1).merge(table.cell(3, 1)).text = "Jane Hill, Children's Centres Manager"
    document.add_heading("Priority 6: Falls", level=2)
    second = document.add_table(rows=2, cols=4)
    _fill(second, [["Ref", "Action", "Lead", "By when"],
                   ["F1", "Strength and balance classes in sheltered housing",
                    "Leisure Services", "1 April 2014"]])
    document.save(path)
    return path


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    return _plan(tmp_path / "district-plan.docx")


def test_docx_is_a_supported_type():
    assert ".docx" in SUPPORTED_EXTENSIONS


def test_each_table_is_a_sheet_named_after_the_heading_above_it(plan):
    assert [s.name for s in open_sheets(plan)] == [FIRST, "Priority 6: Falls"]


def test_merged_cells_keep_their_text_once_and_are_reported_as_merges(plan):
    data = open_sheets(plan)[0].load()
    assert data.rows[1] == ["Priority 1: Best start in life", None, None, None, None]
    assert data.rows[2][1] == "Jane Hill, Children's Centres Manager"
    assert data.rows[3][1] is None
    assert data.rows[4] == [None] * 5
    assert sorted(data.merges) == [((1, 0), (1, 4)), ((2, 1), (3, 1))]


def test_actions_dates_leads_and_references_are_read(plan):
    result = read_plan(plan, priorities=STRATEGY)
    actions = referenced(result)
    got = [(a.location.sheet, a.location.row, a.reference, a.title, a.lead_name, a.lead_role,
            a.end_date) for a in actions]
    assert got == [
        # References without a Ref column are the data row number under the header,
        # after the table's name: the document has two tables, so numbers repeat.
        (FIRST, 3, f"{FIRST}:2", "Breastfeeding peer support in children's centres", "Jane Hill",
         "Children's Centres Manager", dt.date(2014, 3, 31)),
        # The lead cell merged down over rows 3-4 is filled down.
        (FIRST, 4, f"{FIRST}:3", "Healthy Start vitamins in every children's centre", "Jane Hill",
         "Children's Centres Manager", dt.date(2013, 9, 30)),
        (FIRST, 6, f"{FIRST}:5", "Stop smoking support in pregnancy", "Public Health", "", None),
        ("Priority 6: Falls", 2, "F1", "Strength and balance classes in sheltered housing",
         "Leisure Services", "", dt.date(2014, 4, 1)),
    ]
    assert actions[0].outcome_measures == "Breastfeeding at 6-8 weeks"
    assert result.skipped_blank == 1
    assert result.rejected == []


def test_the_merged_heading_row_gives_its_priority_to_the_actions_below(plan):
    result = read_plan(plan, priorities=STRATEGY)
    priorities = {a.title: a.priority_numbers for a in result.actions}
    assert result.section_rows == 1
    assert priorities == {
        "Breastfeeding peer support in children's centres": (1,),
        "Healthy Start vitamins in every children's centre": (1,),
        "Stop smoking support in pregnancy": (15,),        # its own priority cell wins
        # The second table sits under the heading "Priority 6: Falls".
        "Strength and balance classes in sheltered housing": (6,),
    }
    notes = [w for w in result.warnings if w.value == "Priority 1: Best start in life"]
    assert [(n.location.sheet, n.location.row) for n in notes] == [(FIRST, 2)]
    assert "priority 1 Best start in life" in notes[0].message


def test_an_impossible_date_warns_naming_file_table_row_and_column(plan):
    result = read_plan(plan, priorities=STRATEGY)
    dated = [w for w in result.warnings if w.value == "31/02/2014"]
    assert len(dated) == 1
    location = dated[0].location
    assert (location.file, location.sheet, location.row, location.column) == (
        "district-plan.docx", FIRST, 6, "By when")


def test_one_table_can_be_chosen_by_its_name(plan):
    result = read_plan(plan, sheet="priority 6: falls")
    assert [a.reference for a in result.actions] == ["F1"]


def test_tables_without_a_heading_are_numbered_and_names_stay_unique(tmp_path):
    document = docx.Document()
    first = document.add_table(rows=2, cols=1)
    _fill(first, [["Action"], ["Walking groups"]])
    document.add_heading("Housing", level=2)
    document.add_paragraph("Both tables below are about housing.")
    for title in ("Warm homes grants", "Home adaptations"):
        table = document.add_table(rows=2, cols=1)
        _fill(table, [["Action"], [title]])
    document.save(tmp_path / "plan.docx")
    # Tables are numbered in document order: the third is the second under "Housing".
    assert [s.name for s in open_sheets(tmp_path / "plan.docx")] == [
        "Table 1", "Housing", "Housing (Table 3)"]


def test_cell_text_joins_paragraphs_and_includes_nested_tables(tmp_path):
    document = docx.Document()
    table = document.add_table(rows=2, cols=2)
    _fill(table, [["Action", "Outcome measure"]])
    cell = table.cell(1, 0)
    cell.text = "  Falls classes  "
    cell.add_paragraph("in three towns")
    nested = table.cell(1, 1).add_table(rows=1, cols=2)
    _fill(nested, [["Q1: 20 people", "Q2: 40 people"]])
    document.save(tmp_path / "plan.docx")
    rows = open_sheets(tmp_path / "plan.docx")[0].load().rows
    assert rows[1][0] == "Falls classes\nin three towns"
    assert "Q1: 20 people" in rows[1][1] and "Q2: 40 people" in rows[1][1]


def _error(path: Path) -> IngestError:
    with pytest.raises(IngestError) as caught:
        read_plan(path)
    assert caught.value.problem.location.file == path.name
    return caught.value


def test_random_bytes_named_docx_give_an_error_naming_the_file(tmp_path):
    path = tmp_path / "noise.docx"
    path.write_bytes(b"this is not a zip file at all")
    error = _error(path)
    assert "could not be opened as a .docx document" in error.problem.message
    assert "noise.docx" in str(error)


def test_a_truncated_docx_gives_an_error_naming_the_file(plan, tmp_path):
    data = plan.read_bytes()
    cut = tmp_path / "cut.docx"
    cut.write_bytes(data[: len(data) // 2])
    assert "could not be opened as a .docx document" in _error(cut).problem.message


def test_a_workbook_renamed_docx_gives_an_error_naming_the_file(make_xlsx, tmp_path):
    workbook = make_xlsx([["Action"], ["Do it"]])
    renamed = tmp_path / "renamed.docx"
    renamed.write_bytes(workbook.read_bytes())
    assert "expected a document saved by Word or LibreOffice" in _error(renamed).problem.message


def test_an_old_doc_file_is_refused_asking_for_docx(tmp_path):
    path = tmp_path / "old-plan.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100)
    message = _error(path).problem.message
    assert "save it as .docx" in message


def test_a_document_without_tables_is_refused(tmp_path):
    document = docx.Document()
    document.add_heading("Our plan", level=1)
    document.add_paragraph("Action: run walking groups. Lead: Leisure Services.")
    document.save(tmp_path / "prose.docx")
    message = _error(tmp_path / "prose.docx").problem.message
    assert "the document has no tables" in message
    assert "expected the actions in a table with a header row" in message


def test_a_document_whose_only_table_has_one_row_is_refused(tmp_path):
    document = docx.Document()
    _fill(document.add_table(rows=1, cols=2), [["Action", "Lead"]])
    document.save(tmp_path / "banner.docx")
    assert "only one row" in _error(tmp_path / "banner.docx").problem.message


def test_a_table_with_no_header_among_others_is_a_warning_not_a_failure(plan, tmp_path):
    document = docx.Document(str(plan))
    document.add_heading("Document control", level=2)
    _fill(document.add_table(rows=2, cols=2), [["Version", "3"], ["Approved", "June 2013"]])
    document.save(tmp_path / "with-control.docx")
    result = read_plan(tmp_path / "with-control.docx")
    assert len(result.actions) == 4
    assert [w.location.sheet for w in result.warnings
            if w.message.startswith("no header row")] == ["Document control"]


# The whole path: `joinedup analyse` on a Word plan and a CSV plan.

STRATEGY_YAML = """name: Test strategy
categories: [Early Intervention & Prevention, Treatment, Long-term management & support]
priorities:
  - {number: 1, name: Best start in life}
  - {number: 6, name: Falls}
  - {number: 15, name: Tobacco and smoking cessation}
themes:
  - {name: Living well, priorities: [1, 6, 15]}
"""


def test_analyse_reads_a_word_plan_next_to_a_csv_plan(plan, tmp_path):
    (tmp_path / "strategy.yaml").write_text(STRATEGY_YAML, encoding="utf-8")
    (tmp_path / "trust.csv").write_text(
        "Ref,Action,Lead,Outcome measures\n"
        "T7,Strength and balance classes for older people in sheltered housing,"
        "Falls team,Falls admissions 65+\n", encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["analyse", str(plan), str(tmp_path / "trust.csv"),
                                      "--strategy", str(tmp_path / "strategy.yaml"),
                                      "--out", str(out)])
    assert result.exit_code == 0, result.output
    with (out / "pairs.csv").open(encoding="utf-8", newline="") as handle:
        pairs = list(csv.DictReader(handle))
    found = {frozenset({(p["a_partner"], p["a_ref"]), (p["b_partner"], p["b_ref"])})
             for p in pairs}
    # Both plans have strength and balance classes in sheltered housing.
    assert frozenset({("district-plan", "F1"), ("trust", "T7")}) in found
