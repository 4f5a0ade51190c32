"""Published snapshots of the plan, and the public consultation on a draft.

A snapshot is a JSON copy of the public parts of the whole plan at one moment.
Once published it never changes: `save()` of an existing published snapshot and
`delete()` both raise `ImmutableSnapshot`, and later edits to actions cannot
reach it because nothing in it points back at a live row.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from joinedup.actions.models import Action
from joinedup.partners.models import Partnership


class ImmutableSnapshot(Exception):
    """A published snapshot may not be changed or deleted."""


class SnapshotStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    PUBLISHED = "published", "Published"


class Snapshot(models.Model):
    partnership = models.ForeignKey(Partnership, on_delete=models.PROTECT, related_name="snapshots")
    version = models.PositiveIntegerField()
    status = models.CharField(max_length=10, choices=SnapshotStatus.choices,
                              default=SnapshotStatus.DRAFT)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                   null=True, blank=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    published_at = models.DateTimeField(null=True, blank=True)
    note = models.TextField(blank=True)
    content = models.JSONField()

    class Meta:
        ordering = ["-version"]
        constraints = [
            models.UniqueConstraint(fields=["partnership", "version"], name="snapshot_version_unique")
        ]

    def __str__(self) -> str:
        return f"{self.partnership} version {self.version} ({self.get_status_display()})"

    @property
    def is_published(self) -> bool:
        return self.status == SnapshotStatus.PUBLISHED

    def save(self, *args, **kwargs) -> None:
        if self.pk is not None:
            stored = Snapshot.objects.filter(pk=self.pk).values_list("status", flat=True).first()
            if stored == SnapshotStatus.PUBLISHED:
                raise ImmutableSnapshot(f"{self} is published and cannot change")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ImmutableSnapshot(f"{self} is a record of the plan and cannot be deleted")


class ActionVisibility(models.Model):
    """An action kept out of the published plan (e.g. still being drafted by its partner)."""

    action = models.OneToOneField(Action, on_delete=models.CASCADE, related_name="visibility")
    is_draft = models.BooleanField(default=True)

    def __str__(self) -> str:
        return f"{self.action}: {'draft' if self.is_draft else 'public'}"


class Consultation(models.Model):
    """A period in which anyone may comment on a draft snapshot."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE,
                                    related_name="consultations")
    snapshot = models.ForeignKey(Snapshot, on_delete=models.PROTECT, related_name="consultations")
    title = models.CharField(max_length=200)
    opens = models.DateField()
    closes = models.DateField()
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                   null=True, blank=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-opens", "-id"]

    def __str__(self) -> str:
        return self.title

    def is_open(self, today) -> bool:
        return self.opens <= today <= self.closes


class CommentStatus(models.TextChoices):
    PENDING = "pending", "Awaiting moderation"
    APPROVED = "approved", "Approved"
    REJECTED = "rejected", "Rejected"


class Comment(models.Model):
    """One person's comment on the plan, a priority or an action of a consultation's draft.

    Only a salted hash of the sender's IP address is kept (for rate limiting).
    """

    consultation = models.ForeignKey(Consultation, on_delete=models.CASCADE, related_name="comments")
    priority_number = models.PositiveIntegerField(null=True, blank=True)
    action_id_in_snapshot = models.PositiveIntegerField(null=True, blank=True)
    subject = models.CharField(max_length=300, help_text="What the comment is about, as shown.")
    text = models.TextField()
    status = models.CharField(max_length=10, choices=CommentStatus.choices,
                              default=CommentStatus.PENDING)
    ip_hash = models.CharField(max_length=64)
    created_at = models.DateTimeField(auto_now_add=True)
    moderated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                     null=True, blank=True, related_name="+")
    moderated_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["ip_hash", "created_at"])]

    def __str__(self) -> str:
        return f"Comment on {self.subject}"


class EqualityResponse(models.Model):
    """Voluntary equality-monitoring answers, kept apart from any comment text.

    It points at the consultation, not at the comment, so the answers cannot be
    joined back to what someone wrote.
    """

    consultation = models.ForeignKey(Consultation, on_delete=models.CASCADE,
                                     related_name="equality_responses")
    age_band = models.CharField(max_length=20, blank=True)
    ethnic_group = models.CharField(max_length=40, blank=True)
    disability = models.CharField(max_length=20, blank=True)
    area = models.CharField(max_length=200, blank=True)

    def __str__(self) -> str:
        return f"Equality answers for {self.consultation}"
