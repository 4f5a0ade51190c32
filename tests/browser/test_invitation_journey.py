"""The administrator invites a partner, who joins through the emailed link; every page passes axe."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from tests.browser.fixtures import assert_accessible

from joinedup.accounts import invitations, services
from joinedup.accounts.models import Access, Invitation, Membership

pytestmark = pytest.mark.browser


def _invite_through_the_team_page(page) -> None:
    page.goto("/p/wealdbridge/people/")
    assert_accessible(page)
    page.get_by_role("button", name="Invite someone").click()
    page.get_by_role("button", name="Send invitation").click()
    assert page.title().startswith("Error: ")
    assert_accessible(page)
    page.get_by_label("Email address").fill("sam@carers.example")
    page.get_by_label("Organisation", exact=True).select_option(label="Wealdbridge Carers Trust")
    page.get_by_label("Edit own organisation's work (and view all)").check()
    page.get_by_role("button", name="Send invitation").click()
    page.wait_for_url("**/p/wealdbridge/people/")
    assert page.get_by_text("We emailed an invitation to sam@carers.example").is_visible()
    assert_accessible(page)


def test_an_invited_partner_joins_and_lands_on_the_actions_page(page_for, anonymous_page, world):
    _invite_through_the_team_page(page_for(world.admin))
    link = re.search(r"https?://\S+(/invitation/\S+/)", mail.outbox[-1].body).group(1)

    page = anonymous_page
    page.goto(link)
    assert_accessible(page)
    page.get_by_label("First name").fill("Sam")
    page.get_by_label("Last name").fill("Okafor")
    page.get_by_label("Username").fill("sokafor")
    page.get_by_label("Password", exact=True).fill("password")
    page.get_by_label("Confirm password").fill("password")
    page.get_by_role("button", name="Create account and join").click()
    assert page.title().startswith("Error: ")
    assert_accessible(page)
    page.get_by_label("Password", exact=True).fill("tidal lantern meadow 7")
    page.get_by_label("Confirm password").fill("tidal lantern meadow 7")
    page.get_by_role("button", name="Create account and join").click()
    page.wait_for_url("**/p/wealdbridge/actions/")
    membership = Membership.objects.get(user__username="sokafor")
    assert (membership.organisation, membership.access) == (world.charity, Access.EDIT_OWN)

    page.goto(link)
    assert page.locator("h1").inner_text() == "This invitation has already been used"
    assert_accessible(page)


@pytest.mark.parametrize("state", ["expired", "unknown", "withdrawn"])
def test_unusable_invitation_pages_are_accessible(anonymous_page, world, state):
    invitation, token = invitations.invite(world.board, world.nhs, "x@example.org", Access.VIEW_ALL,
                                           by=world.admin)
    if state == "expired":
        Invitation.objects.filter(pk=invitation.pk).update(expires=invitation.created)
    elif state == "withdrawn":
        invitations.withdraw(invitation, by=world.admin)
    else:
        token = "no-such-token"
    anonymous_page.goto(f"/invitation/{token}/")
    assert anonymous_page.locator("h1").count() == 1
    assert_accessible(anonymous_page)


def test_people_pages_are_accessible_including_the_last_administrator_refusal(page_for, world):
    services.add_person(world.board, username="jo", email="jo@example.org", first_name="Jo",
                        last_name="Bloggs", organisation=world.nhs, access=Access.VIEW_ALL, by=world.admin)
    page = page_for(world.admin)
    page.goto("/p/wealdbridge/people/")
    page.get_by_role("button", name="Send the link again to Jo Bloggs").click()
    assert page.get_by_text("We emailed jo@example.org a new link").is_visible()
    assert_accessible(page)
    admin = Membership.objects.get(user=world.admin, partnership=world.board)
    viewer = Membership.objects.get(user=world.viewer, partnership=world.board)
    for path in ["people/add/", f"people/memberships/{viewer.pk}/access/",
                 f"people/{world.viewer.pk}/memberships/add/"]:
        page.goto(f"/p/wealdbridge/{path}")
        assert page.locator("h1").count() == 1
        assert_accessible(page)
    page.goto(f"/p/wealdbridge/people/memberships/{admin.pk}/remove/")
    assert_accessible(page)
    page.get_by_role("button", name="Remove").click()
    assert page.locator(".govuk-error-summary").is_visible() and page.title().startswith("Error: ")
    assert_accessible(page)


def test_account_and_password_pages_are_accessible_including_errors(page_for, anonymous_page, world):
    page = page_for(world.viewer)
    page.goto("/account/")
    assert_accessible(page)
    page.get_by_label("Email address").fill("not an email")
    page.get_by_role("button", name="Save details").click()
    assert page.title().startswith("Error: ")
    assert_accessible(page)
    page.get_by_role("link", name="Change your password").click()
    page.get_by_role("button", name="Change password").click()
    assert page.title().startswith("Error: ")
    assert_accessible(page)

    anonymous_page.goto("/password-reset/")
    assert_accessible(anonymous_page)
    world.viewer.refresh_from_db()  # signing in changed last_login, which the token covers
    anonymous_page.goto(services.set_password_path(world.viewer))
    assert anonymous_page.locator("h1").inner_text() == "Choose a new password"
    assert_accessible(anonymous_page)
    anonymous_page.goto("/password-reset/MQ/bad-token/")
    assert anonymous_page.locator("h1").inner_text() == "This password link is not valid"
    assert_accessible(anonymous_page)


def test_the_partnership_switcher_works_with_the_keyboard(page_for, world):
    Membership.objects.create(user=world.viewer, partnership=world.other_board,
                              organisation=world.stranger_org, access=Access.VIEW_ALL)
    page = page_for(world.viewer)
    page.goto("/p/wealdbridge/actions/")
    switcher = page.locator(".app-partnership-switcher")
    assert switcher.get_by_role("link", name="Wealdbridge Health and Wellbeing Board").get_attribute(
        "aria-current") == "page"
    switcher.get_by_role("link", name="Eastmarsh Health and Wellbeing Board").focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/p/eastmarsh/actions/")
    assert page.locator(".app-partnership-switcher [aria-current=page]").inner_text() == (
        "Eastmarsh Health and Wellbeing Board")
