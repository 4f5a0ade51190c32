"""Who may see and change what: a person's membership of an organisation in a partnership.

Permissions are per user, per organisation, per partnership. One person may
hold several memberships (a joint appointment across council and NHS).
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone

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


INVITATION_DAYS = 7


def _default_expiry():
    return timezone.now() + timedelta(days=INVITATION_DAYS)


class Invitation(models.Model):
    """A single-use, expiring link inviting someone by email into an organisation of a partnership.

    Only a SHA-256 digest of the link's random token is stored, so a copy of the
    database cannot be used to accept outstanding invitations.
    """

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="invitations")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField()
    access = models.CharField(max_length=16, choices=Access.choices, default=Access.VIEW_ALL)
    token_hash = models.CharField(max_length=64, unique=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created = models.DateTimeField(default=timezone.now)
    expires = models.DateTimeField(default=_default_expiry)
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created"]

    def __str__(self) -> str:
        return f"Invitation for {self.email} to {self.organisation}"

    def is_open(self, now) -> bool:
        return self.accepted_at is None and self.withdrawn_at is None and now < self.expires


class AuditEvent(models.Model):
    """Who changed who may do what in a partnership, and when: memberships and invitations."""

    class What(models.TextChoices):
        PERSON_ADDED = "person_added", "Added a person"
        MEMBERSHIP_ADDED = "membership_added", "Added a membership"
        ACCESS_CHANGED = "access_changed", "Changed access"
        MEMBERSHIP_REMOVED = "membership_removed", "Removed a membership"
        INVITATION_SENT = "invitation_sent", "Sent an invitation"
        INVITATION_WITHDRAWN = "invitation_withdrawn", "Withdrew an invitation"
        INVITATION_ACCEPTED = "invitation_accepted", "Accepted an invitation"
        PASSWORD_LINK_SENT = "password_link_sent", "Sent a link to choose a password"

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="audit_events")
    who = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    when = models.DateTimeField(default=timezone.now)
    what = models.CharField(max_length=32, choices=What.choices)
    details = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-when", "-id"]
        indexes = [models.Index(fields=["partnership", "-when"])]

    def __str__(self) -> str:
        return f"{self.when:%Y-%m-%d %H:%M} {self.who}: {self.get_what_display()}"

    @property
    def summary(self) -> str:
        """The details in a sentence fragment for the team page, e.g. "jo – Council (was: View all...)"."""
        d = self.details
        subject = d.get("person") or d.get("email", "")
        where = f" for {d['organisation']}" if d.get("organisation") else ""
        access = f": {d['access']}" if d.get("access") else ""
        before = f" (was: {d['before']})" if d.get("before") else ""
        return f"{subject}{where}{access}{before}"
