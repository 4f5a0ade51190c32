"""Storing partner plans: counts, re-import by reference, and nothing changed on failure."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core import serializers
from openpyxl import Workbook

from joinedup.actions.models import Action
from joinedup.partners.models import Plan
from joinedup.partners.services import ImportFailed, import_plan_file

HEADER = ["Ref", "Action", "Lead officer", "By when", "Budget", "JHWS priority", "Status"]
ROWS = [
    ["H1", "Adapt homes of frail older people", "Head of Housing", "31/03/2014", "£12k", "1", "On track"],
    ["H2", "Pulmonary rehabilitation in the community", "COPD nurse lead", "Mar 2015", "", "2", "Amber"],
    ["H3", "Warm homes advice for people with COPD", "", "Ongoing", "", "1 & 2", ""],
]


def _plan(path, rows=ROWS, title_rows=1):
    book = Workbook()
    sheet = book.active
    sheet.title = "Plan"
    for _ in range(title_rows):
        sheet.append(["Wealdbridge County Council – housing and health action plan"])
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def _everything() -> str:
    """Every stored row of the domain, serialised, to compare before and after a failure."""
    from joinedup.partners.models import Organisation, Partnership

    models = [Action.everything.all(), Plan.objects.all(), Organisation.objects.all(),
              Partnership.objects.all(), Action.history.all()]
    return "".join(serializers.serialize("json", qs.order_by("pk")) for qs in models)


def test_a_plan_imports_every_row_with_its_fields_parsed(world, tmp_path):
    report = import_plan_file(world.board, _plan(tmp_path / "housing.xlsx"), world.council.name)
    assert (report.created, report.updated, report.unchanged, len(report.rejected)) == (3, 0, 0, 0)
    adapt = Action.objects.get(external_ref="H1")
    assert adapt.owner == world.council and adapt.lead_role + adapt.lead_name != ""
    assert adapt.end_date == dt.date(2014, 3, 31)
    assert adapt.resource_amount == Decimal("12000.00")
    assert adapt.status == "on_track"
    assert [p.number for p in adapt.priorities.all()] == [1]
    warm = Action.objects.get(external_ref="H3")
    assert sorted(p.number for p in warm.priorities.all()) == [1, 2]
    assert Action.objects.get(external_ref="H2").status == "at_risk"


def test_reimporting_the_same_plan_changes_nothing_and_says_so(world, tmp_path):
    path = _plan(tmp_path / "housing.xlsx")
    import_plan_file(world.board, path, world.council.name)
    report = import_plan_file(world.board, path, world.council.name)
    assert (report.created, report.updated, report.unchanged) == (0, 0, 3)
    assert Action.objects.count() == 3


def test_reimporting_an_edited_plan_updates_only_the_changed_action(world, tmp_path):
    import_plan_file(world.board, _plan(tmp_path / "housing.xlsx"), world.council.name)
    edited = [list(r) for r in ROWS]
    edited[1][6] = "Complete"
    report = import_plan_file(world.board, _plan(tmp_path / "housing.xlsx", edited), world.council.name)
    assert (report.created, report.updated, report.unchanged) == (0, 1, 2)
    changed = Action.objects.get(external_ref="H2")
    assert changed.status == "complete" and changed.version == 2


def test_a_priority_missing_from_the_strategy_is_a_warning_naming_the_row(world, tmp_path):
    rows = [[*ROWS[0][:5], "9", *ROWS[0][6:]]]
    report = import_plan_file(world.board, _plan(tmp_path / "p.xlsx", rows), world.council.name)
    assert report.created == 1
    [warning] = [w for w in report.warnings if w.location.column == "priorities"]
    assert (warning.location.file, warning.location.sheet, warning.location.row) == ("p.xlsx", "Plan", 3)
    assert "priority 9 is not in the strategy" in warning.message


def test_a_repeated_reference_rejects_the_later_row_and_names_it(world, tmp_path):
    rows = [ROWS[0], ["H1", "Another action with the same ref", "", "", "", "", ""]]
    report = import_plan_file(world.board, _plan(tmp_path / "p.xlsx", rows), world.council.name)
    assert report.created == 1
    [problem] = report.rejected
    assert problem.location.row == 4 and "appears on an earlier row" in problem.message


def test_a_corrupted_file_is_reported_and_changes_nothing(world, tmp_path):
    import_plan_file(world.board, _plan(tmp_path / "housing.xlsx"), world.council.name)
    before = _everything()
    damaged = tmp_path / "damaged.xlsx"
    damaged.write_bytes((tmp_path / "housing.xlsx").read_bytes()[:700])
    with pytest.raises(ImportFailed, match=r"damaged\.xlsx"):
        import_plan_file(world.board, damaged, world.council.name)
    assert _everything() == before


def test_a_file_with_the_wrong_columns_is_reported_and_changes_nothing(world, tmp_path):
    import_plan_file(world.board, _plan(tmp_path / "housing.xlsx"), world.council.name)
    before = _everything()
    wrong = tmp_path / "wrong.csv"
    wrong.write_text("Name,Telephone,Email\nA Person,01234 567890,a@example.org\n", encoding="utf-8")
    with pytest.raises(ImportFailed, match=r"wrong\.csv"):
        import_plan_file(world.board, wrong, world.council.name)
    assert _everything() == before


def test_a_database_failure_part_way_leaves_nothing_half_imported(world, tmp_path, monkeypatch):
    import joinedup.actions.importing as importing

    import_plan_file(world.board, _plan(tmp_path / "housing.xlsx"), world.council.name)
    before = _everything()
    original = importing._create_all

    def create_then_fail(pending):
        original(pending)
        raise RuntimeError("disk full")

    monkeypatch.setattr(importing, "_create_all", create_then_fail)
    edited = [list(r) for r in ROWS] + [["N1", "A new action", "", "", "", "1", ""]]
    edited[0][1] = "Adapt homes (changed title)"
    with pytest.raises(RuntimeError):
        import_plan_file(world.board, _plan(tmp_path / "housing.xlsx", edited), world.council.name)
    assert _everything() == before


def test_a_bad_file_for_a_new_partner_creates_no_organisation(world, tmp_path):
    from joinedup.partners.models import Organisation

    before = _everything()
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(b"not a spreadsheet at all")
    with pytest.raises(ImportFailed, match=r"bad\.xlsx"):
        import_plan_file(world.board, bad, "Brand New Charity")
    assert not Organisation.objects.filter(name="Brand New Charity").exists()
    assert _everything() == before


def test_a_saved_column_mapping_is_used_for_the_next_import(world, tmp_path):
    mapping = tmp_path / "mapping.yaml"
    mapping.write_text("Lead officer: ignore\n", encoding="utf-8")
    path = _plan(tmp_path / "housing.xlsx")
    import_plan_file(world.board, path, world.council.name, mapping=mapping)
    adapt = Action.objects.get(external_ref="H1")
    assert adapt.lead_role + adapt.lead_name == ""
    report = import_plan_file(world.board, path, world.council.name)
    assert report.unchanged == 3


def test_an_imported_action_has_its_first_version_with_its_priority_links(world, tmp_path):
    import_plan_file(world.board, _plan(tmp_path / "housing.xlsx"), world.council.name)
    warm = Action.objects.get(external_ref="H3")
    [version] = warm.history.all()
    assert version.history_type == "+" and version.title == warm.title
    assert sorted(p.priority.number for p in version.priorities.all()) == [1, 2]
