"""`make bench`: every benchmark, one line per case, all results in bench/results.json.

Each suite module has `run() -> list[dict]`; a dict has at least `case`, `size`
and `seconds`, and where the case compares with a baseline, `baseline_seconds`
and `ratio` (baseline time / our time: above 1 means faster than the baseline).
"""

from __future__ import annotations

import importlib
import json
import os
import platform
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SUITES = ["bench_import", "bench_stats", "bench_analysis", "bench_pages"]


def line(result: dict) -> str:
    parts = [f"{result['case']:<28}", f"size={result['size']:>9,}", f"time={result['seconds']:.3f}s"]
    if "rows_per_second" in result:
        parts.append(f"rows/s={result['rows_per_second']:,.0f}")
    if "peak_mib" in result:
        parts.append(f"peak={result['peak_mib']:.0f}MiB")
    if result.get("ratio") is not None:
        parts.append(f"baseline={result['baseline_seconds']:.3f}s ratio={result['ratio']:.2f}x")
    elif result.get("ratio_to_baseline") is not None:
        parts.append(f"ratio={result['ratio_to_baseline']:.2f}x (rapidfuzz all-pairs, same size)")
    elif result["case"] == "rapidfuzz":
        parts.append("(the baseline)")
    elif "queries" not in result and "requests_per_second" not in result:
        parts.append("ratio=n/a (no baseline at this size)")
    for key in ("synergy_seconds", "priority_seconds"):
        if key in result:
            parts.append(f"{key.split('_')[0]}={result[key]:.2f}s")
    for key in ("queries", "requests_per_second", "note"):
        if key in result:
            parts.append(f"{key}={result[key]}")
    return "  ".join(parts)


def main(names: list[str]) -> None:
    sys.path.insert(0, str(HERE))
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    everything = {"machine": {"python": platform.python_version(), "cpus": os.cpu_count()},
                  "started": time.strftime("%Y-%m-%dT%H:%M:%S"), "results": []}
    for name in names or SUITES:
        if not (HERE / f"{name}.py").exists():
            print(f"{name}: not present, skipped")
            continue
        for result in importlib.import_module(name).run():
            result["suite"] = name
            print(line(result), flush=True)
            everything["results"].append(result)
    (HERE / "results.json").write_text(json.dumps(everything, indent=2, default=str) + "\n")
    print(f"Wrote {HERE / 'results.json'}")


if __name__ == "__main__":
    main(sys.argv[1:])
