"""Saving answers and scoring a round from the database, on a hand-worked case."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from tests.assessment.conftest import statements

from joinedup.accounts.scope import Scope
from joinedup.assessment import services
from joinedup.assessment.results import results_for, to_csv


def answer(world, user, assessment_round, template, values):
    scope = Scope.for_user(user, world.board)
    scores = {s.pk: v for s, v in zip(statements(template), values, strict=True)}
    return services.save_response(scope, user, assessment_round, scores)


@pytest.fixture
def answered(world, template, open_round):
    answer(world, world.admin, open_round, template, [5, 4, 4])  # council
    answer(world, world.viewer, open_round, template, [3, 2, 3])  # NHS
    answer(world, world.own_viewer, open_round, template, [1, 2, 3])  # voluntary sector
    return open_round


def test_element_means_and_sector_gap_from_stored_answers(world, answered):
    leadership, learning = results_for(Scope.system(world.board), answered).elements
    # Leadership: council 5,4 (4.5); NHS 3,2 (2.5); voluntary 1,2 (1.5); mean 17/6
    assert leadership.mean == pytest.approx(17 / 6)
    assert leadership.sector_gap == pytest.approx(3.0)
    assert leadership.sectors_disagree
    # Learning: 4, 3, 3 -> mean 10/3 ; gap 4 - 3 = 1 (not above one point)
    assert learning.mean == pytest.approx(10 / 3)
    assert not learning.sectors_disagree


def test_answering_again_replaces_the_earlier_answers(world, template, answered):
    answer(world, world.admin, answered, template, [1, 1, 1])
    leadership = results_for(Scope.system(world.board), answered).elements[0]
    # council now 1,1: all six leadership scores 1,1,3,2,1,2 -> mean 10/6
    assert leadership.count == 6
    assert leadership.mean == pytest.approx(10 / 6)


def test_a_missing_answer_is_refused(world, template, open_round):
    first = statements(template)[0]
    with pytest.raises(ValidationError):
        services.save_response(Scope.for_user(world.admin, world.board), world.admin,
                               open_round, {first.pk: 3})


def test_a_closed_round_takes_no_answers(world, template, open_round):
    services.close_round(Scope.system(world.board), open_round, dt.date.today())
    with pytest.raises(ValidationError):
        answer(world, world.admin, open_round, template, [3, 3, 3])


def test_only_administrators_open_rounds(world, template):
    with pytest.raises(PermissionDenied):
        services.open_round(Scope.for_user(world.editor, world.board), template, "Sneaky")


def test_change_since_the_previous_round_of_the_same_questionnaire(world, template, answered):
    services.close_round(Scope.system(world.board), answered, dt.date.today())
    later = services.open_round(Scope.system(world.board), template, "Autumn round")
    answer(world, world.admin, later, template, [5, 5, 5])
    results = results_for(Scope.system(world.board), later)
    # Leadership 5.0 now against 17/6 before -> +13/6 ; Learning 5 - 10/3 = +5/3
    assert results.previous == answered
    assert results.change["Leadership"] == pytest.approx(13 / 6)
    assert results.change["Learning"] == pytest.approx(5 / 3)


def test_csv_has_one_row_per_element_with_the_mean(world, answered):
    lines = to_csv(results_for(Scope.system(world.board), answered)).splitlines()
    assert lines[0].startswith("Element,Answers,1s,2s,3s,4s,5s,Mean")
    # Leadership: 6 answers; 1s,2s,3s,4s,5s = 1,2,1,1,1 ; mean 2.83
    assert lines[1].startswith("Leadership,6,1,2,1,1,1,2.83,")


def test_default_templates_cover_the_six_elements_and_a_maturity_matrix(world):
    six, maturity = services.ensure_default_templates(world.board)
    assert [e.name for e in six.elements.all()] == ["Leadership", "Organisation", "Strategy",
                                                   "Learning", "Resources", "Programmes"]
    assert all(4 <= e.statements.count() <= 6 for e in six.elements.all())
    assert all(len(e.levels) == 5 for e in maturity.elements.all())


def test_cli_writes_a_rounds_results_as_csv(world, answered, tmp_path):
    from typer.testing import CliRunner

    from joinedup.cli import app

    out = tmp_path / "results.csv"
    result = CliRunner().invoke(app, ["assessment", "results", str(answered.pk), "--out", str(out)])
    assert result.exit_code == 0, result.output
    # Learning: answers 4, 3, 3 -> one 4 and two 3s, mean 3.33
    assert out.read_text(encoding="utf-8").splitlines()[2].startswith("Learning,3,0,0,2,1,0,3.33,")


def test_cli_refuses_an_unknown_round(world, tmp_path):
    from typer.testing import CliRunner

    from joinedup.cli import app

    result = CliRunner().invoke(app, ["assessment", "results", "999", "--out",
                                      str(tmp_path / "r.csv")])
    assert result.exit_code == 1
