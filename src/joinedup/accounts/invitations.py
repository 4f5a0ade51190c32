"""Invitations: an administrator invites someone by email; the link works once, until it expires.

The link carries 32 random bytes; only their SHA-256 digest is stored. A token
with that much entropy needs no slow hash, and looking it up by digest reveals
nothing through timing that would help guess another.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Callable
from datetime import datetime, timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from joinedup.accounts.models import INVITATION_DAYS, AuditEvent, Invitation, Membership
from joinedup.accounts.services import NotInPartnership, record
from joinedup.partners.models import Organisation, Partnership

What = AuditEvent.What


class InvitationUnusable(Exception):
    """The link cannot be used; `reason` is one of "unknown", "expired", "used", "withdrawn"."""

    def __init__(self, reason: str, invitation: Invitation | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.invitation = invitation


def digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def lifetime() -> timedelta:
    return timedelta(days=getattr(settings, "JOINEDUP_INVITATION_DAYS", INVITATION_DAYS))


@transaction.atomic
def invite(partnership: Partnership, organisation: Organisation, email: str, access: str, by,
           now: datetime | None = None) -> tuple[Invitation, str]:
    """Create an invitation; returns it with the plain token, which is never stored."""
    if not partnership.organisations.filter(pk=organisation.pk).exists():
        raise NotInPartnership(f"{organisation} is not a partner of {partnership}")
    now = now or timezone.now()
    token = secrets.token_urlsafe(32)
    invitation = Invitation.objects.create(
        partnership=partnership, organisation=organisation, email=email, access=access,
        token_hash=digest(token), created_by=by, created=now, expires=now + lifetime(),
    )
    record(partnership, by, What.INVITATION_SENT, now, email=email,
           organisation=organisation.name, access=invitation.get_access_display())
    return invitation, token


def invitation_path(token: str) -> str:
    return reverse("accounts:invitation", kwargs={"token": token})


def send_invitation(invitation: Invitation, token: str, base_url: str) -> None:
    link = base_url.rstrip("/") + invitation_path(token)
    inviter = invitation.created_by.get_full_name() or invitation.created_by.get_username()
    send_mail(
        subject=f"Invitation to join {invitation.partnership} on joinedup",
        message=(
            f"{inviter} has invited you to join {invitation.partnership} for "
            f"{invitation.organisation} ({invitation.get_access_display().lower()}).\n\n"
            f"Open this link to choose a username and password:\n{link}\n\n"
            f"The link works once and expires on "
            f"{timezone.localtime(invitation.expires):%d %B %Y at %H:%M}.\n"
        ),
        from_email=None,
        recipient_list=[invitation.email],
    )


def _check(invitation: Invitation | None, now: datetime) -> Invitation:
    if invitation is None:
        raise InvitationUnusable("unknown")
    if invitation.accepted_at is not None:
        raise InvitationUnusable("used", invitation)
    if invitation.withdrawn_at is not None:
        raise InvitationUnusable("withdrawn", invitation)
    if now >= invitation.expires:
        raise InvitationUnusable("expired", invitation)
    return invitation


def find(token: str, now: datetime | None = None) -> Invitation:
    """The open invitation for a link, or `InvitationUnusable` saying why not."""
    invitation = (
        Invitation.objects.select_related("partnership", "organisation", "created_by")
        .filter(token_hash=digest(token)).first()
    )
    return _check(invitation, now or timezone.now())


@transaction.atomic
def redeem(token: str, make_user: Callable[[], object], now: datetime | None = None) -> Membership:
    """Accept an invitation once: `make_user` supplies the account (new, or the signed-in one).

    The invitation row is locked, so two people racing with the same link cannot
    both succeed; if it is unusable, nothing `make_user` created survives.
    """
    now = now or timezone.now()
    invitation = _check(
        Invitation.objects.select_for_update().filter(token_hash=digest(token)).first(), now
    )
    user = make_user()
    membership, created = Membership.objects.get_or_create(
        user=user, partnership_id=invitation.partnership_id,
        organisation_id=invitation.organisation_id, defaults={"access": invitation.access},
    )
    invitation.accepted_at = now
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    record(invitation.partnership, user, What.INVITATION_ACCEPTED, now, email=invitation.email,
           person=user.get_username(), organisation=invitation.organisation.name,
           access=membership.get_access_display(), new_membership=created)
    return membership


def open_invitations(partnership: Partnership, now: datetime | None = None) -> list[Invitation]:
    """Invitations still waiting to be accepted (not expired, used or withdrawn)."""
    return list(
        Invitation.objects.filter(
            partnership=partnership, accepted_at__isnull=True, withdrawn_at__isnull=True,
            expires__gt=now or timezone.now(),
        ).select_related("organisation", "created_by")
    )


def invitation_in(partnership: Partnership, pk: int) -> Invitation | None:
    return Invitation.objects.filter(partnership=partnership, pk=pk).first()


@transaction.atomic
def withdraw(invitation: Invitation, by, now: datetime | None = None) -> None:
    """Stop an invitation's link from working (it stays in the record)."""
    now = now or timezone.now()
    if invitation.accepted_at is not None or invitation.withdrawn_at is not None:
        return
    invitation.withdrawn_at = now
    invitation.save(update_fields=["withdrawn_at"])
    record(invitation.partnership, by, What.INVITATION_WITHDRAWN, now, email=invitation.email,
           organisation=invitation.organisation.name)
