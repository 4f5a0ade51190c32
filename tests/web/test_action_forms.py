"""Creating and editing actions in the browser's forms: permissions, validation, stored values."""

from __future__ import annotations

import datetime as dt
import html
import re
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse
from tests.factories import ActionFactory

from joinedup.actions.models import Action, PopulationGroup


@pytest.fixture
def council_action(world):
    return ActionFactory(partnership=world.board, owner=world.council, title="Adapt homes")


@pytest.fixture
def charity_action(world):
    return ActionFactory(partnership=world.board, owner=world.charity, title="Carers' breaks")


def new_url() -> str:
    return reverse("actions:new", kwargs={"slug": "wealdbridge"})


def edit_url(action) -> str:
    return reverse("actions:edit", kwargs={"slug": "wealdbridge", "pk": action.pk})


def options(response, name: str) -> list[tuple[str, str]]:
    """The (value, text) options of the select called `name` in the page."""
    select = re.search(rf'<select[^>]*name="{name}".*?</select>', response.content.decode(), re.S)
    return [(value, html.unescape(text.strip())) for value, text in
            re.findall(r'<option value="([^"]*)"[^>]*>(.*?)</option>', select.group(0), re.S)]


def error_for(response, name: str) -> str:
    """The inline error message of field `name` (empty when it has none)."""
    found = re.search(rf'<p id="id_{name}(?:-date)?-error" class="govuk-error-message">(.*?)</p>',
                      response.content.decode(), re.S)
    if found is None:
        return ""
    text = re.sub(r"<span[^>]*>.*?</span>", "", found.group(1), flags=re.S)
    return html.unescape(text.strip())


def _as(client, user):
    client.force_login(user)
    return client


def full_post(world, **changes) -> dict:
    data = {
        "owner": str(world.council.id), "title": "Warm homes grants for older people",
        "external_ref": "H7", "description": "", "intended_outcome": "Fewer cold homes",
        "lead_name": "A. Patel", "lead_role": "Head of Housing", "resource_amount": "25000",
        "resource_staff_time": "0.5 FTE", "resource_funding_source": "Better Care Fund",
        "resource_notes": "", "outcome_measures": "Excess winter deaths",
        "start_date-day": "1", "start_date-month": "4", "start_date-year": "2013",
        "end_date-day": "31", "end_date-month": "3", "end_date-year": "2014",
        "milestones": "30/09/2013: scheme open\n31/03/2014: 200 homes done",
        "barriers": "Take-up", "barriers_mitigation": "Outreach by GPs", "status": "on_track",
        "board_role": "drive", "priorities": [str(world.priorities[0].id)],
        "categories": [str(world.categories[0].id)], "area_codes": "E07000061, E07000062",
        "places_text": "", "evidence": "NICE NG6",
        "evidence_links": "https://www.nice.org.uk/guidance/ng6",
    }
    return data | changes


# Permissions on the create form


def test_anonymous_visitor_is_sent_to_sign_in_from_the_create_form(client, world):
    response = client.get(new_url())
    assert response.status_code == 302 and response.url.startswith(reverse("pages:sign-in"))


def test_member_of_another_partnership_gets_not_found_on_the_create_form(client, world):
    assert _as(client, world.outsider).get(new_url()).status_code == 404


@pytest.mark.parametrize("persona", ["viewer", "own_viewer"])
def test_viewers_cannot_open_the_create_form(client, world, persona):
    assert _as(client, getattr(world, persona)).get(new_url()).status_code == 403


def test_viewer_cannot_post_a_new_action(client, world):
    response = _as(client, world.viewer).post(new_url(), full_post(world, owner=str(world.nhs.id)))
    assert response.status_code == 403
    assert not Action.objects.exists()


def test_editor_is_offered_only_their_own_organisation_as_owner(client, world):
    response = _as(client, world.editor).get(new_url())
    assert response.status_code == 200
    assert options(response, "owner") == [(str(world.council.id), world.council.name)]


def test_admin_is_offered_every_partner_as_owner(client, world):
    response = _as(client, world.admin).get(new_url())
    offered = {pk for pk, _ in options(response, "owner")}
    assert offered == {str(world.council.id), str(world.nhs.id), str(world.charity.id)}


def test_editor_cannot_create_an_action_for_another_partner(client, world):
    response = _as(client, world.editor).post(new_url(), full_post(world, owner=str(world.nhs.id)))
    assert response.status_code == 200
    assert error_for(response, "owner")
    assert not Action.objects.exists()


# Creating


def test_editor_creates_an_action_with_every_accountability_field(client, world):
    response = _as(client, world.editor).post(new_url(), full_post(world))
    action = Action.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("pages:action", kwargs={"slug": "wealdbridge", "pk": action.pk})
    assert (action.owner, action.partnership) == (world.council, world.board)
    assert (action.lead_name, action.lead_role) == ("A. Patel", "Head of Housing")
    assert action.resource_amount == Decimal("25000")
    assert action.resource_funding_source == "Better Care Fund"
    assert (action.start_date, action.end_date) == (dt.date(2013, 4, 1), dt.date(2014, 3, 31))
    assert action.milestones == [{"date": "2013-09-30", "text": "scheme open"},
                                 {"date": "2014-03-31", "text": "200 homes done"}]
    assert action.area_codes == ["E07000061", "E07000062"]
    assert action.evidence_links == ["https://www.nice.org.uk/guidance/ng6"]
    assert list(action.priorities.all()) == [world.priorities[0]]
    assert list(action.categories.all()) == [world.categories[0]]
    assert (action.status, action.board_role, action.version) == ("on_track", "drive", 1)


def test_created_action_records_who_created_it_in_history(client, world):
    _as(client, world.editor).post(new_url(), full_post(world))
    first = Action.objects.get().history.earliest("history_date")
    assert first.history_user == world.editor


def test_population_groups_are_stored_from_checkboxes(client, world):
    groups = list(PopulationGroup.objects.filter(code__in=["older_people", "carers"]))
    _as(client, world.editor).post(new_url(), full_post(world, population_groups=[str(g.id) for g in groups]))
    assert set(Action.objects.get().population_groups.all()) == set(groups)


# Validation: the GOV.UK error pattern


def test_missing_title_shows_the_error_summary_and_keeps_the_other_values(client, world):
    response = _as(client, world.editor).post(new_url(), full_post(world, title=""))
    body = response.content.decode()
    assert response.status_code == 200
    assert "<title>Error: " in body
    assert 'class="govuk-error-summary"' in body
    assert 'href="#id_title"' in body
    assert "Enter the action: what will be done" in body
    assert 'id="id_title-error"' in body
    assert "Better Care Fund" in body
    assert not Action.objects.exists()


def test_an_impossible_date_is_refused_and_linked_from_the_summary(client, world):
    impossible = {"end_date-day": "31", "end_date-month": "2"}
    response = _as(client, world.editor).post(new_url(), full_post(world, **impossible))
    body = response.content.decode()
    assert "End date must be a real date" in body
    assert 'href="#id_end_date"' in body
    assert 'id="id_end_date"' in body


def test_a_date_without_a_year_names_the_missing_part(client, world):
    response = _as(client, world.editor).post(new_url(), full_post(world, **{"start_date-year": ""}))
    assert error_for(response, "start_date") == "Start date must include a year"


def test_end_before_start_is_refused(client, world):
    response = _as(client, world.editor).post(new_url(), full_post(world, **{"end_date-year": "2012"}))
    assert error_for(response, "end_date")


@pytest.mark.parametrize("codes", ["E0700006", "X07000061", "E07000061 W0400000A"])
def test_area_codes_that_are_not_ons_codes_are_refused(client, world, codes):
    response = _as(client, world.editor).post(new_url(), full_post(world, area_codes=codes))
    assert error_for(response, "area_codes")
    assert not Action.objects.exists()


def test_lowercase_area_codes_are_stored_in_capitals(client, world):
    _as(client, world.editor).post(new_url(), full_post(world, area_codes="w06000015"))
    assert Action.objects.get().area_codes == ["W06000015"]


@pytest.mark.parametrize("link", ["www.nice.org.uk", "javascript:alert(1)", "not a link"])
def test_evidence_links_must_be_web_addresses(client, world, link):
    response = _as(client, world.editor).post(new_url(), full_post(world, evidence_links=link))
    assert error_for(response, "evidence_links")


def test_a_milestone_with_an_impossible_date_names_its_line(client, world):
    response = _as(client, world.editor).post(new_url(), full_post(world, milestones="launch\n31/02/2014: x"))
    assert error_for(response, "milestones") == (
        "Milestone on line 2 has a date that does not exist: 31/02/2014")


def test_a_milestone_without_a_date_is_kept_as_text(client, world):
    _as(client, world.editor).post(new_url(), full_post(world, milestones="Recruit two officers"))
    assert Action.objects.get().milestones == [{"date": None, "text": "Recruit two officers"}]


def test_amount_of_money_must_be_a_number(client, world):
    response = _as(client, world.editor).post(new_url(), full_post(world, resource_amount="lots"))
    assert error_for(response, "resource_amount") == "Amount of money must be a number, like 25000 or 1250.50"


# Editing


def test_edit_form_shows_the_stored_values(client, world, council_action):
    council_action.milestones = [{"date": "2014-03-31", "text": "done"}]
    council_action.save()
    body = _as(client, world.editor).get(edit_url(council_action)).content.decode()
    assert "Adapt homes" in body
    assert "31/03/2014: done" in body
    assert f'name="version" id="id_version" value="{council_action.version}"' in body


def test_editor_saves_a_change_to_their_own_action(client, world, council_action):
    post = full_post(world, title="Adapt more homes", version=str(council_action.version))
    response = _as(client, world.editor).post(edit_url(council_action), post)
    council_action.refresh_from_db()
    assert response.status_code == 302
    assert council_action.title == "Adapt more homes"
    assert council_action.version == 2


def test_editor_cannot_open_the_edit_form_of_another_partners_action(client, world):
    nhs_action = ActionFactory(partnership=world.board, owner=world.nhs)
    assert _as(client, world.editor).get(edit_url(nhs_action)).status_code == 403


def test_editor_cannot_post_to_another_partners_action(client, world):
    nhs_action = ActionFactory(partnership=world.board, owner=world.nhs, title="Kept")
    response = _as(client, world.editor).post(edit_url(nhs_action), full_post(world, version="1"))
    nhs_action.refresh_from_db()
    assert response.status_code == 403 and nhs_action.title == "Kept"


def test_admin_can_edit_any_partners_action(client, world, charity_action):
    assert _as(client, world.admin).get(edit_url(charity_action)).status_code == 200


def test_viewer_gets_forbidden_on_the_edit_form(client, world, council_action):
    assert _as(client, world.viewer).get(edit_url(council_action)).status_code == 403


def test_own_viewer_does_not_learn_other_partners_actions_exist(client, world, council_action):
    assert _as(client, world.own_viewer).get(edit_url(council_action)).status_code == 404


def test_own_viewer_cannot_edit_even_their_own_organisations_action(client, world, charity_action):
    assert _as(client, world.own_viewer).get(edit_url(charity_action)).status_code == 403


def test_outsider_gets_not_found_on_the_edit_form(client, world, council_action):
    assert _as(client, world.outsider).get(edit_url(council_action)).status_code == 404


def test_anonymous_visitor_is_sent_to_sign_in_from_the_edit_form(client, world, council_action):
    assert client.get(edit_url(council_action)).status_code == 302


def test_a_deleted_action_cannot_be_edited(client, world, council_action):
    council_action.soft_delete()
    assert _as(client, world.editor).get(edit_url(council_action)).status_code == 404


def test_edit_form_refuses_a_post_without_the_csrf_token(world, council_action):
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.editor)
    response = client.post(edit_url(council_action), full_post(world, title="Changed", version="1"))
    council_action.refresh_from_db()
    assert response.status_code == 403 and council_action.title == "Adapt homes"


def test_create_form_refuses_a_post_without_the_csrf_token(world):
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.editor)
    assert client.post(new_url(), full_post(world)).status_code == 403
    assert not Action.objects.exists()


def test_create_form_accepts_a_post_with_the_csrf_token(world):
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.editor)
    client.get(new_url())
    token = client.cookies["csrftoken"].value
    response = client.post(new_url(), full_post(world, csrfmiddlewaretoken=token))
    assert response.status_code == 302 and Action.objects.count() == 1


def test_edit_form_shows_a_stored_date_in_the_three_boxes(client, world, council_action):
    council_action.start_date = dt.date(2013, 4, 1)
    council_action.save()
    body = _as(client, world.editor).get(edit_url(council_action)).content.decode()
    day = re.search(r'id="id_start_date" name="start_date-day" type="text" value="(\d+)"', body)
    month = re.search(r'id="id_start_date-month" name="start_date-month" type="text" value="(\d+)"', body)
    year = re.search(r'id="id_start_date-year" name="start_date-year" type="text" value="(\d+)"', body)
    assert (day.group(1), month.group(1), year.group(1)) == ("1", "4", "2013")


def test_every_field_of_the_action_form_is_rendered_with_its_id(client, world, council_action):
    body = _as(client, world.editor).get(edit_url(council_action)).content.decode()
    names = [
        "title", "external_ref", "description", "intended_outcome", "lead_name", "lead_role",
        "resource_amount", "resource_staff_time", "resource_funding_source", "resource_notes",
        "outcome_measures", "start_date", "end_date", "milestones", "barriers",
        "barriers_mitigation", "status", "board_role", "priorities", "categories",
        "population_groups", "whole_area", "area_codes", "places_text", "evidence",
        "evidence_links", "version",
    ]
    missing = [name for name in names if f'id="id_{name}"' not in body]
    assert missing == []


def test_an_action_links_to_the_indicators_that_measure_its_outcome(client, world):
    from joinedup.outcomes.models import IndicatorDefinition

    smoking = IndicatorDefinition.objects.create(partnership=world.board,
                                                 name="Smoking prevalence in adults", unit="%")
    IndicatorDefinition.objects.create(partnership=world.other_board, name="Elsewhere only")
    response = _as(client, world.editor).post(new_url(), full_post(world, indicators=[str(smoking.id)]))
    assert response.status_code == 302
    action = Action.objects.get(external_ref="H7")
    assert list(action.indicators.all()) == [smoking]
    page = client.get(reverse("pages:action", kwargs={"slug": "wealdbridge", "pk": action.pk}))
    assert "Smoking prevalence in adults (%)" in page.content.decode()
    edit = client.get(edit_url(action)).content.decode()
    boxes = re.findall(r'<input[^>]*name="indicators"[^>]*>', edit)
    assert len(boxes) == 1 and f'value="{smoking.id}"' in boxes[0] and "checked" in boxes[0]
    where = edit.find("Elsewhere only")
    assert where == -1, edit[max(0, where - 300):where + 50]
