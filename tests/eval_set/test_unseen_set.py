"""The unseen check set stays whole: every gold action is in its file, counts match.

eval/unseen/check.py reads the plan files directly (not through joinedup) and
exits non-zero on any problem; here it is run as `make eval` would rely on it.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

CHECK = Path(__file__).resolve().parents[2] / "eval" / "unseen" / "check.py"


def test_the_unseen_set_is_consistent():
    result = subprocess.run([sys.executable, str(CHECK)], capture_output=True, text=True,
                            check=False, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "162 labelled actions in 6 files, 74 pairs (46 positive, 28 negative)" in result.stdout


def test_every_unseen_plan_reads_and_every_gold_action_is_found():
    sys.path.insert(0, str(CHECK.parent.parent))
    try:
        import run_unseen
    finally:
        sys.path.remove(str(CHECK.parent.parent))
    from joinedup.ingest.plans import read_plans
    from joinedup.ingest.strategy import load_strategy

    for area, expected in (("harrowfield", 84), ("lynmouth", 78)):
        folder = run_unseen.UNSEEN / area
        strategy = load_strategy(folder / "strategy.yaml")
        files = sorted(p for p in folder.iterdir() if p.suffix in (".xlsx", ".docx", ".csv"))
        read = read_plans(files, priorities=[(p.number, p.name) for p in strategy.priorities])
        gold = [r for r in run_unseen._rows("gold_priorities.csv") if r["area"] == area]
        assert len(gold) == expected
        # Every gold action is read, from the right file, exactly once; no row is rejected.
        assert len(run_unseen._locate(read.actions, gold)) == expected
        assert read.rejected == []
