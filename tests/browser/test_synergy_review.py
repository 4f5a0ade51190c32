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
