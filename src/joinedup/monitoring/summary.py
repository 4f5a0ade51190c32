"""The dashboard's numbers: a fixed handful of aggregate queries, whatever the plan's size.

Everything is computed from `Scope` querysets, so a person who may see only
their own organisation's work sees only its counts.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from django.db.models import Count, Max, Q

from joinedup.accounts.scope import Scope
from joinedup.charts import Bar, HeatCell, shade
from joinedup.ingest.records import STATUS_LABELS
from joinedup.monitoring.freshness import FINISHED, cycle_start, overdue, with_last_update
from joinedup.synergies.models import Finding
from joinedup.synergies.presenters import open_groups

SEVERITIES = ("high", "medium", "low")
NO_PRIORITY = "No priority"
NO_CATEGORY = "No category"


@dataclass(frozen=True)
class HeatRow:
    label: str
    cells: list[HeatCell]
    total: int


@dataclass(frozen=True)
class Heat:
    columns: list[str]
    rows: list[HeatRow]


@dataclass(frozen=True)
class Engagement:
    partner: str
    due: int
    updated: int

    @property
    def share(self) -> float:
        """Percentage of the partner's unfinished actions updated this cycle (0 when none)."""
        return round(100 * self.updated / self.due, 1) if self.due else 0.0


@dataclass(frozen=True)
class Dashboard:
    total_actions: int
    heat: Heat
    by_partner: list[Bar]
    by_status: list[Bar]
    findings: list[Bar]
    review_queue: int
    engagement: list[Engagement]
    overdue: int
    cycle_months: int

    @property
    def open_findings(self) -> int:
        return int(sum(b.value for b in self.findings))


def heat(scope: Scope) -> Heat:
    """Actions per priority x contribution category; an action counts in every cell it touches.

    Actions without a priority or a category are counted in a 'No priority'
    row or 'No category' column, so no action disappears from the table.
    """
    counts = {
        (row["priorities__id"], row["categories__id"]): row["n"]
        for row in scope.actions().values("priorities__id", "categories__id")
        .annotate(n=Count("id", distinct=True)).order_by()
    }
    priorities = [(p.id, f"{p.number}. {p.name}") for p in scope.priorities().order_by("number")]
    categories = [(c.id, c.name) for c in scope.categories().order_by("position", "name")]
    if any(cat is None for _, cat in counts):
        categories.append((None, NO_CATEGORY))
    if any(pri is None for pri, _ in counts):
        priorities.append((None, NO_PRIORITY))
    largest = max(counts.values(), default=0)
    rows = []
    for pid, label in priorities:
        values = [counts.get((pid, cid), 0) for cid, _ in categories]
        rows.append(HeatRow(label, [shade(v, largest) for v in values], sum(values)))
    return Heat([name for _, name in categories], rows)


def by_partner(scope: Scope) -> list[Bar]:
    rows = scope.actions().values("owner__name").annotate(n=Count("id")).order_by("owner__name")
    return [Bar(r["owner__name"], r["n"]) for r in rows]


def by_status(scope: Scope) -> list[Bar]:
    counts = dict(scope.actions().values_list("status").annotate(n=Count("id")).order_by())
    return [Bar(label, counts.get(code, 0)) for code, label in STATUS_LABELS.items()]


def findings(scope: Scope) -> list[Bar]:
    """Findings of the latest health-check run, by severity, limited to what the user may see."""
    latest = (Finding.objects.filter(partnership=scope.partnership)
              .aggregate(run=Max("run_id"))["run"])
    if latest is None:
        return [Bar(s.capitalize(), 0) for s in SEVERITIES]
    visible = Finding.objects.filter(partnership=scope.partnership, run_id=latest).filter(
        Q(action__isnull=True) | Q(action__in=scope.actions()))
    counts = Counter(dict(visible.values_list("severity").annotate(n=Count("id")).order_by()))
    order = list(SEVERITIES) + sorted(set(counts) - set(SEVERITIES))
    return [Bar(s.capitalize(), counts.get(s, 0)) for s in order]


def review_queue(pairs) -> int:
    """Groups of alike actions waiting for a decision, as the review queue counts them."""
    return open_groups(pairs)


def engagement(scope: Scope, today: dt.date) -> list[Engagement]:
    """Per partner: unfinished actions, and how many were updated within the current cycle."""
    start = cycle_start(scope.partnership, today)
    rows = (with_last_update(scope.actions().exclude(status__in=FINISHED))
            .values("owner__name")
            .annotate(due=Count("id"), updated=Count("id", filter=Q(last_update__gte=start)))
            .order_by("owner__name"))
    return [Engagement(r["owner__name"], r["due"], r["updated"]) for r in rows]


def dashboard(scope: Scope, today: dt.date, pairs=None) -> Dashboard:
    """The dashboard's numbers. `pairs` are the candidate pairs the viewer may see
    (with their other partnerships'); by default, this partnership's."""
    partners = by_partner(scope)
    return Dashboard(
        total_actions=int(sum(b.value for b in partners)),
        heat=heat(scope),
        by_partner=partners,
        by_status=by_status(scope),
        findings=findings(scope),
        review_queue=review_queue(scope.candidate_pairs() if pairs is None else pairs),
        engagement=engagement(scope, today),
        overdue=overdue(scope.actions(), scope.partnership, today).count(),
        cycle_months=scope.partnership.update_cycle_months,
    )
