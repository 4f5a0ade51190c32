"""`joinedup analyse` on files (no database) and on the stored plans."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from typer.testing import CliRunner

from joinedup.cli import app

DEMO = Path(__file__).resolve().parents[2] / "demo"
runner = CliRunner()


def _rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    out = tmp_path_factory.mktemp("report")
    plans = sorted(str(p) for p in (DEMO / "plans").iterdir())
    result = runner.invoke(app, ["analyse", *plans, "--strategy", str(DEMO / "strategy.yaml"),
                                 "--out", str(out)])
    assert result.exit_code == 0, result.output
    return out


def test_analyse_writes_the_four_outputs_with_their_exact_columns(report):
    assert (report / "report.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    heads = {name: (report / name).read_text(encoding="utf-8").splitlines()[0]
             for name in ("pairs.csv", "priority_suggestions.csv", "health.csv")}
    assert heads == {
        "pairs.csv": "a_partner,a_ref,b_partner,b_ref,score,kind,evidence",
        "priority_suggestions.csv": "partner,ref,rank,priority_number,priority_name,score",
        "health.csv": "severity,check,subject,message",
    }


def test_analyse_names_partners_by_file_and_actions_by_their_reference(report):
    pairs = _rows(report / "pairs.csv")
    partners = {row["a_partner"] for row in pairs} | {row["b_partner"] for row in pairs}
    assert partners and partners <= {p.stem for p in (DEMO / "plans").iterdir()}
    assert all(row["a_partner"] != row["b_partner"] for row in pairs)


def test_analyse_finds_the_demo_stop_smoking_duplicate(report):
    # demo/pairs.csv lists the County Council's stop smoking service (WCC01) and the
    # CCG's tobacco cessation support in primary care (CCG-01) as a duplicate.
    found = {frozenset(((r["a_partner"], r["a_ref"]), (r["b_partner"], r["b_ref"])))
             for r in _rows(report / "pairs.csv")}
    assert frozenset({("wealdbridge-county-council-action-plan-2013-15", "WCC01"),
                      ("nhs-wealdbridge-ccg-commissioning-intentions-2013-14", "CCG-01")}) in found


def test_priority_suggestions_are_only_for_rows_without_a_priority(report):
    suggested = {(r["partner"], r["ref"]) for r in _rows(report / "priority_suggestions.csv")}
    from joinedup.ingest.plans import read_plans

    read = read_plans(sorted((DEMO / "plans").iterdir()))
    without = {(a.partner, a.reference) for a in read.actions if not a.priority_numbers}
    assert suggested and suggested <= without


def test_analyse_without_inputs_explains_what_it_needs():
    result = runner.invoke(app, ["analyse"])
    assert result.exit_code == 1 and "--strategy" in result.output


def test_analyse_of_an_unreadable_plan_names_the_file(tmp_path):
    bad = tmp_path / "broken.xlsx"
    bad.write_bytes(b"PK\x03\x04 truncated")
    result = runner.invoke(app, ["analyse", str(bad), "--strategy", str(DEMO / "strategy.yaml"),
                                 "--out", str(tmp_path / "out")])
    assert result.exit_code == 1 and "broken.xlsx" in result.output
    assert not (tmp_path / "out").exists()


def _ward_and_district_plans(tmp_path: Path) -> list[str]:
    header = "Ref,Action,Intended outcome,Outcome measures,Population group,Places\n"
    (tmp_path / "ward-partner.csv").write_text(
        header + "W1,Falls prevention classes for older people,Fewer falls among older people,"
        "Falls admissions 65+,Older people,Eastgate ward\n", encoding="utf-8")
    (tmp_path / "district-partner.csv").write_text(
        header + "D1,Strength and balance classes to prevent falls,Fewer falls in older people,"
        "Falls-related admissions aged 65+,Older people,Northmere district\n", encoding="utf-8")
    return [str(tmp_path / "ward-partner.csv"), str(tmp_path / "district-partner.csv")]


def test_analyse_with_a_place_lookup_counts_a_ward_inside_its_district(tmp_path):
    plans = _ward_and_district_plans(tmp_path)
    (tmp_path / "places.yaml").write_text("Eastgate ward: Northmere district\n", encoding="utf-8")
    outputs = {}
    for name, extra in (("with", ["--places", str(tmp_path / "places.yaml")]), ("without", [])):
        result = runner.invoke(app, ["analyse", *plans, "--strategy",
                                     str(DEMO / "strategy.yaml"), "--out",
                                     str(tmp_path / name), *extra])
        assert result.exit_code == 0, result.output
        outputs[name] = " ".join(r["evidence"] for r in _rows(tmp_path / name / "pairs.csv"))
    # Pairs list the partner first in name order: district-partner, then ward-partner.
    assert "Places overlap: Northmere district and Eastgate ward" in outputs["with"]
    assert "Places overlap" not in outputs["without"]


def test_analyse_with_a_bad_place_lookup_names_it_and_writes_nothing(tmp_path):
    plans = _ward_and_district_plans(tmp_path)
    (tmp_path / "places.yaml").write_text("- Eastgate ward\n", encoding="utf-8")
    result = runner.invoke(app, ["analyse", *plans, "--strategy", str(DEMO / "strategy.yaml"),
                                 "--out", str(tmp_path / "out"), "--places",
                                 str(tmp_path / "places.yaml")])
    assert result.exit_code == 1 and "places.yaml" in result.output
    assert not (tmp_path / "out").exists()


def test_priorities_written_as_names_are_taken_as_confirmed(tmp_path):
    # demo/strategy.yaml: priority 6 is "Falls", 15 "Tobacco and smoking cessation".
    header = "Ref,Action,Intended outcome,Priority\n"
    (tmp_path / "council.csv").write_text(
        header + "C1,Falls prevention classes,Fewer falls among older people,Falls\n"
        "C2,Stop smoking service,More smokers quit,Tobacco and smoking cessation\n"
        "C3,Strength and balance at home,Fewer falls at home,\n", encoding="utf-8")
    (tmp_path / "trust.csv").write_text(
        header + "T1,Quit smoking support on wards,Inpatients who smoke quit,\n",
        encoding="utf-8")
    result = runner.invoke(app, ["analyse", str(tmp_path / "council.csv"),
                                 str(tmp_path / "trust.csv"), "--strategy",
                                 str(DEMO / "strategy.yaml"), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    suggested = {(r["partner"], r["ref"]) for r in _rows(tmp_path / "out" /
                                                         "priority_suggestions.csv")}
    # Rows naming their priority are confirmed mappings, not asked about again.
    assert suggested == {("council", "C3"), ("trust", "T1")}


def test_one_combined_plan_is_compared_across_the_organisations_its_leads_name(tmp_path):
    (tmp_path / "joint-plan.csv").write_text(
        "Ref,Action,Intended outcome,Outcome measures,Lead\n"
        "1,Stop smoking service in GP practices,More smokers quit with support,"
        "Four-week quitters,Public Health (Council)\n"
        "2,Tobacco cessation support offered through primary care,"
        "More smokers quit smoking with support from their GP,Number of four-week quitters,"
        "ICB Head of Primary Care\n"
        "3,Air quality action plan,Cleaner air near schools,NO2 levels,Environmental health\n",
        encoding="utf-8")
    result = runner.invoke(app, ["analyse", str(tmp_path / "joint-plan.csv"), "--strategy",
                                 str(DEMO / "strategy.yaml"), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert "told apart by the organisation each Lead names" in " ".join(result.output.split())
    pairs = {frozenset(((r["a_partner"], r["a_ref"]), (r["b_partner"], r["b_ref"])))
             for r in _rows(tmp_path / "out" / "pairs.csv")}
    assert frozenset({("Council", "1"), ("NHS commissioner", "2")}) in pairs


def test_rejected_rows_and_warnings_are_shown_and_reported(tmp_path, monkeypatch):
    from rich.console import Console

    import joinedup.cli

    monkeypatch.setattr(joinedup.cli, "console", Console(width=250))
    header = "Ref,Action,Intended outcome,By when\n"
    (tmp_path / "council.csv").write_text(
        header + "C1,Stop smoking service,More quits,March 2026\n"
        "C2,,Nothing to do,March 2026\n"
        "C3,Falls classes,Fewer falls,sometime soon\n", encoding="utf-8")
    (tmp_path / "nhs.csv").write_text(header + "N1,Quit support in GP practices,More quits,\n",
                                      encoding="utf-8")
    out = tmp_path / "out"
    result = runner.invoke(app, ["analyse", str(tmp_path / "council.csv"), str(tmp_path / "nhs.csv"),
                                 "--strategy", str(DEMO / "strategy.yaml"), "--out", str(out)])
    assert result.exit_code == 0, result.output
    # The console names the rejected row (row 3 of council.csv: no action text) and the
    # warning on row 4 (a date it could not read), not just their counts.
    assert "Rejected rows" in result.output and "Warnings" in result.output
    assert "council.csv, sheet 'council', row 3, column 'Action'" in result.output
    assert "council.csv, sheet 'council', row 4, column 'By when'" in result.output
    assert "3 actions from 2 plans" in result.output
    assert "1 row rejected, 1 warning." in result.output
    html = (out / "report.html").read_text(encoding="utf-8")
    reading = html[html.index('id="reading"'):]
    assert "3 actions read, 1 row rejected and 1 warning" in " ".join(reading.split())
    # Every column of each file, with what it was read as.
    assert "<li>Ref: Reference</li>" in reading and "<li>By when: Timeline</li>" in reading
    assert "council.csv, sheet &#39;council&#39;, row 3, column &#39;Action&#39;" in reading


def test_a_strategy_given_as_a_list_of_headings_is_enough(tmp_path):
    (tmp_path / "strategy.md").write_text(
        "# Our strategy\n\n## Live well\n- Tobacco\n- Healthy weight\n\n## Age well\n- Falls\n",
        encoding="utf-8")
    header = "Ref,Action\n"
    (tmp_path / "council.csv").write_text(header + "C1,Stop smoking service for adults\n",
                                          encoding="utf-8")
    (tmp_path / "nhs.csv").write_text(header + "N1,Strength and balance classes\n",
                                      encoding="utf-8")
    out = tmp_path / "out"
    result = runner.invoke(app, ["analyse", str(tmp_path / "council.csv"),
                                 str(tmp_path / "nhs.csv"), "--strategy",
                                 str(tmp_path / "strategy.md"), "--out", str(out)])
    assert result.exit_code == 0, result.output
    # Headings numbered 1, 2, 3 in the order written.
    names = {(r["priority_number"], r["priority_name"])
             for r in _rows(out / "priority_suggestions.csv")}
    assert names == {("1", "Tobacco"), ("2", "Healthy weight"), ("3", "Falls")}
    assert "<title>Our strategy:" in (out / "report.html").read_text(encoding="utf-8")
