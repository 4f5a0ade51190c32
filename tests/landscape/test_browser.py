"""The landscape diagram in headless Chromium: keyboard-reachable nodes, highlighting, axe-clean."""

from __future__ import annotations

import pytest
from tests.browser.fixtures import assert_accessible

pytestmark = pytest.mark.browser


def test_diagram_nodes_take_focus_and_light_their_connections(page_for, world, landscape):
    page = page_for(world.viewer)
    page.goto("/p/wealdbridge/landscape/")
    node = page.locator(".lx-node--body").first
    node.focus()
    assert page.evaluate("document.activeElement.getAttribute('data-node')") == node.get_attribute(
        "data-node")
    assert page.locator(".lx-edge.is-lit").count() > 0
    assert_accessible(page)


def test_pressing_enter_on_a_node_opens_its_detail(page_for, world, landscape):
    page = page_for(world.viewer)
    page.goto("/p/wealdbridge/landscape/")
    page.locator('.lx-node--body[aria-label*="Falls group"]').focus()
    page.keyboard.press("Enter")
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "Falls group"
    assert_accessible(page)


@pytest.mark.parametrize("path", ["/p/wealdbridge/landscape/bodies/",
                                  "/p/wealdbridge/landscape/boundaries/"])
def test_register_and_boundary_pages_are_accessible(page_for, world, landscape, path):
    page = page_for(world.viewer)
    page.goto(path)
    assert_accessible(page)


def test_the_demo_landscape_is_accessible_and_every_node_is_a_link(page_for, world):
    from pathlib import Path

    from joinedup.landscape.demo import load_demo_landscape

    load_demo_landscape(world.board, Path(__file__).resolve().parents[2] / "demo")
    page = page_for(world.viewer)
    page.goto("/p/wealdbridge/landscape/")
    nodes = page.locator(".lx-node")
    assert nodes.count() >= 8 + 19
    assert all(href for href in nodes.evaluate_all("ns => ns.map(n => n.getAttribute('href'))"))
    assert_accessible(page)
