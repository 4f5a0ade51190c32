"""Directly and indirectly standardised rates and ratios."""

from __future__ import annotations

import math

import numpy as np
import pytest

from joinedup.stats import ESP2013, dsr, isr, smr


def test_dsr_with_dobson_limits_matches_hand_calculation() -> None:
    # Two bands: x = 10, 20; n = 1000, 2000; standard weights 6000, 4000 (Σw = 10 000).
    # DSR = (10·6000/1000 + 20·4000/2000)/10 000 = (60 + 40)/10 000 = 0.01 → ×100 000 = 1000
    # var = (10·6² + 20·2²)/10 000² = 440/1e8 = 4.4e-6; O = 30; √(var/O) = 3.8297084e-4
    # Byar(30): lower 20.236939, upper 42.828372
    # lower = (0.01 + 3.8297084e-4·(20.236939 − 30))·1e5 = 626.10323
    # upper = (0.01 + 3.8297084e-4·(42.828372 − 30))·1e5 = 1491.28924
    r = dsr([10, 20], [1000, 2000], standard_population=[6000, 4000])
    assert r.value[0] == pytest.approx(1000.0)
    assert r.lower[0] == pytest.approx(626.10323, abs=1e-4)
    assert r.upper[0] == pytest.approx(1491.28924, abs=1e-4)
    assert r.total_count[0] == 30 and r.total_pop[0] == 3000


def test_default_standard_is_esp2013() -> None:
    assert list(ESP2013) == [
        5000,
        5500,
        5500,
        5500,
        6000,
        6000,
        6500,
        7000,
        7000,
        7000,
        7000,
        6500,
        6000,
        5500,
        5000,
        4000,
        2500,
        1500,
        1000,
    ]
    assert ESP2013.sum() == 100_000
    # The same rate in every band standardises to that rate: 1 per 100 → 1000 per 100 000.
    r = dsr([10] * 19, [1000] * 19)
    assert r.value[0] == pytest.approx(1000.0)


def test_dsr_is_computed_per_group_with_weights_repeated_per_band() -> None:
    r = dsr(
        [10, 20, 4, 5],
        [1000, 2000, 100, 100],
        standard_population=[6000, 4000],
        groups=["A", "A", "B", "B"],
    )
    assert r.value[0] == pytest.approx(1000.0)
    assert math.isnan(r.value[1])
    assert r.reason[1] == "total count < 10: DSR suppressed"


def test_dsr_suppresses_total_count_below_ten() -> None:
    r = dsr([4, 5], [1000, 2000], standard_population=[6000, 4000])
    assert math.isnan(r.value[0]) and math.isnan(r.lower[0]) and math.isnan(r.upper[0])
    assert r.total_count[0] == 9
    assert r.reason[0] == "total count < 10: DSR suppressed"


def test_dsr_treats_missing_count_as_zero() -> None:
    r = dsr([np.nan, 20], [1000, 2000], standard_population=[6000, 4000])
    assert r.total_count[0] == 20
    assert r.value[0] == pytest.approx(20 * 4000 / 2000 / 10_000 * 1e5)


def test_dsr_with_zero_population_band_is_nan_with_reason() -> None:
    r = dsr([10, 20], [0, 2000], standard_population=[6000, 4000])
    assert math.isnan(r.value[0])
    assert r.reason[0] == "a population is missing, zero or negative"


def test_dsr_with_wrong_number_of_bands_is_nan_with_reason() -> None:
    r = dsr([10] * 18, [1000] * 18)
    assert math.isnan(r.value[0])
    assert r.reason[0] == "rows do not match the standard population bands"


def test_nonindependent_events_weight_variance_by_frequency_squared() -> None:
    # One band, w = 1000, n = 1000: 10 people with 1 event and 5 with 2 events.
    # Events = 10 + 2·5 = 20 → DSR = 20/1000 ·1e5 = 2000.
    # var = (1²·10·1² + 2²·5·1²)/1000² = 30/1e6; O = 20; √(var/O) = √1.5e-6 = 1.2247449e-3
    # Byar(20) lower = 20·(1 − 1/180 − 1.959964/(3√20))³ = 12.211429
    # lower = (0.02 + 1.2247449e-3·(12.211429 − 20))·1e5 = 1046.0987
    r = dsr(
        [10, 5],
        [1000, 1000],
        standard_population=[1000, 1000],
        event_frequency=[1, 2],
        age_band=["0-4", "0-4"],
    )
    assert r.value[0] == pytest.approx(2000.0)
    assert r.total_pop[0] == 1000
    assert r.lower[0] == pytest.approx(1046.0987, abs=1e-4)


def test_smr_matches_hand_calculation() -> None:
    # Reference rates 100/100 000 and 300/100 000 applied to 10 000 and 20 000 people:
    # E = 10 + 60 = 70; O = 30; SMR×100 = 42.857143
    # Byar(30) 20.236939 / 42.828372 → limits 28.909913, 61.183388
    r = smr([10, 20], [10_000, 20_000], [100, 300], [100_000, 100_000], ref_value=100)
    assert r.expected[0] == pytest.approx(70.0)
    assert r.value[0] == pytest.approx(42.857143, abs=1e-6)
    assert r.lower[0] == pytest.approx(28.909913, abs=1e-6)
    assert r.upper[0] == pytest.approx(61.183388, abs=1e-6)


def test_isr_scales_by_reference_rate() -> None:
    # Reference rate = 400/200 000 ·1e5 = 200; ISR = 30/70 · 200 = 85.714286
    r = isr([10, 20], [10_000, 20_000], [100, 300], [100_000, 100_000])
    assert r.ref_rate[0] == pytest.approx(200.0)
    assert r.value[0] == pytest.approx(85.714286, abs=1e-6)
    assert r.upper[0] == pytest.approx(122.366777, abs=1e-6)


def test_isr_with_zero_observed_uses_exact_limits() -> None:
    # O = 0: lower 0, upper −ln(0.025) = 3.6888795; E = 70 → ×100/70
    r = smr([0, 0], [10_000, 20_000], [100, 300], [100_000, 100_000], ref_value=100)
    assert r.lower[0] == 0.0
    assert r.upper[0] == pytest.approx(3.6888795 / 70 * 100, abs=1e-6)
    assert r.method[0] == "Exact"


def test_isr_with_no_expected_events_is_nan_with_reason() -> None:
    r = smr([3], [1000], [0], [100_000])
    assert math.isnan(r.value[0])
    assert r.reason[0] == "expected count is zero"


def test_isr_accepts_observed_totals_per_group() -> None:
    r = smr(None, [10_000, 20_000], [100, 300], [100_000, 100_000], observed_total=[30])
    assert r.value[0] == pytest.approx(30 / 70)
