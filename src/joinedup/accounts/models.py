"""Who may see and change what: a person's membership of an organisation in a partnership.

Permissions are per user, per organisation, per partnership. One person may
hold several memberships (a joint appointment across council and NHS).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from joinedup.partners.models import Organisation, Partnership


class Access(models.TextChoices):
    VIEW_OWN = "view_own", "View own organisation's work"
    VIEW_ALL = "view_all", "View all partners' work"
    EDIT_OWN = "edit_own", "Edit own organisation's work (and view all)"
    EDIT_ALL = "edit_all", "Edit all partners' work"
    ADMIN = "admin", "Administrator of the partnership"


VIEWS_ALL = {Access.VIEW_ALL, Access.EDIT_OWN, Access.EDIT_ALL, Access.ADMIN}
EDITS_OWN = {Access.EDIT_OWN, Access.EDIT_ALL, Access.ADMIN}
EDITS_ALL = {Access.EDIT_ALL, Access.ADMIN}


class Membership(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    partnership = models.ForeignKey(
        Partnership, on_delete=models.CASCADE, related_name="memberships"
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="memberships"
    )
    access = models.CharField(max_length=16, choices=Access.choices, default=Access.VIEW_ALL)

    class Meta:
        ordering = ["partnership__name", "organisation__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "partnership", "organisation"], name="one_membership_per_org"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.organisation} ({self.get_access_display()})"
