"""Properties that must hold for any valid input (hypothesis)."""

from __future__ import annotations

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from joinedup.stats import dsr, proportion, rate

counts = st.integers(min_value=0, max_value=100_000)


@st.composite
def numerator_denominator(draw: st.DrawFn) -> tuple[int, int]:
    n = draw(st.integers(min_value=1, max_value=1_000_000))
    return draw(st.integers(min_value=0, max_value=n)), n


@given(numerator_denominator())
def test_proportion_limits_bracket_the_value(pair: tuple[int, int]) -> None:
    r = proportion([pair[0]], [pair[1]])
    assert r.lower[0] <= r.value[0] + 1e-12
    assert r.value[0] <= r.upper[0] + 1e-12
    assert r.lower[0] >= 0.0 and r.upper[0] <= 1.0


@given(numerator_denominator())
def test_proportion_interval_is_wider_at_998(pair: tuple[int, int]) -> None:
    narrow = proportion([pair[0]], [pair[1]])
    wide = proportion([pair[0]], [pair[1]], conf_level=0.998)
    assert wide.lower[0] <= narrow.lower[0] and wide.upper[0] >= narrow.upper[0]


@given(counts, st.floats(min_value=1, max_value=1e7))
def test_rate_limits_bracket_the_value(x: int, n: float) -> None:
    r = rate([x], [n])
    assert r.lower[0] <= r.value[0] <= r.upper[0]


@given(counts, st.floats(min_value=1, max_value=1e7))
def test_rate_interval_is_wider_at_998(x: int, n: float) -> None:
    narrow, wide = rate([x], [n]), rate([x], [n], conf_level=0.998)
    assert wide.upper[0] > narrow.upper[0]
    assert np.isnan(wide.lower[0]) or wide.lower[0] <= narrow.lower[0]


@given(
    st.lists(st.integers(min_value=0, max_value=500), min_size=19, max_size=19),
    st.lists(st.integers(min_value=500, max_value=50_000), min_size=19, max_size=19),
)
def test_dsr_limits_bracket_the_value_when_not_suppressed(x: list[int], n: list[int]) -> None:
    r = dsr(x, n)
    if sum(x) >= 10:
        assert r.lower[0] <= r.value[0] <= r.upper[0]
    else:
        assert np.isnan(r.value[0]) and r.reason[0] != ""
