"""The partnership landscape in numbers: who sits where, what meetings cost, which bodies overlap.

Pure calculation (no Django): the landscape app hands in plain `BodyFacts` and
gets back numbers and suggestions, so the arithmetic can be checked by hand.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import combinations

DEFAULT_THRESHOLD = 0.5
"""Membership (or remit) overlap, as a Jaccard index, at or above which two bodies are reported."""


@dataclass(frozen=True)
class BodyFacts:
    """One partnership body as the calculation needs it: keys only, no database rows."""

    key: str
    name: str
    members: frozenset[str] = frozenset()
    priorities: frozenset[str] = frozenset()
    parent: str | None = None
    meetings_per_year: float = 0
    typical_attendees: float = 0
    meeting_hours: float = 0


@dataclass(frozen=True)
class Overlap:
    """Two bodies that share members or remit, and what the partnership might do about it."""

    a: str
    b: str
    membership: float
    shared_members: frozenset[str]
    remit: float
    shared_priorities: frozenset[str]
    shared_actions: int
    suggestion: str


@dataclass(frozen=True)
class Suggestion:
    """The text and why, kept apart so a page can show both."""

    text: str
    reasons: tuple[str, ...] = field(default_factory=tuple)


def jaccard(a: Iterable[str], b: Iterable[str]) -> float:
    """|A ∩ B| / |A ∪ B|; two empty sets share nothing, so 0.0 (not undefined)."""
    first, second = set(a), set(b)
    union = first | second
    return len(first & second) / len(union) if union else 0.0


def transaction_cost(meetings_per_year: float, attendees: float, hours: float) -> float:
    """People-hours spent in a body's meetings each year: meetings x attendees x hours.

    Travel and preparation are not counted, so this is a floor on the real cost.
    """
    if min(meetings_per_year, attendees, hours) < 0:
        raise ValueError("meetings, attendees and hours cannot be negative")
    return meetings_per_year * attendees * hours


def total_transaction_cost(bodies: Iterable[BodyFacts]) -> float:
    return sum(transaction_cost(b.meetings_per_year, b.typical_attendees, b.meeting_hours)
               for b in bodies)


def bodies_per_member(bodies: Iterable[BodyFacts]) -> dict[str, int]:
    """How many bodies each member organisation sits on, most first (ties by key)."""
    counts = Counter(member for body in bodies for member in body.members)
    return dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))


def _related(first: BodyFacts, second: BodyFacts) -> bool:
    return first.parent == second.key or second.parent == first.key


def suggest(membership: float, remit: float, shared_actions: int, parent_and_child: bool,
            threshold: float = DEFAULT_THRESHOLD) -> str:
    """What to consider for a pair of bodies, from how much they share.

    Same people and same remit: merge (or, for a parent and its sub-group, say
    what is delegated). Same remit, different people, or actions that duplicate
    each other across their plans: clarify who owns what. Same people only:
    align agendas and meet back to back. Otherwise nothing.
    """
    same_people = membership >= threshold
    same_remit = remit >= threshold or shared_actions > 0
    if parent_and_child and (same_people or same_remit):
        return "Clarify what the parent body delegates to the sub-group, so work is not done twice."
    if same_people and same_remit:
        return "Consider merging: largely the same members with the same remit."
    if same_remit:
        return "Clarify remits: both bodies are responsible for the same priorities or work."
    if same_people:
        return "Consider aligning agendas or meeting back to back: largely the same members."
    return ""


def overlaps(bodies: Sequence[BodyFacts], threshold: float = DEFAULT_THRESHOLD,
             shared_actions: Mapping[frozenset[str], int] | None = None) -> list[Overlap]:
    """Pairs of bodies whose membership or remit overlap at or above `threshold`.

    `shared_actions` maps a pair of body keys to the number of alike actions found
    across the plans the two bodies own (from the synergy analysis); any such
    action makes the pair a remit overlap. Sorted by membership, then remit, overlap.
    """
    shared_actions = shared_actions or {}
    found = []
    for first, second in combinations(bodies, 2):
        membership = jaccard(first.members, second.members)
        remit = jaccard(first.priorities, second.priorities)
        actions = shared_actions.get(frozenset((first.key, second.key)), 0)
        text = suggest(membership, remit, actions, _related(first, second), threshold)
        if text:
            found.append(Overlap(
                first.key, second.key, membership, first.members & second.members,
                remit, first.priorities & second.priorities, actions, text))
    return sorted(found, key=lambda o: (-o.membership, -o.remit, o.a, o.b))
