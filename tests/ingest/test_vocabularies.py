"""Status words, population groups, places, categories and leads written as free text."""

from __future__ import annotations

import pytest

from joinedup.ingest.categories import CategoryMatcher
from joinedup.ingest.leads import split_lead
from joinedup.ingest.places import parse_places
from joinedup.ingest.population import parse_population_groups
from joinedup.ingest.status import parse_status


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("On track", "on_track"), ("Green", "on_track"), ("G", "on_track"),
        ("Amber", "at_risk"), ("Red", "off_track"), ("Complete", "complete"),
        ("Completed", "complete"), ("Not started", "not_started"), ("Delayed", "off_track"),
        ("not on track", "off_track"), ("On track - first meeting held", "on_track"),
        ("Cancelled", "stopped"), ("At risk", "at_risk"),
    ],
)
def test_status_words_and_rag_colours_map_to_codes(text, code):
    assert parse_status(text) == code


def test_unknown_status_is_none():
    assert parse_status("waiting for the board") is None


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("Children", ("children_young_people",)),
        ("young people", ("children_young_people",)),
        ("Older people and carers", ("older_people", "carers")),
        ("elderly", ("older_people",)),
        ("BME communities", ("ethnic_minority",)),
        ("ethnic minority groups", ("ethnic_minority",)),
        ("People in deprived wards", ("deprived_areas",)),
        ("Adults with learning disabilities", ("disabled_people",)),
        ("Disabled people", ("disabled_people",)),
        ("All residents", ("whole_population",)),
        ("whole population", ("whole_population",)),
        ("All", ("whole_population",)),
    ],
)
def test_population_keywords_map_to_codes(text, codes):
    assert parse_population_groups(text) == (codes, True)


def test_unrecognised_population_is_other_and_flagged():
    assert parse_population_groups("Commuters") == (("other",), False)


@pytest.mark.parametrize("text", ["Whole county", "All", "Borough-wide", "County wide"])
def test_whole_area_phrases(text):
    assert parse_places(text) == (True, (), "")


def test_ons_codes_are_collected():
    assert parse_places("E07000090, W06000015") == (False, ("E07000090", "W06000015"), "")


def test_place_names_are_kept_as_written_beside_the_codes():
    assert parse_places("Eastgate ward; E07000090, Northmere district") == (
        False, ("E07000090",), "Eastgate ward; Northmere district")


def test_whole_area_and_names_together():
    assert parse_places("Countywide, with a focus on Eastgate ward") == (
        True, (), "with a focus on Eastgate ward")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Prevention", ("Early Intervention & Prevention",)),
        ("EI&P", ("Early Intervention & Prevention",)),
        ("Treatment", ("Treatment",)),
        ("LTC", ("Long-term management & support",)),
        ("Long-term management", ("Long-term management & support",)),
        ("Treatment; prevention", ("Early Intervention & Prevention", "Treatment")),
    ],
)
def test_default_categories_match_names_and_abbreviations(text, expected):
    assert CategoryMatcher().match(text) == (expected, True)


def test_custom_category_list_is_used():
    matcher = CategoryMatcher(("Housing", "Air quality"))
    assert matcher.match("air quality") == (("Air quality",), True)


def test_unknown_category_is_flagged():
    assert CategoryMatcher().match("Fun") == ((), False)


def test_lead_name_and_role_split_on_comma():
    assert split_lead("Jane Smith, Head of Housing") == ("Jane Smith", "Head of Housing")


def test_lead_role_in_brackets_is_split():
    assert split_lead("Jane Smith (Head of Housing)") == ("Jane Smith", "Head of Housing")


def test_lead_with_one_part_is_the_name():
    assert split_lead("Housing team") == ("Housing team", "")


def test_lead_with_three_parts_is_not_split():
    assert split_lead("Smith, Jones, Brown") == ("Smith, Jones, Brown", "")
