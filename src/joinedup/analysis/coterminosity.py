"""Co-terminosity: do two organisations or bodies cover the same places?

Boundaries are sets of small-area codes (ONS wards or LSOAs). Two footprints are
co-terminous when the sets are equal; otherwise one may sit inside the other
(nested), they may cross (each covers places the other does not), or be
separate. Populations come from a code -> people mapping; unknown codes count 0.
Pure calculation (no Django).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum


class Relation(StrEnum):
    COTERMINOUS = "co-terminous"
    A_INSIDE_B = "first inside second"
    B_INSIDE_A = "second inside first"
    CROSSING = "crossing"
    SEPARATE = "separate"


@dataclass(frozen=True)
class Comparison:
    """Shared and unshared places and people of footprint `a` and footprint `b`."""

    shared: frozenset[str]
    only_a: frozenset[str]
    only_b: frozenset[str]
    shared_population: int
    only_a_population: int
    only_b_population: int
    relation: Relation

    @property
    def coterminous(self) -> bool:
        return self.relation is Relation.COTERMINOUS

    @property
    def share_of_a_population_in_b(self) -> float | None:
        """Fraction of a's people who live inside b (None when a has no known people)."""
        total = self.shared_population + self.only_a_population
        return self.shared_population / total if total else None


def population_of(codes: Iterable[str], population: Mapping[str, int]) -> int:
    return sum(population.get(code, 0) for code in codes)


def _relation(shared: set[str], only_a: set[str], only_b: set[str]) -> Relation:
    if not shared:
        return Relation.SEPARATE
    if not only_a and not only_b:
        return Relation.COTERMINOUS
    if not only_a:
        return Relation.A_INSIDE_B
    if not only_b:
        return Relation.B_INSIDE_A
    return Relation.CROSSING


def compare(a: Iterable[str], b: Iterable[str], population: Mapping[str, int]) -> Comparison:
    """Shared and unshared areas and population of two footprints, and how they relate."""
    first, second = set(a), set(b)
    shared, only_a, only_b = first & second, first - second, second - first
    return Comparison(
        frozenset(shared), frozenset(only_a), frozenset(only_b),
        population_of(shared, population), population_of(only_a, population),
        population_of(only_b, population), _relation(shared, only_a, only_b),
    )


def extends_beyond(member: Iterable[str], footprint: Iterable[str]) -> frozenset[str]:
    """The member's areas outside the footprint: where its decisions reach other places."""
    return frozenset(set(member) - set(footprint))


def crossing_pairs(footprints: Mapping[str, Iterable[str]],
                   population: Mapping[str, int]) -> list[tuple[str, str, Comparison]]:
    """Every pair of footprints whose boundaries cross, by key order.

    Nested footprints (a district inside its county) are the normal shape of
    two-tier areas and are left out; crossing boundaries (a GP consortium
    covering half of one district and all of another) are what makes joint
    planning hard.
    """
    keys = sorted(footprints)
    found = []
    for i, first in enumerate(keys):
        for second in keys[i + 1:]:
            comparison = compare(footprints[first], footprints[second], population)
            if comparison.relation is Relation.CROSSING:
                found.append((first, second, comparison))
    return found
