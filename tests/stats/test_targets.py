"""Target trajectories and status rules, on examples worked by hand in each test."""

from __future__ import annotations

import datetime as dt

import pytest

from joinedup.stats.targets import (
    Observation,
    Step,
    TargetSpec,
    gap_spec,
    gap_target_value,
    measured_gap,
    target_status,
    trajectory_value,
)

START, END, MIDDLE = dt.date(2021, 1, 1), dt.date(2023, 1, 1), dt.date(2022, 1, 1)


def smoking(tolerance: float = 0.5) -> TargetSpec:
    # 20.0 in 2021 down to 16.0 by 2023: 730 days, so 2 per 365 days.
    return TargetSpec(20.0, START, 16.0, END, polarity="low_is_good", tolerance=tolerance)


def test_linear_trajectory_interpolates_by_days():
    # 365 of 730 days have passed: 20 + (16 - 20) * 365/730 = 18.0
    assert trajectory_value(smoking(), MIDDLE) == pytest.approx(18.0)


def test_linear_trajectory_quarter_way():
    # 2021-04-02 is 91 days in (31+28+31+1): 20 - 4 * 91/730 = 19.50137
    assert trajectory_value(smoking(), dt.date(2021, 4, 2)) == pytest.approx(20 - 4 * 91 / 730)


def test_trajectory_is_the_baseline_before_and_the_target_after():
    assert trajectory_value(smoking(), dt.date(2020, 6, 1)) == 20.0
    assert trajectory_value(smoking(), dt.date(2030, 1, 1)) == 16.0


def test_stepped_trajectory_holds_the_last_passed_step():
    spec = TargetSpec(20.0, START, 16.0, END, trajectory="stepped",
                      steps=(Step(dt.date(2021, 7, 1), 19.0), Step(dt.date(2022, 7, 1), 17.0)))
    assert trajectory_value(spec, dt.date(2021, 6, 30)) == 20.0
    assert trajectory_value(spec, dt.date(2022, 1, 1)) == 19.0
    assert trajectory_value(spec, dt.date(2022, 12, 31)) == 17.0


def test_value_better_than_trajectory_is_on_track():
    status = target_status(smoking(), Observation(17.9, MIDDLE, "2021/22"))
    assert status.status == "on_track"
    assert status.rule == ("Latest value 17.9 (2021/22) is below the trajectory value of 18 for "
                           "2021/22, where lower is better, so it is on track.")


def test_value_worse_beyond_tolerance_is_off_track_with_the_rule_in_words():
    # trajectory 18.0; 18.7 is 0.7 above, more than 0.5
    status = target_status(smoking(), Observation(18.7, MIDDLE, "2021/22"))
    assert status.status == "off_track"
    assert status.rule == ("Latest value 18.7 (2021/22) is above the trajectory value of 18 for "
                           "2021/22 by 0.7, more than the 0.5 tolerance, so it is off track.")


def test_value_worse_within_tolerance_is_at_risk():
    # 18.5 is 0.5 above 18.0: exactly the tolerance counts as within it
    assert target_status(smoking(), Observation(18.5, MIDDLE, "2022")).status == "at_risk"


def test_worse_value_whose_interval_includes_the_trajectory_is_at_risk():
    status = target_status(smoking(), Observation(19.0, MIDDLE, "2022", lower=17.6, upper=20.4))
    assert status.status == "at_risk"
    assert "confidence interval (17.6 to 20.4) includes the trajectory value" in status.rule


def test_worse_value_whose_interval_excludes_the_trajectory_is_off_track():
    status = target_status(smoking(), Observation(19.0, MIDDLE, "2022", lower=18.6, upper=19.4))
    assert status.status == "off_track"
    assert "does not include it" in status.rule


def test_rising_target_judges_a_low_value_as_worse():
    # screening uptake 60 -> 70 over 730 days; at the middle the trajectory is 65
    spec = TargetSpec(60.0, START, 70.0, END, polarity="high_is_good", tolerance=1)
    assert target_status(spec, Observation(63.5, MIDDLE, "2022")).status == "off_track"
    assert target_status(spec, Observation(65.5, MIDDLE, "2022")).status == "on_track"


def test_maintain_target_without_polarity_counts_either_direction_as_worse():
    spec = TargetSpec(50.0, START, 50.0, END, tolerance=1)
    assert target_status(spec, Observation(48.0, MIDDLE, "2022")).status == "off_track"
    assert target_status(spec, Observation(52.0, MIDDLE, "2022")).status == "off_track"
    assert target_status(spec, Observation(50.5, MIDDLE, "2022")).status == "at_risk"


def test_no_value_means_no_data():
    assert target_status(smoking(), None).status == "no_data"


def test_gap_target_value_reduces_the_baseline_gap_by_the_percentage():
    # a 4-year gap reduced by 10% is 3.6 years
    assert gap_target_value(4.0, 10) == pytest.approx(3.6)


def test_gap_reduction_must_be_a_percentage():
    with pytest.raises(ValueError, match="percentage"):
        gap_target_value(4.0, 120)


def test_measured_gap_is_population_minus_lowest_fifth():
    # ten equal-weight areas 71..80: the lowest fifth is 71 and 72 (mean 71.5);
    # the population value is the mean 75.5, so the gap is 4.0
    assert measured_gap([float(v) for v in range(71, 81)]) == pytest.approx(4.0)


def test_gap_target_status_on_a_narrowing_gap():
    # baseline gap 4.0, reduce 10% by 2023 -> 3.6; at the middle the trajectory is 3.8.
    spec = gap_spec(4.0, START, 10, END, tolerance=0.05)
    assert target_status(spec, Observation(3.7, MIDDLE, "2022")).status == "on_track"
    off = target_status(spec, Observation(3.9, MIDDLE, "2022"), subject="gap")
    assert off.status == "off_track"
    assert off.rule.startswith("Latest gap 3.9 (2022) is above the trajectory value of 3.8 for 2022 by 0.1")


def test_target_date_must_follow_the_baseline():
    with pytest.raises(ValueError, match="after the baseline"):
        TargetSpec(1.0, END, 2.0, START)
