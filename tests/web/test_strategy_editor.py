"""The strategy editor: administrators only; priorities, categories, themes; removal with a count."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse
from tests.factories import ActionFactory

from joinedup.strategy.models import Category, Priority, Theme


def edit_url() -> str:
    return reverse("strategy:edit", kwargs={"slug": "wealdbridge"})


def new(kinds):
    return reverse("strategy:new", kwargs={"slug": "wealdbridge", "kinds": kinds})


def change(kinds, pk):
    return reverse("strategy:change", kwargs={"slug": "wealdbridge", "kinds": kinds, "pk": pk})


def remove(kinds, pk):
    return reverse("strategy:remove", kwargs={"slug": "wealdbridge", "kinds": kinds, "pk": pk})


def _as(client, user):
    client.force_login(user)
    return client


def test_anonymous_visitor_is_sent_to_sign_in_from_the_editor(client, world):
    assert client.get(edit_url()).status_code == 302


def test_outsider_gets_not_found_on_the_editor(client, world):
    assert _as(client, world.outsider).get(edit_url()).status_code == 404


@pytest.mark.parametrize("persona", ["editor", "nhs_editor", "viewer", "own_viewer"])
def test_only_administrators_open_the_editor(client, world, persona):
    assert _as(client, getattr(world, persona)).get(edit_url()).status_code == 403


@pytest.mark.parametrize("persona", ["editor", "viewer"])
def test_non_administrators_cannot_add_a_priority(client, world, persona):
    response = _as(client, getattr(world, persona)).post(new("priorities"), {"number": "3", "name": "Falls"})
    assert response.status_code == 403
    assert not Priority.objects.filter(number=3).exists()


def test_editor_cannot_remove_a_priority(client, world):
    response = _as(client, world.editor).post(remove("priorities", world.priorities[0].pk))
    assert response.status_code == 403 and Priority.objects.filter(pk=world.priorities[0].pk).exists()


def test_admin_sees_priorities_with_their_action_counts(client, world):
    action = ActionFactory(partnership=world.board, owner=world.council)
    action.priorities.add(world.priorities[0])
    body = _as(client, world.admin).get(edit_url()).content.decode()
    assert "Appropriate and adapted housing" in body and "Long-term conditions" in body


def test_admin_adds_a_priority(client, world):
    data = {"number": "3", "name": "Falls", "description": ""}
    response = _as(client, world.admin).post(new("priorities"), data)
    assert response.status_code == 302
    assert Priority.objects.get(partnership=world.board, number=3).name == "Falls"


def test_a_priority_number_already_used_is_refused_with_the_error_pattern(client, world):
    response = _as(client, world.admin).post(new("priorities"), {"number": "2", "name": "Duplicate"})
    body = response.content.decode()
    assert "<title>Error: " in body
    assert 'href="#id_number"' in body
    assert "Priority 2 already exists: choose another number" in body
    assert Priority.objects.filter(partnership=world.board).count() == 2


def test_a_priority_keeps_its_own_number_when_renamed(client, world):
    first = world.priorities[0]
    _as(client, world.admin).post(change("priorities", first.pk), {"number": "1", "name": "Housing"})
    first.refresh_from_db()
    assert first.name == "Housing"


def test_the_same_number_may_be_used_in_another_partnership(client, world):
    _as(client, world.outsider)
    url = reverse("strategy:new", kwargs={"slug": "eastmarsh", "kinds": "priorities"})
    assert client.post(url, {"number": "1", "name": "Eastmarsh housing"}).status_code == 302


def test_removing_a_linked_priority_says_how_many_actions_lose_the_link(client, world):
    for _ in range(2):
        ActionFactory(partnership=world.board, owner=world.council).priorities.add(world.priorities[1])
    body = _as(client, world.admin).get(remove("priorities", world.priorities[1].pk)).content.decode()
    assert "2 actions contribute to it and will lose the link" in body
    assert Priority.objects.filter(pk=world.priorities[1].pk).exists()


def test_confirmed_removal_unlinks_the_actions_and_keeps_them(client, world):
    action = ActionFactory(partnership=world.board, owner=world.council)
    action.priorities.add(world.priorities[1])
    response = _as(client, world.admin).post(remove("priorities", world.priorities[1].pk))
    assert response.status_code == 302
    assert not Priority.objects.filter(pk=world.priorities[1].pk).exists()
    assert list(action.priorities.all()) == []


def test_removing_a_category_counts_its_actions(client, world):
    ActionFactory(partnership=world.board, owner=world.nhs).categories.add(world.categories[2])
    body = _as(client, world.admin).get(remove("categories", world.categories[2].pk)).content.decode()
    assert "1 action contributes to it and will lose the link" in body


def test_admin_adds_a_category_with_its_order(client, world):
    _as(client, world.admin).post(new("categories"), {"name": "Recovery", "position": "4"})
    assert Category.objects.get(partnership=world.board, name="Recovery").position == 4


def test_a_category_name_already_used_is_refused(client, world):
    response = _as(client, world.admin).post(new("categories"), {"name": "treatment", "position": "1"})
    body = response.content.decode()
    assert "A category called ‘treatment’ already exists" in body


def test_admin_adds_a_theme_holding_chosen_priorities(client, world):
    data = {"name": "Healthy homes", "description": "", "position": "2",
            "priorities": [str(world.priorities[0].pk)]}
    _as(client, world.admin).post(new("themes"), data)
    theme = Theme.objects.get(partnership=world.board, name="Healthy homes")
    assert list(theme.priorities.all()) == [world.priorities[0]]


def test_admin_changes_which_priorities_a_theme_holds(client, world):
    theme = Theme.objects.get(partnership=world.board)
    data = {"name": theme.name, "position": "0", "priorities": [str(world.priorities[1].pk)]}
    _as(client, world.admin).post(change("themes", theme.pk), data)
    assert list(theme.priorities.all()) == [world.priorities[1]]


def test_removing_a_theme_keeps_its_priorities(client, world):
    theme = Theme.objects.get(partnership=world.board)
    _as(client, world.admin).post(remove("themes", theme.pk))
    assert not Theme.objects.filter(pk=theme.pk).exists()
    assert Priority.objects.filter(partnership=world.board).count() == 2


def test_a_priority_of_another_partnership_is_not_found(client, world):
    foreign = Priority.objects.create(partnership=world.other_board, number=9, name="Theirs")
    assert _as(client, world.admin).get(change("priorities", foreign.pk)).status_code == 404


def test_an_unknown_kind_is_not_found(client, world):
    assert _as(client, world.admin).get(new("widgets")).status_code == 404


def test_strategy_editor_refuses_a_post_without_the_csrf_token(world):
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.admin)
    assert client.post(new("priorities"), {"number": "3", "name": "Falls"}).status_code == 403
    assert not Priority.objects.filter(number=3).exists()


def test_htmx_request_gets_the_confirmation_with_a_second_level_heading(client, world):
    response = _as(client, world.admin).get(remove("categories", world.categories[0].pk),
                                            headers={"HX-Request": "true"})
    assert '<h2 class="govuk-heading-m" tabindex="-1">Remove the' in response.content.decode()
