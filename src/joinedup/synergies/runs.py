"""Running the analysis over stored plans and keeping its results beside earlier decisions.

Within each partnership it suggests priorities and categories and runs the plan
health checks; across all the partnerships asked for (the boards of one
integrated care system) it finds synergies between every partner's actions.
Decisions people have taken are never undone by a new run: a pair kept
separate is passed to the finder as dismissed, and decided pairs keep their
status.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence

from django.db import transaction

from joinedup import analysis
from joinedup.accounts.scope import Scope
from joinedup.actions.models import Action
from joinedup.actions.records import to_record
from joinedup.ingest.records import ActionRecord, PriorityRecord, StrategyRecord, ThemeRecord
from joinedup.partners.models import Partnership
from joinedup.synergies.models import (
    AnalysisRun,
    CandidatePair,
    Finding,
    PairStatus,
    Suggestion,
    SuggestionStatus,
)


def strategy_record(scope: Scope) -> StrategyRecord:
    strategy = getattr(scope.partnership, "strategy", None)
    themes = scope.themes().prefetch_related("priorities")
    return StrategyRecord(
        name=strategy.name if strategy else scope.partnership.name,
        categories=tuple(c.name for c in scope.categories()),
        priorities=tuple(PriorityRecord(p.number, p.name, p.description)
                         for p in scope.priorities()),
        themes=tuple(ThemeRecord(t.name, tuple(p.number for p in t.priorities.all()),
                                 t.description) for t in themes),
    )


def action_records(scope: Scope) -> tuple[list[ActionRecord], dict[str, Action]]:
    """Records keyed by the action's id (as `reference`), so results map back exactly."""
    actions = list(scope.actions().select_related("owner").prefetch_related(
        "priorities", "categories", "population_groups"))
    records = [dataclasses.replace(to_record(a), reference=str(a.pk)) for a in actions]
    return records, {str(a.pk): a for a in actions}


CHUNK = 2_000
"""Ids per `IN (...)` query: well inside every database's limit on parameters."""


def _key(action: Action) -> tuple[str, str]:
    return (action.owner.name, str(action.pk))


def _dismissed(action_ids: Sequence[int]) -> set[frozenset]:
    dismissed = set()
    for start in range(0, len(action_ids), CHUNK):
        kept = CandidatePair.objects.filter(
            status=PairStatus.KEEP_SEPARATE, action_a_id__in=action_ids[start:start + CHUNK]
        ).select_related("action_a__owner", "action_b__owner")
        dismissed |= {frozenset((_key(p.action_a), _key(p.action_b))) for p in kept}
    return dismissed


PAIR_FIELDS = ("score", "kind", "evidence", "cluster", "last_run", "still_found")


def _existing_pairs(keys: set[tuple[int, int]]) -> dict[tuple[int, int], CandidatePair]:
    """The stored pairs among `keys` ((action_a id, action_b id)), a few queries in all."""
    found: dict[tuple[int, int], CandidatePair] = {}
    firsts = sorted({a for a, _ in keys})
    for start in range(0, len(firsts), CHUNK):
        for stored in CandidatePair.objects.filter(action_a_id__in=firsts[start:start + CHUNK]):
            key = (stored.action_a_id, stored.action_b_id)
            if key in keys:
                found[key] = stored
    return found


def _store_pairs(run: AnalysisRun, result, by_ref: dict[str, Action]) -> int:
    """Create new pairs and refresh found ones in bulk; decided pairs keep their decision."""
    cluster_of = {key: n for n, c in enumerate(result.clusters, 1) for key in c.actions}
    wanted = {}
    for pair in result.pairs:
        a, b = sorted((by_ref[pair.a[1]], by_ref[pair.b[1]]), key=lambda x: x.pk)
        wanted[(a.pk, b.pk)] = (a, pair)
    existing = _existing_pairs(set(wanted))
    new, changed = [], []
    for (a_id, b_id), (a, pair) in wanted.items():
        evidence = dataclasses.asdict(pair.evidence)
        stored = existing.get((a_id, b_id))
        if stored is None:
            new.append(CandidatePair(action_a_id=a_id, action_b_id=b_id,
                                     partnership_id=a.partnership_id, score=pair.score,
                                     kind=pair.kind, evidence=evidence,
                                     cluster=cluster_of.get(pair.a), last_run=run,
                                     still_found=True))
            continue
        if stored.status == PairStatus.OPEN:
            stored.score, stored.kind, stored.evidence = pair.score, pair.kind, evidence
        stored.cluster = cluster_of.get(pair.a)
        stored.last_run, stored.still_found = run, True
        changed.append(stored)
    CandidatePair.objects.bulk_create(new, batch_size=500)
    CandidatePair.objects.bulk_update(changed, PAIR_FIELDS, batch_size=500)
    return len(result.pairs)


def _store_suggestions(scope: Scope, strategy: StrategyRecord, records, by_ref,
                       semantic: bool) -> None:
    priorities = {p.number: p for p in scope.priorities()}
    categories = {c.name: c for c in scope.categories()}
    mine = Suggestion.objects.filter(action__partnership=scope.partnership)
    mine.filter(status=SuggestionStatus.OPEN).delete()
    rejected = set(mine.filter(status=SuggestionStatus.REJECTED)
                   .values_list("action_id", "priority_id", "category_id"))
    rows = []
    for s in analysis.suggest_priorities(records, strategy, semantic=semantic):
        for rank, (number, score) in enumerate(s.ranked, 1):
            action = by_ref[s.action[1]]
            if (action.pk, priorities[number].pk, None) not in rejected:
                rows.append(Suggestion(action=action, priority=priorities[number], rank=rank,
                                       score=score))
    for s in analysis.suggest_categories(records, strategy, semantic=semantic):
        for rank, (name, score) in enumerate(s.ranked, 1):
            action = by_ref[s.action[1]]
            if (action.pk, None, categories[name].pk) not in rejected:
                rows.append(Suggestion(action=action, category=categories[name], rank=rank,
                                       score=score))
    Suggestion.objects.bulk_create(rows, batch_size=1000)


def _store_findings(run: AnalysisRun, scope: Scope, strategy: StrategyRecord, records, by_ref,
                    today: dt.date) -> None:
    Finding.objects.filter(partnership=scope.partnership).delete()
    subjects = {analysis.health.action_subject(r): by_ref[r.reference] for r in records}
    Finding.objects.bulk_create([
        Finding(partnership=scope.partnership, run=run, severity=f.severity, check_code=f.check,
                subject=f.subject, message=f.message, action=subjects.get(f.subject))
        for f in analysis.check_plan(records, strategy, today=today)
    ], batch_size=1000)


def _priority_names(partnerships: Sequence[Partnership]) -> dict[int, str]:
    """Names for the evidence; across partnerships a number is named only where they agree."""
    names: dict[int, set[str]] = {}
    for partnership in partnerships:
        for priority in Scope.system(partnership).priorities():
            names.setdefault(priority.number, set()).add(priority.name)
    return {number: next(iter(found)) for number, found in names.items() if len(found) == 1}


def place_parents(scope: Scope) -> dict[str, str]:
    """Which place contains which, by code and by name, from the partnership's geography.

    Read from both the indicator areas (parent links) and the small areas of
    the landscape (parent code and name), so a ward-level action and a
    district-level action count as reaching the same place.
    """
    parents: dict[str, str] = {}
    for code, name, parent_code, parent_name in scope.areas().filter(
            parent__isnull=False).values_list("code", "name", "parent__code", "parent__name"):
        parents[code] = parent_code
        parents.setdefault(name, parent_name)
    for code, name, parent_code, parent_name in scope.small_areas().values_list(
            "code", "name", "parent_code", "parent_name"):
        if parent_code:
            parents.setdefault(code, parent_code)
        if parent_name:
            parents.setdefault(name, parent_name)
    return parents


def run_analysis(partnerships: Sequence[Partnership], *, today: dt.date,
                 semantic: bool = False) -> AnalysisRun:
    """Analyse the partnerships' stored plans, in one transaction."""
    with transaction.atomic():
        run = AnalysisRun.objects.create(semantic=semantic)
        run.partnerships.set(partnerships)
        all_records, all_refs, parents = [], {}, {}
        for partnership in partnerships:
            scope = Scope.system(partnership)
            parents |= place_parents(scope)
            strategy = strategy_record(scope)
            records, by_ref = action_records(scope)
            _store_suggestions(scope, strategy, records, by_ref, semantic)
            _store_findings(run, scope, strategy, records, by_ref, today)
            all_records += records
            all_refs |= by_ref
        ids = [a.pk for a in all_refs.values()]
        result = analysis.find_synergies(all_records, semantic=semantic,
                                         dismissed=_dismissed(ids),
                                         priority_names=_priority_names(partnerships),
                                         place_parents=parents)
        for start in range(0, len(ids), CHUNK):
            CandidatePair.objects.filter(action_a_id__in=ids[start:start + CHUNK],
                                         status=PairStatus.OPEN).update(still_found=False)
        run.pairs_found = _store_pairs(run, result, all_refs)
        run.actions_analysed = len(all_records)
        run.save()
    return run
