from __future__ import annotations

import pytest

from joinedup.ingest.headers import (
    FURTHER,
    IGNORED,
    PRIMARY,
    TAKEN,
    UNKNOWN,
    choose_header,
    match_detail,
    match_header,
    normalise_header,
    singular,
)


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


def test_a_second_column_of_a_text_field_is_a_further_column():
    choice = choose_header([["Action", "Actions", "Lead"]], {})
    assert choice is not None
    assert choice.fields == ["title", "title", "lead"]
    assert choice.roles == [PRIMARY, FURTHER, PRIMARY]
    assert choice.primary == {"title": 0, "lead": 2}
    assert choice.further == [1]
    assert choice.unmapped == []


def test_a_second_column_of_a_one_column_field_is_not_read():
    choice = choose_header([["Lead", "Lead officer", "Action"]], {})
    assert choice is not None
    assert choice.fields == ["lead", None, "title"]
    assert choice.roles == [PRIMARY, TAKEN, PRIMARY]
    assert choice.wanted == [None, "lead", None]
    assert choice.unmapped == ["Lead officer"]


def test_override_maps_an_unknown_header():
    choice = choose_header([["Thing to do", "Boss"]], {"thing to do": "title", "boss": "lead"})
    assert choice is not None
    assert choice.fields == ["title", "lead"]


# Singular and plural


@pytest.mark.parametrize(
    ("one", "other", "field"),
    [
        ("Success measure", "Success measures", "outcome_measures"),
        ("Outcome", "Outcomes", "intended_outcome"),
        ("Priority", "Priorities", "priorities"),
        ("KPI", "KPIs", "outcome_measures"),
        ("Deliverable", "Deliverables", "title"),
        ("Key milestone", "Key milestones", "milestones"),
        ("Target group", "Target groups", "population_groups"),
        ("Mitigating action", "Mitigating actions", "barriers_mitigation"),
        ("Evidence link", "Evidence links", "evidence_links"),
        ("Strategy priority", "Strategy priorities", "priorities"),
        ("Locality", "Localities", "places"),
        ("Performance indicator", "Performance indicators", "outcome_measures"),
    ],
)
def test_singular_and_plural_headers_map_alike(one, other, field):
    assert match_header(one) == (field, 1.0)
    assert match_header(other) == (field, 1.0)


@pytest.mark.parametrize(
    ("word", "expected"),
    [("priorities", "priority"), ("measures", "measure"), ("approaches", "approach"),
     ("processes", "process"), ("kpis", "kpi"), ("progress", "progress"),
     ("status", "status"), ("basis", "basis"), ("its", "its"), ("timescales", "timescale")],
)
def test_singular_takes_off_only_plural_endings(word, expected):
    assert singular(word) == expected


def test_partners_are_the_partners_involved_but_partner_is_the_owner():
    assert match_header("Partner") == ("partner", 1.0)
    assert match_header("Partners") == ("description", 1.0)


# Headers of real plans


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("How we will know", "outcome_measures"), ("Performance indicator(s)", "outcome_measures"),
        ("Link to strategy priority", "priorities"), ("Strategic priority", "priorities"),
        ("HWB strategy priority", "priorities"), ("ICS priority", "priorities"),
        ("Deliverable(s)", "title"), ("Commitment(s)", "title"), ("We will", "title"),
        ("Key deliverables", "title"), ("What difference will it make", "intended_outcome"),
        ("Impact", "intended_outcome"), ("Who will benefit", "population_groups"),
        ("Ward", "places"), ("Wards", "places"), ("PCN", "places"),
        ("Baseline", "outcome_measures"), ("Target", "outcome_measures"),
        ("Trajectory", "outcome_measures"), ("Partners involved", "description"),
        ("Key partners", "description"), ("Supporting partners", "description"),
        ("Item", "title"), ("Item no", "reference"), ("Metrics", "outcome_measures"),
        ("We will know we have succeeded when", "outcome_measures"),
        ("Senior responsible officer", "lead"), ("BRAG rating", "status"),
        ("Current position", "progress"), ("Target end date", "timeline"),
        ("Date of last update", "progress_date"), ("Responsible organisation", "partner"),
        ("Risks/issues", "barriers"), ("Why is this important", "evidence"),
    ],
)
def test_headers_of_real_plans_map_to_fields(header, field):
    assert match_header(header)[0] == field
    assert match_header(header)[1] >= 0.5


@pytest.mark.parametrize(
    "header", ["Baseline", "Target", "Targets", "Trajectory", "Baseline (2023)",
               "Partners involved", "Key partners", "Supporting partners"])
def test_parts_of_a_field_are_marked_as_parts(header):
    assert match_detail(header).part_of is True


@pytest.mark.parametrize("header", ["How we will know", "Description", "Target date", "Partner"])
def test_whole_fields_are_not_parts(header):
    assert match_detail(header).part_of is False


def test_a_header_starting_with_target_is_a_part_of_the_measures():
    match = match_detail("Target 2025/26")
    assert (match.field, match.confidence, match.part_of) == ("outcome_measures", 0.75, True)


def test_item_is_a_weak_synonym_that_can_be_the_reference():
    match = match_detail("Item")
    assert (match.field, match.confidence, match.alternative) == ("title", 0.5, "reference")


# Keywords: the fallback for headers that match nothing else


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("Which HWB priority", "priorities"), ("Local measure", "outcome_measures"),
        ("Local indicator", "outcome_measures"), ("Local KPI", "outcome_measures"),
        ("Data metric", "outcome_measures"), ("Hoped-for outcome", "intended_outcome"),
        ("Health inequalities impact", "intended_outcome"), ("Clinical lead", "lead"),
        ("Risk owner", "lead"), ("Team responsible", "lead"), ("Main deliverable", "title"),
        ("Board commitment", "title"), ("Main risk", "barriers"),
        ("Known barrier", "barriers"), ("Q2 update", "progress"),
        ("Overall progress", "progress"), ("Board comment", "progress"),
        ("Annual budget", "resourcing"), ("Unit cost", "resourcing"),
        ("Recurrent funding", "resourcing"), ("Extra resource", "resourcing"),
        ("Revised timescale", "timeline"), ("Revised deadline", "timeline"),
        ("Agreed timescale", "timeline"), ("Lead for delivery", "lead"),
        ("Q3 progress", "progress"), ("RAG Q3", "status"), ("Local KPIs", "outcome_measures"),
    ],
)
def test_a_keyword_gives_a_field_with_low_confidence(header, field):
    assert match_header(header) == (field, 0.25)


def test_the_keyword_before_of_or_for_names_the_field():
    assert match_header("Proposed measure of impact") == ("outcome_measures", 0.25)
    assert match_header("Impact on health") == ("intended_outcome", 0.75)  # starts "Impact"
    assert match_header("Named owner of the risk") == ("lead", 0.25)


def test_a_keyword_in_a_long_cell_is_not_a_header():
    prose = "This plan sets out the priority actions agreed by the board in 2024"
    assert match_header(prose) == (None, 0.0)
    assert match_header("one two three four five six seven eight nine update") == (None, 0.0)


def test_a_synonym_beats_a_keyword_and_a_longer_synonym_a_shorter():
    assert match_header("Lead organisation") == ("partner", 1.0)
    assert match_header("Target date") == ("timeline", 1.0)


# Choosing the header row with the new headers


def test_a_title_row_of_keywords_is_not_taken_for_the_header():
    rows = [
        ["Priority actions: progress update"],
        ["Smoking action plan", "Progress update"],
        ["Ref", "What we will do", "Lead", "Timescale"],
        ["1", "Quit clinics", "Jo", "2025"],
    ]
    choice = choose_header(rows, {})
    assert choice is not None
    assert choice.index == 2
    assert choice.fields == ["reference", "title", "lead", "timeline"]


def test_a_row_of_keywords_alone_is_not_a_header():
    assert choose_header([["Risk owner", "Q2 update"], ["Jo", "On track"]], {}) is None


def test_keyword_headers_beside_a_synonym_are_read():
    choice = choose_header([["Commitment", "Q2 update", "Risk owner"]], {})
    assert choice is not None
    assert choice.fields == ["title", "progress", "lead"]


def test_item_is_the_action_when_no_other_column_is():
    choice = choose_header([["Item", "Lead", "By when"]], {})
    assert choice is not None
    assert choice.fields == ["title", "lead", "timeline"]


def test_item_is_the_reference_beside_an_action_column():
    choice = choose_header([["Item", "Action", "Lead"]], {})
    assert choice is not None
    assert choice.fields == ["reference", "title", "lead"]


def test_item_beside_a_reference_and_an_action_is_not_read():
    choice = choose_header([["Ref", "Item", "Action"]], {})
    assert choice is not None
    assert choice.fields == ["reference", None, "title"]
    assert choice.roles[1] == TAKEN


def test_a_part_column_left_of_its_field_is_still_a_further_column():
    choice = choose_header([["Action", "Baseline", "How we will know"]], {})
    assert choice is not None
    assert choice.roles == [PRIMARY, FURTHER, PRIMARY]
    assert choice.primary == {"title": 0, "outcome_measures": 2}


def test_mapping_a_part_to_its_own_field_keeps_it_a_part():
    choice = choose_header([["Action", "Target"]], {"target": "outcome_measures"})
    assert choice is not None
    assert choice.roles == [PRIMARY, FURTHER]


def test_mapping_two_columns_to_a_text_field_reads_both():
    choice = choose_header([["Thing", "Other thing", "Action"]],
                           {"thing": "description", "other thing": "description"})
    assert choice is not None
    assert choice.fields == ["description", "description", "title"]
    assert choice.roles == [PRIMARY, FURTHER, PRIMARY]


def test_roles_of_ignored_and_unknown_columns():
    choice = choose_header([["Action", "Colour", "Notes", ""]], {"notes": ""})
    assert choice is not None
    assert choice.roles[:3] == [PRIMARY, UNKNOWN, IGNORED]
    assert choice.fields == ["title", None, None, None]


@pytest.mark.parametrize("header", ["Complete by", "Completed by", "To be completed by"])
def test_when_an_action_should_be_complete_is_its_timeline(header):
    assert match_header(header) == ("timeline", 1.0)
