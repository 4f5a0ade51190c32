"""Who is reminded of what: partners' editors of their overdue actions, administrators by digest.

`send_reminders` is safe to run from cron as often as wanted: each person gets
each kind of message at most once a day per partnership (recorded in
`monitoring.SentReminder`), and a dry run only reports what would be sent.
Messages go through Django's e-mail framework, so the backend (console, file,
SMTP) is a matter of settings.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction

from joinedup.accounts.models import Access, Membership
from joinedup.accounts.scope import Scope
from joinedup.actions.models import Action
from joinedup.monitoring.freshness import NEVER, overdue
from joinedup.monitoring.models import ReminderKind, SentReminder
from joinedup.partners.models import Partnership

PARTNER_EDITORS = (Access.EDIT_OWN, Access.EDIT_ALL)
"""Who hears about a partner's overdue actions: people who edit through that organisation."""


@dataclass
class Reminder:
    """One message to one person; `skipped` says why it was not sent, if it was not."""

    partnership: Partnership
    user: object
    kind: str
    subject: str
    body: str
    actions: int
    skipped: str = ""


@dataclass
class RemindReport:
    planned: list[Reminder] = field(default_factory=list)

    @property
    def sent(self) -> list[Reminder]:
        return [r for r in self.planned if not r.skipped]


def _line(action: Action) -> str:
    when = "never" if action.last_update == NEVER else f"{action.last_update:%d %B %Y}"
    ref = f"{action.external_ref}: " if action.external_ref else ""
    return f"- {ref}{action.title} (last updated {when})"


def _overdue_by_owner(partnership: Partnership, today: dt.date) -> dict[int, list[Action]]:
    actions = (overdue(Scope.system(partnership).actions(), partnership, today)
               .select_related("owner").order_by("owner__name", "due_basis", "id"))
    grouped: dict[int, list[Action]] = defaultdict(list)
    for action in actions:
        grouped[action.owner_id].append(action)
    return grouped


def _link(base_url: str, partnership: Partnership) -> str:
    return f"{base_url.rstrip('/')}/p/{partnership.slug}/overdue/"


def editor_reminders(partnership: Partnership, today: dt.date, base_url: str) -> list[Reminder]:
    """One message per editor, listing the overdue actions of every organisation they edit for."""
    grouped = _overdue_by_owner(partnership, today)
    per_user: dict[int, tuple[object, list[Action]]] = {}
    memberships = (Membership.objects.filter(partnership=partnership, access__in=PARTNER_EDITORS,
                                             organisation_id__in=list(grouped), user__is_active=True)
                   .select_related("user").order_by("user_id", "organisation__name"))
    for membership in memberships:
        user, actions = per_user.setdefault(membership.user_id, (membership.user, []))
        actions.extend(grouped[membership.organisation_id])
    reminders = []
    for user, actions in per_user.values():
        body = "\n".join([
            f"Hello {user.get_full_name() or user.get_username()},", "",
            f"{len(actions)} action{'s' if len(actions) != 1 else ''} you look after in "
            f"{partnership.name} need{'s' if len(actions) == 1 else ''} a progress update "
            f"(due every {partnership.update_cycle_months} months):", "",
            *[_line(a) for a in actions], "",
            f"See them all: {_link(base_url, partnership)}",
        ])
        reminders.append(Reminder(partnership, user, ReminderKind.OVERDUE,
                                  f"{partnership.name}: {len(actions)} overdue progress "
                                  f"update{'s' if len(actions) != 1 else ''}", body, len(actions)))
    return reminders


def admin_digests(partnership: Partnership, today: dt.date, base_url: str) -> list[Reminder]:
    """One digest per administrator: overdue counts per partner; none when nothing is overdue."""
    grouped = _overdue_by_owner(partnership, today)
    total = sum(len(a) for a in grouped.values())
    if not total:
        return []
    lines = [f"- {actions[0].owner.name}: {len(actions)}" for actions in grouped.values()]
    admins = {m.user_id: m.user for m in Membership.objects.filter(
        partnership=partnership, access=Access.ADMIN, user__is_active=True).select_related("user")}
    body_lines = [f"Progress updates in {partnership.name} on {today:%d %B %Y}:", "",
                  f"{total} overdue action{'s' if total != 1 else ''} by partner:",
                  *lines, "", f"See them all: {_link(base_url, partnership)}"]
    return [Reminder(partnership, user, ReminderKind.DIGEST,
                     f"{partnership.name}: progress update digest ({total} overdue)",
                     "\n".join(body_lines), total) for user in admins.values()]


def _already_sent(reminder: Reminder, today: dt.date) -> bool:
    return SentReminder.objects.filter(partnership=reminder.partnership, user=reminder.user,
                                       kind=reminder.kind, day=today).exists()


def _send(reminder: Reminder, today: dt.date) -> None:
    """Record first, then send, in one transaction: a failed send leaves no record."""
    with transaction.atomic():
        SentReminder.objects.create(partnership=reminder.partnership, user=reminder.user,
                                    kind=reminder.kind, day=today, actions=reminder.actions)
        EmailMessage(reminder.subject, reminder.body, settings.DEFAULT_FROM_EMAIL,
                     [reminder.user.email]).send()


def send_reminders(partnerships: list[Partnership], today: dt.date, *, dry_run: bool = False,
                   base_url: str = "") -> RemindReport:
    """Plan and (unless `dry_run`) send every reminder due today; see the module docstring."""
    report = RemindReport()
    for partnership in partnerships:
        planned = (editor_reminders(partnership, today, base_url)
                   + admin_digests(partnership, today, base_url))
        for reminder in planned:
            if not reminder.user.email:
                reminder.skipped = "no e-mail address"
            elif _already_sent(reminder, today):
                reminder.skipped = "already sent today"
            elif dry_run:
                reminder.skipped = "dry run"
            else:
                try:
                    _send(reminder, today)
                except IntegrityError:
                    reminder.skipped = "already sent today"
            report.planned.append(reminder)
    return report
