"""Suggest priorities and categories for actions, and flag doubtful mappings."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

from joinedup.ingest.records import ActionRecord, PriorityRecord, StrategyRecord

from . import semantic as semantic_model
from .candidates import embedding_text
from .headings import heading_text
from .labelling import LabelScores, LabelSpace, score_labels
from .lexical import build_index
from .models import ActionKey, CategorySuggestion, PrioritySuggestion, SuspectMapping
from .synergies import key_of
from .text import action_text, normalise, priority_text

NO_GOOD_MATCH = 0.12
"""Best similarity (mean cosine to a label's prototype) below which we say so rather
than guess."""

CATEGORY_WORDS: dict[str, str] = {
    "early intervention & prevention": "prevention early intervention awareness campaign "
    "screening immunisation health checks brief advice healthy lifestyles education",
    "treatment": "treatment clinical service therapy medication diagnosis specialist "
    "hospital care cessation support quit referral",
    "long-term management & support": "long term conditions management self management "
    "support rehabilitation reablement care carers independence recovery ongoing",
}
"""Words that describe the three default contribution categories."""


def priority_label_text(priority: PriorityRecord) -> str:
    """A priority's name and description, plus what strategies usually cover under a
    heading like its name (see headings.yaml)."""
    return _join_text(priority_text(priority), heading_text(priority.name))


def _join_text(*parts: str) -> str:
    return " . ".join(p for p in parts if p)


def _space(actions: Sequence[ActionRecord], label_texts: list[str],
           semantic: bool) -> LabelSpace:
    texts = [normalise(action_text(a)) for a in actions]
    index = build_index(texts + [normalise(t) for t in label_texts])
    n = len(texts)
    space = LabelSpace(actions=index.combined[:n], labels=index.combined[n:])
    if not semantic:
        return space
    dense = semantic_model.embed([embedding_text(a) for a in actions] + label_texts)
    return LabelSpace(actions=space.actions, labels=space.labels,
                      dense_actions=dense[:n], dense_labels=dense[n:])


def _given(actions: Sequence[ActionRecord], confirmed: Mapping[ActionKey, Sequence] | None,
           field: str) -> dict[int, tuple]:
    """Row positions with labels: what the plan gives plus what people confirmed."""
    given = {n: tuple(getattr(a, field)) for n, a in enumerate(actions) if getattr(a, field)}
    for n, action in enumerate(actions):
        if confirmed and key_of(action) in confirmed:
            given[n] = tuple(confirmed[key_of(action)])
    return given


def _ranked_scores(space: LabelSpace, given: dict[int, tuple], position: dict,
                   targets: np.ndarray, centroids: bool = True) -> LabelScores:
    confirmed = np.array(sorted(given), dtype=np.int64)
    assigned = [[position[v] for v in given[n] if v in position] for n in confirmed]
    keep = [bool(a) for a in assigned]
    return score_labels(space, targets, confirmed[keep], [a for a in assigned if a],
                        centroids=centroids)


def priority_space(actions: Sequence[ActionRecord], strategy: StrategyRecord, *,
                   semantic: bool = False) -> LabelSpace:
    """Actions and the strategy's priorities as vectors: build once, pass to both
    suggest_priorities and flag_suspect_mappings (it is most of their cost)."""
    return _space(list(actions), [priority_label_text(p) for p in strategy.priorities], semantic)


def suggest_priorities(actions: Sequence[ActionRecord], strategy: StrategyRecord, *,
                       confirmed: Mapping[ActionKey, tuple[int, ...]] | None = None,
                       semantic: bool = False, top_n: int = 3,
                       space: LabelSpace | None = None) -> list[PrioritySuggestion]:
    """Top priorities for every action that has none, learning from confirmed ones.

    `space` is priority_space() of the same actions and strategy, when already built.
    """
    actions = list(actions)
    numbers = [p.number for p in strategy.priorities]
    given = _given(actions, confirmed, "priority_numbers")
    targets = np.array([n for n in range(len(actions)) if n not in given], dtype=np.int64)
    if not len(targets) or not numbers:
        return []
    space = space or priority_space(actions, strategy, semantic=semantic)
    scores = _ranked_scores(space, given, {v: i for i, v in enumerate(numbers)}, targets)
    return [_suggestion(key_of(actions[t]), row, best, numbers, top_n)
            for t, row, best in zip(targets.tolist(), scores.probability,
                                    scores.similarity.max(axis=1), strict=True)]


def _top(row: np.ndarray, labels: list, top_n: int) -> list[tuple]:
    order = np.argsort(-row, kind="stable")[:top_n]
    return [(labels[i], round(float(row[i]), 4)) for i in order]


def _suggestion(key: ActionKey, row: np.ndarray, best_similarity: float, numbers: list[int],
                top_n: int) -> PrioritySuggestion:
    """Ranked by probability; 'no good match' when even the best label is not similar."""
    ranked = _top(row, numbers, top_n)
    weak = best_similarity < NO_GOOD_MATCH
    reason = "No good match: no priority fits this action well." if weak else ""
    return PrioritySuggestion(action=key, ranked=ranked, no_good_match=weak, reason=reason)


def suggest_categories(actions: Sequence[ActionRecord], strategy: StrategyRecord, *,
                       confirmed: Mapping[ActionKey, tuple[str, ...]] | None = None,
                       semantic: bool = False, top_n: int = 3) -> list[CategorySuggestion]:
    """Top contribution categories for every action that has none."""
    actions = list(actions)
    names = list(strategy.categories)
    given = _given(actions, confirmed, "categories")
    targets = np.array([n for n in range(len(actions)) if n not in given], dtype=np.int64)
    if not len(targets) or not names:
        return []
    label_texts = [f"{c} {CATEGORY_WORDS.get(c.lower(), '')}" for c in names]
    space = _space(actions, label_texts, semantic)
    scores = _ranked_scores(space, given, {v: i for i, v in enumerate(names)}, targets)
    out = []
    for t, row, best in zip(targets.tolist(), scores.probability,
                            scores.similarity.max(axis=1), strict=True):
        ranked = _top(row, names, top_n)
        weak = best < NO_GOOD_MATCH
        out.append(CategorySuggestion(action=key_of(actions[t]), ranked=ranked, no_good_match=weak,
                                      reason="No good match." if weak else ""))
    return out


def flag_suspect_mappings(actions: Sequence[ActionRecord], strategy: StrategyRecord, *,
                          semantic: bool = False, ratio: float = 2.0,
                          space: LabelSpace | None = None) -> list[SuspectMapping]:
    """Mapped actions whose main priority is not the best fit and another is far better.

    Each action is scored as if unmapped (it is not its own neighbour). `space`
    is priority_space() of the same actions and strategy, when already built.
    """
    actions = list(actions)
    numbers = [p.number for p in strategy.priorities]
    names = {p.number: p.name for p in strategy.priorities}
    position = {v: i for i, v in enumerate(numbers)}
    given = _given(actions, None, "priority_numbers")
    mapped = np.array([n for n in sorted(given) if given[n][0] in position], dtype=np.int64)
    if not len(mapped):
        return []
    space = space or priority_space(actions, strategy, semantic=semantic)
    scores = _ranked_scores(space, given, position, mapped, centroids=False).similarity
    suspects = []
    for n, row in zip(mapped.tolist(), scores, strict=True):
        main = given[n][0]
        best = int(np.argmax(row))
        if best != position[main] and row[best] >= max(ratio * row[position[main]], NO_GOOD_MATCH):
            suspects.append(SuspectMapping(
                action=key_of(actions[n]), given=main, given_score=round(float(row[position[main]]), 4),
                better=numbers[best], better_score=round(float(row[best]), 4),
                message=(f"Mapped to priority {main} {names[main]}, but it reads much more like "
                         f"priority {numbers[best]} {names[numbers[best]]} "
                         f"(score {row[best]:.2f} against {row[position[main]]:.2f}).")))
    return suspects
