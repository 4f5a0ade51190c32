from __future__ import annotations

import numpy as np
import pytest

from joinedup.analysis import semantic

pytestmark = pytest.mark.semantic


@pytest.fixture(scope="module")
def model_ready():
    if not semantic.available():
        pytest.skip("semantic extra (torch, sentence-transformers, bundled model) not installed")


def test_embeddings_are_unit_length(model_ready):
    vectors = semantic.embed(["stop smoking service", "falls prevention classes"])
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)


def test_quit_smoking_is_closer_to_tobacco_cessation_than_to_falls(model_ready):
    a, b, c = semantic.embed(["help people quit smoking", "tobacco cessation support",
                              "falls prevention for older people"])
    assert a @ b > a @ c


def test_dense_top_k_skips_the_same_group(model_ready):
    vectors = np.eye(3, dtype=np.float32)
    vectors[1] = vectors[0]
    rows, cols, _ = semantic.dense_top_k(vectors, np.array([0, 0, 1]), k=1)
    assert len(rows) == 3
    assert all(r != c and {r, c} != {0, 1} for r, c in zip(rows, cols, strict=True))


def test_semantic_synergies_find_the_smoking_pair(model_ready, plans):
    from joinedup.analysis.synergies import find_synergies

    pairs = {frozenset((p.a, p.b)) for p in find_synergies(plans, semantic=True).pairs}
    assert frozenset({("Wealdbridge CC", "WCC-1"), ("Northmere ICB", "ICB-4")}) in pairs
