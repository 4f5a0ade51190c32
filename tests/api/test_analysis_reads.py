"""Reading findings, candidate pairs and open suggestions: filters, pagination, what each persona sees."""

from __future__ import annotations

BASE = "/api/p/wealdbridge"


def _ids(response) -> list[int]:
    assert response.status_code == 200, response.content
    return [item["id"] for item in response.json()["items"]]


def test_findings_filter_by_severity(analysed, call):
    assert _ids(call("viewer", "GET", f"{BASE}/findings?severity=high")) == [analysed.findings[0].id]


def test_findings_filter_by_check_code(analysed, call):
    response = call("viewer", "GET", f"{BASE}/findings?check=inequalities_share")
    assert _ids(response) == [analysed.findings[1].id]


def test_findings_filter_by_action(api_world, analysed, call):
    response = call("viewer", "GET", f"{BASE}/findings?action={api_world.nhs_action.id}")
    assert _ids(response) == [analysed.findings[2].id]


def test_an_own_viewer_sees_plan_wide_findings_but_not_those_on_hidden_actions(analysed, call):
    assert _ids(call("own_viewer", "GET", f"{BASE}/findings")) == [analysed.findings[1].id]


def test_findings_are_paginated_with_the_total_count(analysed, call):
    body = call("viewer", "GET", f"{BASE}/findings?limit=1&offset=1").json()
    assert (body["count"], body["limit"], body["offset"], len(body["items"])) == (3, 1, 1, 1)


def test_a_finding_names_its_check_and_action(api_world, analysed, call):
    item = call("viewer", "GET", f"{BASE}/findings?severity=high").json()["items"][0]
    assert (item["check"], item["message"], item["action_id"]) == (
        "missing_lead", "No lead named", api_world.council_action.id)


def test_pairs_are_listed_best_score_first(analysed, call):
    assert _ids(call("viewer", "GET", f"{BASE}/candidate-pairs")) == [analysed.open_pair.id,
                                                                      analysed.decided_pair.id]


def test_pairs_filter_by_status(analysed, call):
    assert _ids(call("viewer", "GET", f"{BASE}/candidate-pairs?status=keep_separate")) == [
        analysed.decided_pair.id]


def test_pairs_filter_by_kind(analysed, call):
    assert _ids(call("viewer", "GET", f"{BASE}/candidate-pairs?kind=duplicate")) == [analysed.open_pair.id]


def test_pairs_filter_by_minimum_score(analysed, call):
    assert _ids(call("viewer", "GET", f"{BASE}/candidate-pairs?min_score=0.7")) == [analysed.open_pair.id]


def test_a_pair_shows_both_actions_with_their_partners_score_and_evidence(api_world, analysed, call):
    item = call("viewer", "GET", f"{BASE}/candidate-pairs?kind=duplicate").json()["items"][0]
    sides = {item["action_a"]["id"]: item["action_a"], item["action_b"]["id"]: item["action_b"]}
    nhs = sides[api_world.nhs_action.id]
    assert (nhs["title"], nhs["owner"]["name"]) == ("Asthma reviews in schools", "NHS Wealdbridge ICB")
    assert sides[api_world.council_action.id]["owner"]["id"] == api_world.world.council.id
    assert (item["score"], item["kind"], item["status"]) == (0.83, "duplicate", "open")
    assert item["evidence"]["reasons"] == ["Both work on frail older people"]


def test_an_own_viewer_sees_no_pair_with_an_action_hidden_from_them(analysed, call):
    assert _ids(call("own_viewer", "GET", f"{BASE}/candidate-pairs")) == []


def test_a_score_above_one_is_refused(analysed, call):
    assert call("viewer", "GET", f"{BASE}/candidate-pairs?min_score=1.5").status_code == 422


def test_only_open_suggestions_are_listed(api_world, analysed, call):
    call("admin", "POST", f"{BASE}/suggestions/{analysed.suggestion.id}/reject")
    assert _ids(call("viewer", "GET", f"{BASE}/suggestions")) == []


def test_a_suggestion_names_its_action_and_priority(api_world, analysed, call):
    item = call("viewer", "GET", f"{BASE}/suggestions").json()["items"][0]
    assert (item["action_id"], item["priority"]["number"], item["priority"]["name"], item["category"]) == (
        api_world.council_action.id, 1, "Appropriate and adapted housing", None)
