"""Reading several partners' plans at once, for analysis without a database."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from joinedup.ingest.reader import read_plan
from joinedup.ingest.records import ActionRecord, Problem
from joinedup.ingest.references import referenced


@dataclass
class PlansRead:
    actions: list[ActionRecord] = field(default_factory=list)
    rejected: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)


def read_plans(paths: list[str | os.PathLike[str]]) -> PlansRead:
    """Every plan's actions; the partner is the file's Partner column, else the file name.

    Raises IngestError for the first file that cannot be read at all.
    """
    plans = PlansRead()
    for path in paths:
        result = read_plan(path, partner=Path(path).stem)
        plans.actions += referenced(result)
        plans.rejected += result.rejected
        plans.warnings += result.warnings
    return plans
