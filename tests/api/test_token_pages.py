"""The "Your API tokens" pages: a person issues, sees and revokes only their own tokens."""

from __future__ import annotations

import datetime as dt

from django.test import Client
from django.utils import timezone

from joinedup.api.models import ApiToken
from joinedup.api.tokens import PREFIX_LENGTH, issue_token, key_hash

LIST = "/account/tokens/"
CREATED = "/account/tokens/new/"


def _revoke_url(token_id: int) -> str:
    return f"/account/tokens/{token_id}/revoke/"


def _signed_in(user, **options) -> Client:
    client = Client(**options)
    client.force_login(user)
    return client


def _expiry(day: dt.date) -> dict:
    return {"expires_on-day": str(day.day), "expires_on-month": str(day.month),
            "expires_on-year": str(day.year)}


def _token_of(user, raw: str) -> ApiToken:
    return ApiToken.objects.get(user=user, key_hash=key_hash(raw))


def test_a_visitor_who_is_not_signed_in_is_sent_to_sign_in(world, client):
    response = client.get(LIST)
    assert response.status_code == 302 and response.url.startswith("/sign-in/")


def test_the_list_shows_your_tokens_and_not_other_peoples(world):
    mine = issue_token(world.editor, "Monthly report script")
    theirs = issue_token(world.viewer, "Viewer's dashboard")
    page = _signed_in(world.editor).get(LIST).content.decode()
    assert "Monthly report script" in page and mine[:PREFIX_LENGTH] in page
    assert "Viewer&#39;s dashboard" not in page and theirs[:PREFIX_LENGTH] not in page


def test_a_token_never_used_shows_never(world):
    issue_token(world.editor, "Fresh token")
    assert "Never" in _signed_in(world.editor).get(LIST).content.decode()


def test_creating_a_token_shows_the_key_once_on_the_next_page(world):
    client = _signed_in(world.editor)
    response = client.post(LIST, {"name": "Nightly export"})
    assert (response.status_code, response.url) == (302, CREATED)
    first = client.get(CREATED)
    token = ApiToken.objects.get(user=world.editor, name="Nightly export")
    raw = first.content.decode().split('id="new-token" type="text" value="')[1].split('"')[0]
    assert key_hash(raw) == token.key_hash
    assert client.get(CREATED).status_code == 302


def test_the_new_key_works_against_the_api(world):
    client = _signed_in(world.editor)
    client.post(LIST, {"name": "Nightly export"})
    raw = client.get(CREATED).content.decode().split('id="new-token" type="text" value="')[1].split('"')[0]
    response = Client().get("/api/me", headers={"Authorization": f"Bearer {raw}"})
    assert (response.status_code, response.json()["username"]) == (200, "editor")


def test_the_new_key_page_is_not_cached(world):
    client = _signed_in(world.editor)
    client.post(LIST, {"name": "Nightly export"})
    assert "no-store" in client.get(CREATED)["Cache-Control"]


def test_an_expiry_date_stops_the_token_at_the_end_of_that_day(world):
    day = timezone.localdate() + dt.timedelta(days=30)
    _signed_in(world.editor).post(LIST, {"name": "Short-lived"} | _expiry(day))
    expires = timezone.localtime(ApiToken.objects.get(name="Short-lived").expires)
    assert (expires.date(), expires.time()) == (day + dt.timedelta(days=1), dt.time(0, 0))


def test_a_name_is_required(world):
    response = _signed_in(world.editor).post(LIST, {"name": "  "})
    page = response.content.decode()
    assert "<title>Error: " in page and "Enter a name for the token" in page
    assert not ApiToken.objects.filter(user=world.editor).exists()


def test_an_expiry_date_in_the_past_is_refused(world):
    day = timezone.localdate() - dt.timedelta(days=1)
    response = _signed_in(world.editor).post(LIST, {"name": "Too late"} | _expiry(day))
    assert "Expiry date must be today or in the future" in response.content.decode()
    assert not ApiToken.objects.filter(user=world.editor).exists()


def test_revoking_your_token_stops_it_working(world):
    raw = issue_token(world.editor, "Old script")
    response = _signed_in(world.editor).post(_revoke_url(_token_of(world.editor, raw).id))
    assert (response.status_code, response.url) == (302, LIST)
    assert Client().get("/api/me", headers={"Authorization": f"Bearer {raw}"}).status_code == 401


def test_a_revoked_token_is_listed_as_revoked_without_a_revoke_button(world):
    raw = issue_token(world.editor, "Old script")
    client = _signed_in(world.editor)
    token_id = _token_of(world.editor, raw).id
    client.post(_revoke_url(token_id))
    page = client.get(LIST).content.decode()
    assert "Revoked" in page and _revoke_url(token_id) not in page


def test_someone_elses_token_id_is_404_and_stays_usable(world):
    raw = issue_token(world.viewer, "Viewer's dashboard")
    response = _signed_in(world.editor).post(_revoke_url(_token_of(world.viewer, raw).id))
    assert response.status_code == 404
    assert _token_of(world.viewer, raw).revoked is False


def test_revoking_needs_a_post(world):
    raw = issue_token(world.editor, "Old script")
    assert _signed_in(world.editor).get(_revoke_url(_token_of(world.editor, raw).id)).status_code == 405


def test_creating_without_the_csrf_token_is_refused(world):
    response = _signed_in(world.editor, enforce_csrf_checks=True).post(LIST, {"name": "Forged"})
    assert response.status_code == 403
    assert not ApiToken.objects.filter(name="Forged").exists()


def test_revoking_without_the_csrf_token_is_refused(world):
    raw = issue_token(world.editor, "Old script")
    client = _signed_in(world.editor, enforce_csrf_checks=True)
    assert client.post(_revoke_url(_token_of(world.editor, raw).id)).status_code == 403
    assert _token_of(world.editor, raw).revoked is False
