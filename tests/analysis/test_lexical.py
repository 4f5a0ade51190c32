from __future__ import annotations

import numpy as np
import scipy.sparse as sp

from joinedup.analysis.lexical import _block_top_k, sparse_top_k, top_terms


def test_block_top_k_keeps_the_best_entries_of_each_row():
    block = sp.csr_matrix(np.array([[0.0, 0.1, 0.9, 0.5], [0.3, 0.0, 0.2, 0.0]]))
    rows, cols, scores = _block_top_k(block, 0, np.array([0, 1, 2, 3]), 2)
    assert sorted(zip(rows.tolist(), cols.tolist(), scores.tolist(), strict=True)) == [
        (0, 2, 0.9), (0, 3, 0.5), (1, 0, 0.3), (1, 2, 0.2)]


def test_top_terms_keeps_the_largest_entries_of_each_row():
    pruned = top_terms(sp.csr_matrix(np.array([[0.1, 0.7, 0.3], [0.0, 0.2, 0.0]])), 2)
    assert pruned.toarray().tolist() == [[0.0, 0.7, 0.3], [0.0, 0.2, 0.0]]


def test_sparse_top_k_never_pairs_rows_of_the_same_group():
    # rows 0 and 1 are identical but in one group; row 2 is the other group
    matrix = sp.csr_matrix(np.array([[1.0, 0.0], [1.0, 0.0], [0.6, 0.8]]))
    rows, cols, scores = sparse_top_k(matrix, np.array([0, 0, 1]), k=5, chunk=2)
    pairs = set(zip(rows.tolist(), cols.tolist(), strict=True))
    assert pairs == {(0, 2), (1, 2), (2, 0), (2, 1)}
    assert np.allclose(scores, 0.6)
