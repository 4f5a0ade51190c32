"""Storing a partner's plan: all or nothing, matched by external reference, nothing lost.

A file either lands whole or not at all (one transaction). Re-importing the
same plan updates the actions it already created (matched by the reference in
the partner's own plan), so nothing is duplicated, and the report says how many
were created, updated, unchanged and rejected.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.apps import apps
from django.db import transaction
from django.utils import timezone

from joinedup.actions.models import REFERENCE_LENGTH, Action, PopulationGroup
from joinedup.actions.records import stored_values
from joinedup.ingest import PlanReadResult
from joinedup.ingest.records import ActionRecord, Location, Problem
from joinedup.ingest.references import row_reference
from joinedup.partners.models import Organisation, Partnership, PartnershipMember, Plan
from joinedup.strategy.models import Category, Priority


@dataclass
class ImportReport:
    file: str
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    skipped_blank: int = 0
    skipped_headers: int = 0

    @property
    def stored(self) -> int:
        return self.created + self.updated + self.unchanged


@dataclass(frozen=True)
class Links:
    """The strategy's lookups, read once per import."""

    priorities: dict[int, Priority]
    categories: dict[str, Category]
    groups: dict[str, PopulationGroup]

    @classmethod
    def of(cls, partnership: Partnership) -> Links:
        return cls(
            {p.number: p for p in Priority.objects.filter(partnership=partnership)},
            {c.name.casefold(): c for c in Category.objects.filter(partnership=partnership)},
            {g.code: g for g in PopulationGroup.objects.all()},
        )


def _link_problems(record: ActionRecord, links: Links) -> list[Problem]:
    loc = record.location or Location(file="")
    problems = [
        Problem(Location(loc.file, loc.sheet, loc.row, "priorities"),
                f"priority {n} is not in the strategy (it has {len(links.priorities)} "
                "priorities); the link was not made")
        for n in record.priority_numbers if n not in links.priorities
    ]
    problems += [
        Problem(Location(loc.file, loc.sheet, loc.row, "categories"),
                f"category '{c}' is not one of the strategy's categories; the link was not made")
        for c in record.categories if c.casefold() not in links.categories
    ]
    return problems


def _wanted_links(record: ActionRecord, links: Links) -> tuple[set, set, set]:
    return (
        {links.priorities[n].id for n in record.priority_numbers if n in links.priorities},
        {links.categories[c.casefold()].id for c in record.categories
         if c.casefold() in links.categories},
        {links.groups[g].id for g in record.population_groups if g in links.groups},
    )


def _current_links(action: Action) -> tuple[set, set, set]:
    return (
        {p.id for p in action.priorities.all()},
        {c.id for c in action.categories.all()},
        {g.id for g in action.population_groups.all()},
    )


def _set_links(action: Action, wanted: tuple[set, set, set]) -> None:
    action.priorities.set(wanted[0])
    action.categories.set(wanted[1])
    action.population_groups.set(wanted[2])


def _differs(action: Action, values: dict) -> bool:
    return any(getattr(action, name) != value for name, value in values.items())


def _store(record, reference, context, report, pending: list) -> None:
    """Update a matched action now; queue a new one for `_create_all`."""
    partnership, owner, plan, links, existing = context
    values = stored_values(record) | {"external_ref": reference, "plan": plan}
    wanted = _wanted_links(record, links)
    action = existing.get(reference)
    if action is None:
        pending.append((Action(partnership=partnership, owner=owner, **values), wanted))
        report.created += 1
    elif _differs(action, values) or _current_links(action) != wanted:
        for name, value in values.items():
            setattr(action, name, value)
        action.version += 1
        action.save()
        _set_links(action, wanted)
        report.updated += 1
    else:
        report.unchanged += 1


LINK_FIELDS = (("priorities", "priority_id"), ("categories", "category_id"),
               ("population_groups", "populationgroup_id"))
BATCH = 1000


def _create_all(pending: list[tuple[Action, tuple[set, set, set]]]) -> None:
    """Insert new actions, their links and their first history version in bulk.

    One row at a time costs several queries per action (links and history
    signals); a whole region's plan would take minutes. The result is the same
    rows the one-at-a-time path writes.
    """
    if not pending:
        return
    actions = Action.objects.bulk_create([a for a, _ in pending], batch_size=BATCH)
    versions = Action.history.bulk_history_create(actions, batch_size=BATCH,
                                                  default_date=timezone.now())
    for index, (field_name, target) in enumerate(LINK_FIELDS):
        through = getattr(Action, field_name).through
        historical = apps.get_model("actions", f"HistoricalAction_{field_name}")
        triples = [(a.pk, v.pk, t) for (a, wanted), v in zip(pending, versions, strict=True)
                   for t in wanted[index]]
        links = through.objects.bulk_create(
            [through(action_id=a, **{target: t}) for a, _, t in triples], batch_size=BATCH)
        historical.objects.bulk_create(
            [historical(id=link.pk, history_id=v, action_id=a, **{target: t})
             for link, (a, v, t) in zip(links, triples, strict=True)],
            batch_size=BATCH)


def _reference_problem(record: ActionRecord, reference: str, seen: set[str]) -> Problem | None:
    """Why a row's reference cannot identify an action, or None when it can."""
    loc = record.location or Location(file="")
    where = Location(loc.file, loc.sheet, loc.row, "reference")
    if len(reference) > REFERENCE_LENGTH:
        return Problem(where, f"a reference of at most {REFERENCE_LENGTH} characters was expected; "
                       "this row was not imported", reference[:50])
    if reference and reference in seen:
        return Problem(where, f"reference '{reference}' appears on an earlier row of this file; "
                       "each action needs its own reference, so this row was not imported", reference)
    return None


def import_plan(
    partnership: Partnership,
    owner: Organisation,
    plan_title: str,
    result: PlanReadResult,
    source: str = "",
) -> ImportReport:
    """Store every action of `result` for `owner`, or nothing if anything fails."""
    report = ImportReport(file=source, rejected=list(result.rejected),
                          warnings=list(result.warnings), skipped_blank=result.skipped_blank,
                          skipped_headers=result.skipped_headers)
    header_rows = {s.sheet: s.header_row for s in result.sheets}
    with transaction.atomic():
        PartnershipMember.objects.get_or_create(partnership=partnership, organisation=owner)
        plan, _ = Plan.objects.get_or_create(partnership=partnership, owner=owner, title=plan_title)
        links = Links.of(partnership)
        existing = {
            a.external_ref: a
            for a in Action.everything.filter(partnership=partnership, owner=owner)
            .prefetch_related("priorities", "categories", "population_groups")
        }
        context = (partnership, owner, plan, links, existing)
        seen: set[str] = set()
        pending: list = []
        for record in result.actions:
            reference = row_reference(record, header_rows)
            problem = _reference_problem(record, reference, seen)
            if problem is not None:
                report.rejected.append(problem)
                continue
            seen.add(reference)
            report.warnings.extend(_link_problems(record, links))
            _store(record, reference, context, report, pending)
        _create_all(pending)
    return report


def import_records(
    partnership: Partnership, owner: Organisation, plan_title: str, records: Iterable[ActionRecord]
) -> ImportReport:
    """Store records that did not come from a file (tests, the API, the demo)."""
    result = PlanReadResult(actions=list(records), rejected=[], warnings=[], skipped_blank=0,
                            skipped_headers=0, sheets=[])
    return import_plan(partnership, owner, plan_title, result, source="records")
