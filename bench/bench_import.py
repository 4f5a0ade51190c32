"""Import throughput: parsing a partner plan, and writing it to the database, timed apart.

Run one case per process so peak memory (max RSS) belongs to that case alone:
    python bench/bench_import.py parse 10000
    python bench/bench_import.py write 10000
Each prints one JSON line. `run()` drives all cases for bench/run.py.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SIZES = (1_000, 10_000, 100_000)


def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _plan(size: int, folder: Path) -> Path:
    sys.path.insert(0, str(HERE))
    from synthetic import write_plan

    return write_plan(folder / f"plan-{size}.xlsx", size)


def _parse(size: int, folder: Path) -> dict:
    """read_plan against the floor: openpyxl merely iterating the same cells."""
    from openpyxl import load_workbook

    from joinedup.ingest import read_plan

    path = _plan(size, folder)
    start = time.perf_counter()
    result = read_plan(path, partner="Synthetic partner")
    seconds = time.perf_counter() - start
    assert len(result.actions) == size, (len(result.actions), result.rejected[:3])
    start = time.perf_counter()
    book = load_workbook(path, read_only=True)
    for _row in book.active.iter_rows(values_only=True):
        pass
    baseline = time.perf_counter() - start
    return {"seconds": seconds, "baseline_seconds": baseline,
            "baseline_note": "openpyxl read-only iteration of the same cells, no mapping or parsing"}


def _write(size: int, folder: Path) -> dict:
    os.environ["JOINEDUP_DB_PATH"] = str(folder / "bench.sqlite3")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "joinedup.settings.dev")
    import django

    django.setup()
    from django.core.management import call_command

    from joinedup.actions.importing import import_plan
    from joinedup.ingest import load_strategy, read_plan
    from joinedup.partners.models import Organisation, Partnership
    from joinedup.strategy.loading import store_strategy

    call_command("migrate", verbosity=0)
    partnership = Partnership.objects.create(name="Bench", slug="bench")
    store_strategy(partnership, load_strategy(HERE.parent / "demo" / "strategy.yaml"))
    result = read_plan(_plan(size, folder), partner="Synthetic partner")
    owner = Organisation.objects.create(name="Synthetic partner")
    start = time.perf_counter()
    report = import_plan(partnership, owner, "Synthetic plan", result, source="synthetic")
    seconds = time.perf_counter() - start
    assert report.created == size
    return {"seconds": seconds, **_one_at_a_time(partnership, result.actions[:BASELINE_ROWS], size)}


BASELINE_ROWS = 500


def _one_at_a_time(partnership, records, size: int) -> dict:
    """The naive path: one ORM create and three link updates per action, scaled to `size`."""
    from joinedup.actions.models import Action
    from joinedup.actions.records import stored_values
    from joinedup.partners.models import Organisation

    owner = Organisation.objects.create(name="Baseline partner")
    start = time.perf_counter()
    for record in records:
        action = Action.objects.create(partnership=partnership, owner=owner,
                                       **stored_values(record))
        action.priorities.set(list(partnership.priorities.filter(number__in=record.priority_numbers)))
        action.categories.set([])
        action.population_groups.set([])
    elapsed = time.perf_counter() - start
    return {"baseline_seconds": elapsed * size / len(records),
            "baseline_note": f"one ORM create per action, timed on {len(records)} rows, scaled"}


def _case(kind: str, size: int) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        measured = (_parse if kind == "parse" else _write)(size, Path(tmp))
    return {"case": f"import-{kind}", "size": size, **measured,
            "rows_per_second": size / measured["seconds"],
            "ratio": measured["baseline_seconds"] / measured["seconds"], "peak_mib": _peak_mib()}


def run(sizes=SIZES) -> list[dict]:
    results = []
    for size in sizes:
        for kind in ("parse", "write"):
            out = subprocess.run([sys.executable, __file__, kind, str(size)], check=True,
                                 capture_output=True, text=True)
            results.append(json.loads(out.stdout.strip().splitlines()[-1]))
    return results


if __name__ == "__main__":
    print(json.dumps(_case(sys.argv[1], int(sys.argv[2]))))
