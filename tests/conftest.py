"""Shared fixtures. The named personas are documented here, in one place.

Partnership `board` (Wealdbridge Health and Wellbeing Board) has three partners:
`council`, `nhs` and `charity`, a strategy of two priorities and the three
default categories. Another partnership, `other_board`, has its own partner.

Personas (all with password "correct horse battery"):
- `admin`       administrator of `board` (through `council`)
- `editor`      edits `council`'s work in `board`, sees all of `board`
- `nhs_editor`  edits `nhs`'s work in `board`
- `viewer`      sees all of `board`, edits nothing (through `nhs`)
- `own_viewer`  sees only `charity`'s work in `board`
- `outsider`    administrator of `other_board` only: must see nothing of `board`
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from hypothesis import settings

from joinedup.accounts.models import Access
from joinedup.strategy.models import DEFAULT_CATEGORIES
from tests.factories import (
    CategoryFactory,
    OrganisationFactory,
    PartnershipFactory,
    PriorityFactory,
    ThemeFactory,
    UserFactory,
    member,
)

pytest_plugins = ["tests.browser.fixtures", "tests.synergies.review_data"]

# Tests never fail on wall-clock time: hypothesis's per-example deadline is off.
settings.register_profile("joinedup", deadline=None)
settings.load_profile("joinedup")

PASSWORD = "correct horse battery"


@dataclass
class World:
    board: object
    other_board: object
    council: object
    nhs: object
    charity: object
    stranger_org: object
    priorities: list
    categories: list
    admin: object
    editor: object
    nhs_editor: object
    viewer: object
    own_viewer: object
    outsider: object


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Rate-limit counters live in the cache; each test starts with none."""
    from django.core.cache import cache

    cache.clear()
    yield


@pytest.fixture
def world(db) -> World:
    board = PartnershipFactory(name="Wealdbridge Health and Wellbeing Board", slug="wealdbridge")
    other = PartnershipFactory(name="Eastmarsh Health and Wellbeing Board", slug="eastmarsh")
    council = OrganisationFactory(name="Wealdbridge County Council", kind="county_council")
    nhs = OrganisationFactory(name="NHS Wealdbridge ICB", kind="nhs_commissioner")
    charity = OrganisationFactory(name="Wealdbridge Carers Trust", kind="voluntary_sector")
    stranger = OrganisationFactory(name="Eastmarsh Borough Council", kind="unitary_council")
    priorities = [
        PriorityFactory(partnership=board, number=1, name="Appropriate and adapted housing"),
        PriorityFactory(partnership=board, number=2, name="Respiratory illness"),
    ]
    theme = ThemeFactory(partnership=board, name="Long-term conditions")
    theme.priorities.set(priorities)
    categories = [
        CategoryFactory(partnership=board, name=name, position=i)
        for i, name in enumerate(DEFAULT_CATEGORIES)
    ]
    users = {name: UserFactory(username=name) for name in
             ("admin", "editor", "nhs_editor", "viewer", "own_viewer", "outsider")}
    member(users["admin"], board, council, Access.ADMIN)
    member(users["editor"], board, council, Access.EDIT_OWN)
    member(users["nhs_editor"], board, nhs, Access.EDIT_OWN)
    member(users["viewer"], board, nhs, Access.VIEW_ALL)
    member(users["own_viewer"], board, charity, Access.VIEW_OWN)
    member(users["outsider"], other, stranger, Access.ADMIN)
    return World(board, other, council, nhs, charity, stranger, priorities, categories, **users)
