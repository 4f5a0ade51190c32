"""Slope and relative index of inequality (PHE ``phe_sii``).

Quantiles (e.g. deprivation deciles) are placed at the mid-point of their
cumulative population share b, and the value is regressed on b with the
population shares a as weights (fit y√a = A√a + B·b√a, no other intercept).
SII = multiplier·B; RII = (A + B)/A (inverted for a negative multiplier).

The interval is by simulation, as nationally: each quantile's value is drawn
from N(value, SE) — on the log scale for rates and the logit scale for
proportions, then back-transformed — the regression is refitted, and the
limits are the sorted draws at positions round(R(1 − c')) and round(R·c'),
c' = c + (1 − c)/2. Upstream draws are unseeded; here a numpy Generator with
an explicit ``seed`` makes the result reproducible.

Standard errors derived from confidence limits always assume 95 % limits,
whatever ``conf_level`` is asked for — as the national method does.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
from numpy.typing import ArrayLike
from scipy.special import expit, logit

from joinedup.stats.quantiles import quantiles
from joinedup.stats.results import Estimate, GapResult, InequalityResult
from joinedup.stats.validation import as_float, check_conf_level

Z95 = 1.959964
Scale = Callable[[Any], Any]
VALUE_TYPES = ("normal", "rate", "proportion")
DEFAULT_REPETITIONS = 100_000


def slope_index_of_inequality(
    quantile: ArrayLike,
    population: ArrayLike,
    value: ArrayLike | None = None,
    *,
    numerator: ArrayLike | None = None,
    se: ArrayLike | None = None,
    lower_cl: ArrayLike | None = None,
    upper_cl: ArrayLike | None = None,
    value_type: str = "normal",
    transform: bool = False,
    multiplier: float = 1,
    conf_level: float = 0.95,
    repetitions: int = DEFAULT_REPETITIONS,
    seed: int | None = None,
) -> InequalityResult:
    """SII, RII and intercept for one set of 5–100 quantiles, with simulated limits.

    Give ``value`` (or ``numerator`` for proportions: value = numerator/population)
    and either ``se`` (on the log/logit scale for rates/proportions) or the 95 %
    ``lower_cl``/``upper_cl``. With ``transform`` (rates/proportions only) the
    regression itself runs on the log/logit scale.
    """
    level = check_conf_level(conf_level)
    kind = _value_kind(value_type, transform)
    if repetitions < 1000:
        raise ValueError("repetitions must be at least 1000")
    q = as_float(quantile, "quantile")
    order = np.argsort(q, kind="stable")
    pop = as_float(population, "population")[order]
    y = _values(value, numerator, pop, order)
    if not 5 <= y.size <= 100:
        raise ValueError("slope_index_of_inequality needs between 5 and 100 quantiles")
    if np.any(np.isnan(y)) or np.any(np.isnan(pop)) or np.any(pop <= 0):
        return _missing(level, "a quantile has a missing value or population")
    sd = _standard_error(se, lower_cl, upper_cl, kind, order)
    design = _design(pop)
    forward, backward = _transforms(kind)
    fit_y = forward(y) if transform else y
    a_hat, b_hat = design @ fit_y
    draws = np.random.default_rng(seed).normal(forward(y), sd, size=(repetitions, y.size))
    if not transform:
        draws = backward(draws)
    sim_a, sim_b = design @ draws.T
    if transform:
        return _transformed(a_hat, b_hat, sim_b, backward, multiplier, level)
    return _natural(a_hat, b_hat, sim_a, sim_b, multiplier, level)


def _value_kind(value_type: str, transform: bool) -> str:
    if value_type not in VALUE_TYPES:
        raise ValueError(f"value_type must be one of {VALUE_TYPES}, got {value_type!r}")
    if transform and value_type == "normal":
        raise ValueError("transform applies only to value_type 'rate' or 'proportion'")
    return value_type


def _values(
    value: ArrayLike | None, numerator: ArrayLike | None, pop: np.ndarray, order: np.ndarray
) -> np.ndarray:
    if value is not None:
        return as_float(value, "value")[order]
    if numerator is None:
        raise ValueError("give value or numerator")
    return as_float(numerator, "numerator")[order] / pop


def _standard_error(
    se: ArrayLike | None,
    lower_cl: ArrayLike | None,
    upper_cl: ArrayLike | None,
    kind: str,
    order: np.ndarray,
) -> np.ndarray:
    if se is not None:
        return as_float(se, "se")[order]
    if lower_cl is None or upper_cl is None:
        raise ValueError("give se, or both lower_cl and upper_cl")
    forward, _ = _transforms(kind)
    lo = forward(as_float(lower_cl, "lower_cl")[order])
    hi = forward(as_float(upper_cl, "upper_cl")[order])
    return (hi - lo) / (2 * Z95)


def _design(pop: np.ndarray) -> np.ndarray:
    """Matrix M (2 × k) with (A, B) = M @ y for the weighted fit on cumulative mid-points."""
    share = pop / pop.sum()
    mid = np.cumsum(share) - share / 2
    root = np.sqrt(share)
    x = np.column_stack([root, mid * root])
    return np.linalg.solve(x.T @ x, x.T) * root


def _transforms(kind: str) -> tuple[Scale, Scale]:
    """(forward, back) transforms: log/exp for rates, logit/expit for proportions."""
    if kind == "rate":
        return np.log, np.exp
    if kind == "proportion":
        return logit, expit
    return (lambda v: v), (lambda v: v)


def _positions(repetitions: int, level: float) -> tuple[int, int]:
    upper_p = level + (1 - level) / 2
    return round(repetitions * (1 - upper_p)) - 1, round(repetitions * upper_p) - 1


def _natural(
    a_hat: float, b_hat: float, sim_a: np.ndarray, sim_b: np.ndarray, mult: float, level: float
) -> InequalityResult:
    lo, hi = _positions(sim_b.size, level)
    sii_sim = np.sort(mult * sim_b)
    rii_sim = (sim_a + sim_b) / sim_a
    rii = (a_hat + b_hat) / a_hat
    if mult < 0:
        rii_sim, rii = 1 / rii_sim, 1 / rii
    rii_sim = np.sort(rii_sim)
    return InequalityResult(
        sii=float(mult * b_hat),
        sii_lower=float(sii_sim[lo]),
        sii_upper=float(sii_sim[hi]),
        rii=float(rii),
        rii_lower=float(rii_sim[lo]),
        rii_upper=float(rii_sim[hi]),
        intercept=float(a_hat),
        conf_level=level,
        reason="",
    )


def _transformed(
    a_hat: float, b_hat: float, sim_b: np.ndarray, back: Scale, mult: float, level: float
) -> InequalityResult:
    """Back-transform around the fitted mid-point so each slope limit keeps its centre."""
    lo, hi = _positions(sim_b.size, level)
    slopes = np.sort(sim_b)[[lo, hi]]
    centre = a_hat + b_hat / 2
    top, bottom = back(centre + slopes / 2), back(centre - slopes / 2)
    sii_limits = np.sort((top - bottom) * mult)
    rii_limits = top / bottom
    rii = back(a_hat + b_hat) / back(a_hat)
    if mult < 0:
        rii_limits, rii = 1 / rii_limits, 1 / rii
    rii_limits = np.sort(rii_limits)
    return InequalityResult(
        sii=float((back(a_hat + b_hat) - back(a_hat)) * mult),
        sii_lower=float(sii_limits[0]),
        sii_upper=float(sii_limits[1]),
        rii=float(rii),
        rii_lower=float(rii_limits[0]),
        rii_upper=float(rii_limits[1]),
        intercept=float(back(a_hat) * abs(mult)),
        conf_level=level,
        reason="",
    )


def _missing(level: float, why: str) -> InequalityResult:
    nan = float("nan")
    return InequalityResult(nan, nan, nan, nan, nan, nan, nan, level, why)


def gap_to_population(
    values: ArrayLike,
    weights: ArrayLike | None = None,
    n: int = 5,
    population_value: float | None = None,
) -> GapResult:
    """Gap between the fifth (or other quantile) of areas with the lowest values and everyone.

    Areas are split into ``n`` quantiles by value (phe_quantile rules, lowest
    values in quantile 1). The lowest group's value is the ``weights``-weighted
    mean of its areas (e.g. weights = population); the population value is
    given, or else the weighted mean of all areas. gap = population − lowest,
    relative gap = gap / population value. A target such as "reduce the gap by
    10 %" is then judged on ``gap``.
    """
    x = as_float(values, "values")
    w = np.ones_like(x) if weights is None else as_float(weights, "weights")
    if w.shape != x.shape or np.any(w < 0):
        raise ValueError("weights must be non-negative, one per value")
    fifth = quantiles(x, n=n, invert=False).quantile == 1
    if not fifth.any():
        raise ValueError(f"gap_to_population needs at least {n} non-missing values")
    lowest = float(np.average(x[fifth], weights=w[fifth]))
    present = ~np.isnan(x)
    overall = (
        float(np.average(x[present], weights=w[present]))
        if population_value is None
        else float(population_value)
    )
    gap = overall - lowest
    return GapResult(
        lowest_value=lowest,
        population_value=overall,
        gap=gap,
        relative_gap=gap / overall if overall else float("nan"),
        n_lowest=int(fifth.sum()),
    )


def relative_index_of_inequality(*args: Any, **kwargs: Any) -> Estimate:
    """RII with its simulated interval, as an :class:`Estimate` of length one.

    Takes exactly the arguments of :func:`slope_index_of_inequality`.
    """
    r = slope_index_of_inequality(*args, **kwargs)
    return Estimate(
        value=np.array([r.rii]),
        lower=np.array([r.rii_lower]),
        upper=np.array([r.rii_upper]),
        conf_level=r.conf_level,
        reason=np.array([r.reason], dtype=object),
    )
