"""The API token pages in a real browser: axe-clean in every state, usable by keyboard."""

from __future__ import annotations

from tests.browser.fixtures import assert_accessible

from joinedup.api.models import ApiToken
from joinedup.api.tokens import key_hash


def test_the_empty_token_list_is_accessible(page_for, world):
    page = page_for(world.editor)
    page.goto("/account/tokens/")
    assert page.get_by_role("heading", name="Your API tokens").is_visible()
    assert_accessible(page)


def test_a_missing_name_shows_an_accessible_error(page_for, world):
    page = page_for(world.editor)
    page.goto("/account/tokens/")
    page.get_by_role("button", name="Create token").click()
    page.wait_for_load_state()
    assert page.title().startswith("Error: ")
    assert page.get_by_role("link", name="Enter a name for the token").is_visible()
    assert_accessible(page)


def test_a_token_is_created_by_keyboard_and_shown_once(page_for, world):
    page = page_for(world.editor)
    page.goto("/account/tokens/")
    page.get_by_label("Name").fill("Monthly report script")
    page.get_by_label("Name").press("Enter")
    page.wait_for_load_state()
    raw = page.get_by_label("Your new token").input_value()
    assert ApiToken.objects.get(user=world.editor).key_hash == key_hash(raw)
    assert_accessible(page)
    page.get_by_role("link", name="Back to your API tokens").click()
    page.wait_for_load_state()
    assert raw not in page.content()


def test_the_list_with_a_token_is_accessible_and_revoking_works(page_for, world):
    page = page_for(world.editor)
    page.goto("/account/tokens/")
    page.get_by_label("Name").fill("Old script")
    page.get_by_role("button", name="Create token").click()
    page.goto("/account/tokens/")
    assert_accessible(page)
    page.get_by_role("button", name="Revoke Old script").click()
    page.wait_for_load_state()
    assert page.get_by_role("cell", name="Revoked").is_visible()
    assert ApiToken.objects.get(user=world.editor).revoked is True
    assert_accessible(page)
