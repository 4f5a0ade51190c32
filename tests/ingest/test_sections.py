"""Section heading rows: a lone cell naming a priority or theme above the actions it covers."""

from __future__ import annotations

import pytest
from openpyxl import Workbook

from joinedup.ingest.priority_names import PriorityMatcher
from joinedup.ingest.reader import read_plan
from joinedup.ingest.sections import section_heading

STRATEGY = [(1, "Best start in life"), (3, "Ageing well"), (5, "Healthy places")]
MATCHER = PriorityMatcher(STRATEGY)


@pytest.mark.parametrize(("cells", "priorities"), [
    (["Priority 1: Best start in life", None, ""], (1,)),
    ([None, "Priority 3 - Ageing well", None], (3,)),
    (["PRIORITY 5", None], (5,)),                 # a number the strategy has
    (["Priority 9", None], (9,)),                 # kept as written; import checks it
    (["Ageing well", None], (3,)),                # the strategy's own name
    (["Theme 2: Living well", None], ()),         # a theme: a heading, no priority
    (["Objective 4", None], ()),
])
def test_a_lone_short_cell_naming_a_priority_or_theme_is_a_heading(cells, priorities):
    heading = section_heading(cells, MATCHER)
    assert heading is not None and heading.priorities == priorities


@pytest.mark.parametrize("cells", [
    ["Falls classes", None, None],                         # an action with only a title
    ["Priority 1: Best start in life", "Midwife", None],   # two cells filled: an action
    [None, None, None],                                    # blank
    [12, None],                                            # a number, not text
    ["Ageing well " + "and more words " * 12, None],       # too long for a heading
    ["Ageing well 2013", None],                            # a name with a number: not sure
])
def test_other_rows_are_not_headings(cells):
    assert section_heading(cells, MATCHER) is None


def test_without_a_strategy_only_numbered_headings_are_recognised():
    bare = PriorityMatcher()
    assert section_heading(["Ageing well", None], bare) is None
    assert section_heading(["Priority 3 Ageing well", None], bare).priorities == (3,)


def _plan(path):
    wb = Workbook()
    sheet = wb.active
    sheet.title = "Plan"
    sheet.append(["Ref", "Action", "Lead", "Priority"])
    sheet.append(["Priority 1: Best start in life"])
    sheet.merge_cells("A2:D2")
    sheet.append(["A1", "Breastfeeding peer support", "Midwifery lead", None])
    sheet.append(["A2", "Healthy start vitamins", "HV lead", "Healthy places"])
    sheet.append(["Ageing well"])
    sheet.merge_cells("A5:D5")
    sheet.append(["A3", "Falls classes", "PH lead", None])
    sheet.append(["Theme 2: Living well"])
    sheet.append(["A4", "Walking groups", "Leisure lead", None])
    wb.save(path)
    return path


def test_headings_give_their_priority_to_the_actions_below_that_give_none(tmp_path):
    result = read_plan(_plan(tmp_path / "plan.xlsx"), partner="Council", priorities=STRATEGY)
    assert [(a.reference, a.priority_numbers) for a in result.actions] == [
        ("A1", (1,)),          # under "Priority 1"
        ("A2", (5,)),          # gives its own priority: kept
        ("A3", (3,)),          # under "Ageing well"
        ("A4", ()),            # under a theme that is no priority: nothing carried over
    ]
    assert result.rejected == []
    assert result.section_rows == 3
    assert result.rows_read == 7
    notes = [(w.location.row, w.location.column, w.value) for w in result.warnings]
    assert notes == [(2, "Ref", "Priority 1: Best start in life"), (5, "Ref", "Ageing well"),
                     (7, "Ref", "Theme 2: Living well")]
    assert "given priority 1 Best start in life" in result.warnings[0].message
    assert "names no priority" in result.warnings[2].message


def test_a_sheet_named_after_a_priority_gives_it_to_its_actions(tmp_path):
    wb = Workbook()
    first = wb.active
    first.title = "Ageing Well"
    first.append(["Ref", "Action", "Priority"])
    first.append(["A1", "Falls classes", None])
    first.append(["A2", "Park runs", "Healthy places"])
    second = wb.create_sheet("Sheet2")
    second.append(["Ref", "Action", "Priority"])
    second.append(["B1", "Breastfeeding support", None])
    wb.save(tmp_path / "plan.xlsx")
    result = read_plan(tmp_path / "plan.xlsx", partner="Council", priorities=STRATEGY)
    assert [(a.reference, a.priority_numbers) for a in result.actions] == [
        ("A1", (3,)), ("A2", (5,)), ("B1", ())]
    (note,) = [w for w in result.warnings if w.value == "Ageing Well"]
    assert (note.location.sheet, note.location.row) == ("Ageing Well", None)
    assert "given priority 3 Ageing well" in note.message


def test_a_lone_cell_in_the_first_column_is_a_heading_or_note_that_ends_the_section(tmp_path):
    wb = Workbook()
    sheet = wb.active
    sheet.title = "Plan"
    sheet.append(["No.", "Action", "Lead"])
    sheet.append(["Priority 1: Best start in life"])
    sheet.append([1, "Breastfeeding peer support", "Midwifery lead"])
    sheet.append(["B. Care closer to home"])          # the partner's own section label
    sheet.append([2, "Falls response car", "Community services"])
    sheet.append([None, None, "Someone"])             # a lead and no action: a missing action
    sheet.append(["Key: G = on track, A = some slippage"])
    path = tmp_path / "plan.xlsx"
    wb.save(path)
    result = read_plan(path, partner="Council", priorities=STRATEGY)
    # Action 2 is under "B. Care ...", not under priority 1 any more.
    assert [(a.reference, a.priority_numbers) for a in result.actions] == [("1", (1,)),
                                                                           ("2", ())]
    assert [(w.location.row, w.value) for w in result.warnings] == [
        (2, "Priority 1: Best start in life"), (4, "B. Care closer to home"),
        (7, "Key: G = on track, A = some slippage")]
    # The lone lead is further right than the first column: still rejected, row 6.
    assert [(p.location.row, p.location.column) for p in result.rejected] == [(6, "Action")]
    assert result.section_rows == 3
