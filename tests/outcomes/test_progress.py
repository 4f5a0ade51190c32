"""Stored targets judged against stored values, including an inequality-gap target over wards."""

from __future__ import annotations

import datetime as dt

import pytest
from tests.outcomes.conftest import row

from joinedup.accounts.scope import Scope
from joinedup.outcomes.importing import import_indicator_file
from joinedup.outcomes.models import Area, IndicatorDefinition, Target
from joinedup.outcomes.progress import gap_series, status_of


@pytest.fixture
def smoking(world, write_fingertips):
    import_indicator_file(world.board, write_fingertips(
        row("E10099001", "Wealdbridge", "2021", "20.0", "19.6", "20.4"),
        row("E10099001", "Wealdbridge", "2022", "18.9", "18.7", "19.1"),
    ))
    indicator = IndicatorDefinition.objects.get()
    indicator.polarity = "low_is_good"
    indicator.save()
    return indicator


def test_stored_target_is_off_track_when_the_interval_misses_the_trajectory(world, smoking):
    # baseline 20.0 at 2021-12-31, target 16.0 at 2023-12-31 (730 days); period 2022
    # ends 2022-12-31, 365 days in: trajectory 18.0; 18.9 is 0.9 worse, CI 18.7-19.1 misses 18.0
    target = Target.objects.create(
        indicator=smoking, area=Area.objects.get(code="E10099001"), baseline_value=20.0,
        baseline_period="2021", baseline_date=dt.date(2021, 12, 31), target_value=16.0,
        target_date=dt.date(2023, 12, 31), tolerance=0.5)
    result = status_of(Scope.system(world.board), target)
    assert result.status == "off_track"
    assert result.expected == pytest.approx(18.0)
    assert result.rule.startswith(
        "Latest value 18.9 (2022) is above the trajectory value of 18 for 2022 by 0.9")


def test_gap_series_measures_lowest_fifth_against_the_county(world, write_fingertips):
    # ten wards with life expectancy 76..85 (equal weight): lowest fifth is 76 and 77, mean 76.5.
    # The county's own value 81.0 is the population value, so the gap is 81.0 - 76.5 = 4.5.
    wards = [row(f"E050990{n:02d}", f"Ward {n}", "2019-21", str(75 + n), parent="E10099001",
                 indicator="Life expectancy") for n in range(1, 11)]
    county = row("E10099001", "Wealdbridge", "2019-21", "81.0", indicator="Life expectancy")
    import_indicator_file(world.board, write_fingertips(county, *wards))
    scope = Scope.system(world.board)
    (gap,) = gap_series(scope, IndicatorDefinition.objects.get(), Area.objects.get(code="E10099001"))
    assert (gap.period, gap.value, gap.date) == ("2019-21", pytest.approx(4.5), dt.date(2021, 12, 31))
