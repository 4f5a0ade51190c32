"""Public-health indicator methods, matching PHE / OHID conventions (PHEindicatormethods).

Pure numpy/scipy, vectorised over arrays, no Django. Every method returns a
frozen result object whose ``reason`` explains any missing value.
"""

from __future__ import annotations

from joinedup.stats.benchmarks import compare_to_benchmark
from joinedup.stats.funnels import funnel_limits, funnel_significance
from joinedup.stats.inequality import (
    gap_to_population,
    relative_index_of_inequality,
    slope_index_of_inequality,
)
from joinedup.stats.life_tables import life_expectancy
from joinedup.stats.means import mean
from joinedup.stats.poisson import (
    byars_lower,
    byars_upper,
    exact_poisson,
    exact_poisson_lower,
    exact_poisson_upper,
)
from joinedup.stats.proportions import proportion, wilson_limits
from joinedup.stats.quantiles import quantiles
from joinedup.stats.rates import rate
from joinedup.stats.results import (
    BenchmarkResult,
    DsrResult,
    Estimate,
    FunnelTable,
    GapResult,
    IndirectResult,
    InequalityResult,
    LifeTableResult,
    MeanResult,
    ProportionResult,
    QuantileResult,
    RateResult,
)
from joinedup.stats.standard_populations import ESP2013, ESP2013_BANDS
from joinedup.stats.standardised import dsr, isr, smr

__all__ = [
    "ESP2013",
    "ESP2013_BANDS",
    "BenchmarkResult",
    "DsrResult",
    "Estimate",
    "FunnelTable",
    "GapResult",
    "IndirectResult",
    "InequalityResult",
    "LifeTableResult",
    "MeanResult",
    "ProportionResult",
    "QuantileResult",
    "RateResult",
    "byars_lower",
    "byars_upper",
    "compare_to_benchmark",
    "dsr",
    "exact_poisson",
    "exact_poisson_lower",
    "exact_poisson_upper",
    "funnel_limits",
    "funnel_significance",
    "gap_to_population",
    "isr",
    "life_expectancy",
    "mean",
    "proportion",
    "quantiles",
    "rate",
    "relative_index_of_inequality",
    "slope_index_of_inequality",
    "smr",
    "wilson_limits",
]
