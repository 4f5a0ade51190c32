"""A small published plan in the `world` partnership, with things that must never be public.

`plan` holds: two public actions (one council, one NHS; the NHS one targets
carers), a soft-deleted action, an action held back as a draft, and a
decommission decision whose reason is marked internal.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

import pytest
from tests.factories import ActionFactory

from joinedup.accounts.scope import Scope
from joinedup.actions.models import PopulationGroup
from joinedup.publishing.models import ActionVisibility
from joinedup.synergies.models import Decision

DELETED_TITLE = "Secret deleted pilot in Ward Nine"
DRAFT_TITLE = "Unannounced draft scheme for the bypass"
INTERNAL_REASON = "Confidential: budget cut agreed in closed session"


@dataclass
class Plan:
    world: object
    housing: object
    breathe: object
    deleted: object
    draft: object


@pytest.fixture
def plan(world) -> Plan:
    housing = ActionFactory(
        partnership=world.board, owner=world.council, external_ref="C1",
        title="Adapt homes for people leaving hospital",
        description="We will fit rails and ramps within two weeks of a referral.",
        intended_outcome="People return home safely", lead_name="Jo Smith",
        lead_role="Head of housing", resource_amount=Decimal("12000.00"),
        outcome_measures="Days from referral to adaptation", end_date=dt.date(2026, 3, 31),
        status="on_track", progress_note="Forty homes adapted so far.",
        progress_date=dt.date(2025, 6, 30), board_role="drive")
    housing.priorities.set([world.priorities[0]])
    breathe = ActionFactory(
        partnership=world.board, owner=world.nhs, external_ref="N1",
        title="Breathe easy groups", description="Weekly support groups for people with COPD.",
        status="at_risk", end_text="After the consultation", board_role="sponsor",
        progress_note="Two venues closed.")
    breathe.priorities.set([world.priorities[1]])
    breathe.population_groups.set([PopulationGroup.objects.get_or_create(
        code="carers", defaults={"label": "Carers"})[0]])
    deleted = ActionFactory(partnership=world.board, owner=world.council, external_ref="C9",
                            title=DELETED_TITLE)
    deleted.priorities.set([world.priorities[0]])
    deleted.soft_delete()
    draft = ActionFactory(partnership=world.board, owner=world.council, external_ref="C8",
                          title=DRAFT_TITLE)
    ActionVisibility.objects.create(action=draft, is_draft=True)
    decision = Decision.objects.create(partnership=world.board, kind="decommission",
                                       reason=INTERNAL_REASON, reason_is_internal=True,
                                       resources_freed=Decimal("5000"))
    decision.actions.set([housing, breathe])
    return Plan(world, housing, breathe, deleted, draft)


@pytest.fixture
def admin_scope(plan) -> Scope:
    return Scope.for_user(plan.world.admin, plan.world.board)
