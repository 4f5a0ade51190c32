"""Decisions on a cluster: their effects, who/when/why, refusal of a second decision, reversal."""

from __future__ import annotations

from decimal import Decimal

from tests.synergies.review_data import decide

from joinedup.actions.models import Action
from joinedup.synergies.models import (
    CandidatePair,
    Decision,
    JointDelivery,
    Merge,
    PairStatus,
)
from joinedup.synergies.presenters import merged_into


def _bring_together(client, alike, lead=None, reason="Same service twice"):
    return decide(client, alike, "bring_together", lead=str(lead or alike.world.council.pk),
                  title="One stop smoking service", intended_outcome="More smokers quit",
                  reason=reason)


def test_bringing_together_creates_a_joint_action_led_by_the_chosen_partner(client, alike):
    client.force_login(alike.world.admin)
    response = _bring_together(client, alike, lead=alike.world.nhs.pk)
    assert response.status_code == 302
    decision = Decision.objects.get()
    joint = decision.joint_action
    assert joint.owner == alike.world.nhs and joint.title == "One stop smoking service"
    assert joint.partnership == alike.world.board


def test_the_joint_action_resourcing_is_the_sum_of_the_originals(client, alike):
    client.force_login(alike.world.admin)
    _bring_together(client, alike)
    # £40,000 (council) + £25,000 (NHS)
    assert Decision.objects.get().joint_action.resource_amount == Decimal("65000")


def test_bringing_together_records_the_contributing_partners(client, alike):
    client.force_login(alike.world.admin)
    _bring_together(client, alike)
    delivery = JointDelivery.objects.get()
    assert set(delivery.contributors.all()) == {alike.world.council, alike.world.nhs}


def test_the_originals_stay_and_are_shown_as_merged_into_the_joint_action(client, alike):
    client.force_login(alike.world.editor)
    _bring_together(client, alike)
    joint = Decision.objects.get().joint_action
    assert Action.objects.filter(pk__in=[alike.council.pk, alike.nhs.pk]).count() == 2
    assert [note.joint_action for note in merged_into(alike.council)] == [joint]
    assert [note.joint_action for note in merged_into(alike.nhs)] == [joint]


def test_bringing_together_marks_the_pair_and_records_who_and_why(client, alike):
    client.force_login(alike.world.editor)
    _bring_together(client, alike, reason="Same service twice")
    alike.pair.refresh_from_db()
    decision = Decision.objects.get()
    assert alike.pair.status == PairStatus.BRING_TOGETHER
    assert decision.decided_by == alike.world.editor and decision.reason == "Same service twice"
    assert decision.decided_at is not None
    assert set(decision.actions.all()) == {alike.council, alike.nhs}


def test_decommissioning_stops_the_chosen_action_and_records_the_resources_freed(client, alike):
    client.force_login(alike.world.admin)
    response = decide(client, alike, "decommission", actions=str(alike.nhs.pk),
                      reason="The council service covers it", reason_is_internal="on")
    assert response.status_code == 302
    alike.nhs.refresh_from_db()
    alike.council.refresh_from_db()
    decision = Decision.objects.get()
    assert alike.nhs.status == "stopped" and alike.council.status == "on_track"
    assert decision.resources_freed == Decimal("25000")
    assert decision.reason_is_internal is True
    assert list(decision.decommissioned.all()) == [alike.nhs]


def test_decommissioning_both_actions_frees_the_sum_of_their_resources(client, alike):
    client.force_login(alike.world.admin)
    client.post(alike.review_url, {"decision": "decommission", "stop-pairs": str(alike.pair.pk),
                                   "stop-actions": [str(alike.nhs.pk), str(alike.council.pk)],
                                   "stop-reason": "Neither is needed"})
    assert Decision.objects.get().resources_freed == Decimal("65000")


def test_a_decommissioned_action_history_records_the_stop_by_the_decider(client, alike):
    client.force_login(alike.world.admin)
    decide(client, alike, "decommission", actions=str(alike.nhs.pk), reason="Covered")
    latest = alike.nhs.history.order_by("-history_date", "-history_id").first()
    assert latest.status == "stopped" and latest.history_user == alike.world.admin
    assert latest.version == 2


def test_keeping_separate_marks_the_pair_with_the_reason(client, alike):
    client.force_login(alike.world.nhs_editor)
    response = decide(client, alike, "keep_separate", reason="Different populations")
    assert response.status_code == 302
    alike.pair.refresh_from_db()
    assert alike.pair.status == PairStatus.KEEP_SEPARATE
    assert Decision.objects.get().reason == "Different populations"


def test_a_decision_without_a_reason_is_refused_with_a_linked_error(client, alike):
    client.force_login(alike.world.admin)
    response = decide(client, alike, "keep_separate", reason="  ")
    body = response.content.decode()
    assert response.status_code == 200
    assert "Enter the reason for this decision" in body and 'href="#id_keep-reason"' in body
    assert "<title>Error: " in body
    alike.pair.refresh_from_db()
    assert alike.pair.status == PairStatus.OPEN and not Decision.objects.exists()


def test_bringing_together_needs_a_lead_partner(client, alike):
    client.force_login(alike.world.admin)
    response = decide(client, alike, "bring_together", title="Joint", reason="Same")
    assert "Choose the partner who will lead the joint action" in response.content.decode()
    assert not Decision.objects.exists()


def test_a_second_decision_on_the_same_cluster_is_refused_naming_the_first_decider(client, alike):
    client.force_login(alike.world.editor)
    decide(client, alike, "keep_separate", reason="Different populations")
    client.force_login(alike.world.admin)
    response = _bring_together(client, alike)
    assert response.status_code == 409
    assert "already decided by editor" in response.content.decode()
    assert Decision.objects.count() == 1 and not Action.objects.filter(
        title="One stop smoking service").exists()


def _reverse(client, alike, reason="Decided in error"):
    decision = Decision.objects.get()
    return client.post(alike.url("reverse", pk=decision.pk), {"reason": reason}), decision


def test_reversing_a_decommission_restores_the_previous_status_and_reopens_the_pair(client, alike):
    client.force_login(alike.world.admin)
    decide(client, alike, "decommission", actions=str(alike.nhs.pk), reason="Covered")
    response, _ = _reverse(client, alike)
    assert response.status_code == 302
    alike.nhs.refresh_from_db()
    alike.pair.refresh_from_db()
    assert alike.nhs.status == "at_risk" and alike.pair.status == PairStatus.OPEN


def test_reversing_keeps_the_decision_row_with_who_when_and_why(client, alike):
    client.force_login(alike.world.admin)
    decide(client, alike, "keep_separate", reason="Different")
    _reverse(client, alike, reason="Decided in error")
    decision = Decision.objects.get()
    assert decision.reversed_by == alike.world.admin and decision.reversed_at is not None
    assert decision.reversal_reason == "Decided in error"


def test_reversing_a_bring_together_soft_deletes_the_joint_action_and_removes_the_merges(
        client, alike):
    client.force_login(alike.world.admin)
    _bring_together(client, alike)
    _, decision = _reverse(client, alike)
    joint = Action.everything.get(pk=decision.joint_action_id)
    assert joint.deleted_at is not None
    assert not Merge.objects.exists() and merged_into(alike.council) == []
    assert CandidatePair.objects.get().status == PairStatus.OPEN


def test_a_reversed_cluster_can_be_decided_again(client, alike):
    client.force_login(alike.world.admin)
    decide(client, alike, "keep_separate", reason="Different")
    _reverse(client, alike)
    response = decide(client, alike, "decommission", actions=str(alike.nhs.pk), reason="Covered")
    assert response.status_code == 302 and Decision.objects.count() == 2


def test_only_an_administrator_may_reverse(client, alike):
    client.force_login(alike.world.editor)
    decide(client, alike, "keep_separate", reason="Different")
    response, decision = _reverse(client, alike)
    assert response.status_code == 403
    decision.refresh_from_db()
    assert decision.reversed_at is None


def test_reversal_needs_a_reason(client, alike):
    client.force_login(alike.world.admin)
    decide(client, alike, "keep_separate", reason="Different")
    response, decision = _reverse(client, alike, reason="")
    assert "Enter the reason for reversing this decision" in response.content.decode()
    decision.refresh_from_db()
    assert decision.reversed_at is None


def test_a_decision_cannot_be_reversed_twice(client, alike):
    client.force_login(alike.world.admin)
    decide(client, alike, "keep_separate", reason="Different")
    _reverse(client, alike, reason="First")
    _reverse(client, alike, reason="Second")
    assert Decision.objects.get().reversal_reason == "First"


def test_the_review_page_of_a_decided_cluster_says_who_decided_and_offers_no_forms(client, alike):
    client.force_login(alike.world.nhs_editor)
    decide(client, alike, "keep_separate", reason="Different populations")
    client.force_login(alike.world.admin)
    body = client.get(alike.review_url).content.decode()
    assert "This group was decided by nhs_editor" in body and "keep separate" in body
    assert 'name="decision"' not in body
