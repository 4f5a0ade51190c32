"""Property test: bodies and list queries generated from the OpenAPI schema (valid and not) never cause a 5xx.

Stands in for schemathesis, which is not installed; see openapi_strategies.py.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from joinedup.actions.models import Action
from joinedup.api.routes import api
from tests.api.openapi_strategies import ANY_JSON, SchemaStrategies

SETTINGS = settings(max_examples=60, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


@pytest.fixture
def strategies(api_world) -> SchemaStrategies:
    world = api_world.world
    org_ids = [world.council.id, world.nhs.id, world.stranger_org.id]
    hints = {
        "owner_id": st.sampled_from(org_ids),
        "categories": st.lists(st.sampled_from([c.id for c in world.categories]), max_size=3),
        "priorities": st.lists(st.sampled_from([1, 2, 3]), max_size=3),
        "version": st.integers(1, 4),
        "date": st.dates(max_value=dt.date.today()).map(dt.date.isoformat),
    }
    openapi = api.get_openapi_schema()
    return SchemaStrategies(openapi, hints).with_paths(openapi)


def _send(api_world, method: str, path: str, body) -> int:
    client = Client(headers={"Authorization": f"Bearer {api_world.tokens['editor']}"})
    response = getattr(client, method)(path, json.dumps(body), content_type="application/json")
    return response.status_code


def test_the_strategies_produce_bodies_the_api_accepts(api_world, strategies):
    """Guards the property tests below: a generator that only made junk would test little."""
    accepted = []

    @SETTINGS
    @given(body=strategies.request_body("/api/p/{slug}/actions", "post"))
    def create(body):
        accepted.append(_send(api_world, "post", "/api/p/wealdbridge/actions", body) == 201)

    create()
    assert any(accepted)


def test_generated_create_bodies_never_cause_a_server_error(api_world, strategies):
    @SETTINGS
    @given(body=strategies.request_body("/api/p/{slug}/actions", "post") | ANY_JSON)
    def create(body):
        assert _send(api_world, "post", "/api/p/wealdbridge/actions", body) < 500

    create()


def test_generated_patch_bodies_never_cause_a_server_error(api_world, strategies):
    path = f"/api/p/wealdbridge/actions/{api_world.council_action.id}"

    @SETTINGS
    @given(body=strategies.request_body("/api/p/{slug}/actions/{action_id}", "patch") | ANY_JSON)
    def patch(body):
        assert _send(api_world, "patch", path, body) < 500

    patch()
    assert Action.objects.filter(pk=api_world.council_action.pk).exists()


def test_generated_progress_bodies_never_cause_a_server_error(api_world, strategies):
    path = f"/api/p/wealdbridge/actions/{api_world.council_action.id}/progress"

    @SETTINGS
    @given(body=strategies.request_body("/api/p/{slug}/actions/{action_id}/progress", "post") | ANY_JSON)
    def report(body):
        assert _send(api_world, "post", path, body) < 500

    report()


def test_generated_list_queries_never_cause_a_server_error(api_world, strategies):
    client = Client(headers={"Authorization": f"Bearer {api_world.tokens['viewer']}"})

    @SETTINGS
    @given(params=strategies.query("/api/p/{slug}/actions", "get"))
    def search(params):
        query = {name: "" if value is None else value for name, value in params.items()}
        assert client.get("/api/p/wealdbridge/actions", query).status_code < 500

    search()
