"""Pair features for the calibration model: similarities, ranks, agreement.

Each candidate pair gets a fixed vector of numbers. Similarities say how close
the texts are; rank features say whether this is the closest action in the
other partner's plan (duplicates usually are); agreement features say whether
the plans already give the same priorities, whether the places and the people
overlap (overlap.py), and whether one action names the other as where it
refers people or as its venue or partner.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import scipy.sparse as sp

from joinedup.ingest.records import ActionRecord

from .lexical import LexicalIndex, rowwise_cosine
from .overlap import (
    LinkIndex,
    PlaceTree,
    common_counts,
    group_overlap,
    membership,
    named_link,
    place_overlap,
)
from .vocabulary import default_vocabulary

LEXICAL_FEATURES: tuple[str, ...] = (
    "lex_combined", "lex_words", "lex_outcome", "best_in_partner", "gap",
    "same_priority", "place_overlap", "group_overlap", "same_category", "same_main_priority",
    "shared_topics", "named_link",
)
SEMANTIC_FEATURES: tuple[str, ...] = (*LEXICAL_FEATURES, "sem", "sem_best_in_partner",
                                      "lex_best_in_partner")
GENERIC_TOKENS = frozenset({"reduce", "increase", "support", "deliver", "service", "residents",
                            "prevention", "awareness", "referral", "uptake", "workforce",
                            "commissioning", "wellbeing", "integrated_care"})
"""Canonical tokens too general to count as a shared topic."""


@dataclass(frozen=True)
class PairFeatures:
    """Feature matrix for candidate pairs (rows) i<j, named columns."""

    left: np.ndarray
    right: np.ndarray
    names: tuple[str, ...]
    values: np.ndarray

    def column(self, name: str) -> np.ndarray:
        return self.values[:, self.names.index(name)]


def topics(normalised: str) -> frozenset[str]:
    """Specific canonical domain tokens in a normalised text."""
    return frozenset(t for t in normalised.split() if "_" in t or t in _single_tokens()) \
        - GENERIC_TOKENS


@lru_cache(maxsize=1)
def _single_tokens() -> frozenset[str]:
    return frozenset(default_vocabulary().canonical.values())


def set_agreement(values: Sequence[Sequence[object]], left: np.ndarray,
                  right: np.ndarray) -> np.ndarray:
    """Jaccard agreement for many pairs: -1 disjoint .. 1 identical, NaN when unknown."""
    matrix = membership(values)
    sizes = np.diff(matrix.indptr).astype(np.float64)
    common = common_counts(matrix, left, right)
    union = sizes[left] + sizes[right] - common
    known = (sizes[left] > 0) & (sizes[right] > 0)
    return np.where(known, 2 * common / np.maximum(union, 1) - 1, np.nan)


def agreement(actions: Sequence[ActionRecord], left: np.ndarray, right: np.ndarray,
              action_topics: Sequence[frozenset[str]],
              places: PlaceTree | None = None) -> np.ndarray:
    """Agreement of priorities, places, groups, categories and domain topics per pair.

    Where a plan does not say (no priority, no place), the value is NaN: the
    model then counts it as neither agreement nor disagreement.
    """
    main = np.array([a.priority_numbers[0] if a.priority_numbers else -1 for a in actions])
    known = (main[left] >= 0) & (main[right] >= 0)
    same_main = np.where(known, np.where(main[left] == main[right], 1.0, -1.0), np.nan)
    common_topics = common_counts(membership([tuple(t) for t in action_topics]), left, right)
    return np.column_stack([
        set_agreement([a.priority_numbers for a in actions], left, right),
        place_overlap(actions, left, right, places),
        group_overlap(actions, left, right),
        set_agreement([a.categories for a in actions], left, right),
        same_main,
        np.minimum(common_topics, 3) / 3,
    ]).astype(np.float32)


def rank_features(left: np.ndarray, right: np.ndarray, score: np.ndarray,
                  groups: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Is each pair the best match within the other partner's plan, and its gap.

    Looked at from both ends: returns the mean over the two directions of
    (1 if best within that partner else 0) and of (score - best score of the row).
    """
    src = np.r_[left, right]
    dst = np.r_[right, left]
    both = np.r_[score, score]
    order = np.lexsort((-both, groups[dst], src))
    first = np.r_[True, (np.diff(src[order]) != 0) | (np.diff(groups[dst][order]) != 0)]
    best_flag = np.empty(len(src), dtype=np.float32)
    best_flag[order] = first
    row_best = np.full(int(src.max(initial=0)) + 1, -np.inf)
    np.maximum.at(row_best, src, both)
    gap = both - row_best[src]
    n = len(left)
    return (best_flag[:n] + best_flag[n:]) / 2, (gap[:n] + gap[n:]) / 2


def standardise(values: np.ndarray) -> np.ndarray:
    """z-scores over the candidate population (the fusion scale)."""
    spread = (float(values.std()) if len(values) else 0.0) or 1.0
    return (values - float(values.mean())) / spread


def pair_features(actions: Sequence[ActionRecord], index: LexicalIndex,
                  outcome_words: sp.csr_matrix, left: np.ndarray, right: np.ndarray,
                  groups: np.ndarray, action_topics: Sequence[frozenset[str]],
                  embeddings: np.ndarray | None = None, *, links: LinkIndex,
                  places: PlaceTree | None = None) -> PairFeatures:
    """Compute the feature matrix for the given candidate pairs."""
    lex = rowwise_cosine(index.combined, left, right)
    words = rowwise_cosine(index.words, left, right)
    outcome = rowwise_cosine(outcome_words, left, right)
    columns = [lex, words, outcome]
    if embeddings is None:
        ranking = lex
        extra: list[np.ndarray] = []
    else:
        sem = np.einsum("ij,ij->i", embeddings[left], embeddings[right])
        ranking = (standardise(lex) + standardise(sem)) / 2
        extra = [sem, rank_features(left, right, sem, groups)[0],
                 rank_features(left, right, lex, groups)[0]]
    best, gap = rank_features(left, right, ranking, groups)
    if embeddings is None:
        gap = gap / ((float(np.std(lex)) if len(lex) else 0.0) or 1.0)
    columns += [best, gap]
    values = np.column_stack([*columns, agreement(actions, left, right, action_topics, places),
                              named_link(links, left, right), *extra])
    names = LEXICAL_FEATURES if embeddings is None else SEMANTIC_FEATURES
    return PairFeatures(left=left, right=right, names=names, values=values.astype(np.float64))
