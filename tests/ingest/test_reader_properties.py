"""Arbitrary cell values never crash the reader, and every problem says where it is."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

import openpyxl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from joinedup.ingest import SYNONYMS, IngestError, read_plan
from joinedup.ingest.records import Location

_HEADERS = [*sorted({s for synonyms in SYNONYMS.values() for s in synonyms}), "Colour", ""]
_printable = st.characters(blacklist_categories=("Cc", "Cs"))
_cells = st.one_of(
    st.none(),
    st.text(_printable, max_size=30),
    st.sampled_from(["31/13/2015", "lots", "Q5 2013/14", "Purple", "£1.2m", "1-3, 9", "TBC",
                     "Mar 2014 - Feb 2013", "Whole county", "EI&P"]),
    st.integers(30000, 40000).map(lambda n: "é" * n),
    st.integers(-10**12, 10**12),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
    st.booleans(),
    st.dates(min_value=dt.date(1900, 3, 1), max_value=dt.date(2100, 1, 1)),
)
_SETTINGS = settings(max_examples=60, deadline=None,
                     suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def _problems_are_located(result, file: str) -> None:
    sheet_level = [w for w in result.warnings if w.location.row is None]
    assert len(sheet_level) <= 1
    for problem in sheet_level:
        # The one warning per sheet on the columns not read names each of them.
        assert problem.location == Location(file, "Plan")
        for header, field in result.sheets[0].columns:
            if field is None:
                assert f"'{header}'" in problem.message
    for problem in [*result.rejected, *result.warnings]:
        location = problem.location
        assert location.file == file
        assert location.sheet == "Plan"
        if problem in sheet_level:
            continue
        assert location.row is not None and location.row >= 2
        assert location.column


@_SETTINGS
@given(
    st.lists(st.sampled_from(_HEADERS), min_size=1, max_size=8),
    st.lists(st.lists(_cells, max_size=9), max_size=8),
)
def test_arbitrary_xlsx_cells_give_records_or_ingest_error(headers, rows):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fuzz.xlsx"
        workbook = openpyxl.Workbook()
        sheet = workbook.active
        sheet.title = "Plan"
        for row in [headers, *rows]:
            sheet.append(row)
        workbook.save(path)
        try:
            result = read_plan(path)
        except IngestError as error:
            assert error.problem.location.file == "fuzz.xlsx"
            return
    _problems_are_located(result, "fuzz.xlsx")
    # Every row below the header row is accounted for. The header may be found
    # below the first row (headers [['#'], rows [['DESCRIPTION']]: only the second
    # row names an action column). Trailing empty rows are not stored in the file.
    header_row = result.sheets[0].header_row
    stored = [i for i, row in enumerate([headers, *rows], start=1)
              if any(v not in (None, "") for v in row)]
    assert result.rows_read == max(0, (stored[-1] if stored else 0) - header_row)


@_SETTINGS
@given(st.text(max_size=400))
def test_arbitrary_csv_text_gives_records_or_ingest_error(text):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "Plan.csv"
        path.write_text("Ref,Action,By when,Budget,Status\n" + text, encoding="utf-8",
                        errors="surrogatepass")
        try:
            result = read_plan(path)
        except IngestError as error:
            assert error.problem.location.file == "Plan.csv"
            return
    _problems_are_located(result, "Plan.csv")


@_SETTINGS
@given(st.binary(max_size=2000), st.sampled_from([".xlsx", ".xls", ".ods", ".csv"]))
def test_arbitrary_bytes_give_records_or_ingest_error(data, suffix):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"junk{suffix}"
        path.write_bytes(data)
        try:
            read_plan(path)
        except IngestError as error:
            assert error.problem.location.file == f"junk{suffix}"


_any_cell = st.one_of(st.text(max_size=300), st.integers(), st.floats(), st.none(), st.booleans(),
                      st.dates(), st.datetimes())


@settings(max_examples=300, deadline=None)
@given(_any_cell)
def test_value_parsers_never_raise(value):
    from joinedup.ingest.categories import CategoryMatcher
    from joinedup.ingest.dates import parse_period
    from joinedup.ingest.lists import parse_numbers
    from joinedup.ingest.money import parse_money, parse_resourcing
    from joinedup.ingest.places import parse_places
    from joinedup.ingest.population import parse_population_groups
    from joinedup.ingest.status import parse_status

    period = parse_period(value)
    assert period is None or period[0] <= period[1]
    parse_money(value)
    parse_resourcing(value)
    numbers, _ = parse_numbers(value)
    assert all(n > 0 for n in numbers)
    parse_places(value)
    parse_population_groups(value)
    assert parse_status(value) in (None, "not_started", "on_track", "at_risk", "off_track",
                                   "complete", "stopped")
    CategoryMatcher().match(value)
