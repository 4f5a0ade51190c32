"""Every page of the foundation, signed in, in a real browser: loads, reads well, passes axe."""

from __future__ import annotations

import pytest
from tests.browser.fixtures import assert_accessible
from tests.factories import ActionFactory


@pytest.fixture
def stocked(world):
    action = ActionFactory(
        partnership=world.board, owner=world.council, title="Adapt homes of frail older people",
        intended_outcome="Fewer falls at home", lead_name="A. Patel", outcome_measures="Falls admissions",
    )
    action.priorities.add(world.priorities[0])
    action.lead_name = "B. Jones"
    action.save()
    ActionFactory(partnership=world.board, owner=world.nhs, title="Pulmonary rehabilitation classes")
    return action


def test_sign_in_page_is_accessible_including_its_error_state(anonymous_page):
    page = anonymous_page
    page.goto("/sign-in/")
    assert_accessible(page)
    page.get_by_label("Username").fill("nobody")
    page.get_by_label("Password", exact=True).fill("wrong")
    page.get_by_role("button", name="Sign in").click()
    assert page.title().startswith("Error: ")
    assert page.locator(".govuk-error-summary").is_visible()
    assert_accessible(page)


def test_component_javascript_initialises(anonymous_page):
    anonymous_page.goto("/sign-in/")
    anonymous_page.wait_for_function("document.body.classList.contains('govuk-frontend-supported')")
    assert anonymous_page.locator("button.govuk-password-input__toggle").is_visible()


def test_header_is_brand_neutral(anonymous_page):
    anonymous_page.goto("/sign-in/")
    html = anonymous_page.content()
    assert "govuk-logo" not in html and "GOV.UK" not in html
    assert anonymous_page.locator(".govuk-generic-header").is_visible()


@pytest.mark.parametrize("path", ["actions", "strategy", "partners", "review"])
def test_partnership_pages_are_accessible(page_for, world, stocked, path):
    page = page_for(world.viewer)
    page.goto(f"/p/wealdbridge/{path}/")
    assert page.locator("h1").count() == 1
    assert_accessible(page)


def test_action_list_filters_by_partner_with_the_keyboard(page_for, world, stocked):
    page = page_for(world.viewer)
    page.goto("/p/wealdbridge/actions/")
    page.get_by_label("Partner", exact=True).focus()
    page.get_by_label("Partner", exact=True).select_option(label="Wealdbridge County Council")
    page.get_by_role("button", name="Apply filters").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "partner=" in page.url
    assert page.get_by_role("status").inner_text() == "1 action found"
    assert page.get_by_role("link", name="Adapt homes of frail older people").is_visible()


def test_action_detail_shows_accountability_and_history(page_for, world, stocked):
    page = page_for(world.viewer)
    page.goto(f"/p/wealdbridge/actions/{stocked.pk}/")
    assert page.get_by_role("heading", name="Adapt homes of frail older people").is_visible()
    history = page.locator("table.app-history-change").first
    assert "A. Patel" in history.inner_text() and "B. Jones" in history.inner_text()
    assert_accessible(page)


def test_the_manage_page_is_accessible_and_its_menu_fits_one_line(page_for, world):
    page = page_for(world.admin)
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto("/p/wealdbridge/manage/")
    assert page.locator("h1").inner_text() == "Manage the partnership"
    assert_accessible(page)
    # The administrators' menu (nine items) sits on one line at a laptop width.
    tops = page.locator(".govuk-service-navigation__item").evaluate_all(
        "items => items.map(item => Math.round(item.getBoundingClientRect().top))")
    assert len(tops) == 9 and len(set(tops)) == 1
    page.get_by_role("link", name="People").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith("/p/wealdbridge/people/")
