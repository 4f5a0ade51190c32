"""Score labels (priorities or categories) for actions.

Two sources of evidence are blended: how close an action is to the label's
own words (name and description, with domain synonyms), and how close it is to
actions people have already mapped to that label (k nearest neighbours and the
label's centroid). The more confirmed mappings there are, the more weight they
get, because they show how this partnership uses its own labels.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp
from sklearn.preprocessing import normalize

NEIGHBOURS = 10
SECONDARY_WEIGHT = 0.5
PRIOR_PER_LABEL = 2.0
"""Confirmed actions per label at which neighbours and label text weigh equally."""


@dataclass(frozen=True)
class LabelSpace:
    """Action and label vectors in one space (lexical, plus optional embeddings)."""

    actions: sp.csr_matrix
    labels: sp.csr_matrix
    dense_actions: np.ndarray | None = None
    dense_labels: np.ndarray | None = None
    queries: sp.csr_matrix | None = None
    """Pruned vectors for neighbour search on large sets (see lexical.retrieval_matrices)."""
    targets: sp.csr_matrix | None = None


def _similarity(space: LabelSpace, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
    """Action-to-action similarity: lexical cosine, averaged with embeddings if present."""
    sims = (space.actions[rows] @ space.actions[cols].T).toarray()
    if space.dense_actions is not None:
        sims = (sims + space.dense_actions[rows] @ space.dense_actions[cols].T) / 2
    return sims


def _prior(space: LabelSpace, rows: np.ndarray) -> np.ndarray:
    sims = (space.actions[rows] @ space.labels.T).toarray()
    if space.dense_actions is not None:
        sims = (sims + np.clip(space.dense_actions[rows] @ space.dense_labels.T, 0, 1)) / 2
    return sims


def label_matrix(assigned: Sequence[Sequence[int]], n_labels: int) -> np.ndarray:
    """Confirmed x label weights: 1 for the main (first) label, less for others."""
    matrix = np.zeros((len(assigned), n_labels))
    for row, labels in enumerate(assigned):
        for position, label in enumerate(labels):
            matrix[row, label] = max(matrix[row, label],
                                     1.0 if position == 0 else SECONDARY_WEIGHT)
    return matrix


def score_labels(space: LabelSpace, targets: np.ndarray, confirmed: np.ndarray,
                 assigned: Sequence[Sequence[int]], chunk: int = 512,
                 centroids: bool = True) -> np.ndarray:
    """targets x labels scores in [0, 1]; a target never counts as its own neighbour.

    Pass centroids=False when targets are themselves confirmed (leave-one-out):
    a centroid would contain the target.
    """
    n_labels = space.labels.shape[0]
    weights = label_matrix(assigned, n_labels)
    blend = len(confirmed) / (len(confirmed) + PRIOR_PER_LABEL * n_labels)
    centre = _centroids(space, confirmed, weights) if centroids else None
    out = np.zeros((len(targets), n_labels))
    for start in range(0, len(targets), chunk):
        rows = targets[start:start + chunk]
        prior = _prior(space, rows)
        if len(confirmed) == 0:
            out[start:start + chunk] = prior
            continue
        learned = _neighbour_votes(space, rows, confirmed, weights)
        if centre is not None:
            learned = (learned + (space.actions[rows] @ centre.T).toarray()) / 2
        out[start:start + chunk] = blend * learned + (1 - blend) * prior
    return np.clip(out, 0.0, 1.0)


def _centroids(space: LabelSpace, confirmed: np.ndarray, weights: np.ndarray) -> sp.csr_matrix:
    if len(confirmed) == 0:
        return sp.csr_matrix(space.labels.shape)
    main = sp.csr_matrix((weights == 1.0).astype(np.float32))
    return normalize((main.T @ space.actions[confirmed]).tocsr())


def _neighbour_votes(space: LabelSpace, rows: np.ndarray, confirmed: np.ndarray,
                     weights: np.ndarray) -> np.ndarray:
    if space.queries is not None and space.dense_actions is None:
        return _sparse_votes(space, rows, confirmed, weights)
    sims = _similarity(space, rows, confirmed)
    sims[rows[:, None] == confirmed[None, :]] = -np.inf
    k = min(NEIGHBOURS, sims.shape[1])
    nearest = np.argpartition(-sims, k - 1, axis=1)[:, :k]
    near_sims = np.clip(np.take_along_axis(sims, nearest, axis=1), 0, None)
    votes = np.einsum("rk,rkl->rl", near_sims, weights[nearest])
    return votes / np.maximum(near_sims.sum(axis=1, keepdims=True), 1e-9)


def _sparse_votes(space: LabelSpace, rows: np.ndarray, confirmed: np.ndarray,
                  weights: np.ndarray) -> np.ndarray:
    """Neighbour votes from a sparse product, for sets too large for dense blocks."""
    block = (space.queries[rows] @ space.targets[confirmed].T).tocsr()
    votes = np.zeros((len(rows), weights.shape[1]))
    for position in range(len(rows)):
        lo, hi = block.indptr[position], block.indptr[position + 1]
        cols, sims = block.indices[lo:hi], block.data[lo:hi]
        own = confirmed[cols] == rows[position]
        cols, sims = cols[~own], sims[~own]
        if len(cols) > NEIGHBOURS:
            best = np.argpartition(-sims, NEIGHBOURS - 1)[:NEIGHBOURS]
            cols, sims = cols[best], sims[best]
        if len(cols):
            votes[position] = sims @ weights[cols] / max(float(sims.sum()), 1e-9)
    return votes
