"""Reading several partners' plans at once, for analysis without a database."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from joinedup.ingest.categories import DEFAULT_CATEGORIES
from joinedup.ingest.reader import read_plan
from joinedup.ingest.records import ActionRecord, Problem
from joinedup.ingest.references import referenced


@dataclass
class PlansRead:
    actions: list[ActionRecord] = field(default_factory=list)
    rejected: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)


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
        plans.actions += referenced(result)
        plans.rejected += result.rejected
        plans.warnings += result.warnings
    return plans
