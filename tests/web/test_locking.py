"""No lost updates: an edit based on a replaced version is refused, and shows what changed since."""

from __future__ import annotations

import threading

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse
from tests.factories import ActionFactory
from tests.web.test_action_forms import full_post

from joinedup.accounts.scope import Scope
from joinedup.actions import services
from joinedup.actions.models import Action


@pytest.fixture
def action(world):
    return ActionFactory(partnership=world.board, owner=world.council, title="Adapt homes",
                         lead_name="A. Patel")


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _edit(action):
    return reverse("actions:edit", kwargs={"slug": "wealdbridge", "pk": action.pk})


def test_second_save_from_the_same_version_is_refused_with_409(world, action):
    first, second = _client(world.editor), _client(world.admin)
    first.get(_edit(action)), second.get(_edit(action))
    assert first.post(_edit(action), full_post(world, title="Editor's title", version="1")).status_code == 302
    response = second.post(_edit(action), full_post(world, title="Admin's title", version="1"))
    action.refresh_from_db()
    assert response.status_code == 409
    assert action.title == "Editor's title"
    assert action.version == 2


def test_refused_save_changes_nothing_else_either(world, action):
    _client(world.editor).post(_edit(action), full_post(world, title="Editor's title", version="1"))
    _client(world.admin).post(_edit(action), full_post(world, title="Admin's", lead_name="Z. Zed",
                                                        version="1"))
    action.refresh_from_db()
    assert action.lead_name == "A. Patel"
    assert action.history.count() == Action.everything.get(pk=action.pk).history.count()
    assert not action.history.filter(lead_name="Z. Zed").exists()


def test_conflict_page_names_who_changed_it_and_shows_the_three_values(world, action):
    _client(world.editor).post(_edit(action), full_post(world, title="Editor's title", version="1"))
    body = _client(world.admin).post(
        _edit(action), full_post(world, title="Admin's title", version="1")).content.decode()
    assert "Your changes were not saved" in body
    assert "editor changed this action" in body
    row = body[body.index("What changed since you opened it"):]
    assert "Adapt homes" in row and "Editor&#39;s title" in row and "Admin&#39;s title" in row


def test_conflict_page_keeps_the_users_input_and_offers_the_current_version(world, action):
    _client(world.editor).post(_edit(action), full_post(world, title="Editor's title", version="1"))
    body = _client(world.admin).post(
        _edit(action), full_post(world, title="Admin's title", version="1")).content.decode()
    assert "Admin&#39;s title</textarea>" in body
    assert 'name="version" id="id_version" value="2"' in body
    assert body.count("<title>Error: ") == 1


def test_fields_nobody_else_changed_are_not_listed_as_conflicts(world, action):
    _client(world.editor).post(_edit(action), full_post(world, title="Editor's title", version="1"))
    body = _client(world.admin).post(
        _edit(action), full_post(world, title="Admin's title", version="1")).content.decode()
    table = body[body.index("What changed since you opened it"):body.index("</table>")]
    assert "Lead&#39;s name" not in table  # A. Patel before and after the editor's save
    assert "Staff time" in table  # empty before, 0.5 FTE after


def test_resaving_after_seeing_the_conflict_applies_the_users_values(world, action):
    _client(world.editor).post(_edit(action), full_post(world, title="Editor's title", version="1"))
    admin = _client(world.admin)
    admin.post(_edit(action), full_post(world, title="Admin's title", version="1"))
    assert admin.post(_edit(action), full_post(world, title="Admin's title", version="2")).status_code == 302
    action.refresh_from_db()
    assert (action.title, action.version) == ("Admin's title", 3)


def test_service_refuses_a_stale_version_and_stores_nothing(world, action):
    scope = Scope.for_user(world.editor, world.board)
    services.update_action(scope, action, {"title": "One"}, 1, world.editor)
    stale = Action.objects.get(pk=action.pk)
    with pytest.raises(services.StaleVersion) as refused:
        services.update_action(scope, stale, {"title": "Two"}, 1, world.editor)
    assert Action.objects.get(pk=action.pk).title == "One"
    assert refused.value.conflict.who == "editor"
    assert refused.value.conflict.current_version == 2


def test_conflict_holds_the_version_the_editor_opened(world, action):
    scope = Scope.for_user(world.editor, world.board)
    services.update_action(scope, action, {"title": "One"}, 1, world.editor)
    with pytest.raises(services.StaleVersion) as refused:
        services.update_action(scope, action, {"title": "Two"}, 1, world.editor)
    assert refused.value.conflict.opened.title == "Adapt homes"


def test_stale_edit_by_csrf_checked_client_is_still_refused(world, action):
    Action.everything.filter(pk=action.pk).update(version=5)
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.editor)
    client.get(_edit(action))
    token = client.cookies["csrftoken"].value
    response = client.post(_edit(action), full_post(world, version="4", csrfmiddlewaretoken=token))
    assert response.status_code == 409


@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs concurrent writers (PostgreSQL)")
def test_of_two_simultaneous_saves_of_one_version_exactly_one_wins(transactional_db, world, action):
    barrier, outcomes = threading.Barrier(2), []

    def save(user, title):
        try:
            scope = Scope.for_user(user, world.board)
            mine = Action.objects.get(pk=action.pk)
            barrier.wait(timeout=10)
            services.update_action(scope, mine, {"title": title}, 1, user)
            outcomes.append("saved")
        except services.StaleVersion:
            outcomes.append("refused")
        finally:
            connection.close()

    threads = [threading.Thread(target=save, args=(world.editor, "Editor's")),
               threading.Thread(target=save, args=(world.admin, "Admin's"))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert sorted(outcomes) == ["refused", "saved"]
    assert Action.objects.get(pk=action.pk).version == 2
