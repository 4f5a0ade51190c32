"""Reading several partners' plans at once, for analysis without a database."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from joinedup.ingest.categories import DEFAULT_CATEGORIES
from joinedup.ingest.leads import lead_organisation
from joinedup.ingest.reader import SheetMapping, read_plan
from joinedup.ingest.records import ActionRecord, Problem
from joinedup.ingest.references import referenced


@dataclass(frozen=True)
class PlanFileRead:
    """What was read from one file: the partner, each sheet's columns, and the counts."""

    file: str
    partner: str
    actions: int
    rejected: int
    warnings: int
    sheets: tuple[SheetMapping, ...]


@dataclass
class PlansRead:
    actions: list[ActionRecord] = field(default_factory=list)
    rejected: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    files: list[PlanFileRead] = field(default_factory=list)


def read_plans(paths: list[str | os.PathLike[str]], *,
               categories: Sequence[str] = DEFAULT_CATEGORIES,
               priorities: Sequence[tuple[int, str]] = ()) -> PlansRead:
    """Every plan's actions; the partner is the file's Partner column, else the file name.

    `categories` and `priorities` (number, name) are the strategy's, so cells
    naming them in words are read. Raises IngestError for the first file that
    cannot be read at all.
    """
    plans = PlansRead()
    for path in paths:
        result = read_plan(path, partner=Path(path).stem, categories=categories,
                           priorities=priorities)
        actions = referenced(result)
        plans.actions += actions
        plans.rejected += result.rejected
        plans.warnings += result.warnings
        partners = dict.fromkeys(a.partner for a in actions) or {Path(path).stem: None}
        plans.files.append(PlanFileRead(
            file=Path(path).name, partner=", ".join(partners), actions=len(actions),
            rejected=len(result.rejected), warnings=len(result.warnings),
            sheets=tuple(result.sheets)))
    return plans


def partners_from_leads(actions: list[ActionRecord]) -> list[ActionRecord] | None:
    """One combined plan: partners told apart by the organisation each Lead names.

    When every action has the same partner (one file, no Partner column), there
    is nothing to compare across partners. Many published plans are like that,
    with a Lead column naming who does what ("Public Health, Council", "ICB",
    "Police"). Returns the actions with the kind of organisation their lead
    names as partner (others keep theirs), or None when that does not give at
    least two partners.
    """
    if len({a.partner for a in actions}) != 1:
        return None
    relabelled = []
    for action in actions:
        kind = lead_organisation(f"{action.lead_name} {action.lead_role}")
        relabelled.append(replace(action, partner=kind) if kind else action)
    return relabelled if len({a.partner for a in relabelled}) >= 2 else None
