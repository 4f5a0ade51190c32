"""Proportions with Wilson score limits: worked example and edge rules."""

from __future__ import annotations

import math

import numpy as np
import pytest

from joinedup.stats import proportion


def test_wilson_interval_for_10_of_100_matches_hand_calculation() -> None:
    # z = 1.959964 (95 %), z² = 3.841459
    # 4x(1 − x/n) = 4·10·0.9 = 36;  √(z² + 36) = 6.312009;  z·√(...) = 12.371310
    # denominator 2(n + z²) = 207.682918
    # lower = (20 + 3.841459 − 12.371310) / 207.682918 = 0.0552291
    # upper = (20 + 3.841459 + 12.371310) / 207.682918 = 0.1743657
    r = proportion([10], [100])
    assert r.value[0] == pytest.approx(0.1)
    assert r.lower[0] == pytest.approx(0.0552291, abs=1e-7)
    assert r.upper[0] == pytest.approx(0.1743657, abs=1e-7)


def test_multiplier_scales_value_and_limits() -> None:
    r = proportion([10], [100], multiplier=100)
    assert r.value[0] == pytest.approx(10.0)
    assert r.lower[0] == pytest.approx(5.52291, abs=1e-5)
    assert r.upper[0] == pytest.approx(17.43657, abs=1e-5)


def test_interval_at_998_is_wider_than_at_95() -> None:
    narrow = proportion([10], [100], conf_level=0.95)
    wide = proportion([10], [100], conf_level=0.998)
    assert wide.lower[0] < narrow.lower[0]
    assert wide.upper[0] > narrow.upper[0]
    assert wide.conf_level == 0.998


def test_zero_numerator_has_lower_limit_exactly_zero() -> None:
    # With x = 0: lower = (z² − z·√z²)/(2(n + z²)) = 0; upper = 2z²/(2(n + z²)).
    r = proportion([0], [50])
    z2 = 1.959963984540054**2
    assert r.lower[0] == 0.0
    assert r.upper[0] == pytest.approx(2 * z2 / (2 * (50 + z2)))


def test_numerator_equal_to_denominator_has_upper_limit_exactly_one() -> None:
    assert proportion([50], [50]).upper[0] == 1.0


def test_zero_denominator_gives_nan_with_reason() -> None:
    r = proportion([0, 5], [0, 10])
    assert math.isnan(r.value[0]) and math.isnan(r.lower[0]) and math.isnan(r.upper[0])
    assert r.reason[0] == "denominator is zero"
    assert r.reason[1] == "" and r.value[1] == pytest.approx(0.5)


def test_missing_numerator_gives_nan_with_reason() -> None:
    r = proportion([np.nan], [100])
    assert math.isnan(r.value[0])
    assert r.reason[0] == "numerator is missing"


def test_numerator_above_denominator_is_refused_with_reason() -> None:
    r = proportion([11], [10])
    assert math.isnan(r.value[0])
    assert r.reason[0] == "numerator exceeds denominator"


def test_negative_numerator_is_refused_with_reason() -> None:
    r = proportion([-1], [10])
    assert math.isnan(r.lower[0])
    assert r.reason[0] == "numerator is negative"


def test_confidence_of_one_gives_limits_zero_and_one() -> None:
    r = proportion([65], [100], conf_level=1)
    assert (r.lower[0], r.upper[0]) == (0.0, 1.0)


def test_result_is_frozen() -> None:
    r = proportion([1], [2])
    with pytest.raises(AttributeError):
        r.value = np.array([0.0])  # type: ignore[misc]
