"""Find actions in different partners' plans that duplicate or could join up.

Retrieval (candidates.py) proposes pairs; the calibrated model turns their
features into a probability; pairs below the threshold are not returned, so
"no good match" is an honest empty answer.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

from joinedup.ingest.records import ActionRecord

from .calibration import model_for
from .candidates import Candidates, build_candidates
from .clusters import build_clusters
from .evidence import build_evidence, shared_phrases
from .models import ActionKey, CandidatePair, SynergyResult
from .overlap import EVIDENCE_SHARE, PlaceTree, linked_words

DEFAULT_THRESHOLD = 0.5


def key_of(action: ActionRecord) -> ActionKey:
    return (action.partner, action.reference)


def score_candidates(candidates: Candidates, method: str) -> tuple[np.ndarray, np.ndarray]:
    """(P(real pair), P(duplicate | real pair)) for every candidate."""
    features = candidates.features
    match = model_for(method, "match").probability(features.names, features.values)
    kind = model_for(method, "kind").probability(features.names, features.values)
    return match, kind


def find_synergies(actions: Sequence[ActionRecord], *, semantic: bool = False,
                   top_k: int = 10, threshold: float | None = None,
                   dismissed: set[frozenset[tuple[str, str]]] | frozenset = frozenset(),
                   priority_names: Mapping[int, str] | None = None,
                   place_parents: Mapping[str, str] | None = None) -> SynergyResult:
    """Pairs of actions from different partners with the same or similar outcomes.

    Scores are calibrated probabilities; `threshold` defaults to 0.5. Pairs a
    person has dismissed (frozensets of two (partner, reference) keys) are left out.
    `place_parents` maps a place (code or name) to the place containing it, so a
    ward and its district count as overlapping.
    """
    actions = list(actions)
    if len({a.partner for a in actions}) < 2:
        return SynergyResult(pairs=[], clusters=[])
    method = "combined" if semantic else "lexical"
    candidates = build_candidates(actions, semantic=semantic, top_k=top_k,
                                  places=PlaceTree(place_parents))
    match, kind = score_candidates(candidates, method)
    cut = DEFAULT_THRESHOLD if threshold is None else threshold
    pairs = []
    for n in np.flatnonzero(match >= cut):
        pair = _pair(actions, candidates, int(n), float(match[n]), float(kind[n]),
                     priority_names or {})
        if frozenset((pair.a, pair.b)) not in dismissed:
            pairs.append(pair)
    pairs.sort(key=lambda p: (-p.score, p.a, p.b))
    by_key = {key_of(a): a for a in actions}
    return SynergyResult(pairs=pairs, clusters=build_clusters(pairs, by_key))


def _pair(actions: Sequence[ActionRecord], candidates: Candidates, n: int, score: float,
          duplicate: float, priority_names: Mapping[int, str]) -> CandidatePair:
    features = candidates.features
    i, j = int(features.left[n]), int(features.right[n])
    if key_of(actions[j]) < key_of(actions[i]):
        i, j = j, i
    a, b = actions[i], actions[j]
    semantic = float(features.column("sem")[n]) if "sem" in features.names else None
    phrases = shared_phrases(candidates.index.words, candidates.index.terms, i, j)
    links = [(a, b, linked_words(candidates.links, i, j, EVIDENCE_SHARE)),
             (b, a, linked_words(candidates.links, j, i, EVIDENCE_SHARE))]
    evidence = build_evidence(
        a, b, phrases, lexical=float(features.column("lex_combined")[n]),
        outcome=float(features.column("lex_outcome")[n]), semantic=semantic,
        priority_names=priority_names,
        places_overlap=bool(features.column("place_overlap")[n] > 0),
        links=[(src.title, dst.title, words) for src, dst, words in links if words])
    return CandidatePair(a=key_of(a), b=key_of(b), score=round(score, 4),
                         kind="duplicate" if duplicate >= 0.5 else "synergy",
                         evidence=evidence)
