from __future__ import annotations

from django.urls import reverse
from tests.conftest import PASSWORD


def _attempt(client, username, password):
    return client.post(reverse("pages:sign-in"), {"username": username, "password": password},
                       REMOTE_ADDR="10.0.0.9")


def test_a_member_signs_in_and_lands_on_their_partnership(client, world):
    response = _attempt(client, "viewer", PASSWORD)
    assert response.status_code == 302
    assert client.get(response.url, follow=True).request["PATH_INFO"] == "/p/wealdbridge/actions/"


def test_a_wrong_password_shows_the_error_summary(client, world):
    response = _attempt(client, "viewer", "nope")
    assert response.status_code == 200
    assert b"govuk-error-summary" in response.content and b"<title>Error: " in response.content


def test_repeated_wrong_passwords_lock_the_account_even_with_the_right_one(client, world):
    for _ in range(5):
        _attempt(client, "viewer", "nope")
    response = _attempt(client, "viewer", PASSWORD)
    assert response.status_code == 429
    assert b"Too many sign-in attempts" in response.content
