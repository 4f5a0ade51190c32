"""Load a labelled evaluation set and measure the analysis against it.

Used by eval/fit_calibration.py and eval/run_eval.py. The set is two CSV files:
actions (partner, ref, title, ..., priorities "main;other") and labelled pairs
(label duplicate | synergy | negative; unlisted pairs are negatives).
"""

from __future__ import annotations

import csv
import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

import numpy as np

from joinedup.ingest.places import parse_places
from joinedup.ingest.records import POPULATION_GROUPS, ActionRecord

from .models import ActionKey

_GROUP_CODES = {label.lower(): code for code, label in POPULATION_GROUPS.items()}


@dataclass(frozen=True)
class GoldPairs:
    """Labelled pairs keyed by frozenset of the two action keys."""

    labels: dict[frozenset[ActionKey], str]

    def label(self, a: ActionKey, b: ActionKey) -> str:
        return self.labels.get(frozenset((a, b)), "negative")

    def positives(self) -> set[frozenset[ActionKey]]:
        return {k for k, v in self.labels.items() if v in ("duplicate", "synergy")}


def _split(cell: str) -> tuple[str, ...]:
    return tuple(p.strip() for p in re.split(r"[;|]", cell or "") if p.strip())


def _group(value: str) -> str:
    lowered = value.strip().lower()
    return _GROUP_CODES.get(lowered, lowered.replace(" ", "_"))


_MONEY = re.compile(r"£?\s*([0-9][0-9,]*(?:\.[0-9]+)?)\s*([km]?)\b", re.IGNORECASE)
_MULTIPLIER = {"": 1, "k": 1_000, "m": 1_000_000}


def _money(cell: str) -> Decimal | None:
    """'£380k' -> 380000; text without an amount -> None."""
    match = _MONEY.search(cell or "")
    if not match:
        return None
    try:
        amount = Decimal(match.group(1).replace(",", ""))
    except InvalidOperation:
        return None
    return amount * _MULTIPLIER[match.group(2).lower()]


def action_from_row(row: dict[str, str]) -> ActionRecord:
    """One evaluation-set row as an ActionRecord (priorities kept, main first)."""
    whole, codes, names = parse_places("; ".join(_split(row.get("places", ""))))
    return ActionRecord(
        title=row.get("title", ""), partner=row["partner"], reference=row["ref"],
        description=row.get("description", ""), intended_outcome=row.get("intended_outcome", ""),
        outcome_measures=row.get("outcome_measures", ""), lead_role=row.get("lead", ""),
        priority_numbers=tuple(int(p) for p in _split(row.get("priorities", "")) if p.isdigit()),
        categories=_split(row.get("category", "")),
        population_groups=tuple(_group(g) for g in _split(row.get("population_groups", ""))),
        area_codes=codes, places_text=names, whole_area=whole,
        resource_amount=_money(row.get("resourcing", "")),
        resource_amount_text=row.get("resourcing", ""),
    )


def load_actions(path: str | Path) -> list[ActionRecord]:
    with Path(path).open(newline="", encoding="utf-8") as handle:
        return [action_from_row(row) for row in csv.DictReader(handle)]


def load_pairs(path: str | Path) -> GoldPairs:
    with Path(path).open(newline="", encoding="utf-8") as handle:
        return GoldPairs({
            frozenset(((r["a_partner"], r["a_ref"]), (r["b_partner"], r["b_ref"]))):
            r["label"].strip().lower() for r in csv.DictReader(handle)})


FOLDS = ("odd", "even")


def topic_fold(action: ActionRecord) -> str | None:
    """The README's pair fold of an action: parity of its main priority number."""
    if not action.priority_numbers:
        return None
    return "odd" if action.priority_numbers[0] % 2 else "even"


def pair_folds(actions: Sequence[ActionRecord], left: np.ndarray,
               right: np.ndarray) -> np.ndarray:
    """Fold of each pair: "odd"/"even" when both actions are in it, "" across folds."""
    folds = [topic_fold(a) or "" for a in actions]
    return np.array([folds[i] if folds[i] == folds[j] else ""
                     for i, j in zip(left.tolist(), right.tolist(), strict=True)], dtype=object)


@dataclass(frozen=True)
class PairMetrics:
    precision: float
    recall: float
    f1: float
    average_precision: float
    ece: float


def pair_metrics(scores: np.ndarray, truth: np.ndarray, n_positive: int,
                 threshold: float | np.ndarray, ece: float) -> PairMetrics:
    """Precision/recall/F1 at threshold and AP; recall counts gold pairs never retrieved.

    `threshold` is one number or one per pair (folds with their own thresholds).
    """
    chosen = scores >= threshold
    hits = int((chosen & truth).sum())
    precision = hits / max(int(chosen.sum()), 1)
    recall = hits / max(n_positive, 1)
    f1 = 2 * precision * recall / max(precision + recall, 1e-12)
    order = np.argsort(-scores, kind="stable")
    found = truth[order]
    ranks = np.flatnonzero(found) + 1
    ap = float((np.arange(1, len(ranks) + 1) / ranks).sum() / max(n_positive, 1))
    return PairMetrics(precision, recall, f1, ap, ece)
