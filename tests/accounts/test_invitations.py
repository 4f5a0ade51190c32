"""Invitations: sent by administrators, single use, expiring, and only ever into their own partnership."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from tests.conftest import PASSWORD

from joinedup.accounts import invitations
from joinedup.accounts.models import Access, AuditEvent, Invitation, Membership
from joinedup.accounts.services import NotInPartnership

MONDAY_NOON = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)
NEW_ACCOUNT = {"first_name": "Sam", "last_name": "Okafor", "username": "sokafor",
               "password1": "tidal lantern meadow 7", "password2": "tidal lantern meadow 7"}


@pytest.fixture
def sent(world):
    """An open invitation to edit the charity's work, and its link's token."""
    return invitations.invite(world.board, world.charity, "sam@carers.example", Access.EDIT_OWN,
                              by=world.admin)


def _url(token):
    return reverse("accounts:invitation", kwargs={"token": token})


def test_an_administrator_invites_by_email_and_the_email_holds_the_link(client, world):
    client.force_login(world.admin)
    response = client.post(reverse("accounts:invite", kwargs={"slug": "wealdbridge"}), {
        "email": "sam@carers.example", "organisation": world.charity.pk, "access": Access.EDIT_OWN})
    assert response.status_code == 302
    assert mail.outbox[0].to == ["sam@carers.example"]
    token = re.search(r"/invitation/([\w-]+)/", mail.outbox[0].body).group(1)
    assert Invitation.objects.get().token_hash == invitations.digest(token)


def test_only_the_digest_of_the_token_is_stored(world, sent):
    invitation, token = sent
    assert token not in invitation.token_hash and len(invitation.token_hash) == 64


def test_the_invitation_expires_seven_days_after_it_was_sent(world):
    invitation, _ = invitations.invite(world.board, world.nhs, "a@example.org", Access.VIEW_ALL,
                                       by=world.admin, now=MONDAY_NOON)
    assert invitation.expires == datetime(2026, 3, 9, 12, 0, tzinfo=UTC)


def test_a_link_one_second_before_expiry_still_works(world):
    invitation, token = invitations.invite(world.board, world.nhs, "a@example.org", Access.VIEW_ALL,
                                           by=world.admin, now=MONDAY_NOON)
    assert invitations.find(token, now=invitation.expires - timedelta(seconds=1)) == invitation


def test_a_link_at_its_expiry_time_is_expired(world):
    invitation, token = invitations.invite(world.board, world.nhs, "a@example.org", Access.VIEW_ALL,
                                           by=world.admin, now=MONDAY_NOON)
    with pytest.raises(invitations.InvitationUnusable) as refused:
        invitations.redeem(token, lambda: world.editor, now=invitation.expires)
    assert refused.value.reason == "expired"
    assert not Membership.objects.filter(user=world.editor, organisation=world.nhs).exists()


def test_an_expired_link_shows_a_clear_page(client, world, sent):
    invitation, token = sent
    Invitation.objects.filter(pk=invitation.pk).update(expires=MONDAY_NOON)
    response = client.get(_url(token))
    assert response.status_code == 410 and b"This invitation has expired" in response.content


def test_an_unknown_link_shows_a_clear_page(client, world):
    response = client.get(_url("not-a-real-token"))
    assert response.status_code == 404 and b"This invitation link is not valid" in response.content


def test_the_invitee_creates_an_account_and_lands_in_the_partnership(client, world, sent):
    _, token = sent
    response = client.post(_url(token), NEW_ACCOUNT)
    assert response.status_code == 302 and response.url == "/p/wealdbridge/actions/"
    membership = Membership.objects.get(user__username="sokafor")
    assert (membership.partnership, membership.organisation, membership.access) == (
        world.board, world.charity, Access.EDIT_OWN)
    assert membership.user.email == "sam@carers.example"
    assert client.get(response.url).status_code == 200


def test_a_link_works_only_once(client, world, sent):
    _, token = sent
    client.post(_url(token), NEW_ACCOUNT)
    second = Client().post(_url(token), dict(NEW_ACCOUNT, username="someone_else"))
    assert second.status_code == 410 and b"already been used" in second.content
    assert not Membership.objects.filter(user__username="someone_else").exists()


def test_redeeming_a_used_link_creates_no_account(world, sent):
    _, token = sent
    invitations.redeem(token, lambda: world.viewer)
    created = []
    with pytest.raises(invitations.InvitationUnusable):
        invitations.redeem(token, lambda: created.append("made") or world.editor)
    assert created == []


def test_a_weak_password_is_refused_by_djangos_validators(client, world, sent):
    _, token = sent
    response = client.post(_url(token), dict(NEW_ACCOUNT, password1="password", password2="password"))
    assert response.status_code == 200
    assert b"This password is too common" in response.content and b"<title>Error: " in response.content
    assert not Membership.objects.filter(user__username="sokafor").exists()


def test_a_signed_in_member_joins_with_their_own_account(client, world):
    _, token = invitations.invite(world.other_board, world.stranger_org, "viewer@example.org",
                                  Access.VIEW_ALL, by=world.outsider)
    client.force_login(world.viewer)
    response = client.post(_url(token))
    assert response.url == "/p/eastmarsh/actions/"
    assert Membership.objects.filter(user=world.viewer, partnership=world.other_board).exists()


def test_an_invitation_grants_nothing_in_any_other_partnership(client, world):
    _, token = invitations.invite(world.other_board, world.stranger_org, "x@example.org",
                                  Access.ADMIN, by=world.outsider)
    client.post(_url(token), NEW_ACCOUNT)
    client.force_login(Membership.objects.get(user__username="sokafor").user)
    assert client.get(reverse("pages:actions", kwargs={"slug": "wealdbridge"})).status_code == 404


def test_an_invitation_to_an_organisation_outside_the_partnership_is_refused(world):
    with pytest.raises(NotInPartnership):
        invitations.invite(world.board, world.stranger_org, "x@example.org", Access.ADMIN, by=world.admin)


def test_an_administrator_cannot_withdraw_another_partnerships_invitation(client, world, sent):
    invitation, _ = sent
    client.force_login(world.outsider)
    url = reverse("accounts:withdraw-invitation", kwargs={"slug": "eastmarsh", "pk": invitation.pk})
    assert client.post(url).status_code == 404
    invitation.refresh_from_db()
    assert invitation.withdrawn_at is None


def test_a_withdrawn_invitation_no_longer_works(client, world, sent):
    invitation, token = sent
    client.force_login(world.admin)
    url = reverse("accounts:withdraw-invitation", kwargs={"slug": "wealdbridge", "pk": invitation.pk})
    assert client.post(url).status_code == 302
    response = Client().get(_url(token))
    assert response.status_code == 410 and b"This invitation was withdrawn" in response.content


@pytest.mark.parametrize("persona", ["editor", "nhs_editor", "viewer", "own_viewer"])
def test_only_administrators_may_withdraw_an_invitation(client, world, sent, persona):
    invitation, _ = sent
    client.force_login(getattr(world, persona))
    url = reverse("accounts:withdraw-invitation", kwargs={"slug": "wealdbridge", "pk": invitation.pk})
    assert client.post(url).status_code == 403


def test_anonymous_visitors_cannot_withdraw_an_invitation(client, world, sent):
    invitation, _ = sent
    url = reverse("accounts:withdraw-invitation", kwargs={"slug": "wealdbridge", "pk": invitation.pk})
    response = client.post(url)
    assert response.status_code == 302 and response.url.startswith("/sign-in/")
    invitation.refresh_from_db()
    assert invitation.withdrawn_at is None


def test_an_outsider_cannot_withdraw_an_invitation_of_the_board(client, world, sent):
    invitation, _ = sent
    client.force_login(world.outsider)
    url = reverse("accounts:withdraw-invitation", kwargs={"slug": "wealdbridge", "pk": invitation.pk})
    assert client.post(url).status_code == 404


def test_withdrawing_needs_a_post(client, world, sent):
    invitation, _ = sent
    client.force_login(world.admin)
    url = reverse("accounts:withdraw-invitation", kwargs={"slug": "wealdbridge", "pk": invitation.pk})
    assert client.get(url).status_code == 405


EVERYONE = ["admin", "editor", "nhs_editor", "viewer", "own_viewer", "outsider", None]


@pytest.mark.parametrize("persona", EVERYONE)
def test_anyone_with_the_link_sees_the_invitation_page(client, world, sent, persona):
    _, token = sent
    if persona:
        client.force_login(getattr(world, persona))
    assert client.get(_url(token)).status_code == 200


def test_accepting_refuses_a_post_without_the_csrf_token(world, sent):
    _, token = sent
    response = Client(enforce_csrf_checks=True).post(_url(token), NEW_ACCOUNT)
    assert response.status_code == 403
    assert not Membership.objects.filter(user__username="sokafor").exists()


def test_withdrawing_refuses_a_post_without_the_csrf_token(world, sent):
    invitation, _ = sent
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.admin)
    url = reverse("accounts:withdraw-invitation", kwargs={"slug": "wealdbridge", "pk": invitation.pk})
    assert client.post(url).status_code == 403


def test_sending_and_accepting_are_recorded_in_the_audit_trail(client, world, sent):
    _, token = sent
    client.post(_url(token), NEW_ACCOUNT)
    events = list(AuditEvent.objects.order_by("id").values_list("what", "who__username"))
    assert events == [("invitation_sent", "admin"), ("invitation_accepted", "sokafor")]


def test_the_new_account_signs_in_with_its_chosen_password(client, world, sent):
    _, token = sent
    client.post(_url(token), NEW_ACCOUNT)
    fresh = Client()
    response = fresh.post(reverse("pages:sign-in"), {"username": "sokafor",
                                                     "password": "tidal lantern meadow 7"})
    assert response.status_code == 302
    wrong = Client().post(reverse("pages:sign-in"), {"username": "sokafor", "password": PASSWORD})
    assert wrong.status_code == 200
