"""The administrators' Manage page: one menu item for People, Publish, Settings and more."""

from __future__ import annotations

import pytest
from tests.synergies.test_review_hub import menu

MANAGE = "/p/wealdbridge/manage/"


def _get(client, user, url):
    client.force_login(user)
    return client.get(url)


def test_administrators_see_every_task_they_look_after(client, world):
    response = _get(client, world.admin, MANAGE)
    assert response.status_code == 200
    body = response.content.decode()
    for href in ("/p/wealdbridge/people/", "/p/wealdbridge/publish/",
                 "/p/wealdbridge/strategy/edit/", "/p/wealdbridge/imports/",
                 "/p/wealdbridge/settings/"):
        assert f'href="{href}"' in body
    assert ("Manage", "page") in menu(body)


@pytest.mark.parametrize("persona", ["editor", "nhs_editor", "viewer", "own_viewer"])
def test_nobody_else_may_open_it_or_sees_it_in_the_menu(client, world, persona):
    assert _get(client, getattr(world, persona), MANAGE).status_code == 403
    body = _get(client, getattr(world, persona), "/p/wealdbridge/dashboard/").content.decode()
    assert "Manage" not in [text for text, _ in menu(body)]


@pytest.mark.parametrize("path", ["people", "publish", "settings"])
def test_the_pages_it_leads_to_highlight_manage_in_the_menu(client, world, path):
    items = menu(_get(client, world.admin, f"/p/wealdbridge/{path}/").content.decode())
    assert [text for text, current in items if current] == ["Manage"]
