"""Your own account: details, memberships, changing and resetting a password."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from tests.conftest import PASSWORD
from tests.factories import member

from joinedup.accounts.models import Access

PERSONAS = ["admin", "editor", "nhs_editor", "viewer", "own_viewer", "outsider"]
SIGNED_IN_PAGES = ["accounts:account", "accounts:password-change"]
OPEN_PAGES = ["accounts:password-reset", "accounts:password-reset-sent", "accounts:password-reset-complete"]


@pytest.mark.parametrize("name", SIGNED_IN_PAGES)
@pytest.mark.parametrize("persona", PERSONAS)
def test_every_signed_in_persona_can_open_their_account_pages(client, world, name, persona):
    client.force_login(getattr(world, persona))
    assert client.get(reverse(name)).status_code == 200


@pytest.mark.parametrize("name", SIGNED_IN_PAGES)
def test_anonymous_visitors_are_sent_to_sign_in_from_account_pages(client, world, name):
    response = client.get(reverse(name))
    assert response.status_code == 302 and response.url.startswith("/sign-in/")


@pytest.mark.parametrize("name", OPEN_PAGES)
@pytest.mark.parametrize("persona", [*PERSONAS, None])
def test_password_reset_pages_open_for_everyone(client, world, name, persona):
    if persona:
        client.force_login(getattr(world, persona))
    assert client.get(reverse(name)).status_code == 200


def test_the_account_page_lists_every_membership_including_a_joint_appointment(client, world):
    member(world.editor, world.board, world.nhs, Access.VIEW_ALL)
    client.force_login(world.editor)
    text = client.get(reverse("accounts:account")).content.decode()
    assert "Wealdbridge County Council" in text and "NHS Wealdbridge ICB" in text


def test_the_account_page_offers_each_partnership_and_marks_none_current(client, world):
    member(world.viewer, world.other_board, world.stranger_org, Access.VIEW_ALL)
    client.force_login(world.viewer)
    text = client.get(reverse("accounts:account")).content.decode()
    assert 'href="/p/eastmarsh/actions/"' in text and 'href="/p/wealdbridge/actions/"' in text
    assert 'aria-current="page"' not in text


def test_the_switcher_marks_the_partnership_being_viewed_as_current(client, world):
    member(world.viewer, world.other_board, world.stranger_org, Access.VIEW_ALL)
    client.force_login(world.viewer)
    text = client.get(reverse("pages:actions", kwargs={"slug": "eastmarsh"})).content.decode()
    assert re.search(r'href="/p/eastmarsh/actions/"\s+aria-current="page"', text)
    assert not re.search(r'href="/p/wealdbridge/actions/"\s+aria-current', text)


def test_changing_name_and_email_saves_them(client, world):
    client.force_login(world.viewer)
    response = client.post(reverse("accounts:account"), {
        "first_name": "Vera", "last_name": "Iyer", "email": "vera@nhs.example"})
    assert response.status_code == 302
    world.viewer.refresh_from_db()
    assert (world.viewer.get_full_name(), world.viewer.email) == ("Vera Iyer", "vera@nhs.example")


def test_an_invalid_email_is_linked_from_the_error_summary(client, world):
    client.force_login(world.viewer)
    response = client.post(reverse("accounts:account"), {"first_name": "", "last_name": "", "email": "nope"})
    assert b'href="#id_email"' in response.content and b"<title>Error: " in response.content


def test_changing_the_password_keeps_the_person_signed_in(client, world):
    client.force_login(world.viewer)
    response = client.post(reverse("accounts:password-change"), {
        "old_password": PASSWORD, "new_password1": "quiet orchard river 9",
        "new_password2": "quiet orchard river 9"})
    assert response.status_code == 302
    world.viewer.refresh_from_db()
    assert world.viewer.check_password("quiet orchard river 9")
    assert client.get(reverse("accounts:account")).status_code == 200


def test_a_wrong_old_password_changes_nothing(client, world):
    client.force_login(world.viewer)
    response = client.post(reverse("accounts:password-change"), {
        "old_password": "guess", "new_password1": "quiet orchard river 9",
        "new_password2": "quiet orchard river 9"})
    assert b'href="#id_old_password"' in response.content
    world.viewer.refresh_from_db()
    assert world.viewer.check_password(PASSWORD)


def test_a_password_reset_emails_a_link_that_sets_a_new_password(client, world):
    world.viewer.email = "viewer@nhs.example"
    world.viewer.save()
    response = client.post(reverse("accounts:password-reset"), {"email": "viewer@nhs.example"})
    assert response.url == reverse("accounts:password-reset-sent")
    assert mail.outbox[0].to == ["viewer@nhs.example"] and "\n" not in mail.outbox[0].subject
    link = re.search(r"http://testserver(/password-reset/\S+/\S+/)", mail.outbox[0].body).group(1)
    form_page = client.get(link, follow=True)
    client.post(form_page.redirect_chain[-1][0], {
        "new_password1": "quiet orchard river 9", "new_password2": "quiet orchard river 9"})
    world.viewer.refresh_from_db()
    assert world.viewer.check_password("quiet orchard river 9")


def test_a_reset_for_an_unknown_email_sends_nothing_but_says_the_same(client, world):
    response = client.post(reverse("accounts:password-reset"), {"email": "nobody@example.org"})
    assert response.url == reverse("accounts:password-reset-sent") and mail.outbox == []


@pytest.mark.parametrize("name,data", [
    ("accounts:account", {"first_name": "X", "last_name": "Y", "email": "x@example.org"}),
    ("accounts:password-change", {"old_password": PASSWORD, "new_password1": "quiet orchard river 9",
                                  "new_password2": "quiet orchard river 9"}),
])
def test_account_forms_refuse_a_post_without_the_csrf_token(world, name, data):
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.viewer)
    assert client.post(reverse(name), data).status_code == 403
    world.viewer.refresh_from_db()
    assert world.viewer.first_name == "" and world.viewer.check_password(PASSWORD)


def test_the_password_reset_form_refuses_a_post_without_the_csrf_token(world):
    world.viewer.email = "viewer@nhs.example"
    world.viewer.save()
    response = Client(enforce_csrf_checks=True).post(reverse("accounts:password-reset"),
                                                     {"email": "viewer@nhs.example"})
    assert response.status_code == 403 and mail.outbox == []


def test_password_resets_for_one_address_are_limited_and_answer_the_same(client, world):
    from joinedup.accounts.views import RESETS_PER_ADDRESS

    world.viewer.email = "viewer@nhs.example"
    world.viewer.save()
    responses = [client.post(reverse("accounts:password-reset"), {"email": "viewer@nhs.example"})
                 for _ in range(RESETS_PER_ADDRESS + 2)]
    assert len(mail.outbox) == RESETS_PER_ADDRESS == 3
    assert {r.url for r in responses} == {reverse("accounts:password-reset-sent")}


def test_password_resets_from_one_client_are_limited_across_addresses(client, world):
    from joinedup.accounts.views import RESETS_PER_CLIENT

    for n in range(RESETS_PER_CLIENT + 3):
        world.viewer.email = f"viewer{n}@nhs.example"
        world.viewer.save()
        client.post(reverse("accounts:password-reset"), {"email": world.viewer.email})
    assert len(mail.outbox) == RESETS_PER_CLIENT == 10
