"""Group accepted pairs into clusters and suggest what to do with each."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

import numpy as np
import scipy.sparse as sp
from scipy.sparse.csgraph import connected_components

from joinedup.ingest.records import ActionRecord

from .models import ActionKey, CandidatePair, Cluster


def completeness(action: ActionRecord) -> int:
    """How many accountability fields are filled (the stronger action keeps going)."""
    fields = (
        action.lead_name or action.lead_role,
        action.resource_amount is not None or action.resource_staff_time
        or action.resource_funding_source,
        action.outcome_measures,
        action.end_date is not None or action.end_text,
        action.barriers,
        action.progress_note or action.status,
        action.evidence or action.evidence_links,
    )
    return sum(bool(f) for f in fields)


def _strength(action: ActionRecord) -> tuple[int, Decimal, str, str]:
    return (completeness(action), action.resource_amount or Decimal(0),
            action.partner, action.reference)


def build_clusters(pairs: Sequence[CandidatePair],
                   by_key: dict[ActionKey, ActionRecord]) -> list[Cluster]:
    """Connected components of accepted pairs, largest first."""
    keys = sorted({k for p in pairs for k in (p.a, p.b)})
    if not keys:
        return []
    position = {k: n for n, k in enumerate(keys)}
    rows = [position[p.a] for p in pairs]
    cols = [position[p.b] for p in pairs]
    graph = sp.coo_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(keys), len(keys)))
    _, labels = connected_components(graph, directed=False)
    members: dict[int, list[ActionKey]] = {}
    for n, label in enumerate(labels.tolist()):
        members.setdefault(label, []).append(keys[n])
    kinds: dict[int, list[str]] = {}
    for pair, row in zip(pairs, rows, strict=True):
        kinds.setdefault(int(labels[row]), []).append(pair.kind)
    clusters = [_cluster(members[label], kinds[label], by_key) for label in members]
    return sorted(clusters, key=lambda c: (-len(c.actions), c.actions))


def _cluster(members: list[ActionKey], kinds: list[str],
             by_key: dict[ActionKey, ActionRecord]) -> Cluster:
    duplicate = kinds.count("duplicate") * 2 > len(kinds)
    names = "; ".join(f"{p}/{r}" for p, r in members)
    if not duplicate:
        text = f"Bring together for joint or integrated delivery: {names}."
        return Cluster(actions=members, kind="synergy", suggestion="bring_together", text=text)
    keep = max(members, key=lambda k: _strength(by_key[k]))
    weaker = [k for k in members if k != keep]
    freed = sum((by_key[k].resource_amount or Decimal(0) for k in weaker), Decimal(0))
    text = (f"These actions duplicate each other. Keep {keep[0]}/{keep[1]} (most complete) "
            f"and consider decommissioning {', '.join(f'{p}/{r}' for p, r in weaker)}"
            f" to free £{freed:,.0f}.")
    return Cluster(actions=members, kind="duplicate", suggestion="decommission", text=text,
                   decommission=weaker, resources_freed=freed)
