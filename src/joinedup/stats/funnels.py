"""Funnel-plot control limits and outlier labels (PHE ``calculate_funnel_limits``
and ``assign_funnel_significance``).

Limits are at two levels: "2s" (95 %, tail 0.025) and "3s" (99.8 %, tail 0.001).
The plotting table has 100 rows on a "nice" axis. Proportion limits use the
closed-form Wilson-type inversion; ratio and rate limits find the expected
events by bisection on Poisson tail sums (step 1e-7), as the national Excel
tool and R package do — closed-form chi-squared quantiles differ slightly at
one or two events, so the bisection is kept for agreement.
"""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import ArrayLike
from scipy.special import chdtri, ndtri, pdtr, pdtrc

from joinedup.stats.results import FunnelTable
from joinedup.stats.validation import as_float

LEVELS = (("2s", 0.025, 0.975, 0.95), ("3s", 0.001, 0.999, 0.998))
POINTS = 100
DSR_MIN_EVENTS = 10
NOT_APPLICABLE_DSR = "Not applicable for events less than 10 for dsrs"


def wilson_funnel(p: float, population: np.ndarray, average: float, side: str) -> np.ndarray:
    """Proportion at which a population of ``population`` sits at normal quantile p."""
    z2 = ndtri(p) ** 2
    first = average * (population / z2 + 1)
    inside = (-8 * average * (population / z2 + 1)) ** 2 - 64 * (1 / z2 + 1 / population) * (
        average * (population * (average * (population / z2 + 2) - 1) + z2 * (average - 1))
    )
    with np.errstate(invalid="ignore"):
        adj = np.sqrt(inside) / 8
    last = 1 / z2 + 1 / population
    limit = (first - adj) / last if side == "low" else (first + adj) / last
    return limit / population


def poisson_funnel(observed: np.ndarray, tail: float, side: str) -> np.ndarray:
    """Expected events E at which ``observed`` sits in the given Poisson tail (bisection).

    side "low": P(K ≥ O | E) = tail; side "high": P(K ≤ O | E) = tail. The search
    runs on v ∈ (0, 1) with E = (1 + O)·v/(1 − v), halving the step to 1e-7.
    """
    obs = np.asarray(observed, dtype=float)
    v = np.full(obs.shape, 0.5)
    step = 0.5
    while step > 1e-7:
        step /= 2
        expected = (1 + obs) * v / (1 - v)
        if side == "low":
            move_down = pdtrc(obs - 1, expected) > tail
            move_down = np.where(obs == 0, True, move_down)
        else:
            move_down = pdtr(obs, expected) < tail
        v = np.where(move_down, v - step, v + step)
    return (1 + obs) * v / (1 - v)


def funnel_limits(
    numerator: ArrayLike,
    denominator: ArrayLike | None = None,
    statistic: str = "proportion",
    rate: ArrayLike | None = None,
    multiplier: float = 100,
    ratio_type: str | None = None,
    rate_type: str | None = None,
    years_of_data: float | None = None,
) -> FunnelTable:
    """100-row table of 95 % and 99.8 % control limits for plotting a funnel.

    statistic "proportion": column Population; "ratio" (``ratio_type`` "count" gives
    ratio − 1, "isr" ratio × 100): column Observed_events, denominator = expected;
    "rate" (``rate_type`` "dsr" or "crude", ``years_of_data`` required): column Events.
    """
    num = as_float(numerator, "numerator")
    if statistic == "proportion":
        den = _required(denominator, "denominator")
        return _proportion_table(num, den, multiplier)
    if statistic == "ratio":
        if ratio_type not in ("count", "isr"):
            raise ValueError("ratio_type must be 'count' or 'isr'")
        return _ratio_table(num, _required(denominator, "denominator"), ratio_type)
    if statistic == "rate":
        if years_of_data is None:
            raise ValueError("years_of_data is required when statistic is 'rate'")
        den = _rate_denominator(num, denominator, rate, rate_type, multiplier, zero_as="missing")
        return _rate_table(num, den, multiplier, float(years_of_data))
    raise ValueError("statistic must be 'proportion', 'ratio' or 'rate'")


def _proportion_table(num: np.ndarray, den: np.ndarray, multiplier: float) -> FunnelTable:
    average = num.sum() / np.nansum(den)
    axis_min, axis_max = _axis(den, years=None)
    pop = _points(axis_min, axis_max, ratio=False)
    cols: dict[str, np.ndarray] = {"Population": pop}
    for name, _tail, p, _level in LEVELS:
        cols[f"lower_{name}_limit"] = np.maximum(0, wilson_funnel(p, pop, average, "low") * multiplier)
        cols[f"upper_{name}_limit"] = np.minimum(100, wilson_funnel(p, pop, average, "high") * multiplier)
    cols["baseline"] = np.full(pop.size, average * multiplier)
    return FunnelTable("proportion", cols)


def _ratio_table(num: np.ndarray, den: np.ndarray, ratio_type: str) -> FunnelTable:
    axis_min, axis_max = _axis(den, years=None)
    obs = _points(axis_min, axis_max, ratio=True)
    cols: dict[str, np.ndarray] = {"Observed_events": obs}
    for name, tail, _p, _level in LEVELS:
        low_e = poisson_funnel(obs, tail, "high")
        high_e = poisson_funnel(obs, tail, "low")
        cols[f"lower_{name}_exp_events"] = low_e
        cols[f"lower_{name}_limit"] = _ratio_scale(obs / low_e, ratio_type)
        cols[f"upper_{name}_exp_events"] = high_e
        cols[f"upper_{name}_limit"] = _ratio_scale(obs / high_e, ratio_type)
    return FunnelTable(f"ratio ({ratio_type})", cols)


def _ratio_scale(ratio: np.ndarray, ratio_type: str) -> np.ndarray:
    return ratio - 1 if ratio_type == "count" else ratio * 100


def _rate_table(num: np.ndarray, den: np.ndarray, multiplier: float, years: float) -> FunnelTable:
    average = num.sum() / np.nansum(den)
    axis_min, axis_max = _axis(den, years=years)
    events = _points(math.floor(axis_min * average), math.ceil(axis_max * average), ratio=False)
    cols: dict[str, np.ndarray] = {"Events": events}
    for name, tail, _p, _level in LEVELS:
        low_pop = poisson_funnel(events, tail, "high") / average
        high_pop = poisson_funnel(events, tail, "low") / average
        cols[f"lower_{name}_population_1_year"] = low_pop / years
        cols[f"lower_{name}_limit"] = events / low_pop * multiplier
        cols[f"upper_{name}_population_1_year"] = high_pop / years
        cols[f"upper_{name}_limit"] = events / high_pop * multiplier
    cols["baseline"] = np.full(events.size, average * multiplier)
    return FunnelTable("rate", cols)


def _axis(den: np.ndarray, years: float | None) -> tuple[float, float]:
    """Axis range: 0 (or a rounded-down 95 % of the minimum) to a rounded-up 105 % of the max."""
    low, high = np.nanmin(den), np.nanmax(den)
    scale = 1.0 if years is None else years
    axis_min = 0.0 if high > 2 * low else _nice_floor(low / scale) * scale
    return axis_min, _nice_ceiling(high / scale) * scale


def _nice_floor(x: float) -> float:
    if x == 0:
        return 0.0
    digits = len(str(math.floor(x * 0.95))) - 1
    return math.floor(x * 0.95 / 10**digits) * 10**digits


def _nice_ceiling(x: float) -> float:
    if x == 0:
        return 0.0
    digits = len(str(math.ceil(x * 1.05))) - 2
    return math.ceil(x * 1.05 / 10.0**digits) * 10.0**digits


def _points(axis_min: float, axis_max: float, ratio: bool) -> np.ndarray:
    """100 roughly geometric steps from max(1, axis_min) to axis_max, each at least +1."""
    points = [max(1.0, axis_min)]
    for j in range(2, POINTS + 1):
        offset = j - 1 if ratio else j
        prev = points[-1]
        step = round((axis_max / prev) ** (1 / (101 - offset)) * prev)
        points.append(max(float(step), prev + 1))
    return np.array(points)


def _required(values: ArrayLike | None, name: str) -> np.ndarray:
    if values is None:
        raise ValueError(f"{name} is required for this statistic")
    return as_float(values, name)


def _rate_denominator(
    num: np.ndarray,
    denominator: ArrayLike | None,
    rate: ArrayLike | None,
    rate_type: str | None,
    multiplier: float | None,
    zero_as: str,
) -> np.ndarray:
    """Denominator implied by a rate: multiplier·O/rate (given denominator where needed)."""
    if rate_type not in ("dsr", "crude"):
        raise ValueError("rate_type must be 'dsr' or 'crude'")
    if rate is None or multiplier is None:
        raise ValueError("rate and multiplier are required for rates")
    r = as_float(rate, "rate")
    den = None if denominator is None else as_float(denominator, "denominator")
    with np.errstate(divide="ignore", invalid="ignore"):
        derived = multiplier * num / r
    if rate_type == "dsr":
        return np.where(num == 0, np.nan, derived)
    if den is None:
        if np.any(num == 0):
            raise ValueError("for rates with zero events the denominator is required")
        return derived
    if zero_as == "missing":
        return den
    return np.where(num == 0, den, derived)


def funnel_significance(
    numerator: ArrayLike,
    denominator: ArrayLike | None = None,
    statistic: str = "proportion",
    rate: ArrayLike | None = None,
    rate_type: str | None = None,
    multiplier: float | None = None,
) -> np.ndarray:
    """Label each point "High (0.001)", "High (0.025)", "Low (0.001)", "Low (0.025)" or
    "Not significant" against the funnel; DSR points with fewer than 10 events are
    "Not applicable for events less than 10 for dsrs"."""
    num = as_float(numerator, "numerator")
    if statistic == "proportion":
        den = _required(denominator, "denominator")
        if np.any(num < 0) or np.any(den <= 0) or np.any(num > den):
            raise ValueError("proportions need 0 <= numerator <= denominator, denominator > 0")
        return _proportion_labels(num, den)
    if statistic == "ratio":
        return _ratio_labels(num, _required(denominator, "denominator"), reference=1.0)
    if statistic == "rate":
        den = _rate_denominator(num, denominator, rate, rate_type, multiplier, zero_as="given")
        average = num.sum() / np.nansum(den)
        labels = _ratio_labels(num, den, reference=average)
        if rate_type == "dsr":
            labels = np.where(num < DSR_MIN_EVENTS, NOT_APPLICABLE_DSR, labels)
        return labels.astype(object)
    raise ValueError("statistic must be 'proportion', 'ratio' or 'rate'")


def _proportion_labels(num: np.ndarray, den: np.ndarray) -> np.ndarray:
    average = num.sum() / den.sum()
    p = num / den
    return np.select(
        [
            p < wilson_funnel(0.999, den, average, "low"),
            p < wilson_funnel(0.975, den, average, "low"),
            p > wilson_funnel(0.999, den, average, "high"),
            p > wilson_funnel(0.975, den, average, "high"),
        ],
        ["Low (0.001)", "Low (0.025)", "High (0.001)", "High (0.025)"],
        default="Not significant",
    ).astype(object)


def _ratio_labels(obs: np.ndarray, expected: np.ndarray, reference: float) -> np.ndarray:
    def limit(conf: float, side: str) -> np.ndarray:
        return _count_limit(obs, conf, side) / expected

    with np.errstate(divide="ignore", invalid="ignore"):
        conditions = [
            reference < limit(0.998, "low"),
            reference < limit(0.95, "low"),
            reference > limit(0.998, "high"),
            reference > limit(0.95, "high"),
        ]
    return np.select(
        conditions,
        ["High (0.001)", "High (0.025)", "Low (0.001)", "Low (0.025)"],
        default="Not significant",
    ).astype(object)


def _count_limit(obs: np.ndarray, conf: float, side: str) -> np.ndarray:
    """Exact (O < 10) or Byar's (O ≥ 10) limit for O; the lower limit of 0 events is 0."""
    z = ndtri(0.5 + conf / 2)
    with np.errstate(divide="ignore", invalid="ignore"):
        if side == "low":
            exact = chdtri(2 * obs, 0.5 + conf / 2) / 2
            byar = obs * (1 - 1 / (9 * obs) - z / 3 / np.sqrt(obs)) ** 3
            exact = np.where(obs == 0, 0.0, exact)
        else:
            exact = chdtri(2 * obs + 2, 0.5 - conf / 2) / 2
            o1 = obs + 1
            byar = o1 * (1 - 1 / (9 * o1) + z / 3 / np.sqrt(o1)) ** 3
    return np.where(obs < DSR_MIN_EVENTS, exact, byar)
