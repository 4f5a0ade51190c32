from __future__ import annotations

from decimal import Decimal

from joinedup.analysis.clusters import build_clusters
from joinedup.analysis.models import CandidatePair, Evidence

from .conftest import action


def _pair(a, b, kind):
    evidence = Evidence([], [], [], [], 0.5, None, [])
    return CandidatePair(a=a, b=b, score=0.9, kind=kind, evidence=evidence)


def test_duplicate_cluster_frees_the_resources_of_the_weaker_actions():
    strong = action("A", "1", "Falls classes", lead_name="Jo", outcome_measures="falls",
                    resource_amount=Decimal("40000"))
    weak_b = action("B", "2", "Falls classes", resource_amount=Decimal("30000"))
    weak_c = action("C", "3", "Falls classes", resource_amount=Decimal("12500.50"))
    by_key = {(x.partner, x.reference): x for x in (strong, weak_b, weak_c)}
    pairs = [_pair(("A", "1"), ("B", "2"), "duplicate"),
             _pair(("B", "2"), ("C", "3"), "duplicate")]
    [cluster] = build_clusters(pairs, by_key)
    assert cluster.suggestion == "decommission"
    assert sorted(cluster.decommission) == [("B", "2"), ("C", "3")]
    # 30000 + 12500.50 by hand
    assert cluster.resources_freed == Decimal("42500.50")


def test_synergy_clusters_are_brought_together_and_separate_components_stay_apart():
    items = [action(p, r, "x") for p, r in (("A", "1"), ("B", "2"), ("C", "3"), ("D", "4"))]
    by_key = {(x.partner, x.reference): x for x in items}
    pairs = [_pair(("A", "1"), ("B", "2"), "synergy"), _pair(("C", "3"), ("D", "4"), "synergy")]
    clusters = build_clusters(pairs, by_key)
    assert [c.actions for c in clusters] == [[("A", "1"), ("B", "2")], [("C", "3"), ("D", "4")]]
    assert {c.suggestion for c in clusters} == {"bring_together"}
    assert all(c.resources_freed == 0 for c in clusters)
