"""API fixtures: actions owned by each partner of `board`, and a client per persona.

On top of the personas of tests/conftest.py:
- `council_action` (with `council_plan`), `nhs_action`, `charity_action` in `board`;
- `foreign_action` in `other_board`;
- `analysed`: what the analysis found in `board` (see `Analysed`);
- `call(persona, method, path, body=None)` sends a request as that persona with a
  bearer token (persona "anonymous" sends none) and returns the response.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import pytest
from django.test import Client

from joinedup.accounts.scope import Scope
from joinedup.api.tokens import issue_token
from joinedup.synergies.models import AnalysisRun, CandidatePair, Finding, Suggestion
from joinedup.synergies.services import Reviewer, keep_separate
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


@dataclass
class Analysed:
    """`open_pair`: council ~ NHS action, 0.83 duplicate, awaiting review.
    `decided_pair`: council ~ charity action, 0.61 synergy, kept separate by the admin (`decision`).
    `suggestion`: priority 1 for the council action, open. `findings`: a high one on the council
    action (missing_lead), a medium plan-wide one (inequalities_share), a low one on the NHS action."""

    open_pair: object
    decided_pair: object
    decision: object
    suggestion: object
    findings: list


EVIDENCE = {"shared_phrases": ["frail older people"], "shared_priorities": [1],
            "reasons": ["Both work on frail older people"]}


def pair_of(partnership, first, second, score: float, kind: str):
    a, b = sorted((first, second), key=lambda x: x.pk)
    return CandidatePair.objects.create(partnership=partnership, action_a=a, action_b=b, score=score,
                                        kind=kind, evidence=EVIDENCE)


@pytest.fixture
def analysed(api_world) -> Analysed:
    world = api_world.world
    run = AnalysisRun.objects.create()
    open_pair = pair_of(world.board, api_world.council_action, api_world.nhs_action, 0.83, "duplicate")
    decided_pair = pair_of(world.board, api_world.council_action, api_world.charity_action, 0.61, "synergy")
    reviewer = Reviewer.of(world.admin, Scope.for_user(world.admin, world.board))
    decision = keep_separate(reviewer, [decided_pair.pk], reason="Different client groups")
    suggestion = Suggestion.objects.create(action=api_world.council_action, priority=world.priorities[0],
                                           rank=1, score=0.91)
    findings = [
        Finding.objects.create(partnership=world.board, run=run, severity="high", check_code="missing_lead",
                               subject="C1", message="No lead named", action=api_world.council_action),
        Finding.objects.create(partnership=world.board, run=run, severity="medium",
                               check_code="inequalities_share", subject="plan",
                               message="Few actions address inequalities"),
        Finding.objects.create(partnership=world.board, run=run, severity="low", check_code="missing_end",
                               subject="N1", message="No end date", action=api_world.nhs_action),
    ]
    return Analysed(open_pair, decided_pair, decision, suggestion, findings)
