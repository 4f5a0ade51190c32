"""Every confirmed import is a batch that records what it touched, so it can be undone."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from joinedup.actions.models import Action
from joinedup.partners.models import Organisation, Partnership


class ImportBatch(models.Model):
    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE,
                                    related_name="import_batches")
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                             related_name="+")
    file_name = models.CharField(max_length=300)
    created = models.DateTimeField(auto_now_add=True)
    created_count = models.PositiveIntegerField(default=0)
    updated_count = models.PositiveIntegerField(default=0)
    unchanged_count = models.PositiveIntegerField(default=0)
    rejected_count = models.PositiveIntegerField(default=0)
    undone_at = models.DateTimeField(null=True, blank=True)
    undone_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                  null=True, blank=True, related_name="+")

    class Meta:
        ordering = ["-created", "-id"]

    def __str__(self) -> str:
        return f"{self.file_name} ({self.created:%d %B %Y %H:%M})"


class TouchedAction(models.Model):
    """One action a batch created or changed, with the history versions either side of it.

    `before_history_id` is None for an action the batch created; `version_after`
    lets undo refuse when someone changed the action since.
    """

    batch = models.ForeignKey(ImportBatch, on_delete=models.CASCADE, related_name="touched")
    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="+")
    before_history_id = models.PositiveBigIntegerField(null=True, blank=True)
    version_after = models.PositiveIntegerField()

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["batch", "action"], name="one_touch_per_action_per_batch")
        ]

    def __str__(self) -> str:
        return f"action {self.action_id} in import {self.batch_id}"

    @property
    def created_it(self) -> bool:
        return self.before_history_id is None
