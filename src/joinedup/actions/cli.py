"""`joinedup remind`: e-mail overdue progress updates; safe to run daily from cron."""

from __future__ import annotations

import typer


def remind(
    partnership: str = typer.Option(None, help="Partnership name (default: every partnership)."),
    dry_run: bool = typer.Option(False, "--dry-run", help="Show who would get what; send nothing."),
    base_url: str = typer.Option("", envvar="JOINEDUP_BASE_URL",
                                 help="Site address used in the links, e.g. https://plan.example.org"),
) -> None:
    """Remind partners' editors of their overdue actions and send administrators a digest.

    Each person gets each message at most once a day, so running it twice does no harm.
    """
    from joinedup.cli import console, django_setup, fail

    django_setup()
    from django.utils import timezone

    from joinedup.actions.reminders import send_reminders
    from joinedup.partners.models import Partnership

    chosen = Partnership.objects.all()
    if partnership:
        chosen = chosen.filter(name=partnership)
        if not chosen.exists():
            raise fail(f"no partnership called '{partnership}'")
    report = send_reminders(list(chosen), timezone.localdate(), dry_run=dry_run, base_url=base_url)
    for r in report.planned:
        state = f"skipped ({r.skipped})" if r.skipped else "sent"
        console.print(f"{r.partnership.name}: {r.kind} to {r.user.get_username()} "
                      f"<{r.user.email or 'no address'}>, {r.actions} actions: {state}", highlight=False,
                      soft_wrap=True)
    verb = "would be sent" if dry_run else "sent"
    count = len([r for r in report.planned if r.skipped in ("", "dry run")])
    console.print(f"{count} message{'s' if count != 1 else ''} {verb}.")
