"""read_plan on small workbooks built in tmp_path."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from joinedup.ingest import IngestError, Milestone, read_plan
from joinedup.ingest.dates import DATE_EXPECTATION
from joinedup.ingest.records import Location

HEADER = ["Ref", "Action", "Lead officer", "By when", "Resources", "RAG status"]


def test_header_below_merged_title_and_blank_rows_is_found(make_xlsx):
    path = make_xlsx(
        [
            ["Seamless Health action plan", None, None, None, None, None],
            [None] * 6,
            ["Version 3, March 2014"],
            HEADER,
            ["A1", "Insulate homes", "Jane Smith, Head of Housing", "31/03/2014", "£12k", "Green"],
        ],
        merges=["A1:F1"],
    )
    result = read_plan(path)
    assert result.sheets[0].header_row == 4
    [action] = result.actions
    assert action.reference == "A1"
    assert action.title == "Insulate homes"
    assert (action.lead_name, action.lead_role) == ("Jane Smith", "Head of Housing")
    assert action.end_date == dt.date(2014, 3, 31)
    assert action.resource_amount == Decimal(12000)
    assert action.status == "on_track"
    assert action.location == Location("plan.xlsx", "Plan", 5, None)


def test_blank_and_repeated_header_rows_are_skipped_and_counted(make_xlsx):
    path = make_xlsx([
        HEADER,
        ["1", "First", "", "", "", ""],
        [None] * 6,
        HEADER,
        ["2", "Second", "", "", "", ""],
        ["", "  ", None, "", "", ""],
    ])
    result = read_plan(path)
    assert [a.title for a in result.actions] == ["First", "Second"]
    assert result.skipped_blank == 2
    assert result.skipped_headers == 1
    assert result.rows_read == 5


def test_row_without_action_text_is_rejected_naming_file_sheet_row_and_column(make_xlsx):
    path = make_xlsx([HEADER, ["7", None, "Jane", "2014", "", ""]])
    result = read_plan(path)
    assert result.actions == []
    [problem] = result.rejected
    assert problem.location == Location("plan.xlsx", "Plan", 2, "Action")
    assert "expected the action in column 'Action'" in problem.message


def test_impossible_date_is_kept_as_text_with_a_warning(make_xlsx):
    path = make_xlsx([HEADER, ["1", "Do it", "", "31/13/2015", "", ""]])
    result = read_plan(path)
    [action] = result.actions
    assert action.end_date is None
    assert action.end_text == "31/13/2015"
    [warning] = result.warnings
    assert warning.location == Location("plan.xlsx", "Plan", 2, "By when")
    assert warning.message == DATE_EXPECTATION
    assert warning.value == "31/13/2015"


def test_ongoing_is_kept_as_end_text_without_a_warning(make_xlsx):
    path = make_xlsx([HEADER, ["1", "Do it", "", "Ongoing", "", ""]])
    result = read_plan(path)
    assert result.actions[0].end_text == "Ongoing"
    assert result.warnings == []


def test_financial_year_timeline_gives_start_and_end(make_xlsx):
    path = make_xlsx([HEADER, ["1", "Do it", "", "2013-14", "", ""]])
    action = read_plan(path).actions[0]
    assert (action.start_date, action.end_date) == (dt.date(2013, 4, 1), dt.date(2014, 3, 31))


def test_month_timeline_is_a_deadline_only(make_xlsx):
    path = make_xlsx([HEADER, ["1", "Do it", "", "Mar 2014", "", ""]])
    action = read_plan(path).actions[0]
    assert (action.start_date, action.end_date) == (None, dt.date(2014, 3, 31))


def test_real_excel_date_cell_is_read_as_date(make_xlsx):
    path = make_xlsx([HEADER, ["1", "Do it", "", dt.datetime(2015, 6, 30), "", ""]])
    assert read_plan(path).actions[0].end_date == dt.date(2015, 6, 30)


def test_unreadable_money_in_amount_column_is_kept_with_warning(make_xlsx):
    path = make_xlsx([["Action", "Amount"], ["Do it", "lots"]])
    result = read_plan(path)
    action = result.actions[0]
    assert (action.resource_amount, action.resource_amount_text) == (None, "lots")
    assert result.warnings[0].location.column == "Amount"


def test_unknown_status_goes_to_progress_note_with_warning(make_xlsx):
    path = make_xlsx([["Action", "Status", "Progress"], ["Do it", "Purple", "Met once"]])
    result = read_plan(path)
    action = result.actions[0]
    assert action.status == ""
    assert action.progress_note == "Purple\nMet once"
    assert result.warnings[0].location.column == "Status"


def test_progress_reading_like_a_status_sets_status_when_no_status_column(make_xlsx):
    path = make_xlsx([["Action", "Progress to date"], ["Do it", "Complete - opened May"]])
    action = read_plan(path).actions[0]
    assert (action.status, action.progress_note) == ("complete", "Complete - opened May")


def test_title_comes_from_description_first_sentence_when_no_title_column(make_xlsx):
    path = make_xlsx([["Description", "Lead"],
                      ["Open a falls clinic. It will run weekly.", "Ann"]])
    result = read_plan(path)
    assert result.actions[0].title == "Open a falls clinic."
    assert result.actions[0].description == "Open a falls clinic. It will run weekly."
    assert result.sheets[0].title_from == "description"


def test_long_description_title_is_cut_at_a_word_near_120_characters(make_xlsx):
    words = "word " * 40  # 200 characters, no full stop
    path = make_xlsx([["Description"], [words.strip()]])
    title = read_plan(path).actions[0].title
    # 24 words take 24 * 4 + 23 spaces = 119 characters; a 25th would pass 120.
    assert title == ("word " * 24).strip() + "…"


def test_partner_column_wins_over_default_partner(make_xlsx):
    path = make_xlsx([["Action", "Organisation"], ["A", "CCG"], ["B", None]])
    actions = read_plan(path, partner="County Council").actions
    assert [a.partner for a in actions] == ["CCG", "County Council"]


def test_list_and_vocabulary_columns_are_parsed(make_xlsx):
    path = make_xlsx([
        ["Action", "JHWS priority", "Category", "Target group", "Area", "Evidence",
         "Key milestones"],
        ["Do it", "3, 7 & 15", "EI&P", "Older people; carers", "Borough-wide",
         "See https://example.org/jsna for data", "31/03/2014: Launch; Review"],
    ])
    action = read_plan(path).actions[0]
    assert action.priority_numbers == (3, 7, 15)
    assert action.categories == ("Early Intervention & Prevention",)
    assert action.population_groups == ("older_people", "carers")
    assert action.whole_area is True
    assert action.evidence_links == ("https://example.org/jsna",)
    assert action.milestones == (Milestone(dt.date(2014, 3, 31), "Launch"),
                                 Milestone(None, "Review"))


def test_categories_keyword_replaces_the_default_list(make_xlsx):
    path = make_xlsx([["Action", "Workstream"], ["Do it", "Air quality"]])
    action = read_plan(path, categories=("Housing", "Air quality")).actions[0]
    assert action.categories == ("Air quality",)


def test_mapping_overrides_and_ignores_columns(make_xlsx):
    path = make_xlsx([["Thing to do", "Lead", "Notes"], ["Do it", "Ann", "private"]])
    result = read_plan(path, mapping={"THING TO DO": "title", "notes": "ignore"})
    assert result.actions[0].title == "Do it"
    assert result.actions[0].progress_note == ""
    assert ("Notes", None) in result.sheets[0].columns


def test_mapping_naming_an_unknown_field_raises_listing_valid_fields(make_xlsx):
    path = make_xlsx([["Action"], ["Do it"]])
    with pytest.raises(IngestError) as caught:
        read_plan(path, mapping={"Boss": "leader"})
    message = caught.value.problem.message
    assert "'Boss'" in message
    assert "lead_name" in message


def test_only_the_named_sheet_is_read(make_xlsx):
    path = make_xlsx([["Action"], ["A"]], sheets={"Other": [["Action"], ["B"]]})
    assert [a.title for a in read_plan(path, sheet="Other").actions] == ["B"]


def test_every_sheet_is_read_and_a_notes_sheet_is_skipped_with_warning(make_xlsx):
    path = make_xlsx([["Action"], ["A"]], sheets={
        "Notes": [["This workbook lists our actions"]], "More": [["Task"], ["B"]]})
    result = read_plan(path)
    assert [a.title for a in result.actions] == ["A", "B"]
    assert [w.location.sheet for w in result.warnings] == ["Notes"]


def test_missing_sheet_name_raises_listing_sheets(make_xlsx):
    path = make_xlsx([["Action"], ["A"]])
    with pytest.raises(IngestError, match="'Plan'"):
        read_plan(path, sheet="Nope")


def test_unmapped_headers_are_reported(make_xlsx):
    path = make_xlsx([["Action", "Colour"], ["A", "blue"]])
    result = read_plan(path)
    assert result.sheets[0].unmapped == ["Colour"]
    [warning] = result.warnings
    assert (warning.location, warning.value) == (Location("plan.xlsx", "Plan"), "'Colour'")


def test_a_singular_header_reads_like_its_plural_synonym(make_xlsx):
    path = make_xlsx([["Action", "Success measure", "Outcome"],
                      ["Quit clinics", "Quit rate", "Fewer smokers"]])
    result = read_plan(path)
    action = result.actions[0]
    assert (action.outcome_measures, action.intended_outcome) == ("Quit rate", "Fewer smokers")
    assert result.warnings == []


def test_timeline_range_gives_start_of_first_and_end_of_second(make_xlsx):
    path = make_xlsx([HEADER, ["1", "Do it", "", "Apr 2013 - Mar 2015", "", ""]])
    action = read_plan(path).actions[0]
    assert (action.start_date, action.end_date) == (dt.date(2013, 4, 1), dt.date(2015, 3, 31))


def test_start_and_end_columns_win_over_timeline(make_xlsx):
    path = make_xlsx([["Action", "Start date", "End date", "Timescale"],
                      ["Do it", "Jan 2014", "Mar 2014", "2013-14"]])
    action = read_plan(path).actions[0]
    assert (action.start_date, action.end_date) == (dt.date(2014, 1, 1), dt.date(2014, 3, 31))


def test_resourcing_cell_with_grant_and_amount_fills_source_and_amount(make_xlsx):
    path = make_xlsx([["Action", "Resources"], ["Do it", "Public health grant £20k"]])
    action = read_plan(path).actions[0]
    assert (action.resource_amount, action.resource_funding_source) == (
        Decimal(20000), "Public health grant")


def test_staff_time_in_resourcing_cell(make_xlsx):
    path = make_xlsx([["Action", "Resourcing"], ["Do it", "2 FTE"]])
    action = read_plan(path).actions[0]
    assert (action.resource_amount, action.resource_staff_time) == (None, "2 FTE")


def test_unreadable_priorities_keep_numbers_and_warn_on_that_column(make_xlsx):
    path = make_xlsx([["Action", "Priority"], ["Do it", "mostly 4"]])
    result = read_plan(path)
    assert result.actions[0].priority_numbers == (4,)
    assert result.warnings[0].location == Location("plan.xlsx", "Plan", 2, "Priority")


def test_numeric_reference_cell_reads_without_decimal_point(make_xlsx):
    path = make_xlsx([["No.", "Action"], [12, "Do it"]])
    assert read_plan(path).actions[0].reference == "12"


def test_lead_merged_down_over_several_actions_applies_to_each(make_xlsx):
    path = make_xlsx([["Action", "Lead"], ["A", "Ann"], ["B", None], ["C", None]],
                     merges=["B2:B4"])
    assert [a.lead_name for a in read_plan(path).actions] == ["Ann", "Ann", "Ann"]


def test_action_merged_over_rows_of_measures_is_one_action(make_xlsx):
    path = make_xlsx([
        ["Action", "Measure of success", "Lead"],
        ["Falls clinic", "Fewer falls", "Ann"],
        [None, "Fewer admissions", None],
        ["Walking groups", "More walkers", "Bob"],
    ], merges=["A2:A3"])
    result = read_plan(path)
    assert [(a.title, a.outcome_measures, a.lead_name) for a in result.actions] == [
        ("Falls clinic", "Fewer falls\nFewer admissions", "Ann"),
        ("Walking groups", "More walkers", "Bob"),
    ]
    assert [a.location.row for a in result.actions] == [2, 4]
    assert result.rejected == []


def test_mapping_key_matching_no_header_gives_a_warning(make_xlsx):
    path = make_xlsx([["Action"], ["Do it"]])
    result = read_plan(path, mapping={"Actoin": "title"})
    [warning] = result.warnings
    assert warning.location == Location("plan.xlsx")
    assert "'actoin'" in warning.message


def test_free_text_under_a_budget_header_is_kept_as_amount_text_with_warning(make_xlsx):
    path = make_xlsx([["Action", "Budget"], ["Do it", "lots"]])
    result = read_plan(path)
    action = result.actions[0]
    assert (action.resource_amount, action.resource_amount_text, action.resource_notes) == (
        None, "lots", "")
    assert result.warnings[0].location == Location("plan.xlsx", "Plan", 2, "Budget")


def test_free_text_under_a_resources_header_is_a_note_without_warning(make_xlsx):
    path = make_xlsx([["Action", "Resources"], ["Do it", "Within existing resources"]])
    result = read_plan(path)
    assert result.actions[0].resource_notes == "Within existing resources"
    assert result.warnings == []


def test_cells_that_cannot_be_read_in_full_are_kept_in_the_description(make_csv):
    path = make_csv(
        "Ref,Action,Detail,Priority,Category,Who benefits\n"
        "S1,Knife arches at hotspots,Weapons sweeps,Serious violence; 3,Enforcement,Night-time visitors\n"
        "S2,Stop smoking clinics,,3,Treatment,Older people\n")
    result = read_plan(path, partner="CSP", priorities=[(3, "Tobacco"), (6, "Healthy places")])
    first, second = result.actions
    # What could be read is read (priority 3, group Other); the cells as written are kept.
    assert first.priority_numbers == (3,) and first.categories == ()
    assert first.population_groups == ("other",)
    assert first.description == ("Weapons sweeps\nPriority: Serious violence; 3\n"
                                 "Category: Enforcement\nWho benefits: Night-time visitors")
    assert [w.location.column for w in result.warnings] == ["Priority", "Category", "Who benefits"]
    # A row read in full gains nothing.
    assert second.description == "" and second.categories == ("Treatment",)
