"""The `joinedup` command, run in-process against the test database."""

from __future__ import annotations

import pytest
from openpyxl import Workbook, load_workbook
from typer.testing import CliRunner

from joinedup.actions.models import Action
from joinedup.cli import app
from joinedup.partners.models import Partnership
from joinedup.strategy.models import Priority, Theme

runner = CliRunner()

STRATEGY = """\
name: Seamless Health
categories: [Early Intervention & Prevention, Treatment, Long-term management & support]
priorities:
  - {number: 1, name: Appropriate and adapted housing, description: Homes that fit needs}
  - {number: 2, name: Respiratory illness}
themes:
  - {name: Long-term conditions, priorities: [1, 2]}
  - {name: Housing and health, priorities: [1]}
"""


def _plan(path):
    book = Workbook()
    sheet = book.active
    sheet.append(["Ref", "Action", "Responsible", "Timescale", "KPI", "Priorities"])
    sheet.append(["C1", "Adapt homes of frail older people", "Head of Housing", "2013-14",
                  "Adaptations completed", "1"])
    sheet.append(["C2", "Pulmonary rehabilitation classes", "COPD lead", "Q3 2013/14",
                  "Completions", "2"])
    book.save(path)
    return path


@pytest.fixture
def strategy_file(tmp_path):
    path = tmp_path / "strategy.yaml"
    path.write_text(STRATEGY, encoding="utf-8")
    return path


@pytest.mark.django_db(transaction=True)
def test_import_strategy_creates_the_partnership_and_its_framework(strategy_file):
    result = runner.invoke(app, ["import-strategy", str(strategy_file)])
    assert result.exit_code == 0, result.output
    partnership = Partnership.objects.get(name="Seamless Health")
    assert [p.number for p in Priority.objects.filter(partnership=partnership)] == [1, 2]
    housing = Priority.objects.get(partnership=partnership, number=1)
    assert {t.name for t in housing.themes.all()} == {"Long-term conditions", "Housing and health"}
    assert set(Theme.objects.get(name="Long-term conditions").priorities.all()) == set(
        Priority.objects.filter(partnership=partnership))


@pytest.mark.django_db(transaction=True)
def test_a_bad_strategy_file_exits_non_zero_naming_the_problem(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("name: X\npriorities:\n  - {number: one, name: Housing}\n", encoding="utf-8")
    result = runner.invoke(app, ["import-strategy", str(bad)])
    assert result.exit_code == 1
    assert "bad.yaml" in result.output and "priorities[0].number" in result.output
    assert not Partnership.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_import_plan_reports_counts_and_reimport_changes_nothing(strategy_file, tmp_path):
    runner.invoke(app, ["import-strategy", str(strategy_file)])
    plan = _plan(tmp_path / "council.xlsx")
    first = runner.invoke(app, ["import-plan", str(plan), "--partner", "Wealdbridge County Council"])
    assert first.exit_code == 0, first.output
    assert "2 created, 0 updated, 0 unchanged, 0 rejected" in first.output
    again = runner.invoke(app, ["import-plan", str(plan), "--partner", "Wealdbridge County Council"])
    assert "0 created, 0 updated, 2 unchanged, 0 rejected" in again.output
    assert Action.objects.count() == 2


@pytest.mark.django_db(transaction=True)
def test_import_plan_of_a_damaged_file_exits_non_zero_and_stores_nothing(strategy_file, tmp_path):
    runner.invoke(app, ["import-strategy", str(strategy_file)])
    damaged = tmp_path / "damaged.xlsx"
    damaged.write_bytes(_plan(tmp_path / "good.xlsx").read_bytes()[:500])
    result = runner.invoke(app, ["import-plan", str(damaged), "--partner", "Council"])
    assert result.exit_code == 1
    assert "damaged.xlsx" in result.output
    assert Action.objects.count() == 0


@pytest.mark.django_db(transaction=True)
def test_import_plan_without_a_partnership_says_what_to_do_first(tmp_path):
    result = runner.invoke(app, ["import-plan", str(_plan(tmp_path / "p.xlsx")), "--partner", "X"])
    assert result.exit_code == 1
    assert "import-strategy" in result.output


@pytest.mark.django_db(transaction=True)
def test_export_writes_actions_sheet_that_reimports_without_changes(strategy_file, tmp_path):
    runner.invoke(app, ["import-strategy", str(strategy_file)])
    runner.invoke(app, ["import-plan", str(_plan(tmp_path / "c.xlsx")), "--partner", "County Council"])
    out = tmp_path / "everything.xlsx"
    result = runner.invoke(app, ["export", str(out)])
    assert result.exit_code == 0, result.output
    sheet = load_workbook(out)["Actions"]
    header = [c.value for c in sheet[1]]
    assert header[:3] == ["Reference", "Partner", "Title"]
    assert sheet.max_row == 3
    again = runner.invoke(app, ["import-plan", str(out), "--partner", "County Council", "--title", "c"])
    assert "0 created, 0 updated, 2 unchanged, 0 rejected" in again.output, again.output


def test_export_refuses_a_name_that_is_not_xlsx(tmp_path):
    result = runner.invoke(app, ["export", str(tmp_path / "out.csv")])
    assert result.exit_code == 1 and "ending in .xlsx" in result.output


def test_help_lists_every_command():
    result = runner.invoke(app, ["--help"])
    for command in ("init", "import-strategy", "import-plan", "export", "demo", "serve"):
        assert command in result.output


@pytest.mark.django_db(transaction=True)
def test_import_plan_reads_priorities_written_by_name(strategy_file, tmp_path):
    runner.invoke(app, ["import-strategy", str(strategy_file)])
    plan = tmp_path / "council.csv"
    plan.write_text("Ref,Action,Priority\n"
                    "C1,Warm homes advice,Appropriate and adapted housing\n"
                    "C2,COPD rehab,\"Respiratory illness, Priority 1\"\n", encoding="utf-8")
    result = runner.invoke(app, ["import-plan", str(plan), "--partner", "Council"])
    assert result.exit_code == 0, result.output
    stored = {a.external_ref: sorted(p.number for p in a.priorities.all())
              for a in Action.objects.all()}
    assert stored == {"C1": [1], "C2": [1, 2]}
