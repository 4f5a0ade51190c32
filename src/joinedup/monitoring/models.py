"""A record of every reminder e-mail sent, so `joinedup remind` sends each one at most once a day."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from joinedup.partners.models import Partnership


class ReminderKind(models.TextChoices):
    OVERDUE = "overdue", "Overdue actions (to a partner's editors)"
    DIGEST = "digest", "Digest (to administrators)"


class SentReminder(models.Model):
    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE,
                                    related_name="sent_reminders")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="+")
    kind = models.CharField(max_length=8, choices=ReminderKind.choices)
    day = models.DateField()
    actions = models.PositiveIntegerField(default=0, help_text="How many actions it listed.")
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-day", "partnership", "user"]
        constraints = [
            models.UniqueConstraint(fields=["partnership", "user", "kind", "day"],
                                    name="one_reminder_of_a_kind_per_day")
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} to {self.user} on {self.day}"
