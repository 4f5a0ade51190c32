"""Stored results of the analysis, and the human decisions taken on them.

Analysis runs are repeatable; decisions are not recomputed. A pair a person
kept separate stays kept separate however often the analysis runs again.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from joinedup.actions.models import Action
from joinedup.partners.models import Partnership
from joinedup.strategy.models import Category, Priority


class AnalysisRun(models.Model):
    partnerships = models.ManyToManyField(Partnership, related_name="analysis_runs")
    started = models.DateTimeField(auto_now_add=True)
    semantic = models.BooleanField(default=False)
    actions_analysed = models.PositiveIntegerField(default=0)
    pairs_found = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-started"]

    def __str__(self) -> str:
        return f"Analysis of {self.started:%d %B %Y %H:%M}"


class PairStatus(models.TextChoices):
    OPEN = "open", "Awaiting review"
    BRING_TOGETHER = "bring_together", "Brought together"
    DECOMMISSION = "decommission", "Decommissioned"
    KEEP_SEPARATE = "keep_separate", "Kept separate"


class CandidatePair(models.Model):
    """Two actions of different partners the analysis found alike (a.id < b.id)."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE,
                                    related_name="candidate_pairs")
    action_a = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="+")
    action_b = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="+")
    score = models.FloatField()
    kind = models.CharField(max_length=16)
    evidence = models.JSONField(default=dict)
    status = models.CharField(max_length=16, choices=PairStatus.choices, default=PairStatus.OPEN)
    cluster = models.PositiveIntegerField(null=True, blank=True)
    last_run = models.ForeignKey(AnalysisRun, on_delete=models.SET_NULL, null=True)
    still_found = models.BooleanField(default=True)

    class Meta:
        ordering = ["-score"]
        constraints = [
            models.UniqueConstraint(fields=["action_a", "action_b"], name="one_pair_per_two_actions")
        ]

    def __str__(self) -> str:
        return f"{self.action_a} ~ {self.action_b} ({self.score:.2f})"


class SuggestionStatus(models.TextChoices):
    OPEN = "open", "Awaiting review"
    ACCEPTED = "accepted", "Accepted"
    REJECTED = "rejected", "Rejected"


class Suggestion(models.Model):
    """A suggested priority or category for an action, ranked, to accept or reject."""

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="suggestions")
    priority = models.ForeignKey(Priority, on_delete=models.CASCADE, null=True, blank=True)
    category = models.ForeignKey(Category, on_delete=models.CASCADE, null=True, blank=True)
    rank = models.PositiveSmallIntegerField()
    score = models.FloatField()
    status = models.CharField(max_length=16, choices=SuggestionStatus.choices,
                              default=SuggestionStatus.OPEN)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                   null=True, blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["action_id", "rank"]

    def __str__(self) -> str:
        return f"{self.priority or self.category} for {self.action} ({self.score:.2f})"


class Finding(models.Model):
    """A plan health-check finding from the latest run."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="findings")
    run = models.ForeignKey(AnalysisRun, on_delete=models.CASCADE, related_name="findings")
    severity = models.CharField(max_length=8)
    check_code = models.CharField(max_length=40)
    subject = models.CharField(max_length=300)
    message = models.TextField()
    action = models.ForeignKey(Action, on_delete=models.CASCADE, null=True, blank=True,
                               related_name="findings")

    class Meta:
        ordering = ["severity", "check_code", "subject"]

    def __str__(self) -> str:
        return self.message


class DecisionKind(models.TextChoices):
    BRING_TOGETHER = "bring_together", "Bring together for joint delivery"
    DECOMMISSION = "decommission", "Decommission to free resources"
    KEEP_SEPARATE = "keep_separate", "Keep separate"


class Decision(models.Model):
    """What people decided about a cluster of alike actions: who, when, why; reversible."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="decisions")
    kind = models.CharField(max_length=16, choices=DecisionKind.choices)
    pairs = models.ManyToManyField(CandidatePair, related_name="decisions")
    actions = models.ManyToManyField(Action, related_name="decisions")
    reason = models.TextField()
    reason_is_internal = models.BooleanField(default=False)
    joint_action = models.ForeignKey(Action, on_delete=models.SET_NULL, null=True, blank=True,
                                     related_name="joint_decision")
    decommissioned = models.ManyToManyField(Action, related_name="decommission_decisions",
                                            blank=True)
    resources_freed = models.DecimalField(max_digits=14, decimal_places=2, default=0)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                   null=True, related_name="+")
    decided_at = models.DateTimeField(auto_now_add=True)
    reversed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                    null=True, blank=True, related_name="+")
    reversed_at = models.DateTimeField(null=True, blank=True)
    reversal_reason = models.TextField(blank=True)
    previous_statuses = models.JSONField(
        default=dict, blank=True,
        help_text="Status of each decommissioned action before, by id, so reversal restores it.")

    class Meta:
        ordering = ["-decided_at"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.decided_at:%d %B %Y})"


class JointDelivery(models.Model):
    """A joint action made by bringing a cluster together, and the partners who contribute."""

    joint_action = models.OneToOneField(Action, on_delete=models.CASCADE,
                                        related_name="joint_delivery")
    decision = models.ForeignKey(Decision, on_delete=models.CASCADE, related_name="+")
    contributors = models.ManyToManyField("partners.Organisation", related_name="+")

    def __str__(self) -> str:
        return f"Joint delivery of {self.joint_action}"


class Merge(models.Model):
    """An original action now delivered through a joint action (removed if reversed)."""

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="merges")
    joint_action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="merged_from")
    decision = models.ForeignKey(Decision, on_delete=models.CASCADE, related_name="merges")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["action", "decision"], name="one_merge_per_decision")
        ]

    def __str__(self) -> str:
        return f"{self.action} merged into {self.joint_action}"
