"""Reviewing alike actions in a real browser: by keyboard, and axe-clean in every state."""

from __future__ import annotations

import re

import pytest
from tests.browser.fixtures import assert_accessible

from joinedup.synergies.models import Decision, JointDelivery, PairStatus, Suggestion

pytestmark = pytest.mark.browser


def test_an_administrator_merges_a_duplicate_by_keyboard(page_for, alike):
    page = page_for(alike.world.admin)
    page.goto(alike.url("queue"))
    assert_accessible(page)
    page.get_by_role("link", name=re.compile(r"^Review 2 actions")).focus()
    page.keyboard.press("Enter")
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "Review 2 alike actions"
    assert page.locator("td mark").first.inner_text() == "Stop smoking"
    assert_accessible(page)
    page.get_by_label(alike.world.nhs.name).first.focus()
    page.keyboard.press("Space")
    title = page.get_by_label("Title of the joint action")
    title.focus()
    page.keyboard.press("ControlOrMeta+a")
    page.keyboard.type("One stop smoking service")
    page.get_by_label("Why bring them together?").focus()
    page.keyboard.type("The same service commissioned twice")
    page.get_by_role("button", name="Bring together").focus()
    page.keyboard.press("Enter")
    page.wait_for_load_state()
    assert "Decision recorded" in page.locator(".govuk-notification-banner").inner_text()
    decision = Decision.objects.get()
    assert decision.joint_action.title == "One stop smoking service"
    assert decision.joint_action.owner == alike.world.nhs
    assert JointDelivery.objects.filter(joint_action=decision.joint_action).exists()
    alike.pair.refresh_from_db()
    assert alike.pair.status == PairStatus.BRING_TOGETHER


def test_a_decision_without_a_reason_shows_an_accessible_error(page_for, alike):
    page = page_for(alike.world.editor)
    page.goto(alike.review_url)
    page.get_by_role("button", name="Keep separate").click()
    page.wait_for_load_state()
    assert page.title().startswith("Error: ")
    summary = page.locator(".govuk-error-summary")
    assert summary.is_visible() and "Enter the reason for this decision" in summary.inner_text()
    assert_accessible(page)
    summary.get_by_role("link", name="Enter the reason for this decision").click()
    assert page.evaluate("document.activeElement.id") == "id_keep-reason"


def test_the_suggestion_page_is_accessible(page_for, alike):
    Suggestion.objects.create(action=alike.council, priority=alike.world.priorities[1], rank=1,
                              score=0.9)
    Suggestion.objects.create(action=alike.council, category=alike.world.categories[0], rank=1,
                              score=0.55)
    page = page_for(alike.world.editor)
    page.goto(alike.url("suggestions"))
    assert page.get_by_label(re.compile("Priority 2: Respiratory illness: 90%")).is_visible()
    assert_accessible(page)


def test_the_findings_page_is_accessible(page_for, alike):
    page = page_for(alike.world.viewer)
    page.goto(alike.url("findings"))
    assert page.locator("h1").inner_text() == "Plan health check"
    assert_accessible(page)


QUEUES = [("Review actions to bring together", "Actions to bring together or stop"),
          ("Review suggested priorities and categories", "Suggested priorities and categories"),
          ("See the health-check findings", "Plan health check")]


def _tab_to(page, name: str, limit: int = 60) -> None:
    """Press Tab from the top of the page until the link called `name` has focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent.trim()") == name:
            return
    raise AssertionError(f"{name!r} cannot be reached with the Tab key")


@pytest.mark.parametrize(("link", "heading"), QUEUES)
def test_the_review_hub_leads_to_each_queue_by_keyboard(page_for, alike, link, heading):
    page = page_for(alike.world.viewer)
    page.goto(alike.url("hub"))
    assert page.locator("h1").inner_text() == "Review"
    menu = page.get_by_role("navigation", name="Partnership menu")
    assert menu.get_by_role("link", name="Review", exact=True).get_attribute("aria-current") == "page"
    assert_accessible(page)
    _tab_to(page, link)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator("h1").inner_text() == heading
    assert menu.get_by_role("link", name="Review", exact=True).get_attribute("aria-current") == "true"


def test_the_menu_review_item_is_reached_by_keyboard(page_for, alike):
    page = page_for(alike.world.admin)
    page.goto(alike.url("findings"))
    _tab_to(page, "Review")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith(alike.url("hub"))
    assert_accessible(page)
