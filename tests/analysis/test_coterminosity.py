"""Co-terminosity on small hand-worked footprints."""

from __future__ import annotations

import pytest

from joinedup.analysis.coterminosity import Relation, compare, crossing_pairs, extends_beyond

PEOPLE = {"w1": 100, "w2": 200, "w3": 300, "w4": 400}


def test_shared_and_unshared_areas_and_people_of_crossing_footprints():
    result = compare({"w1", "w2", "w3"}, {"w3", "w4"}, PEOPLE)
    assert result.shared == {"w3"}
    assert result.only_a == {"w1", "w2"}
    assert result.only_b == {"w4"}
    # shared: w3 = 300 ; only a: 100 + 200 = 300 ; only b: w4 = 400
    assert (result.shared_population, result.only_a_population, result.only_b_population) == (
        300, 300, 400)
    assert result.relation is Relation.CROSSING
    assert not result.coterminous


def test_equal_footprints_are_coterminous():
    assert compare({"w1", "w2"}, {"w2", "w1"}, PEOPLE).coterminous


def test_a_district_inside_its_county_is_nested():
    assert compare({"w1"}, {"w1", "w2"}, PEOPLE).relation is Relation.A_INSIDE_B
    assert compare({"w1", "w2"}, {"w1"}, PEOPLE).relation is Relation.B_INSIDE_A


def test_footprints_with_nothing_in_common_are_separate():
    assert compare({"w1"}, {"w4"}, PEOPLE).relation is Relation.SEPARATE


def test_share_of_population_living_in_the_other_footprint():
    # a = w1, w2, w3 (600 people); of them w3 (300) live in b -> 0.5
    result = compare({"w1", "w2", "w3"}, {"w3", "w4"}, PEOPLE)
    assert result.share_of_a_population_in_b == pytest.approx(0.5)


def test_unknown_codes_count_no_people():
    assert compare({"zz"}, {"zz"}, PEOPLE).shared_population == 0


def test_extends_beyond_lists_the_members_areas_outside_the_footprint():
    assert extends_beyond({"w1", "w2", "w4"}, {"w1", "w2", "w3"}) == {"w4"}


def test_crossing_pairs_leave_out_nested_and_equal_footprints():
    footprints = {"county": {"w1", "w2", "w3", "w4"}, "district": {"w1", "w2"},
                  "gp": {"w2", "w3"}, "twin": {"w1", "w2"}}
    # gp crosses district (w2 shared, w1 only district, w3 only gp) and twin (same shape);
    # district = twin (equal) and everything sits inside county (nested)
    assert [(a, b) for a, b, _ in crossing_pairs(footprints, PEOPLE)] == [
        ("district", "gp"), ("gp", "twin")]
