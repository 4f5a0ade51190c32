"""Turn action and priority text into normalised strings for vectorising.

One place decides which fields are read and how they are cleaned, so the
synergy finder, the priority suggester and the evaluation all see the same text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from joinedup.ingest.records import ActionRecord, PriorityRecord

from .vocabulary import Vocabulary, default_vocabulary

_NON_WORD = re.compile(r"[^a-z0-9_&'\- ]+")
_SPACES = re.compile(r"\s+")


def normalise(text: str, vocabulary: Vocabulary | None = None) -> str:
    """Lower-case, map domain synonyms to canonical tokens, drop punctuation.

    Results for the shipped vocabulary are memoised: synergy finding and
    priority suggestion normalise the same action texts in one run.
    """
    if vocabulary is None:
        return _normalise_default(text)
    return _normalise(text, vocabulary)


@lru_cache(maxsize=300_000)
def _normalise_default(text: str) -> str:
    return _normalise(text, default_vocabulary())


def _normalise(text: str, vocab: Vocabulary) -> str:
    lowered = _SPACES.sub(" ", text.lower().replace("\u2019", "'"))
    replaced = vocab.replace(lowered)
    return _SPACES.sub(" ", _NON_WORD.sub(" ", replaced)).strip()


def _join(parts: Iterable[str]) -> str:
    return " . ".join(p for p in parts if p)


def action_text(action: ActionRecord) -> str:
    """Everything that says what an action is for: the retrieval text."""
    return _join(
        [action.title, action.description, action.intended_outcome,
         action.outcome_measures, action.lead_role]
    )


def outcome_text(action: ActionRecord) -> str:
    """What the action wants to change: title, outcome and its measures."""
    return _join([action.title, action.intended_outcome, action.outcome_measures])


def priority_text(priority: PriorityRecord) -> str:
    """A priority's name and description (synonyms expand it on normalising)."""
    return _join([priority.name, priority.description])

