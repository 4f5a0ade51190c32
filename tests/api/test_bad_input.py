"""Bad input is a 422 naming the field, never a server error."""

from __future__ import annotations

import pytest
from django.test import Client

from joinedup.actions.models import Action
from tests.factories import CategoryFactory

BASE = "/api/p/wealdbridge/actions"


def _create(api_world, call, **fields):
    body = {"owner_id": api_world.world.council.id, "title": "Falls prevention"} | fields
    return call("editor", "POST", BASE, body)


def _field(response) -> str:
    assert response.status_code == 422, response.content
    return response.json()["detail"][0]["loc"][-1]


@pytest.mark.parametrize(("field", "value"), [
    ("priorities", [7]),
    ("status", "finished"),
    ("board_role", "lead"),
    ("population_groups", ["pirates"]),
    ("area_codes", ["Wealdbridge"]),
    ("evidence_links", ["ftp://example.org/x"]),
    ("resource_amount", "-5"),
    ("resource_amount", "1.234"),
    ("start_date", "2014-02-30"),
    ("title", "   "),
    ("title", "nul\x00byte"),
    ("categories", [99999999]),
    ("categories", [2**70]),
    ("external_ref", "x" * 201),
    ("milestones", [{"date": "2014-01-01", "text": ""}]),
])
def test_a_bad_field_on_create_is_422_naming_it(api_world, call, field, value):
    response = _create(api_world, call, **{field: value})
    assert response.status_code == 422, response.content
    assert field in response.json()["detail"][0]["loc"]
    assert not Action.objects.filter(title="Falls prevention").exists()


def test_a_missing_title_is_422(api_world, call):
    response = call("editor", "POST", BASE, {"owner_id": api_world.world.council.id})
    assert _field(response) == "title"


def test_a_category_of_another_partnership_is_422(api_world, call):
    foreign = CategoryFactory(partnership=api_world.world.other_board, name="Theirs")
    assert _field(_create(api_world, call, categories=[foreign.id])) == "categories"


def test_an_end_before_the_start_is_422(api_world, call):
    response = _create(api_world, call, start_date="2015-01-01", end_date="2014-01-01")
    assert response.status_code == 422
    assert "end_date" in response.json()["detail"][0]["msg"]


def test_a_patch_moving_the_end_before_the_stored_start_is_422_naming_end_date(api_world, call):
    Action.objects.filter(pk=api_world.council_action.pk).update(start_date="2015-01-01")
    response = call("editor", "PATCH", f"{BASE}/{api_world.council_action.id}",
                    {"version": 1, "end_date": "2014-01-01"})
    assert _field(response) == "end_date"
    assert Action.objects.get(pk=api_world.council_action.pk).end_date is None


@pytest.mark.parametrize("field", ["title", "status", "priorities", "lead_name"])
def test_null_for_a_field_that_cannot_be_empty_is_422_on_patch(api_world, call, field):
    response = call("editor", "PATCH", f"{BASE}/{api_world.council_action.id}", {"version": 1, field: None})
    assert _field(response) == field


def test_null_clears_a_nullable_field_on_patch(api_world, call):
    Action.objects.filter(pk=api_world.council_action.pk).update(resource_amount=100)
    response = call("editor", "PATCH", f"{BASE}/{api_world.council_action.id}",
                    {"version": 1, "resource_amount": None})
    assert response.status_code == 200
    assert Action.objects.get(pk=api_world.council_action.pk).resource_amount is None


def test_an_unknown_priority_on_patch_is_422_and_nothing_is_saved(api_world, call):
    response = call("editor", "PATCH", f"{BASE}/{api_world.council_action.id}",
                    {"version": 1, "title": "Changed", "priorities": [1, 9]})
    assert _field(response) == "priorities"
    assert Action.objects.get(pk=api_world.council_action.pk).title == "Adapt homes for frail older people"


def test_an_action_id_beyond_64_bits_is_422(call):
    response = call("viewer", "GET", f"{BASE}/{2**64}")
    assert _field(response) == "action_id"


def test_a_body_that_is_not_json_is_a_client_error(api_world, call):
    response = Client().post(BASE, "{not json", content_type="application/json",
                             headers={"Authorization": f"Bearer {api_world.tokens['editor']}"})
    assert 400 <= response.status_code < 500


def _unknown_field(response, field: str) -> None:
    assert response.status_code == 422, response.content
    problem = response.json()["detail"][0]
    assert problem["loc"][-1] == field
    assert problem["type"] == "extra_forbidden"


def test_an_unknown_field_on_create_is_refused_and_nothing_is_saved(api_world, call):
    _unknown_field(_create(api_world, call, lead="Jo Bloggs"), "lead")
    assert not Action.objects.filter(title="Falls prevention").exists()


def test_a_misspelt_field_on_patch_is_refused_and_nothing_changes(api_world, call):
    response = call("editor", "PATCH", f"{BASE}/{api_world.council_action.id}",
                    {"version": 1, "title": "Changed", "outcome_measure": "Falls admissions"})
    _unknown_field(response, "outcome_measure")
    stored = Action.objects.get(pk=api_world.council_action.pk)
    assert (stored.title, stored.outcome_measures, stored.version) == (
        "Adapt homes for frail older people", "", 1)


def test_an_unknown_field_inside_a_milestone_is_refused(api_world, call):
    response = _create(api_world, call, milestones=[{"text": "Launch", "owner": "Jo"}])
    _unknown_field(response, "owner")


def test_an_unknown_field_on_a_progress_report_is_refused(api_world, call):
    response = call("editor", "POST", f"{BASE}/{api_world.council_action.id}/progress",
                    {"date": "2014-01-01", "status": "on_track", "note": "Going well",
                     "percent": 50})
    _unknown_field(response, "percent")
    assert not api_world.council_action.updates.exists()


def test_unknown_fields_on_decisions_and_reversals_are_refused(api_world, analysed, call):
    from joinedup.synergies.models import CandidatePair, PairStatus

    decisions = "/api/p/wealdbridge/decisions"
    response = call("nhs_editor", "POST", decisions,
                    {"kind": "keep_separate", "pair_ids": [analysed.open_pair.id],
                     "reason": "Different places", "notify": True})
    _unknown_field(response, "notify")
    assert CandidatePair.objects.get(pk=analysed.open_pair.pk).status == PairStatus.OPEN
    response = call("admin", "POST", f"{decisions}/{analysed.decision.id}/reverse",
                    {"reason": "Error", "undo_all": True})
    _unknown_field(response, "undo_all")
