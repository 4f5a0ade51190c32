"""Quantile assignment (fifths, tenths, ...) following PHE ``phe_quantile``.

Within each group, with N non-missing values ranked (ties take the minimum
rank; on the negated value when ``invert`` so the highest value is in
quantile 1):  quantile = ⌊(n + 1) − ⌈((N + 1) − rank) / (N / n)⌉⌋, and 0 becomes 1.
Missing values get no quantile; a group with fewer values than quantiles gets
none at all. Both cases carry a reason.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

from joinedup.stats.grouping import make_groups
from joinedup.stats.results import QuantileResult
from joinedup.stats.validation import as_float


def quantiles(
    values: ArrayLike,
    n: int = 5,
    groups: ArrayLike | None = None,
    invert: bool = True,
) -> QuantileResult:
    """Assign each value to one of ``n`` quantiles (1 = highest value unless ``invert`` is False).

    PHE's own default is ``n = 10`` (deciles); ours is 5 (fifths), the usual
    inequality-gap measure. Quantile numbers are returned as floats so missing
    values can be NaN.
    """
    if int(n) != n or n < 2:
        raise ValueError(f"n must be an integer of 2 or more, got {n!r}")
    x = as_float(values, "values")
    g = make_groups(groups, x.size)
    present = ~np.isnan(x)
    counts = np.bincount(g.index[present], minlength=g.count)
    keyed = -x if invert else x
    rank = _min_rank_within_groups(keyed, g.index, present)
    big_n = counts[g.index].astype(float)
    with np.errstate(divide="ignore", invalid="ignore"):
        q = np.floor((n + 1) - np.ceil(((big_n + 1) - rank) / (big_n / n)))
    q = np.where(q == 0, 1.0, q)
    too_few = counts[g.index] < n
    reason = np.full(x.size, "", dtype=object)
    reason[too_few] = f"fewer than {n} values in the group"
    reason[~present] = "value is missing"
    q = np.where(present & ~too_few, q, np.nan)
    return QuantileResult(quantile=q, reason=reason)


def _min_rank_within_groups(keyed: np.ndarray, index: np.ndarray, present: np.ndarray) -> np.ndarray:
    """Rank (ties → minimum) of each present value among present values of its group."""
    rank = np.full(keyed.size, np.nan)
    rows = np.flatnonzero(present)
    if rows.size == 0:
        return rank
    # Offset each group onto its own band of the real line by ranking (group, value) pairs.
    order = np.lexsort((keyed[rows], index[rows]))
    sorted_rows = rows[order]
    gi = index[sorted_rows]
    vals = keyed[sorted_rows]
    new_group = np.concatenate(([True], gi[1:] != gi[:-1]))
    new_value = new_group | np.concatenate(([True], vals[1:] != vals[:-1]))
    position = np.arange(sorted_rows.size)
    group_start = np.maximum.accumulate(np.where(new_group, position, 0))
    tie_start = np.maximum.accumulate(np.where(new_value, position, 0))
    rank[sorted_rows] = tie_start - group_start + 1
    return rank
