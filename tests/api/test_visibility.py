"""Nobody reaches another partnership, and view_own members see only their organisation's work."""

from __future__ import annotations


def _titles(response) -> set[str]:
    return {item["title"] for item in response.json()["items"]}


def test_own_viewer_lists_only_their_organisations_actions(call):
    response = call("own_viewer", "GET", "/api/p/wealdbridge/actions")
    assert _titles(response) == {"Carers' respite breaks"}


def test_own_viewer_can_read_their_organisations_action(api_world, call):
    response = call("own_viewer", "GET", f"/api/p/wealdbridge/actions/{api_world.charity_action.id}")
    assert response.status_code == 200


def test_viewer_lists_every_partners_actions_but_not_another_partnerships(call):
    response = call("viewer", "GET", "/api/p/wealdbridge/actions")
    assert _titles(response) == {"Adapt homes for frail older people", "Asthma reviews in schools",
                                 "Carers' respite breaks"}


def test_an_action_of_another_partnership_is_404_even_for_an_admin(api_world, call):
    response = call("admin", "GET", f"/api/p/wealdbridge/actions/{api_world.foreign_action.id}")
    assert response.status_code == 404


def test_an_outsider_cannot_reach_a_board_action_through_their_own_partnership(api_world, call):
    response = call("outsider", "GET", f"/api/p/eastmarsh/actions/{api_world.council_action.id}")
    assert response.status_code == 404


def test_an_outsider_cannot_patch_a_board_action_through_their_own_partnership(api_world, call):
    response = call("outsider", "PATCH", f"/api/p/eastmarsh/actions/{api_world.council_action.id}",
                    {"version": 1, "title": "Taken over"})
    assert response.status_code == 404
    api_world.council_action.refresh_from_db()
    assert api_world.council_action.title == "Adapt homes for frail older people"


def test_an_unknown_partnership_is_404(call):
    assert call("admin", "GET", "/api/p/nowhere/actions").status_code == 404


def test_an_editor_cannot_create_an_action_for_another_partnerships_organisation(api_world, call):
    body = {"owner_id": api_world.world.stranger_org.id, "title": "Sneaky"}
    response = call("admin", "POST", "/api/p/wealdbridge/actions", body)
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"][-1] == "owner_id"


def test_me_lists_the_callers_memberships(call):
    body = call("nhs_editor", "GET", "/api/me").json()
    assert body["username"] == "nhs_editor"
    assert [(m["partnership_slug"], m["organisation"]["name"], m["access"]) for m in body["memberships"]] == [
        ("wealdbridge", "NHS Wealdbridge ICB", "edit_own")]


def test_a_soft_deleted_action_disappears_from_the_api_but_is_kept(api_world, call):
    path = f"/api/p/wealdbridge/actions/{api_world.council_action.id}"
    assert call("editor", "DELETE", path).status_code == 204
    assert call("editor", "GET", path).status_code == 404
    api_world.council_action.refresh_from_db()
    assert api_world.council_action.deleted_at is not None
