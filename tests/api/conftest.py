"""API fixtures: actions owned by each partner of `board`, and a client per persona.

On top of the personas of tests/conftest.py:
- `council_action` (with `council_plan`), `nhs_action`, `charity_action` in `board`;
- `foreign_action` in `other_board`;
- `call(persona, method, path, body=None)` sends a request as that persona with a
  bearer token (persona "anonymous" sends none) and returns the response.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import pytest
from django.test import Client

from joinedup.api.tokens import issue_token
from tests.factories import ActionFactory, PlanFactory

PERSONAS = ("admin", "editor", "nhs_editor", "viewer", "own_viewer", "outsider", "anonymous")


@dataclass
class ApiWorld:
    world: object
    council_plan: object
    council_action: object
    nhs_action: object
    charity_action: object
    foreign_action: object
    tokens: dict


@pytest.fixture
def api_world(world) -> ApiWorld:
    plan = PlanFactory(partnership=world.board, owner=world.council, title="Council health plan")
    council_action = ActionFactory(partnership=world.board, owner=world.council, plan=plan,
                                   title="Adapt homes for frail older people", external_ref="C1")
    nhs_action = ActionFactory(partnership=world.board, owner=world.nhs, title="Asthma reviews in schools",
                               external_ref="N1")
    charity_action = ActionFactory(partnership=world.board, owner=world.charity,
                                   title="Carers' respite breaks", external_ref="V1")
    foreign_action = ActionFactory(partnership=world.other_board, owner=world.stranger_org,
                                   title="Eastmarsh falls service")
    tokens = {name: issue_token(getattr(world, name), "tests") for name in PERSONAS if name != "anonymous"}
    return ApiWorld(world, plan, council_action, nhs_action, charity_action, foreign_action, tokens)


@pytest.fixture
def call(api_world):
    client = Client()

    def send(persona: str, method: str, path: str, body: dict | None = None):
        headers = {}
        if persona != "anonymous":
            headers["Authorization"] = f"Bearer {api_world.tokens[persona]}"
        kwargs = {"headers": headers}
        if body is not None:
            kwargs |= {"data": json.dumps(body), "content_type": "application/json"}
        return getattr(client, method.lower())(path, **kwargs)

    return send
