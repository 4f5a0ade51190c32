"""When an action was last updated, and whether its update is overdue.

An action's last update is the later of its own progress date and its latest
progress report. It is due every `Partnership.update_cycle_months` months;
an action never updated is due one cycle after it was created, so a new
action is not overdue on its first day. Complete and stopped actions need no
more updates.
"""

from __future__ import annotations

import datetime as dt

from dateutil.relativedelta import relativedelta
from django.db.models import Case, DateField, F, OuterRef, QuerySet, Subquery, Value, When
from django.db.models.functions import Coalesce, Greatest, TruncDate

from joinedup.actions.models import Action, ProgressUpdate
from joinedup.partners.models import Partnership

NEVER = dt.date(1900, 1, 1)
"""Stands in for 'no date' inside SQL, where GREATEST of NULLs differs between databases."""

FINISHED = ("complete", "stopped")


def cycle_start(partnership: Partnership, today: dt.date) -> dt.date:
    """The earliest date an update may have to count as 'this cycle'."""
    return today - relativedelta(months=partnership.update_cycle_months)


def with_last_update(actions: QuerySet[Action]) -> QuerySet[Action]:
    """Annotate `last_update` (date or NEVER) and `due_basis` (last update, else creation date)."""
    latest_report = Subquery(
        ProgressUpdate.objects.filter(action=OuterRef("pk")).order_by("-date").values("date")[:1],
        output_field=DateField(),
    )
    never = Value(NEVER, output_field=DateField())
    return actions.annotate(
        last_update=Greatest(Coalesce("progress_date", never), Coalesce(latest_report, never),
                             output_field=DateField()),
    ).annotate(
        due_basis=Case(When(last_update=never, then=TruncDate("created")),
                       default=F("last_update"), output_field=DateField()),
    )


def overdue(actions: QuerySet[Action], partnership: Partnership, today: dt.date) -> QuerySet[Action]:
    """Unfinished actions whose last update (or creation) is older than one update cycle."""
    return with_last_update(actions.exclude(status__in=FINISHED)).filter(
        due_basis__lt=cycle_start(partnership, today))


def last_updated(action: Action) -> dt.date | None:
    """When the action's progress was last reported, or None if never.

    Uses the `last_update` annotation when present (lists), otherwise the
    action's own progress date and its updates (one query unless prefetched).
    """
    annotated = getattr(action, "last_update", None)
    if annotated is not None:
        return None if annotated == NEVER else annotated
    dates = [d for d in (action.progress_date, *(u.date for u in action.updates.all())) if d]
    return max(dates, default=None)


def last_updated_text(action: Action) -> str:
    """'Last updated 3 March 2026' / 'No progress reported yet', for the action page."""
    when = last_updated(action)
    if when is None:
        return "No progress reported yet"
    return f"Last updated {when.day} {when:%B %Y}"
