"""Means with Student's t limits."""

from __future__ import annotations

import math

import pytest

from joinedup.stats import mean


def test_mean_interval_matches_hand_calculation() -> None:
    # values 2,4,4,4,5,5,7,9: sum 40, n 8, mean 5; squared deviations sum 32
    # sd = √(32/7) = 2.1380899; t_{0.975, 7} = 2.3646243
    # half width = 2.3646243 · 2.1380899 / √8 = 1.7874879
    r = mean([2, 4, 4, 4, 5, 5, 7, 9])
    assert r.value[0] == pytest.approx(5.0)
    assert r.sd[0] == pytest.approx(2.1380899, abs=1e-7)
    assert r.n[0] == 8 and r.total[0] == pytest.approx(40.0)
    assert r.lower[0] == pytest.approx(5 - 1.7874879, abs=1e-6)
    assert r.upper[0] == pytest.approx(5 + 1.7874879, abs=1e-6)


def test_mean_is_computed_per_group() -> None:
    r = mean([1, 3, 10, 20, 30], groups=["a", "a", "b", "b", "b"])
    assert list(r.groups) == ["a", "b"]
    assert list(r.value) == pytest.approx([2.0, 20.0])
    assert list(r.n) == [2, 3]


def test_missing_value_makes_group_mean_nan_with_reason() -> None:
    r = mean([1.0, float("nan"), 3.0])
    assert math.isnan(r.value[0])
    assert r.reason[0] == "a value is missing"


def test_single_value_has_no_interval() -> None:
    r = mean([4.0])
    assert r.value[0] == 4.0
    assert math.isnan(r.lower[0])
    assert r.reason[0] == "fewer than two values: no interval"


def test_interval_at_998_is_wider_than_at_95() -> None:
    values = [2, 4, 4, 4, 5, 5, 7, 9]
    assert mean(values, conf_level=0.998).lower[0] < mean(values).lower[0]
