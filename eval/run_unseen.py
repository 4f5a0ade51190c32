"""The unseen check: how joinedup does on plans and strategies written without knowing it.

    .venv/bin/python eval/run_unseen.py [--semantic]

eval/unseen/ holds two fictional partnerships' plans, in the layouts real
partners publish, with strategies given as short headings only, and gold
labels written by someone who had not read joinedup's code or vocabularies
(eval/unseen/README.md). Nothing is fitted or tuned to it. For each area it
reads the plan files as `joinedup analyse` does and reports:

* reading: gold actions found among the actions read, rows rejected, warnings;
* priorities: top-1 / top-3 against the gold main priority, for the actions
  whose plan gives no priority (the plan's own priorities are learned from,
  as in use) and for every action with nothing confirmed;
* pairs: of the gold duplicate/synergy pairs, how many are returned at the
  0.5 threshold; how many labelled hard negatives are returned; average
  precision of the gold positives among labelled pairs, ranked by score.
"""

from __future__ import annotations

import argparse
import csv
import re
from collections import defaultdict
from dataclasses import replace
from pathlib import Path

import numpy as np

from joinedup.analysis import semantic as semantic_model
from joinedup.analysis.priorities import suggest_priorities
from joinedup.analysis.synergies import DEFAULT_THRESHOLD, find_synergies
from joinedup.ingest.errors import IngestError
from joinedup.ingest.plans import PlansRead, partners_from_leads, read_plans
from joinedup.ingest.strategy import load_strategy

UNSEEN = Path(__file__).resolve().parent / "unseen"
_SPACE = re.compile(r"\s+")


def _norm(text: str) -> str:
    return _SPACE.sub(" ", text).strip().lower()


def _rows(name: str) -> list[dict[str, str]]:
    with (UNSEEN / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _locate(actions, gold_rows) -> dict[tuple[str, str], tuple[str, str]]:
    """(file, gold action text) -> the action's key, matched on its title or description."""
    by_text: dict[tuple[str, str], list] = defaultdict(list)
    for a in actions:
        file = a.location.file if a.location else ""
        for text in {a.title, a.description}:
            if text:
                by_text[(file, _norm(text))].append(a)
    found = {}
    for row in gold_rows:
        file = Path(row["file"]).name
        matches = by_text.get((file, _norm(row["action"])), [])
        if len(matches) == 1:
            found[(file, row["action"])] = (matches[0].partner, matches[0].reference)
    return found


def average_precision(scores: list[float], truth: list[bool]) -> float:
    order = np.argsort(-np.asarray(scores), kind="stable")
    hits, total = 0, 0.0
    for rank, n in enumerate(order, 1):
        if truth[n]:
            hits += 1
            total += hits / rank
    return total / max(sum(truth), 1)


def evaluate_area(area: str, semantic: bool) -> None:
    folder = UNSEEN / ("harrowfield" if area == "harrowfield" else "lynmouth")
    strategy = load_strategy(folder / "strategy.yaml")
    files = sorted(p for p in folder.iterdir() if p.suffix in (".xlsx", ".docx", ".csv"))
    read, unread = PlansRead(), []
    for file in files:
        try:
            one = read_plans([file], priorities=[(p.number, p.name) for p in strategy.priorities])
        except IngestError as error:
            unread.append(str(error.problem))
            continue
        actions = partners_from_leads(one.actions) or one.actions
        read.actions += actions
        read.rejected += one.rejected
        read.warnings += one.warnings
    actions = read.actions
    gold = [r for r in _rows("gold_priorities.csv") if r["area"] == area]
    where = _locate(actions, gold)
    method = "combined" if semantic else "lexical"
    print(f"unseen {area:<12} {method:<9} reading: {len(where)}/{len(gold)} gold actions "
          f"found among {len(actions)} read from {len(files)} files; "
          f"{len(read.rejected)} rows rejected, {len(read.warnings)} warnings")
    for problem in unread:
        print(f"unseen {area:<12} {method:<9} file not read: {problem}")
    main = {where[(Path(r['file']).name, r['action'])]: int(r["main_priority"])
            for r in gold if (Path(r["file"]).name, r["action"]) in where}
    settings = {"plan's own priorities confirmed": actions,
                "none confirmed": [replace(a, priority_numbers=()) for a in actions]}
    for label, given in settings.items():
        suggestions = [s for s in suggest_priorities(given, strategy, semantic=semantic)
                       if s.action in main]
        if not suggestions:
            print(f"unseen {area:<12} {method:<9} priorities, {label}: no actions to suggest for")
            continue
        top1 = np.mean([s.ranked[0][0] == main[s.action] for s in suggestions])
        top3 = np.mean([main[s.action] in [n for n, _ in s.ranked] for s in suggestions])
        print(f"unseen {area:<12} {method:<9} priorities, {label}: n={len(suggestions)} "
              f"top1={top1:.3f} top3={top3:.3f}")
    pairs = find_synergies(actions, semantic=semantic, threshold=0.0).pairs
    score = {frozenset((p.a, p.b)): p.score for p in pairs}
    labelled = []
    for r in _rows("gold_pairs.csv"):
        if r["area"] != area:
            continue
        a = where.get((Path(r["a_file"]).name, r["a_action"]))
        b = where.get((Path(r["b_file"]).name, r["b_action"]))
        s = score.get(frozenset((a, b)), 0.0) if a and b else 0.0
        labelled.append((r["label"] != "negative", s))
    positives = sum(t for t, _ in labelled)
    found = sum(t and s >= DEFAULT_THRESHOLD for t, s in labelled)
    false = sum((not t) and s >= DEFAULT_THRESHOLD for t, s in labelled)
    retrieved = sum(t and s > 0 for t, s in labelled)
    ap = average_precision([s for _, s in labelled], [t for t, _ in labelled])
    returned = sum(p.score >= DEFAULT_THRESHOLD for p in pairs)
    print(f"unseen {area:<12} {method:<9} pairs: returned={returned}; gold positives found "
          f"{found}/{positives} (proposed at any score {retrieved}); hard negatives returned "
          f"{false}/{len(labelled) - positives}; AP over labelled pairs={ap:.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--semantic", action="store_true", help="also the combined method")
    args = parser.parse_args()
    methods = [False] + ([True] if args.semantic and semantic_model.available() else [])
    for semantic in methods:
        for area in ("harrowfield", "lynmouth"):
            evaluate_area(area, semantic)


if __name__ == "__main__":
    main()
