"""Token and session authentication of the API."""

from __future__ import annotations

import datetime as dt
import hashlib

import pytest
from django.test import Client
from django.utils import timezone

from joinedup.api.models import ApiToken
from joinedup.api.tokens import issue_token, revoke_token

ME = "/api/me"


def _bearer(token: str) -> dict:
    return {"Authorization": f"Bearer {token}"}


def test_a_valid_token_identifies_its_user(world):
    token = issue_token(world.editor, "script")
    response = Client().get(ME, headers=_bearer(token))
    assert response.status_code == 200
    assert response.json()["username"] == "editor"


def test_no_credentials_is_401(world):
    assert Client().get(ME).status_code == 401


def test_a_wrong_token_is_401(world):
    issue_token(world.editor, "script")
    assert Client().get(ME, headers=_bearer("jup_not-a-real-token")).status_code == 401


def test_a_revoked_token_is_401(world):
    token = issue_token(world.editor, "script")
    ApiToken.objects.filter(user=world.editor).update(revoked=True)
    assert Client().get(ME, headers=_bearer(token)).status_code == 401


def test_an_expired_token_is_401(world):
    token = issue_token(world.editor, "script", expires=timezone.now() - dt.timedelta(seconds=1))
    assert Client().get(ME, headers=_bearer(token)).status_code == 401


def test_a_token_not_yet_expired_works(world):
    token = issue_token(world.editor, "script", expires=timezone.now() + dt.timedelta(days=1))
    assert Client().get(ME, headers=_bearer(token)).status_code == 200


def test_a_deactivated_users_token_is_401(world):
    token = issue_token(world.editor, "script")
    world.editor.is_active = False
    world.editor.save()
    assert Client().get(ME, headers=_bearer(token)).status_code == 401


def test_the_key_is_stored_only_as_its_sha256_hash_and_a_short_prefix(world):
    token = issue_token(world.editor, "script")
    stored = ApiToken.objects.get(user=world.editor)
    assert stored.key_hash == hashlib.sha256(token.encode()).hexdigest()
    assert token.startswith(stored.prefix) and len(stored.prefix) == 12
    assert token not in {str(value) for value in stored.__dict__.values()}


def test_using_a_token_records_when_it_was_last_used(world):
    token = issue_token(world.editor, "script")
    Client().get(ME, headers=_bearer(token))
    assert ApiToken.objects.get(user=world.editor).last_used is not None


def test_a_bad_token_does_not_fall_back_to_the_session(world):
    client = Client()
    client.force_login(world.editor)
    assert client.get(ME, headers=_bearer("jup_wrong")).status_code == 401


def test_a_signed_in_session_can_read(world):
    client = Client()
    client.force_login(world.viewer)
    response = client.get(ME)
    assert response.status_code == 200
    assert response.json()["username"] == "viewer"


@pytest.fixture
def session_client(world):
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.editor)
    return client


def _new_action(world) -> dict:
    return {"owner_id": world.council.id, "title": "Warm homes grants"}


def test_a_session_write_without_the_csrf_token_is_403(world, session_client):
    response = session_client.post("/api/p/wealdbridge/actions", _new_action(world),
                                   content_type="application/json")
    assert response.status_code == 403


def test_a_session_write_with_the_csrf_token_succeeds(world, session_client):
    session_client.get("/api/docs")  # the docs page sets the CSRF cookie
    csrf = session_client.cookies["csrftoken"].value
    response = session_client.post("/api/p/wealdbridge/actions", _new_action(world),
                                   content_type="application/json", headers={"X-CSRFToken": csrf})
    assert response.status_code == 201


def test_an_anonymous_write_is_401_not_a_csrf_error(world):
    response = Client(enforce_csrf_checks=True).post(
        "/api/p/wealdbridge/actions", _new_action(world), content_type="application/json")
    assert response.status_code == 401


def test_a_token_write_needs_no_csrf_token(world):
    token = issue_token(world.editor, "script")
    response = Client(enforce_csrf_checks=True).post(
        "/api/p/wealdbridge/actions", _new_action(world), content_type="application/json",
        headers=_bearer(token))
    assert response.status_code == 201


def test_revoking_a_token_through_the_service_stops_it_working(world):
    token = issue_token(world.editor, "script")
    assert revoke_token(world.editor, ApiToken.objects.get(user=world.editor).id)
    assert Client().get(ME, headers=_bearer(token)).status_code == 401


def test_nobody_can_revoke_another_persons_token(world):
    token = issue_token(world.editor, "script")
    assert not revoke_token(world.viewer, ApiToken.objects.get(user=world.editor).id)
    assert Client().get(ME, headers=_bearer(token)).status_code == 200
