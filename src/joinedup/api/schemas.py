"""Response shapes for the strategy framework, partners, plans and the caller."""

from __future__ import annotations

import datetime as dt

from ninja import Schema


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
