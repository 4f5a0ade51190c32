"""Funnel control limits and benchmark comparison."""

from __future__ import annotations

import math

import numpy as np
import pytest

from joinedup.stats import compare_to_benchmark, funnel_limits, funnel_significance, proportion
from joinedup.stats.funnels import poisson_funnel, wilson_funnel


def test_poisson_funnel_for_one_event_solves_the_tail_equation() -> None:
    # Low side, O = 1, tail 0.025: P(K ≥ 1 | E) = 1 − e^(−E) = 0.025 → E = −ln(0.975) = 0.0253178
    assert poisson_funnel(np.array([1.0]), 0.025, "low")[0] == pytest.approx(0.0253178, abs=1e-6)


def test_poisson_funnel_high_side_for_zero_events() -> None:
    # P(K ≤ 0 | E) = e^(−E) = 0.001 → E = −ln(0.001) = 6.9077553
    assert poisson_funnel(np.array([0.0]), 0.001, "high")[0] == pytest.approx(6.9077553, abs=1e-5)


def test_proportion_funnel_limit_is_where_wilson_interval_touches_the_average() -> None:
    # The lower 95 % limit p_L at N = 400 is the proportion whose Wilson upper limit is p̄.
    average, n = 0.3, 400.0
    p_low = wilson_funnel(0.975, np.array([n]), average, "low")[0]
    assert proportion([p_low * n], [n]).upper[0] == pytest.approx(average, abs=1e-9)


def test_proportion_funnel_table_has_100_rows_and_flat_baseline() -> None:
    t = funnel_limits([30, 60, 90], [100, 200, 300], statistic="proportion", multiplier=100)
    assert t["Population"].size == 100
    assert np.all(t["baseline"] == pytest.approx(30.0))
    assert np.all(t["lower_3s_limit"] <= t["lower_2s_limit"])
    assert np.all(np.diff(t["Population"]) >= 1)


def test_proportion_significance_labels_outliers() -> None:
    labels = funnel_significance([500, 300, 100], [1000, 1000, 1000])
    assert list(labels) == ["High (0.001)", "Not significant", "Low (0.001)"]


def test_dsr_significance_is_not_applicable_below_ten_events() -> None:
    labels = funnel_significance(
        [5, 500],
        [1000, 100_000],
        statistic="rate",
        rate=[500.0, 500.0],
        rate_type="dsr",
        multiplier=100_000,
    )
    assert labels[0] == "Not applicable for events less than 10 for dsrs"


def test_area_interval_above_benchmark_is_higher_and_better_when_high_is_good() -> None:
    r = compare_to_benchmark([81.0, 78.0, 79.0], [83.0, 79.5, 81.0], 80.0, polarity="high_is_good")
    assert list(r.comparison) == ["higher", "lower", "similar"]
    assert list(r.assessment) == ["better", "worse", "similar"]


def test_low_is_good_reverses_the_assessment() -> None:
    r = compare_to_benchmark([81.0], [83.0], 80.0, polarity="low_is_good")
    assert r.assessment[0] == "worse"


def test_benchmark_interval_overlap_counts_as_similar() -> None:
    r = compare_to_benchmark([81.0], [83.0], 80.0, benchmark_lower=79.0, benchmark_upper=81.5)
    assert r.comparison[0] == "similar"
    assert r.assessment[0] == "not applicable"


def test_missing_limits_are_not_compared_with_reason() -> None:
    r = compare_to_benchmark([math.nan], [83.0], 80.0, polarity="high_is_good")
    assert r.comparison[0] == "not compared"
    assert r.reason[0] == "area limits or benchmark missing"


def test_unknown_polarity_is_rejected() -> None:
    with pytest.raises(ValueError, match="polarity"):
        compare_to_benchmark([1.0], [2.0], 1.5, polarity="up")
