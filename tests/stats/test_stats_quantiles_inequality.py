"""Quantiles, slope/relative index of inequality and the gap to the population."""

from __future__ import annotations

import math

import numpy as np
import pytest

from joinedup.stats import (
    gap_to_population,
    quantiles,
    relative_index_of_inequality,
    slope_index_of_inequality,
)


def test_fifths_put_highest_values_in_quantile_one_by_default() -> None:
    # N = 10, n = 5, N/n = 2. Value 10 has rank 1 on −value: ⌊6 − ⌈(11 − 1)/2⌉⌋ = 1.
    # Value 1 has rank 10: ⌊6 − ⌈1/2⌉⌋ = 5.
    r = quantiles(list(range(1, 11)), n=5)
    assert list(r.quantile) == [5, 5, 4, 4, 3, 3, 2, 2, 1, 1]


def test_not_inverted_puts_lowest_values_in_quantile_one() -> None:
    r = quantiles(list(range(1, 11)), n=5, invert=False)
    assert list(r.quantile) == [1, 1, 2, 2, 3, 3, 4, 4, 5, 5]


def test_ties_share_the_minimum_rank() -> None:
    # Values 5,5 (tied highest) both get rank 1 → quantile 1.
    r = quantiles([5, 5, 4, 3, 2, 1], n=3)
    assert r.quantile[0] == r.quantile[1] == 1


def test_missing_values_get_no_quantile_and_a_reason() -> None:
    r = quantiles([1, 2, np.nan, 4, 5, 6], n=5)
    assert math.isnan(r.quantile[2])
    assert r.reason[2] == "value is missing"
    assert not np.isnan(r.quantile[[0, 1, 3, 4, 5]]).any()


def test_group_with_fewer_values_than_quantiles_gets_none() -> None:
    r = quantiles([1, 2, 3, 10, 20, 30, 40, 50], n=5, groups=list("aaabbbbb"))
    assert np.isnan(r.quantile[:3]).all()
    assert r.reason[0] == "fewer than 5 values in the group"
    assert list(r.quantile[3:]) == [5, 4, 3, 2, 1]


def test_sii_of_exactly_linear_values_recovers_slope_and_intercept() -> None:
    # Five equal fifths: cumulative mid-points b = 0.1, 0.3, 0.5, 0.7, 0.9.
    # Values 10 + 5b = 10.5 ... 14.5 → B = 5 (SII), A = 10, RII = (10 + 5)/10 = 1.5.
    r = slope_index_of_inequality(
        quantile=[1, 2, 3, 4, 5],
        population=[100] * 5,
        value=[10.5, 11.5, 12.5, 13.5, 14.5],
        se=[0.01] * 5,
        seed=1,
    )
    assert r.sii == pytest.approx(5.0)
    assert r.intercept == pytest.approx(10.0)
    assert r.rii == pytest.approx(1.5)
    assert r.sii_lower < 5.0 < r.sii_upper
    assert r.sii_upper - r.sii_lower < 0.2


def test_sii_simulation_is_reproducible_with_a_seed() -> None:
    kwargs = {
        "quantile": [1, 2, 3, 4, 5],
        "population": [100, 120, 90, 110, 100],
        "value": [70, 72, 75, 76, 80],
        "se": [1.0] * 5,
        "seed": 7,
        "repetitions": 5000,
    }
    assert slope_index_of_inequality(**kwargs) == slope_index_of_inequality(**kwargs)


def test_negative_multiplier_flips_sii_and_inverts_rii() -> None:
    common = {
        "quantile": [1, 2, 3, 4, 5],
        "population": [100] * 5,
        "value": [0.3, 0.25, 0.2, 0.15, 0.1],
        "se": [0.05] * 5,
        "value_type": "proportion",
        "seed": 3,
        "repetitions": 2000,
    }
    plus = slope_index_of_inequality(**common, multiplier=100)
    minus = slope_index_of_inequality(**common, multiplier=-100)
    assert minus.sii == pytest.approx(-plus.sii)
    assert minus.rii == pytest.approx(1 / plus.rii)


def test_sii_needs_at_least_five_quantiles() -> None:
    with pytest.raises(ValueError, match="between 5 and 100"):
        slope_index_of_inequality([1, 2, 3], [1, 1, 1], [1, 2, 3], se=[1, 1, 1])


def test_sii_with_a_missing_value_is_nan_with_reason() -> None:
    r = slope_index_of_inequality([1, 2, 3, 4, 5], [1] * 5, [1, 2, np.nan, 4, 5], se=[1] * 5)
    assert math.isnan(r.sii)
    assert r.reason == "a quantile has a missing value or population"


def test_gap_between_lowest_fifth_and_population() -> None:
    # Ten areas with life expectancy 71..80, equal populations. Lowest fifth: 71, 72 → 71.5.
    # Population (mean of all) 75.5. Gap 4.0; relative gap 4/75.5 = 0.0529801.
    r = gap_to_population(list(range(71, 81)), weights=[1000] * 10)
    assert r.lowest_value == pytest.approx(71.5)
    assert r.population_value == pytest.approx(75.5)
    assert r.gap == pytest.approx(4.0)
    assert r.relative_gap == pytest.approx(0.0529801, abs=1e-7)
    assert r.n_lowest == 2


def test_gap_uses_a_given_population_value() -> None:
    r = gap_to_population(list(range(71, 81)), population_value=80.0)
    assert r.gap == pytest.approx(8.5)


def test_relative_index_matches_the_rii_of_the_slope_index() -> None:
    kwargs = {
        "quantile": [1, 2, 3, 4, 5],
        "population": [100] * 5,
        "value": [10.5, 11.5, 12.5, 13.5, 14.5],
        "se": [0.5] * 5,
        "seed": 5,
        "repetitions": 2000,
    }
    rii = relative_index_of_inequality(**kwargs)
    full = slope_index_of_inequality(**kwargs)
    assert rii.value[0] == pytest.approx(1.5)
    assert (rii.lower[0], rii.upper[0]) == (full.rii_lower, full.rii_upper)
