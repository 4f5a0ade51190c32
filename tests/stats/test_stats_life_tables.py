"""Life expectancy (Chiang II) and the national suppression rules."""

from __future__ import annotations

import math

import numpy as np
import pytest

from joinedup.stats import life_expectancy

AGES = [0, 1, *range(5, 95, 5)]


def _deaths_and_pops() -> tuple[list[float], list[float]]:
    deaths = [20, 5, 3, 3, 8, 10, 12, 15, 20, 30, 45, 70, 100, 150, 230, 330, 450, 520, 480, 500]
    pops = [
        5000,
        20000,
        26000,
        25000,
        24000,
        26000,
        28000,
        27000,
        26000,
        27000,
        29000,
        27000,
        24000,
        22000,
        20000,
        15000,
        11000,
        7000,
        3500,
        2000,
    ]
    return deaths, pops


def test_open_age_band_expectancy_is_population_over_deaths() -> None:
    # In the 90+ band L = l/M so e = 1/M = P/D = 2000/500 = 4 years.
    # Silcocks: sp = 4/(D·M²), w = (l/2)²·sp, SE = √w/l = 1/(√D·M) = P/(D√D) = 0.1788854
    # limits 4 ∓ 1.959964·0.1788854 = 3.649391, 4.350609
    deaths, pops = _deaths_and_pops()
    r = life_expectancy(deaths, pops, AGES)
    assert r.value[-1] == pytest.approx(4.0)
    assert r.lower[-1] == pytest.approx(3.649391, abs=1e-6)
    assert r.upper[-1] == pytest.approx(4.350609, abs=1e-6)


def test_life_expectancy_falls_with_age_after_infancy() -> None:
    deaths, pops = _deaths_and_pops()
    r = life_expectancy(deaths, pops, AGES)
    assert np.all(np.diff(r.value[1:]) < 0)


def test_rows_are_returned_in_age_order_whatever_the_input_order() -> None:
    deaths, pops = _deaths_and_pops()
    shuffled = np.random.default_rng(1).permutation(20)
    r = life_expectancy(np.array(deaths)[shuffled], np.array(pops)[shuffled], np.array(AGES)[shuffled])
    assert list(r.start_age) == AGES
    assert r.value[-1] == pytest.approx(4.0)


def test_pops_and_deaths_used_are_cumulative_from_each_age_upward() -> None:
    deaths, pops = _deaths_and_pops()
    r = life_expectancy(deaths, pops, AGES)
    assert r.pops_used[0] == sum(pops) and r.pops_used[-1] == 2000
    assert r.deaths_used[-2] == 980


def test_total_population_of_5000_or_less_is_suppressed_with_reason() -> None:
    r = life_expectancy([1] * 20, [250] * 20, AGES)
    assert np.all(np.isnan(r.value)) and np.all(np.isnan(r.lower))
    assert r.reason[0] == "total population 5,000 or less"


def test_negative_deaths_suppress_the_whole_group() -> None:
    deaths, pops = _deaths_and_pops()
    deaths[3] = -1
    r = life_expectancy(deaths, pops, AGES)
    assert np.all(np.isnan(r.value))
    assert r.reason[5] == "negative deaths"


def test_deaths_above_population_suppress_the_whole_group() -> None:
    deaths, pops = _deaths_and_pops()
    deaths[-1] = 2001
    r = life_expectancy(deaths, pops, AGES)
    assert np.all(np.isnan(r.upper))
    assert r.reason[0] == "deaths exceed population in an age band"


def test_missing_band_suppresses_the_group() -> None:
    deaths, pops = _deaths_and_pops()
    r = life_expectancy(deaths[:-1], pops[:-1], AGES[:-1])
    assert np.all(np.isnan(r.value))
    assert r.reason[0].startswith("needs exactly 20 age bands")


def test_groups_are_calculated_independently() -> None:
    deaths, pops = _deaths_and_pops()
    bad = [*deaths[:-1], 3000]
    r = life_expectancy(deaths + bad, pops + pops, AGES + AGES, groups=["a"] * 20 + ["b"] * 20)
    assert r.value[19] == pytest.approx(4.0)
    assert np.all(np.isnan(r.value[20:]))


def test_wide_interval_blanks_value_but_keeps_limits() -> None:
    # Very few deaths in the open band make the SE there huge: 1/(√D·M) = 2000/1 = 2000 years.
    deaths, pops = _deaths_and_pops()
    deaths[-1] = 1
    r = life_expectancy(deaths, pops, AGES)
    assert math.isnan(r.value[-1])
    assert not math.isnan(r.lower[-1])
    assert r.reason[-1] == "95% interval wider than 20 years: value suppressed"
