"""Every published PHEindicatormethods test case, within the tolerance it states.

Data: tests/stats/data/phe_test_cases.json (see the README beside it).
Default tolerance |got − expected| ≤ max(rel·|expected|, abs), rel 1e-6, abs 1e-9;
``null`` expected means the output must be missing (NaN); ``expected_extra`` keys are
checked when our runner returns them; Monte-Carlo outputs (``approx``) use the
case's ``approx_tolerance``.
"""

from __future__ import annotations

import math
from typing import Any

import pytest
from phe_case_runner import RUNNERS, load_cases

CASES = load_cases()


def _missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def _close(got: Any, want: Any, rel: float, abs_: float) -> bool:
    if want is None:
        return _missing(got)
    if isinstance(want, str):
        return got == want
    if _missing(got):
        return False
    return abs(float(got) - want) <= max(rel * abs(want), abs_)


def _check(key: str, got: Any, want: Any, rel: float, abs_: float) -> list[str]:
    if isinstance(want, list):
        if len(got) != len(want):
            return [f"{key}: length {len(got)} != {len(want)}"]
        return [
            f"{key}[{k}]: got {g!r}, want {w!r}"
            for k, (g, w) in enumerate(zip(got, want, strict=True))
            if not _close(g, w, rel, abs_)
        ]
    if not _close(got, want, rel, abs_):
        return [f"{key}: got {got!r}, want {want!r}"]
    return []


def _approx_ok(key: str, got: float, want: float, tol: dict[str, Any]) -> bool:
    if abs(got - want) <= tol["rel"] * abs(want):
        return True
    return abs(got - want) <= tol.get("abs_by_key", {}).get(key, 0.0)


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_published_case_matches_within_stated_tolerance(case: dict[str, Any]) -> None:
    tol = case.get("tolerance") or {}
    rel, abs_ = tol.get("rel", 1e-6), tol.get("abs", 1e-9)
    got = RUNNERS[case["method"]](case)
    problems: list[str] = []
    for key, want in case["expected"].items():
        problems += _check(key, got[key], want, rel, abs_)
    for key, want in (case.get("expected_extra") or {}).items():
        if key in got:
            problems += _check(key, got[key], want, rel, abs_)
    for key, want in (case.get("approx") or {}).items():
        if not _approx_ok(key, got[key], want, case["approx_tolerance"]):
            problems.append(f"{key} (simulated): got {got[key]!r}, want ≈{want!r}")
    assert not problems, "\n".join(problems[:10])
