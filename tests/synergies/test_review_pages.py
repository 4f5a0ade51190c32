"""What the queue, review and findings pages show, and which pairs a scope reveals."""

from __future__ import annotations

import datetime as dt

import pytest
from tests.factories import ActionFactory
from tests.synergies.review_data import decide, make_pair

from joinedup.accounts.scope import Scope
from joinedup.synergies.models import AnalysisRun, CandidatePair, Finding, PairStatus
from joinedup.synergies.presenters import highlight, likelihood


def test_likelihood_says_the_score_in_tenths():
    assert likelihood(0.83) == "about 8 in 10 pairs scored like this are real matches"
    assert likelihood(0.26) == "about 3 in 10 pairs scored like this are real matches"
    assert likelihood(0.02) == "fewer than 1 in 10 pairs scored like this are real matches"
    assert likelihood(0.97) == "nearly all pairs scored like this are real matches"


def test_highlight_marks_shared_phrases_and_escapes_everything_else():
    marked = highlight("<b>Stop smoking</b> & quit", ["stop smoking"])
    assert str(marked) == "&lt;b&gt;<mark>Stop smoking</mark>&lt;/b&gt; &amp; quit"


def test_highlight_marks_words_that_start_with_a_shared_stem():
    assert str(highlight("Smokers quit", ["smok"])) == "<mark>Smokers</mark> quit"


def test_highlight_leaves_text_without_shared_phrases_escaped():
    assert str(highlight("a < b", [])) == "a &lt; b"


def test_the_review_page_marks_shared_phrases_without_trusting_action_text(client, alike):
    alike.council.title = "Stop smoking <script>alert(1)</script>"
    alike.council.save()
    client.force_login(alike.world.viewer)
    body = client.get(alike.review_url).content.decode()
    assert "<mark>Stop smoking</mark> &lt;script&gt;" in body
    assert "<script>alert(1)" not in body


def test_the_review_page_shows_both_actions_side_by_side_with_the_likelihood(client, alike):
    client.force_login(alike.world.viewer)
    body = client.get(alike.review_url).content.decode()
    assert "about 8 in 10 pairs scored like this are real matches" in body
    assert "Same priority: 2 Respiratory illness" in body
    assert "£40,000" in body and "£25,000" in body
    assert alike.world.council.name in body and alike.world.nhs.name in body


@pytest.fixture
def clustered(alike, world):
    """The council/NHS pair plus a second cluster of two pairs and a lone synergy."""
    run = AnalysisRun.objects.create()
    third = ActionFactory(partnership=world.board, owner=world.charity, title="Quit smoking group")
    alike.pair.cluster, alike.pair.last_run = 1, run
    alike.pair.save()
    second = make_pair(world.board, alike.nhs, third, score=0.7, cluster=1, run=run)
    lone = make_pair(world.board, alike.council, third, score=0.4, kind="synergy", run=run)
    return alike, second, lone


def _queue(client, alike, user="admin", query=""):
    client.force_login(getattr(alike.world, user))
    return client.get(alike.url("queue") + query).content.decode()


def test_the_queue_groups_pairs_by_cluster_and_counts_them(client, clustered):
    alike, second, _ = clustered
    body = _queue(client, alike)
    assert "2 groups shown (3 pairs)" in body
    assert "1 likely duplicate and 1 possible synergy" in body
    assert alike.url("review", pk=alike.pair.pk) in body
    assert alike.url("review", pk=second.pk) not in body  # same cluster, reviewed via its best pair


def test_the_queue_lists_the_most_likely_group_first(client, clustered):
    alike, _, lone = clustered
    body = _queue(client, alike)
    assert body.index(alike.url("review", pk=alike.pair.pk)) < body.index(
        alike.url("review", pk=lone.pk))


def test_the_queue_filters_by_kind(client, clustered):
    alike, _, lone = clustered
    body = _queue(client, alike, query="?kind=synergy")
    assert "1 group shown (1 pair)" in body and alike.url("review", pk=lone.pk) in body


def test_the_queue_filters_by_partner(client, alike, world):
    other = ActionFactory(partnership=world.board, owner=world.charity, title="Carers' respite")
    lone = make_pair(world.board, alike.council, other, score=0.5, kind="synergy")
    body = _queue(client, alike, query=f"?partner={world.nhs.pk}")
    assert alike.url("review", pk=alike.pair.pk) in body
    assert alike.url("review", pk=lone.pk) not in body


def test_decided_pairs_leave_the_queue(client, alike):
    client.force_login(alike.world.admin)
    decide(client, alike, "keep_separate", reason="Different")
    assert alike.url("review", pk=alike.pair.pk) not in _queue(client, alike)


def test_the_review_page_shows_every_action_of_the_cluster(client, clustered):
    alike, second, _ = clustered
    client.force_login(alike.world.admin)
    body = client.get(alike.review_url).content.decode()
    assert "Review 3 alike actions" in body and "Quit smoking group" in body
    assert f'value="{alike.pair.pk},{second.pk}"' in body


def test_a_scope_hides_a_pair_when_one_action_is_not_visible(alike):
    own = Scope.for_user(alike.world.own_viewer, alike.world.board)
    assert not own.candidate_pairs().exists()
    viewer = Scope.for_user(alike.world.viewer, alike.world.board)
    assert list(viewer.candidate_pairs()) == [alike.pair]


def test_a_cross_partnership_pair_needs_sight_of_the_other_partnerships_action(alike, world):
    from tests.factories import member

    from joinedup.accounts.models import Access

    eastern = ActionFactory(partnership=world.other_board, owner=world.stranger_org,
                            title="Stop smoking in Eastmarsh")
    crossing = make_pair(world.board, alike.council, eastern)
    here = Scope.for_user(world.admin, world.board)
    assert crossing not in here.candidate_pairs()
    member(world.admin, world.other_board, world.stranger_org, Access.VIEW_ALL)
    there = Scope.for_user(world.admin, world.other_board)
    assert crossing in here.candidate_pairs([there])


def test_findings_are_grouped_by_severity_and_link_to_their_action(client, alike):
    run = AnalysisRun.objects.create()
    for severity, check, subject, action in [
        ("high", "missing_lead", "Council: stop smoking", alike.council),
        ("high", "missing_lead", "NHS: stop smoking", alike.nhs),
        ("low", "inequalities_share", "plan", None),
    ]:
        Finding.objects.create(partnership=alike.world.board, run=run, severity=severity,
                               check_code=check, subject=subject, message="m", action=action)
    client.force_login(alike.world.viewer)
    body = client.get(alike.url("findings")).content.decode()
    assert "High (2)" in body and "Low (1)" in body and "Missing lead (2)" in body
    assert body.index("High (2)") < body.index("Low (1)")
    assert f'href="{_action_url(alike.council)}"' in body
    assert f'href="{_action_url(alike.nhs)}"' in body


def _action_url(action):
    from django.urls import reverse
    return reverse("pages:action", kwargs={"slug": "wealdbridge", "pk": action.pk})


def test_findings_on_hidden_actions_are_not_shown_to_an_own_viewer(client, alike):
    run = AnalysisRun.objects.create()
    Finding.objects.create(partnership=alike.world.board, run=run, severity="high",
                           check_code="missing_lead", subject="Council secret", message="m",
                           action=alike.council)
    client.force_login(alike.world.own_viewer)
    assert "Council secret" not in client.get(alike.url("findings")).content.decode()


TODAY = dt.date(2014, 6, 1)


def test_a_pair_kept_separate_through_the_page_is_not_proposed_again_by_a_new_run(client, world):
    from joinedup.actions.importing import import_records
    from joinedup.actions.models import Action
    from joinedup.ingest.records import ActionRecord
    from joinedup.synergies.runs import run_analysis

    import_records(world.board, world.council, "Council plan", [
        ActionRecord(title="Commission a stop smoking service in GP practices", reference="C1",
                     intended_outcome="More smokers quit with NHS support",
                     outcome_measures="Four-week quitters", priority_numbers=(2,))])
    import_records(world.board, world.nhs, "NHS plan", [
        ActionRecord(title="Stop smoking service in GP practices", reference="N1",
                     intended_outcome="More smokers quit with support from their GP",
                     outcome_measures="Number of four-week quitters", priority_numbers=(2,))])
    run_analysis([world.board], today=TODAY)
    ids = sorted(Action.objects.values_list("pk", flat=True))
    pair = CandidatePair.objects.get(action_a_id=ids[0], action_b_id=ids[1])
    client.force_login(world.admin)
    client.post(f"/p/wealdbridge/synergies/{pair.pk}/", {
        "decision": "keep_separate", "keep-pairs": str(pair.pk), "keep-reason": "Different"})
    run_analysis([world.board], today=TODAY)
    pair.refresh_from_db()
    assert pair.status == PairStatus.KEEP_SEPARATE
    assert not CandidatePair.objects.filter(status=PairStatus.OPEN).exists()
    body = client.get("/p/wealdbridge/synergies/").content.decode()
    assert "0 groups shown" in body
