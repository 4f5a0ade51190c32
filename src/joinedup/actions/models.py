"""The action register: every action from every partner's plan, with its accountability.

The six accountability fields of the board report are here as columns:
lead, resourcing, outcome measures, timeline, barriers, progress. Every change
is kept by django-simple-history; deleting is soft (`deleted_at`) and undoable.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from joinedup.ingest.records import STATUS_LABELS
from joinedup.partners.models import Organisation, Partnership, Plan
from joinedup.strategy.models import Category, Priority


class Status(models.TextChoices):
    """Progress status; the codes are those of `joinedup.ingest.records.STATUSES`."""

    NOT_STARTED = "not_started", STATUS_LABELS["not_started"]
    ON_TRACK = "on_track", STATUS_LABELS["on_track"]
    AT_RISK = "at_risk", STATUS_LABELS["at_risk"]
    OFF_TRACK = "off_track", STATUS_LABELS["off_track"]
    COMPLETE = "complete", STATUS_LABELS["complete"]
    STOPPED = "stopped", STATUS_LABELS["stopped"]

REFERENCE_LENGTH = 200


class PopulationGroup(models.Model):
    """A fixed list of target groups (seeded by a migration), so actions can be filtered by group."""

    code = models.CharField(max_length=32, unique=True)
    label = models.CharField(max_length=100)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return self.label

class BoardRole(models.TextChoices):
    """How the board relates to an action: it drives it, sponsors it, or observes it."""

    DRIVE = "drive", "Drive"
    SPONSOR = "sponsor", "Sponsor"
    OBSERVE = "observe", "Observe"


class LiveManager(models.Manager):
    def get_queryset(self):
        return super().get_queryset().filter(deleted_at__isnull=True)

class DeletedManager(models.Manager):
    def get_queryset(self):
        return super().get_queryset().filter(deleted_at__isnull=False)

class Action(models.Model):
    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="actions")
    owner = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="actions")
    plan = models.ForeignKey(
        Plan, on_delete=models.SET_NULL, null=True, blank=True, related_name="actions"
    )
    external_ref = models.CharField(
        max_length=REFERENCE_LENGTH, blank=True, help_text="The row's reference in the partner's own plan."
    )
    title = models.TextField()
    description = models.TextField(blank=True)
    intended_outcome = models.TextField(blank=True)

    lead_name = models.TextField(blank=True)
    lead_role = models.TextField(blank=True)

    resource_amount = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    resource_amount_text = models.TextField(blank=True)
    resource_staff_time = models.TextField(blank=True)
    resource_funding_source = models.TextField(blank=True)
    resource_notes = models.TextField(blank=True)

    outcome_measures = models.TextField(blank=True)

    start_date = models.DateField(null=True, blank=True)
    start_text = models.TextField(blank=True)
    end_date = models.DateField(null=True, blank=True)
    end_text = models.TextField(blank=True)
    milestones = models.JSONField(default=list, blank=True)

    barriers = models.TextField(blank=True)
    barriers_mitigation = models.TextField(blank=True)

    status = models.CharField(max_length=16, choices=Status.choices, default="not_started")
    board_role = models.CharField(max_length=8, choices=BoardRole.choices, default=BoardRole.OBSERVE)
    progress_note = models.TextField(blank=True)
    progress_date = models.DateField(null=True, blank=True)

    priorities = models.ManyToManyField(Priority, related_name="actions", blank=True)
    categories = models.ManyToManyField(Category, related_name="actions", blank=True)
    population_groups = models.ManyToManyField(PopulationGroup, related_name="actions", blank=True)
    whole_area = models.BooleanField(default=False)
    area_codes = models.JSONField(default=list, blank=True)
    places_text = models.TextField(blank=True, help_text="Place names as the partner wrote them.")

    evidence = models.TextField(blank=True)
    evidence_links = models.JSONField(default=list, blank=True)

    version = models.PositiveIntegerField(default=1)
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)
    deleted_at = models.DateTimeField(null=True, blank=True)

    objects = LiveManager()
    deleted = DeletedManager()
    everything = models.Manager()
    history = HistoricalRecords(m2m_fields=[priorities, categories, population_groups])

    class Meta:
        ordering = ["owner__name", "external_ref", "id"]
        base_manager_name = "everything"
        indexes = [
            models.Index(fields=["partnership", "owner", "external_ref"]),
            models.Index(fields=["partnership", "status"]),
        ]

    def __str__(self) -> str:
        return self.title

    def soft_delete(self) -> None:
        self.deleted_at = timezone.now()
        self.save(update_fields=["deleted_at", "updated"])

    def restore(self) -> None:
        self.deleted_at = None
        self.save(update_fields=["deleted_at", "updated"])

class ProgressUpdate(models.Model):
    """A dated progress report on an action by its owning partner."""

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="updates")
    date = models.DateField()
    status = models.CharField(max_length=16, choices=Status.choices)
    note = models.TextField(blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True
    )
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-date", "-id"]

    def __str__(self) -> str:
        return f"{self.date}: {self.get_status_display()}"
