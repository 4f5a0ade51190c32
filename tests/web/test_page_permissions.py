"""Every page against every persona: who may see what (the server decides, not the menu)."""

from __future__ import annotations

import pytest
from django.urls import reverse
from tests.factories import ActionFactory

PAGES = ["pages:actions", "pages:strategy", "pages:partners"]


@pytest.fixture
def actions(world):
    return {
        "council": ActionFactory(partnership=world.board, owner=world.council, title="Council work"),
        "charity": ActionFactory(partnership=world.board, owner=world.charity, title="Charity work"),
    }


def _get(client, user, url):
    if user is not None:
        client.force_login(user)
    return client.get(url)


@pytest.mark.parametrize("name", PAGES)
def test_anonymous_visitors_are_sent_to_sign_in(client, world, name):
    response = client.get(reverse(name, kwargs={"slug": "wealdbridge"}))
    assert response.status_code == 302
    assert response.url.startswith(reverse("pages:sign-in"))


@pytest.mark.parametrize("name", PAGES)
@pytest.mark.parametrize("persona", ["admin", "editor", "nhs_editor", "viewer", "own_viewer"])
def test_members_can_open_partnership_pages(client, world, name, persona):
    response = _get(client, getattr(world, persona), reverse(name, kwargs={"slug": "wealdbridge"}))
    assert response.status_code == 200


@pytest.mark.parametrize("name", PAGES)
def test_a_member_of_another_partnership_gets_not_found(client, world, name):
    response = _get(client, world.outsider, reverse(name, kwargs={"slug": "wealdbridge"}))
    assert response.status_code == 404


def test_action_detail_of_another_partner_is_hidden_from_a_view_own_member(client, world, actions):
    url = reverse("pages:action", kwargs={"slug": "wealdbridge", "pk": actions["council"].pk})
    assert _get(client, world.own_viewer, url).status_code == 404


def test_action_detail_is_hidden_from_another_partnership(client, world, actions):
    url = reverse("pages:action", kwargs={"slug": "wealdbridge", "pk": actions["council"].pk})
    assert _get(client, world.outsider, url).status_code == 404


def test_action_detail_of_the_same_action_under_another_partnership_slug_is_not_found(
    client, world, actions
):
    url = reverse("pages:action", kwargs={"slug": "eastmarsh", "pk": actions["council"].pk})
    assert _get(client, world.outsider, url).status_code == 404


def test_action_list_shows_a_view_own_member_only_their_organisations_actions(
    client, world, actions
):
    body = _get(client, world.own_viewer, reverse("pages:actions", kwargs={"slug": "wealdbridge"}))
    text = body.content.decode()
    assert "Charity work" in text and "Council work" not in text


def test_sign_out_needs_a_post(client, world):
    client.force_login(world.viewer)
    assert client.get(reverse("pages:sign-out")).status_code == 405


def test_action_list_filters_by_status(client, world):
    ActionFactory(partnership=world.board, owner=world.council, title="Going well", status="on_track")
    ActionFactory(partnership=world.board, owner=world.council, title="In trouble", status="off_track")
    client.force_login(world.viewer)
    body = client.get(reverse("pages:actions", kwargs={"slug": "wealdbridge"}),
                      {"status": "off_track"}).content.decode()
    assert "In trouble" in body and "Going well" not in body
    assert "Off track" in body


def test_action_list_filters_by_population_group(client, world):
    from joinedup.actions.models import PopulationGroup

    carers = ActionFactory(partnership=world.board, owner=world.council, title="Carers' breaks")
    carers.population_groups.add(PopulationGroup.objects.get(code="carers"))
    ActionFactory(partnership=world.board, owner=world.council, title="Cycle lanes")
    client.force_login(world.viewer)
    body = client.get(reverse("pages:actions", kwargs={"slug": "wealdbridge"}),
                      {"group": "carers"}).content.decode()
    assert "Carers&#39; breaks" in body and "Cycle lanes" not in body


def test_action_list_filters_by_having_health_check_findings(client, world):
    from joinedup.synergies.models import AnalysisRun, Finding

    flagged = ActionFactory(partnership=world.board, owner=world.council, title="No lead given")
    ActionFactory(partnership=world.board, owner=world.council, title="Fully described")
    run = AnalysisRun.objects.create()
    Finding.objects.create(partnership=world.board, run=run, severity="high",
                           check_code="missing_lead", subject="x", message="No lead",
                           action=flagged)
    client.force_login(world.viewer)
    url = reverse("pages:actions", kwargs={"slug": "wealdbridge"})
    with_findings = client.get(url, {"findings": "yes"}).content.decode()
    without = client.get(url, {"findings": "no"}).content.decode()
    assert "No lead given" in with_findings and "Fully described" not in with_findings
    assert "Fully described" in without and "No lead given" not in without
