"""Means with Student's t confidence intervals (PHE ``phe_mean``)."""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike
from scipy.special import stdtrit

from joinedup.stats.grouping import make_groups
from joinedup.stats.results import MeanResult
from joinedup.stats.validation import as_float, check_conf_level, reasons


def mean(values: ArrayLike, groups: ArrayLike | None = None, conf_level: float = 0.95) -> MeanResult:
    """Mean per group with limits mean ∓ t_{(1+c)/2, n−1} · sd/√n (sd with n − 1).

    As upstream, missing values are not dropped: a group containing one has a
    NaN mean, with the reason stated. A group of one value has no interval.
    """
    level = check_conf_level(conf_level)
    x = as_float(values, "values")
    g = make_groups(groups, x.size)
    n = g.size().astype(float)
    total = g.sum(x)
    with np.errstate(divide="ignore", invalid="ignore"):
        avg = total / n
        sq = g.sum((x - avg[g.index]) ** 2)
        sd = np.sqrt(sq / (n - 1))
        t = np.abs(stdtrit(n - 1, (1 - level) / 2))
        half = t * sd / np.sqrt(n)
    missing = np.isnan(total)
    why = reasons(
        [missing, n < 2],
        ["a value is missing", "fewer than two values: no interval"],
        g.count,
    )
    half = np.where(n < 2, np.nan, half)
    return MeanResult(
        value=avg,
        lower=avg - half,
        upper=avg + half,
        conf_level=level,
        reason=why,
        groups=g.labels,
        n=n.astype(np.int64),
        sd=sd,
        total=total,
    )
