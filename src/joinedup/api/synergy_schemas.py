"""Request and response shapes of the analysis results and the decisions taken on them.

A decision request names the pairs of one cluster, as the review page does;
what else it needs depends on its kind (a lead and a title to bring
together, the actions to stop to decommission), checked here as a 422.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from enum import StrEnum
from typing import Annotated, Any

from ninja import Field, Schema
from pydantic import StringConstraints, model_validator

from joinedup.api.action_schemas import ObjectId, Text, Title
from joinedup.api.schemas import InputSchema, OrganisationRef

Limit = Annotated[int, Field(ge=1, le=500)]
Offset = Annotated[int, Field(ge=0, le=2**31 - 1)]
Filter = Annotated[str, StringConstraints(max_length=40, pattern=r"^[A-Za-z0-9_-]*$")]


class Severity(StrEnum):
    high = "high"
    medium = "medium"
    low = "low"


class PairKind(StrEnum):
    duplicate = "duplicate"
    synergy = "synergy"


class PairStatusCode(StrEnum):
    open = "open"
    bring_together = "bring_together"
    decommission = "decommission"
    keep_separate = "keep_separate"


class DecisionKindCode(StrEnum):
    bring_together = "bring_together"
    decommission = "decommission"
    keep_separate = "keep_separate"


class Paging(Schema):
    limit: Limit = 50
    offset: Offset = 0


class FindingFilters(Paging):
    severity: Severity | None = None
    check: Filter | None = Field(None, description="The health check's code, e.g. missing_lead.")
    action: ObjectId | None = Field(None, description="Only findings about this action.")


class PairFilters(Paging):
    status: PairStatusCode | None = None
    kind: PairKind | None = None
    min_score: float | None = Field(None, ge=0, le=1, description="Only pairs scoring at least this.")


class SuggestionFilters(Paging):
    action: ObjectId | None = Field(None, description="Only suggestions for this action.")


class FindingOut(Schema):
    id: int
    severity: str
    check: str
    subject: str
    message: str
    action_id: int | None


class PairedAction(Schema):
    id: int
    title: str
    owner: OrganisationRef
    partnership_slug: str


class PairOut(Schema):
    id: int
    action_a: PairedAction
    action_b: PairedAction
    score: float
    kind: str
    status: str
    cluster: int | None
    still_found: bool
    evidence: dict[str, Any]


class StrategyRef(Schema):
    id: int
    name: str
    number: int | None = None


class SuggestionOut(Schema):
    id: int
    action_id: int
    action_title: str
    priority: StrategyRef | None
    category: StrategyRef | None
    rank: int
    score: float
    status: str


class DecisionOut(Schema):
    id: int
    kind: str
    reason: str
    reason_is_internal: bool
    pair_ids: list[int]
    action_ids: list[int]
    joint_action_id: int | None
    decommissioned_ids: list[int]
    resources_freed: Decimal
    decided_by: str | None
    decided_at: dt.datetime
    reversed_by: str | None
    reversed_at: dt.datetime | None
    reversal_reason: str


class Page(Schema):
    count: int
    limit: int
    offset: int


class FindingPage(Page):
    items: list[FindingOut]


class PairPage(Page):
    items: list[PairOut]


class SuggestionPage(Page):
    items: list[SuggestionOut]


class DecisionPage(Page):
    items: list[DecisionOut]


class DecisionIn(InputSchema):
    kind: DecisionKindCode
    pair_ids: list[ObjectId] = Field(..., min_length=1, max_length=200,
                                     description="Every pair of the cluster, as the caller saw it.")
    reason: Title
    reason_is_internal: bool = False
    lead_id: ObjectId | None = Field(None, description="bring_together: the leading organisation.")
    title: Title | None = Field(None, description="bring_together: the joint action's title.")
    intended_outcome: Text = ""
    action_ids: list[ObjectId] = Field(default_factory=list, max_length=200,
                                       description="decommission: the actions to stop.")

    @model_validator(mode="after")
    def _what_the_kind_needs(self) -> DecisionIn:
        if self.kind == DecisionKindCode.bring_together and (self.lead_id is None or not self.title):
            raise ValueError("bring_together needs lead_id and title")
        if self.kind == DecisionKindCode.decommission and not self.action_ids:
            raise ValueError("decommission needs action_ids")
        return self


class ReverseIn(InputSchema):
    reason: Title
