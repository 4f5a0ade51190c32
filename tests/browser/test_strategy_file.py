"""Loading the strategy from a file in a real browser: form, error state and check page axe-clean,
and the confirmation made with the keyboard."""

from __future__ import annotations

from tests.browser.fixtures import assert_accessible

from joinedup.strategy.models import Priority, Theme

STRATEGY = """\
Name: Seamless Health
# Start well
- 3. Best start in life
- 4. School readiness - Children ready to learn
# Live well
- 5. Healthy weight
"""


def _tab_to(page, name: str, presses: int = 80) -> None:
    """Press Tab until the element named `name` has the focus, as a keyboard user would."""
    for _ in range(presses):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent.trim()") == name:
            return
    raise AssertionError(f"‘{name}’ cannot be reached with the Tab key")


def test_admin_loads_the_strategy_from_a_markdown_file(page_for, world, tmp_path):
    wrong = tmp_path / "draft.md"
    wrong.write_text("# Start well\n- Best start in life\n  - School readiness\n")
    good = tmp_path / "seamless.md"
    good.write_text(STRATEGY)
    page = page_for(world.admin)
    page.goto("/p/wealdbridge/strategy/edit/")
    page.get_by_role("button", name="Load the strategy from a file").click()
    page.wait_for_url("**/p/wealdbridge/strategy/load/")
    assert_accessible(page)

    page.get_by_label("Strategy file").set_input_files(str(wrong))
    page.get_by_role("button", name="Read the file and check").click()
    page.wait_for_load_state()
    assert page.title().startswith("Error: ")
    summary = page.locator(".govuk-error-summary")
    assert "draft.md: line 3: this line is indented under the line above" in summary.inner_text()
    assert "draft.md: line 3" in page.locator("#id_file-error").inner_text()
    assert_accessible(page)

    page.get_by_label("Strategy file").set_input_files(str(good))
    page.get_by_role("button", name="Read the file and check").click()
    page.wait_for_url("**/p/wealdbridge/strategy/load/*/")
    assert page.get_by_role("heading", name="Check what loading the file will change").is_visible()
    changes = page.locator("#priority-changes").inner_text()
    assert "Best start in life" in changes and "Healthy weight" in changes
    assert "Priority 1: Appropriate and adapted housing" in page.locator("#kept").inner_text()
    assert_accessible(page)
    assert Priority.objects.filter(partnership=world.board).count() == 2

    _tab_to(page, "Load the strategy")
    page.keyboard.press("Enter")
    page.wait_for_url("**/p/wealdbridge/strategy/edit/")
    banner = page.locator(".govuk-notification-banner--success").inner_text()
    assert "The strategy was loaded from ‘seamless.md’: 3 priorities added, 2 themes added" in banner
    assert "; kept what the file leaves out: 2 priorities, 1 theme" in banner
    table = page.locator("#priorities").inner_text()
    assert "Best start in life" in table and "School readiness" in table and "Healthy weight" in table
    assert_accessible(page)
    assert [(p.number, p.name, p.description) for p in Priority.objects.filter(partnership=world.board)] == [
        (1, "Appropriate and adapted housing", ""),
        (2, "Respiratory illness", ""),
        (3, "Best start in life", ""),
        (4, "School readiness", "Children ready to learn"),
        (5, "Healthy weight", ""),
    ]
    assert sorted(Theme.objects.filter(partnership=world.board).values_list("name", flat=True)) == [
        "Live well", "Long-term conditions", "Start well"]


def test_a_file_of_another_kind_shows_an_accessible_error(page_for, world, tmp_path):
    sheet = tmp_path / "strategy.xlsx"
    sheet.write_bytes(b"PK\x03\x04\x14\x00\x06\x00")
    page = page_for(world.admin)
    page.goto("/p/wealdbridge/strategy/load/")
    page.get_by_label("Strategy file").set_input_files(str(sheet))
    page.get_by_role("button", name="Read the file and check").click()
    page.wait_for_load_state()
    assert page.title().startswith("Error: ")
    summary = page.locator(".govuk-error-summary").inner_text()
    assert "must be a YAML, plain text, Markdown or CSV file" in summary
    assert_accessible(page)
