"""The demo's outcomes data loads and every target gets a status."""

from __future__ import annotations

from pathlib import Path

from joinedup.accounts.scope import Scope
from joinedup.outcomes.demo import load_demo_outcomes
from joinedup.outcomes.progress import status_of

DEMO = Path(__file__).resolve().parents[2] / "demo"


def test_demo_outcomes_load_with_targets_that_have_data(world):
    load_demo_outcomes(world.board, DEMO)
    scope = Scope.system(world.board)
    assert scope.indicators().count() == 6
    assert scope.areas().filter(code__startswith="E05099").count() == 30
    targets = list(scope.targets())
    assert {t.kind for t in targets} == {"value", "gap"}
    assert all(status_of(scope, t).status != "no_data" for t in targets)
    (gap,) = [t for t in targets if t.kind == "gap"]
    # the target is the baseline gap less 10%
    assert gap.target_value == round(gap.baseline_value * 0.9, 3)
    assert status_of(scope, gap).rule.startswith("Latest gap ")
    respiratory = scope.indicators().get(name="Under 75 mortality rate from respiratory disease")
    assert list(respiratory.priorities.values_list("number", flat=True)) == [2]
