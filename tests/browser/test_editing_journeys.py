"""Editing journeys in a real browser: every page axe-clean, error states too, keyboard where reasonable."""

from __future__ import annotations

import pytest
from tests.browser.fixtures import assert_accessible
from tests.factories import ActionFactory

from joinedup.actions.models import Action
from joinedup.strategy.models import Priority

PLAN = (
    "Ref,Action,Lead officer,Deadline,Priority,RAG\n"
    "H1,Adapt homes of frail older people,A. Patel,31/03/2014,1,Green\n"
    "H2,,B. Jones,31/03/2014,2,Green\n"
)


@pytest.fixture
def action(world):
    return ActionFactory(partnership=world.board, owner=world.council, title="Adapt homes",
                         lead_name="A. Patel")


@pytest.fixture(autouse=True)
def upload_store(settings, tmp_path):
    settings.JOINEDUP_UPLOAD_DIR = tmp_path / "uploads"


def test_partner_fixes_a_validation_error_by_keyboard(page_for, world, action):
    page = page_for(world.editor)
    page.goto(f"/p/wealdbridge/actions/{action.pk}/edit/")
    assert_accessible(page)
    page.get_by_label("Action", exact=True).fill("")
    page.get_by_label("Area codes").fill("E0700006")
    page.get_by_role("button", name="Save the action").click()
    page.wait_for_load_state()
    assert page.title().startswith("Error: ")
    summary = page.locator(".govuk-error-summary")
    summary.wait_for()
    assert "Enter the action: what will be done" in summary.inner_text()
    assert_accessible(page)
    summary.get_by_role("link", name="Enter the action: what will be done").focus()
    page.keyboard.press("Enter")
    page.keyboard.type("Adapt homes of frail older people")
    page.get_by_label("Area codes").fill("E07000061")
    page.get_by_role("button", name="Save the action").focus()
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/p/wealdbridge/actions/{action.pk}/")
    assert page.get_by_role("heading", name="Adapt homes of frail older people").is_visible()
    action.refresh_from_db()
    assert action.area_codes == ["E07000061"]


def test_two_pages_cannot_overwrite_each_other(page_for, world, action):
    first, second = page_for(world.editor), page_for(world.admin)
    for page in (first, second):
        page.goto(f"/p/wealdbridge/actions/{action.pk}/edit/")
    first.get_by_label("Action", exact=True).fill("The editor's title")
    first.get_by_role("button", name="Save the action").click()
    first.wait_for_url(f"**/p/wealdbridge/actions/{action.pk}/")
    second.get_by_label("Action", exact=True).fill("The admin's title")
    with second.expect_response(lambda r: r.request.method == "POST") as answer:
        second.get_by_role("button", name="Save the action").click()
    assert answer.value.status == 409
    assert second.get_by_text("Your changes were not saved").is_visible()
    table = second.locator("#changes-since").inner_text()
    assert "Adapt homes" in table and "The editor's title" in table and "The admin's title" in table
    assert second.get_by_label("Action", exact=True).input_value() == "The admin's title"
    assert_accessible(second)
    assert Action.objects.get(pk=action.pk).title == "The editor's title"


def test_partner_uploads_a_plan_checks_the_mapping_and_sees_a_rejected_row(page_for, world, tmp_path):
    plan = tmp_path / "housing-plan.csv"
    plan.write_text(PLAN)
    page = page_for(world.editor)
    page.goto("/p/wealdbridge/plans/upload/")
    assert_accessible(page)
    page.get_by_label("Plan file").set_input_files(str(plan))
    page.get_by_role("button", name="Upload and check").click()
    page.wait_for_url("**/plans/upload/*/")
    assert page.get_by_label("Column ‘RAG’").input_value() == "status"
    assert "Adapt homes of frail older people" in page.locator("#preview").inner_text()
    assert_accessible(page)
    page.get_by_role("button", name="Import the plan").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", name="Plan imported").is_visible()
    rejected = page.locator("#rejected")
    assert rejected.is_visible() and "3" in rejected.inner_text()
    assert_accessible(page)
    assert Action.objects.filter(owner=world.council).count() == 1


def test_upload_of_an_unsupported_file_shows_an_accessible_error(page_for, world, tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_text("not a plan")
    page = page_for(world.editor)
    page.goto("/p/wealdbridge/plans/upload/")
    page.get_by_label("Plan file").set_input_files(str(notes))
    page.get_by_role("button", name="Upload and check").click()
    page.wait_for_load_state()
    assert page.title().startswith("Error: ")
    assert_accessible(page)


def test_admin_edits_the_strategy(page_for, world):
    linked = ActionFactory(partnership=world.board, owner=world.council)
    linked.priorities.add(world.priorities[0])
    page = page_for(world.admin)
    page.goto("/p/wealdbridge/strategy/edit/")
    assert_accessible(page)
    page.get_by_role("link", name="Add a priority").click()
    page.get_by_label("Number").fill("2")
    page.get_by_label("Name").fill("Falls prevention")
    page.get_by_role("button", name="Save").click()
    page.wait_for_load_state()
    assert page.title().startswith("Error: ")
    assert_accessible(page)
    page.get_by_label("Number").fill("3")
    page.get_by_role("button", name="Save").focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/strategy/edit/")
    assert page.get_by_text("The priority ‘Falls prevention’ was saved").is_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Remove priority 1").click()
    panel = page.locator("#remove-panel")
    panel.get_by_text("1 action contributes to it and will lose the link").wait_for()
    assert page.url.endswith("/strategy/edit/")  # htmx opened the confirmation in place
    assert_accessible(page)
    panel.get_by_role("button", name="Remove the priority").click()
    page.wait_for_url("**/strategy/edit/")
    assert page.get_by_text("1 action lost the link").is_visible()
    assert not Priority.objects.filter(pk=world.priorities[0].pk).exists()


def test_strategy_remove_confirmation_works_without_javascript(browser, live_server, world):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    page.goto("/sign-in/")
    page.get_by_label("Username").fill("admin")
    page.get_by_label("Password", exact=True).fill("correct horse battery")
    page.get_by_role("button", name="Sign in").click()
    page.goto("/p/wealdbridge/strategy/edit/")
    page.get_by_role("link", name="Remove priority 2").click()
    page.wait_for_url("**/priorities/*/remove/")
    assert page.get_by_role("heading", level=1).inner_text().startswith("Remove the priority")
    page.get_by_role("button", name="Remove the priority").click()
    page.wait_for_url("**/strategy/edit/")
    assert not Priority.objects.filter(pk=world.priorities[1].pk).exists()
    context.close()


def test_partner_fixes_the_rejected_row_and_uploads_again(page_for, world, tmp_path):
    plan = tmp_path / "housing-plan.csv"
    plan.write_text(PLAN)
    page = page_for(world.editor)

    def upload():
        page.goto("/p/wealdbridge/plans/upload/")
        page.get_by_label("Plan file").set_input_files(str(plan))
        page.get_by_role("button", name="Upload and check").click()
        page.wait_for_url("**/plans/upload/*/")
        checkbox = page.get_by_role("checkbox")
        if checkbox.count():
            checkbox.first.check()
        page.get_by_role("button", name="Import the plan").click()
        page.wait_for_load_state()

    upload()
    rejected = page.locator("#rejected tbody tr").first.inner_text()
    assert rejected.split("\t")[:3] == ["housing-plan", "3", "Action"]
    assert "no action text" in rejected
    plan.write_text(PLAN.replace("H2,,B. Jones", "H2,Warm homes advice for people with COPD,B. Jones"))
    upload()
    assert page.get_by_role("heading", name="Plan imported").is_visible()
    assert page.locator("#rejected").count() == 0
    assert_accessible(page)
    titles = set(Action.objects.filter(owner=world.council).values_list("title", flat=True))
    assert titles == {"Adapt homes of frail older people", "Warm homes advice for people with COPD"}


def test_partner_records_progress_by_keyboard(page_for, world, action):
    page = page_for(world.editor)
    page.goto(f"/p/wealdbridge/actions/{action.pk}/")
    page.get_by_role("link", name="Report progress").click()
    page.wait_for_load_state()
    assert_accessible(page)
    page.get_by_label("Day").fill("3")
    page.get_by_label("Month").fill("2")
    page.get_by_label("Year").fill("2026")
    page.get_by_label("Status").select_option(label="At risk")
    page.get_by_label("Progress so far").fill("Two of five sites open; the third is delayed by planning.")
    page.get_by_role("button", name="Save the update").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "Two of five sites open" in page.locator("main").inner_text()
    action.refresh_from_db()
    assert action.status == "at_risk" and action.version == 2
    assert_accessible(page)
