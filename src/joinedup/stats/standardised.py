"""Directly and indirectly standardised rates and ratios.

* ``dsr`` — directly standardised rate with Dobson limits (PHE ``calculate_dsr``),
  including the non-independent-events variant.
* ``isr`` / ``smr`` — indirectly standardised rate and standardised ratio
  (PHE ``calculate_ISRate`` / ``calculate_ISRatio``) with exact limits below 10
  observed events and Byar's from 10.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

from joinedup.stats.grouping import Groups, make_groups
from joinedup.stats.poisson import byars_lower, byars_upper, count_limits
from joinedup.stats.results import DsrResult, IndirectResult
from joinedup.stats.standard_populations import ESP2013
from joinedup.stats.validation import as_float, check_conf_level, check_multiplier, reasons

DSR_MIN_COUNT = 10


def dsr(
    numerator: ArrayLike,
    denominator: ArrayLike,
    standard_population: ArrayLike | None = None,
    groups: ArrayLike | None = None,
    conf_level: float = 0.95,
    multiplier: float = 100_000,
    event_frequency: ArrayLike | None = None,
    age_band: ArrayLike | None = None,
) -> DsrResult:
    """Directly standardised rate per group over age bands, Dobson limits.

    DSR = Σ(xᵢwᵢ/nᵢ)/Σwᵢ × multiplier; var = Σxᵢ(wᵢ/nᵢ)²/(Σwᵢ)²;
    limit = DSR + √(var/O)·(Byar(O) − O) × multiplier, with O the total count.
    Missing counts count as 0. Groups with a total count below 10 are
    suppressed (NaN with a reason); there is no exact-limit branch.

    ``standard_population`` is either one weight per row, or one weight per band
    (rows of each group in band order); ``None`` means ESP 2013 (19 bands).
    With ``event_frequency`` the counts are individuals having that many events
    (non-independent events); ``age_band`` then identifies each row's band so
    bands repeated across frequencies are counted once in Σw and the population.
    """
    level = check_conf_level(conf_level)
    mult = check_multiplier(multiplier)
    x = np.nan_to_num(as_float(numerator, "numerator"), nan=0.0)
    n = as_float(denominator, "denominator")
    if n.shape != x.shape:
        raise ValueError("numerator and denominator must have the same length")
    g = make_groups(groups, x.size)
    freq = _frequencies(event_frequency, x.size)
    slot = g if freq is None else make_groups(g.index * (int(freq.max()) + 1) + freq, x.size)
    w = _row_weights(standard_population, slot, x.size)
    band_once = _first_of_band(g, age_band, x.size) if freq is not None else None
    f = 1.0 if freq is None else freq
    with np.errstate(divide="ignore", invalid="ignore"):
        wn = w / n
        weighted = g.sum(f * x * wn)
        var_part = g.sum(f * f * x * wn * wn)
    w_once = w if band_once is None else np.where(band_once, w, 0.0)
    n_once = n if band_once is None else np.where(band_once, n, 0.0)
    sum_w = g.sum(w_once)
    total_pop = g.sum(n_once)
    count = g.sum(f * x)
    why = _dsr_reasons(g, x, n, count, w)
    ok = why == ""
    with np.errstate(divide="ignore", invalid="ignore"):
        raw = np.where(ok, weighted / sum_w, np.nan)
        var = var_part / sum_w**2
        spread = np.sqrt(var / count)
        safe = np.where(ok, count, 0.0)
        lower = raw + spread * (byars_lower(safe, level) - safe)
        upper = raw + spread * (byars_upper(safe, level) - safe)
    return DsrResult(
        value=raw * mult,
        lower=np.where(ok, lower * mult, np.nan),
        upper=np.where(ok, upper * mult, np.nan),
        conf_level=level,
        reason=why,
        groups=g.labels,
        total_count=count,
        total_pop=total_pop,
        multiplier=mult,
    )


def _dsr_reasons(g: Groups, x: np.ndarray, n: np.ndarray, count: np.ndarray, w: np.ndarray) -> np.ndarray:
    bad_pop = g.any(~(n > 0))
    negative = g.any(x < 0)
    unmatched = g.any(np.isnan(w))
    return reasons(
        [unmatched, bad_pop, negative, count < DSR_MIN_COUNT],
        [
            "rows do not match the standard population bands",
            "a population is missing, zero or negative",
            "a count is negative",
            "total count < 10: DSR suppressed",
        ],
        g.count,
    )


def _frequencies(event_frequency: ArrayLike | None, size: int) -> np.ndarray | None:
    if event_frequency is None:
        return None
    freq = np.asarray(event_frequency)
    if freq.shape != (size,) or not np.issubdtype(freq.dtype, np.number) or np.any(freq < 1):
        raise ValueError("event_frequency must be a positive integer per row")
    return freq.astype(np.int64)


def _row_weights(standard: ArrayLike | None, slot: Groups, size: int) -> np.ndarray:
    """One standard-population weight per row; NaN where a row has no band weight."""
    weights = ESP2013 if standard is None else as_float(standard, "standard_population")
    if np.any(np.isnan(weights)) or np.any(weights < 0):
        raise ValueError("standard_population must be non-negative with no missing values")
    if weights.size == size and standard is not None:
        return weights
    counts = slot.size()
    if np.any(counts != weights.size):
        rows = np.full(size, np.nan)
        fits = counts[slot.index] == weights.size
        rows[fits] = weights[slot.position()[fits]]
        return rows
    return weights[slot.position()]


def _first_of_band(g: Groups, age_band: ArrayLike | None, size: int) -> np.ndarray:
    if age_band is None:
        raise ValueError("age_band is required with event_frequency")
    bands = np.asarray(age_band)
    if bands.shape != (size,):
        raise ValueError("age_band must have one label per row")
    _, band_index = np.unique(bands, return_inverse=True)
    key = g.index * (int(band_index.max()) + 1) + band_index
    _, first = np.unique(key, return_index=True)
    mask = np.zeros(size, dtype=bool)
    mask[first] = True
    return mask


def isr(
    numerator: ArrayLike | None,
    denominator: ArrayLike,
    ref_numerator: ArrayLike,
    ref_denominator: ArrayLike,
    groups: ArrayLike | None = None,
    conf_level: float = 0.95,
    multiplier: float = 100_000,
    observed_total: ArrayLike | None = None,
) -> IndirectResult:
    """Indirectly standardised rate: O/E × reference rate (Σx_ref/Σn_ref × multiplier)."""
    mult = check_multiplier(multiplier)
    return _indirect(
        numerator,
        denominator,
        ref_numerator,
        ref_denominator,
        groups,
        conf_level,
        observed_total,
        rate_multiplier=mult,
        ref_value=None,
    )


def smr(
    numerator: ArrayLike | None,
    denominator: ArrayLike,
    ref_numerator: ArrayLike,
    ref_denominator: ArrayLike,
    groups: ArrayLike | None = None,
    conf_level: float = 0.95,
    ref_value: float = 1,
    observed_total: ArrayLike | None = None,
) -> IndirectResult:
    """Standardised ratio O/E × ref_value (1, or 100 for the common ×100 form)."""
    return _indirect(
        numerator,
        denominator,
        ref_numerator,
        ref_denominator,
        groups,
        conf_level,
        observed_total,
        rate_multiplier=None,
        ref_value=float(ref_value),
    )


def _indirect(
    numerator: ArrayLike | None,
    denominator: ArrayLike,
    ref_numerator: ArrayLike,
    ref_denominator: ArrayLike,
    groups: ArrayLike | None,
    conf_level: float,
    observed_total: ArrayLike | None,
    *,
    rate_multiplier: float | None,
    ref_value: float | None,
) -> IndirectResult:
    """Shared ISR/SMR core: E = Σ x_ref/n_ref · n, O = Σx (or the supplied total).

    Missing x_ref, n_ref or n contribute 0 expected events; missing x counts as 0.
    """
    level = check_conf_level(conf_level)
    n = as_float(denominator, "denominator")
    g = make_groups(groups, n.size)
    x_ref = _per_row(ref_numerator, "ref_numerator", g, n.size)
    n_ref = _per_row(ref_denominator, "ref_denominator", g, n.size)
    with np.errstate(divide="ignore", invalid="ignore"):
        expected = g.sum(np.nan_to_num(x_ref / n_ref * n, nan=0.0, posinf=0.0))
    observed = _observed(numerator, observed_total, g, n.size)
    if rate_multiplier is None:
        scale = np.full(g.count, ref_value)
        ref_rate = np.full(g.count, np.nan)
    else:
        ref_rate = g.sum(np.nan_to_num(x_ref)) / g.sum(np.nan_to_num(n_ref)) * rate_multiplier
        scale = ref_rate
    why = reasons(
        [np.isnan(observed), observed < 0, ~(expected > 0)],
        ["observed count is missing", "observed count is negative", "expected count is zero"],
        g.count,
    )
    ok = why == ""
    obs = np.where(ok, observed, np.nan)
    lower, upper, method = count_limits(obs, level)
    with np.errstate(divide="ignore", invalid="ignore"):
        factor = scale / np.where(ok, expected, np.nan)
    return IndirectResult(
        value=obs * factor,
        lower=lower * factor,
        upper=upper * factor,
        conf_level=level,
        reason=why,
        groups=g.labels,
        observed=observed,
        expected=expected,
        ref_rate=ref_rate,
        method=method,
    )


def _per_row(values: ArrayLike, name: str, g: Groups, size: int) -> np.ndarray:
    """Reference values given per row, or per band and repeated for every group."""
    arr = as_float(values, name)
    if arr.size == size:
        return arr
    if np.all(g.size() == arr.size):
        return arr[g.position()]
    raise ValueError(f"{name} must have one value per row or one per age band of every group")


def _observed(
    numerator: ArrayLike | None, observed_total: ArrayLike | None, g: Groups, size: int
) -> np.ndarray:
    if observed_total is not None:
        total = as_float(observed_total, "observed_total")
        if total.size != g.count:
            raise ValueError("observed_total must have one value per group")
        return total
    if numerator is None:
        raise ValueError("give numerator or observed_total")
    x = as_float(numerator, "numerator")
    if x.size != size:
        raise ValueError("numerator and denominator must have the same length")
    return g.sum(np.nan_to_num(x, nan=0.0))
