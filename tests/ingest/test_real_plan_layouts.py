"""Layouts of real published HWB / ICS action plans, read field by field.

Expected values are written out by hand from the rows below.
"""

from __future__ import annotations

import datetime as dt

from joinedup.ingest import ActionRecord, Milestone, read_plan
from joinedup.ingest.records import Location

HWB_HEADER = ["Ref", "Priority", "What we will do", "Lead", "Partners involved", "Timescale",
              "How we will know", "Baseline", "Target", "RAG", "Update"]


def _hwb_plan(make_xlsx):
    return make_xlsx(
        [
            ["Northmere Health and Wellbeing Board: joint action plan 2024-26"],
            ["Refreshed March 2024; progress is reported to each Board meeting"],
            [],
            HWB_HEADER,
            ["1.1", "1", "Expand the stop smoking service into GP practices",
             "Jo Green, Public Health Lead", "ICB; GP federation", "March 2025",
             "Quit rate at 4 weeks", "48%", "55%", "Green", "Six practices signed up"],
            ["1.2", "1, 3", "Make every play area smokefree", "Environmental Health", None,
             "2024-25", None, None, "All 40 play areas", "Amber", None],
        ],
        merges=["A1:K1"],
    )


def test_hwb_plan_with_title_rows_parts_and_partners_is_read_exactly(make_xlsx):
    result = read_plan(_hwb_plan(make_xlsx), partner="Northmere Council")
    assert result.sheets[0].header_row == 4
    assert result.sheets[0].columns == [
        ("Ref", "reference"), ("Priority", "priorities"), ("What we will do", "title"),
        ("Lead", "lead"), ("Partners involved", "description"), ("Timescale", "timeline"),
        ("How we will know", "outcome_measures"), ("Baseline", "outcome_measures"),
        ("Target", "outcome_measures"), ("RAG", "status"), ("Update", "progress")]
    assert result.sheets[0].further == ["Partners involved", "Baseline", "Target"]
    assert result.actions == [
        ActionRecord(
            title="Expand the stop smoking service into GP practices",
            partner="Northmere Council", reference="1.1",
            description="Partners involved: ICB; GP federation",
            lead_name="Jo Green", lead_role="Public Health Lead",
            outcome_measures="Quit rate at 4 weeks\nBaseline: 48%\nTarget: 55%",
            end_date=dt.date(2025, 3, 31), status="on_track",
            progress_note="Six practices signed up", priority_numbers=(1,),
        ),
        ActionRecord(
            title="Make every play area smokefree", partner="Northmere Council",
            reference="1.2", lead_name="Environmental Health",
            outcome_measures="Target: All 40 play areas",
            start_date=dt.date(2024, 4, 1), end_date=dt.date(2025, 3, 31), status="at_risk",
            priority_numbers=(1, 3),
        ),
    ]
    assert [a.location for a in result.actions] == [Location("plan.xlsx", "Plan", 5),
                                                     Location("plan.xlsx", "Plan", 6)]
    assert result.warnings == []
    assert result.rejected == []


def _commitment_plan(make_xlsx):
    return make_xlsx([
        ["Commitment", "Deliverables", "Lead organisation", "Key milestones", "Success measure",
         "Q2 update"],
        ["Give every child the best start", "Family hubs open in all localities",
         "Northmere Council", "30/09/2024: first hub open; 31/03/2025: all hubs open",
         "Families using hubs", "First hub opened in July"],
        [None, "Health visitor checks at 2.5 years", "Community Health Trust",
         "31/03/2025: 90% of checks done", "Coverage of 2.5 year checks", None],
        ["Help people live well with long-term conditions", None, "ICB", None,
         "Emergency admissions", "On track"],
    ], name="ics-plan.xlsx")


def test_commitment_and_deliverables_plan_is_read_exactly(make_xlsx):
    result = read_plan(_commitment_plan(make_xlsx), partner="ICS")
    assert result.sheets[0].columns == [
        ("Commitment", "title"), ("Deliverables", "title"), ("Lead organisation", "partner"),
        ("Key milestones", "milestones"), ("Success measure", "outcome_measures"),
        ("Q2 update", "progress")]
    assert result.sheets[0].further == ["Deliverables"]
    assert result.actions == [
        ActionRecord(
            title="Give every child the best start", partner="Northmere Council",
            description="Deliverables: Family hubs open in all localities",
            outcome_measures="Families using hubs",
            milestones=(Milestone(dt.date(2024, 9, 30), "first hub open"),
                        Milestone(dt.date(2025, 3, 31), "all hubs open")),
            progress_note="First hub opened in July",
        ),
        # No commitment on this row: the deliverable is the action.
        ActionRecord(
            title="Health visitor checks at 2.5 years", partner="Community Health Trust",
            outcome_measures="Coverage of 2.5 year checks",
            milestones=(Milestone(dt.date(2025, 3, 31), "90% of checks done"),),
        ),
        ActionRecord(
            title="Help people live well with long-term conditions", partner="ICB",
            outcome_measures="Emergency admissions", status="on_track",
            progress_note="On track",
        ),
    ]
    assert result.warnings == []
    assert result.rejected == []


def test_choosing_the_columns_as_shown_reads_the_plans_the_same_way(make_xlsx):
    """What the upload page shows, chosen unchanged, gives the same actions."""
    for path in (_hwb_plan(make_xlsx), _commitment_plan(make_xlsx)):
        automatic = read_plan(path)
        shown = {h: f or "" for sheet in automatic.sheets for h, f in sheet.columns}
        chosen = read_plan(path, mapping=shown)
        assert chosen.actions == automatic.actions
        assert chosen.sheets[0].columns == automatic.sheets[0].columns
