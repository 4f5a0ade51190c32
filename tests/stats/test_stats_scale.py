"""Vectorised methods handle a million rows quickly and never return an unexplained NaN."""

from __future__ import annotations

import time
from collections.abc import Callable

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from joinedup.stats import dsr, proportion, rate

ROWS = 1_000_000
BUDGET_SECONDS = 2.0

maybe_count = st.one_of(st.integers(-5, 10_000).map(float), st.just(float("nan")))
maybe_denominator = st.one_of(st.integers(-5, 100_000).map(float), st.just(float("nan")))


def _seconds(call: Callable[[], object]) -> float:
    start = time.perf_counter()
    call()
    return time.perf_counter() - start


def test_million_row_proportion_rate_and_dsr_each_run_within_two_seconds() -> None:
    rng = np.random.default_rng(0)
    n = rng.integers(1_000, 100_000, ROWS).astype(float)
    x = rng.binomial(n.astype(int), 0.01).astype(float)
    groups = np.repeat(np.arange(-(-ROWS // 19)), 19)[:ROWS]
    assert _seconds(lambda: proportion(x, n)) < BUDGET_SECONDS
    assert _seconds(lambda: rate(x, n)) < BUDGET_SECONDS
    assert _seconds(lambda: dsr(x[: groups.size], n, groups=groups)) < BUDGET_SECONDS


@given(st.lists(st.tuples(maybe_count, maybe_denominator), min_size=1, max_size=30))
def test_every_nan_from_proportion_and_rate_has_a_reason(rows: list[tuple[float, float]]) -> None:
    x = [r[0] for r in rows]
    n = [r[1] for r in rows]
    for result in (proportion(x, n), rate(x, n)):
        unexplained = (np.isnan(result.value) | np.isnan(result.upper)) & (result.reason == "")
        assert not unexplained.any()
