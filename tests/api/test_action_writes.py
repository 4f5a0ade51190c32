"""Creating and updating actions, with optimistic locking on `version`."""

from __future__ import annotations

import pytest

from joinedup.actions.models import Action

BASE = "/api/p/wealdbridge/actions"


def test_create_stores_every_field_and_links_by_number_code_and_id(api_world, call):
    world = api_world.world
    body = {
        "owner_id": world.council.id, "title": "Falls prevention classes", "lead_name": "Jo Bloggs",
        "resource_amount": "25000.50", "outcome_measures": "Falls admissions per 100,000",
        "start_date": "2014-04-01", "end_date": "2015-03-31",
        "milestones": [{"date": "2014-09-30", "text": "Ten classes running"}],
        "barriers": "Venue costs", "status": "on_track", "priorities": [2],
        "categories": [world.categories[0].id], "population_groups": ["older_people"],
        "area_codes": ["E07000061"], "evidence_links": ["https://example.org/nice-ng249"],
    }
    response = call("editor", "POST", BASE, body)
    assert response.status_code == 201, response.content
    stored = Action.objects.get(title="Falls prevention classes")
    assert (stored.owner_id, str(stored.resource_amount), stored.lead_name) == (world.council.id, "25000.50",
                                                                                 "Jo Bloggs")
    assert [p.number for p in stored.priorities.all()] == [2]
    assert [c.id for c in stored.categories.all()] == [world.categories[0].id]
    assert [g.code for g in stored.population_groups.all()] == ["older_people"]
    assert stored.milestones == [{"date": "2014-09-30", "text": "Ten classes running"}]
    assert stored.history.latest().history_user == world.editor


def test_the_detail_shows_the_six_accountability_fields(api_world, call):
    Action.objects.filter(pk=api_world.nhs_action.pk).update(
        lead_name="Dr Patel", resource_staff_time="0.5 FTE", outcome_measures="Admissions",
        end_text="March 2015", barriers="GP capacity", progress_note="Pilot started")
    body = call("viewer", "GET", f"{BASE}/{api_world.nhs_action.id}").json()
    assert (body["lead_name"], body["resource_staff_time"], body["outcome_measures"], body["end_text"],
            body["barriers"], body["progress_note"]) == (
        "Dr Patel", "0.5 FTE", "Admissions", "March 2015", "GP capacity", "Pilot started")


def test_a_patch_changes_only_the_fields_sent_and_bumps_the_version(api_world, call):
    Action.objects.filter(pk=api_world.council_action.pk).update(lead_name="Sam")
    response = call("editor", "PATCH", f"{BASE}/{api_world.council_action.id}",
                    {"version": 1, "barriers": "Waiting lists"})
    assert response.status_code == 200
    assert (response.json()["barriers"], response.json()["lead_name"], response.json()["version"]) == (
        "Waiting lists", "Sam", 2)


@pytest.fixture
def admin_saved_first(api_world, call):
    """The admin and the editor both read version 1; the admin saves a new title and priority first."""
    response = call("admin", "PATCH", f"{BASE}/{api_world.council_action.id}",
                    {"version": 1, "title": "Adapt homes (admin's wording)", "priorities": [1]})
    assert response.status_code == 200
    return api_world


def test_a_stale_version_is_409_listing_the_fields_changed_since(admin_saved_first, call):
    response = call("editor", "PATCH", f"{BASE}/{admin_saved_first.council_action.id}",
                    {"version": 1, "lead_name": "Editor's lead"})
    assert response.status_code == 409
    body = response.json()
    assert sorted(body["changed_fields"]) == ["priorities", "title"]
    assert (body["current_version"], body["changed_by"]) == (2, "admin")


def test_a_stale_version_saves_nothing(admin_saved_first, call):
    call("editor", "PATCH", f"{BASE}/{admin_saved_first.council_action.id}",
         {"version": 1, "title": "Editor's title", "lead_name": "Editor's lead"})
    stored = Action.objects.get(pk=admin_saved_first.council_action.pk)
    assert (stored.title, stored.lead_name, stored.version) == ("Adapt homes (admin's wording)", "", 2)


def test_a_patch_based_on_the_current_version_succeeds_after_a_conflict(admin_saved_first, call):
    response = call("editor", "PATCH", f"{BASE}/{admin_saved_first.council_action.id}",
                    {"version": 2, "lead_name": "Editor's lead"})
    assert response.status_code == 200
    assert response.json()["title"] == "Adapt homes (admin's wording)"


def test_without_the_read_version_in_history_the_conflict_lists_the_sent_fields_that_differ(
        admin_saved_first, call):
    admin_saved_first.council_action.history.filter(version=1).delete()
    response = call("editor", "PATCH", f"{BASE}/{admin_saved_first.council_action.id}",
                    {"version": 1, "title": "Editor's title", "lead_name": ""})
    assert response.status_code == 409
    assert response.json()["changed_fields"] == ["title"]


def test_patch_without_a_version_is_422(api_world, call):
    response = call("editor", "PATCH", f"{BASE}/{api_world.council_action.id}", {"title": "No version"})
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"][-1] == "version"


def test_edit_all_is_not_needed_for_the_admin_to_edit_another_partners_action(api_world, call):
    response = call("admin", "PATCH", f"{BASE}/{api_world.nhs_action.id}", {"version": 1, "barriers": "None"})
    assert response.status_code == 200


def test_an_editor_cannot_change_another_partners_action(api_world, call):
    response = call("editor", "PATCH", f"{BASE}/{api_world.nhs_action.id}", {"version": 1, "barriers": "x"})
    assert response.status_code == 403
    assert Action.objects.get(pk=api_world.nhs_action.pk).barriers == ""


def test_a_patched_milestone_may_leave_out_its_date(api_world, call):
    response = call("editor", "PATCH", f"{BASE}/{api_world.council_action.id}",
                    {"version": 1, "milestones": [{"text": "Service launched"}]})
    assert response.status_code == 200
    assert Action.objects.get(pk=api_world.council_action.pk).milestones == [
        {"date": None, "text": "Service launched"}]
