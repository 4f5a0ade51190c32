"""The demo's plans import with the counts worked out by hand in demo/expected.json."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from joinedup.ingest import read_plan

DEMO = Path(__file__).resolve().parent.parent / "demo"
EXPECTED = json.loads((DEMO / "expected.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("expected", EXPECTED, ids=[e["file"] for e in EXPECTED])
def test_each_demo_plan_reads_with_the_expected_counts(expected):
    result = read_plan(DEMO / "plans" / expected["file"])
    counts = (len(result.actions), len(result.rejected), result.skipped_blank,
              result.skipped_headers)
    assert counts == (expected["actions"], expected["rejected"], expected["blank_rows_skipped"],
                      expected["repeated_headers_skipped"])


@pytest.mark.parametrize("expected", EXPECTED, ids=[e["file"] for e in EXPECTED])
def test_each_deliberate_bad_value_is_a_warning_naming_sheet_row_and_column(expected):
    result = read_plan(DEMO / "plans" / expected["file"])
    found = {(w.location.row, w.location.column) for w in result.warnings}
    for detail in expected.get("warning_details", []):
        assert (detail["row"], detail["column"]) in found, (detail, result.warnings)


@pytest.mark.parametrize("expected", EXPECTED, ids=[e["file"] for e in EXPECTED])
def test_each_deliberate_rejection_names_its_row(expected):
    result = read_plan(DEMO / "plans" / expected["file"])
    rows = {p.location.row for p in result.rejected}
    assert rows == {d["row"] for d in expected.get("rejected_details", [])}


def test_the_demo_loads_once_with_every_action_and_the_demo_users(db):
    from django.contrib.auth import get_user_model

    from joinedup.accounts.scope import Scope
    from joinedup.demo_loader import DEMO_PASSWORD, load_demo
    from joinedup.partners.models import Partnership

    assert load_demo() is True
    partnership = Partnership.objects.get(slug="wealdbridge")
    total = sum(e["actions"] for e in EXPECTED)
    assert Scope.system(partnership).actions().count() == total >= 150
    assert Scope.system(partnership).priorities().count() == 17
    assert Scope.system(partnership).themes().count() == 5
    for username in ("admin", "editor", "viewer"):
        assert get_user_model().objects.get(username=username).check_password(DEMO_PASSWORD)
    from joinedup.synergies.models import CandidatePair, Finding

    assert CandidatePair.objects.filter(partnership=partnership).count() >= 5
    assert Finding.objects.filter(partnership=partnership).exists()
    from django.test import Client

    plan_page = Client().get("/plan/").content.decode()
    assert "Have your say" in plan_page
    consult = Client().get(f"/consult/wealdbridge/{partnership.consultations.get().pk}/")
    assert consult.status_code == 200
    assert load_demo() is False
    assert Scope.system(partnership).actions().count() == total
