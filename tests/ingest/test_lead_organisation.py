"""Telling partners apart in one combined plan by the organisation each lead names."""

from __future__ import annotations

import pytest

from joinedup.ingest.leads import lead_organisation
from joinedup.ingest.plans import partners_from_leads
from joinedup.ingest.records import ActionRecord


@pytest.mark.parametrize(("lead", "kind"), [
    ("Public Health (Council)", "Council"),
    ("Head of Housing", "Council"),
    ("Director of Public Health", "Council"),
    ("ICB Head of Commissioning", "NHS commissioner"),
    ("NHS Wealdbridge CCG", "NHS commissioner"),
    ("PCN Clinical Director", "Primary care"),
    ("Community Health Services NHS Trust", "NHS provider"),
    ("Chief Inspector, Police", "Police"),
    ("Fire and Rescue Service, Prevention Manager", "Fire and rescue service"),
    ("Age UK Wealdbridge", "Voluntary sector"),
    ("Healthwatch Wealdbridge", "Healthwatch"),
    ("Jobcentre Plus district manager", "Jobcentre Plus"),
    # Two named: the one written first leads.
    ("Wealdbridge County Council / NHS Wealdbridge ICB", "Council"),
    ("ICB with the County Council", "NHS commissioner"),
])
def test_a_lead_cell_names_a_kind_of_organisation(lead, kind):
    assert lead_organisation(lead) == kind


@pytest.mark.parametrize("lead", ["Jane Smith", "", "Programme manager", "TBC"])
def test_a_person_or_role_alone_names_no_organisation(lead):
    assert lead_organisation(lead) is None


def _action(ref: str, lead: str, partner: str = "combined-plan") -> ActionRecord:
    return ActionRecord(title=f"Action {ref}", partner=partner, reference=ref, lead_role=lead)


def test_one_combined_plan_is_split_by_the_organisations_its_leads_name():
    actions = [_action("1", "Public Health, Council"), _action("2", "ICB"),
               _action("3", "Jane Smith")]
    assert [a.partner for a in partners_from_leads(actions)] == [
        "Council", "NHS commissioner", "combined-plan"]


def test_plans_from_several_partners_are_left_as_they_are():
    actions = [_action("1", "ICB", partner="council"), _action("2", "Police", partner="nhs")]
    assert partners_from_leads(actions) is None


def test_leads_that_do_not_give_two_partners_change_nothing():
    assert partners_from_leads([_action("1", "Jane Smith"), _action("2", "Bob Jones")]) is None
    assert partners_from_leads([_action("1", "Council"), _action("2", "Housing team")]) is None
