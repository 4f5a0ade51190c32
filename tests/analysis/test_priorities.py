from __future__ import annotations

from joinedup.analysis.priorities import (
    flag_suspect_mappings,
    suggest_categories,
    suggest_priorities,
)
from joinedup.ingest.records import PriorityRecord, StrategyRecord

from .conftest import action

# Priority names deliberately share no words with the actions below, so only
# confirmed examples can teach which action belongs where.
OPAQUE = StrategyRecord(name="S", categories=("Treatment",),
                        priorities=(PriorityRecord(1, "Theme one"), PriorityRecord(2, "Theme two")))


def _examples():
    confirmed = [
        action("A", "a1", "Stop smoking clinics", description="quit support for smokers",
               priority_numbers=(1,)),
        action("B", "b1", "Tobacco cessation in pharmacies", description="nicotine replacement",
               priority_numbers=(1,)),
        action("A", "a2", "Falls classes", description="strength and balance for older people",
               priority_numbers=(2,)),
        action("B", "b2", "Falls prevention exercise", description="older people who have fallen",
               priority_numbers=(2,)),
    ]
    unmapped = [
        action("C", "c1", "Help smokers quit", description="stop smoking advice in GP surgeries"),
        action("C", "c2", "Falls prevention at home", description="home hazard checks for older "
               "people"),
    ]
    return confirmed, unmapped


def _top1(suggestions, expected):
    return sum(s.ranked[0][0] == expected[s.action] for s in suggestions)


def test_confirmed_mappings_teach_priorities_the_names_cannot():
    confirmed, unmapped = _examples()
    expected = {("C", "c1"): 1, ("C", "c2"): 2}
    stripped = [action(a.partner, a.reference, a.title, description=a.description)
                for a in confirmed]
    without = suggest_priorities(stripped + unmapped, OPAQUE)
    learned = suggest_priorities(confirmed + unmapped, OPAQUE)
    assert _top1(learned, expected) == 2
    assert _top1(learned, expected) > _top1([s for s in without if s.action in expected],
                                            expected)


def test_only_actions_without_priorities_get_suggestions(strategy, plans):
    suggestions = suggest_priorities(plans, strategy)
    unmapped = {(a.partner, a.reference) for a in plans if not a.priority_numbers}
    assert {s.action for s in suggestions} == unmapped


def test_confirmed_argument_counts_as_a_mapping(strategy, plans):
    confirmed = {("Northmere DC", "NDC-5"): (9,)}
    keys = {s.action for s in suggest_priorities(plans, strategy, confirmed=confirmed)}
    assert ("Northmere DC", "NDC-5") not in keys


def test_priority_text_with_synonyms_ranks_the_right_priority_first(strategy):
    unmapped = action("X", "1", "Exercise referral to tackle excess weight",
                      intended_outcome="More adults achieve a healthy weight")
    [suggestion] = suggest_priorities([unmapped], strategy)
    assert suggestion.ranked[0][0] == 9
    assert len(suggestion.ranked) == 3
    assert all(0.0 <= score <= 1.0 for _, score in suggestion.ranked)


def test_unrelated_action_gets_no_good_match(strategy):
    unmapped = action("X", "1", "Resurface the council car park",
                      description="New tarmac and white lines")
    [suggestion] = suggest_priorities([unmapped], strategy)
    assert suggestion.no_good_match


def test_category_suggestion_uses_category_descriptions(strategy):
    unmapped = action("X", "1", "Flu immunisation awareness campaign",
                      description="Prevention campaign to raise vaccination uptake")
    [suggestion] = suggest_categories([unmapped], strategy)
    assert suggestion.ranked[0][0] == "Early Intervention & Prevention"


def test_a_mapping_that_reads_like_another_priority_is_flagged(strategy):
    confirmed, _ = _examples()
    wrong = action("C", "c9", "Stop smoking service for smokers",
                   description="quit support and nicotine replacement for smokers",
                   priority_numbers=(2,))
    strategy_12 = StrategyRecord(name="S", categories=(), priorities=(
        PriorityRecord(1, "Tobacco", "smoking"), PriorityRecord(2, "Falls", "falls"),
        PriorityRecord(3, "Air", "air quality"), PriorityRecord(4, "Housing", "homes"),
        PriorityRecord(5, "Alcohol", "alcohol")))
    more = [action("D", "d1", "Smokers quit clinic", description="stop smoking support",
                   priority_numbers=(1,)),
            action("D", "d2", "Falls service", description="older people falls",
                   priority_numbers=(2,))]
    suspects = flag_suspect_mappings([*confirmed, *more, wrong], strategy_12)
    assert [(s.action, s.given, s.better) for s in suspects] == [(("C", "c9"), 2, 1)]


def test_the_whole_analysis_builds_the_priority_vectors_once(plans, strategy, monkeypatch):
    import datetime as dt

    from joinedup.analysis import priorities as module
    from joinedup.analysis.pipeline import analyse

    calls = []
    real = module._space
    monkeypatch.setattr(module, "_space", lambda *a, **k: calls.append(1) or real(*a, **k))
    result = analyse(plans, strategy, today=dt.date(2014, 6, 1))
    # Suggestions (for unmapped actions) and doubtful mappings (for mapped ones) share them.
    assert result.priority_suggestions
    assert len(calls) == 1
    separate = module.suggest_priorities(plans, strategy)
    assert [s.ranked for s in separate] == [s.ranked for s in result.priority_suggestions]
