"""Score labels (priorities or categories) for actions.

Each label is represented by a prototype: its own words (name and
description, expanded by the domain synonyms and the common-heading
vocabulary) counted as a number of examples, plus every action people have
confirmed under it as its main label (Rocchio's method). An action's
similarity to a label is its cosine to the prototype, in TF-IDF space and,
when available, sentence-embedding space.

The two spaces are combined as a product of experts: in each space the
cosines become a probability over labels by a softmax, and the per-space
probabilities are combined by their normalised geometric mean (the spaces
see the same words, so multiplying them outright would be overconfident). How many examples the label's
words count as, and each softmax temperature, are learned at run time from
the partnership's own confirmed actions, by leave-one-out likelihood: each
confirmed action is scored against prototypes built without it. Nothing is
fitted to any evaluation set. With too few confirmed actions to learn from,
the label words count as one example and the temperature is the spread of
the cosines across labels, so each space weighs equally.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

LABEL_TEXT_WEIGHT = 1.0
"""The label's own words count as this many confirmed examples, unless learned."""

LABEL_WEIGHTS = (1.0, 2.0, 4.0, 8.0, 16.0, 32.0)
"""Candidate weights of the label's words, tried by leave-one-out on confirmed actions."""

TEMPERATURES = np.geomspace(0.002, 1.0, 64)
"""Candidate softmax temperatures (cosine units), tried the same way."""

MIN_CONFIRMED_TO_FIT = 10
"""Confirmed actions (with at least two different labels) needed to learn the weights."""

FIT_SAMPLE = 4_000
"""At most this many confirmed actions (evenly spaced) are used for learning."""


@dataclass(frozen=True)
class LabelSpace:
    """Action and label vectors in one space (lexical, plus optional embeddings)."""

    actions: sp.csr_matrix
    labels: sp.csr_matrix
    dense_actions: np.ndarray | None = None
    dense_labels: np.ndarray | None = None

    def spaces(self) -> list[tuple]:
        out = [(self.actions, self.labels)]
        if self.dense_actions is not None and self.dense_labels is not None:
            out.append((self.dense_actions, self.dense_labels))
        return out


@dataclass(frozen=True)
class SpaceFit:
    """What was learned for one space: weight of the label words, softmax temperature."""

    label_weight: float
    temperature: float | None
    """None: not learned; the spread of the targets' cosines is used instead."""


@dataclass(frozen=True)
class LabelScores:
    """targets x labels: combined probability (rows sum to 1) and mean cosine in [0, 1]."""

    probability: np.ndarray
    similarity: np.ndarray
    fits: tuple[SpaceFit, ...] = ()


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
                 centroids: bool = True) -> LabelScores:
    """Score every target against every label.

    Pass centroids=False when targets are themselves confirmed: each target's
    own contribution is then taken out of the prototypes (leave-one-out).
    """
    weights = label_matrix(assigned, space.labels.shape[0])
    own = _own_weights(targets, confirmed, weights) if not centroids else None
    learn = _enough_to_learn(weights)
    logits = np.zeros((len(targets), space.labels.shape[0]))
    similarity = np.zeros_like(logits)
    fits = []
    for vectors, labels in space.spaces():
        fit = (fit_space(vectors, labels, confirmed, weights) if learn
               else SpaceFit(LABEL_TEXT_WEIGHT, None))
        cosines = _prototype_cosines(vectors, labels, targets, confirmed, weights, own, chunk,
                                     fit.label_weight)
        similarity += cosines
        logits += cosines / (fit.temperature or _spread(cosines))
        fits.append(fit)
    return LabelScores(probability=_softmax(logits / len(fits)),
                       similarity=np.clip(similarity / len(fits), 0.0, 1.0), fits=tuple(fits))


def _enough_to_learn(weights: np.ndarray) -> bool:
    used = np.flatnonzero(weights.sum(axis=0))
    return weights.shape[0] >= MIN_CONFIRMED_TO_FIT and len(used) >= 2


def _spread(cosines: np.ndarray) -> float:
    """Typical spread of cosines across labels: the default temperature."""
    if cosines.shape[1] < 2 or not len(cosines):
        return 1.0
    return max(float(cosines.std(axis=1).mean()), 1e-3)


def _softmax(logits: np.ndarray) -> np.ndarray:
    shifted = np.exp(logits - logits.max(axis=1, keepdims=True))
    return shifted / shifted.sum(axis=1, keepdims=True)


def fit_space(vectors, labels, confirmed: np.ndarray, weights: np.ndarray) -> SpaceFit:
    """Label-word weight and temperature maximising the leave-one-out likelihood of the
    confirmed actions' main labels (each scored against prototypes without itself)."""
    sample = np.arange(len(confirmed))
    if len(sample) > FIT_SAMPLE:
        sample = np.linspace(0, len(confirmed) - 1, FIT_SAMPLE).astype(np.int64)
    rows = confirmed[sample]
    truth = weights[sample].argmax(axis=1)
    sums = sp.csr_matrix(weights.T) @ vectors[confirmed]
    x = vectors[rows]
    to_sums = _dense(x @ sums.T)
    to_labels = _dense(x @ labels.T)
    sums_sq = _row_dots(sums, sums)
    sums_labels = _row_dots(sums, labels)
    own = weights[sample]
    best = (np.inf, LABEL_TEXT_WEIGHT, None)
    for label_weight in LABEL_WEIGHTS:
        dots = to_sums + label_weight * to_labels
        norms_sq = sums_sq + 2 * label_weight * sums_labels + label_weight ** 2
        remaining = np.maximum(norms_sq - 2 * own * dots + own * own, 1e-12)
        cosines = (dots - own) / np.sqrt(remaining)
        for temperature in TEMPERATURES:
            z = cosines / temperature
            z = z - z.max(axis=1, keepdims=True)
            nll = float(np.mean(np.log(np.exp(z).sum(axis=1)) - z[np.arange(len(z)), truth]))
            if nll < best[0]:
                best = (nll, label_weight, float(temperature))
    return SpaceFit(label_weight=best[1], temperature=best[2])


def _row_dots(a, b) -> np.ndarray:
    """Dot product of each row of a with the same row of b (sparse or dense)."""
    if sp.issparse(a) or sp.issparse(b):
        product = sp.csr_matrix(a).multiply(sp.csr_matrix(b))
        return np.asarray(product.sum(axis=1)).ravel()
    return (np.asarray(a) * np.asarray(b)).sum(axis=1)


def _dense(matrix) -> np.ndarray:
    return matrix.toarray() if sp.issparse(matrix) else np.asarray(matrix)


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
                       weights: np.ndarray, own: np.ndarray | None, chunk: int,
                       label_weight: float = LABEL_TEXT_WEIGHT) -> np.ndarray:
    """Cosine of each target to each (unnormalised) prototype sum, optionally leave-one-out.

    Rows of `vectors` and `labels` are unit length, so with S the prototype sum
    and x a target of weight w in it: cos = (x.S - w) / sqrt(|S|^2 - 2w x.S + w^2).
    """
    sums = sp.csr_matrix(weights.T) @ vectors[confirmed] + label_weight * labels
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
