"""Request and response shapes of actions and their progress updates.

Field names are the stored column names, so what a client reads it can send
back. Links are given the way people name them: priorities by their number in
the strategy, population groups by code, categories and owners by id. Every
value a database could choke on (NUL characters, ids beyond 64 bits, negative
money) is refused here with a 422 naming the field.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from enum import Enum, StrEnum
from typing import Annotated

from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.validators import URLValidator
from ninja import Field, Schema
from pydantic import AfterValidator, StringConstraints, field_validator, model_validator

from joinedup.api.schemas import InputSchema, OrganisationRef
from joinedup.api.scoping import MAX_ID
from joinedup.ingest.records import POPULATION_GROUPS, STATUSES

StatusCode = Enum("StatusCode", {code: code for code in STATUSES}, type=str)
GroupCode = Enum("GroupCode", {code: code for code in POPULATION_GROUPS}, type=str)


class BoardRoleCode(StrEnum):
    drive = "drive"
    sponsor = "sponsor"
    observe = "observe"


def _no_nul(text: str) -> str:
    if "\x00" in text:
        raise ValueError("must not contain NUL characters")
    return text


def _web_address(text: str) -> str:
    try:
        URLValidator(schemes=["http", "https"])(text)
    except DjangoValidationError:
        raise ValueError("must be a web address starting https:// or http://") from None
    return text


Text = Annotated[str, AfterValidator(_no_nul)]
Line = Annotated[str, StringConstraints(max_length=200), AfterValidator(_no_nul)]
Title = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1), AfterValidator(_no_nul)]
ObjectId = Annotated[int, Field(ge=1, le=MAX_ID)]
PriorityNumber = Annotated[int, Field(ge=0, le=2**31 - 1)]
AreaCode = Annotated[str, StringConstraints(pattern=r"^[EWSN][0-9]{8}$")]
WebLink = Annotated[str, StringConstraints(max_length=2000), AfterValidator(_web_address)]
Money = Annotated[Decimal, Field(ge=0, max_digits=14, decimal_places=2)]
Day = Annotated[dt.date, Field(ge=dt.date(1900, 1, 1), le=dt.date(2999, 12, 31))]


class Milestone(InputSchema):
    date: Day | None = None
    text: Annotated[str, StringConstraints(min_length=1), AfterValidator(_no_nul)]


class ActionFields(InputSchema):
    """Every writable field, with the defaults of a new action."""

    external_ref: Line = ""
    description: Text = ""
    intended_outcome: Text = ""
    lead_name: Text = Field("", description="Who leads (accountability 1).")
    lead_role: Text = ""
    resource_amount: Money | None = Field(None, description="Resourcing (accountability 2), in pounds.")
    resource_amount_text: Text = ""
    resource_staff_time: Text = ""
    resource_funding_source: Text = ""
    resource_notes: Text = ""
    outcome_measures: Text = Field("", description="Outcome measures (accountability 3).")
    start_date: Day | None = Field(None, description="Timeline (accountability 4).")
    start_text: Text = ""
    end_date: Day | None = None
    end_text: Text = ""
    milestones: list[Milestone] = []
    barriers: Text = Field("", description="Barriers (accountability 5).")
    barriers_mitigation: Text = ""
    status: StatusCode = Field(StatusCode("not_started"), description="Progress so far (accountability 6).")
    board_role: BoardRoleCode = BoardRoleCode.observe
    priorities: list[PriorityNumber] = Field([], description="Numbers of the strategy's priorities.")
    categories: list[ObjectId] = Field([], description="Ids of contribution categories.")
    population_groups: list[GroupCode] = []
    whole_area: bool = False
    area_codes: list[AreaCode] = Field([], description="ONS GSS codes, like E07000061.")
    places_text: Text = ""
    evidence: Text = ""
    evidence_links: list[WebLink] = []


class ActionIn(ActionFields):
    owner_id: ObjectId
    title: Title

    @model_validator(mode="after")
    def _ends_after_start(self) -> ActionIn:
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValueError("end_date must be the same as or after start_date")
        return self


NULLABLE = ("resource_amount", "start_date", "end_date")
NOT_NULL = (*(name for name in ActionFields.model_fields if name not in NULLABLE), "title")


class ActionPatch(ActionFields):
    """Only the fields sent are changed; `version` is the version the client read."""

    version: Annotated[int, Field(ge=1, le=2**31 - 1)]
    title: Title = None  # type: ignore[assignment]

    @field_validator(*NOT_NULL, mode="before")
    @classmethod
    def _not_null(cls, value):
        if value is None:
            raise ValueError("may be left out but not null")
        return value


class PriorityRef(Schema):
    id: int
    number: int
    name: str


class CategoryRef(Schema):
    id: int
    name: str


class ActionSummary(Schema):
    id: int
    owner: OrganisationRef
    plan_id: int | None
    external_ref: str
    title: str
    status: str
    priorities: list[int]
    version: int
    updated: dt.datetime


class ActionOut(ActionSummary):
    description: str
    intended_outcome: str
    lead_name: str
    lead_role: str
    resource_amount: Decimal | None
    resource_amount_text: str
    resource_staff_time: str
    resource_funding_source: str
    resource_notes: str
    outcome_measures: str
    start_date: dt.date | None
    start_text: str
    end_date: dt.date | None
    end_text: str
    milestones: list[dict]
    barriers: str
    barriers_mitigation: str
    board_role: str
    progress_note: str
    progress_date: dt.date | None
    priority_details: list[PriorityRef]
    categories: list[CategoryRef]
    population_groups: list[str]
    whole_area: bool
    area_codes: list[str]
    places_text: str
    evidence: str
    evidence_links: list[str]
    created: dt.datetime


class ActionPage(Schema):
    count: int
    limit: int
    offset: int
    items: list[ActionSummary]


class ActionFilters(Schema):
    priority: PriorityNumber | None = Field(None, description="Priority number in the strategy.")
    partner: ObjectId | None = Field(None, description="Owning organisation id.")
    category: ObjectId | None = None
    status: StatusCode | None = None
    population_group: GroupCode | None = None
    q: Annotated[str, StringConstraints(max_length=200), AfterValidator(_no_nul)] | None = Field(
        None, description="Words in the title, description, intended outcome or reference.")
    updated_since: dt.datetime | None = None
    limit: int = Field(50, ge=1, le=500)
    offset: int = Field(0, ge=0, le=2**31 - 1)

    @field_validator("updated_since")
    @classmethod
    def _plausible(cls, value: dt.datetime | None) -> dt.datetime | None:
        """Years 1900-2999 only: the extremes overflow when converted to UTC for the database."""
        if value is not None and not 1900 <= value.year <= 2999:
            raise ValueError("must be between the years 1900 and 2999")
        return value


class ConflictOut(Schema):
    detail: str
    current_version: int
    changed_by: str
    changed_at: dt.datetime
    changed_fields: list[str]


class ProgressIn(InputSchema):
    date: Day
    status: StatusCode
    note: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1), AfterValidator(_no_nul)]

    @field_validator("date")
    @classmethod
    def _not_in_future(cls, value: dt.date) -> dt.date:
        if value > dt.date.today():
            raise ValueError("must be today or in the past")
        return value


class ProgressOut(Schema):
    id: int
    action_id: int
    date: dt.date
    status: str
    note: str
    author: str | None
    created: dt.datetime
    action_version: int | None = None
