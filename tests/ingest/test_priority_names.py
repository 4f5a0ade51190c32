"""Priority cells written by number, by name, or both, read against the strategy."""

from __future__ import annotations

import pytest

from joinedup.ingest.priority_names import PriorityMatcher
from joinedup.ingest.reader import read_plan

STRATEGY = [(1, "Best start in life"), (2, "Healthy weight, diet and physical activity"),
            (3, "Ageing well"), (4, "Mental wellbeing"), (5, "Healthy places")]


@pytest.fixture
def matcher() -> PriorityMatcher:
    return PriorityMatcher(STRATEGY)


@pytest.mark.parametrize(("cell", "expected"), [
    ("3, 7 & 15", (3, 7, 15)),                        # numbers alone, as before
    ("Ageing well", (3,)),                            # a name
    ("ageing WELL", (3,)),                            # in any case
    ("Ageing Well; Healthy Places", (3, 5)),          # two names, in the order written
    ("Mental wellbeing and ageing well", (4, 3)),     # joined by "and"
    ("Priority 3 - Ageing well", (3,)),               # number and the same priority's name
    ("Healthy places, Priority 1", (5, 1)),           # a name, then a number
    ("Healthy weight, diet and physical activity", (2,)),  # a name holding commas
    ("Mental well-being", (4,)),                      # a hyphen: the same words
    ("Best start in live", (1,)),                     # one letter off: reads almost the same
])
def test_names_and_numbers_are_read_completely(matcher, cell, expected):
    assert matcher.match(cell) == (expected, True)


@pytest.mark.parametrize(("cell", "expected"), [
    ("Housing", ()),                                  # no such priority
    ("Ageing", ()),                                   # a part of a name is not the name
    ("Ageing well; employment", (3,)),                # the name is kept, the rest is not read
    ("Priority 2: Mental wellbeing", (2, 4)),         # number and name disagree: both, flagged
])
def test_what_cannot_be_read_is_flagged_and_what_can_is_kept(matcher, cell, expected):
    assert matcher.match(cell) == (expected, False)


def test_without_a_strategy_only_numbers_are_read():
    assert PriorityMatcher().match("Ageing well") == ((), False)
    assert PriorityMatcher().match("2 and 5") == ((2, 5), True)


def test_the_warning_lists_the_strategys_priorities(matcher):
    assert "1 Best start in life; 2 Healthy weight" in matcher.expectation
    assert "5 Healthy places" in matcher.expectation
    assert "numbers" in PriorityMatcher().expectation


def test_a_plan_read_with_the_strategy_keeps_priorities_written_as_names(tmp_path):
    plan = tmp_path / "council.csv"
    plan.write_text("Ref,Action,Priority\n"
                    "C1,Falls classes,Ageing well\n"
                    "C2,Parks for play,\"Healthy places; Best start in life\"\n"
                    "C3,Job club,Employment\n", encoding="utf-8")
    with_names = read_plan(plan, partner="Council", priorities=STRATEGY)
    assert [a.priority_numbers for a in with_names.actions] == [(3,), (5, 1), ()]
    (warning,) = [w for w in with_names.warnings if w.location.column == "Priority"]
    assert warning.location.row == 4 and "5 Healthy places" in warning.message
    assert warning.value == "Employment"
    # Without the strategy, names cannot be read: every row is flagged.
    without = read_plan(plan, partner="Council")
    assert [a.priority_numbers for a in without.actions] == [(), (), ()]
    assert len([w for w in without.warnings if w.location.column == "Priority"]) == 3
