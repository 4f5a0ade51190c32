"""Confidence limits for an observed count of events (Poisson).

Two methods, as the national convention uses them:

* Byar's approximation (Breslow & Day 1987) —
  lower = O(1 - 1/(9O) - z/(3 sqrt O))^3, upper = (O+1)(1 - 1/(9(O+1)) + z/(3 sqrt(O+1)))^3.
  A negative lower limit (tiny counts at high confidence) is returned as NaN.
* Exact limits from chi-squared quantiles —
  lower = chi2_{alpha/2}(2O)/2 (0 when O = 0), upper = chi2_{1-alpha/2}(2O+2)/2.

Rates and indirectly standardised figures use exact limits for counts below
``EXACT_BELOW`` (10) and Byar's from there up.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike
from scipy.special import chdtri

from joinedup.stats.validation import as_float, check_conf_level, z_value

EXACT_BELOW = 10


def byars_lower(count: ArrayLike, conf_level: float = 0.95) -> np.ndarray:
    """Byar's lower limit for observed counts; NaN where the formula goes negative."""
    o = _counts(count)
    z = z_value(check_conf_level(conf_level))
    with np.errstate(divide="ignore", invalid="ignore"):
        lower = o * (1 - 1 / (9 * o) - z / (3 * np.sqrt(o))) ** 3
    lower = np.where(o == 0, 0.0, lower)
    return np.where(lower < 0, np.nan, lower)


def byars_upper(count: ArrayLike, conf_level: float = 0.95) -> np.ndarray:
    """Byar's upper limit for observed counts."""
    o1 = _counts(count) + 1
    z = z_value(check_conf_level(conf_level))
    return o1 * (1 - 1 / (9 * o1) + z / (3 * np.sqrt(o1))) ** 3


def exact_poisson_lower(count: ArrayLike, conf_level: float = 0.95) -> np.ndarray:
    """Exact lower limit: half the alpha/2 chi-squared quantile on 2O degrees of freedom."""
    o = _counts(count)
    alpha = 1 - check_conf_level(conf_level)
    with np.errstate(invalid="ignore"):
        lower = chdtri(2 * o, 1 - alpha / 2) / 2
    return np.where(o == 0, 0.0, lower)


def exact_poisson_upper(count: ArrayLike, conf_level: float = 0.95) -> np.ndarray:
    """Exact upper limit: half the 1-alpha/2 chi-squared quantile on 2O+2 degrees of freedom."""
    o = _counts(count)
    alpha = 1 - check_conf_level(conf_level)
    return chdtri(2 * o + 2, alpha / 2) / 2


def exact_poisson(count: ArrayLike, conf_level: float = 0.95) -> tuple[np.ndarray, np.ndarray]:
    """Exact Poisson (lower, upper) limits for observed counts."""
    return exact_poisson_lower(count, conf_level), exact_poisson_upper(count, conf_level)


def count_limits(count: np.ndarray, conf_level: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Limits for counts with the national switch: exact below 10, Byar's from 10.

    Returns (lower, upper, method) where method is "Exact" or "Byars" ('' for NaN counts).
    Only the rows needing each method are computed, so large arrays stay cheap.
    """
    lower = np.full(count.shape, np.nan)
    upper = np.full(count.shape, np.nan)
    small = count < EXACT_BELOW
    large = count >= EXACT_BELOW
    if small.any():
        lower[small], upper[small] = exact_poisson(count[small], conf_level)
    if large.any():
        lower[large] = byars_lower(count[large], conf_level)
        upper[large] = byars_upper(count[large], conf_level)
    method = np.where(small, "Exact", np.where(large, "Byars", ""))
    return lower, upper, method


def _counts(count: ArrayLike) -> np.ndarray:
    o = as_float(count, "count")
    if np.any(o < 0):
        raise ValueError("count must be zero or more")
    return o
