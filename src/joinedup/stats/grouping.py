"""Group-by support for the aggregated methods (means, DSR, ISR, life tables)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike


@dataclass(frozen=True)
class Groups:
    """Distinct group labels and each row's index into them."""

    labels: np.ndarray
    index: np.ndarray

    @property
    def count(self) -> int:
        return len(self.labels)

    def sum(self, values: np.ndarray) -> np.ndarray:
        """Per-group sum (NaN propagates)."""
        return np.bincount(self.index, weights=values, minlength=self.count)

    def size(self) -> np.ndarray:
        return np.bincount(self.index, minlength=self.count)

    def any(self, mask: np.ndarray) -> np.ndarray:
        return np.bincount(self.index, weights=mask.astype(float), minlength=self.count) > 0

    def position(self) -> np.ndarray:
        """0-based position of each row within its group, in input order."""
        order = np.argsort(self.index, kind="stable")
        starts = np.concatenate(([0], np.cumsum(self.size())[:-1]))
        pos = np.empty(len(self.index), dtype=np.int64)
        pos[order] = np.arange(len(self.index)) - starts[self.index[order]]
        return pos


def make_groups(groups: ArrayLike | None, size: int) -> Groups:
    """Label every row; ``None`` puts all rows into one group labelled 0."""
    if groups is None:
        return Groups(labels=np.array([0]), index=np.zeros(size, dtype=np.int64))
    arr = np.asarray(groups)
    if arr.shape != (size,):
        raise ValueError("groups must have one label per row")
    labels, index = np.unique(arr, return_inverse=True)
    return Groups(labels=labels, index=index.astype(np.int64))
