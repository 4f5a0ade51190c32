"""Crude rates and count limits: Byar's and exact Poisson worked examples."""

from __future__ import annotations

import math

import numpy as np
import pytest

from joinedup.stats import byars_lower, byars_upper, exact_poisson, rate


def _poisson_cdf(k: int, mu: float) -> float:
    """P(K ≤ k) for K ~ Poisson(mu), summed by hand."""
    return sum(math.exp(-mu) * mu**i / math.factorial(i) for i in range(k + 1))


def test_byar_limits_for_50_events_match_hand_calculation() -> None:
    # z = 1.959964.  Lower: 50·(1 − 1/450 − z/(3√50))³
    #   1/450 = 0.0022222; z/(3·7.0710678) = 0.0923938; bracket 0.9053842; cubed 0.7421620
    #   → 37.108100
    # Upper: 51·(1 − 1/459 + z/(3√51))³
    #   1/459 = 0.0021786; z/(3·7.1414284) = 0.0914831; bracket 1.0893046; cubed 1.2925521
    #   → 65.920157
    assert byars_lower([50])[0] == pytest.approx(37.108100, abs=1e-5)
    assert byars_upper([50])[0] == pytest.approx(65.920157, abs=1e-5)


def test_byar_lower_at_998_for_50_events() -> None:
    # z = 3.090232: 50·(1 − 1/450 − 3.090232/21.213203)³ = 50·0.8521028³ = 30.934708
    assert byars_lower([50], 0.998)[0] == pytest.approx(30.934708, abs=1e-5)


def test_byar_lower_that_goes_negative_is_nan() -> None:
    # O = 1 at 99.8 %: 1 − 1/9 − 3.090232/3 = −0.141 → negative cube → NA nationally.
    assert math.isnan(byars_lower([1], 0.998)[0])


def test_exact_poisson_for_zero_events() -> None:
    # Lower is 0 by definition. Upper = χ²_{0.975}(2)/2; χ²(2) is exponential with mean 2,
    # so the quantile is −2·ln(0.025) and the limit −ln(0.025) = 3.6888795.
    lower, upper = exact_poisson([0])
    assert lower[0] == 0.0
    assert upper[0] == pytest.approx(3.6888795, abs=1e-7)


def test_exact_poisson_for_three_events_solves_the_tail_equations() -> None:
    # Lower = χ²_{0.025}(6)/2 = 0.618672, upper = χ²_{0.975}(8)/2 = 8.767273 (Garwood table).
    # Check against the defining equations: P(K ≥ 3 | lower) = 0.025, P(K ≤ 3 | upper) = 0.025.
    lower, upper = exact_poisson([3])
    assert lower[0] == pytest.approx(0.618672, abs=1e-6)
    assert upper[0] == pytest.approx(8.767273, abs=1e-6)
    assert 1 - _poisson_cdf(2, lower[0]) == pytest.approx(0.025, abs=1e-9)
    assert _poisson_cdf(3, upper[0]) == pytest.approx(0.025, abs=1e-9)


def test_rate_uses_byar_limits_from_ten_events() -> None:
    # 50 deaths in 10 000 people per 100 000: 500; limits 37.108100·10 and 65.920157·10.
    r = rate([50], [10_000])
    assert r.value[0] == pytest.approx(500.0)
    assert r.lower[0] == pytest.approx(371.08100, abs=1e-4)
    assert r.upper[0] == pytest.approx(659.20157, abs=1e-4)
    assert r.method[0] == "Byars"


def test_rate_uses_exact_limits_below_ten_events() -> None:
    # 0 events in 2 000: upper = −ln(0.025)/2000·100 000 = 184.43897
    r = rate([0, 9], [2000, 1000])
    assert r.lower[0] == 0.0
    assert r.upper[0] == pytest.approx(184.443973, abs=1e-5)
    assert list(r.method) == ["Exact", "Exact"]


def test_rate_allows_numerator_above_denominator() -> None:
    r = rate([250], [220])
    assert r.reason[0] == ""
    assert r.value[0] == pytest.approx(250 / 220 * 100_000)


def test_rate_with_zero_denominator_is_nan_with_reason() -> None:
    r = rate([3], [0])
    assert math.isnan(r.value[0]) and math.isnan(r.upper[0])
    assert r.reason[0] == "denominator is zero"


def test_rate_with_missing_count_is_nan_with_reason() -> None:
    r = rate([np.nan], [100])
    assert math.isnan(r.value[0])
    assert r.reason[0] == "numerator is missing"


def test_rate_with_negative_count_is_nan_with_reason() -> None:
    r = rate([-2], [100])
    assert math.isnan(r.lower[0])
    assert r.reason[0] == "numerator is negative"


def test_byars_reject_negative_counts() -> None:
    with pytest.raises(ValueError, match="count"):
        byars_upper([-1])
