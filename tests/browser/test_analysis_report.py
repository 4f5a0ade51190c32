"""The report `joinedup analyse` writes, opened from disk in a real browser, passes axe."""

from __future__ import annotations

from pathlib import Path

from tests.browser.fixtures import assert_accessible
from typer.testing import CliRunner

from joinedup.cli import app

DEMO = Path(__file__).resolve().parents[2] / "demo"


def test_the_file_report_is_accessible_and_its_contents_work_by_keyboard(browser, tmp_path):
    plans = sorted(str(p) for p in (DEMO / "plans").iterdir())
    result = CliRunner().invoke(app, ["analyse", *plans, "--strategy",
                                      str(DEMO / "strategy.yaml"), "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto((tmp_path / "report.html").as_uri())
        # The demo plans have rejected rows and warnings, so the reading section is full.
        assert page.locator("#reading").is_visible()
        assert page.locator("table:has(caption:text('Rows rejected'))").count() == 1
        assert_accessible(page)
        # Tab to the last contents link and follow it with Enter.
        link = page.get_by_role("link", name="How the plans were read")
        for _ in range(10):
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.textContent") == "How the plans were read":
                break
        assert link.evaluate("el => el === document.activeElement")
        page.keyboard.press("Enter")
        assert page.evaluate("location.hash") == "#reading"
    finally:
        context.close()
