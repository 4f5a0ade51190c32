"""Read partners' action plans (xlsx, xls, ods, csv, docx tables) and strategy files into plain records.

Pure Python: never imports Django. Everything a caller needs is re-exported here.
"""

from __future__ import annotations

from joinedup.ingest.categories import DEFAULT_CATEGORIES
from joinedup.ingest.errors import IngestError
from joinedup.ingest.export import write_actions_xlsx
from joinedup.ingest.fields import CANONICAL_HEADERS, FIELDS, SYNONYMS
from joinedup.ingest.reader import PlanReadResult, SheetMapping, read_plan
from joinedup.ingest.records import (
    POPULATION_GROUPS,
    STATUSES,
    ActionRecord,
    Location,
    Milestone,
    PriorityRecord,
    Problem,
    StrategyRecord,
    ThemeRecord,
)
from joinedup.ingest.strategy import dump_strategy, load_strategy

__all__ = [
    "CANONICAL_HEADERS",
    "DEFAULT_CATEGORIES",
    "FIELDS",
    "POPULATION_GROUPS",
    "STATUSES",
    "SYNONYMS",
    "ActionRecord",
    "IngestError",
    "Location",
    "Milestone",
    "PlanReadResult",
    "PriorityRecord",
    "Problem",
    "SheetMapping",
    "StrategyRecord",
    "ThemeRecord",
    "dump_strategy",
    "load_strategy",
    "read_plan",
    "write_actions_xlsx",
]
