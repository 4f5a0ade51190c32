"""Reminder e-mails: who gets which, once a day, and nothing on a dry run."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.utils import timezone
from tests.factories import ActionFactory, UserFactory, member

from joinedup.accounts.models import Access
from joinedup.actions.reminders import send_reminders
from joinedup.monitoring.models import SentReminder

TODAY = timezone.localdate()


@pytest.fixture
def stale(world):
    """Two overdue council actions, one overdue NHS action, one fresh charity action."""
    long_ago = TODAY - dt.timedelta(days=200)
    for persona in ("admin", "editor", "nhs_editor", "viewer", "own_viewer"):
        user = getattr(world, persona)
        user.email = f"{persona}@example.org"
        user.save()
    return {
        "C1": ActionFactory(partnership=world.board, owner=world.council, external_ref="C1",
                            title="Adapt council homes", progress_date=long_ago),
        "C2": ActionFactory(partnership=world.board, owner=world.council, external_ref="C2",
                            title="Warm homes grants", progress_date=long_ago),
        "N1": ActionFactory(partnership=world.board, owner=world.nhs, external_ref="N1",
                            title="Pulmonary rehab", progress_date=long_ago),
        "done": ActionFactory(partnership=world.board, owner=world.nhs, external_ref="N2",
                              title="Finished work", status="complete", progress_date=long_ago),
        "fresh": ActionFactory(partnership=world.board, owner=world.charity, external_ref="V1",
                               title="Carers cafe", progress_date=TODAY),
    }


def _by_recipient():
    return {message.to[0]: message for message in mail.outbox}


def test_each_partners_editor_gets_their_own_overdue_actions_and_admins_a_digest(world, stale):
    send_reminders([world.board], TODAY)
    messages = _by_recipient()
    assert set(messages) == {"editor@example.org", "nhs_editor@example.org", "admin@example.org"}
    council = messages["editor@example.org"].body
    assert "Adapt council homes" in council and "Warm homes grants" in council
    assert "Pulmonary rehab" not in council
    nhs = messages["nhs_editor@example.org"].body
    assert "Pulmonary rehab" in nhs and "Finished work" not in nhs and "Adapt" not in nhs
    digest = messages["admin@example.org"].body
    assert "3 overdue actions by partner:" in digest
    assert "- Wealdbridge County Council: 2" in digest
    assert "- NHS Wealdbridge ICB: 1" in digest


def test_viewers_and_other_partnerships_get_nothing(world, stale):
    send_reminders([world.board, world.other_board], TODAY)
    recipients = set(_by_recipient())
    assert "viewer@example.org" not in recipients
    assert "own_viewer@example.org" not in recipients


def test_a_second_run_on_the_same_day_sends_nothing_more(world, stale):
    send_reminders([world.board], TODAY)
    first = len(mail.outbox)
    report = send_reminders([world.board], TODAY)
    assert len(mail.outbox) == first == 3
    assert {r.skipped for r in report.planned} == {"already sent today"}


def test_the_next_day_reminds_again(world, stale):
    send_reminders([world.board], TODAY)
    send_reminders([world.board], TODAY + dt.timedelta(days=1))
    assert len(mail.outbox) == 6


def test_a_dry_run_sends_and_records_nothing(world, stale):
    report = send_reminders([world.board], TODAY, dry_run=True)
    assert mail.outbox == []
    assert SentReminder.objects.count() == 0
    assert len(report.planned) == 3


def test_a_person_without_an_email_address_is_skipped(world, stale):
    world.nhs_editor.email = ""
    world.nhs_editor.save()
    report = send_reminders([world.board], TODAY)
    assert "nhs_editor@example.org" not in _by_recipient()
    assert [r.skipped for r in report.planned if r.user == world.nhs_editor] == ["no e-mail address"]


def test_someone_editing_for_two_partners_gets_one_message_with_both(world, stale):
    both = UserFactory(username="joint", email="joint@example.org")
    member(both, world.board, world.council, Access.EDIT_OWN)
    member(both, world.board, world.nhs, Access.EDIT_OWN)
    send_reminders([world.board], TODAY)
    joint = [m for m in mail.outbox if m.to == ["joint@example.org"]]
    assert len(joint) == 1
    assert "Adapt council homes" in joint[0].body and "Pulmonary rehab" in joint[0].body


def test_nothing_overdue_sends_nothing(world):
    ActionFactory(partnership=world.board, owner=world.council, progress_date=TODAY)
    send_reminders([world.board], TODAY)
    assert mail.outbox == []


def test_the_link_points_at_the_overdue_page(world, stale):
    send_reminders([world.board], TODAY, base_url="https://plan.example.org/")
    assert "https://plan.example.org/p/wealdbridge/overdue/" in _by_recipient()["editor@example.org"].body


def test_the_remind_command_dry_run_lists_messages_and_sends_none(world, stale):
    import typer
    from typer.testing import CliRunner

    from joinedup.actions.cli import remind

    app = typer.Typer()
    app.command()(remind)
    app.command("other")(lambda: None)  # two commands, so `remind` is addressed by name
    result = CliRunner().invoke(app, ["remind", "--partnership", world.board.name, "--dry-run"])
    assert result.exit_code == 0, result.output
    assert "3 messages would be sent." in result.output
    assert "overdue to editor <editor@example.org>, 2 actions: skipped (dry run)" in result.output
    assert mail.outbox == []


def test_the_remind_command_rejects_an_unknown_partnership(world):
    import typer
    from typer.testing import CliRunner

    from joinedup.actions.cli import remind

    app = typer.Typer()
    app.command()(remind)
    app.command("other")(lambda: None)
    result = CliRunner().invoke(app, ["remind", "--partnership", "Nowhere"])
    assert result.exit_code == 1
