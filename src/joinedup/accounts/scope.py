"""The only door to partnership-owned rows.

Views, the API and exports ask a `Scope` for querysets; it applies the
partnership boundary and the user's permissions, so a forgotten filter cannot
leak one partnership's or one partner's private work to another.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

from django.db.models import Q, QuerySet

from joinedup.accounts.models import EDITS_ALL, EDITS_OWN, VIEWS_ALL, Access, Membership
from joinedup.actions.models import Action, ProgressUpdate
from joinedup.outcomes.models import Area, IndicatorDefinition, IndicatorValue, Target
from joinedup.partners.models import Organisation, Partnership, Plan
from joinedup.strategy.models import Category, Priority, Theme
from joinedup.synergies.models import CandidatePair, Decision, Finding, Suggestion


class NotAMember(Exception):
    """The user has no membership of the partnership asked for."""


@dataclass(frozen=True)
class Grants:
    """What one person may do in one partnership, folded over their memberships."""

    organisation_ids: frozenset[int]
    views_all: bool
    edits_own: frozenset[int]
    edits_all: bool
    is_admin: bool

    @classmethod
    def everything(cls) -> Grants:
        return cls(frozenset(), True, frozenset(), True, True)

    @classmethod
    def from_memberships(cls, memberships: list[Membership]) -> Grants:
        accesses = {m.access for m in memberships}
        return cls(
            organisation_ids=frozenset(m.organisation_id for m in memberships),
            views_all=bool(accesses & VIEWS_ALL),
            edits_own=frozenset(m.organisation_id for m in memberships if m.access in EDITS_OWN),
            edits_all=bool(accesses & EDITS_ALL),
            is_admin=Access.ADMIN in accesses,
        )


class Scope:
    """Querysets of one partnership, filtered by what the holder may see."""

    def __init__(self, partnership: Partnership, grants: Grants) -> None:
        self.partnership = partnership
        self.grants = grants

    @classmethod
    def for_user(cls, user, partnership: Partnership) -> Scope:
        memberships = list(Membership.objects.filter(user=user, partnership=partnership))
        if not memberships:
            raise NotAMember(f"{user} is not a member of {partnership}")
        return cls(partnership, Grants.from_memberships(memberships))

    @classmethod
    def system(cls, partnership: Partnership) -> Scope:
        """Everything in the partnership: for the command line and batch analysis."""
        return cls(partnership, Grants.everything())

    @cached_property
    def is_admin(self) -> bool:
        return self.grants.is_admin

    def organisations(self) -> QuerySet[Organisation]:
        return self.partnership.organisations.all()

    def themes(self) -> QuerySet[Theme]:
        return Theme.objects.filter(partnership=self.partnership)

    def priorities(self) -> QuerySet[Priority]:
        return Priority.objects.filter(partnership=self.partnership)

    def categories(self) -> QuerySet[Category]:
        return Category.objects.filter(partnership=self.partnership)

    def plans(self) -> QuerySet[Plan]:
        plans = Plan.objects.filter(partnership=self.partnership)
        if self.grants.views_all:
            return plans
        return plans.filter(owner_id__in=self.grants.organisation_ids)

    def actions(self) -> QuerySet[Action]:
        actions = Action.objects.filter(partnership=self.partnership)
        if self.grants.views_all:
            return actions
        return actions.filter(owner_id__in=self.grants.organisation_ids)

    def deleted_actions(self) -> QuerySet[Action]:
        deleted = Action.deleted.filter(partnership=self.partnership)
        if self.grants.edits_all:
            return deleted
        return deleted.filter(owner_id__in=self.grants.edits_own)

    def progress_updates(self) -> QuerySet[ProgressUpdate]:
        return ProgressUpdate.objects.filter(action__in=self.actions())

    def indicators(self) -> QuerySet[IndicatorDefinition]:
        """Indicator definitions: shared evidence, visible to every member of the partnership."""
        return IndicatorDefinition.objects.filter(partnership=self.partnership)

    def areas(self) -> QuerySet[Area]:
        return Area.objects.filter(partnership=self.partnership)

    def indicator_values(self) -> QuerySet[IndicatorValue]:
        return IndicatorValue.objects.filter(indicator__partnership=self.partnership)

    def targets(self) -> QuerySet[Target]:
        return Target.objects.filter(indicator__partnership=self.partnership)

    def bodies(self):
        """Partnership bodies (boards, sub-groups, networks...): visible to every member."""
        from joinedup.landscape.models import PartnershipBody

        return PartnershipBody.objects.filter(partnership=self.partnership)

    def small_areas(self):
        from joinedup.landscape.models import SmallArea

        return SmallArea.objects.filter(partnership=self.partnership)

    def boundaries(self):
        from joinedup.landscape.models import Boundary

        return Boundary.objects.filter(partnership=self.partnership)

    def assessment_templates(self):
        from joinedup.assessment.models import Template

        return Template.objects.filter(partnership=self.partnership)

    def assessment_rounds(self):
        """Self-assessment rounds: every member may answer and see results."""
        from joinedup.assessment.models import Round

        return Round.objects.filter(partnership=self.partnership)

    def assessment_answers(self):
        from joinedup.assessment.models import Answer

        return Answer.objects.filter(response__round__partnership=self.partnership)

    def snapshots(self):
        """Every snapshot of the plan, drafts included (publishing itself is admin-only)."""
        from joinedup.publishing.models import Snapshot

        return Snapshot.objects.filter(partnership=self.partnership)

    def consultations(self):
        from joinedup.publishing.models import Consultation

        return Consultation.objects.filter(partnership=self.partnership)

    def consultation_comments(self):
        from joinedup.publishing.models import Comment

        return Comment.objects.filter(consultation__partnership=self.partnership)

    def equality_responses(self):
        from joinedup.publishing.models import EqualityResponse

        return EqualityResponse.objects.filter(consultation__partnership=self.partnership)

    def can_edit_for(self, organisation_id: int) -> bool:
        return self.grants.edits_all or organisation_id in self.grants.edits_own

    def can_edit(self, action: Action) -> bool:
        return action.partnership_id == self.partnership.id and self.can_edit_for(action.owner_id)

    def editable_organisations(self) -> list[Organisation]:
        """The partnership's organisations whose work this user may change (for owner choices)."""
        return [o for o in self.organisations() if self.can_edit_for(o.id)]

    def candidate_pairs(self, others: Sequence[Scope] = ()) -> QuerySet[CandidatePair]:
        """Pairs touching this partnership whose two actions the holder can both see.

        `others` are the holder's scopes in other partnerships: a pair crossing
        into one of them is visible when that scope shows its other action.
        """
        scopes = [self, *others]

        def seen(side: str) -> Q:
            return Q(*[Q(**{f"{side}__in": s.actions()}) for s in scopes], _connector=Q.OR)

        touching = Q(action_a__partnership=self.partnership) | Q(action_b__partnership=self.partnership)
        return CandidatePair.objects.filter(touching & seen("action_a") & seen("action_b"))

    def suggestions(self) -> QuerySet[Suggestion]:
        return Suggestion.objects.filter(action__in=self.actions())

    def findings(self) -> QuerySet[Finding]:
        """Findings of this partnership: plan-wide ones and those on actions the holder sees."""
        findings = Finding.objects.filter(partnership=self.partnership)
        if self.grants.views_all:
            return findings
        return findings.filter(Q(action__isnull=True) | Q(action__in=self.actions()))

    def decisions(self) -> QuerySet[Decision]:
        """Decisions of this partnership, minus those about actions the holder may not see."""
        decisions = Decision.objects.filter(partnership=self.partnership)
        if self.grants.views_all:
            return decisions
        hidden = Action.everything.filter(partnership=self.partnership).exclude(
            owner_id__in=self.grants.organisation_ids)
        return decisions.exclude(actions__in=hidden)


def partnerships_for(user) -> QuerySet[Partnership]:
    """The partnerships a user works in, for the switcher."""
    return Partnership.objects.filter(memberships__user=user).distinct()

