"""A tiny questionnaire on the `world` partnership (see tests/conftest.py) and a round of it.

Template "Mini": element Leadership with statements L1, L2; element Learning with L3.
"""

from __future__ import annotations

import datetime as dt

import pytest

from joinedup.accounts.scope import Scope
from joinedup.assessment import services
from joinedup.assessment.models import Element, Statement, Template


@pytest.fixture
def template(world):
    mini = Template.objects.create(partnership=world.board, name="Mini")
    leadership = Element.objects.create(template=mini, name="Leadership", position=0)
    learning = Element.objects.create(template=mini, name="Learning", position=1)
    Statement.objects.create(element=leadership, text="L1 We share a vision.", position=0)
    Statement.objects.create(element=leadership, text="L2 Leaders champion our work.", position=1)
    Statement.objects.create(element=learning, text="L3 We learn from mistakes.", position=0)
    return mini


@pytest.fixture
def open_round(world, template):
    return services.open_round(Scope.system(world.board), template, "Spring round",
                               opened_on=dt.date.today() - dt.timedelta(days=1))


def statements(template) -> list[Statement]:
    return list(Statement.objects.filter(element__template=template))
