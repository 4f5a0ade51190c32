from __future__ import annotations

import numpy as np
import pytest
import scipy.sparse as sp

import joinedup.analysis.labelling as labelling
from joinedup.analysis.labelling import LabelSpace, fit_space, label_matrix, score_labels

# Two-dimensional unit vectors make every cosine easy to work out by hand.
LABELS = sp.csr_matrix(np.array([[1.0, 0.0], [0.6, 0.8]]))


def _space(actions: list[list[float]]) -> LabelSpace:
    return LabelSpace(actions=sp.csr_matrix(np.array(actions)), labels=LABELS)


def test_without_confirmed_actions_the_score_is_the_cosine_to_the_label_words():
    space = _space([[1.0, 0.0]])
    scores = score_labels(space, np.array([0]), np.array([], dtype=np.int64), [])
    # cos((1,0),(1,0)) = 1; cos((1,0),(0.6,0.8)) = 0.6
    assert scores.similarity[0] == pytest.approx([1.0, 0.6])


def test_a_confirmed_action_pulls_its_label_prototype_towards_it():
    space = _space([[0.0, 1.0], [0.0, 1.0]])
    scores = score_labels(space, np.array([1]), np.array([0]), [[0]])
    # label 0 prototype = (1,0) + (0,1) = (1,1); cos((0,1),(1,1)) = 1/sqrt(2)
    # label 1 prototype = (0.6,0.8) alone; cos = 0.8
    assert scores.similarity[0] == pytest.approx([1 / np.sqrt(2), 0.8])


def test_leave_one_out_removes_the_target_from_its_own_prototype():
    space = _space([[0.0, 1.0]])
    scores = score_labels(space, np.array([0]), np.array([0]), [[0]], centroids=False)
    # without itself label 0's prototype is (1,0) again: cos((0,1),(1,0)) = 0
    assert scores.similarity[0] == pytest.approx([0.0, 0.8])


def test_only_the_main_label_enters_a_prototype():
    assert label_matrix([[1, 0]], 2).tolist() == [[0.0, 1.0]]


def test_embeddings_are_averaged_with_the_lexical_cosine():
    space = LabelSpace(actions=sp.csr_matrix(np.array([[1.0, 0.0]])), labels=LABELS,
                       dense_actions=np.array([[0.0, 1.0]]),
                       dense_labels=np.array([[1.0, 0.0], [0.0, 1.0]]))
    scores = score_labels(space, np.array([0]), np.array([], dtype=np.int64), [])
    # lexical (1, 0.6) and dense (0, 1) average to (0.5, 0.8)
    assert scores.similarity[0] == pytest.approx([0.5, 0.8])


def test_probability_is_a_softmax_over_cosines_scaled_by_their_spread():
    scores = score_labels(_space([[1.0, 0.0]]), np.array([0]), np.array([], dtype=np.int64), [])
    # cosines (1, 0.6); spread (std across labels) 0.2; logits (5, 3)
    assert scores.probability[0] == pytest.approx([1 / (1 + np.exp(-2)), 1 / (1 + np.exp(2))])


def test_spaces_are_combined_by_the_geometric_mean_of_their_probabilities():
    space = LabelSpace(actions=sp.csr_matrix(np.array([[1.0, 0.0]])), labels=LABELS,
                       dense_actions=np.array([[0.0, 1.0]]),
                       dense_labels=np.array([[1.0, 0.0], [0.0, 1.0]]))
    scores = score_labels(space, np.array([0]), np.array([], dtype=np.int64), [])
    # lexical logits (1, 0.6) / 0.2 = (5, 3); dense (0, 1) / 0.5 = (0, 2);
    # mean (2.5, 2.5): the spaces disagree equally strongly, so it is a tie
    assert scores.probability[0] == pytest.approx([0.5, 0.5])


def _clusters(n_per_label: int):
    """Confirmed actions near each of two label directions, with some spread."""
    rng = np.random.default_rng(0)
    rows, assigned = [], []
    for label, centre in enumerate(([1.0, 0.0], [0.6, 0.8])):
        for _ in range(n_per_label):
            vector = np.array(centre) + rng.normal(0, 0.3, 2)
            rows.append(vector / np.linalg.norm(vector))
            assigned.append([label])
    return np.array(rows), assigned


def test_weights_are_learned_only_from_enough_confirmed_actions():
    few, few_assigned = _clusters(2)
    scores = score_labels(_space(few.tolist()), np.array([0]), np.arange(4), few_assigned)
    assert scores.fits[0].temperature is None
    assert scores.fits[0].label_weight == labelling.LABEL_TEXT_WEIGHT
    many, many_assigned = _clusters(6)
    scores = score_labels(_space(many.tolist()), np.array([0]), np.arange(12), many_assigned)
    assert scores.fits[0].temperature is not None


def _loo_nll(vectors, confirmed, weights, label_weight, temperature):
    """The definition, computed the slow way: score each confirmed action against
    prototypes built without it, softmax, mean negative log-likelihood of its label."""
    own = labelling._own_weights(confirmed, confirmed, weights)
    cosines = labelling._prototype_cosines(vectors, LABELS, confirmed, confirmed, weights, own,
                                           4_096, label_weight)
    z = cosines / temperature
    log_p = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
    return -np.mean(log_p[np.arange(len(confirmed)), weights.argmax(axis=1)])


def test_the_learned_weight_and_temperature_maximise_leave_one_out_likelihood():
    rows, assigned = _clusters(6)
    vectors = sp.csr_matrix(rows)
    confirmed = np.arange(len(rows))
    weights = label_matrix(assigned, 2)
    fit = fit_space(vectors, LABELS, confirmed, weights)
    chosen = _loo_nll(vectors, confirmed, weights, fit.label_weight, fit.temperature)
    for label_weight in labelling.LABEL_WEIGHTS:
        for temperature in labelling.TEMPERATURES[::7]:
            assert chosen <= _loo_nll(vectors, confirmed, weights, label_weight,
                                      temperature) + 1e-9


def _scattered(centres, spread, seed):
    rng = np.random.default_rng(seed)
    rows, assigned = [], []
    for label, centre in enumerate(centres):
        for _ in range(20):
            vector = np.array(centre) + rng.normal(0, spread, 2)
            rows.append(vector / np.linalg.norm(vector))
            assigned.append([label])
    return sp.csr_matrix(np.array(rows)), label_matrix(assigned, 2)


def test_label_words_weigh_more_when_they_predict_confirmations_better():
    # Confirmed actions scattered around the label words' own directions: the
    # words are the better prototype, so they count as more than one example.
    vectors, weights = _scattered(([1.0, 0.0], [0.6, 0.8]), 0.6, 1)
    assert fit_space(vectors, LABELS, np.arange(40), weights).label_weight > 1
    # Label 1's words (0.6, 0.8) sit nearer label 0's actions (1, 0) than its own
    # actions (-1, 0) do: trusting the words would mislabel, so the least weight wins.
    vectors, weights = _scattered(([1.0, 0.0], [-1.0, 0.0]), 0.1, 2)
    assert fit_space(vectors, LABELS, np.arange(40), weights).label_weight == 1
