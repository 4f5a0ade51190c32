"""Map pair features to a calibrated match probability (and duplicate vs synergy).

The parameters live in calibration.json, written by eval/fit_calibration.py
from the evaluation set, so every coefficient can be reproduced. A logistic
model is small, explains itself and is well calibrated when fitted on
representative pairs.

Many real plans leave out the structured fields (priority, places, population
groups, category). A model fitted where they are known cannot simply treat a
missing one as average: when two actions read alike their places usually do
overlap, and the model learned to expect that agreement from real pairs, so
imputing the average leaves them far below the threshold. Instead there is one
model per pattern of known fields ("reduced-feature models": Saar-Tsechansky
and Provost, JMLR 8, 2007), each fitted on the same pairs with only the
features that pattern has, and a pair is scored by the model for its pattern.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from itertools import combinations
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.linear_model import LogisticRegression, LogisticRegressionCV
from sklearn.model_selection import StratifiedKFold

PARAMETER_FILE = "calibration.json"


@dataclass(frozen=True)
class LogisticParameters:
    """A fitted logistic model over named, standardised features."""

    features: tuple[str, ...]
    mean: np.ndarray
    scale: np.ndarray
    coef: np.ndarray
    intercept: float

    def probability(self, names: tuple[str, ...], values: np.ndarray) -> np.ndarray:
        """P(positive) for rows of `values` whose columns are named `names`.

        A missing value (NaN: the plans do not say) counts as the average, so
        it neither raises nor lowers the probability.
        """
        columns = [names.index(f) for f in self.features]
        z = np.nan_to_num((values[:, columns] - self.mean) / self.scale, nan=0.0)
        return 1.0 / (1.0 + np.exp(-(z @ self.coef + self.intercept)))

    def to_json(self) -> dict[str, Any]:
        return {"features": list(self.features), "mean": self.mean.tolist(),
                "scale": self.scale.tolist(), "coef": self.coef.tolist(),
                "intercept": self.intercept}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> LogisticParameters:
        return cls(features=tuple(data["features"]), mean=np.asarray(data["mean"]),
                   scale=np.asarray(data["scale"]), coef=np.asarray(data["coef"]),
                   intercept=float(data["intercept"]))


REGULARISATION_GRID = np.logspace(-2, 2, 9)
"""Inverse regularisation strengths tried by cross-validation (0.01 .. 100)."""


def fit_logistic(names: tuple[str, ...], values: np.ndarray, labels: np.ndarray,
                 *, c: float | None = None) -> LogisticParameters:
    """Fit a regularised logistic model on standardised features.

    Missing values (NaN) are filled with the column's mean, as at prediction.
    With c=None the strength is chosen by 5-fold cross-validated log loss on
    the fitting data itself (few labelled pairs call for more shrinkage; the
    data, not a person, decides how much).
    """
    known = ~np.isnan(values)
    counts = known.sum(axis=0)
    mean = np.where(known, values, 0.0).sum(axis=0) / np.maximum(counts, 1)
    filled = np.where(known, values, mean)
    scale = filled.std(axis=0)
    scale[scale == 0] = 1.0
    folds = min(5, int(np.bincount(labels.astype(int), minlength=2).min()))
    if c is None and folds >= 2:
        model = LogisticRegressionCV(
            Cs=REGULARISATION_GRID, cv=StratifiedKFold(folds, shuffle=True, random_state=0),
            scoring="neg_log_loss", max_iter=3000, l1_ratios=(0.0,),
            use_legacy_attributes=False)
    else:
        model = LogisticRegression(C=1.0 if c is None else c, max_iter=2000)
    model.fit((filled - mean) / scale, labels)
    return LogisticParameters(features=names, mean=mean, scale=scale,
                              coef=model.coef_[0].astype(float),
                              intercept=float(model.intercept_[0]))


STRUCTURED: dict[str, tuple[str, ...]] = {
    "priority": ("same_priority", "same_main_priority"),
    "place": ("place_overlap",),
    "group": ("group_overlap",),
    "category": ("same_category",),
}
"""Fields a plan may leave out, and the pair features that need them (NaN when unknown)."""


def pattern_key(known: frozenset[str] | set[str]) -> str:
    """'category+group+place+priority' for all known, '' for none."""
    return "+".join(sorted(known))


def pattern_subsets(names: tuple[str, ...]) -> list[frozenset[str]]:
    """Every combination of the structured fields whose features are among `names`."""
    present = [g for g, cols in STRUCTURED.items() if all(c in names for c in cols)]
    return [frozenset(c) for r in range(len(present) + 1) for c in combinations(present, r)]


def reduced_names(names: tuple[str, ...], known: frozenset[str]) -> tuple[str, ...]:
    """`names` without the features of the structured fields that are not known."""
    unknown = {c for g, cols in STRUCTURED.items() if g not in known for c in cols}
    return tuple(n for n in names if n not in unknown)


def row_patterns(names: tuple[str, ...], values: np.ndarray) -> np.ndarray:
    """The pattern key of each row: which structured fields both actions give."""
    present = [g for g, cols in STRUCTURED.items() if all(c in names for c in cols)]
    code = np.zeros(len(values), dtype=np.int64)
    for bit, group in enumerate(present):
        columns = [names.index(c) for c in STRUCTURED[group]]
        code |= (~np.isnan(values[:, columns]).any(axis=1)).astype(np.int64) << bit
    keys = np.array([pattern_key({g for bit, g in enumerate(present) if n >> bit & 1})
                     for n in range(2 ** len(present))], dtype=object)
    return keys[code]


@dataclass(frozen=True)
class PatternModels:
    """One logistic model per pattern of known structured fields."""

    models: dict[str, LogisticParameters]

    def probability(self, names: tuple[str, ...], values: np.ndarray) -> np.ndarray:
        out = np.empty(len(values))
        keys = row_patterns(names, values)
        for key in set(keys.tolist()):
            rows = keys == key
            out[rows] = self.models[key].probability(names, values[rows])
        return out

    def to_json(self) -> dict[str, Any]:
        return {key: model.to_json() for key, model in sorted(self.models.items())}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> PatternModels:
        return cls({key: LogisticParameters.from_json(model) for key, model in data.items()})


def fit_pattern_models(names: tuple[str, ...], values: np.ndarray,
                       labels: np.ndarray) -> PatternModels:
    """fit_logistic for every pattern of known fields, on the same rows.

    The rows should have the structured fields known (the evaluation set gives
    them all), so each reduced model learns what the remaining features say on
    their own.
    """
    models = {}
    for known in pattern_subsets(names):
        kept = reduced_names(names, known)
        columns = [names.index(n) for n in kept]
        models[pattern_key(known)] = fit_logistic(kept, values[:, columns], labels)
    return PatternModels(models)


@lru_cache(maxsize=4)
def load_parameters(path: str | None = None) -> dict[str, Any]:
    """The shipped calibration file (or another one, for experiments)."""
    if path is not None:
        return json.loads(Path(path).read_text("utf-8"))
    text = resources.files("joinedup.analysis").joinpath(PARAMETER_FILE).read_text("utf-8")
    return json.loads(text)


def model_for(method: str, target: str = "match") -> PatternModels:
    """The fitted models for a method ("lexical" | "combined") and target.

    target "match" gives P(pair is a real synergy or duplicate); "kind" gives
    P(duplicate | real pair).
    """
    return PatternModels.from_json(load_parameters()[method][target])


def expected_calibration_error(probs: np.ndarray, labels: np.ndarray, bins: int = 10) -> float:
    """ECE with equal-width bins: weighted mean |accuracy - confidence|."""
    edges = np.linspace(0, 1, bins + 1)
    which = np.clip(np.digitize(probs, edges[1:-1]), 0, bins - 1)
    total = 0.0
    for b in range(bins):
        mask = which == b
        if mask.any():
            total += mask.sum() * abs(labels[mask].mean() - probs[mask].mean())
    return total / max(len(probs), 1)
