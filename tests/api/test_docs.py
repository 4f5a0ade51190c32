"""The OpenAPI schema and the docs page, which must work without the internet."""

from __future__ import annotations

import re

from django.test import Client


def test_the_openapi_schema_lists_the_action_endpoints(db):
    schema = Client().get("/api/openapi.json").json()
    assert {"/api/p/{slug}/actions", "/api/p/{slug}/actions/{action_id}",
            "/api/p/{slug}/actions/{action_id}/progress"} <= set(schema["paths"])


def test_the_schema_declares_bearer_and_session_authentication(db):
    schemes = Client().get("/api/openapi.json").json()["components"]["securitySchemes"]
    assert {(s["type"], s.get("scheme", s.get("in"))) for s in schemes.values()} == {
        ("http", "bearer"), ("apiKey", "cookie")}


def test_the_docs_page_loads_nothing_from_another_host(db):
    page = Client().get("/api/docs").content.decode()
    addresses = re.findall(r'(?:src|href)="([^"]+)"', page)
    assert addresses and all(a.startswith("/") for a in addresses)


def test_every_asset_the_docs_page_links_to_is_served(db):
    client = Client()
    page = client.get("/api/docs").content.decode()
    for address in re.findall(r'(?:src|href)="([^"]+)"', page):
        assert client.get(address).status_code == 200, address


def test_only_the_named_docs_assets_are_served(db):
    assert Client().get("/api/docs-assets/__init__.py").status_code == 404
