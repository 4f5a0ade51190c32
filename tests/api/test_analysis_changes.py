"""Deciding about pairs, reversing decisions and settling suggestions through the API.

The rules are the review pages' (joinedup.synergies.services): these tests
check the API answers them with the right status and stores what they say.
"""

from __future__ import annotations

from decimal import Decimal

from joinedup.actions.models import Action
from joinedup.synergies.models import CandidatePair, Decision, Merge, PairStatus, Suggestion

BASE = "/api/p/wealdbridge"


def _decide(call, persona, analysed, **fields):
    body = {"kind": "keep_separate", "pair_ids": [analysed.open_pair.id], "reason": "Different places"}
    return call(persona, "POST", f"{BASE}/decisions", body | fields)


def test_keep_separate_records_who_decided_and_closes_the_pair(api_world, analysed, call):
    response = _decide(call, "nhs_editor", analysed)
    assert response.status_code == 201, response.content
    body = response.json()
    assert (body["kind"], body["decided_by"], body["reason"], body["pair_ids"]) == (
        "keep_separate", "nhs_editor", "Different places", [analysed.open_pair.id])
    assert CandidatePair.objects.get(pk=analysed.open_pair.pk).status == PairStatus.KEEP_SEPARATE


def test_bring_together_creates_a_joint_action_led_by_the_chosen_partner(api_world, analysed, call):
    response = _decide(call, "editor", analysed, kind="bring_together", lead_id=api_world.world.council.id,
                       title="Joint frailty and asthma service")
    assert response.status_code == 201, response.content
    joint = Action.objects.get(pk=response.json()["joint_action_id"])
    assert (joint.title, joint.owner_id) == ("Joint frailty and asthma service", api_world.world.council.id)
    assert sorted(Merge.objects.filter(joint_action=joint).values_list("action_id", flat=True)) == sorted(
        [api_world.council_action.id, api_world.nhs_action.id])


def test_decommission_stops_the_chosen_action_and_records_the_money_freed(api_world, analysed, call):
    Action.objects.filter(pk=api_world.council_action.pk).update(resource_amount=Decimal("12000"))
    council = api_world.council_action.id
    response = _decide(call, "editor", analysed, kind="decommission", action_ids=[council])
    assert response.status_code == 201, response.content
    assert Decimal(response.json()["resources_freed"]) == Decimal("12000")
    assert Action.objects.get(pk=api_world.council_action.pk).status == "stopped"


def test_an_editor_cannot_decommission_another_partners_action(api_world, analysed, call):
    response = _decide(call, "editor", analysed, kind="decommission", action_ids=[api_world.nhs_action.id])
    assert response.status_code == 403
    assert Action.objects.get(pk=api_world.nhs_action.pk).status != "stopped"


def test_deciding_a_pair_already_decided_is_409_and_saves_nothing(analysed, call):
    response = _decide(call, "admin", analysed, pair_ids=[analysed.decided_pair.id])
    assert response.status_code == 409
    assert "admin" in response.json()["detail"]
    assert Decision.objects.count() == 1


def test_a_second_decision_on_the_same_pair_is_409(analysed, call):
    assert _decide(call, "editor", analysed).status_code == 201
    assert _decide(call, "nhs_editor", analysed).status_code == 409


def test_a_viewer_may_not_decide(analysed, call):
    assert _decide(call, "viewer", analysed).status_code == 403
    assert CandidatePair.objects.get(pk=analysed.open_pair.pk).status == PairStatus.OPEN


def test_bring_together_without_a_lead_is_422(analysed, call):
    assert _decide(call, "admin", analysed, kind="bring_together", title="Joint work").status_code == 422


def test_bring_together_led_by_a_partner_outside_the_pair_is_422(api_world, analysed, call):
    response = _decide(call, "admin", analysed, kind="bring_together", lead_id=api_world.world.charity.id,
                       title="Joint work")
    assert response.status_code == 422


def test_decommission_without_actions_is_422(analysed, call):
    assert _decide(call, "admin", analysed, kind="decommission").status_code == 422


def test_decommissioning_an_action_outside_the_pair_is_422(api_world, analysed, call):
    response = _decide(call, "admin", analysed, kind="decommission", action_ids=[api_world.charity_action.id])
    assert response.status_code == 422


def test_a_blank_reason_is_422(analysed, call):
    assert _decide(call, "admin", analysed, reason="   ").status_code == 422


def test_an_unknown_pair_is_404(analysed, call):
    assert _decide(call, "admin", analysed, pair_ids=[analysed.open_pair.id + 1000]).status_code == 404


def test_reversing_reopens_the_pair_and_marks_the_decision(analysed, call):
    response = call("admin", "POST", f"{BASE}/decisions/{analysed.decision.id}/reverse", {"reason": "Error"})
    assert response.status_code == 200
    assert (response.json()["reversed_by"], response.json()["reversal_reason"]) == ("admin", "Error")
    assert CandidatePair.objects.get(pk=analysed.decided_pair.pk).status == PairStatus.OPEN


def test_reversing_twice_is_409(analysed, call):
    url = f"{BASE}/decisions/{analysed.decision.id}/reverse"
    call("admin", "POST", url, {"reason": "Error"})
    assert call("admin", "POST", url, {"reason": "Again"}).status_code == 409


def test_the_decision_detail_lists_its_pairs_and_actions(api_world, analysed, call):
    body = call("viewer", "GET", f"{BASE}/decisions/{analysed.decision.id}").json()
    assert body["pair_ids"] == [analysed.decided_pair.id]
    assert body["action_ids"] == sorted([api_world.council_action.id, api_world.charity_action.id])


def test_decisions_are_listed_newest_first(analysed, call):
    newer = _decide(call, "editor", analysed).json()["id"]
    body = call("viewer", "GET", f"{BASE}/decisions").json()
    assert [item["id"] for item in body["items"]] == [newer, analysed.decision.id]


def test_accepting_a_suggestion_links_the_priority_to_the_action(api_world, analysed, call):
    response = call("editor", "POST", f"{BASE}/suggestions/{analysed.suggestion.id}/accept")
    assert (response.status_code, response.json()["status"]) == (200, "accepted")
    action = Action.objects.get(pk=api_world.council_action.pk)
    assert list(action.priorities.values_list("number", flat=True)) == [1]


def test_rejecting_a_suggestion_leaves_the_action_unlinked(api_world, analysed, call):
    response = call("editor", "POST", f"{BASE}/suggestions/{analysed.suggestion.id}/reject")
    assert (response.status_code, response.json()["status"]) == (200, "rejected")
    assert Suggestion.objects.get(pk=analysed.suggestion.pk).decided_by == api_world.world.editor


def test_settling_a_suggestion_already_settled_is_409(analysed, call):
    call("editor", "POST", f"{BASE}/suggestions/{analysed.suggestion.id}/reject")
    assert call("admin", "POST", f"{BASE}/suggestions/{analysed.suggestion.id}/accept").status_code == 409
