from __future__ import annotations

from django.urls import reverse


def test_not_found_uses_the_site_layout_and_says_what_to_do(client, world):
    client.force_login(world.outsider)
    response = client.get(reverse("pages:actions", kwargs={"slug": "wealdbridge"}))
    assert response.status_code == 404
    assert b"Page not found" in response.content and b"govuk-generic-header" in response.content


def test_forbidden_uses_the_site_layout_and_explains(client, world):
    client.force_login(world.viewer)
    response = client.get(reverse("accounts:people", kwargs={"slug": "wealdbridge"}))
    assert response.status_code == 403
    assert b"You cannot do that" in response.content
