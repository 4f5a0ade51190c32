"""Pair features for the calibration model: similarities, ranks, agreement.

Each candidate pair gets a fixed vector of numbers. Similarities say how close
the texts are; rank features say whether this is the closest action in the
other partner's plan (duplicates usually are); agreement features say whether
the plans already give the same priorities, places and population groups.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import scipy.sparse as sp

from joinedup.ingest.records import ActionRecord

from .lexical import LexicalIndex, rowwise_cosine
from .vocabulary import default_vocabulary

LEXICAL_FEATURES: tuple[str, ...] = (
    "lex_combined", "lex_words", "lex_outcome", "best_in_partner", "gap",
    "same_priority", "same_place", "same_group", "same_category", "same_main_priority",
    "shared_topics",
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


def _membership(values: Sequence[Sequence[object]]) -> sp.csr_matrix:
    """Binary action x value matrix (one column per distinct value)."""
    columns: dict[object, int] = {}
    indices, indptr = [], [0]
    for row in values:
        indices.extend(columns.setdefault(v, len(columns)) for v in dict.fromkeys(row))
        indptr.append(len(indices))
    data = np.ones(len(indices), dtype=np.float32)
    return sp.csr_matrix((data, indices, indptr), shape=(len(values), max(len(columns), 1)))


def _common(matrix: sp.csr_matrix, left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """How many values each pair shares (chunked row-wise products)."""
    common = np.zeros(len(left))
    for start in range(0, len(left), 200_000):
        stop = start + 200_000
        product = matrix[left[start:stop]].multiply(matrix[right[start:stop]])
        common[start:stop] = np.asarray(product.sum(axis=1)).ravel()
    return common


def set_agreement(values: Sequence[Sequence[object]], left: np.ndarray,
                  right: np.ndarray) -> np.ndarray:
    """Vectorised `_jaccard` for many pairs: -1 disjoint .. 1 identical, 0 unknown."""
    matrix = _membership(values)
    sizes = np.diff(matrix.indptr).astype(np.float64)
    common = _common(matrix, left, right)
    union = sizes[left] + sizes[right] - common
    known = (sizes[left] > 0) & (sizes[right] > 0)
    return np.where(known, 2 * common / np.maximum(union, 1) - 1, 0.0)


def agreement(actions: Sequence[ActionRecord], left: np.ndarray, right: np.ndarray,
              action_topics: Sequence[frozenset[str]]) -> np.ndarray:
    """Agreement of priorities, places, groups, categories and domain topics per pair."""
    whole = np.array([a.whole_area for a in actions])
    has_codes = np.array([bool(a.area_codes) for a in actions])
    places = set_agreement([a.area_codes for a in actions], left, right)
    one_whole = whole[left] ^ whole[right]
    partial = one_whole & (has_codes[left] | has_codes[right])
    places = np.where(whole[left] & whole[right], 1.0,
                      np.where(one_whole, np.where(partial, 0.5, 0.0), places))
    main = np.array([a.priority_numbers[0] if a.priority_numbers else -1 for a in actions])
    known = (main[left] >= 0) & (main[right] >= 0)
    same_main = np.where(known, np.where(main[left] == main[right], 1.0, -1.0), 0.0)
    common_topics = _common(_membership([tuple(t) for t in action_topics]), left, right)
    return np.column_stack([
        set_agreement([a.priority_numbers for a in actions], left, right),
        places,
        set_agreement([a.population_groups for a in actions], left, right),
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
    spread = float(values.std()) or 1.0
    return (values - float(values.mean())) / spread


def pair_features(actions: Sequence[ActionRecord], index: LexicalIndex,
                  outcome_words: sp.csr_matrix, left: np.ndarray, right: np.ndarray,
                  groups: np.ndarray, action_topics: Sequence[frozenset[str]],
                  embeddings: np.ndarray | None = None) -> PairFeatures:
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
        gap = gap / (float(np.std(lex)) or 1.0)
    columns += [best, gap]
    values = np.column_stack([*columns, agreement(actions, left, right, action_topics), *extra])
    names = LEXICAL_FEATURES if embeddings is None else SEMANTIC_FEATURES
    return PairFeatures(left=left, right=right, names=names, values=values.astype(np.float64))
