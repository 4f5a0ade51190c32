"""The indicator list and the priority page: who may open them and what they show."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from tests.factories import ActionFactory
from tests.outcomes.conftest import row

from joinedup.outcomes.importing import import_indicator_file
from joinedup.outcomes.models import Area, IndicatorDefinition, Target

PAGES = [("outcomes:indicators", {}), ("outcomes:priority", {"number": 2})]


@pytest.fixture
def linked(world, write_fingertips):
    import_indicator_file(world.board, write_fingertips(
        row("E92000001", "England", "2021", "13.0", "12.9", "13.1", parent=""),
        row("E92000001", "England", "2022", "12.5", "12.4", "12.6", parent=""),
        row("E10099001", "Wealdbridge", "2021", "16.0", "15.8", "16.2"),
        row("E10099001", "Wealdbridge", "2022", "15.1", "14.9", "15.3"),
    ))
    indicator = IndicatorDefinition.objects.get()
    indicator.polarity = "low_is_good"
    indicator.unit = "%"
    indicator.save()
    indicator.priorities.add(world.priorities[1])
    Target.objects.create(
        indicator=indicator, area=Area.objects.get(code="E10099001"), baseline_value=16.0,
        baseline_period="2021", baseline_date=dt.date(2021, 12, 31), target_value=14.0,
        target_date=dt.date(2023, 12, 31), tolerance=0.2)
    action = ActionFactory(partnership=world.board, owner=world.council, title="Stop smoking service")
    action.priorities.add(world.priorities[1])
    return indicator


def _url(name, kwargs):
    return reverse(name, kwargs={"slug": "wealdbridge", **kwargs})


@pytest.mark.parametrize(("name", "kwargs"), PAGES)
def test_anonymous_visitors_are_sent_to_sign_in(client, world, name, kwargs):
    response = client.get(_url(name, kwargs))
    assert response.status_code == 302
    assert response.url.startswith(reverse("pages:sign-in"))


@pytest.mark.parametrize(("name", "kwargs"), PAGES)
def test_outsiders_get_not_found(client, world, linked, name, kwargs):
    client.force_login(world.outsider)
    assert client.get(_url(name, kwargs)).status_code == 404


def test_unknown_priority_number_is_not_found(client, world):
    client.force_login(world.viewer)
    assert client.get(_url("outcomes:priority", {"number": 99})).status_code == 404


def test_indicator_list_shows_latest_value_benchmark_and_target_status(client, world, linked):
    client.force_login(world.own_viewer)
    html = client.get(_url("outcomes:indicators", {})).content.decode()
    assert "Smoking prevalence" in html and "15.1" in html
    # 14.9-15.3 lies wholly above England's 12.5 and low is good
    assert "Worse than England (12.5)" in html
    # trajectory at 2022-12-31: 16 - 2 * 365/730 = 15.0; 15.1 is 0.1 above, within 0.2
    assert "At risk" in html and "by 0.1, within the 0.2 tolerance" in html


def test_priority_page_shows_actions_link_chart_and_table(client, world, linked):
    client.force_login(world.viewer)
    html = client.get(_url("outcomes:priority", {"number": 2})).content.decode()
    assert "Respiratory illness" in html and "Long-term conditions" in html
    assert f'/p/wealdbridge/actions/?priority={world.priorities[1].id}">1 action contributing' in html
    assert '<svg role="img" aria-labelledby="chart-' in html
    assert f'<title id="chart-{linked.pk}-title">Smoking prevalence: trend in Wealdbridge</title>' in html
    assert "Values from 2021 (16) to 2022 (15.1). England in 2022: 12.5." in html
    assert '<th scope="row" class="govuk-table__header">2022</th>' in html
