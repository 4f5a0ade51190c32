"""Score labels (priorities or categories) for actions.

Each label is represented by a prototype: its own words (name and
description, expanded by the domain synonyms) counted as one example, plus
every action people have confirmed under it as its main label (Rocchio's
method). An action's score is its cosine to each prototype, in TF-IDF space
and, when available, sentence-embedding space (averaged). With no confirmed
actions this is plain zero-shot similarity to the label's words; as
confirmations accumulate the prototype moves towards how this partnership
actually uses its labels, with no weight to tune.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

LABEL_TEXT_WEIGHT = 1.0
"""The label's own words count as this many confirmed examples."""


@dataclass(frozen=True)
class LabelSpace:
    """Action and label vectors in one space (lexical, plus optional embeddings)."""

    actions: sp.csr_matrix
    labels: sp.csr_matrix
    dense_actions: np.ndarray | None = None
    dense_labels: np.ndarray | None = None


def label_matrix(assigned: Sequence[Sequence[int]], n_labels: int) -> np.ndarray:
    """Confirmed x label weights: 1 for the main (first) label only.

    Secondary labels are left out of the prototypes: they blur two labels
    together and made the main label harder to pick.
    """
    matrix = np.zeros((len(assigned), n_labels))
    for row, labels in enumerate(assigned):
        if labels:
            matrix[row, labels[0]] = 1.0
    return matrix


def score_labels(space: LabelSpace, targets: np.ndarray, confirmed: np.ndarray,
                 assigned: Sequence[Sequence[int]], chunk: int = 4_096,
                 centroids: bool = True) -> np.ndarray:
    """targets x labels scores in [0, 1].

    Pass centroids=False when targets are themselves confirmed: each target's
    own contribution is then taken out of the prototypes (leave-one-out).
    """
    weights = label_matrix(assigned, space.labels.shape[0])
    own = _own_weights(targets, confirmed, weights) if not centroids else None
    spaces = [(space.actions, space.labels)]
    if space.dense_actions is not None and space.dense_labels is not None:
        spaces.append((space.dense_actions, space.dense_labels))
    out = np.zeros((len(targets), space.labels.shape[0]))
    for vectors, labels in spaces:
        out += _prototype_cosines(vectors, labels, targets, confirmed, weights, own, chunk)
    return np.clip(out / len(spaces), 0.0, 1.0)


def _own_weights(targets: np.ndarray, confirmed: np.ndarray,
                 weights: np.ndarray) -> np.ndarray:
    """Weight of each target in each prototype (zero for unconfirmed targets)."""
    row_of = {int(c): n for n, c in enumerate(confirmed)}
    own = np.zeros((len(targets), weights.shape[1]))
    for n, t in enumerate(targets.tolist()):
        if t in row_of:
            own[n] = weights[row_of[t]]
    return own


def _prototype_cosines(vectors, labels, targets: np.ndarray, confirmed: np.ndarray,
                       weights: np.ndarray, own: np.ndarray | None, chunk: int) -> np.ndarray:
    """Cosine of each target to each (unnormalised) prototype sum, optionally leave-one-out.

    Rows of `vectors` and `labels` are unit length, so with S the prototype sum
    and x a target of weight w in it: cos = (x.S - w) / sqrt(|S|^2 - 2w x.S + w^2).
    """
    sums = sp.csr_matrix(weights.T) @ vectors[confirmed] + LABEL_TEXT_WEIGHT * labels
    if sp.issparse(sums):
        sums = sp.csr_matrix(sums)
        norms_sq = np.asarray(sums.multiply(sums).sum(axis=1)).ravel()
    else:
        sums = np.asarray(sums)
        norms_sq = (sums * sums).sum(axis=1)
    out = np.zeros((len(targets), weights.shape[1]))
    for start in range(0, len(targets), chunk):
        rows = targets[start:start + chunk]
        dots = vectors[rows] @ sums.T
        dots = dots.toarray() if sp.issparse(dots) else np.asarray(dots)
        if own is None:
            out[start:start + chunk] = dots / np.sqrt(np.maximum(norms_sq, 1e-12))
            continue
        w = own[start:start + chunk]
        remaining = np.maximum(norms_sq - 2 * w * dots + w * w, 1e-12)
        out[start:start + chunk] = (dots - w) / np.sqrt(remaining)
    return out
