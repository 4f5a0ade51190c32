"""`joinedup indicators ...` and `joinedup targets status`, run in-process."""

from __future__ import annotations

import csv
import datetime as dt

import pytest
from tests.outcomes.conftest import row
from typer.testing import CliRunner

from joinedup.cli import app
from joinedup.outcomes.models import Area, IndicatorDefinition, IndicatorValue, Target

runner = CliRunner()


def _read(path):
    with path.open(newline="") as handle:
        return list(csv.DictReader(handle))


def test_compute_proportion_gives_wilson_limits(tmp_path):
    # Wilson 95% for 10/100: p = 0.1, z = 1.959964;
    # (p + z²/2n ± z√(p(1-p)/n + z²/4n²)) / (1 + z²/n) = 0.05523 and 0.17437
    source = tmp_path / "in.csv"
    source.write_text("group,numerator,denominator\nNorthmere,10,100\n")
    result = runner.invoke(app, ["indicators", "compute", "proportion", str(source),
                                 "--out", str(tmp_path / "out.csv")])
    assert result.exit_code == 0, result.output
    (out,) = _read(tmp_path / "out.csv")
    assert out["group"] == "Northmere" and float(out["value"]) == pytest.approx(0.1)
    assert float(out["lower"]) == pytest.approx(0.05523, abs=1e-5)
    assert float(out["upper"]) == pytest.approx(0.17437, abs=1e-5)


def test_compute_mean_per_group(tmp_path):
    # values 2, 4, 6: mean 4, sd 2, t(0.975, 2) = 4.302653; half-width 4.302653 * 2/√3 = 4.96828
    source = tmp_path / "in.csv"
    source.write_text("group,value\na,2\na,4\na,6\n")
    result = runner.invoke(app, ["indicators", "compute", "mean", str(source), "--out",
                                 str(tmp_path / "out.csv")])
    assert result.exit_code == 0, result.output
    (out,) = _read(tmp_path / "out.csv")
    assert float(out["value"]) == 4.0
    assert float(out["lower"]) == pytest.approx(4 - 4.96828, abs=1e-4)


def test_compute_rate_with_multiplier(tmp_path):
    source = tmp_path / "in.csv"
    source.write_text("numerator,denominator\n25,50000\n")
    result = runner.invoke(app, ["indicators", "compute", "rate", str(source), "--out",
                                 str(tmp_path / "out.csv"), "--multiplier", "1000"])
    assert result.exit_code == 0, result.output
    assert float(_read(tmp_path / "out.csv")[0]["value"]) == pytest.approx(0.5)  # 25/50000 × 1000


def test_compute_rejects_text_with_row_and_column(tmp_path):
    source = tmp_path / "in.csv"
    source.write_text("numerator,denominator\n10,100\nten,100\n")
    result = runner.invoke(app, ["indicators", "compute", "proportion", str(source), "--out",
                                 str(tmp_path / "out.csv")])
    assert result.exit_code == 1
    assert "in.csv, row 3, column 'numerator': expected a number" in result.output


def test_compute_names_missing_columns(tmp_path):
    source = tmp_path / "in.csv"
    source.write_text("group,count\na,1\n")
    result = runner.invoke(app, ["indicators", "compute", "rate", str(source), "--out",
                                 str(tmp_path / "out.csv")])
    assert result.exit_code == 1
    assert "rate needs the column(s) numerator, denominator" in result.output


def test_compute_help_documents_input_columns():
    result = runner.invoke(app, ["indicators", "compute", "--help"])
    assert result.exit_code == 0
    assert "age_band" in result.output and "ref_numerator" in result.output


@pytest.mark.django_db(transaction=True)
def test_import_command_stores_values_and_reports_bad_rows(world, write_fingertips):
    path = write_fingertips(row("E10099001", "Wealdbridge", "2021", "16.0"),
                            row("E10099001", "Wealdbridge", "2022", "n/a"))
    result = runner.invoke(app, ["indicators", "import", str(path), "--partnership", world.board.name])
    assert result.exit_code == 0, result.output
    assert "1 values added" in result.output
    assert "row 3, column 'Value': expected a number" in result.output
    assert IndicatorValue.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_import_command_fails_with_exit_code_one_on_a_bad_file(world, tmp_path):
    path = tmp_path / "x.csv"
    path.write_text("nothing,useful\n")
    result = runner.invoke(app, ["indicators", "import", str(path), "--partnership", world.board.name])
    assert result.exit_code == 1
    assert "expected a Fingertips export" in result.output


@pytest.mark.django_db(transaction=True)
def test_targets_status_prints_the_rule(world, write_fingertips):
    from joinedup.outcomes.importing import import_indicator_file

    import_indicator_file(world.board, write_fingertips(row("E10099001", "Wealdbridge", "2022", "14.8")))
    indicator = IndicatorDefinition.objects.get()
    # trajectory at 2022-12-31 is 15.0 (halfway from 16 to 14); 14.8 is below it
    Target.objects.create(indicator=indicator, area=Area.objects.get(code="E10099001"),
                          baseline_value=16.0, baseline_period="2021",
                          baseline_date=dt.date(2021, 12, 31), target_value=14.0,
                          target_date=dt.date(2023, 12, 31))
    result = runner.invoke(app, ["targets", "status", "--partnership", world.board.name],
                           env={"COLUMNS": "300"})
    assert result.exit_code == 0, result.output
    assert "On track" in result.output
    assert "Latest value 14.8 (2022) is below the trajectory value of 15 for 2022" in result.output
