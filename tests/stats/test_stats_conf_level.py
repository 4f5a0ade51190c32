"""conf_level validation shared by every method."""

from __future__ import annotations

import pytest

from joinedup.stats import dsr, mean, proportion, rate


@pytest.mark.parametrize("level", [0, 1.5, -0.95, 95, float("nan")])
def test_rate_rejects_confidence_outside_zero_to_one(level: float) -> None:
    with pytest.raises(ValueError, match="conf_level"):
        rate([5], [100], conf_level=level)


def test_proportion_rejects_confidence_above_one() -> None:
    with pytest.raises(ValueError, match="conf_level"):
        proportion([5], [100], conf_level=99.8)


def test_mean_accepts_any_level_between_zero_and_one() -> None:
    r = mean([1.0, 2.0, 3.0], conf_level=0.8)
    assert r.conf_level == 0.8


def test_dsr_rejects_confidence_of_one() -> None:
    with pytest.raises(ValueError, match="conf_level"):
        dsr([10] * 19, [100] * 19, conf_level=1)


def test_multiplier_must_be_positive() -> None:
    with pytest.raises(ValueError, match="multiplier"):
        rate([5], [100], multiplier=0)
