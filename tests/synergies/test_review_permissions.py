"""Every persona on every review URL: who may read, who may decide, CSRF on every POST."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse
from tests.synergies.review_data import decide

from joinedup.synergies.models import Decision, PairStatus, Suggestion

PERSONAS = ["admin", "editor", "nhs_editor", "viewer", "own_viewer", "outsider", None]
# own_viewer sees only the charity's actions, so not the council/NHS pair.
SEES_PAIR = {"admin": 200, "editor": 200, "nhs_editor": 200, "viewer": 200, "own_viewer": 404,
             "outsider": 404}
MEMBER_PAGE = {"admin": 200, "editor": 200, "nhs_editor": 200, "viewer": 200, "own_viewer": 200,
               "outsider": 404}
KEEP_SEPARATE = {"admin": 302, "editor": 302, "nhs_editor": 302, "viewer": 403,
                 "own_viewer": 404, "outsider": 404}
REVERSE = {"admin": 200, "editor": 403, "nhs_editor": 403, "viewer": 403, "own_viewer": 403,
           "outsider": 404}


def _as(client, alike, persona):
    if persona:
        client.force_login(getattr(alike.world, persona))
    return client


def _expect_sign_in(response):
    assert response.status_code == 302 and response.url.startswith(reverse("pages:sign-in"))


@pytest.mark.parametrize("name", ["queue", "suggestions", "findings", "decisions"])
@pytest.mark.parametrize("persona", PERSONAS)
def test_list_pages_open_to_members_only(client, alike, name, persona):
    response = _as(client, alike, persona).get(alike.url(name))
    if persona is None:
        _expect_sign_in(response)
    else:
        assert response.status_code == MEMBER_PAGE[persona]


@pytest.mark.parametrize("persona", PERSONAS)
def test_the_review_page_needs_sight_of_both_actions(client, alike, persona):
    response = _as(client, alike, persona).get(alike.review_url)
    if persona is None:
        _expect_sign_in(response)
    else:
        assert response.status_code == SEES_PAIR[persona]


@pytest.mark.parametrize("persona", PERSONAS)
def test_keep_separate_is_for_admins_and_editors_of_one_of_the_actions(client, alike, persona):
    response = decide(_as(client, alike, persona), alike, "keep_separate", reason="Different")
    if persona is None:
        _expect_sign_in(response)
    else:
        assert response.status_code == KEEP_SEPARATE[persona]
    alike.pair.refresh_from_db()
    decided = persona is not None and KEEP_SEPARATE[persona] == 302
    assert (alike.pair.status == PairStatus.KEEP_SEPARATE) is decided


@pytest.mark.parametrize("persona", ["viewer"])
def test_a_viewer_cannot_bring_together_or_decommission(client, alike, persona):
    _as(client, alike, persona)
    together = decide(client, alike, "bring_together", lead=str(alike.world.nhs.pk), title="J",
                      reason="r")
    stop = decide(client, alike, "decommission", actions=str(alike.nhs.pk), reason="r")
    assert together.status_code == 403 and stop.status_code == 403
    assert not Decision.objects.exists()


def test_the_review_page_shows_a_viewer_no_decision_forms(client, alike):
    body = _as(client, alike, "viewer").get(alike.review_url).content.decode()
    assert "You can read this review but not decide it" in body
    assert 'name="decision"' not in body


def test_an_editor_cannot_decommission_another_partners_action(client, alike):
    response = decide(_as(client, alike, "editor"), alike, "decommission",
                      actions=str(alike.nhs.pk), reason="Ours is better")
    assert response.status_code == 403
    alike.nhs.refresh_from_db()
    assert alike.nhs.status == "at_risk" and not Decision.objects.exists()


def test_an_editor_may_decommission_their_own_partners_action(client, alike):
    response = decide(_as(client, alike, "nhs_editor"), alike, "decommission",
                      actions=str(alike.nhs.pk), reason="The council's covers it")
    assert response.status_code == 302
    alike.nhs.refresh_from_db()
    assert alike.nhs.status == "stopped"


def test_an_editor_of_neither_action_cannot_keep_them_separate(client, alike, world):
    from tests.factories import ActionFactory
    from tests.synergies.review_data import make_pair
    other = ActionFactory(partnership=world.board, owner=world.charity, title="Quit smoking")
    alike.pair = make_pair(world.board, alike.nhs, other)
    response = decide(_as(client, alike, "editor"), alike, "keep_separate", reason="Different")
    assert response.status_code == 403


@pytest.mark.parametrize("persona", PERSONAS)
def test_the_reverse_page_is_for_administrators_only(client, alike, persona):
    _as(client, alike, "admin")
    decide(client, alike, "keep_separate", reason="Different")
    decision = Decision.objects.get()
    client.logout()
    url = alike.url("reverse", pk=decision.pk)
    response = _as(client, alike, persona).get(url)
    if persona is None:
        _expect_sign_in(response)
        return
    assert response.status_code == REVERSE[persona]
    posted = client.post(url, {"reason": "Wrong"})
    assert posted.status_code == (302 if persona == "admin" else REVERSE[persona])
    decision.refresh_from_db()
    assert (decision.reversed_at is not None) is (persona == "admin")


@pytest.mark.parametrize("persona", ["viewer", "own_viewer"])
def test_readers_cannot_accept_suggestions(client, alike, persona):
    suggestion = Suggestion.objects.create(action=alike.charity, priority=alike.world.priorities[0],
                                           rank=1, score=0.9)
    response = _as(client, alike, persona).post(alike.url("suggestions"),
                                                {"accept": str(suggestion.pk)})
    assert response.status_code == 403
    suggestion.refresh_from_db()
    assert suggestion.status == "open"


def _csrf_client(alike) -> Client:
    client = Client(enforce_csrf_checks=True)
    client.force_login(alike.world.admin)
    return client


def test_a_decision_without_the_csrf_token_is_refused(alike):
    response = decide(_csrf_client(alike), alike, "keep_separate", reason="Different")
    assert response.status_code == 403
    alike.pair.refresh_from_db()
    assert alike.pair.status == PairStatus.OPEN


def test_a_decision_with_the_pages_csrf_token_is_accepted(alike):
    client = _csrf_client(alike)
    client.get(alike.review_url)
    token = client.cookies["csrftoken"].value
    response = client.post(alike.review_url, {"decision": "keep_separate",
                                              "keep-pairs": str(alike.pair.pk),
                                              "keep-reason": "Different",
                                              "csrfmiddlewaretoken": token})
    assert response.status_code == 302


@pytest.mark.parametrize("name", ["suggestions", "reverse"])
def test_other_posts_without_the_csrf_token_are_refused(alike, name):
    kwargs = {}
    if name == "reverse":
        client = Client()
        client.force_login(alike.world.admin)
        decide(client, alike, "keep_separate", reason="Different")
        kwargs = {"pk": Decision.objects.get().pk}
    response = _csrf_client(alike).post(alike.url(name, **kwargs), {"reason": "r",
                                                                    "accept_confident": "1"})
    assert response.status_code == 403


def test_a_partnership_slug_the_user_is_not_in_hides_the_pair(client, alike):
    client.force_login(alike.world.outsider)
    url = reverse("synergies:review", kwargs={"slug": "eastmarsh", "pk": alike.pair.pk})
    assert client.get(url).status_code == 404

