"""Decisions people take on the analysis: bring together, decommission, keep separate, reverse.

Every decision runs in one transaction that first locks the cluster's pairs
(select_for_update) and refuses if any was decided meanwhile, so two people
cannot decide the same cluster twice. Who may decide (stated once, here):

- administrators of the partnership decide anything and alone may reverse;
- editors may keep separate or bring together a cluster only when they can
  edit at least one of its actions, and may decommission only actions they
  can edit;
- everyone else reads only.

Changes to actions go through `Action.save` with the deciding user attached,
so the action's history records them.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from joinedup.accounts.scope import NotAMember, Scope, partnerships_for
from joinedup.actions.models import Action
from joinedup.synergies.models import (
    CandidatePair,
    Decision,
    DecisionKind,
    JointDelivery,
    Merge,
    PairStatus,
    Suggestion,
    SuggestionStatus,
)

STOPPED = "stopped"


class AlreadyDecided(Exception):
    """Someone decided one of the pairs after the page was opened."""

    def __init__(self, decision: Decision | None) -> None:
        self.decision = decision
        if decision is None:
            super().__init__("This cluster has already been decided.")
        else:
            who = decision.decided_by.get_username() if decision.decided_by else "someone"
            super().__init__(
                f"This cluster was already decided by {who} on "
                f"{timezone.localtime(decision.decided_at):%d %B %Y at %H:%M}: "
                f"{decision.get_kind_display().lower()}.")


class AlreadyReversed(Exception):
    """The decision was reversed before."""


@dataclass(frozen=True)
class Reviewer:
    """One person's view of the analysis: their scope here, plus their other partnerships'.

    Pairs may cross partnerships (the boards of one care system); an action of
    another partnership counts as visible or editable through that partnership's scope.
    """

    scope: Scope
    others: tuple[Scope, ...]
    user: object

    @classmethod
    def of(cls, user, scope: Scope) -> Reviewer:
        others = []
        for partnership in partnerships_for(user).exclude(pk=scope.partnership.pk):
            try:
                others.append(Scope.for_user(user, partnership))
            except NotAMember:  # membership removed meanwhile
                continue
        return cls(scope, tuple(others), user)

    def pairs(self):
        return self.scope.candidate_pairs(self.others)

    def can_edit(self, action: Action) -> bool:
        return any(s.can_edit(action) for s in (self.scope, *self.others))

    def may_decide(self, actions: list[Action]) -> bool:
        """Keep separate or bring together: administrators, or editors of one of the actions."""
        return self.scope.is_admin or any(self.can_edit(a) for a in actions)

    def may_decommission(self, actions: list[Action]) -> bool:
        return bool(actions) and all(self.can_edit(a) for a in actions)


def _lock_open_pairs(reviewer: Reviewer, pair_ids: list[int]) -> list[CandidatePair]:
    """The pairs, locked; PermissionDenied if any is not visible, AlreadyDecided if not open."""
    wanted = set(pair_ids)
    if not wanted or set(reviewer.pairs().filter(pk__in=wanted).values_list("pk", flat=True)) != wanted:
        raise PermissionDenied("You cannot see every pair of this cluster")
    pairs = list(CandidatePair.objects.select_for_update().filter(pk__in=wanted).order_by("pk")
                 .select_related("action_a", "action_b"))
    for pair in pairs:
        if pair.status != PairStatus.OPEN:
            raise AlreadyDecided(latest_decision(pair))
    return pairs


def latest_decision(pair: CandidatePair) -> Decision | None:
    return (pair.decisions.filter(reversed_at__isnull=True).select_related("decided_by")
            .order_by("-decided_at").first())


def cluster_actions(pairs: list[CandidatePair]) -> list[Action]:
    """The distinct actions of the pairs, in the order first met."""
    seen: dict[int, Action] = {}
    for pair in pairs:
        for action in (pair.action_a, pair.action_b):
            seen.setdefault(action.pk, action)
    return list(seen.values())


def _record(reviewer: Reviewer, kind: str, pairs: list[CandidatePair], reason: str,
            internal: bool, **fields) -> Decision:
    decision = Decision.objects.create(partnership=reviewer.scope.partnership, kind=kind,
                                       reason=reason.strip(), reason_is_internal=internal,
                                       decided_by=reviewer.user, **fields)
    decision.pairs.set(pairs)
    decision.actions.set(cluster_actions(pairs))
    CandidatePair.objects.filter(pk__in=[p.pk for p in pairs]).update(status=kind)
    return decision


def keep_separate(reviewer: Reviewer, pair_ids: list[int], *, reason: str,
                  internal: bool = False) -> Decision:
    """Remember that these pairs are not to be proposed again."""
    with transaction.atomic():
        pairs = _lock_open_pairs(reviewer, pair_ids)
        if not reviewer.may_decide(cluster_actions(pairs)):
            raise PermissionDenied("You cannot edit any action of this cluster")
        return _record(reviewer, DecisionKind.KEEP_SEPARATE, pairs, reason, internal)


def _sum_amounts(actions: list[Action]) -> Decimal | None:
    amounts = [a.resource_amount for a in actions if a.resource_amount is not None]
    return sum(amounts, Decimal(0)) if amounts else None


def _joint_action(reviewer: Reviewer, actions: list[Action], lead_id: int, title: str,
                  outcome: str) -> Action:
    here = reviewer.scope.partnership
    measures = list(dict.fromkeys(a.outcome_measures for a in actions if a.outcome_measures))
    joint = Action(partnership=here, owner_id=lead_id, title=title.strip(),
                   intended_outcome=outcome.strip(), outcome_measures="; ".join(measures),
                   resource_amount=_sum_amounts(actions),
                   description="Joint delivery of: " + "; ".join(
                       f"{a.title} ({a.owner.name})" for a in actions))
    joint._history_user = reviewer.user
    joint.save()
    originals = Action.everything.filter(pk__in=[a.pk for a in actions])
    joint.priorities.set(reviewer.scope.priorities().filter(actions__in=originals).distinct())
    joint.categories.set(reviewer.scope.categories().filter(actions__in=originals).distinct())
    joint.population_groups.set({g for a in actions for g in a.population_groups.all()})
    return joint


def lead_choices(reviewer: Reviewer, actions: list[Action]) -> list[tuple[int, str]]:
    """Partners who may lead the joint action: owners of the cluster's actions in this partnership."""
    members = set(reviewer.scope.organisations().values_list("pk", flat=True))
    owners = {a.owner_id: a.owner.name for a in actions if a.owner_id in members}
    return sorted(owners.items(), key=lambda item: item[1])


def bring_together(reviewer: Reviewer, pair_ids: list[int], *, lead_id: int, title: str,
                   intended_outcome: str, reason: str, internal: bool = False) -> Decision:
    """A new joint action led by `lead_id`; the originals stay, marked as merged into it."""
    with transaction.atomic():
        pairs = _lock_open_pairs(reviewer, pair_ids)
        actions = cluster_actions(pairs)
        if not reviewer.may_decide(actions):
            raise PermissionDenied("You cannot edit any action of this cluster")
        if lead_id not in dict(lead_choices(reviewer, actions)):
            raise PermissionDenied("The lead must be one of the cluster's partners")
        joint = _joint_action(reviewer, actions, lead_id, title, intended_outcome)
        decision = _record(reviewer, DecisionKind.BRING_TOGETHER, pairs, reason, internal,
                           joint_action=joint)
        delivery = JointDelivery.objects.create(joint_action=joint, decision=decision)
        delivery.contributors.set({a.owner_id for a in actions})
        Merge.objects.bulk_create([Merge(action=a, joint_action=joint, decision=decision)
                                   for a in actions])
    return decision


def _set_status(action: Action, status: str, user) -> None:
    action.status = status
    action.version += 1
    action._history_user = user
    action.save(update_fields=["status", "version", "updated"])


def decommission(reviewer: Reviewer, pair_ids: list[int], *, action_ids: list[int], reason: str,
                 internal: bool = False) -> Decision:
    """Stop the chosen actions of the cluster; the resources they held are recorded as freed."""
    with transaction.atomic():
        pairs = _lock_open_pairs(reviewer, pair_ids)
        in_cluster = {a.pk for a in cluster_actions(pairs)}
        if not set(action_ids) or not set(action_ids) <= in_cluster:
            raise PermissionDenied("Choose actions of this cluster")
        chosen = list(Action.objects.select_for_update().filter(pk__in=action_ids).order_by("pk"))
        if not reviewer.may_decommission(chosen):
            raise PermissionDenied("You can decommission only actions you can edit")
        previous = {str(a.pk): a.status for a in chosen}
        freed = sum((a.resource_amount or Decimal(0) for a in chosen), Decimal(0))
        decision = _record(reviewer, DecisionKind.DECOMMISSION, pairs, reason, internal,
                           resources_freed=freed, previous_statuses=previous)
        decision.decommissioned.set(chosen)
        for action in chosen:
            _set_status(action, STOPPED, reviewer.user)
    return decision


def reverse_decision(scope: Scope, decision_id: int, user, reason: str) -> Decision:
    """Undo a decision's effects and record who reversed it and why; the row stays.

    Administrators only. Pairs reopen; decommissioned actions return to the
    status they had; a joint action is soft-deleted and the merges removed.
    """
    if not scope.is_admin:
        raise PermissionDenied("Only an administrator can reverse a decision")
    with transaction.atomic():
        decision = scope.decisions().select_for_update().get(pk=decision_id)
        if decision.reversed_at is not None:
            raise AlreadyReversed("This decision was already reversed")
        decision.pairs.update(status=PairStatus.OPEN)
        for action in Action.everything.select_for_update().filter(
                pk__in=decision.decommissioned.values("pk")):
            _set_status(action, decision.previous_statuses.get(str(action.pk), "not_started"), user)
        decision.merges.all().delete()
        joint = Action.everything.filter(pk=decision.joint_action_id).first()
        if joint is not None and joint.deleted_at is None:
            joint.deleted_at = timezone.now()
            joint.version += 1
            joint._history_user = user
            joint.save(update_fields=["deleted_at", "version", "updated"])
        decision.reversed_by, decision.reversed_at = user, timezone.now()
        decision.reversal_reason = reason.strip()
        decision.save(update_fields=["reversed_by", "reversed_at", "reversal_reason"])
    return decision


def _lock_open_suggestions(scope: Scope, ids: list[int]) -> list[Suggestion]:
    suggestions = list(scope.suggestions().select_for_update().filter(
        pk__in=ids, status=SuggestionStatus.OPEN).select_related("action"))
    if any(not scope.can_edit(s.action) for s in suggestions):
        raise PermissionDenied("You cannot change this organisation's actions")
    return suggestions


def _decided(suggestion: Suggestion, status: str, user) -> None:
    suggestion.status, suggestion.decided_by, suggestion.decided_at = status, user, timezone.now()
    suggestion.save(update_fields=["status", "decided_by", "decided_at"])


def accept_suggestions(scope: Scope, ids: list[int], user) -> int:
    """Link each suggested priority or category to its action (a new version); how many."""
    with transaction.atomic():
        suggestions = _lock_open_suggestions(scope, ids)
        actions: dict[int, Action] = {}
        for suggestion in suggestions:
            action = actions.setdefault(suggestion.action_id, suggestion.action)
            action.version += 1
            action._history_user = user
            action.save(update_fields=["version", "updated"])
            if suggestion.priority_id:
                action.priorities.add(suggestion.priority_id)
            else:
                action.categories.add(suggestion.category_id)
            _decided(suggestion, SuggestionStatus.ACCEPTED, user)
    return len(suggestions)


def reject_suggestions(scope: Scope, ids: list[int], user) -> int:
    """Mark the suggestions rejected: the analysis never suggests them again."""
    with transaction.atomic():
        suggestions = _lock_open_suggestions(scope, ids)
        for suggestion in suggestions:
            _decided(suggestion, SuggestionStatus.REJECTED, user)
    return len(suggestions)


def confident_top_suggestions(scope: Scope, threshold: float = 0.8) -> list[int]:
    """Open first-ranked suggestions scoring above `threshold` on actions the holder can edit."""
    top = scope.suggestions().filter(status=SuggestionStatus.OPEN, rank=1, score__gt=threshold)
    return [s.pk for s in top.select_related("action") if scope.can_edit(s.action)]
