"""Plan health checks: the gaps a working group used to find by hand.

Each check is a small function returning Findings; `check_plan` runs them all.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Sequence

from joinedup.ingest.records import INEQUALITY_GROUPS, ActionRecord, StrategyRecord

from .models import Finding

DONE_STATUSES = frozenset({"complete", "stopped"})
INEQUALITY_TARGET = 0.30

ACCOUNTABILITY: tuple[tuple[str, str, str, Callable[[ActionRecord], object]], ...] = (
    ("missing_lead", "high", "who leads it", lambda a: a.lead_name or a.lead_role),
    ("missing_outcome_measure", "high", "an outcome measure", lambda a: a.outcome_measures),
    ("missing_timeline", "medium", "a timeline (start, end or milestones)",
     lambda a: a.start_date or a.end_date or a.start_text or a.end_text or a.milestones),
    ("missing_resourcing", "medium", "how it is resourced",
     lambda a: a.resource_amount is not None or a.resource_amount_text
     or a.resource_staff_time or a.resource_funding_source or a.resource_notes),
    ("missing_barriers", "low", "barriers and how to overcome them",
     lambda a: a.barriers or a.barriers_mitigation),
    ("missing_progress", "low", "progress so far",
     lambda a: a.status or a.progress_note),
)


def action_subject(action: ActionRecord) -> str:
    return f"action {action.partner}/{action.reference}"


def missing_fields(actions: Sequence[ActionRecord]) -> list[Finding]:
    """One finding per action per missing accountability field, plus a partner summary."""
    findings = []
    missing_by_partner: Counter[str] = Counter()
    for action in actions:
        for check, severity, label, present in ACCOUNTABILITY:
            if not present(action):
                missing_by_partner[action.partner] += 1
                findings.append(Finding(severity, check, action_subject(action),
                                        f"This action does not say {label}."))
    totals = Counter(a.partner for a in actions)
    for partner, missing in sorted(missing_by_partner.items()):
        possible = totals[partner] * len(ACCOUNTABILITY)
        findings.append(Finding(
            "medium" if missing * 4 > possible else "low", "accountability_summary",
            f"partner {partner}",
            f"{missing} of {possible} accountability fields are empty across "
            f"{totals[partner]} actions ({missing / possible:.0%})."))
    return findings


def no_evidence(actions: Sequence[ActionRecord]) -> list[Finding]:
    return [Finding("low", "no_evidence", action_subject(a),
                    "This action gives no evidence base for why it will work.")
            for a in actions if not (a.evidence or a.evidence_links)]


def dates(actions: Sequence[ActionRecord], today: dt.date) -> list[Finding]:
    """Overdue actions and end dates before start dates."""
    findings = []
    for a in actions:
        if a.start_date and a.end_date and a.end_date < a.start_date:
            findings.append(Finding("medium", "end_before_start", action_subject(a),
                                    f"The end date {a.end_date:%d %B %Y} is before the start "
                                    f"date {a.start_date:%d %B %Y}."))
        if a.end_date and a.end_date < today and a.status not in DONE_STATUSES:
            findings.append(Finding("high", "overdue", action_subject(a),
                                    f"Due to end on {a.end_date:%d %B %Y} but not marked "
                                    "complete or stopped."))
    return findings


def _priority_subject(strategy: StrategyRecord, number: int) -> str:
    names = {p.number: p.name for p in strategy.priorities}
    return f"priority {number} {names.get(number, '')}".rstrip()


def priority_coverage(actions: Sequence[ActionRecord], strategy: StrategyRecord) -> list[Finding]:
    """Priorities with no actions (gaps) or served by one partner only (silo risk)."""
    partners: dict[int, set[str]] = {p.number: set() for p in strategy.priorities}
    for a in actions:
        for number in a.priority_numbers:
            partners.setdefault(number, set()).add(a.partner)
    findings = []
    for priority in strategy.priorities:
        serving = partners[priority.number]
        subject = _priority_subject(strategy, priority.number)
        if not serving:
            findings.append(Finding("high", "priority_without_actions", subject,
                                    "No action in any plan contributes to this priority."))
        elif len(serving) == 1:
            findings.append(Finding("medium", "single_partner_priority", subject,
                                    f"Only {next(iter(serving))} has actions for this priority: "
                                    "a silo risk."))
    return findings


def shares(actions: Sequence[ActionRecord], strategy: StrategyRecord,
           category_share_limit: float) -> list[Finding]:
    """Work streams with a disproportionate share of the actions."""
    findings = []
    total = len(actions)
    if not total:
        return findings
    categories = Counter(c for a in actions for c in set(a.categories))
    for category, count in sorted(categories.items()):
        if count / total > category_share_limit:
            findings.append(Finding("medium", "category_imbalance", f"category {category}",
                                    f"{count} of {total} actions ({count / total:.0%}) are in "
                                    f"this category, above the {category_share_limit:.0%} limit."))
    findings += _priority_shares(actions, strategy)
    return findings


def _priority_shares(actions: Sequence[ActionRecord], strategy: StrategyRecord) -> list[Finding]:
    """A priority holding over three times its fair share (and over 25%) is flagged."""
    counts = Counter(n for a in actions for n in set(a.priority_numbers))
    n_priorities = max(len(strategy.priorities), 1)
    total = len(actions)
    fair = total / n_priorities
    return [Finding("medium", "priority_imbalance", _priority_subject(strategy, number),
                    f"{count} of {total} actions ({count / total:.0%}) sit under this priority, "
                    f"over three times an even share ({fair:.1f}); the work stream may be "
                    "unmanageable.")
            for number, count in sorted(counts.items())
            if count > 3 * fair and count / total > 0.25]


def inequalities(actions: Sequence[ActionRecord]) -> list[Finding]:
    """How much of the plan targets groups or places facing inequalities."""
    if not actions:
        return []
    targeted = sum(1 for a in actions
                   if INEQUALITY_GROUPS & set(a.population_groups) or a.area_codes)
    share = targeted / len(actions)
    severity = "low" if share >= INEQUALITY_TARGET else "medium"
    return [Finding(severity, "inequalities_share", "plan",
                    f"{targeted} of {len(actions)} actions ({share:.0%}) target groups or places "
                    f"facing inequalities (aim: at least {INEQUALITY_TARGET:.0%}).")]


def check_plan(actions: Sequence[ActionRecord], strategy: StrategyRecord, *, today: dt.date,
               category_share_limit: float = 0.5) -> list[Finding]:
    """Run every health check; findings are ordered high, medium, low."""
    actions = list(actions)
    findings = (missing_fields(actions) + no_evidence(actions) + dates(actions, today)
                + priority_coverage(actions, strategy)
                + shares(actions, strategy, category_share_limit) + inequalities(actions))
    order = {"high": 0, "medium": 1, "low": 2}
    return sorted(findings, key=lambda f: order[f.severity])
