"""Response shapes for the strategy framework, partners, plans and the caller,
and the base of every request body."""

from __future__ import annotations

import datetime as dt

from ninja import Schema
from pydantic import ConfigDict


class InputSchema(Schema):
    """A request body: a field the API does not know is refused (422 naming it),
    never silently dropped, so a misspelt field cannot look as if it was saved."""

    model_config = ConfigDict(extra="forbid")


class PriorityOut(Schema):
    id: int
    number: int
    name: str
    description: str


class ThemeOut(Schema):
    id: int
    name: str
    description: str
    position: int
    priority_numbers: list[int]


class CategoryOut(Schema):
    id: int
    name: str
    position: int


class OrganisationOut(Schema):
    id: int
    name: str
    kind: str
    area_code: str


class OrganisationRef(Schema):
    id: int
    name: str


class PlanOut(Schema):
    id: int
    owner: OrganisationRef
    title: str
    kind: str
    period_start: dt.date | None
    period_end: dt.date | None


class PlanDetailOut(PlanOut):
    source_file: str
    action_count: int


class MembershipOut(Schema):
    partnership_slug: str
    partnership_name: str
    organisation: OrganisationRef
    access: str


class MeOut(Schema):
    username: str
    memberships: list[MembershipOut]


class Message(Schema):
    detail: str
