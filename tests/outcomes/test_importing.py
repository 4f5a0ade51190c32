"""Storing indicator files: good rows stored, bad rows reported, re-import updates,
bad file stores nothing.
"""

from __future__ import annotations

import pytest
from tests.outcomes.conftest import SMOKING, row

from joinedup.accounts.scope import Scope
from joinedup.outcomes.importing import IndicatorFileError, import_area_file, import_indicator_file
from joinedup.outcomes.models import Area, IndicatorDefinition, IndicatorValue

ROWS = (
    row("E92000001", "England", "2021", "13.0", "12.9", "13.1", parent=""),
    row("E10099001", "Wealdbridge", "2021", "16.0", "15.8", "16.2"),
    row("E10099001", "Wealdbridge", "2022", "15.1", "14.9", "15.3"),
)


def test_good_rows_are_stored_and_the_bad_row_is_reported(world, write_fingertips):
    bad = row("E10099001", "Wealdbridge", "2023", "abc")
    report = import_indicator_file(world.board, write_fingertips(*ROWS, bad))
    assert (report.created, report.updated) == (3, 0)
    assert [str(p) for p in report.problems] == ["export.csv, row 5, column 'Value': expected a number"]
    values = IndicatorValue.objects.filter(area__code="E10099001").order_by("period")
    assert [(v.period, v.value, v.lower_ci, v.upper_ci) for v in values] == [
        ("2021", 16.0, 15.8, 16.2), ("2022", 15.1, 14.9, 15.3)]


def test_areas_and_their_parent_are_created_from_the_file(world, write_fingertips):
    import_indicator_file(world.board, write_fingertips(*ROWS))
    county = Area.objects.get(partnership=world.board, code="E10099001")
    assert county.parent.code == "E92000001"
    indicator = IndicatorDefinition.objects.get(partnership=world.board)
    assert (indicator.name, indicator.fingertips_id) == (SMOKING, 92443)


def test_reimport_updates_matched_values_without_duplicates(world, write_fingertips):
    import_indicator_file(world.board, write_fingertips(*ROWS))
    revised = row("E10099001", "Wealdbridge", "2022", "15.4", "15.2", "15.6")
    report = import_indicator_file(world.board, write_fingertips(*ROWS[:2], revised))
    assert (report.created, report.updated) == (0, 3)
    assert IndicatorValue.objects.count() == 3
    assert IndicatorValue.objects.get(area__code="E10099001", period="2022").value == 15.4


def test_file_level_failure_changes_nothing(world, write_fingertips, tmp_path):
    import_indicator_file(world.board, write_fingertips(*ROWS))
    broken = tmp_path / "broken.csv"
    broken.write_text("Area,Number\nE10099001,3\n")
    with pytest.raises(IndicatorFileError, match="expected a Fingertips export"):
        import_indicator_file(world.board, broken)
    assert IndicatorValue.objects.count() == 3
    assert list(IndicatorValue.objects.values_list("value", flat=True).order_by("id")) == [13.0, 16.0, 15.1]


def test_values_of_one_partnership_are_invisible_to_another(world, write_fingertips):
    import_indicator_file(world.board, write_fingertips(*ROWS))
    assert Scope.system(world.other_board).indicator_values().count() == 0
    assert Scope.system(world.board).indicator_values().count() == 3


def test_area_lookup_sets_parent_population_and_quintile(world, tmp_path):
    path = tmp_path / "areas.csv"
    path.write_text("code,name,parent_code,parent_name,population,deprivation_quintile\n"
                    "E05099001,Northmere Town,E10099001,Wealdbridge,10480,2\n"
                    "E05099002,Bad Ward,E10099001,Wealdbridge,lots,3\n")
    stored, problems = import_area_file(world.board, path)
    assert stored == 1
    assert str(problems[0]) == "areas.csv, row 3, column 'population': expected a whole number"
    ward = Area.objects.get(code="E05099001")
    assert (ward.parent.code, ward.population, ward.deprivation_quintile) == ("E10099001", 10480, 2)
