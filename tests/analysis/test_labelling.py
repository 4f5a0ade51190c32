from __future__ import annotations

import numpy as np
import pytest
import scipy.sparse as sp

from joinedup.analysis.labelling import LabelSpace, label_matrix, score_labels

# Two-dimensional unit vectors make every cosine easy to work out by hand.
LABELS = sp.csr_matrix(np.array([[1.0, 0.0], [0.6, 0.8]]))


def _space(actions: list[list[float]]) -> LabelSpace:
    return LabelSpace(actions=sp.csr_matrix(np.array(actions)), labels=LABELS)


def test_without_confirmed_actions_the_score_is_the_cosine_to_the_label_words():
    space = _space([[1.0, 0.0]])
    scores = score_labels(space, np.array([0]), np.array([], dtype=np.int64), [])
    # cos((1,0),(1,0)) = 1; cos((1,0),(0.6,0.8)) = 0.6
    assert scores[0] == pytest.approx([1.0, 0.6])


def test_a_confirmed_action_pulls_its_label_prototype_towards_it():
    space = _space([[0.0, 1.0], [0.0, 1.0]])
    scores = score_labels(space, np.array([1]), np.array([0]), [[0]])
    # label 0 prototype = (1,0) + (0,1) = (1,1); cos((0,1),(1,1)) = 1/sqrt(2)
    # label 1 prototype = (0.6,0.8) alone; cos = 0.8
    assert scores[0] == pytest.approx([1 / np.sqrt(2), 0.8])


def test_leave_one_out_removes_the_target_from_its_own_prototype():
    space = _space([[0.0, 1.0]])
    scores = score_labels(space, np.array([0]), np.array([0]), [[0]], centroids=False)
    # without itself label 0's prototype is (1,0) again: cos((0,1),(1,0)) = 0
    assert scores[0] == pytest.approx([0.0, 0.8])


def test_only_the_main_label_enters_a_prototype():
    assert label_matrix([[1, 0]], 2).tolist() == [[0.0, 1.0]]


def test_embeddings_are_averaged_with_the_lexical_cosine():
    space = LabelSpace(actions=sp.csr_matrix(np.array([[1.0, 0.0]])), labels=LABELS,
                       dense_actions=np.array([[0.0, 1.0]]),
                       dense_labels=np.array([[1.0, 0.0], [0.0, 1.0]]))
    scores = score_labels(space, np.array([0]), np.array([], dtype=np.int64), [])
    # lexical (1, 0.6) and dense (0, 1) average to (0.5, 0.8)
    assert scores[0] == pytest.approx([0.5, 0.8])
