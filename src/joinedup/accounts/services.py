"""Changing who may do what in a partnership: people, memberships and the audit trail.

Every change runs in a transaction and records an `AuditEvent`. The rule that a
partnership always keeps at least one administrator is enforced here, with the
administrators' rows locked, so two simultaneous removals cannot both succeed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.db import transaction
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from joinedup.accounts.models import Access, AuditEvent, Membership
from joinedup.partners.models import Organisation, Partnership

What = AuditEvent.What


class LastAdministrator(Exception):
    """The change would leave the partnership without an administrator."""

    def __init__(self, partnership: Partnership) -> None:
        super().__init__(
            f"{partnership} must keep at least one administrator. "
            "Make someone else an administrator first."
        )


class NotInPartnership(Exception):
    """The organisation chosen is not a partner of this partnership."""


@dataclass
class Person:
    """One member of the team page: a user and their memberships in one partnership."""

    user: object
    memberships: list[Membership] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.user.get_full_name() or self.user.get_username()


def record(partnership: Partnership, who, what: str, now: datetime | None = None, **details) -> AuditEvent:
    """Append one event to the partnership's audit trail."""
    return AuditEvent.objects.create(
        partnership=partnership, who=who, what=what, details=details, when=now or timezone.now()
    )


def audit_trail(partnership: Partnership, limit: int = 50) -> list[AuditEvent]:
    return list(AuditEvent.objects.filter(partnership=partnership).select_related("who")[:limit])


def team(partnership: Partnership) -> list[Person]:
    """Everyone with a membership of the partnership, by name, each with all their memberships."""
    people: dict[int, Person] = {}
    memberships = Membership.objects.filter(partnership=partnership).select_related(
        "user", "organisation"
    )
    for membership in memberships.order_by("user__username", "organisation__name"):
        people.setdefault(membership.user_id, Person(membership.user)).memberships.append(membership)
    return sorted(people.values(), key=lambda person: person.name.lower())


def membership_in(partnership: Partnership, pk: int) -> Membership:
    """One membership of this partnership, or 404 (a membership elsewhere is not revealed)."""
    try:
        return Membership.objects.select_related("user", "organisation").get(
            partnership=partnership, pk=pk
        )
    except Membership.DoesNotExist:
        raise Http404("No such membership") from None


def member_of(partnership: Partnership, user_id: int) -> Person:
    """A person who already belongs to the partnership, or 404."""
    memberships = list(
        Membership.objects.filter(partnership=partnership, user_id=user_id).select_related(
            "user", "organisation"
        )
    )
    if not memberships:
        raise Http404("No such person")
    return Person(memberships[0].user, memberships)


def _check_partner(partnership: Partnership, organisation: Organisation) -> None:
    if not partnership.organisations.filter(pk=organisation.pk).exists():
        raise NotInPartnership(f"{organisation} is not a partner of {partnership}")


def _describe(membership: Membership) -> dict:
    return {
        "person": membership.user.get_username(),
        "organisation": membership.organisation.name,
        "access": membership.get_access_display(),
    }


@transaction.atomic
def add_membership(partnership: Partnership, user, organisation: Organisation, access: str, by,
                   now: datetime | None = None) -> Membership:
    """Give a person (a further) membership: a joint appointment when they already have one."""
    _check_partner(partnership, organisation)
    membership = Membership.objects.create(
        user=user, partnership=partnership, organisation=organisation, access=access
    )
    record(partnership, by, What.MEMBERSHIP_ADDED, now, **_describe(membership))
    return membership


@transaction.atomic
def add_person(partnership: Partnership, *, username: str, email: str, first_name: str,
               last_name: str, organisation: Organisation, access: str, by,
               now: datetime | None = None):
    """Create an account with no usable password and its first membership.

    The person chooses their own password through `send_set_password_link`, so
    the administrator never knows it.
    """
    _check_partner(partnership, organisation)
    user = get_user_model().objects.create_user(
        username=username, email=email, first_name=first_name, last_name=last_name
    )
    membership = Membership.objects.create(
        user=user, partnership=partnership, organisation=organisation, access=access
    )
    record(partnership, by, What.PERSON_ADDED, now, email=email, **_describe(membership))
    return user


def set_password_path(user) -> str:
    """The one-time link (Django's password-reset token) for choosing a password."""
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    return reverse("accounts:password-reset-confirm", kwargs={"uidb64": uid, "token": token})


def send_set_password_link(user, partnership: Partnership, base_url: str) -> None:
    """Email a new person the link to choose their password; it works once and then expires.

    Django's own reset form ignores accounts without a usable password, so
    this is also how an administrator re-sends a lost link.
    """
    link = base_url.rstrip("/") + set_password_path(user)
    send_mail(
        subject=f"Your joinedup account for {partnership}",
        message=(
            f"An administrator of {partnership} has created a joinedup account for you.\n\n"
            f"Your username is: {user.get_username()}\n\n"
            f"Choose your password here (the link works once):\n{link}\n"
        ),
        from_email=None,
        recipient_list=[user.email],
    )


def _administrators(partnership: Partnership):
    return Membership.objects.select_for_update().filter(
        partnership=partnership, access=Access.ADMIN
    )


def _guard_last_admin(membership: Membership) -> None:
    if membership.access != Access.ADMIN:
        return
    admins = list(_administrators(membership.partnership))
    other_admins = {m.user_id for m in admins if m.pk != membership.pk}
    if not other_admins:
        raise LastAdministrator(membership.partnership)


@transaction.atomic
def change_access(membership: Membership, access: str, by, now: datetime | None = None) -> Membership:
    """Change one membership's access; refuse to demote the partnership's last administrator."""
    if access == membership.access:
        return membership
    if access != Access.ADMIN:
        _guard_last_admin(membership)
    before = membership.get_access_display()
    membership.access = access
    membership.save(update_fields=["access"])
    record(membership.partnership, by, What.ACCESS_CHANGED, now, before=before, **_describe(membership))
    return membership


@transaction.atomic
def remove_membership(membership: Membership, by, now: datetime | None = None) -> None:
    """Remove one membership; the account stays. Refuse to remove the last administrator."""
    _guard_last_admin(membership)
    details = _describe(membership)
    membership.delete()
    record(membership.partnership, by, What.MEMBERSHIP_REMOVED, now, **details)


def resend_set_password_link(partnership: Partnership, person: Person, by, base_url: str,
                             now: datetime | None = None) -> bool:
    """Send again the link to choose a first password; False if they have chosen one already."""
    user = person.user
    if user.has_usable_password() or not user.email:
        return False
    send_set_password_link(user, partnership, base_url)
    record(partnership, by, What.PASSWORD_LINK_SENT, now, person=user.get_username(), email=user.email)
    return True
