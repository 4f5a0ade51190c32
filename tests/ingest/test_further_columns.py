"""Further columns: a second column of a text field is added to it, labelled, not dropped."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from joinedup.ingest import ActionRecord, Milestone, read_plan, write_actions_xlsx
from joinedup.ingest.milestones import MILESTONE_EXPECTATION
from joinedup.ingest.records import Location


def test_a_second_description_column_is_added_under_its_header(make_xlsx):
    path = make_xlsx([["Action", "Description", "Further detail"],
                      ["Falls clinic", "Weekly clinic.", "Run by physios"]])
    action = read_plan(path).actions[0]
    assert action.description == "Weekly clinic.\nFurther detail: Run by physios"


def test_a_further_column_alone_in_its_row_is_still_labelled(make_xlsx):
    path = make_xlsx([["Action", "Description", "Further detail"],
                      ["Falls clinic", None, "Run by physios"]])
    assert read_plan(path).actions[0].description == "Further detail: Run by physios"


def test_a_part_is_labelled_even_with_no_column_of_its_own_field(make_xlsx):
    path = make_xlsx([["Action", "Target"], ["Quit clinics", "55%"]])
    result = read_plan(path)
    assert result.actions[0].outcome_measures == "Target: 55%"
    assert result.sheets[0].further == ["Target"]


def test_parts_follow_the_measure_whatever_their_order(make_xlsx):
    path = make_xlsx([["Action", "Trajectory", "Baseline", "Performance indicator"],
                      ["Quit clinics", "50% by Q2", "48%", "Quit rate"]])
    action = read_plan(path).actions[0]
    assert action.outcome_measures == "Quit rate\nTrajectory: 50% by Q2\nBaseline: 48%"


def test_partners_involved_are_kept_in_the_description_after_it(make_xlsx):
    path = make_xlsx([["Action", "Key partners", "Detail", "Supporting partners"],
                      ["Warm homes", "Fire service", "Visits to frail residents", "Age UK"]])
    action = read_plan(path).actions[0]
    assert action.description == ("Visits to frail residents\nKey partners: Fire service\n"
                                  "Supporting partners: Age UK")


def test_partners_involved_do_not_make_a_description_to_take_titles_from(make_xlsx):
    path = make_xlsx([["Description", "Partners involved"],
                      ["Open a falls clinic. It runs weekly.", "Age UK"]])
    action = read_plan(path).actions[0]
    assert action.title == "Open a falls clinic."
    assert action.description == "Open a falls clinic. It runs weekly.\nPartners involved: Age UK"


def test_a_second_action_column_goes_to_the_description(make_xlsx):
    path = make_xlsx([["Commitment", "Deliverable", "Description"],
                      ["Best start", "Family hubs", "Hubs in each town"]])
    action = read_plan(path).actions[0]
    assert action.title == "Best start"
    assert action.description == "Hubs in each town\nDeliverable: Family hubs"


def test_a_blank_action_cell_takes_the_title_from_the_further_action_column(make_xlsx):
    path = make_xlsx([["Commitment", "Deliverable", "Lead"],
                      ["Best start", "Family hubs", "Ann"],
                      [None, "Health visiting", "Bob"]])
    actions = read_plan(path).actions
    assert [(a.title, a.description) for a in actions] == [
        ("Best start", "Deliverable: Family hubs"), ("Health visiting", "")]


def test_further_text_columns_of_each_field(make_xlsx):
    path = make_xlsx([
        ["Action", "Outcome", "Impact", "Risks", "Challenges", "Mitigation",
         "Mitigating actions", "Evidence", "Rationale", "Resource notes", "Notes on resources"],
        ["Do it", "Fewer falls", "Less frailty", "Staffing", "Winter", "Agency staff",
         "Plan early", "JSNA", "See https://example.org/x", "From reserves", "Agreed May"],
    ])
    action = read_plan(path).actions[0]
    assert action.intended_outcome == "Fewer falls\nImpact: Less frailty"
    assert action.barriers == "Staffing\nChallenges: Winter"
    assert action.barriers_mitigation == "Agency staff\nMitigating actions: Plan early"
    assert action.evidence == "JSNA\nRationale: See https://example.org/x"
    assert action.evidence_links == ("https://example.org/x",)
    assert action.resource_notes == "From reserves\nNotes on resources: Agreed May"


def test_further_progress_columns_are_added_and_status_comes_from_the_first(make_xlsx):
    path = make_xlsx([["Action", "Q1 update", "Q2 update"],
                      ["Do it", "Complete", "Evaluated in Q2"]])
    action = read_plan(path).actions[0]
    assert action.progress_note == "Complete\nQ2 update: Evaluated in Q2"
    assert action.status == "complete"


def test_a_further_resourcing_column_goes_to_the_resource_notes(make_xlsx):
    path = make_xlsx([["Action", "Budget", "Funding"],
                      ["Do it", "£5,000", "Public health grant"]])
    action = read_plan(path).actions[0]
    assert action.resource_amount == Decimal(5000)
    assert action.resource_notes == "Funding: Public health grant"


def test_a_further_milestones_column_adds_its_milestones(make_xlsx):
    path = make_xlsx([["Action", "Milestones", "Key dates"],
                      ["Do it", "31/03/2025: Launch", "30/06/2025: Review; 31/13/2025: Report"]])
    result = read_plan(path)
    assert result.actions[0].milestones == (
        Milestone(dt.date(2025, 3, 31), "Launch"), Milestone(dt.date(2025, 6, 30), "Review"),
        Milestone(None, "31/13/2025: Report"))
    [warning] = result.warnings
    assert warning.location == Location("plan.xlsx", "Plan", 2, "Key dates")
    assert warning.message == MILESTONE_EXPECTATION


def test_a_mapping_giving_two_columns_one_text_field_reads_both(make_xlsx):
    path = make_xlsx([["Thing to do", "Why", "Colour"], ["Do it", "JSNA", "blue"]])
    result = read_plan(path, mapping={"Thing to do": "title", "Colour": "evidence"})
    assert result.actions[0].evidence == "JSNA\nColour: blue"
    assert result.sheets[0].columns == [("Thing to do", "title"), ("Why", "evidence"),
                                        ("Colour", "evidence")]
    assert result.warnings == []


def test_a_second_column_of_a_one_column_field_keeps_the_first(make_xlsx):
    path = make_xlsx([["Action", "Lead", "Lead officer", "Deadline", "By when"],
                      ["Do it", "Ann", "Bob", "31/03/2025", "2026"]])
    result = read_plan(path)
    action = result.actions[0]
    assert (action.lead_name, action.end_date) == ("Ann", dt.date(2025, 3, 31))
    assert ("Lead officer", None) in result.sheets[0].columns
    [warning] = result.warnings
    assert "'Lead officer' (lead is read from column 'Lead'" in warning.message
    assert "'By when' (timeline is read from column 'Deadline'" in warning.message


def test_exported_plans_read_back_with_no_further_columns_and_no_warnings(tmp_path):
    record = ActionRecord(title="Warm homes", description="Visits", outcome_measures="Fewer falls",
                          progress_note="Started", resource_notes="Grant")
    path = tmp_path / "export.xlsx"
    write_actions_xlsx([record], path)
    result = read_plan(path)
    assert result.actions == [record]
    assert result.sheets[0].further == []
    assert result.warnings == []
