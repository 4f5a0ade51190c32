"""Every URL of the site against every persona: nobody reaches what they may not.

The URL list is read from Django's resolver, so a new page is checked the day
it is added. Path arguments are filled from the `world` fixture: the
partnership slug, and for any number an object of the partnership (so a check
is not passed merely because the number matched nothing). Public pages are
listed by name; everything else must send an anonymous visitor to sign in, and
must never show a member of another partnership anything.
"""

from __future__ import annotations

import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver
from tests.factories import ActionFactory

PUBLIC_PREFIXES = ("plan", "published", "consult", "sign-in", "password-reset", "reset",
                   "invitation", "api", "django-admin", "static")
"""Addresses that are public by design (each checks its own rules in its own tests);
the API has its own full matrix in tests/api."""

WRITE_ONLY_NAMES = re.compile(r"(sign-out|logout)")


def _patterns(resolver=None, prefix=""):
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            yield from _patterns(entry, route)
        elif isinstance(entry, URLPattern):
            yield route


def _member_routes() -> list[str]:
    return sorted({r for r in _patterns() if r.startswith("p/<slug:slug>/")})


def _fill(route: str, number: int) -> str:
    path = route.replace("<slug:slug>", "wealdbridge")
    path = re.sub(r"<int:[a-z_]+>", str(number), path)
    path = re.sub(r"<(?:str|slug):[a-z_]+>", "x", path)
    path = re.sub(r"<[a-z_]+>", "x", path)
    return "/" + path.lstrip("^").rstrip("$")


def test_there_are_partnership_pages_to_check():
    assert len(_member_routes()) >= 5


def test_every_top_level_address_is_either_a_partnership_page_or_listed_public():
    unexplained = [
        r for r in _patterns()
        if r and not r.startswith("p/<slug:slug>/") and not r.startswith(PUBLIC_PREFIXES)
        and r not in {"", "account/", "switch/"} and not r.startswith(("account", "sign-out"))
    ]
    assert unexplained == []


@pytest.mark.parametrize("route", _member_routes())
def test_anonymous_visitors_are_sent_to_sign_in(client, world, route):
    action = ActionFactory(partnership=world.board, owner=world.council)
    get = client.get(_fill(route, action.pk))
    post = client.post(_fill(route, action.pk), {})
    assert get.status_code == 405 or get.url.startswith("/sign-in/"), route
    assert post.status_code == 405 or post.url.startswith("/sign-in/"), route


@pytest.mark.parametrize("route", _member_routes())
def test_a_member_of_another_partnership_sees_nothing(client, world, route):
    action = ActionFactory(partnership=world.board, owner=world.council)
    client.force_login(world.outsider)
    get = client.get(_fill(route, action.pk))
    post = client.post(_fill(route, action.pk), {})
    assert get.status_code in (403, 404, 405), route
    assert post.status_code in (403, 404, 405), route


@pytest.mark.parametrize("route", _member_routes())
def test_a_viewer_cannot_change_anything(client, world, route):
    from joinedup.actions.models import Action

    action = ActionFactory(partnership=world.board, owner=world.council, title="Untouched")
    before = list(Action.everything.values())
    client.force_login(world.viewer)
    response = client.post(_fill(route, action.pk), {"title": "Changed", "confirm": "yes"})
    assert response.status_code in (200, 302, 400, 403, 404, 405), route
    assert list(Action.everything.values()) == before, route


MEMBERS = ("admin", "editor", "nhs_editor", "viewer", "own_viewer")
EVERY_MEMBER = {**dict.fromkeys(MEMBERS, 200), "outsider": 404}
EXPECTED_GET = {
    "p/<slug:slug>/review/": EVERY_MEMBER,
    "p/<slug:slug>/synergies/": EVERY_MEMBER,
    "p/<slug:slug>/suggestions/": EVERY_MEMBER,
    "p/<slug:slug>/findings/": EVERY_MEMBER,
}
"""What a GET answers each persona, for pages whose rule is "every member": the
review hub must open exactly where the three queues it leads to open."""


def test_the_expected_answers_are_for_real_addresses():
    assert set(EXPECTED_GET) <= set(_member_routes())


@pytest.mark.parametrize("route", sorted(EXPECTED_GET))
@pytest.mark.parametrize("persona", [*MEMBERS, "outsider"])
def test_each_persona_gets_the_expected_answer(client, world, route, persona):
    client.force_login(getattr(world, persona))
    assert client.get(_fill(route, 0)).status_code == EXPECTED_GET[route][persona], route


MENU_LINK = re.compile(r'class="govuk-service-navigation__link" href="(/p/wealdbridge/[^"]*)"')


@pytest.mark.parametrize("persona", MEMBERS)
def test_every_menu_item_opens_for_the_member_it_is_shown_to(client, world, persona):
    client.force_login(getattr(world, persona))
    links = MENU_LINK.findall(client.get("/p/wealdbridge/dashboard/").content.decode())
    assert "/p/wealdbridge/review/" in links
    refused = {link: code for link in links if (code := client.get(link).status_code) != 200}
    assert refused == {}
