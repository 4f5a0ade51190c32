"""Publishing and consultations are for administrators; others get 403, outsiders 404."""

from __future__ import annotations

import datetime as dt

import pytest

from joinedup.publishing.models import Consultation, Snapshot

PUBLISH = "/p/wealdbridge/publish/"
CONSULTATIONS = "/p/wealdbridge/consultations/"


@pytest.mark.parametrize("persona", ["editor", "nhs_editor", "viewer", "own_viewer"])
def test_members_who_are_not_administrators_may_not_publish(client, plan, persona):
    client.force_login(getattr(plan.world, persona))
    assert client.get(PUBLISH).status_code == 403
    assert client.post(PUBLISH, {"kind": "published"}).status_code == 403
    assert Snapshot.objects.count() == 0


def test_outsider_gets_not_found(client, plan):
    client.force_login(plan.world.outsider)
    assert client.get(PUBLISH).status_code == 404
    assert client.get(CONSULTATIONS).status_code == 404


def test_anonymous_visitor_is_sent_to_sign_in(client, plan):
    assert client.get(PUBLISH)["Location"].startswith("/sign-in/")


def test_administrator_publishes_and_the_plan_goes_live(client, plan):
    client.force_login(plan.world.admin)
    assert client.post(PUBLISH, {"kind": "published", "note": "Agreed at the board"}).status_code == 302
    client.logout()
    assert client.get("/published/wealdbridge/latest.json").json()["version"] == 1


def test_administrator_keeps_a_draft_then_publishes_it(client, plan):
    client.force_login(plan.world.admin)
    client.post(PUBLISH, {"kind": "draft"})
    assert client.get("/plan/wealdbridge/1/").status_code == 404
    client.post(f"{PUBLISH}1/publish/")
    assert client.get("/plan/wealdbridge/1/").status_code == 200


def test_administrator_opens_a_consultation_on_a_draft(client, plan):
    client.force_login(plan.world.admin)
    client.post(PUBLISH, {"kind": "draft"})
    today = dt.date.today()
    response = client.post(CONSULTATIONS, {"title": "Have your say", "snapshot": "1",
                                           "opens": today.isoformat(),
                                           "closes": (today + dt.timedelta(days=28)).isoformat()})
    assert response.status_code == 302
    assert Consultation.objects.get().snapshot.version == 1


def test_consultation_closing_before_it_opens_is_an_error(client, plan):
    client.force_login(plan.world.admin)
    client.post(PUBLISH, {"kind": "draft"})
    response = client.post(CONSULTATIONS, {"title": "Backwards", "snapshot": "1",
                                           "opens": "2026-05-01", "closes": "2026-04-01"})
    assert response.status_code == 400
    assert "on or after the opening date" in response.content.decode()
    assert Consultation.objects.count() == 0


def test_editor_may_not_open_a_consultation(client, plan):
    client.force_login(plan.world.editor)
    assert client.get(CONSULTATIONS).status_code == 403
