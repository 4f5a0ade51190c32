from __future__ import annotations

import datetime as dt

import pytest

from joinedup.analysis.health import check_plan
from joinedup.ingest.records import PriorityRecord, StrategyRecord

from .conftest import action

TODAY = dt.date(2026, 6, 1)
STRATEGY = StrategyRecord(name="S", categories=("Treatment", "Prevention"),
                          priorities=(PriorityRecord(1, "Tobacco"), PriorityRecord(2, "Falls")))


def complete(partner: str, ref: str, **overrides):
    fields = {"lead_name": "Jo Bloggs", "outcome_measures": "quits",
              "start_date": dt.date(2026, 1, 1), "end_date": dt.date(2027, 1, 1),
              "resource_amount_text": "£1,000", "barriers": "staffing", "status": "on_track",
              "evidence": "NICE NG209", "priority_numbers": (1,), "categories": ("Treatment",),
              "population_groups": ("older_people",)}
    fields.update(overrides)
    return action(partner, ref, "An action", **fields)


def checks_for(actions, **kwargs):
    return {(f.check, f.subject) for f in check_plan(actions, STRATEGY, today=TODAY, **kwargs)}


@pytest.mark.parametrize(("field", "check"), [
    ("lead_name", "missing_lead"),
    ("outcome_measures", "missing_outcome_measure"),
    ("resource_amount_text", "missing_resourcing"),
    ("barriers", "missing_barriers"),
    ("status", "missing_progress"),
    ("evidence", "no_evidence"),
])
def test_an_empty_accountability_field_is_reported_against_the_action(field, check):
    found = checks_for([complete("A", "1", **{field: ""}), complete("B", "2")])
    assert (check, "action A/1") in found
    assert (check, "action B/2") not in found


def test_an_action_without_any_dates_has_no_timeline():
    found = checks_for([complete("A", "1", start_date=None, end_date=None)])
    assert ("missing_timeline", "action A/1") in found


def test_priority_with_no_actions_is_a_gap():
    assert ("priority_without_actions", "priority 2 Falls") in checks_for(
        [complete("A", "1"), complete("B", "2")])


def test_priority_served_by_one_partner_is_a_silo_risk():
    found = checks_for([complete("A", "1"), complete("A", "2")])
    assert ("single_partner_priority", "priority 1 Tobacco") in found


def test_category_above_the_share_limit_is_flagged():
    # 2 of 3 actions (67%) are Treatment, above the 50% limit; Prevention is 33%
    plan = [complete("A", "1"), complete("B", "2"), complete("C", "3", categories=("Prevention",))]
    found = checks_for(plan)
    assert ("category_imbalance", "category Treatment") in found
    assert ("category_imbalance", "category Prevention") not in found


def test_overdue_action_not_complete_is_flagged_but_completed_one_is_not():
    plan = [complete("A", "1", end_date=dt.date(2026, 5, 1)),
            complete("B", "2", end_date=dt.date(2026, 5, 1), status="complete")]
    found = checks_for(plan)
    assert ("overdue", "action A/1") in found
    assert ("overdue", "action B/2") not in found


def test_end_before_start_is_flagged():
    found = checks_for([complete("A", "1", start_date=dt.date(2026, 3, 1),
                                 end_date=dt.date(2026, 2, 1), status="complete")])
    assert ("end_before_start", "action A/1") in found


def test_inequalities_share_below_thirty_percent_is_medium():
    # 1 of 4 actions (25%) targets an inequality group
    plan = [complete("A", "1")] + [complete(p, "x", population_groups=("whole_population",))
                                   for p in "BCD"]
    [finding] = [f for f in check_plan(plan, STRATEGY, today=TODAY)
                 if f.check == "inequalities_share"]
    assert finding.severity == "medium"
    assert "1 of 4" in finding.message


def test_inequalities_share_counts_area_codes_and_is_low_when_at_least_thirty_percent():
    plan = [complete("A", "1", population_groups=(), area_codes=("E01000001",)),
            complete("B", "2", population_groups=("whole_population",))]
    [finding] = [f for f in check_plan(plan, STRATEGY, today=TODAY)
                 if f.check == "inequalities_share"]
    assert finding.severity == "low"


def test_partner_summary_counts_empty_fields():
    plan = [complete("A", "1", lead_name="", barriers="")]
    [summary] = [f for f in check_plan(plan, STRATEGY, today=TODAY)
                 if f.check == "accountability_summary"]
    # 2 empty of 6 accountability fields for 1 action
    assert summary.subject == "partner A"
    assert summary.message.startswith("2 of 6")
