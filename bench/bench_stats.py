"""Benchmark joinedup.stats against a plain per-row Python loop of the same formulas.

``run(sizes)`` times proportion, rate and DSR on ``size`` rows (DSR: size/19 areas ×
19 ESP2013 age bands) and returns one dict per case with: case, size, seconds,
peak_mib (tracemalloc peak during our call), baseline_seconds, ratio
(baseline / ours) and baseline_note. The loop baseline is timed on a 100 000-row
subset and scaled linearly to ``size`` (stated in baseline_note).

Run: ``.venv/bin/python bench/bench_stats.py`` — prints one line per case and
writes bench/results-stats.json.
"""

from __future__ import annotations

import json
import math
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
from scipy.special import chdtri

from joinedup.stats import ESP2013, dsr, proportion, rate

BASELINE_ROWS = 100_000
Z95 = 1.959963984540054
BANDS = ESP2013.size
RESULTS = Path(__file__).with_name("results-stats.json")


def _timed(call: Callable[[], Any]) -> float:
    start = time.perf_counter()
    call()
    return time.perf_counter() - start


def _peak_mib(call: Callable[[], Any]) -> float:
    tracemalloc.start()
    try:
        call()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return peak / 2**20


def _loop_proportion(x: list[float], n: list[float]) -> list[tuple[float, float, float]]:
    z2 = Z95 * Z95
    out = []
    for xi, ni in zip(x, n, strict=True):
        spread = Z95 * math.sqrt(z2 + 4 * xi * (1 - xi / ni))
        denom = 2 * (ni + z2)
        out.append((xi / ni, (2 * xi + z2 - spread) / denom, (2 * xi + z2 + spread) / denom))
    return out


def _byar(o: float) -> tuple[float, float]:
    o1 = o + 1
    low = o * (1 - 1 / (9 * o) - Z95 / (3 * math.sqrt(o))) ** 3 if o > 0 else 0.0
    return low, o1 * (1 - 1 / (9 * o1) + Z95 / (3 * math.sqrt(o1))) ** 3


def _loop_rate(x: list[float], n: list[float]) -> list[tuple[float, float, float]]:
    out = []
    for xi, ni in zip(x, n, strict=True):
        if xi < 10:  # exact limits: scalar scipy call per row (math has no chi-squared quantile)
            low = float(chdtri(2 * xi, 0.975)) / 2 if xi > 0 else 0.0
            high = float(chdtri(2 * xi + 2, 0.025)) / 2
        else:
            low, high = _byar(xi)
        scale = 100_000 / ni
        out.append((xi * scale, low * scale, high * scale))
    return out


def _loop_dsr(x: list[float], n: list[float], groups: list[int]) -> dict[int, tuple]:
    acc: dict[int, list[float]] = {}
    for i, (xi, ni, g) in enumerate(zip(x, n, groups, strict=True)):
        w = float(ESP2013[i % BANDS])
        a = acc.setdefault(g, [0.0, 0.0, 0.0, 0.0])
        a[0] += xi * w / ni
        a[1] += xi * (w / ni) ** 2
        a[2] += w
        a[3] += xi
    out = {}
    for g, (weighted, var_part, sum_w, count) in acc.items():
        if count < 10:
            out[g] = (math.nan, math.nan, math.nan)
            continue
        value, spread = weighted / sum_w, math.sqrt(var_part / sum_w**2 / count)
        low, high = _byar(count)
        out[g] = tuple(
            v * 100_000 for v in (value, value + spread * (low - count), value + spread * (high - count))
        )
    return out


def _cases(size: int, rng: np.random.Generator) -> list[tuple[str, Callable, Callable, float]]:
    n = rng.integers(1_000, 200_000, size).astype(float)
    x = np.minimum(rng.poisson(n * rng.uniform(0.0001, 0.05, size)), n).astype(float)
    areas = -(-size // BANDS)
    rows = areas * BANDS
    dx = rng.poisson(rng.uniform(0.5, 40, rows)).astype(float)
    dn = rng.integers(200, 20_000, rows).astype(float)
    groups = np.repeat(np.arange(areas), BANDS)
    sub = slice(0, BASELINE_ROWS)
    sub_dsr = slice(0, (BASELINE_ROWS // BANDS) * BANDS)
    xl, nl = x[sub].tolist(), n[sub].tolist()
    dxl, dnl, gl = dx[sub_dsr].tolist(), dn[sub_dsr].tolist(), groups[sub_dsr].tolist()
    return [
        ("proportion", lambda: proportion(x, n), lambda: _loop_proportion(xl, nl), size / len(xl)),
        ("rate", lambda: rate(x, n), lambda: _loop_rate(xl, nl), size / len(xl)),
        (
            "dsr",
            lambda: dsr(dx, dn, groups=groups),
            lambda: _loop_dsr(dxl, dnl, gl),
            rows / len(dxl),
        ),
    ]


def run(sizes: tuple[int, ...] = (1_000_000,), seed: int = 2024) -> list[dict[str, Any]]:
    """Time each case at each size; see the module docstring for the keys."""
    results = []
    for size in sizes:
        for case, ours, loop, scale in _cases(size, np.random.default_rng(seed)):
            ours()  # warm-up (imports, caches)
            seconds = min(_timed(ours) for _ in range(3))
            baseline = _timed(loop) * scale
            rows = size if case != "dsr" else -(-size // BANDS) * BANDS
            results.append(
                {
                    "case": case,
                    "size": rows,
                    "seconds": round(seconds, 4),
                    "peak_mib": round(_peak_mib(ours), 1),
                    "baseline_seconds": round(baseline, 3),
                    "ratio": round(baseline / seconds, 1),
                    "baseline_note": (
                        f"per-row Python loop (math module) timed on "
                        f"{round(rows / scale)} rows and scaled linearly to {rows}"
                    ),
                }
            )
    return results


def main() -> None:
    results = run()
    for r in results:
        print(
            f"{r['case']:<10} rows={r['size']:>9,} ours={r['seconds']:.3f}s "
            f"peak={r['peak_mib']:.0f}MiB loop≈{r['baseline_seconds']:.2f}s "
            f"speed-up×{r['ratio']:.0f} ({r['baseline_note']})"
        )
    RESULTS.write_text(json.dumps(results, indent=2) + "\n")


if __name__ == "__main__":
    main()
