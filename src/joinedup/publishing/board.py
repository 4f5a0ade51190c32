"""What the board report holds: the published plan plus the members-only view of how it is going.

The board report is for signed-in members, so it may show what the public
plan leaves out: exception reports, health-check findings, decision reasons.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Avg

from joinedup.accounts.scope import Scope
from joinedup.charts import Bar, bar_chart, describe_bars
from joinedup.publishing.models import CommentStatus, Snapshot
from joinedup.publishing.summary import summary_sentences

EXCEPTION_STATUSES = ("at_risk", "off_track")


@dataclass
class ExceptionItem:
    title: str
    partner: str
    status: str
    board_role: str
    narrative: str
    reason: str


@dataclass
class IndicatorChart:
    name: str
    latest: str
    targets: list[str]
    svg: str
    description: str


@dataclass
class BoardReport:
    snapshot: Snapshot
    summary: list[str]
    exceptions: list[ExceptionItem]
    findings: list
    decisions: list
    freed_total: float
    indicators: list[IndicatorChart]
    assessment: list[tuple[str, float]] = field(default_factory=list)
    responses: list[tuple[str, int]] = field(default_factory=list)


def exceptions(scope: Scope, today: dt.date) -> list[ExceptionItem]:
    """Actions at risk or off track, then actions whose progress update is overdue."""
    from joinedup.monitoring.freshness import overdue

    found = []
    risky = scope.actions().filter(status__in=EXCEPTION_STATUSES).select_related("owner")
    for a in risky:
        found.append(ExceptionItem(a.title, a.owner.name, a.get_status_display(),
                                a.get_board_role_display(), a.progress_note, a.get_status_display()))
    late = overdue(scope.actions().exclude(status__in=EXCEPTION_STATUSES), scope.partnership, today)
    for a in late.select_related("owner"):
        found.append(ExceptionItem(a.title, a.owner.name, a.get_status_display(),
                                a.get_board_role_display(), a.progress_note, "Update overdue"))
    return found


def indicator_charts(content: dict) -> list[IndicatorChart]:
    charts = []
    for n, indicator in enumerate(content["indicators"]):
        if not indicator["values"]:
            continue
        bars = [Bar(v["period"], v["value"]) for v in indicator["values"][-8:]]
        title = f"{indicator['name']}: values by period"
        latest = indicator["latest"]
        charts.append(IndicatorChart(
            indicator["name"], f"{latest['value']:g} ({latest['period']})" if latest else "",
            [f"{t['status_label']}: {t['target_value']:g} by {t['target_date']}"
             for t in indicator["targets"]],
            bar_chart(f"indicator-{n}", title, bars, indicator["unit"]),
            describe_bars(bars, indicator["unit"])))
    return charts


def assessment_results(scope: Scope) -> list[tuple[str, float]]:
    """Mean score per element in the latest self-assessment round, when there is one."""
    try:
        rounds = scope.assessment_rounds()
        latest = rounds.first()
    except (AttributeError, LookupError):
        return []
    if latest is None:
        return []
    rows = (scope.assessment_answers().filter(response__round=latest)
            .values("statement__element__name", "statement__element__position")
            .annotate(mean=Avg("score")).order_by("statement__element__position"))
    return [(r["statement__element__name"], round(r["mean"], 1)) for r in rows]


def responses_by_priority(scope: Scope, snapshot: Snapshot) -> list[tuple[str, int]]:
    """Approved consultation comments on the snapshot, counted per priority (and plan-wide)."""
    names = {p["number"]: p["name"] for p in snapshot.content["strategy"]["priorities"]}
    comments = scope.consultation_comments().filter(consultation__snapshot=snapshot,
                                                    status=CommentStatus.APPROVED)
    counts: dict[str, int] = {}
    for c in comments:
        key = (f"Priority {c.priority_number}: {names.get(c.priority_number, '')}"
               if c.priority_number else "The plan as a whole or one action")
        counts[key] = counts.get(key, 0) + 1
    return sorted(counts.items())


def board_report(scope: Scope, snapshot: Snapshot, today: dt.date) -> BoardReport:
    decisions = list(scope.decisions().filter(reversed_at__isnull=True).prefetch_related("actions"))
    return BoardReport(
        snapshot=snapshot, summary=summary_sentences(snapshot.content),
        exceptions=exceptions(scope, today),
        findings=list(scope.findings().select_related("action")),
        decisions=decisions, freed_total=float(sum(d.resources_freed for d in decisions)),
        indicators=indicator_charts(snapshot.content),
        assessment=assessment_results(scope),
        responses=responses_by_priority(scope, snapshot),
    )
