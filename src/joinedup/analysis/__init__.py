"""Similarity, synergy and duplication finding, priority suggestion and plan health.

Plain records in (`joinedup.ingest.records`), plain results out; no Django.
"""

from __future__ import annotations

from .health import check_plan
from .models import (
    CandidatePair,
    CategorySuggestion,
    Cluster,
    Evidence,
    Finding,
    PrioritySuggestion,
    SuspectMapping,
    SynergyResult,
)
from .pipeline import AnalysisResult, analyse
from .priorities import flag_suspect_mappings, suggest_categories, suggest_priorities
from .report import write_outputs
from .synergies import find_synergies

__all__ = [
    "AnalysisResult", "CandidatePair", "CategorySuggestion", "Cluster", "Evidence", "Finding",
    "PrioritySuggestion", "SuspectMapping", "SynergyResult", "analyse", "check_plan",
    "find_synergies", "flag_suspect_mappings", "suggest_categories", "suggest_priorities",
    "write_outputs",
]
