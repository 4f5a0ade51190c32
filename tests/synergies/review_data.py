"""Shared data of the review tests, loaded for the whole suite by tests/conftest.py.

`alike` is a council action and an NHS action the analysis paired, plus a
charity action paired with nothing, all in `board`:

- council "Stop smoking service in GP practices", £40,000, on track
- nhs     "Stop smoking support in primary care", £25,000, at risk
- charity "Carers' breaks", £5,000
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import pytest
from django.urls import reverse
from tests.factories import ActionFactory

from joinedup.synergies.models import CandidatePair

SLUG = "wealdbridge"
EVIDENCE = {
    "shared_phrases": ["stop smoking"],
    "shared_priorities": [2],
    "shared_places": [],
    "shared_groups": [],
    "lexical_score": 0.7,
    "semantic_score": None,
    "reasons": ["Both work on stop smoking", "Same priority: 2 Respiratory illness"],
}


@dataclass
class Alike:
    world: object
    council: object
    nhs: object
    charity: object
    pair: object

    def url(self, name: str, **kwargs) -> str:
        return reverse(f"synergies:{name}", kwargs={"slug": SLUG, **kwargs})

    @property
    def review_url(self) -> str:
        return self.url("review", pk=self.pair.pk)


def make_pair(partnership, first, second, score=0.83, kind="duplicate", cluster=None, run=None):
    a, b = sorted((first, second), key=lambda x: x.pk)
    return CandidatePair.objects.create(partnership=partnership, action_a=a, action_b=b,
                                        score=score, kind=kind, evidence=EVIDENCE,
                                        cluster=cluster, last_run=run)


@pytest.fixture
def alike(world) -> Alike:
    council = ActionFactory(partnership=world.board, owner=world.council,
                            title="Stop smoking service in GP practices",
                            intended_outcome="More smokers quit", resource_amount=Decimal("40000"),
                            outcome_measures="Four-week quitters", status="on_track")
    nhs = ActionFactory(partnership=world.board, owner=world.nhs,
                        title="Stop smoking support in primary care",
                        intended_outcome="Smokers quit with GP support",
                        resource_amount=Decimal("25000"), status="at_risk")
    charity = ActionFactory(partnership=world.board, owner=world.charity, title="Carers' breaks",
                            resource_amount=Decimal("5000"))
    return Alike(world, council, nhs, charity, make_pair(world.board, council, nhs))


def decide(client, alike: Alike, kind: str, **fields):
    """POST one decision form of the review page (fields without their prefix)."""
    prefix = {"bring_together": "together", "decommission": "stop", "keep_separate": "keep"}[kind]
    data = {"decision": kind, f"{prefix}-pairs": str(alike.pair.pk)}
    for name, value in fields.items():
        data[f"{prefix}-{name}"] = value
    return client.post(alike.review_url, data)
