"""The demo landscape, and the `joinedup landscape` commands."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from joinedup.accounts.scope import Scope
from joinedup.cli import app
from joinedup.landscape.demo import load_demo_landscape
from joinedup.landscape.figures import boundaries_for, landscape_for

DEMO = Path(__file__).resolve().parents[2] / "demo"


@pytest.fixture
def demo(world):
    load_demo_landscape(world.board, DEMO)
    return Scope.system(world.board)


def test_demo_has_at_least_eight_bodies_with_overlapping_memberships(demo):
    figures = landscape_for(demo)
    assert len(figures.bodies) >= 8
    assert any(r.overlap.membership >= 0.5 for r in figures.overlaps)


def test_demo_shows_two_kinds_of_non_coterminous_boundary(demo):
    report = boundaries_for(demo)
    crossing = {frozenset((a.name, b.name)) for a, b, _ in report.crossing}
    beyond = {m.organisation.name for f in report.footprints for m in f.beyond}
    # Ashcombe is split between two GP consortia; the CCG also covers two Harrowden wards
    assert frozenset(("Weald Valley GP Federation", "Ashcombe District Council")) in crossing
    assert any(name.startswith("NHS Wealdbridge Clinical Commissioning Group") for name in beyond)


def test_demo_round_has_answers_from_several_sectors(demo):
    from joinedup.assessment.results import results_for

    results = results_for(demo, demo.assessment_rounds().get())
    assert {"Council", "NHS", "Voluntary sector"} <= set(results.respondents)
    assert any(e.sectors_disagree for e in results.elements)


def test_loading_the_demo_twice_keeps_one_round(world, demo):
    load_demo_landscape(world.board, DEMO)
    assert demo.assessment_rounds().count() == 1


def test_cli_imports_areas_and_landscape_then_exports_json(world, tmp_path, areas_csv):
    import yaml
    from tests.landscape.conftest import landscape_file

    file = tmp_path / "landscape.yaml"
    file.write_text(yaml.safe_dump(landscape_file(world)), encoding="utf-8")
    runner = CliRunner()
    name = ["--partnership", world.board.name]
    assert runner.invoke(app, ["landscape", "import-areas", str(areas_csv), *name]).exit_code == 0
    loaded = runner.invoke(app, ["landscape", "import", str(file), *name])
    assert loaded.exit_code == 0, loaded.output
    out = tmp_path / "out.json"
    exported = runner.invoke(app, ["landscape", "export", *name, "--out", str(out)])
    assert exported.exit_code == 0, exported.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert {b["name"]: b["people_hours_per_year"] for b in data["bodies"]} == {
        "Board": 120, "Falls group": 30, "Carers network": 96}
    assert {c["kind"] for c in data["coterminosity"]} == {"member beyond body's area",
                                                          "crossing boundaries"}


def test_cli_export_writes_a_workbook_for_xlsx(world, landscape, tmp_path):
    out = tmp_path / "landscape.xlsx"
    result = CliRunner().invoke(app, ["landscape", "export", "--partnership", world.board.name,
                                      "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_bytes()[:2] == b"PK"


def test_cli_refuses_an_export_of_another_type(world, tmp_path):
    result = CliRunner().invoke(app, ["landscape", "export", "--out", str(tmp_path / "x.pdf")])
    assert result.exit_code == 1
