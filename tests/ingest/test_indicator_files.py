"""Reading Fingertips exports, the joinedup template and area lookups (no database)."""

from __future__ import annotations

import datetime as dt

import pytest

from joinedup.ingest.indicator_files import (
    IndicatorFileError,
    parse_period,
    read_area_file,
    read_indicator_file,
)

FINGERTIPS_HEADER = (
    "Indicator ID,Indicator Name,Parent Code,Parent Name,Area Code,Area Name,Area Type,Sex,Age,"
    "Category Type,Category,Time period,Value,Lower CI 95.0 limit,Upper CI 95.0 limit,"
    "Lower CI 99.8 limit,Upper CI 99.8 limit,Count,Denominator,Value note,Recent Trend\n"
)


def fingertips(tmp_path, *rows: str):
    path = tmp_path / "export.csv"
    path.write_text(FINGERTIPS_HEADER + "".join(r + "\n" for r in rows), encoding="utf-8")
    return path


GOOD = ("92443,Smoking prevalence,E92000001,England,E10099001,Wealdbridge,County,Persons,18+ yrs,,,"
        "2019-21,16.0,15.8,16.2,15.7,16.3,\"26,188\",163591,,")


def test_fingertips_row_is_read_with_its_interval_count_and_period_dates(tmp_path):
    result = read_indicator_file(fingertips(tmp_path, GOOD))
    assert result.format == "fingertips" and result.problems == ()
    (row,) = result.rows
    assert (row.indicator_id, row.area_code, row.parent_code, row.period) == (
        92443, "E10099001", "E92000001", "2019-21")
    assert (row.value, row.lower, row.upper, row.lower_998, row.upper_998) == (16.0, 15.8, 16.2, 15.7, 16.3)
    assert (row.count, row.denominator) == (26188.0, 163591.0)
    assert (row.period_start, row.period_end) == (dt.date(2019, 1, 1), dt.date(2021, 12, 31))


def test_text_in_value_column_is_rejected_with_row_and_column(tmp_path):
    bad = GOOD.replace(",16.0,15.8", ",abc,15.8")
    result = read_indicator_file(fingertips(tmp_path, GOOD, GOOD, GOOD, bad))
    assert len(result.rows) == 3
    (problem,) = result.problems
    assert str(problem) == "export.csv, row 5, column 'Value': expected a number"
    assert problem.value == "abc"


def test_bad_area_code_is_rejected(tmp_path):
    result = read_indicator_file(fingertips(tmp_path, GOOD.replace("E10099001", "WB1")))
    assert result.rows == ()
    assert "column 'Area Code': expected an area code" in str(result.problems[0])


def test_empty_value_is_kept_as_missing_with_its_note(tmp_path):
    row = ("92443,Smoking prevalence,E10099001,Wealdbridge,E05099001,Northmere Town,Ward,Persons,"
           "18+ yrs,,,2021,,,,,,3,40,*Suppressed,")
    result = read_indicator_file(fingertips(tmp_path, row))
    assert result.problems == ()
    assert result.rows[0].value is None and result.rows[0].note == "*Suppressed"


def test_breakdown_rows_with_a_category_are_skipped_not_rejected(tmp_path):
    breakdown = GOOD.replace("18+ yrs,,,", "18+ yrs,IMD deciles,Most deprived decile,")
    result = read_indicator_file(fingertips(tmp_path, GOOD, breakdown))
    assert (len(result.rows), result.skipped, result.problems) == (1, 1, ())


def test_template_file_is_recognised_by_its_columns(tmp_path):
    path = tmp_path / "ours.csv"
    path.write_text("indicator,area_code,area_name,period,value,lower,upper,count,denominator\n"
                    "Falls admissions,E05099001,Northmere Town,2022/23,2010.5,1800,2230,41,2039\n")
    result = read_indicator_file(path)
    assert result.format == "template"
    row = result.rows[0]
    assert (row.indicator, row.value, row.sex, row.age) == ("Falls admissions", 2010.5, "Persons", "All ages")
    assert (row.period_start, row.period_end) == (dt.date(2022, 4, 1), dt.date(2023, 3, 31))


def test_unknown_columns_fail_the_whole_file(tmp_path):
    path = tmp_path / "other.csv"
    path.write_text("a,b\n1,2\n")
    with pytest.raises(IndicatorFileError, match="expected a Fingertips export"):
        read_indicator_file(path)


def test_file_not_in_utf8_fails_the_whole_file(tmp_path):
    path = tmp_path / "latin.csv"
    path.write_bytes(FINGERTIPS_HEADER.encode() + "Caf\xe9".encode("latin-1"))
    with pytest.raises(IndicatorFileError, match="UTF-8"):
        read_indicator_file(path)


@pytest.mark.parametrize(("label", "start", "end"), [
    ("2021", dt.date(2021, 1, 1), dt.date(2021, 12, 31)),
    ("2019-21", dt.date(2019, 1, 1), dt.date(2021, 12, 31)),
    ("2019/20", dt.date(2019, 4, 1), dt.date(2020, 3, 31)),
    ("2018/19 - 20/21", dt.date(2018, 4, 1), dt.date(2021, 3, 31)),
    ("2099/00", dt.date(2099, 4, 1), dt.date(2100, 3, 31)),
    ("Q3 somewhen", None, None),
])
def test_period_labels_become_dates(label, start, end):
    assert parse_period(label) == (start, end)


def test_area_lookup_rejects_a_quintile_outside_one_to_five(tmp_path):
    path = tmp_path / "areas.csv"
    path.write_text("code,name,parent_code,parent_name,population,deprivation_quintile\n"
                    "E05099001,Northmere Town,E07099001,Northmere,10480,2\n"
                    "E05099002,Northmere Abbey,E07099001,Northmere,8920,7\n")
    result = read_area_file(path)
    assert [r.code for r in result.rows] == ["E05099001"]
    assert result.rows[0].population == 10480
    assert str(result.problems[0]) == (
        "areas.csv, row 3, column 'deprivation_quintile': expected a whole number from 1 to 5")
