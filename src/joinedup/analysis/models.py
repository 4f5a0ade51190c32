"""Result records of the analysis: plain frozen dataclasses, no behaviour."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

ActionKey = tuple[str, str]
"""(partner, reference): how every result names an action."""


@dataclass(frozen=True)
class Evidence:
    """Why two actions were put side by side, for a person to judge."""

    shared_phrases: list[str]
    shared_priorities: list[int]
    shared_places: list[str]
    shared_groups: list[str]
    lexical_score: float
    semantic_score: float | None
    reasons: list[str]


@dataclass(frozen=True)
class CandidatePair:
    """Two actions from different partners with a calibrated match probability."""

    a: ActionKey
    b: ActionKey
    score: float
    kind: str  # "duplicate" | "synergy"
    evidence: Evidence


@dataclass(frozen=True)
class Cluster:
    """Actions joined by accepted pairs, with what to do about them."""

    actions: list[ActionKey]
    kind: str
    suggestion: str  # "bring_together" | "decommission"
    text: str
    decommission: list[ActionKey] = field(default_factory=list)
    resources_freed: Decimal = Decimal(0)


@dataclass(frozen=True)
class SynergyResult:
    pairs: list[CandidatePair]
    clusters: list[Cluster]


@dataclass(frozen=True)
class PrioritySuggestion:
    """Ranked priorities (or categories) for one action; empty means no good match."""

    action: ActionKey
    ranked: list[tuple[int, float]]
    no_good_match: bool
    reason: str = ""


@dataclass(frozen=True)
class CategorySuggestion:
    action: ActionKey
    ranked: list[tuple[str, float]]
    no_good_match: bool
    reason: str = ""


@dataclass(frozen=True)
class SuspectMapping:
    """An existing priority mapping that looks wrong, with the better fit."""

    action: ActionKey
    given: int
    given_score: float
    better: int
    better_score: float
    message: str


@dataclass(frozen=True)
class Finding:
    """One plan health check result."""

    severity: str  # "high" | "medium" | "low"
    check: str
    subject: str
    message: str
