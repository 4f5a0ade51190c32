"""Proportions with Wilson score confidence intervals (PHE ``phe_proportion``)."""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

from joinedup.stats.results import ProportionResult
from joinedup.stats.validation import (
    as_float,
    check_conf_level,
    check_multiplier,
    reasons,
    z_value,
)


def wilson_limits(x: np.ndarray, n: np.ndarray, conf_level: float) -> tuple[np.ndarray, np.ndarray]:
    """Wilson score limits (2x + z² ∓ z·sqrt(z² + 4x(1 − x/n))) / (2(n + z²)).

    conf_level == 1 gives exactly 0 and 1, as the national convention does.
    x = 0 gives a lower limit of exactly 0 and x = n an upper limit of exactly 1.
    """
    if conf_level == 1:
        return np.zeros_like(x), np.ones_like(x)
    z = z_value(conf_level)
    z2 = z * z
    with np.errstate(divide="ignore", invalid="ignore"):
        spread = z * np.sqrt(z2 + 4 * x * (1 - x / n))
        denom = 2 * (n + z2)
        lower = (2 * x + z2 - spread) / denom
        upper = (2 * x + z2 + spread) / denom
    lower = np.where(x == 0, 0.0, lower)
    upper = np.where(x == n, 1.0, upper)
    return lower, upper


def proportion(
    numerator: ArrayLike,
    denominator: ArrayLike,
    conf_level: float = 0.95,
    multiplier: float = 1,
) -> ProportionResult:
    """Proportion x/n × multiplier with Wilson score limits, row by row.

    Rows the national method rejects (negative numerator, denominator ≤ 0,
    numerator > denominator) and rows with a missing input come back as NaN with
    a reason instead of stopping the whole calculation.
    """
    level = check_conf_level(conf_level, allow_one=True)
    mult = check_multiplier(multiplier)
    x, n = np.broadcast_arrays(as_float(numerator, "numerator"), as_float(denominator, "denominator"))
    why = reasons(
        [np.isnan(x), np.isnan(n), x < 0, n == 0, n < 0, x > n],
        [
            "numerator is missing",
            "denominator is missing",
            "numerator is negative",
            "denominator is zero",
            "denominator is negative",
            "numerator exceeds denominator",
        ],
        x.size,
    )
    bad = why != ""
    xs = np.where(bad, np.nan, x)
    ns = np.where(bad, np.nan, n)
    with np.errstate(divide="ignore", invalid="ignore"):
        value = xs / ns * mult
    lower, upper = wilson_limits(xs, ns, level)
    return ProportionResult(
        value=value,
        lower=lower * mult,
        upper=upper * mult,
        conf_level=level,
        reason=why,
        numerator=x,
        denominator=n,
        multiplier=mult,
    )
