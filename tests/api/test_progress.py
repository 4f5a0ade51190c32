"""Reporting progress on an action through the API."""

from __future__ import annotations

import datetime as dt

from joinedup.actions.models import Action

TODAY = dt.date.today()


def _progress_path(action) -> str:
    return f"/api/p/wealdbridge/actions/{action.id}/progress"


def _report(call, api_world, persona="nhs_editor"):
    return call(persona, "POST", _progress_path(api_world.nhs_action),
                {"date": TODAY.isoformat(), "status": "at_risk", "note": "Two schools pulled out"})


def test_reporting_progress_copies_it_onto_the_action_as_a_new_version(api_world, call):
    response = _report(call, api_world)
    assert response.status_code == 201
    stored = Action.objects.get(pk=api_world.nhs_action.pk)
    assert (stored.status, stored.progress_note, stored.progress_date, stored.version) == (
        "at_risk", "Two schools pulled out", TODAY, 2)
    assert response.json()["action_version"] == 2


def test_reported_progress_is_listed_with_its_author(api_world, call):
    _report(call, api_world)
    items = call("viewer", "GET", _progress_path(api_world.nhs_action)).json()
    assert [(i["status"], i["note"], i["author"]) for i in items] == [
        ("at_risk", "Two schools pulled out", "nhs_editor")]


def test_an_edit_based_on_the_version_before_the_progress_report_conflicts(api_world, call):
    _report(call, api_world)
    response = call("nhs_editor", "PATCH", f"/api/p/wealdbridge/actions/{api_world.nhs_action.id}",
                    {"version": 1, "status": "on_track"})
    assert response.status_code == 409
    assert sorted(response.json()["changed_fields"]) == ["progress_date", "progress_note", "status"]


def test_a_viewer_cannot_report_progress(api_world, call):
    assert _report(call, api_world, persona="viewer").status_code == 403
    assert not api_world.nhs_action.updates.exists()


def test_a_progress_date_in_the_future_is_422(api_world, call):
    response = call("nhs_editor", "POST", _progress_path(api_world.nhs_action),
                    {"date": (TODAY + dt.timedelta(days=1)).isoformat(), "status": "on_track", "note": "x"})
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"][-1] == "date"


def test_an_empty_progress_note_is_422(api_world, call):
    response = call("nhs_editor", "POST", _progress_path(api_world.nhs_action),
                    {"date": TODAY.isoformat(), "status": "on_track", "note": "   "})
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"][-1] == "note"
