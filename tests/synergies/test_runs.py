"""Analysis over the stored plans: results stored, human decisions kept across runs."""

from __future__ import annotations

import datetime as dt

import pytest

from joinedup.actions.models import Action
from joinedup.ingest.records import ActionRecord
from joinedup.synergies.models import CandidatePair, Finding, PairStatus, Suggestion
from joinedup.synergies.runs import run_analysis

TODAY = dt.date(2014, 6, 1)


@pytest.fixture
def plans(world):
    from joinedup.actions.importing import import_records

    council = [
        ActionRecord(title="Commission a stop smoking service in GP practices", reference="C1",
                     intended_outcome="More smokers quit with NHS support",
                     outcome_measures="Four-week quitters", priority_numbers=(2,)),
        ActionRecord(title="Disabled facilities grants for home adaptations", reference="C2",
                     intended_outcome="Older people live safely at home", priority_numbers=(1,)),
        ActionRecord(title="Warm homes advice for people with COPD", reference="C3",
                     intended_outcome="Fewer winter respiratory admissions"),
    ]
    nhs = [
        ActionRecord(title="Tobacco cessation support offered through primary care", reference="N1",
                     intended_outcome="More smokers quit smoking with support from their GP",
                     outcome_measures="Number of four-week quitters", priority_numbers=(2,)),
        ActionRecord(title="Pulmonary rehabilitation classes", reference="N2",
                     intended_outcome="People with COPD manage breathlessness"),
    ]
    import_records(world.board, world.council, "Council plan", council)
    import_records(world.board, world.nhs, "NHS plan", nhs)
    return world


def _smoking_pair():
    c1 = Action.objects.get(external_ref="C1")
    n1 = Action.objects.get(external_ref="N1")
    a, b = sorted((c1, n1), key=lambda x: x.pk)
    return CandidatePair.objects.filter(action_a=a, action_b=b).first()


def test_a_run_stores_the_cross_partner_pair_with_its_evidence(plans):
    run = run_analysis([plans.board], today=TODAY)
    pair = _smoking_pair()
    assert pair is not None and pair.status == PairStatus.OPEN and pair.last_run == run
    assert 0 <= pair.score <= 1 and pair.evidence["reasons"]


def test_a_pair_kept_separate_stays_kept_separate_when_analysis_runs_again(plans):
    first = run_analysis([plans.board], today=TODAY)
    pair = _smoking_pair()
    pair.status = PairStatus.KEEP_SEPARATE
    pair.save()
    run_analysis([plans.board], today=TODAY)
    pair.refresh_from_db()
    assert pair.status == PairStatus.KEEP_SEPARATE
    assert pair.last_run_id == first.pk  # the new run did not propose it again


def test_actions_without_priorities_get_ranked_suggestions(plans):
    run_analysis([plans.board], today=TODAY)
    warm = Action.objects.get(external_ref="C3")
    ranks = list(Suggestion.objects.filter(action=warm, priority__isnull=False)
                 .values_list("rank", flat=True))
    assert ranks and ranks == sorted(ranks) and ranks[0] == 1
    assert not Suggestion.objects.filter(action__external_ref="C1", priority__isnull=False).exists()


def test_a_rejected_suggestion_is_not_suggested_again(plans):
    from joinedup.synergies.models import SuggestionStatus

    run_analysis([plans.board], today=TODAY)
    first = Suggestion.objects.filter(action__external_ref="C3", priority__isnull=False).first()
    first.status = SuggestionStatus.REJECTED
    first.save()
    run_analysis([plans.board], today=TODAY)
    again = Suggestion.objects.filter(action__external_ref="C3", priority=first.priority)
    assert list(again.values_list("status", flat=True)) == [SuggestionStatus.REJECTED]


def test_health_findings_replace_the_previous_runs(plans):
    run_analysis([plans.board], today=TODAY)
    first = Finding.objects.count()
    run = run_analysis([plans.board], today=TODAY)
    assert first > 0 and Finding.objects.count() == first
    assert set(Finding.objects.values_list("run", flat=True)) == {run.pk}


def test_across_partnerships_pairs_are_found_between_their_plans(plans):
    from joinedup.actions.importing import import_records

    import_records(plans.other_board, plans.stranger_org, "Eastmarsh plan", [
        ActionRecord(title="Stop smoking service delivered in GP surgeries", reference="E1",
                     intended_outcome="More smokers quit with NHS stop smoking support",
                     outcome_measures="Four-week quitters"),
    ])
    run_analysis([plans.board, plans.other_board], today=TODAY)
    e1 = Action.objects.get(external_ref="E1")
    crossing = CandidatePair.objects.filter(action_a=e1) | CandidatePair.objects.filter(action_b=e1)
    assert crossing.exists()


def test_stored_evidence_names_the_shared_priority(plans):
    run_analysis([plans.board], today=TODAY)
    reasons = " ".join(_smoking_pair().evidence["reasons"])
    assert "2 Respiratory illness" in reasons


def test_place_parents_come_from_indicator_areas_and_small_areas(plans):
    from joinedup.accounts.scope import Scope
    from joinedup.landscape.models import SmallArea
    from joinedup.outcomes.models import Area
    from joinedup.synergies.runs import place_parents

    district = Area.objects.create(partnership=plans.board, code="E07000001",
                                   name="Northmere")
    Area.objects.create(partnership=plans.board, code="E05000001", name="Eastgate",
                        parent=district)
    SmallArea.objects.create(partnership=plans.board, code="E01000001", name="Eastgate 001A",
                             parent_code="E05000001", parent_name="Eastgate")
    # Another partnership's geography is not read.
    Area.objects.create(partnership=plans.other_board, code="E05000009", name="Elsewhere",
                        parent=Area.objects.create(partnership=plans.other_board,
                                                   code="E07000009", name="Far"))
    assert place_parents(Scope.system(plans.board)) == {
        "E05000001": "E07000001", "Eastgate": "Northmere",
        "E01000001": "E05000001", "Eastgate 001A": "Eastgate",
    }


def test_a_ward_action_and_its_district_action_are_found_to_share_a_place(plans):
    from joinedup.actions.importing import import_records
    from joinedup.outcomes.models import Area

    district = Area.objects.create(partnership=plans.board, code="E07000001", name="Northmere")
    Area.objects.create(partnership=plans.board, code="E05000001", name="Eastgate",
                        parent=district)
    import_records(plans.board, plans.council, "Ward plan", [
        ActionRecord(title="Falls prevention classes for older people", reference="W1",
                     intended_outcome="Fewer falls among older people",
                     outcome_measures="Falls admissions 65+", area_codes=("E05000001",))])
    import_records(plans.board, plans.nhs, "District plan", [
        ActionRecord(title="Strength and balance classes to prevent falls", reference="D1",
                     intended_outcome="Fewer falls in older people",
                     outcome_measures="Falls-related admissions aged 65+",
                     area_codes=("E07000001",))])
    run_analysis([plans.board], today=TODAY)
    w1, d1 = Action.objects.get(external_ref="W1"), Action.objects.get(external_ref="D1")
    a, b = sorted((w1, d1), key=lambda x: x.pk)
    pair = CandidatePair.objects.get(action_a=a, action_b=b)
    assert any(r.startswith("Places overlap: ") and "E05000001" in r and "E07000001" in r
               for r in pair.evidence["reasons"])


def test_a_second_run_refreshes_open_pairs_and_marks_pairs_no_longer_found(plans):
    first = run_analysis([plans.board], today=TODAY)
    pair = _smoking_pair()
    assert (pair.last_run, pair.still_found) == (first, True)
    # Edit the stored pair as if an older model had scored it, and add a pair the
    # analysis will not find again (its actions have nothing in common).
    CandidatePair.objects.filter(pk=pair.pk).update(score=0.01, evidence={"reasons": []})
    c2, n2 = Action.objects.get(external_ref="C2"), Action.objects.get(external_ref="N2")
    a, b = sorted((c2, n2), key=lambda x: x.pk)
    stale = CandidatePair.objects.create(partnership=plans.board, action_a=a, action_b=b,
                                         score=0.6, kind="synergy", evidence={},
                                         last_run=first)
    second = run_analysis([plans.board], today=TODAY)
    pair.refresh_from_db()
    stale.refresh_from_db()
    assert pair.last_run == second and pair.still_found
    assert pair.score > 0.5 and pair.evidence["reasons"]
    assert CandidatePair.objects.filter(action_a=pair.action_a, action_b=pair.action_b).count() == 1
    assert (stale.still_found, stale.last_run) == (False, first)
