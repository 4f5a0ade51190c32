"""Progress updates, soft delete and restore: who may, and what is stored."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse
from tests.factories import ActionFactory

from joinedup.actions.models import Action, ProgressUpdate


@pytest.fixture
def action(world):
    return ActionFactory(partnership=world.board, owner=world.council, title="Adapt homes")


def _url(name, action):
    return reverse(f"actions:{name}", kwargs={"slug": "wealdbridge", "pk": action.pk})


def _as(client, user):
    client.force_login(user)
    return client


REPORT = {"date-day": "15", "date-month": "1", "date-year": "2014", "status": "at_risk",
          "note": "Contractor delayed"}


def test_owning_editor_records_progress_onto_the_action(client, world, action):
    response = _as(client, world.editor).post(_url("progress", action), REPORT)
    action.refresh_from_db()
    assert response.status_code == 302
    assert (action.status, action.progress_note, action.progress_date) == (
        "at_risk", "Contractor delayed", dt.date(2014, 1, 15))
    assert action.version == 2


def test_progress_update_is_kept_with_its_author(client, world, action):
    _as(client, world.editor).post(_url("progress", action), REPORT)
    update = ProgressUpdate.objects.get()
    assert (update.author, update.status, update.date) == (world.editor, "at_risk", dt.date(2014, 1, 15))


def test_progress_is_recorded_in_the_change_history(client, world, action):
    _as(client, world.editor).post(_url("progress", action), REPORT)
    latest = action.history.latest("history_date")
    assert (latest.progress_note, latest.history_user) == ("Contractor delayed", world.editor)


def test_admin_may_record_progress_for_any_partner(client, world):
    charity = ActionFactory(partnership=world.board, owner=world.charity)
    assert _as(client, world.admin).post(_url("progress", charity), REPORT).status_code == 302


@pytest.mark.parametrize("persona", ["nhs_editor", "viewer"])
def test_others_cannot_record_progress(client, world, action, persona):
    response = _as(client, getattr(world, persona)).post(_url("progress", action), REPORT)
    assert response.status_code == 403
    assert not ProgressUpdate.objects.exists()


def test_outsider_gets_not_found_on_progress(client, world, action):
    assert _as(client, world.outsider).get(_url("progress", action)).status_code == 404


def test_anonymous_visitor_is_sent_to_sign_in_from_progress(client, world, action):
    assert client.get(_url("progress", action)).status_code == 302


def test_progress_without_a_note_shows_the_error_pattern(client, world, action):
    response = _as(client, world.editor).post(_url("progress", action), REPORT | {"note": ""})
    body = response.content.decode()
    assert "<title>Error: " in body and 'href="#id_note"' in body
    assert "Describe the progress so far" in body
    assert not ProgressUpdate.objects.exists()


def test_progress_dated_in_the_future_is_refused(client, world, action):
    tomorrow = dt.date.today() + dt.timedelta(days=1)
    data = REPORT | {"date-day": str(tomorrow.day), "date-month": str(tomorrow.month),
                     "date-year": str(tomorrow.year)}
    body = _as(client, world.editor).post(_url("progress", action), data).content.decode()
    assert "Date of this update must be today or in the past" in body


def test_progress_form_refuses_a_post_without_the_csrf_token(world, action):
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.editor)
    assert client.post(_url("progress", action), REPORT).status_code == 403


# Soft delete and restore


def test_delete_asks_for_confirmation_first(client, world, action):
    body = _as(client, world.editor).get(_url("delete", action)).content.decode()
    assert "Are you sure you want to delete" in body
    assert Action.objects.filter(pk=action.pk).exists()


def test_owning_editor_deletes_softly(client, world, action):
    response = _as(client, world.editor).post(_url("delete", action))
    assert response.status_code == 302
    assert not Action.objects.filter(pk=action.pk).exists()
    assert Action.deleted.filter(pk=action.pk).exists()


@pytest.mark.parametrize("persona", ["nhs_editor", "viewer"])
def test_others_cannot_delete(client, world, action, persona):
    assert _as(client, getattr(world, persona)).post(_url("delete", action)).status_code == 403
    assert Action.objects.filter(pk=action.pk).exists()


def test_delete_refuses_a_post_without_the_csrf_token(world, action):
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.editor)
    assert client.post(_url("delete", action)).status_code == 403
    assert Action.objects.filter(pk=action.pk).exists()


def test_admin_sees_deleted_actions_listed(client, world, action):
    action.soft_delete()
    body = _as(client, world.admin).get(reverse("actions:deleted", kwargs={"slug": "wealdbridge"}))
    assert "Adapt homes" in body.content.decode()


@pytest.mark.parametrize("persona", ["editor", "viewer", "own_viewer"])
def test_only_admins_see_the_deleted_list(client, world, persona):
    url = reverse("actions:deleted", kwargs={"slug": "wealdbridge"})
    assert _as(client, getattr(world, persona)).get(url).status_code == 403


def test_outsider_gets_not_found_on_the_deleted_list(client, world):
    url = reverse("actions:deleted", kwargs={"slug": "wealdbridge"})
    assert _as(client, world.outsider).get(url).status_code == 404


def test_admin_restores_a_deleted_action(client, world, action):
    action.soft_delete()
    response = _as(client, world.admin).post(_url("restore", action))
    assert response.status_code == 302
    assert Action.objects.filter(pk=action.pk).exists()


def test_editor_cannot_restore(client, world, action):
    action.soft_delete()
    assert _as(client, world.editor).post(_url("restore", action)).status_code == 403
    assert not Action.objects.filter(pk=action.pk).exists()


def test_restore_needs_a_post(client, world, action):
    action.soft_delete()
    assert _as(client, world.admin).get(_url("restore", action)).status_code == 405
