"""The public plan and the consultation form in a real browser: no sign-in, axe-clean, keyboard-operable."""

from __future__ import annotations

import datetime as dt

import pytest
from tests.browser.fixtures import assert_accessible
from tests.factories import ActionFactory

from joinedup.accounts.scope import Scope
from joinedup.publishing.consulting import open_consultation
from joinedup.publishing.services import take_snapshot


@pytest.fixture
def published(world):
    housing = ActionFactory(partnership=world.board, owner=world.council,
                            title="Adapt homes for people leaving hospital",
                            description="Fit rails and ramps quickly.", status="on_track",
                            outcome_measures="Days to adapt a home", end_text="March 2026")
    housing.priorities.add(world.priorities[0])
    breathe = ActionFactory(partnership=world.board, owner=world.nhs, title="Breathe easy groups",
                            status="at_risk")
    breathe.priorities.add(world.priorities[1])
    scope = Scope.for_user(world.admin, world.board)
    take_snapshot(scope, world.admin)
    housing.status = "complete"
    housing.save()
    take_snapshot(scope, world.admin)
    draft = take_snapshot(scope, world.admin, publish=False)
    today = dt.date.today()
    return open_consultation(scope, world.admin, draft, "Draft plan", today,
                             today + dt.timedelta(days=20))


@pytest.mark.parametrize("path", ["/plan/", "/plan/wealdbridge/1/",
                                  "/plan/wealdbridge/compare/1/2/"])
def test_public_plan_pages_are_accessible_without_signing_in(anonymous_page, published, path):
    anonymous_page.goto(path)
    assert anonymous_page.locator("h1").count() == 1
    assert_accessible(anonymous_page)


def test_plan_filters_work_from_the_keyboard_without_javascript(browser, live_server, published):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    page.goto("/plan/wealdbridge/")
    page.get_by_label("Progress").focus()
    page.get_by_label("Progress").select_option(label="At risk")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.wait_for_url("**status=at_risk**")
    assert page.get_by_text("1 action matches your search.").is_visible()
    assert page.get_by_role("heading", name="Breathe easy groups").is_visible()
    assert page.get_by_role("heading", name="Adapt homes for people leaving hospital").count() == 0
    context.close()


def test_consultation_form_and_its_error_state_are_accessible(anonymous_page, published):
    page = anonymous_page
    page.goto(f"/consult/wealdbridge/{published.id}/")
    assert_accessible(page)
    page.get_by_role("button", name="Send comment").click()
    assert page.title().startswith("Error: ")
    assert page.locator(".govuk-error-summary").is_visible()
    assert_accessible(page)


def test_comment_can_be_sent_with_the_keyboard_only(anonymous_page, published):
    page = anonymous_page
    page.goto(f"/consult/wealdbridge/{published.id}/")
    page.get_by_label("Your comment", exact=True).focus()
    page.keyboard.type("Please add more seating at bus stops.")
    page.get_by_label("Prefer not to say").first.focus()
    page.keyboard.press("Space")
    page.wait_for_timeout(3200)
    page.get_by_role("button", name="Send comment").focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/thanks/")
    assert page.get_by_role("heading", name="Thank you for your comment").is_visible()
    assert_accessible(page)


def test_publish_page_is_accessible_for_an_administrator(page_for, world, published):
    page = page_for(world.admin)
    page.goto("/p/wealdbridge/publish/")
    assert_accessible(page)
    page.goto("/p/wealdbridge/consultations/")
    assert_accessible(page)
