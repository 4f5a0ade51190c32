from __future__ import annotations

from joinedup.analysis.candidates import build_candidates
from joinedup.analysis.synergies import find_synergies, score_candidates

SMOKING = frozenset({("Wealdbridge CC", "WCC-1"), ("Northmere ICB", "ICB-4")})
FALLS = frozenset({("Wealdbridge CC", "WCC-3"), ("Northmere DC", "NDC-2")})


def _pairs(result):
    return {frozenset((p.a, p.b)): p for p in result.pairs}


def test_stop_smoking_in_gp_and_tobacco_cessation_in_primary_care_are_paired(plans):
    assert SMOKING in _pairs(find_synergies(plans))


def test_falls_classes_from_two_partners_are_paired(plans):
    assert FALLS in _pairs(find_synergies(plans))


def test_actions_of_the_same_partner_are_never_paired(plans):
    result = find_synergies(plans, threshold=0.0)
    assert result.pairs
    assert all(p.a[0] != p.b[0] for p in result.pairs)


def test_scores_are_probabilities(plans):
    assert all(0.0 <= p.score <= 1.0 for p in find_synergies(plans, threshold=0.0).pairs)


def test_hard_negative_scores_below_the_true_pair(plans):
    candidates = build_candidates(plans)
    match, _ = score_candidates(candidates, "lexical")
    keys = [(a.partner, a.reference) for a in plans]
    score = {frozenset((keys[i], keys[j])): s for i, j, s in zip(
        candidates.features.left, candidates.features.right, match, strict=True)}
    pregnancy_vs_illicit = frozenset({("Northmere ICB", "ICB-7"), ("Trading Standards", "TS-1")})
    assert score.get(pregnancy_vs_illicit, 0.0) < score[SMOKING]


def test_unrelated_actions_are_not_returned(plans):
    keys = {k for p in find_synergies(plans).pairs for k in (p.a, p.b)}
    assert ("Northmere DC", "NDC-5") not in keys


def test_dismissed_pairs_are_left_out(plans):
    assert SMOKING not in _pairs(find_synergies(plans, dismissed={SMOKING}))


def test_evidence_names_the_shared_priority_with_its_name(plans):
    pair = _pairs(find_synergies(plans, priority_names={15: "Tobacco"}))[SMOKING]
    assert "Same priority: 15 Tobacco" in pair.evidence.reasons
    assert pair.evidence.shared_priorities == [15]


def test_one_partner_only_gives_no_pairs(plans):
    result = find_synergies([a for a in plans if a.partner == "Wealdbridge CC"])
    assert result.pairs == [] and result.clusters == []
