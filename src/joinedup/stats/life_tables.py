"""Life expectancy from an abridged life table (Chiang II, Silcocks variance).

Follows PHE ``phe_life_expectancy``: exactly 20 age bands starting
0, 1, 5, 10, ..., 90 per group; l₀ = 100 000; a = 0.1 for age 0 and 0.5
otherwise; the open 90+ band has width 2/M and q = 1.

National small-number rules, applied per group (every output NaN, with a reason):
negative deaths, population ≤ 0, not the 20 standard bands, deaths above
population, or total population ≤ 5 000. Separately, the *value* (not the
limits) is blanked where 1.96·SE > 10, i.e. the 95 % interval is wider than
20 years, whatever confidence was asked for.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

from joinedup.stats.grouping import Groups, make_groups
from joinedup.stats.results import LifeTableResult
from joinedup.stats.validation import as_float, check_conf_level, reasons, z_value

START_AGES = np.array([0, 1, *range(5, 95, 5)], dtype=float)
RADIX = 100_000.0
MIN_TOTAL_POPULATION = 5_000
MAX_HALF_WIDTH_95 = 10.0


def life_expectancy(
    deaths: ArrayLike,
    population: ArrayLike,
    start_ages: ArrayLike,
    groups: ArrayLike | None = None,
    conf_level: float = 0.95,
) -> LifeTableResult:
    """Life expectancy at the start of each band, per group, rows sorted by group then age."""
    level = check_conf_level(conf_level)
    d = as_float(deaths, "deaths")
    p = as_float(population, "population")
    age = as_float(start_ages, "start_ages")
    if not (d.shape == p.shape == age.shape):
        raise ValueError("deaths, population and start_ages must have the same length")
    g = make_groups(groups, d.size)
    order = np.lexsort((age, g.index))
    d, p, age, gi = d[order], p[order], age[order], g.index[order]
    why_group = _group_reasons(g.count, gi, d, p, age)
    ok_rows = why_group[gi] == ""
    value = np.full(d.size, np.nan)
    lower = np.full(d.size, np.nan)
    upper = np.full(d.size, np.nan)
    row_reason = why_group[gi].copy()
    if ok_rows.any():
        table = _table(d[ok_rows].reshape(-1, 20), p[ok_rows].reshape(-1, 20), z_value(level))
        e, lo, hi, wide = (a.ravel() for a in table)
        value[ok_rows] = np.where(wide | ~np.isfinite(e), np.nan, e)
        lower[ok_rows], upper[ok_rows] = lo, hi
        sub = row_reason[ok_rows]
        sub[wide] = "95% interval wider than 20 years: value suppressed"
        sub[~np.isfinite(e)] = "no deaths in the 90+ band: value not defined"
        row_reason[ok_rows] = sub
    return LifeTableResult(
        value=value,
        lower=lower,
        upper=upper,
        conf_level=level,
        reason=row_reason,
        groups=g.labels[gi],
        start_age=age,
        pops_used=_cumulative_from_top(p, gi),
        deaths_used=_cumulative_from_top(d, gi),
    )


def _group_reasons(count: int, gi: np.ndarray, d: np.ndarray, p: np.ndarray, age: np.ndarray) -> np.ndarray:
    sorted_groups = Groups(labels=np.arange(count), index=gi)
    any_row = sorted_groups.any
    size = sorted_groups.size()
    pos = sorted_groups.position()
    off_band = (pos >= 20) | (age != START_AGES[np.minimum(pos, 19)])
    total_pop = sorted_groups.sum(p)
    return reasons(
        [
            (size != 20) | any_row(off_band),
            any_row(np.isnan(d) | np.isnan(p)),
            any_row(d < 0),
            any_row(p <= 0),
            any_row(d > p),
            total_pop <= MIN_TOTAL_POPULATION,
        ],
        [
            "needs exactly 20 age bands starting 0, 1, 5, 10, ..., 90",
            "deaths or population missing",
            "negative deaths",
            "population zero or negative in an age band",
            "deaths exceed population in an age band",
            "total population 5,000 or less",
        ],
        count,
    )


def _table(d: np.ndarray, p: np.ndarray, z: float) -> tuple[np.ndarray, ...]:
    """Chiang II table for a (groups × 20) block; returns e, lower, upper, wide."""
    m = d / p
    with np.errstate(divide="ignore", invalid="ignore"):
        width = np.tile(np.diff(START_AGES), (d.shape[0], 1))
        width = np.column_stack([width, 2 / m[:, -1]])
        a = np.full(d.shape, 0.5)
        a[:, 0] = 0.1
        q = np.where(d <= p / width / a, m * width / (1 + m * width * (1 - a)), 1.0)
        q[:, -1] = 1.0
        surviving = np.column_stack([np.ones(d.shape[0]), 1 - q[:, :-1]])
        survivors = RADIX * np.cumprod(surviving, axis=1)
        next_l = np.column_stack([survivors[:, 1:], np.zeros(d.shape[0])])
        dying = survivors - next_l
        years = width * (next_l + a * dying)
        years[:, -1] = survivors[:, -1] / m[:, -1]
        total_years = np.cumsum(years[:, ::-1], axis=1)[:, ::-1]
        e = total_years / survivors
        sp = np.where(dying == 0, 0.0, q * q * (1 - q) / d)
        sp[:, -1] = 4 / (d[:, -1] * m[:, -1] ** 2)
        e_next = np.column_stack([e[:, 1:], np.zeros(d.shape[0])])
        w = sp * survivors**2 * ((1 - a) * width + e_next) ** 2
        w[:, -1] = (survivors[:, -1] / 2) ** 2 * sp[:, -1]
        se = np.sqrt(np.cumsum(w[:, ::-1], axis=1)[:, ::-1]) / survivors
    wide = 1.96 * se > MAX_HALF_WIDTH_95
    return e, e - z * se, e + z * se, wide


def _cumulative_from_top(values: np.ndarray, gi: np.ndarray) -> np.ndarray:
    """Sum of values from each row to the last row of its group (rows sorted by group)."""
    if values.size == 0:
        return values.copy()
    rev = values[::-1]
    gr = gi[::-1]
    run = np.cumsum(rev)
    change = np.concatenate(([True], gr[1:] != gr[:-1]))
    starts = np.flatnonzero(change)
    before = run[starts] - rev[starts]
    return (run - before[np.cumsum(change) - 1])[::-1]
