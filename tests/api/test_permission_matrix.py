"""Every persona against every API endpoint, with the status the pages' rules imply.

The routes are read from the ninja api object, so an endpoint added without
an entry here fails `test_every_endpoint_has_a_matrix_entry`. The target of
each call is the council's action (and plan) in `board`: the admin and the
council editor may change it, the NHS editor and the viewer may only read it,
the charity's own-viewer may not even see it, the outsider (another
partnership) and anonymous callers get 404 and 401. The analysis endpoints
use `analysed`: the council action's suggestion, the open council ~ NHS pair
(either side's editor may decide it) and the decision on the council ~ charity
pair (only the admin may reverse it).
"""

from __future__ import annotations

import datetime as dt

import pytest

from joinedup.api.routes import api
from tests.api.conftest import PERSONAS

READ = {"admin": 200, "editor": 200, "nhs_editor": 200, "viewer": 200, "own_viewer": 200,
        "outsider": 404, "anonymous": 401}
READ_COUNCIL_ROW = READ | {"own_viewer": 404}
CHANGE_COUNCIL_ROW = {"admin": 200, "editor": 200, "nhs_editor": 403, "viewer": 403, "own_viewer": 404,
                      "outsider": 404, "anonymous": 401}
CREATE_FOR_COUNCIL = {"admin": 201, "editor": 201, "nhs_editor": 403, "viewer": 403, "own_viewer": 403,
                      "outsider": 404, "anonymous": 401}

DECIDE_COUNCIL_NHS_PAIR = {"admin": 201, "editor": 201, "nhs_editor": 201, "viewer": 403, "own_viewer": 404,
                           "outsider": 404, "anonymous": 401}
ADMIN_ONLY_ON_COUNCIL_ROW = CHANGE_COUNCIL_ROW | {"editor": 403}

MATRIX = {
    ("GET", "/me"): READ | {"outsider": 200},
    ("GET", "/p/{slug}/themes"): READ,
    ("GET", "/p/{slug}/priorities"): READ,
    ("GET", "/p/{slug}/categories"): READ,
    ("GET", "/p/{slug}/organisations"): READ,
    ("GET", "/p/{slug}/plans"): READ,
    ("GET", "/p/{slug}/plans/{plan_id}"): READ_COUNCIL_ROW,
    ("GET", "/p/{slug}/actions"): READ,
    ("POST", "/p/{slug}/actions"): CREATE_FOR_COUNCIL,
    ("GET", "/p/{slug}/actions/{action_id}"): READ_COUNCIL_ROW,
    ("PATCH", "/p/{slug}/actions/{action_id}"): CHANGE_COUNCIL_ROW,
    ("DELETE", "/p/{slug}/actions/{action_id}"): CHANGE_COUNCIL_ROW | {"admin": 204, "editor": 204},
    ("GET", "/p/{slug}/actions/{action_id}/progress"): READ_COUNCIL_ROW,
    ("POST", "/p/{slug}/actions/{action_id}/progress"): CHANGE_COUNCIL_ROW | {"admin": 201, "editor": 201},
    ("GET", "/p/{slug}/findings"): READ,
    ("GET", "/p/{slug}/candidate-pairs"): READ,
    ("GET", "/p/{slug}/suggestions"): READ,
    ("POST", "/p/{slug}/suggestions/{suggestion_id}/accept"): CHANGE_COUNCIL_ROW,
    ("POST", "/p/{slug}/suggestions/{suggestion_id}/reject"): CHANGE_COUNCIL_ROW,
    ("GET", "/p/{slug}/decisions"): READ,
    ("POST", "/p/{slug}/decisions"): DECIDE_COUNCIL_NHS_PAIR,
    ("GET", "/p/{slug}/decisions/{decision_id}"): READ_COUNCIL_ROW,
    ("POST", "/p/{slug}/decisions/{decision_id}/reverse"): ADMIN_ONLY_ON_COUNCIL_ROW,
}


def _routes() -> set[tuple[str, str]]:
    return {(method, prefix + path)
            for prefix, router in api._routers
            for path, view in router.path_operations.items()
            for operation in view.operations
            for method in operation.methods}


def _body(method: str, path: str, api_world, analysed) -> dict | None:
    if method == "POST" and path.endswith("/decisions"):
        return {"kind": "keep_separate", "pair_ids": [analysed.open_pair.id], "reason": "Different places"}
    if path.endswith("/reverse"):
        return {"reason": "Decided in error"}
    if method == "POST" and path.endswith("/actions"):
        return {"owner_id": api_world.world.council.id, "title": "Falls prevention classes"}
    if method == "POST" and path.endswith("/progress"):
        return {"date": dt.date.today().isoformat(), "status": "on_track", "note": "First classes held"}
    if method == "PATCH":
        return {"version": 1, "title": "Adapt homes for frail older people and carers"}
    return None


def test_every_endpoint_has_a_matrix_entry():
    assert _routes() == set(MATRIX)


def test_every_matrix_entry_names_every_persona():
    assert all(set(expected) == set(PERSONAS) for expected in MATRIX.values())


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize(("method", "path"), sorted(MATRIX))
def test_persona_gets_the_expected_status(api_world, analysed, call, persona, method, path):
    url = "/api" + path.format(slug="wealdbridge", plan_id=api_world.council_plan.id,
                               action_id=api_world.council_action.id, decision_id=analysed.decision.id,
                               suggestion_id=analysed.suggestion.id)
    response = call(persona, method, url, _body(method, path, api_world, analysed))
    assert response.status_code == MATRIX[(method, path)][persona], response.content
