"""Result objects returned by every method in :mod:`joinedup.stats`.

Each result is a frozen dataclass of numpy arrays, one element per row (or per
group for grouped methods).  ``reason`` holds an empty string where the
estimate is valid and a short explanation wherever ``value`` or a limit is NaN,
so a suppressed figure is never silent.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Estimate:
    """A point estimate with a two-sided confidence interval."""

    value: np.ndarray
    lower: np.ndarray
    upper: np.ndarray
    conf_level: float
    reason: np.ndarray

    @property
    def note(self) -> np.ndarray:
        """Alias of ``reason`` (the explanation for suppressed values)."""
        return self.reason


@dataclass(frozen=True)
class ProportionResult(Estimate):
    numerator: np.ndarray
    denominator: np.ndarray
    multiplier: float


@dataclass(frozen=True)
class RateResult(Estimate):
    numerator: np.ndarray
    denominator: np.ndarray
    multiplier: float
    method: np.ndarray  # "Exact" or "Byars" per row ("" where not computed)


@dataclass(frozen=True)
class MeanResult(Estimate):
    groups: np.ndarray
    n: np.ndarray
    sd: np.ndarray
    total: np.ndarray


@dataclass(frozen=True)
class DsrResult(Estimate):
    groups: np.ndarray
    total_count: np.ndarray
    total_pop: np.ndarray
    multiplier: float


@dataclass(frozen=True)
class IndirectResult(Estimate):
    """Indirectly standardised rate or ratio, one element per group."""

    groups: np.ndarray
    observed: np.ndarray
    expected: np.ndarray
    ref_rate: np.ndarray
    method: np.ndarray


@dataclass(frozen=True)
class LifeTableResult(Estimate):
    """Life expectancy at the start of each age band, one element per input row.

    Rows are returned sorted by group then start age.
    """

    groups: np.ndarray
    start_age: np.ndarray
    pops_used: np.ndarray
    deaths_used: np.ndarray


@dataclass(frozen=True)
class InequalityResult:
    """Slope and relative index of inequality with simulated limits."""

    sii: float
    sii_lower: float
    sii_upper: float
    rii: float
    rii_lower: float
    rii_upper: float
    intercept: float
    conf_level: float
    reason: str


@dataclass(frozen=True)
class QuantileResult:
    quantile: np.ndarray  # float; NaN where not assigned
    reason: np.ndarray


@dataclass(frozen=True)
class GapResult:
    lowest_value: float
    population_value: float
    gap: float
    relative_gap: float
    n_lowest: int


@dataclass(frozen=True)
class BenchmarkResult:
    comparison: np.ndarray  # "higher" / "similar" / "lower" / "not compared"
    assessment: np.ndarray  # "better" / "similar" / "worse" / "not compared" / "not applicable"
    reason: np.ndarray


@dataclass(frozen=True)
class FunnelTable:
    """Funnel-plot control limits: 100 plotting rows as named columns."""

    statistic: str
    columns: dict[str, np.ndarray]

    def __getitem__(self, key: str) -> np.ndarray:
        return self.columns[key]
