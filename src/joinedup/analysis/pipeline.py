"""Run the whole analysis over one set of plans: the analyst's single call."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from joinedup.ingest.records import ActionRecord, StrategyRecord

from .health import check_plan
from .models import Finding, PrioritySuggestion, SuspectMapping, SynergyResult
from .priorities import flag_suspect_mappings, priority_space, suggest_priorities
from .synergies import find_synergies


@dataclass(frozen=True)
class AnalysisResult:
    """Everything the report shows, plus the inputs it needs to name things."""

    actions: list[ActionRecord]
    strategy: StrategyRecord
    synergies: SynergyResult
    priority_suggestions: list[PrioritySuggestion]
    suspect_mappings: list[SuspectMapping]
    findings: list[Finding]
    semantic: bool
    today: dt.date


def analyse(actions: Sequence[ActionRecord], strategy: StrategyRecord, *, today: dt.date,
            semantic: bool = False,
            place_parents: Mapping[str, str] | None = None) -> AnalysisResult:
    """Synergies, priority suggestions, doubtful mappings and health checks.

    `place_parents` (place -> the place containing it) lets a ward-level and a
    district-level action count as reaching the same place.
    """
    actions = list(actions)
    names = {p.number: p.name for p in strategy.priorities}
    space = priority_space(actions, strategy, semantic=semantic)
    return AnalysisResult(
        actions=actions, strategy=strategy,
        synergies=find_synergies(actions, semantic=semantic, priority_names=names,
                                 place_parents=place_parents),
        priority_suggestions=suggest_priorities(actions, strategy, semantic=semantic,
                                                space=space),
        suspect_mappings=flag_suspect_mappings(actions, strategy, semantic=semantic,
                                               space=space),
        findings=check_plan(actions, strategy, today=today),
        semantic=semantic, today=today,
    )
