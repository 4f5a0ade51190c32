"""Plain-English evidence for a candidate pair, so a person can judge it."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import scipy.sparse as sp

from joinedup.ingest.records import POPULATION_GROUPS, ActionRecord

from .models import Evidence
from .overlap import action_places

MAX_PHRASES = 6


def shared_phrases(words: sp.csr_matrix, terms: np.ndarray, i: int, j: int) -> list[str]:
    """Terms both actions use, most distinctive first (canonical tokens as words)."""
    a, b = slice(words.indptr[i], words.indptr[i + 1]), slice(words.indptr[j], words.indptr[j + 1])
    weights = dict(zip(words.indices[a].tolist(), words.data[a].tolist(), strict=True))
    common = [(weights[c] * v, c) for c, v in zip(words.indices[b].tolist(),
                                                  words.data[b].tolist(), strict=True)
              if c in weights and v > 0]
    common.sort(reverse=True)
    phrases: list[str] = []
    for _, column in common:
        phrase = str(terms[column]).replace("_", " ")
        if not any(phrase in p for p in phrases):
            phrases.append(phrase)
        if len(phrases) == MAX_PHRASES:
            break
    return phrases


def _shared(a: tuple, b: tuple) -> list:
    return sorted(set(a) & set(b))


def _priority_label(number: int, names: Mapping[int, str]) -> str:
    return f"{number} {names[number]}" if number in names else str(number)


def build_evidence(a: ActionRecord, b: ActionRecord, phrases: list[str], *,
                   lexical: float, outcome: float, semantic: float | None,
                   priority_names: Mapping[int, str], places_overlap: bool = False,
                   links: Sequence[tuple[str, str, list[str]]] = ()) -> Evidence:
    """Collect what the two actions share and say it in plain English.

    `links` holds (naming title, named title, words it names) for each action
    that refers people to, or works through, the other's service.
    """
    priorities = _shared(a.priority_numbers, b.priority_numbers)
    places = _shared(a.area_codes, b.area_codes)
    groups = _shared(a.population_groups, b.population_groups)
    reasons = []
    for source, target, words in links:
        reasons.append(f"“{source}” refers people to, or works through, what “{target}” "
                       f"does (it names: {', '.join(words)})")
    if phrases:
        reasons.append("Both work on " + ", ".join(phrases[:4]))
    if outcome >= 0.3:
        reasons.append(f"Intended outcomes and measures are similar (similarity {outcome:.2f})")
    if semantic is not None and semantic >= 0.5:
        reasons.append(f"Descriptions mean much the same (embedding similarity {semantic:.2f})")
    reasons += [f"Same priority: {_priority_label(p, priority_names)}" for p in priorities]
    named_places = (action_places(a), action_places(b))
    if places:
        reasons.append("Same places: " + ", ".join(places))
    elif a.whole_area and b.whole_area:
        reasons.append("Both cover the whole area")
    elif places_overlap and all(named_places):
        reasons.append(f"Places overlap: {', '.join(named_places[0])} and "
                       f"{', '.join(named_places[1])}")
    if groups:
        labels = [POPULATION_GROUPS.get(g, g) for g in groups]
        reasons.append("Same population groups: " + ", ".join(labels))
    return Evidence(shared_phrases=phrases, shared_priorities=priorities, shared_places=places,
                    shared_groups=groups, lexical_score=round(lexical, 4),
                    semantic_score=None if semantic is None else round(semantic, 4),
                    reasons=reasons)
