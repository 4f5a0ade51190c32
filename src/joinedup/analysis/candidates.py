"""Candidate pairs and their features: retrieval before judgement.

Only the top-k nearest actions of other partners are considered for each
action (sparse TF-IDF products, plus dense embedding products when semantic),
so the cost grows with n*k rather than n*n.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from joinedup.ingest.records import ActionRecord

from . import semantic as semantic_model
from .features import PairFeatures, pair_features, topics
from .lexical import LexicalIndex, build_index, retrieval_matrices, sparse_top_k
from .overlap import LinkIndex, PlaceTree, build_link_index, link_text
from .text import action_text, normalise, outcome_text


@dataclass(frozen=True)
class Candidates:
    """Everything later steps need: the index, embeddings and pair features."""

    index: LexicalIndex
    embeddings: np.ndarray | None
    features: PairFeatures
    texts: list[str]
    links: LinkIndex


def partner_groups(actions: Sequence[ActionRecord]) -> np.ndarray:
    """Integer partner id per action (pairs within one partner are never made)."""
    _, inverse = np.unique([a.partner for a in actions], return_inverse=True)
    return inverse.astype(np.int64)


def _undirected(rows: np.ndarray, cols: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    left, right = np.minimum(rows, cols), np.maximum(rows, cols)
    pairs = np.unique(np.column_stack([left, right]), axis=0) if len(left) else np.empty((0, 2))
    return pairs[:, 0].astype(np.int64), pairs[:, 1].astype(np.int64)


def embedding_text(action: ActionRecord) -> str:
    """Title, intended outcome and outcome measures, embedded together."""
    return ". ".join(p for p in (action.title, action.intended_outcome,
                                 action.outcome_measures) if p)


def build_candidates(actions: Sequence[ActionRecord], *, semantic: bool = False,
                     top_k: int = 10, places: PlaceTree | None = None) -> Candidates:
    """Retrieve top-k neighbours per action and compute pair features.

    `places` says which places contain which (wards in districts); without it
    two places overlap only when they are the same.
    """
    texts = [normalise(action_text(a)) for a in actions]
    index = build_index(texts)
    outcome_words = build_index([normalise(outcome_text(a)) for a in actions],
                                ngrams=False).words
    groups = partner_groups(actions)
    queries, targets = retrieval_matrices(index)
    rows, cols, _ = sparse_top_k(queries, groups, top_k, targets=targets)
    embeddings = None
    if semantic:
        embeddings = semantic_model.embed([embedding_text(a) for a in actions])
        s_rows, s_cols, _ = semantic_model.dense_top_k(embeddings, groups, top_k)
        rows, cols = np.r_[rows, s_rows], np.r_[cols, s_cols]
    left, right = _undirected(rows, cols)
    links = build_link_index([normalise(a.title) for a in actions],
                             [link_text(action_text(a)) for a in actions])
    features = pair_features(actions, index, outcome_words, left, right, groups,
                             [topics(t) for t in texts], embeddings, links=links,
                             places=places)
    return Candidates(index=index, embeddings=embeddings, features=features, texts=texts,
                      links=links)
