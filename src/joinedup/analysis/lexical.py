"""TF-IDF vectors (words and character n-grams) and sparse top-k neighbours.

Character n-grams catch spelling and word-form variants (smoker/smoking,
prevent/prevention). They are computed per distinct word and multiplied into
documents (doc-word counts x word-ngram counts), which equals scikit-learn's
`char_wb` analyser over the tokens but costs one pass over the vocabulary
instead of one per document, so 100k actions stay fast.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import (
    ENGLISH_STOP_WORDS,
    CountVectorizer,
    TfidfTransformer,
)
from sklearn.preprocessing import normalize

WORD_PATTERN = r"(?u)\b[a-z0-9][a-z0-9_&'\-]+\b"
WORD_WEIGHT = 0.6
"""Share of the combined cosine that comes from whole words (rest: n-grams)."""


@dataclass(frozen=True)
class LexicalIndex:
    """Row-normalised word, n-gram and combined matrices for a list of texts."""

    words: sp.csr_matrix
    ngrams: sp.csr_matrix
    combined: sp.csr_matrix
    terms: np.ndarray


def build_index(texts: Sequence[str], *, max_df: float = 0.3,
                ngrams: bool = True) -> LexicalIndex:
    """Vectorise normalised texts; common terms above max_df are dropped.

    With ngrams=False only the word matrix is meaningful (the others are empty).
    """
    vectoriser = CountVectorizer(
        token_pattern=WORD_PATTERN, stop_words=sorted(ENGLISH_STOP_WORDS),
        ngram_range=(1, 2), dtype=np.float32,
    )
    counts = vectoriser.fit_transform(texts).tocsr()
    terms = vectoriser.get_feature_names_out()
    words = _weight(counts, max_df)
    if not ngrams:
        empty = sp.csr_matrix((counts.shape[0], 1), dtype=np.float32)
        return LexicalIndex(words=words, ngrams=empty, combined=empty, terms=terms)
    unigram = np.array([" " not in t for t in terms])
    ngram_counts = _ngram_counts(counts[:, unigram], terms[unigram])
    ngrams = _weight(ngram_counts, max_df)
    combined = normalize(
        sp.hstack([words * np.sqrt(WORD_WEIGHT), ngrams * np.sqrt(1 - WORD_WEIGHT)]).tocsr()
    )
    return LexicalIndex(words=words, ngrams=ngrams, combined=combined, terms=terms)


def _weight(counts: sp.csr_matrix, max_df: float) -> sp.csr_matrix:
    """Sublinear TF-IDF, unit rows, very common terms removed.

    Pruning happens after weighting so `terms` still indexes the word columns.
    """
    weighted = TfidfTransformer(sublinear_tf=True).fit_transform(counts).tocsr()
    n_rows = counts.shape[0]
    if n_rows >= 20:
        df = np.bincount(counts.indices, minlength=counts.shape[1])
        weighted = weighted @ sp.diags((df <= max(2, max_df * n_rows)).astype(np.float32))
    return normalize(weighted.astype(np.float32)).tocsr()


def _ngram_counts(word_counts: sp.csr_matrix, words: np.ndarray) -> sp.csr_matrix:
    """Document x char-n-gram (3-5, word-bounded) counts via the word vocabulary."""
    if len(words) == 0:
        return sp.csr_matrix((word_counts.shape[0], 1), dtype=np.float32)
    char_vectoriser = CountVectorizer(analyzer="char_wb", ngram_range=(3, 5), dtype=np.float32)
    word_ngrams = char_vectoriser.fit_transform([w.replace("_", " ") for w in words])
    return (word_counts @ word_ngrams).tocsr()


def rowwise_cosine(matrix: sp.csr_matrix, rows: np.ndarray, cols: np.ndarray,
                   chunk: int = 50_000) -> np.ndarray:
    """Cosine of (rows[i], cols[i]) for unit-normalised rows, chunked for memory."""
    out = np.empty(len(rows), dtype=np.float32)
    for start in range(0, len(rows), chunk):
        stop = start + chunk
        product = matrix[rows[start:stop]].multiply(matrix[cols[start:stop]])
        out[start:stop] = np.asarray(product.sum(axis=1)).ravel()
    return out


EXACT_LIMIT = 5_000
"""Up to this many actions, retrieval uses exact combined cosines."""
QUERY_TERMS = 12


def retrieval_matrices(index: LexicalIndex) -> tuple[sp.csr_matrix, sp.csr_matrix]:
    """(queries, targets) for candidate retrieval.

    Small sets use the exact combined vectors. Large sets retrieve on words
    only, dropping terms found in more than n/200 actions and keeping each
    query's most distinctive terms, so each product row stays short; the
    candidates are then re-scored exactly.
    """
    n = index.combined.shape[0]
    if n <= EXACT_LIMIT:
        return index.combined, index.combined
    words = index.words.copy()
    df = np.bincount(words.indices, minlength=words.shape[1])
    words.data[df[words.indices] > max(100, n // 200)] = 0
    words.eliminate_zeros()
    return top_terms(words, QUERY_TERMS), words


def top_terms(matrix: sp.csr_matrix, terms: int) -> sp.csr_matrix:
    """Keep each row's `terms` largest entries."""
    data = matrix.data.copy()
    for row in range(matrix.shape[0]):
        start, stop = matrix.indptr[row], matrix.indptr[row + 1]
        if stop - start > terms:
            segment = data[start:stop]
            segment[np.argsort(-segment)[terms:]] = 0
    pruned = sp.csr_matrix((data, matrix.indices, matrix.indptr), shape=matrix.shape)
    pruned.eliminate_zeros()
    return pruned


def sparse_top_k(queries: sp.csr_matrix, groups: np.ndarray, k: int, chunk: int = 2_000,
                 targets: sp.csr_matrix | None = None,
                 ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Top-k most similar rows in a different group, for every row.

    Chunked sparse products; entries within the same group (partner) are
    dropped before ranking. Returns (row, col, score) arrays.
    """
    transposed = (queries if targets is None else targets).T.tocsr()
    found = [_block_top_k((queries[start:start + chunk] @ transposed).tocsr(), start, groups, k)
             for start in range(0, queries.shape[0], chunk)]
    return tuple(np.concatenate(parts) for parts in zip(*found, strict=True))  # type: ignore[return-value]


def _block_top_k(block: sp.csr_matrix, start: int, groups: np.ndarray,
                 k: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Best k entries per row of a product block, other groups only."""
    rows_of = np.repeat(np.arange(block.shape[0]) + start, np.diff(block.indptr))
    data = np.where(groups[rows_of] == groups[block.indices], 0, block.data)
    keep = np.zeros(len(data), dtype=bool)
    for row in range(block.shape[0]):
        lo, hi = block.indptr[row], block.indptr[row + 1]
        if hi - lo <= k:
            keep[lo:hi] = True
        else:
            keep[lo + np.argpartition(-data[lo:hi], k - 1)[:k]] = True
    keep &= data > 0
    return rows_of[keep].astype(np.int64), block.indices[keep].astype(np.int64), data[keep]
