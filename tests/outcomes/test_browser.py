"""The priority and indicator pages in headless Chromium: readable, keyboard usable, axe-clean.

The browser fixtures live in tests/browser/fixtures.py, loaded for the whole suite.
"""

from __future__ import annotations

import datetime as dt

import pytest
from tests.browser.fixtures import assert_accessible
from tests.outcomes.conftest import row

from joinedup.outcomes.importing import import_indicator_file
from joinedup.outcomes.models import Area, IndicatorDefinition, Target

pytestmark = pytest.mark.browser


@pytest.fixture
def indicator(world, write_fingertips):
    rows = []
    for year, england, county in (("2020", "13.5", "16.4"), ("2021", "13.0", "16.0"),
                                  ("2022", "12.5", "15.1")):
        rows.append(row("E92000001", "England", year, england, "12.9", "13.6", parent=""))
        rows.append(row("E10099001", "Wealdbridge", year, county, str(float(county) - 0.3),
                        str(float(county) + 0.3)))
    import_indicator_file(world.board, write_fingertips(*rows))
    found = IndicatorDefinition.objects.get()
    found.polarity = "low_is_good"
    found.save()
    found.priorities.add(world.priorities[1])
    Target.objects.create(indicator=found, area=Area.objects.get(code="E10099001"),
                          baseline_value=16.4, baseline_period="2020",
                          baseline_date=dt.date(2020, 12, 31), target_value=14.0,
                          target_date=dt.date(2024, 12, 31), tolerance=0.2)
    return found


def test_priority_page_is_accessible_with_chart_and_table(page_for, world, indicator):
    page = page_for(world.viewer)
    page.goto("/p/wealdbridge/priorities/2/")
    assert page.get_by_role("heading", level=1).inner_text() == "Respiratory illness"
    chart = page.get_by_role("img", name="Smoking prevalence: trend in Wealdbridge")
    assert chart.is_visible()
    assert page.get_by_role("table").filter(has_text="England").is_visible()
    assert_accessible(page)


def test_actions_link_is_reached_with_the_keyboard(page_for, world, indicator):
    page = page_for(world.viewer)
    page.goto("/p/wealdbridge/priorities/2/")
    link = page.get_by_role("link", name="0 actions contributing to this priority")
    focused = False
    for _ in range(40):
        page.keyboard.press("Tab")
        focused = link.evaluate("el => el === document.activeElement")
        if focused:
            break
    assert focused, "the actions link was not reached with Tab"
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/p/wealdbridge/actions/?priority={world.priorities[1].id}")
    assert page.get_by_role("heading", level=1).is_visible()


def test_indicator_list_is_accessible(page_for, world, indicator):
    page = page_for(world.viewer)
    page.goto("/p/wealdbridge/indicators/")
    assert page.get_by_role("cell", name="Worse than England (12.5)").is_visible()
    assert_accessible(page)
