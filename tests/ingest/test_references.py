from __future__ import annotations

from joinedup.ingest import read_plan
from joinedup.ingest.references import referenced


def test_rows_without_a_reference_column_get_their_data_row_number(tmp_path):
    path = tmp_path / "plan.csv"
    path.write_text("Borough health plan\n\nAction,Lead\nWalking groups,Leisure\n\nCycle hire,Transport\n",
                    encoding="utf-8")
    # Header on row 3: "Walking groups" is row 4 (data row 1); a blank row 5; "Cycle hire" row 6.
    assert [r.reference for r in referenced(read_plan(path))] == ["1", "3"]


def test_a_plan_reference_column_is_kept(tmp_path):
    path = tmp_path / "plan.csv"
    path.write_text("Ref,Action\nH7,Walking groups\n", encoding="utf-8")
    assert [r.reference for r in referenced(read_plan(path))] == ["H7"]


def test_row_numbers_name_their_sheet_when_a_workbook_has_several(tmp_path):
    import openpyxl

    workbook = openpyxl.Workbook()
    first = workbook.active
    first.title = "Housing"
    for row in (["Action", "Lead"], ["Warm homes advice", "Housing"], ["Adaptations", "OT"]):
        first.append(row)
    second = workbook.create_sheet("Health")
    for row in (["Action", "Lead"], ["Falls classes", "PH"]):
        second.append(row)
    workbook.save(tmp_path / "plan.xlsx")
    # Each sheet's data rows are numbered from 1, so alone "1" would name two actions.
    assert [r.reference for r in referenced(read_plan(tmp_path / "plan.xlsx"))] == [
        "Housing:1", "Housing:2", "Health:1"]
