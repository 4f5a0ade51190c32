"""Self-assessment scoring on a hand-worked round."""

from __future__ import annotations

import pytest

from joinedup.analysis.assessment import (
    COUNCIL,
    NHS,
    VOLUNTARY,
    Answer,
    changes,
    score_element,
    score_round,
    sector_of,
)

# Leadership: council 5, 4 ; NHS 4 ; voluntary sector 2, 1
LEADERSHIP = [Answer("leadership", COUNCIL, 5), Answer("leadership", COUNCIL, 4),
              Answer("leadership", NHS, 4), Answer("leadership", VOLUNTARY, 2),
              Answer("leadership", VOLUNTARY, 1)]


def test_distribution_counts_each_point_of_the_scale():
    assert score_element("leadership", LEADERSHIP).distribution == {1: 1, 2: 1, 3: 0, 4: 2, 5: 1}


def test_mean_and_sample_standard_deviation():
    result = score_element("leadership", LEADERSHIP)
    # mean = (5+4+4+2+1)/5 = 16/5 = 3.2
    # squared deviations: 3.24 + 0.64 + 0.64 + 1.44 + 4.84 = 10.8 ; /(5-1) = 2.7 ; sqrt = 1.6432
    assert result.mean == pytest.approx(3.2)
    assert result.sd == pytest.approx(2.7 ** 0.5)


def test_quartiles_interpolate_between_ordered_scores():
    result = score_element("leadership", LEADERSHIP)
    # sorted 1,2,4,4,5: positions (n-1)p -> q1 at 1 -> 2 ; median at 2 -> 4 ; q3 at 3 -> 4
    assert (result.q1, result.median, result.q3) == (2, 4, 4)
    assert result.iqr == 2


def test_sector_gap_is_the_largest_difference_of_sector_means_and_is_flagged():
    result = score_element("leadership", LEADERSHIP)
    # council 4.5, NHS 4.0, voluntary 1.5 -> gap 4.5 - 1.5 = 3.0 (> 1 point)
    assert result.sector_means == {COUNCIL: 4.5, NHS: 4.0, VOLUNTARY: 1.5}
    assert result.sector_gap == pytest.approx(3.0)
    assert result.sectors_disagree


def test_a_gap_of_exactly_one_point_is_not_flagged():
    answers = [Answer("learning", COUNCIL, 4), Answer("learning", NHS, 3)]
    assert not score_element("learning", answers).sectors_disagree


def test_an_element_without_answers_has_no_figures():
    [result] = score_round(["resources"], LEADERSHIP)
    assert (result.count, result.mean, result.sd, result.sector_gap) == (0, None, None, None)


def test_a_score_off_the_scale_is_refused():
    with pytest.raises(ValueError):
        score_element("leadership", [Answer("leadership", COUNCIL, 6)])


def test_change_since_the_previous_round_is_the_difference_of_means():
    before = score_round(["leadership"], [Answer("leadership", COUNCIL, 2)])
    after = score_round(["leadership"], LEADERSHIP)
    # 3.2 - 2.0 = 1.2
    assert changes(before, after)["leadership"] == pytest.approx(1.2)


def test_organisation_types_map_to_sectors():
    assert [sector_of(k) for k in ("district_council", "primary_care", "voluntary_sector",
                                   "police")] == ["Council", "NHS", "Voluntary sector", "Other"]
