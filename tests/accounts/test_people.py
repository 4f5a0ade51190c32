"""The team page: who may manage people, adding people, access changes, joint appointments, audit."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from tests.factories import UserFactory, member

from joinedup.accounts import services
from joinedup.accounts.models import Access, AuditEvent, Membership
from joinedup.accounts.scope import Scope

MEMBERS_WHO_ARE_NOT_ADMINS = ["editor", "nhs_editor", "viewer", "own_viewer"]


def _membership(world, persona):
    return Membership.objects.get(user=getattr(world, persona), partnership=world.board)


def _urls(world):
    """Every administrator page of the board, GET-able."""
    slug = "wealdbridge"
    editor = _membership(world, "editor")
    return [
        reverse("accounts:people", kwargs={"slug": slug}),
        reverse("accounts:add-person", kwargs={"slug": slug}),
        reverse("accounts:invite", kwargs={"slug": slug}),
        reverse("accounts:change-access", kwargs={"slug": slug, "pk": editor.pk}),
        reverse("accounts:remove-membership", kwargs={"slug": slug, "pk": editor.pk}),
        reverse("accounts:add-membership", kwargs={"slug": slug, "user_id": world.editor.pk}),
    ]


def _status(client, user, url):
    if user is not None:
        client.force_login(user)
    return client.get(url).status_code


def test_the_administrator_can_open_every_people_page(client, world):
    assert [_status(client, world.admin, url) for url in _urls(world)] == [200] * 6


@pytest.mark.parametrize("persona", MEMBERS_WHO_ARE_NOT_ADMINS)
def test_members_who_are_not_administrators_are_forbidden_every_people_page(client, world, persona):
    assert [_status(client, getattr(world, persona), url) for url in _urls(world)] == [403] * 6


def test_an_administrator_of_another_partnership_is_told_the_pages_do_not_exist(client, world):
    assert [_status(client, world.outsider, url) for url in _urls(world)] == [404] * 6


def test_anonymous_visitors_are_sent_to_sign_in_from_every_people_page(client, world):
    responses = [client.get(url) for url in _urls(world)]
    assert all(r.status_code == 302 and r.url.startswith("/sign-in/") for r in responses)


def test_a_membership_of_another_partnership_is_not_found_under_this_one(client, world):
    elsewhere = Membership.objects.get(user=world.outsider)
    client.force_login(world.admin)
    url = reverse("accounts:change-access", kwargs={"slug": "wealdbridge", "pk": elsewhere.pk})
    assert client.get(url).status_code == 404


def test_the_team_page_lists_each_person_with_their_organisation_and_access(client, world):
    client.force_login(world.admin)
    text = client.get(reverse("accounts:people", kwargs={"slug": "wealdbridge"})).content.decode()
    assert "nhs_editor" in text and "Wealdbridge Carers Trust" in text
    assert "View own organisation&#39;s work" in text
    assert "outsider" not in text


def test_adding_a_person_creates_an_account_without_a_usable_password_and_emails_a_link(client, world):
    client.force_login(world.admin)
    response = client.post(reverse("accounts:add-person", kwargs={"slug": "wealdbridge"}), {
        "first_name": "Priya", "last_name": "Shah", "email": "priya@carers.example",
        "username": "pshah", "organisation": world.charity.pk, "access": Access.EDIT_OWN,
    })
    assert response.status_code == 302
    membership = Membership.objects.get(user__username="pshah")
    assert (membership.organisation, membership.access) == (world.charity, Access.EDIT_OWN)
    assert not membership.user.has_usable_password()
    assert mail.outbox[0].to == ["priya@carers.example"]
    link = re.search(r"http://testserver(/password-reset/\S+)", mail.outbox[0].body).group(1)
    assert client.get(link, follow=True).status_code == 200


def test_the_emailed_link_lets_the_new_person_choose_their_password_once(client, world):
    user = services.add_person(world.board, username="jo", email="jo@example.org", first_name="Jo",
                               last_name="Bloggs", organisation=world.nhs, access=Access.VIEW_ALL,
                               by=world.admin)
    link = services.set_password_path(user)
    anonymous = Client()
    page = anonymous.get(link, follow=True)
    form_url = page.redirect_chain[-1][0]
    anonymous.post(form_url, {"new_password1": "a sturdy new phrase 42",
                              "new_password2": "a sturdy new phrase 42"})
    user.refresh_from_db()
    assert user.check_password("a sturdy new phrase 42")
    again = Client().get(link, follow=True)
    assert b"This password link is not valid" in again.content


def test_adding_a_person_to_an_organisation_outside_the_partnership_is_refused(client, world):
    client.force_login(world.admin)
    response = client.post(reverse("accounts:add-person", kwargs={"slug": "wealdbridge"}), {
        "first_name": "Ed", "last_name": "Stone", "email": "ed@example.org", "username": "ed",
        "organisation": world.stranger_org.pk, "access": Access.ADMIN,
    })
    assert response.status_code == 200 and b"Choose an organisation from the list" in response.content
    assert not Membership.objects.filter(user__username="ed").exists()


def test_a_taken_username_is_reported_against_the_username_field(client, world):
    client.force_login(world.admin)
    response = client.post(reverse("accounts:add-person", kwargs={"slug": "wealdbridge"}), {
        "first_name": "A", "last_name": "B", "email": "ab@example.org", "username": "Viewer",
        "organisation": world.nhs.pk, "access": Access.VIEW_ALL,
    })
    assert b'href="#id_username"' in response.content and b"<title>Error: " in response.content


def test_changing_access_updates_the_membership_and_records_who_did_it(client, world):
    membership = _membership(world, "viewer")
    client.force_login(world.admin)
    url = reverse("accounts:change-access", kwargs={"slug": "wealdbridge", "pk": membership.pk})
    assert client.post(url, {"access": Access.EDIT_OWN}).status_code == 302
    membership.refresh_from_db()
    assert membership.access == Access.EDIT_OWN
    event = AuditEvent.objects.get(what=AuditEvent.What.ACCESS_CHANGED)
    assert (event.who, event.partnership, event.details["person"]) == (world.admin, world.board, "viewer")
    assert event.details["before"] == "View all partners' work"


def test_the_last_administrator_cannot_be_demoted(client, world):
    membership = _membership(world, "admin")
    client.force_login(world.admin)
    url = reverse("accounts:change-access", kwargs={"slug": "wealdbridge", "pk": membership.pk})
    response = client.post(url, {"access": Access.VIEW_ALL})
    assert b"must keep at least one administrator" in response.content
    membership.refresh_from_db()
    assert membership.access == Access.ADMIN


def test_the_last_administrator_cannot_be_removed_and_is_told_why(client, world):
    membership = _membership(world, "admin")
    client.force_login(world.admin)
    url = reverse("accounts:remove-membership", kwargs={"slug": "wealdbridge", "pk": membership.pk})
    response = client.post(url)
    assert response.status_code == 409
    assert b"must keep at least one administrator" in response.content
    assert Membership.objects.filter(pk=membership.pk).exists()


def test_an_administrator_can_be_removed_when_another_remains(client, world):
    editor = _membership(world, "editor")
    services.change_access(editor, Access.ADMIN, by=world.admin)
    services.remove_membership(_membership(world, "admin"), by=world.editor)
    assert not Membership.objects.filter(user=world.admin, partnership=world.board).exists()


def test_removing_a_membership_keeps_the_account_and_records_the_removal(client, world):
    membership = _membership(world, "own_viewer")
    client.force_login(world.admin)
    url = reverse("accounts:remove-membership", kwargs={"slug": "wealdbridge", "pk": membership.pk})
    assert client.post(url).status_code == 302
    assert not Membership.objects.filter(pk=membership.pk).exists()
    world.own_viewer.refresh_from_db()
    event = AuditEvent.objects.get(what=AuditEvent.What.MEMBERSHIP_REMOVED)
    assert event.details["organisation"] == "Wealdbridge Carers Trust"


def test_a_joint_appointment_grants_edit_rights_in_both_organisations(client, world):
    client.force_login(world.admin)
    url = reverse("accounts:add-membership", kwargs={"slug": "wealdbridge", "user_id": world.editor.pk})
    assert client.post(url, {"organisation": world.nhs.pk, "access": Access.EDIT_OWN}).status_code == 302
    scope = Scope.for_user(world.editor, world.board)
    assert scope.can_edit_for(world.council.pk) and scope.can_edit_for(world.nhs.pk)
    assert not scope.can_edit_for(world.charity.pk)


def test_someone_outside_the_partnership_cannot_be_given_a_membership_by_id(client, world):
    stranger = UserFactory(username="stranger")
    client.force_login(world.admin)
    url = reverse("accounts:add-membership", kwargs={"slug": "wealdbridge", "user_id": stranger.pk})
    assert client.post(url, {"organisation": world.nhs.pk, "access": Access.ADMIN}).status_code == 404
    assert not Membership.objects.filter(user=stranger).exists()


def test_the_team_page_shows_the_audit_trail(client, world):
    services.change_access(_membership(world, "viewer"), Access.EDIT_OWN, by=world.admin)
    client.force_login(world.admin)
    text = client.get(reverse("accounts:people", kwargs={"slug": "wealdbridge"})).content.decode()
    assert "Changed access" in text and "was: View all partners" in text


def test_the_audit_trail_of_one_partnership_is_not_shown_in_another(client, world):
    member(UserFactory(username="second_admin"), world.other_board, world.stranger_org, Access.VIEW_ALL)
    services.change_access(_membership(world, "viewer"), Access.EDIT_OWN, by=world.admin)
    client.force_login(world.outsider)
    text = client.get(reverse("accounts:people", kwargs={"slug": "eastmarsh"})).content.decode()
    assert "Changed access" not in text and "second_admin" in text


@pytest.mark.parametrize("name,data", [
    ("accounts:add-person", {"first_name": "A", "last_name": "B", "email": "a@example.org",
                             "username": "ab", "access": Access.VIEW_ALL}),
    ("accounts:invite", {"email": "a@example.org", "access": Access.VIEW_ALL}),
])
def test_people_forms_refuse_a_post_without_the_csrf_token(world, name, data):
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.admin)
    data = dict(data, organisation=world.nhs.pk)
    assert client.post(reverse(name, kwargs={"slug": "wealdbridge"}), data).status_code == 403
    assert not mail.outbox


@pytest.mark.parametrize("name", ["accounts:change-access", "accounts:remove-membership"])
def test_membership_forms_refuse_a_post_without_the_csrf_token(world, name):
    membership = _membership(world, "viewer")
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.admin)
    url = reverse(name, kwargs={"slug": "wealdbridge", "pk": membership.pk})
    assert client.post(url, {"access": Access.ADMIN}).status_code == 403
    membership.refresh_from_db()
    assert membership.access == Access.VIEW_ALL


def test_the_joint_appointment_form_refuses_a_post_without_the_csrf_token(world):
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.admin)
    url = reverse("accounts:add-membership", kwargs={"slug": "wealdbridge", "user_id": world.viewer.pk})
    assert client.post(url, {"organisation": world.charity.pk, "access": Access.ADMIN}).status_code == 403
    assert Membership.objects.filter(user=world.viewer).count() == 1


def _resend_url(world, user):
    return reverse("accounts:resend-password-link", kwargs={"slug": "wealdbridge", "user_id": user.pk})


def test_the_administrator_can_send_a_lost_set_password_link_again(client, world):
    user = services.add_person(world.board, username="jo", email="jo@example.org", first_name="Jo",
                               last_name="Bloggs", organisation=world.nhs, access=Access.VIEW_ALL,
                               by=world.admin)
    client.force_login(world.admin)
    assert client.post(_resend_url(world, user)).status_code == 302
    assert mail.outbox[0].to == ["jo@example.org"] and "/password-reset/" in mail.outbox[0].body
    assert AuditEvent.objects.filter(what=AuditEvent.What.PASSWORD_LINK_SENT).count() == 1


def test_no_set_password_link_is_sent_to_someone_who_has_a_password(client, world):
    world.viewer.email = "viewer@nhs.example"
    world.viewer.save()
    client.force_login(world.admin)
    client.post(_resend_url(world, world.viewer))
    assert mail.outbox == []


@pytest.mark.parametrize("persona,status", [
    ("editor", 403), ("nhs_editor", 403), ("viewer", 403), ("own_viewer", 403), ("outsider", 404),
])
def test_only_the_administrator_may_resend_a_password_link(client, world, persona, status):
    user = services.add_person(world.board, username="jo", email="jo@example.org", first_name="Jo",
                               last_name="Bloggs", organisation=world.nhs, access=Access.VIEW_ALL,
                               by=world.admin)
    client.force_login(getattr(world, persona))
    assert client.post(_resend_url(world, user)).status_code == status
    assert mail.outbox == []


def test_resending_a_password_link_refuses_a_post_without_the_csrf_token(world):
    user = services.add_person(world.board, username="jo", email="jo@example.org", first_name="Jo",
                               last_name="Bloggs", organisation=world.nhs, access=Access.VIEW_ALL,
                               by=world.admin)
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.admin)
    assert client.post(_resend_url(world, user)).status_code == 403
    assert mail.outbox == []


def test_anonymous_visitors_cannot_post_people_changes(client, world):
    url = _resend_url(world, world.viewer)
    response = client.post(url)
    assert response.status_code == 302 and response.url.startswith("/sign-in/")
