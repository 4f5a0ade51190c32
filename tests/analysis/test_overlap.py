"""Place, group and named-link overlap between two actions (analysis/overlap.py)."""

from __future__ import annotations

import math

import numpy as np
import pytest

from joinedup.analysis.overlap import (
    PlaceTree,
    action_places,
    build_link_index,
    common_counts,
    group_overlap,
    link_phrases,
    linked_words,
    membership,
    named_link,
    place_overlap,
)
from joinedup.analysis.synergies import find_synergies
from joinedup.analysis.text import action_text, normalise
from joinedup.ingest.records import ActionRecord

from .conftest import action

GEOGRAPHY = {
    "Eastgate ward": "Northmere district",
    "Westgate ward": "Northmere district",
    "Northmere district": "Wealdshire county",
    "Southmere district": "Wealdshire county",
}


UNKNOWN = np.nan
"""What place and group overlap give when a side does not say (NaN, not 0)."""


def _same(out: np.ndarray, expected: list[float]) -> None:
    """Exact equality, NaN matching NaN."""
    np.testing.assert_array_equal(out, np.array(expected, dtype=np.float32))


def _pairs(*pairs: tuple[int, int]) -> tuple[np.ndarray, np.ndarray]:
    left, right = zip(*pairs, strict=True)
    return np.array(left, dtype=np.int64), np.array(right, dtype=np.int64)


def _place(*codes: str, whole: bool = False) -> ActionRecord:
    return ActionRecord(title="x", area_codes=codes, whole_area=whole)


def _groups(*groups: str) -> ActionRecord:
    return ActionRecord(title="x", population_groups=groups)


# --- PlaceTree.lineage -------------------------------------------------------------------


def test_lineage_of_a_ward_is_the_ward_its_district_and_the_county():
    assert PlaceTree(GEOGRAPHY).lineage("Eastgate ward") == {
        "eastgate ward", "northmere district", "wealdshire county"}


def test_lineage_ignores_case_and_surrounding_space_in_both_lookup_and_query():
    tree = PlaceTree({"  EASTGATE Ward ": " Northmere DISTRICT"})
    assert tree.lineage("eastgate WARD  ") == {"eastgate ward", "northmere district"}


def test_lineage_stops_at_a_cycle():
    tree = PlaceTree({"a": "b", "b": "c", "c": "a"})
    assert tree.lineage("a") == {"a", "b", "c"}
    assert PlaceTree({"a": "a"}).lineage("a") == {"a"}


def test_lineage_of_an_unknown_place_is_just_itself():
    assert PlaceTree(GEOGRAPHY).lineage("Far Away") == {"far away"}
    assert PlaceTree().lineage("Eastgate ward") == {"eastgate ward"}


# --- place_overlap -------------------------------------------------------------------------

PLACES = [
    _place("Eastgate ward"),            # 0
    _place("Northmere district"),       # 1 contains 0
    _place("Southmere district"),       # 2 another district
    _place("Westgate ward"),            # 3 sibling of 0
    _place(whole=True),                 # 4 whole area
    ActionRecord(title="x"),            # 5 no place at all
    _place(" WEALDSHIRE county"),       # 6 contains 0, 1, 2, 3
    _place("eastgate WARD"),            # 7 same as 0, other spelling
]


@pytest.mark.parametrize(("i", "j", "expected"), [
    (0, 1, 1.0),    # ward in its own district
    (1, 0, 1.0),    # either order
    (0, 6, 1.0),    # ward in its county, two levels up
    (0, 2, -1.0),   # ward and another district
    (0, 3, -1.0),   # sibling wards: neither contains the other
    (1, 2, -1.0),   # sibling districts
    (4, 0, 1.0),    # the whole area overlaps anything known
    (2, 4, 1.0),
    (4, 4, 1.0),
    (0, 5, UNKNOWN),  # one side without a place
    (5, 4, UNKNOWN),
    (5, 5, UNKNOWN),
    (0, 7, 1.0),    # same ward, different case
])
def test_place_overlap_follows_the_tree(i, j, expected):
    left, right = _pairs((i, j))
    _same(place_overlap(PLACES, left, right, PlaceTree(GEOGRAPHY)), [expected])


def test_place_overlap_of_many_pairs_in_one_call_keeps_their_order():
    left, right = _pairs((0, 1), (0, 3), (4, 2), (0, 5), (0, 1))
    out = place_overlap(PLACES, left, right, PlaceTree(GEOGRAPHY))
    _same(out, [1.0, -1.0, 1.0, UNKNOWN, 1.0])


def test_without_a_tree_places_overlap_only_when_they_are_the_same():
    left, right = _pairs((0, 7), (0, 1), (0, 3), (4, 1), (0, 5))
    # same name (case aside) / ward vs district unknown to be related / other ward /
    # whole area / no place
    _same(place_overlap(PLACES, left, right), [1.0, -1.0, -1.0, 1.0, UNKNOWN])


def test_one_shared_place_among_several_is_enough():
    actions = [_place("Southmere district", "Eastgate ward"), _place("Northmere district")]
    left, right = _pairs((0, 1))
    assert place_overlap(actions, left, right, PlaceTree(GEOGRAPHY)).tolist() == [1.0]


def test_action_places_are_the_codes_then_the_names_written():
    record = ActionRecord(title="x", area_codes=("E05000001",),
                          places_text="Eastgate ward; ; Northmere district ;E05000001")
    assert action_places(record) == ("E05000001", "Eastgate ward", "Northmere district")
    assert action_places(ActionRecord(title="x")) == ()


def test_place_names_written_as_text_overlap_through_the_tree():
    actions = [ActionRecord(title="x", places_text="Eastgate ward"),
               ActionRecord(title="y", places_text="Northmere district"),
               ActionRecord(title="z", places_text="Westgate ward; Southmere district"),
               ActionRecord(title="w", area_codes=("Southmere district",))]
    left, right = _pairs((0, 1), (0, 2), (1, 2), (2, 3))
    # ward in its district / ward vs a sibling ward and another district /
    # Northmere district vs the district containing Westgate ward / shared Southmere
    assert place_overlap(actions, left, right, PlaceTree(GEOGRAPHY)).tolist() == [
        1.0, -1.0, 1.0, 1.0]


# --- group_overlap -------------------------------------------------------------------------

GROUPS = [
    _groups("older_people", "carers"),      # 0
    _groups("carers"),                      # 1 shares carers with 0
    _groups("whole_population"),            # 2
    _groups("children_young_people"),       # 3 nothing in common with 0
    _groups(),                              # 4 unknown
    _groups("whole_population", "carers"),  # 5
]


@pytest.mark.parametrize(("i", "j", "expected"), [
    (0, 1, 1.0),    # a shared group
    (0, 2, 0.5),    # whole population on one side, nothing shared
    (2, 3, 0.5),
    (2, 2, 1.0),    # both the whole population: shared
    (0, 3, -1.0),   # disjoint specific groups
    (0, 4, UNKNOWN),  # one side empty
    (4, 2, UNKNOWN),
    (4, 4, UNKNOWN),
    (5, 1, 1.0),    # shared carers wins over the whole-population half
])
def test_group_overlap(i, j, expected):
    left, right = _pairs((i, j))
    _same(group_overlap(GROUPS, left, right), [expected])


# --- membership / common_counts --------------------------------------------------------------


def test_membership_has_one_column_per_distinct_value_and_counts_a_value_once():
    matrix = membership([["a", "b"], ["b", "c"], [], ["a", "a", "b"]])
    assert matrix.shape == (4, 3)  # a, b, c
    assert matrix.sum(axis=1).ravel().tolist() == [[2.0, 2.0, 0.0, 2.0]]


def test_common_counts_counts_the_shared_values_of_each_pair():
    matrix = membership([["a", "b"], ["b", "c"], [], ["a", "a", "b"], [1, 2, "a"]])
    left, right = _pairs((0, 1), (0, 3), (1, 2), (1, 3), (4, 0), (4, 1))
    # {a,b}&{b,c}={b}; {a,b}&{a,b}={a,b}; {b,c}&{}; {b,c}&{a,b}={b}; {1,2,a}&{a,b}={a};
    # {1,2,a}&{b,c}={}
    assert common_counts(matrix, left, right).tolist() == [1, 2, 0, 1, 1, 0]


def test_membership_of_nothing_still_has_a_column():
    assert membership([[], []]).shape == (2, 1)


# --- link_phrases ----------------------------------------------------------------------------


@pytest.mark.parametrize(("raw", "word"), [
    ("Fire safety visits with referral to stop smoking service", "smoking_cessation"),
    ("Practices refer into the falls service", "falls"),
    ("Our leisure centre is the venue for weight management classes", "obesity"),
    ("Delivered jointly with the youth service", "children_young_people"),
])
def test_link_phrases_pick_up_the_words_after_a_linking_phrase(raw, word):
    phrases = link_phrases(normalise(raw))
    assert len(phrases) == 1
    assert word in phrases[0].split()


def test_link_phrases_read_the_stop_smoking_referral():
    text = normalise("Fire safety visits with referral to stop smoking service")
    assert text.endswith("referral to smoking_cessation")
    assert [p.split() for p in link_phrases(text)] == [["to", "smoking_cessation"]]


def test_link_phrases_read_at_most_six_words_after_the_cue():
    phrases = link_phrases("referral to one two three four five six seven")
    # "to one two three four five" are the six words after "referral"
    assert phrases == ["to one two three four five"]


def test_link_phrases_find_every_linking_phrase():
    phrases = link_phrases("classes at the leisure centre venue for falls one two three "
                           "four five six signposted to carers")
    # six words after "venue", then the next cue "signposted" starts a second phrase
    assert phrases == ["for falls one two three four", "to carers"]


@pytest.mark.parametrize("text", [
    normalise("Air quality monitoring near schools"),
    "preferred provider list",   # "refer" inside another word is no cue
    "",
])
def test_link_phrases_find_nothing_without_a_cue(text):
    assert link_phrases(text) == []


# --- build_link_index / named_link / linked_words --------------------------------------------

FIRE = action("Fire & Rescue", "FR-1", "Fire safety visits",
              description="Home fire safety visits with referral to stop smoking service")
STOP_SMOKING = action("Wealdbridge CC", "WCC-1", "Specialist stop smoking service",
                      description="Clinics in pharmacies")
DOORSTEP = action("Trading Standards", "TS-2", "Doorstep crime prevention",
                  description="No cold calling zones")


def _index(actions):
    texts = [normalise(action_text(a)) for a in actions]
    titles = [normalise(a.title) for a in actions]
    return texts, titles, build_link_index(titles, texts)


def test_named_link_is_the_share_of_the_named_title_weight_covered():
    texts, titles, index = _index([FIRE, STOP_SMOKING, DOORSTEP])
    # What the hand calculation relies on:
    assert titles[1] == "specialist smoking_cessation"
    assert "specialist" not in titles[0].split() + titles[2].split()
    assert "smoking_cessation" not in titles[0].split() + titles[2].split()
    assert "specialist" not in texts[0].split()
    # Weights come from the n = 3 titles. "specialist" and "smoking_cessation" are each in
    # 1 title: idf = ln(4/2) + 1 = 1.6931... for both. The fire action's link phrase
    # "to smoking_cessation" covers only smoking_cessation of the title, so
    # 1.6931 / (1.6931 + 1.6931) = 0.5; the stop smoking action names nothing (no cue),
    # so the other direction is 0.
    idf_specialist = math.log(4 / 2) + 1
    idf_cessation = math.log(4 / 2) + 1
    expected = idf_cessation / (idf_specialist + idf_cessation)
    left, right = _pairs((0, 1))
    assert named_link(index, left, right).tolist() == pytest.approx([expected], rel=1e-5)


def test_naming_the_whole_title_covers_all_of_it():
    fire = action("Fire & Rescue", "FR-1", "Fire safety visits",
                  description="Home visits with referral to the specialist stop smoking "
                  "service")
    _, _, index = _index([fire, STOP_SMOKING, DOORSTEP])
    left, right = _pairs((0, 1))
    # both title words (specialist, smoking_cessation) follow the cue: their whole weight
    assert named_link(index, left, right).tolist() == pytest.approx([1.0])


def test_named_link_is_symmetric_and_zero_when_neither_names_the_other():
    _, _, index = _index([FIRE, STOP_SMOKING, DOORSTEP])
    left, right = _pairs((0, 1), (0, 2), (1, 2))
    forward = named_link(index, left, right)
    backward = named_link(index, right, left)
    assert forward.tolist() == backward.tolist()
    assert forward[0] > 0.4
    # the fire action's referral names nothing of "doorstep community_safety prevention",
    # and neither the stop smoking nor the doorstep action has a linking phrase
    assert forward[1:].tolist() == [0.0, 0.0]


def test_named_link_of_no_pairs_is_empty():
    _, _, index = _index([FIRE, STOP_SMOKING, DOORSTEP])
    empty = np.array([], dtype=np.int64)
    out = named_link(index, empty, empty)
    assert out.shape == (0,)


def test_linked_words_are_the_named_title_words_with_spaces():
    _, _, index = _index([FIRE, STOP_SMOKING, DOORSTEP])
    assert linked_words(index, 0, 1) == ["smoking cessation"]
    assert linked_words(index, 1, 0) == []
    assert linked_words(index, 0, 2) == []


# --- through find_synergies -------------------------------------------------------------------

SMOKING_DESCRIPTION = ("Behavioural support and nicotine replacement therapy for adult "
                       "smokers")


def _smoking_pair(referral: bool, ward: str = "Eastgate ward") -> list[ActionRecord]:
    gp_description = "GPs give very brief advice to adult smokers"
    if referral:
        gp_description += " and refer to the Specialist stop smoking service"
    shared = {"intended_outcome": "Reduce smoking prevalence in adults",
              "outcome_measures": "Four week quitters; smoking prevalence",
              "priority_numbers": (15,)}
    return [
        action("Wealdbridge CC", "WCC-1", "Specialist stop smoking service",
               description=SMOKING_DESCRIPTION, area_codes=("Northmere district",), **shared),
        action("Northmere ICB", "ICB-4", "Stop smoking support in GP practices",
               description=gp_description, area_codes=(ward,), **shared),
    ]


def _others(plans):
    return [a for a in plans if a.reference not in {"WCC-1", "ICB-4"}]


def _reasons(actions, **kwargs) -> list[str]:
    result = find_synergies(actions, threshold=0.0, **kwargs)
    pairs = {frozenset((p.a, p.b)): p for p in result.pairs}
    pair = pairs[frozenset({("Wealdbridge CC", "WCC-1"), ("Northmere ICB", "ICB-4")})]
    return pair.evidence.reasons


def test_evidence_says_one_action_names_the_other_as_a_referral_route(plans):
    reasons = _reasons(_smoking_pair(referral=True) + _others(plans))
    # The pair is ordered by key: ("Northmere ICB", ...) before ("Wealdbridge CC", ...).
    # The GP action's phrase "referral to the specialist smoking_cessation" names both
    # words of the other title (in no promised order).
    prefix = ("“Stop smoking support in GP practices” refers people to, or works through, "
              "what “Specialist stop smoking service” does (it names: ")
    sentences = [r for r in reasons if r.startswith(prefix)]
    assert len(sentences) == 1
    words = sentences[0].removeprefix(prefix).removesuffix(")").split(", ")
    assert sorted(words) == ["smoking cessation", "specialist"]
    assert not any(r.startswith("“Specialist stop smoking service” refers") for r in reasons)


def test_evidence_has_no_referral_sentence_when_neither_names_the_other(plans):
    reasons = _reasons(_smoking_pair(referral=False) + _others(plans))
    assert not any("refers people to" in r for r in reasons)


def test_evidence_says_places_overlap_for_a_ward_and_its_district(plans):
    actions = _smoking_pair(referral=True) + _others(plans)
    reasons = _reasons(actions, place_parents={"Eastgate ward": "Northmere district"})
    assert "Places overlap: Eastgate ward and Northmere district" in reasons


def test_evidence_has_no_place_overlap_without_the_geography(plans):
    reasons = _reasons(_smoking_pair(referral=True) + _others(plans))
    assert not any(r.startswith("Places overlap") for r in reasons)


def test_evidence_has_no_place_overlap_for_a_ward_of_another_district(plans):
    actions = _smoking_pair(referral=True, ward="Southgate ward") + _others(plans)
    reasons = _reasons(actions, place_parents={"Eastgate ward": "Northmere district",
                                               "Southgate ward": "Southmere district"})
    assert not any(r.startswith("Places overlap") for r in reasons)


def test_linked_words_leave_out_a_link_on_a_minor_part_of_the_title():
    # Titles: "Specialist stop smoking service" -> specialist, smoking_cessation (each in
    # 1 of 3 titles: equal weight ln(4/2)+1), so naming only smoking_cessation covers
    # half of the title's weight: shown at a least share of 0.5, not above it.
    *_, index = _index([FIRE, STOP_SMOKING, DOORSTEP])
    assert linked_words(index, 0, 1, least_share=0.5) == ["smoking cessation"]
    assert linked_words(index, 0, 1, least_share=0.51) == []
