"""Display values for the review pages: clusters, side-by-side rows, evidence, confidence words.

No permission is decided here: callers pass querysets already limited by a Scope.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from markupsafe import Markup, escape

from joinedup.actions.models import Action
from joinedup.pages import presenters as page
from joinedup.synergies.models import (
    CandidatePair,
    Finding,
    Merge,
    PairStatus,
    Suggestion,
    SuggestionStatus,
)

MISSING = "Not given"
SEVERITY_ORDER = {"high": 0, "medium": 1, "low": 2}


def likelihood(score: float) -> str:
    """The calibrated score in words a board member can weigh."""
    tenths = round(score * 10)
    if tenths <= 0:
        return "fewer than 1 in 10 pairs scored like this are real matches"
    if tenths >= 10:
        return "nearly all pairs scored like this are real matches"
    return f"about {tenths} in 10 pairs scored like this are real matches"


def confidence_words(score: float) -> str:
    if score >= 0.8:
        return "very likely"
    if score >= 0.6:
        return "likely"
    if score >= 0.4:
        return "possible"
    return "unlikely"


def percent(score: float) -> str:
    return f"{round(score * 100)}%"


def _phrase_pattern(phrases: list[str]) -> re.Pattern | None:
    """Each word of a phrase matches a word starting with it ("smok" marks "smoking")."""
    parts = []
    for phrase in sorted({p.strip() for p in phrases if p.strip()}, key=len, reverse=True):
        words = phrase.split()
        parts.append(r"\b" + r"\w*\W+".join(re.escape(w) for w in words) + r"\w*")
    return re.compile("|".join(parts), re.IGNORECASE) if parts else None


def highlight(text: str, phrases: list[str]) -> Markup:
    """`text` escaped, with every shared phrase wrapped in <mark>."""
    pattern = _phrase_pattern(phrases)
    if not text or pattern is None:
        return escape(text or "")
    out, last = [], 0
    for match in pattern.finditer(text):
        out.append(escape(text[last:match.start()]))
        out.append(Markup("<mark>") + escape(match.group(0)) + Markup("</mark>"))
        last = match.end()
    out.append(escape(text[last:]))
    return Markup("").join(out)


@dataclass
class Cluster:
    """Open pairs the analysis joined, reviewed together; `anchor` is its best pair's id."""

    pairs: list[CandidatePair]
    actions: list[Action] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.pairs.sort(key=lambda p: -p.score)
        seen: dict[int, Action] = {}
        for pair in self.pairs:
            seen.setdefault(pair.action_a_id, pair.action_a)
            seen.setdefault(pair.action_b_id, pair.action_b)
        self.actions = list(seen.values())

    @property
    def anchor(self) -> int:
        return self.pairs[0].pk

    @property
    def score(self) -> float:
        return self.pairs[0].score

    @property
    def kind(self) -> str:
        return "duplicate" if any(p.kind == "duplicate" for p in self.pairs) else "synergy"

    @property
    def partners(self) -> list[str]:
        return sorted({a.owner.name for a in self.actions})

    @property
    def phrases(self) -> list[str]:
        return list(dict.fromkeys(ph for p in self.pairs for ph in p.evidence.get("shared_phrases", [])))

    @property
    def reasons(self) -> list[str]:
        return list(dict.fromkeys(r for p in self.pairs for r in p.evidence.get("reasons", [])))


def _key(pk: int, run_id: int | None, cluster: int | None) -> tuple:
    return ("cluster", run_id, cluster) if cluster else ("pair", pk)


def _group_key(pair: CandidatePair) -> tuple:
    return _key(pair.pk, pair.last_run_id, pair.cluster)


def _open(pairs):
    """The pairs the review queue offers: open, and found again by the latest analysis."""
    return pairs.filter(status=PairStatus.OPEN, still_found=True)


def clusters(pairs) -> list[Cluster]:
    """Open pairs grouped by the analysis's cluster (single pairs alone), best first."""
    groups: dict[tuple, list[CandidatePair]] = defaultdict(list)
    for pair in _open(pairs).select_related("action_a__owner", "action_b__owner"):
        groups[_group_key(pair)].append(pair)
    return sorted((Cluster(g) for g in groups.values()), key=lambda c: (-c.score, c.anchor))


@dataclass(frozen=True)
class Waiting:
    """What each review queue holds, counted as its own page counts it."""

    groups: int
    pairs: int
    suggestions: int
    suggested_actions: int
    findings: int


def _open_keys(pairs) -> list[tuple]:
    """The group key of every pair the review queue offers."""
    return [_key(*row) for row in _open(pairs).values_list("pk", "last_run_id", "cluster")]


def open_groups(pairs) -> int:
    """How many groups the review queue offers among `pairs` (a Scope-limited queryset)."""
    return len(set(_open_keys(pairs)))


def waiting(pairs, suggestions, findings) -> Waiting:
    """Counts for the review hub from querysets a Scope has already limited.

    `groups` matches the queue's "groups awaiting review" (clusters of open
    pairs), `suggestions` the open suggestions on the suggestions page and
    `findings` the health-check page's total.
    """
    keys = _open_keys(pairs)
    open_suggestions = suggestions.filter(status=SuggestionStatus.OPEN)
    return Waiting(
        groups=len(set(keys)),
        pairs=len(keys),
        suggestions=open_suggestions.count(),
        suggested_actions=open_suggestions.order_by().values("action_id").distinct().count(),
        findings=findings.count(),
    )


def only(found: list[Cluster], *, kind: str = "", partner_id: int | None = None) -> list[Cluster]:
    """The clusters of one kind and/or involving one partner (order kept)."""
    if kind:
        found = [c for c in found if c.kind == kind]
    if partner_id:
        found = [c for c in found if any(a.owner_id == partner_id for a in c.actions)]
    return found


def cluster_of(pairs, anchor: CandidatePair) -> Cluster:
    """The open cluster `anchor` belongs to, from the pairs the reviewer can see."""
    if anchor.cluster:
        pairs = pairs.filter(last_run_id=anchor.last_run_id, cluster=anchor.cluster,
                             status=PairStatus.OPEN)
    else:
        pairs = pairs.filter(pk=anchor.pk, status=PairStatus.OPEN)
    return Cluster(list(pairs.select_related("action_a__owner", "action_b__owner")))


def _names(items) -> str:
    return "; ".join(str(i) for i in items) or MISSING


def _places(action: Action) -> str:
    if action.whole_area:
        return "Whole area"
    return ", ".join(action.area_codes) or action.places_text or MISSING


def side_by_side(actions: list[Action], phrases: list[str]) -> list[dict]:
    """Rows of (field, one cell per action), text fields with shared phrases marked."""
    def row(label: str, values) -> dict:
        return {"label": label, "cells": list(values)}

    return [
        row("Title", (highlight(a.title, phrases) for a in actions)),
        row("Partner", (a.owner.name for a in actions)),
        row("Intended outcome", (highlight(a.intended_outcome or MISSING, phrases) for a in actions)),
        row("Outcome measures", (highlight(a.outcome_measures or MISSING, phrases) for a in actions)),
        row("Who leads", (page.lead(a) or MISSING for a in actions)),
        row("How it is resourced", (page.resourcing(a) or MISSING for a in actions)),
        row("Timeline", (page.timeline(a) or MISSING for a in actions)),
        row("Priorities", (_names(a.priorities.all()) for a in actions)),
        row("Places", (_places(a) for a in actions)),
        row("Population groups", (_names(a.population_groups.all()) for a in actions)),
        row("Status", (a.get_status_display() for a in actions)),
    ]


@dataclass(frozen=True)
class MergeNote:
    joint_action: Action
    decided_at: object
    decided_by: str


def merged_into(action: Action) -> list[MergeNote]:
    """The live joint actions this action is delivered through (for the action page)."""
    merges = (Merge.objects.filter(action=action, joint_action__deleted_at__isnull=True,
                                   decision__reversed_at__isnull=True)
              .select_related("joint_action", "decision__decided_by"))
    return [MergeNote(m.joint_action, m.decision.decided_at,
                      m.decision.decided_by.get_username() if m.decision.decided_by else "")
            for m in merges]


def brought_together_from(action: Action) -> list[Action]:
    """For a joint action: the original actions it brings together."""
    return [m.action for m in Merge.objects.filter(joint_action=action).select_related(
        "action__owner")]


@dataclass
class SuggestionsForAction:
    action: Action
    priorities: list[Suggestion]
    categories: list[Suggestion]
    can_edit: bool


def suggestions_by_action(suggestions, can_edit, top: int = 3) -> list[SuggestionsForAction]:
    """Actions with open suggestions, each with its top priority and category suggestions."""
    grouped: dict[int, SuggestionsForAction] = {}
    for s in suggestions.select_related("action__owner", "priority", "category").order_by(
            "action__owner__name", "action__title", "action_id", "rank"):
        entry = grouped.get(s.action_id)
        if entry is None:
            entry = grouped[s.action_id] = SuggestionsForAction(s.action, [], [],
                                                                can_edit(s.action))
        bucket = entry.priorities if s.priority_id else entry.categories
        if len(bucket) < top:
            bucket.append(s)
    return list(grouped.values())


def suggestion_label(s: Suggestion) -> str:
    if s.priority_id:
        return f"Priority {s.priority.number}: {s.priority.name}"
    return f"Category: {s.category.name}"


@dataclass
class FindingGroup:
    severity: str
    checks: list[tuple[str, list[Finding]]]

    @property
    def count(self) -> int:
        return sum(len(items) for _, items in self.checks)


def findings_by_severity(findings) -> list[FindingGroup]:
    """Findings grouped by severity (high first), then by check, each with its count."""
    tree: dict[str, dict[str, list[Finding]]] = defaultdict(lambda: defaultdict(list))
    for f in findings.select_related("action"):
        tree[f.severity][f.check_code].append(f)
    ordered = sorted(tree, key=lambda s: (SEVERITY_ORDER.get(s, 9), s))
    return [FindingGroup(s, sorted(tree[s].items())) for s in ordered]
