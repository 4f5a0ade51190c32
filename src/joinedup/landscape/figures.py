"""The landscape's numbers for one partnership: seats, meeting costs, overlaps and boundaries.

Reads through a `Scope`, hands plain facts to the pure calculations in
`joinedup.analysis.landscape` and `joinedup.analysis.coterminosity`, and returns
rows the pages, the export and the diagram share.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Prefetch

from joinedup.accounts.scope import Scope
from joinedup.analysis.coterminosity import Comparison, compare, crossing_pairs, extends_beyond
from joinedup.analysis.landscape import (
    DEFAULT_THRESHOLD,
    BodyFacts,
    Overlap,
    overlaps,
    transaction_cost,
)
from joinedup.landscape.models import BodyMembership, PartnershipBody, SeatRole
from joinedup.partners.models import Organisation


@dataclass
class OverlapRow:
    a: PartnershipBody
    b: PartnershipBody
    overlap: Overlap
    shared_members: list[Organisation]


@dataclass
class Landscape:
    bodies: list[PartnershipBody]
    seats: list[tuple[Organisation, int]]
    overlaps: list[OverlapRow]
    threshold: float

    @property
    def meetings_per_year(self) -> int:
        return sum(b.meetings_per_year for b in self.bodies)

    @property
    def people_hours(self) -> float:
        return sum(b.people_hours for b in self.bodies)


def bodies_of(scope: Scope):
    """Bodies with their seats, organisations, named people, plans and priorities loaded."""
    seats = BodyMembership.objects.select_related("organisation").prefetch_related("people")
    return scope.bodies().select_related("parent").prefetch_related(
        Prefetch("memberships", queryset=seats), "plans", "priorities")


def _facts(body: PartnershipBody) -> BodyFacts:
    return BodyFacts(
        key=str(body.pk), name=body.name,
        members=frozenset(str(s.organisation_id) for s in body.memberships.all()),
        priorities=frozenset(str(p.pk) for p in body.priorities.all()),
        parent=str(body.parent_id) if body.parent_id else None,
        meetings_per_year=body.meetings_per_year, typical_attendees=body.typical_attendees,
        meeting_hours=float(body.meeting_hours))


def shared_actions(scope: Scope, bodies: list[PartnershipBody]) -> dict[frozenset[str], int]:
    """Alike actions the synergy analysis found across two bodies' plans (none if it has not run)."""
    try:
        from joinedup.synergies.models import CandidatePair, PairStatus
    except ImportError:  # the synergy analysis is optional for the landscape
        return {}
    owners: dict[int, set[str]] = {}
    for body in bodies:
        for plan in body.plans.all():
            owners.setdefault(plan.pk, set()).add(str(body.pk))
    if not owners:
        return {}
    pairs = CandidatePair.objects.filter(
        partnership=scope.partnership, action_a__plan_id__in=owners,
        action_b__plan_id__in=owners).exclude(status=PairStatus.KEEP_SEPARATE)
    counts: dict[frozenset[str], int] = {}
    for plan_a, plan_b in pairs.values_list("action_a__plan_id", "action_b__plan_id"):
        for first in owners.get(plan_a, ()):
            for second in owners.get(plan_b, ()):
                if first != second:
                    key = frozenset((first, second))
                    counts[key] = counts.get(key, 0) + 1
    return counts


def landscape_for(scope: Scope, threshold: float = DEFAULT_THRESHOLD) -> Landscape:
    bodies = list(bodies_of(scope))
    by_key = {str(b.pk): b for b in bodies}
    seats: dict[int, int] = {}
    organisations: dict[int, Organisation] = {}
    for body in bodies:
        for seat in body.memberships.all():
            seats[seat.organisation_id] = seats.get(seat.organisation_id, 0) + 1
            organisations[seat.organisation_id] = seat.organisation
    found = overlaps([_facts(b) for b in bodies], threshold, shared_actions(scope, bodies))
    rows = [OverlapRow(by_key[o.a], by_key[o.b], o,
                       sorted((organisations[int(k)] for k in o.shared_members), key=str))
            for o in found]
    ranked = sorted(((organisations[k], n) for k, n in seats.items()),
                    key=lambda item: (-item[1], item[0].name))
    return Landscape(bodies, ranked, rows, threshold)


def body_cost(body: PartnershipBody) -> float:
    return transaction_cost(body.meetings_per_year, body.typical_attendees, float(body.meeting_hours))


# --- boundaries -----------------------------------------------------------------------------


@dataclass
class MemberReach:
    organisation: Organisation
    outside: list[str]
    outside_population: int
    comparison: Comparison


@dataclass
class BodyFootprint:
    body: PartnershipBody
    source: str
    areas: frozenset[str]
    population: int
    beyond: list[MemberReach]


@dataclass
class Boundaries:
    footprints: list[BodyFootprint]
    crossing: list[tuple[Organisation, Organisation, Comparison]]
    area_names: dict[str, str]
    has_lookup: bool
    organisations_without_boundary: list[Organisation]

    @property
    def flagged(self) -> int:
        return sum(1 for f in self.footprints if f.beyond) + len(self.crossing)


def _footprint(body: PartnershipBody, bodies: dict[int, PartnershipBody],
               explicit: dict[int, list[str]], organisation_areas: dict[int, list[str]],
               ) -> tuple[str, frozenset[str]]:
    """The body's own boundary; else its parent body's area; else its chairing organisation's;
    else all its members' areas together."""
    if body.pk in explicit:
        return "its own boundary", frozenset(explicit[body.pk])
    parent = bodies.get(body.parent_id)
    if parent is not None and parent.parent_id != body.pk:
        source, areas = _footprint(parent, {k: v for k, v in bodies.items() if k != body.pk},
                                   explicit, organisation_areas)
        return f"its parent, {parent.name} ({source})", areas
    for seat in body.memberships.all():
        if seat.role == SeatRole.CHAIR and seat.organisation_id in organisation_areas:
            return f"the chair's organisation ({seat.organisation.name})", frozenset(
                organisation_areas[seat.organisation_id])
    union = frozenset(code for seat in body.memberships.all()
                      for code in organisation_areas.get(seat.organisation_id, []))
    return "all its members together", union


def boundaries_for(scope: Scope) -> Boundaries:
    """Members reaching beyond each body's footprint, and organisations whose boundaries cross."""
    small_areas = list(scope.small_areas())
    population = {a.code: a.population or 0 for a in small_areas}
    names = {a.code: a.name for a in small_areas}
    stored = list(scope.boundaries().select_related("organisation"))
    organisation_areas = {b.organisation_id: b.areas for b in stored if b.organisation_id}
    explicit = {b.body_id: b.areas for b in stored if b.body_id}
    footprints = []
    bodies = {b.pk: b for b in bodies_of(scope)}
    for body in bodies.values():
        source, areas = _footprint(body, bodies, explicit, organisation_areas)
        beyond = []
        for seat in body.memberships.all():
            reach = organisation_areas.get(seat.organisation_id)
            outside = extends_beyond(reach or [], areas)
            if reach and areas and outside:
                beyond.append(MemberReach(seat.organisation, sorted(outside),
                                          sum(population.get(c, 0) for c in outside),
                                          compare(reach, areas, population)))
        footprints.append(BodyFootprint(body, source, areas,
                                        sum(population.get(c, 0) for c in areas), beyond))
    organisations = {o.pk: o for o in scope.organisations()}
    crossing = [(organisations[int(a)], organisations[int(b)], c)
                for a, b, c in crossing_pairs(
                    {str(k): v for k, v in organisation_areas.items() if k in organisations},
                    population)]
    without = [o for o in organisations.values() if o.pk not in organisation_areas]
    return Boundaries(footprints, crossing, names, bool(population), without)

