"""Fit the calibration models shipped in src/joinedup/analysis/calibration.json.

Reproducible: candidates come from the same retrieval the product uses (with
the evaluation area's geography, eval/places.yaml), labels from the evaluation
set's pairs.csv. The shipped models are fitted on every labelled candidate;
eval/run_eval.py measures the same fitting procedure on held-out topics
(fit on one README fold, score the other), which is the figure to quote.

    .venv/bin/python eval/fit_calibration.py [--actions eval/actions.csv]
        [--pairs eval/pairs.csv] [--places eval/places.yaml]
        [--out src/joinedup/analysis/calibration.json]
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
from pathlib import Path

import numpy as np

from joinedup.analysis import semantic as semantic_model
from joinedup.analysis.calibration import fit_pattern_models
from joinedup.analysis.candidates import build_candidates
from joinedup.analysis.evaluation import GoldPairs, load_actions, load_pairs
from joinedup.analysis.overlap import PlaceTree
from joinedup.ingest.places import load_place_parents

ROOT = Path(__file__).resolve().parent.parent
TOP_K = 10


def candidate_labels(actions, features, gold: GoldPairs) -> tuple[np.ndarray, np.ndarray]:
    """(is real pair, is duplicate) for each candidate."""
    keys = [(a.partner, a.reference) for a in actions]
    labels = [gold.label(keys[i], keys[j]) for i, j in zip(features.left, features.right,
                                                          strict=True)]
    real = np.array([lab in ("duplicate", "synergy") for lab in labels])
    duplicate = np.array([lab == "duplicate" for lab in labels])
    return real, duplicate


def fit_models(features, real: np.ndarray, duplicate: np.ndarray, mask: np.ndarray) -> dict:
    """The match model on the masked candidates and the kind model on their real pairs."""
    match = fit_pattern_models(features.names, features.values[mask], real[mask])
    positives = mask & real
    kind = fit_pattern_models(features.names, features.values[positives], duplicate[positives])
    return {"match": match, "kind": kind,
            "fitted_on": {"candidates": int(mask.sum()), "positives": int(positives.sum()),
                          "duplicates": int((positives & duplicate).sum())}}


def fit_method(actions, gold: GoldPairs, semantic: bool, places: PlaceTree) -> dict:
    features = build_candidates(actions, semantic=semantic, top_k=TOP_K,
                                places=places).features
    real, duplicate = candidate_labels(actions, features, gold)
    models = fit_models(features, real, duplicate, np.ones(len(real), dtype=bool))
    return {"match": models["match"].to_json(), "kind": models["kind"].to_json(),
            "fitted_on": models["fitted_on"]}


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actions", type=Path, default=ROOT / "eval" / "actions.csv")
    parser.add_argument("--pairs", type=Path, default=ROOT / "eval" / "pairs.csv")
    parser.add_argument("--places", type=Path, default=ROOT / "eval" / "places.yaml")
    parser.add_argument("--out", type=Path,
                        default=ROOT / "src" / "joinedup" / "analysis" / "calibration.json")
    args = parser.parse_args()
    args.actions, args.pairs = args.actions.resolve(), args.pairs.resolve()
    actions = load_actions(args.actions)
    gold = load_pairs(args.pairs)
    places = PlaceTree(load_place_parents(args.places))
    result = {"source": {"actions": str(args.actions.relative_to(ROOT)),
                         "actions_sha256": digest(args.actions),
                         "pairs": str(args.pairs.relative_to(ROOT)),
                         "pairs_sha256": digest(args.pairs), "fold": "all labelled candidates",
                         "fitted": dt.date.today().isoformat()},
              "lexical": fit_method(actions, gold, False, places)}
    if semantic_model.available():
        result["combined"] = fit_method(actions, gold, True, places)
    else:
        print("semantic extra missing: only the lexical model was fitted")
    args.out.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
