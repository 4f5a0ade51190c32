"""Answering a round by keyboard in headless Chromium, then reading the results: axe-clean."""

from __future__ import annotations

import pytest
from tests.assessment.conftest import statements
from tests.browser.fixtures import assert_accessible

pytestmark = pytest.mark.browser


def test_a_member_answers_by_keyboard_and_sees_results(page_for, world, template, open_round):
    first = statements(template)[0]
    page = page_for(world.viewer)
    page.goto(f"/p/wealdbridge/assessment/rounds/{open_round.pk}/answer/")
    assert_accessible(page)
    page.locator(f"#statement-{first.pk}-1").focus()
    for _ in range(3):  # arrow keys move through the scale: 1 -> 4 (Agree)
        page.keyboard.press("ArrowDown")
    page.keyboard.press("Tab")  # to the comment box
    page.keyboard.type("Clear vision")
    page.keyboard.press("Tab")  # to the next statement's first option
    page.keyboard.press("Space")  # Strongly disagree
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.press("ArrowDown")  # 1 -> 2 ... third statement: Disagree
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")  # the Save button
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/rounds/{open_round.pk}/results/")
    # Leadership: 4 and 1 -> mean 2.50 ; Learning: 2 -> 2.00
    table = page.get_by_role("table", name="Mean, spread, sector disagreement and change per element")
    assert "2.50" in table.get_by_role("row", name="Leadership").inner_text()
    assert "2.00" in table.get_by_role("row", name="Learning").inner_text()
    assert page.locator("svg[role=img] title").count() == 1
    assert_accessible(page)


def test_an_unanswered_submission_is_accessible_with_errors(page_for, world, open_round):
    page = page_for(world.viewer)
    page.goto(f"/p/wealdbridge/assessment/rounds/{open_round.pk}/answer/")
    page.get_by_role("button", name="Save my answers").click()
    page.wait_for_load_state()
    assert page.title().startswith("Error:")
    assert_accessible(page)


@pytest.mark.parametrize("path", ["/p/wealdbridge/assessment/",
                                  "/p/wealdbridge/assessment/questionnaires/",
                                  "/p/wealdbridge/assessment/rounds/new/"])
def test_admin_pages_are_accessible(page_for, world, template, path):
    page = page_for(world.admin)
    page.goto(path)
    assert_accessible(page)
