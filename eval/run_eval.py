"""Measure synergy finding and priority suggestion on the evaluation set.

    .venv/bin/python eval/run_eval.py [--actions ...] [--pairs ...] [--strategy ...]

Per method: pair precision, recall and F1 at the threshold, average precision
and calibration error (ECE, 10 bins), on all pairs and on the held-out fold
(pairs never used by eval/fit_calibration.py); priority top-1 / top-3 accuracy
with half of each partner's actions confirmed and with none confirmed.
Baselines: plain TF-IDF cosine and plain MiniLM cosine, each with the threshold
that maximises F1 on the training fold.
"""

from __future__ import annotations

import argparse
import hashlib
from dataclasses import replace
from pathlib import Path

import numpy as np

from joinedup.analysis import semantic as semantic_model
from joinedup.analysis.calibration import expected_calibration_error, model_for
from joinedup.analysis.candidates import build_candidates
from joinedup.analysis.evaluation import (
    GoldPairs,
    held_out,
    load_actions,
    load_pairs,
    pair_metrics,
)
from joinedup.analysis.priorities import suggest_priorities
from joinedup.analysis.synergies import DEFAULT_THRESHOLD
from joinedup.ingest.strategy import load_strategy

ROOT = Path(__file__).resolve().parent.parent


def _truth(actions, features, gold: GoldPairs) -> tuple[np.ndarray, np.ndarray]:
    keys = [(a.partner, a.reference) for a in actions]
    pairs = list(zip(features.left.tolist(), features.right.tolist(), strict=True))
    real = np.array([gold.label(keys[i], keys[j]) in ("duplicate", "synergy") for i, j in pairs])
    fold = np.array([held_out(keys[i], keys[j]) for i, j in pairs])
    return real, fold


def _positives(gold: GoldPairs, partners: dict) -> tuple[int, int]:
    """Cross-partner gold positives, all and held out."""
    cross = [p for p in gold.positives() if len({k[0] for k in p}) == 2]
    return len(cross), sum(held_out(*sorted(p)) for p in cross)


def _best_threshold(scores: np.ndarray, truth: np.ndarray, n_pos: int) -> float:
    grid = np.unique(np.round(scores, 3))
    f1 = [pair_metrics(scores, truth, n_pos, t, 0.0).f1 for t in grid]
    return float(grid[int(np.argmax(f1))]) if len(grid) else 0.5


def report_pairs(name: str, scores, truth, fold, n_all: int, n_held: int,
                 threshold: float | None, calibrated: bool) -> None:
    if threshold is None:
        threshold = _best_threshold(scores[~fold], truth[~fold], n_all - n_held)
    for label, mask, n_pos in (("all", np.ones_like(fold), n_all), ("held-out", fold, n_held)):
        ece = expected_calibration_error(np.clip(scores[mask], 0, 1), truth[mask].astype(float))
        m = pair_metrics(scores[mask], truth[mask], n_pos, threshold, ece)
        ece_text = f"{m.ece:.3f}" if calibrated else f"{m.ece:.3f} (uncalibrated)"
        print(f"pairs  {name:<16} {label:<9} thr={threshold:.3f} P={m.precision:.3f} "
              f"R={m.recall:.3f} F1={m.f1:.3f} AP={m.average_precision:.3f} ECE={ece_text}")


def evaluate_pairs(actions, gold: GoldPairs, semantic_ok: bool) -> None:
    n_all, n_held = _positives(gold, {})
    print(f"gold cross-partner positive pairs: {n_all} (held out: {n_held})")
    lexical = build_candidates(actions, semantic=False).features
    truth, fold = _truth(actions, lexical, gold)
    report_pairs("tfidf-cosine", lexical.column("lex_combined"), truth, fold, n_all, n_held,
                 None, False)
    probs = model_for("lexical").probability(lexical.names, lexical.values)
    report_pairs("lexical", probs, truth, fold, n_all, n_held, DEFAULT_THRESHOLD, True)
    report_kind("lexical", actions, lexical, probs, gold)
    if not semantic_ok:
        print("semantic extra missing: semantic and combined methods skipped")
        return
    combined = build_candidates(actions, semantic=True).features
    truth, fold = _truth(actions, combined, gold)
    report_pairs("minilm-cosine", combined.column("sem"), truth, fold, n_all, n_held, None, False)
    probs = model_for("combined").probability(combined.names, combined.values)
    report_pairs("combined", probs, truth, fold, n_all, n_held, DEFAULT_THRESHOLD, True)
    report_kind("combined", actions, combined, probs, gold)


def report_kind(name: str, actions, features, probs, gold: GoldPairs) -> None:
    """Duplicate-vs-synergy accuracy on accepted pairs that are real."""
    method = "combined" if name == "combined" else "lexical"
    kind = model_for(method, "kind").probability(features.names, features.values) >= 0.5
    keys = [(a.partner, a.reference) for a in actions]
    labels = [gold.label(keys[i], keys[j]) for i, j in zip(features.left, features.right,
                                                          strict=True)]
    right = [(labels[n] == "duplicate") == kind[n] for n in np.flatnonzero(probs >= 0.5)
             if labels[n] in ("duplicate", "synergy")]
    print(f"kind   {name:<16} accepted real pairs={len(right)} "
          f"kind accuracy={np.mean(right) if right else float('nan'):.3f}")


def _half(action) -> bool:
    digest = hashlib.sha256(f"{action.partner}/{action.reference}".encode()).hexdigest()
    return int(digest, 16) % 2 == 0


def _ref_fold(key) -> str:
    """The README's priority fold: does the reference end in an odd digit?"""
    digits = [c for c in key[1] if c.isdigit()]
    return "odd" if digits and int(digits[-1]) % 2 else "even"


def evaluate_priorities(actions, strategy, semantic: bool, name: str) -> None:
    gold = {(a.partner, a.reference): a.priority_numbers[0] for a in actions
            if a.priority_numbers}
    gold_any = {(a.partner, a.reference): set(a.priority_numbers) for a in actions}
    settings = {
        "none confirmed": [replace(a, priority_numbers=()) for a in actions],
        "half confirmed": [a if _half(a) else replace(a, priority_numbers=()) for a in actions],
    }
    for label, given in settings.items():
        suggestions = [s for s in suggest_priorities(given, strategy, semantic=semantic)
                       if s.action in gold]
        top1 = np.mean([s.ranked[0][0] == gold[s.action] for s in suggestions])
        top3 = np.mean([gold[s.action] in [n for n, _ in s.ranked] for s in suggestions])
        top1_any = np.mean([s.ranked[0][0] in gold_any[s.action] for s in suggestions])
        weak = sum(s.no_good_match for s in suggestions)
        hits = {fold: [s.ranked[0][0] == gold[s.action] for s in suggestions
                       if _ref_fold(s.action) == fold] for fold in ("odd", "even")}
        folds = " ".join(f"top1[{fold}]={np.mean(h):.3f}" for fold, h in hits.items())
        print(f"priority {name:<10} {label:<15} n={len(suggestions)} top1={top1:.3f} "
              f"top3={top3:.3f} top1-in-any-gold={top1_any:.3f} no-good-match={weak} {folds}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actions", type=Path, default=ROOT / "eval" / "actions.csv")
    parser.add_argument("--pairs", type=Path, default=ROOT / "eval" / "pairs.csv")
    parser.add_argument("--strategy", type=Path, default=ROOT / "eval" / "strategy.yaml")
    args = parser.parse_args()
    actions = load_actions(args.actions)
    gold = load_pairs(args.pairs)
    semantic_ok = semantic_model.available()
    print(f"{len(actions)} actions, {len({a.partner for a in actions})} partners")
    evaluate_pairs(actions, gold, semantic_ok)
    if not args.strategy.exists():
        print(f"{args.strategy} missing: priority evaluation skipped")
        return
    strategy = load_strategy(args.strategy)
    evaluate_priorities(actions, strategy, False, "lexical")
    if semantic_ok:
        evaluate_priorities(actions, strategy, True, "combined")
    print("priority suggestion has no fitted parameters (label text counts as one example); "
          "top1[odd]/top1[even] are the README's priority folds")


if __name__ == "__main__":
    main()
