"""The public plan pages need no sign-in and only ever show published snapshots."""

from __future__ import annotations

import pytest
from tests.publishing.conftest import DELETED_TITLE, DRAFT_TITLE, INTERNAL_REASON

from joinedup.publishing.services import take_snapshot


@pytest.fixture
def published(admin_scope, plan):
    return take_snapshot(admin_scope, plan.world.admin, "First version")


def test_plan_page_shows_the_latest_published_version_without_sign_in(client, published):
    response = client.get("/plan/wealdbridge/")
    assert response.status_code == 200
    assert "Adapt homes for people leaving hospital" in response.content.decode()


@pytest.mark.parametrize("url", ["/plan/", "/plan/1/", "/plan/wealdbridge/1/", "/plan/?p=wealdbridge"])
def test_every_plan_address_reaches_version_one(client, published, url):
    response = client.get(url)
    assert response.status_code == 200
    assert "Version 1, published" in response.content.decode()


def test_a_draft_is_not_public_on_the_page_or_as_json(client, admin_scope, plan):
    take_snapshot(admin_scope, plan.world.admin, publish=False)
    assert client.get("/plan/wealdbridge/1/").status_code == 404
    assert client.get("/published/wealdbridge/1.json").status_code == 404
    assert client.get("/published/latest.json").status_code == 404


def test_latest_json_is_the_newest_published_version(client, admin_scope, plan, published):
    take_snapshot(admin_scope, plan.world.admin)
    take_snapshot(admin_scope, plan.world.admin, publish=False)
    assert client.get("/published/latest.json").json()["version"] == 2
    assert client.get("/published/wealdbridge/1.json").json()["version"] == 1


def test_filter_by_partner_keeps_only_that_partners_actions(client, published):
    page = client.get("/plan/wealdbridge/", {"partner": "NHS Wealdbridge ICB"}).content.decode()
    assert "Breathe easy groups" in page
    assert "Adapt homes for people leaving hospital" not in page
    assert "1 action matches your search." in page


def test_text_search_and_status_filter_combine(client, published):
    page = client.get("/plan/wealdbridge/", {"q": "rails", "status": "at_risk"}).content.decode()
    assert "0 actions match your search." in page


def test_comparison_lists_added_and_changed_fields(client, admin_scope, plan, published):
    plan.housing.end_text = ""
    plan.housing.status = "at_risk"
    plan.housing.save()
    plan.draft.visibility.is_draft = False
    plan.draft.visibility.save()
    take_snapshot(admin_scope, plan.world.admin)
    page = client.get("/plan/wealdbridge/compare/1/2/").content.decode()
    assert "Actions added (1)" in page and DRAFT_TITLE in page
    assert "Actions removed (0)" in page
    assert "<td class=\"govuk-table__cell\">On track</td><td class=\"govuk-table__cell\">At risk</td>" \
        in page


@pytest.mark.parametrize("url", ["/plan/wealdbridge/", "/published/latest.json",
                                 "/plan/wealdbridge/1/plan.csv"])
def test_nothing_non_public_appears(client, published, url):
    response = client.get(url)
    assert response.status_code == 200
    body = response.content.decode()
    for secret in (DELETED_TITLE, DRAFT_TITLE, INTERNAL_REASON):
        assert secret not in body


def test_anonymous_reader_sees_no_partnership_navigation(client, published):
    assert "Partnership menu" not in client.get("/plan/wealdbridge/").content.decode()


def test_unknown_partnership_is_not_found(client, published):
    assert client.get("/plan/nowhere/").status_code == 404


def test_action_and_priority_show_the_linked_indicator_with_its_latest_value(client, admin_scope,
                                                                            plan):
    import datetime as dt

    from joinedup.outcomes.models import Area, IndicatorDefinition, IndicatorValue

    area = Area.objects.create(partnership=plan.world.board, code="E10000099", name="Wealdbridge")
    falls = IndicatorDefinition.objects.create(partnership=plan.world.board, name="Falls admissions")
    falls.actions.add(plan.housing)
    falls.priorities.add(plan.world.priorities[0])
    IndicatorValue.objects.create(indicator=falls, area=area, period="2022/23",
                                  period_end=dt.date(2023, 3, 31), value=530)
    IndicatorValue.objects.create(indicator=falls, area=area, period="2023/24",
                                  period_end=dt.date(2024, 3, 31), value=512)
    take_snapshot(admin_scope, plan.world.admin)
    page = client.get("/plan/wealdbridge/").content.decode()
    assert page.count("Falls admissions: 512 (2023/24)") == 2
