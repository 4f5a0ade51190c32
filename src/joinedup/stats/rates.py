"""Crude rates with Byar's / exact Poisson limits (PHE ``phe_rate``)."""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

from joinedup.stats.poisson import count_limits
from joinedup.stats.results import RateResult
from joinedup.stats.validation import as_float, check_conf_level, check_multiplier, reasons


def rate(
    numerator: ArrayLike,
    denominator: ArrayLike,
    conf_level: float = 0.95,
    multiplier: float = 100_000,
) -> RateResult:
    """Crude rate x/n × multiplier, row by row.

    Limits are exact Poisson for counts below 10 and Byar's from 10 up, each
    divided by n and scaled by the multiplier. A numerator above the
    denominator is allowed (it is a rate, not a proportion). Invalid rows
    (missing, negative count, denominator ≤ 0) are NaN with a reason.
    """
    level = check_conf_level(conf_level)
    mult = check_multiplier(multiplier)
    x, n = np.broadcast_arrays(as_float(numerator, "numerator"), as_float(denominator, "denominator"))
    why = reasons(
        [np.isnan(x), np.isnan(n), x < 0, n == 0, n < 0],
        [
            "numerator is missing",
            "denominator is missing",
            "numerator is negative",
            "denominator is zero",
            "denominator is negative",
        ],
        x.size,
    )
    bad = why != ""
    xs = np.where(bad, np.nan, x)
    ns = np.where(bad, np.nan, n)
    lower, upper, method = count_limits(xs, level)
    scale = mult / ns
    return RateResult(
        value=xs * scale,
        lower=lower * scale,
        upper=upper * scale,
        conf_level=level,
        reason=why,
        numerator=x,
        denominator=n,
        multiplier=mult,
        method=method,
    )
