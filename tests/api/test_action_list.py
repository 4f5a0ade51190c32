"""Filtering and paginating the action list."""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlencode

import pytest
from django.utils import timezone

from joinedup.actions.models import Action, PopulationGroup
from tests.factories import ActionFactory

LIST = "/api/p/wealdbridge/actions"


@pytest.fixture
def linked(api_world):
    """council_action -> priority 1, first category, older people, on track;
    nhs_action -> priority 2, second category, children; charity_action -> nothing."""
    world = api_world.world
    api_world.council_action.priorities.set([world.priorities[0]])
    api_world.council_action.categories.set([world.categories[0]])
    api_world.council_action.population_groups.set([PopulationGroup.objects.get(code="older_people")])
    Action.objects.filter(pk=api_world.council_action.pk).update(status="on_track")
    api_world.nhs_action.priorities.set([world.priorities[1]])
    api_world.nhs_action.categories.set([world.categories[1]])
    api_world.nhs_action.population_groups.set([PopulationGroup.objects.get(code="children_young_people")])
    return api_world


def _refs(response) -> list[str]:
    assert response.status_code == 200, response.content
    return sorted(item["external_ref"] for item in response.json()["items"])


def test_filter_by_priority_number(linked, call):
    assert _refs(call("viewer", "GET", LIST + "?priority=2")) == ["N1"]


def test_filter_by_partner(linked, call):
    assert _refs(call("viewer", "GET", f"{LIST}?partner={linked.world.charity.id}")) == ["V1"]


def test_filter_by_category(linked, call):
    assert _refs(call("viewer", "GET", f"{LIST}?category={linked.world.categories[0].id}")) == ["C1"]


def test_filter_by_status(linked, call):
    assert _refs(call("viewer", "GET", LIST + "?status=on_track")) == ["C1"]


def test_filter_by_population_group_code(linked, call):
    assert _refs(call("viewer", "GET", LIST + "?population_group=children_young_people")) == ["N1"]


def test_text_search_is_case_insensitive(linked, call):
    assert _refs(call("viewer", "GET", LIST + "?q=ASTHMA")) == ["N1"]


def test_filters_combine(linked, call):
    assert _refs(call("viewer", "GET", LIST + "?priority=1&status=not_started")) == []


def test_filter_by_updated_since(linked, call):
    long_ago = timezone.now() - dt.timedelta(days=30)
    Action.objects.exclude(pk=linked.charity_action.pk).update(updated=long_ago)
    since = urlencode({"updated_since": (timezone.now() - dt.timedelta(days=1)).isoformat()})
    assert _refs(call("viewer", "GET", f"{LIST}?{since}")) == ["V1"]


@pytest.fixture
def many(api_world):
    """120 council actions besides the three of api_world: 123 visible to the viewer."""
    world = api_world.world
    ActionFactory.create_batch(120, partnership=world.board, owner=world.council)
    return api_world


def test_the_default_page_is_50_and_counts_everything(many, call):
    body = call("viewer", "GET", LIST).json()
    assert (body["count"], body["limit"], body["offset"], len(body["items"])) == (123, 50, 0, 50)


def test_limit_and_offset_select_a_window(many, call):
    body = call("viewer", "GET", LIST + "?limit=10&offset=115").json()
    assert (body["count"], len(body["items"])) == (123, 8)


def test_pages_do_not_overlap(many, call):
    first = {i["id"] for i in call("viewer", "GET", LIST + "?limit=60").json()["items"]}
    second = {i["id"] for i in call("viewer", "GET", LIST + "?limit=60&offset=60").json()["items"]}
    third = {i["id"] for i in call("viewer", "GET", LIST + "?limit=60&offset=120").json()["items"]}
    assert len(first | second | third) == 123


@pytest.mark.parametrize("query", ["limit=501", "limit=0", "offset=-1", "status=finished",
                                   "population_group=pirates", "partner=abc",
                                   "partner=99999999999999999999999"])
def test_bad_list_parameters_are_422(api_world, call, query):
    response = call("viewer", "GET", f"{LIST}?{query}")
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"][-1] == query.split("=")[0]


@pytest.mark.parametrize("value", ["0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-12:00", "0001-01-01",
                                   "not-a-date"])
def test_an_implausible_updated_since_is_422_not_an_overflow(api_world, call, value):
    response = call("viewer", "GET", f"{LIST}?{urlencode({'updated_since': value})}")
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"][-1] == "updated_since"
