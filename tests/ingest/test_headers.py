from __future__ import annotations

import pytest

from joinedup.ingest.headers import choose_header, match_header, normalise_header


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("Lead officer", "lead"), ("Responsible Officer", "lead"), ("Who", "lead"),
        ("By when?", "timeline"), ("Timescales", "timeline"), ("Deadline", "timeline"),
        ("How will we know?", "outcome_measures"), ("KPIs", "outcome_measures"),
        ("Outcome measure(s)", "outcome_measures"), ("What we will do", "title"),
        ("ACTIONS", "title"), ("Ref.", "reference"), ("#", "reference"), ("No.", "reference"),
        ("RAG status", "status"), ("Progress to date", "progress"),
        ("JHWS priority", "priorities"), ("Sub-theme", "categories"),
        ("Target group", "population_groups"), ("Geography", "places"),
        ("Evidence base", "evidence"), ("Start date", "start"), ("End date", "end"),
        ("Lead organisation", "partner"), ("Key milestones", "milestones"),
        ("How will barriers be overcome?", "barriers_mitigation"),
        ("Risks and issues", "barriers"), ("Resourcing", "resourcing"),
        ("What will be different", "intended_outcome"), ("Details", "description"),
    ],
)
def test_header_synonyms_map_to_fields(header, field):
    assert match_header(header) == (field, 1.0)


def test_header_starting_with_a_synonym_maps_with_less_confidence():
    assert match_header("Progress to date (March 2014) - narrative") == ("progress", 0.75)


def test_bracketed_note_in_header_is_ignored():
    assert match_header("Lead officer (name and role)") == ("lead", 1.0)


def test_unknown_header_maps_to_nothing():
    assert match_header("Colour of the sky") == (None, 0.0)


def test_normalising_ignores_case_punctuation_and_spaces():
    assert normalise_header("  Outcome   Measure(s)? ") == "outcome measures"


def test_header_row_below_title_rows_is_chosen():
    rows = [
        ["Housing partnership action plan 2013/14", "", ""],
        ["", "", ""],
        ["Ref", "Action", "Lead"],
        ["1", "Insulate homes", "Jane"],
    ]
    choice = choose_header(rows, {})
    assert choice is not None
    assert choice.index == 2
    assert choice.fields == ["reference", "title", "lead"]


def test_row_with_more_recognised_headers_beats_an_earlier_one():
    rows = [["Action plan", "Status"], ["Action", "Lead", "Status", "By when"]]
    choice = choose_header(rows, {})
    assert choice is not None
    assert choice.index == 1


def test_no_recognisable_header_gives_none():
    assert choose_header([["apples", "pears"], ["1", "2"]], {}) is None


def test_second_column_with_same_field_is_unmapped():
    choice = choose_header([["Action", "Actions", "Lead"]], {})
    assert choice is not None
    assert choice.fields == ["title", None, "lead"]
    assert choice.unmapped == ["Actions"]


def test_override_maps_an_unknown_header():
    choice = choose_header([["Thing to do", "Boss"]], {"thing to do": "title", "boss": "lead"})
    assert choice is not None
    assert choice.fields == ["title", "lead"]
