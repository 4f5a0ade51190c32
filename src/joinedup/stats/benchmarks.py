"""Comparison of areas with a benchmark (Fingertips-style RAG comparison).

The national convention compares an area's confidence interval with the
benchmark value: the area is "higher" when its lower limit is above the
benchmark, "lower" when its upper limit is below it, otherwise "similar".
When the benchmark has its own interval (``benchmark_lower``/``benchmark_upper``)
the two intervals are compared for overlap instead. Polarity turns that into
"better" / "similar" / "worse"; with "not_applicable" no judgement is made.
Use 95 % limits for the usual comparison and 99.8 % for the stricter one.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

from joinedup.stats.results import BenchmarkResult
from joinedup.stats.validation import as_float

POLARITIES = ("high_is_good", "low_is_good", "not_applicable")


def compare_to_benchmark(
    lower: ArrayLike,
    upper: ArrayLike,
    benchmark: ArrayLike,
    polarity: str = "not_applicable",
    benchmark_lower: ArrayLike | None = None,
    benchmark_upper: ArrayLike | None = None,
) -> BenchmarkResult:
    """Classify each area against the benchmark from its confidence limits."""
    if polarity not in POLARITIES:
        raise ValueError(f"polarity must be one of {POLARITIES}, got {polarity!r}")
    lo, hi = np.broadcast_arrays(as_float(lower, "lower"), as_float(upper, "upper"))
    bench = np.broadcast_to(as_float(benchmark, "benchmark"), lo.shape)
    b_lo = (
        bench
        if benchmark_lower is None
        else np.broadcast_to(as_float(benchmark_lower, "benchmark_lower"), lo.shape)
    )
    b_hi = (
        bench
        if benchmark_upper is None
        else np.broadcast_to(as_float(benchmark_upper, "benchmark_upper"), lo.shape)
    )
    missing = np.isnan(lo) | np.isnan(hi) | np.isnan(b_lo) | np.isnan(b_hi)
    comparison = np.select(
        [missing, lo > b_hi, hi < b_lo], ["not compared", "higher", "lower"], default="similar"
    ).astype(object)
    assessment = _assess(comparison, polarity)
    reason = np.where(missing, "area limits or benchmark missing", "").astype(object)
    return BenchmarkResult(comparison=comparison, assessment=assessment, reason=reason)


def _assess(comparison: np.ndarray, polarity: str) -> np.ndarray:
    if polarity == "not_applicable":
        return np.where(comparison == "not compared", "not compared", "not applicable").astype(object)
    good, bad = ("higher", "lower") if polarity == "high_is_good" else ("lower", "higher")
    return np.select(
        [comparison == good, comparison == bad, comparison == "similar"],
        ["better", "worse", "similar"],
        default="not compared",
    ).astype(object)
