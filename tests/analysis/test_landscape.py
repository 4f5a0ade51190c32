"""The landscape arithmetic on small hand-worked cases."""

from __future__ import annotations

import pytest

from joinedup.analysis.landscape import (
    BodyFacts,
    bodies_per_member,
    jaccard,
    overlaps,
    suggest,
    total_transaction_cost,
    transaction_cost,
)


def test_jaccard_is_shared_over_combined_members():
    # {a,b,c} and {b,c,d}: shared {b,c} = 2, combined {a,b,c,d} = 4 -> 0.5
    assert jaccard({"a", "b", "c"}, {"b", "c", "d"}) == pytest.approx(0.5)


def test_jaccard_of_two_empty_sets_is_zero():
    assert jaccard(set(), set()) == 0.0


def test_transaction_cost_is_meetings_times_attendees_times_hours():
    # 6 meetings x 18 people x 2.5 hours = 270 people-hours a year
    assert transaction_cost(6, 18, 2.5) == pytest.approx(270)


def test_negative_meeting_figures_are_refused():
    with pytest.raises(ValueError):
        transaction_cost(-1, 10, 2)


def test_total_transaction_cost_adds_every_body():
    bodies = [BodyFacts("x", "X", meetings_per_year=4, typical_attendees=10, meeting_hours=2),
              BodyFacts("y", "Y", meetings_per_year=12, typical_attendees=5, meeting_hours=1.5)]
    # 4*10*2 = 80 ; 12*5*1.5 = 90 ; total 170
    assert total_transaction_cost(bodies) == pytest.approx(170)


def test_bodies_per_member_counts_seats_most_first():
    bodies = [BodyFacts("x", "X", members=frozenset({"council", "nhs"})),
              BodyFacts("y", "Y", members=frozenset({"council"})),
              BodyFacts("z", "Z", members=frozenset({"council", "charity", "nhs"}))]
    assert list(bodies_per_member(bodies).items()) == [("council", 3), ("nhs", 2), ("charity", 1)]


def test_same_members_and_same_priorities_suggest_merging():
    a = BodyFacts("a", "A", members=frozenset("pqrs"), priorities=frozenset({"1", "2"}))
    b = BodyFacts("b", "B", members=frozenset("pqrt"), priorities=frozenset({"1", "2", "3"}))
    # members: shared p,q,r = 3 of p,q,r,s,t = 5 -> 0.6 ; priorities: 2 of 3 -> 0.667
    [found] = overlaps([a, b])
    assert found.membership == pytest.approx(0.6)
    assert found.remit == pytest.approx(2 / 3)
    assert found.suggestion.startswith("Consider merging")


def test_pairs_below_the_threshold_are_not_reported():
    a = BodyFacts("a", "A", members=frozenset("pq"), priorities=frozenset({"1"}))
    b = BodyFacts("b", "B", members=frozenset("qr"), priorities=frozenset({"2"}))
    # members: 1 of 3 -> 0.33 ; priorities: 0 of 2 -> 0
    assert overlaps([a, b]) == []


def test_a_lower_threshold_reports_the_same_pair():
    a = BodyFacts("a", "A", members=frozenset("pq"))
    b = BodyFacts("b", "B", members=frozenset("qr"))
    [found] = overlaps([a, b], threshold=0.3)
    assert found.shared_members == frozenset("q")


def test_duplicated_actions_across_plans_make_a_remit_overlap():
    a = BodyFacts("a", "A", members=frozenset("pq"))
    b = BodyFacts("b", "B", members=frozenset("rs"))
    [found] = overlaps([a, b], shared_actions={frozenset({"a", "b"}): 2})
    assert found.shared_actions == 2
    assert found.suggestion.startswith("Clarify remits")


def test_a_sub_group_overlapping_its_parent_is_told_to_clarify_delegation():
    parent = BodyFacts("board", "Board", members=frozenset("pqr"), priorities=frozenset("12"))
    child = BodyFacts("group", "Group", members=frozenset("pqr"), priorities=frozenset("12"),
                      parent="board")
    [found] = overlaps([parent, child])
    assert "delegates" in found.suggestion


def test_same_people_with_different_remits_suggest_aligning_agendas():
    assert suggest(0.8, 0.0, 0, False).startswith("Consider aligning")
