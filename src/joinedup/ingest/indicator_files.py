"""Read indicator data files: Fingertips-style CSV, our own template, and area lookups.

Pure Python (no Django). A file-level failure (unreadable, not CSV, required
columns missing) raises `IndicatorFileError` and nothing should be stored. A
row that cannot be a value is rejected with a `Problem` naming its file, row
and column and what was expected; the good rows are returned for storing.

Row numbers count the header as row 1, as a spreadsheet shows them.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from joinedup.ingest.records import Location, Problem

AREA_CODE = re.compile(r"^[EWSN]\d{8}$")

FINGERTIPS_REQUIRED = ("Indicator Name", "Area Code", "Area Name", "Time period", "Value")
TEMPLATE_REQUIRED = ("indicator", "area_code", "area_name", "period", "value")
AREA_REQUIRED = ("code", "name")

FINGERTIPS_COLUMNS = {
    "indicator_id": "Indicator ID", "indicator": "Indicator Name", "parent_code": "Parent Code",
    "parent_name": "Parent Name", "area_code": "Area Code", "area_name": "Area Name",
    "area_type": "Area Type", "sex": "Sex", "age": "Age", "category_type": "Category Type",
    "period": "Time period", "value": "Value", "lower": "Lower CI 95.0 limit",
    "upper": "Upper CI 95.0 limit", "lower_998": "Lower CI 99.8 limit",
    "upper_998": "Upper CI 99.8 limit", "count": "Count", "denominator": "Denominator",
    "note": "Value note",
}
"""Our field -> the Fingertips column it is read from."""

TEMPLATE_COLUMNS = {
    "indicator": "indicator", "area_code": "area_code", "area_name": "area_name",
    "area_type": "area_type", "parent_code": "parent_code", "sex": "sex", "age": "age",
    "period": "period", "value": "value", "lower": "lower", "upper": "upper",
    "lower_998": "lower_998", "upper_998": "upper_998", "count": "count",
    "denominator": "denominator", "note": "note",
}

NUMBER_FIELDS = ("value", "lower", "upper", "lower_998", "upper_998", "count", "denominator")


class IndicatorFileError(Exception):
    """The whole file cannot be read; nothing in it should be stored."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


@dataclass(frozen=True)
class IndicatorRow:
    """One value of one indicator for one area, period, sex and age."""

    indicator: str
    area_code: str
    area_name: str
    period: str
    value: float | None
    indicator_id: int | None = None
    area_type: str = ""
    parent_code: str = ""
    parent_name: str = ""
    sex: str = "Persons"
    age: str = "All ages"
    period_start: dt.date | None = None
    period_end: dt.date | None = None
    lower: float | None = None
    upper: float | None = None
    lower_998: float | None = None
    upper_998: float | None = None
    count: float | None = None
    denominator: float | None = None
    note: str = ""
    location: Location | None = None


@dataclass(frozen=True)
class AreaRow:
    code: str
    name: str
    parent_code: str = ""
    parent_name: str = ""
    population: int | None = None
    deprivation_quintile: int | None = None
    location: Location | None = None


@dataclass(frozen=True)
class IndicatorFile:
    """What a file held: its format, the good rows, the rejections and how many rows were skipped."""

    format: str
    rows: tuple[IndicatorRow, ...]
    problems: tuple[Problem, ...]
    skipped: int = 0


@dataclass(frozen=True)
class AreaFile:
    rows: tuple[AreaRow, ...]
    problems: tuple[Problem, ...]


def read_indicator_file(path: Path | str, name: str | None = None) -> IndicatorFile:
    """Read a Fingertips-style CSV or our template (told apart by their headers)."""
    label = name or Path(path).name
    header, rows = _read_csv(Path(path), label)
    if all(column in header for column in FINGERTIPS_REQUIRED):
        return _read_values(label, rows, FINGERTIPS_COLUMNS, "fingertips")
    if all(column in header for column in TEMPLATE_REQUIRED):
        return _read_values(label, rows, TEMPLATE_COLUMNS, "template")
    raise IndicatorFileError(Problem(
        Location(label, row=1),
        "expected a Fingertips export (columns " + ", ".join(FINGERTIPS_REQUIRED)
        + ") or the joinedup indicator template (columns " + ", ".join(TEMPLATE_REQUIRED)
        + "); see docs/indicator-template.md",
    ))


def read_area_file(path: Path | str, name: str | None = None) -> AreaFile:
    """Read an area lookup: code, name, parent_code, parent_name, population, deprivation_quintile."""
    label = name or Path(path).name
    header, rows = _read_csv(Path(path), label)
    missing = [column for column in AREA_REQUIRED if column not in header]
    if missing:
        raise IndicatorFileError(Problem(
            Location(label, row=1),
            f"an area lookup needs the columns {', '.join(AREA_REQUIRED)}; missing: {', '.join(missing)}",
        ))
    good: list[AreaRow] = []
    problems: list[Problem] = []
    for number, row in rows:
        cell = _Cells(label, number, row)
        code = cell.code("code")
        area_name = cell.required("name")
        population = cell.whole("population")
        quintile = cell.whole("deprivation_quintile", 1, 5)
        if cell.problems:
            problems.extend(cell.problems)
            continue
        parent = cell.text("parent_code")
        if parent and not AREA_CODE.match(parent):
            problems.append(cell.problem("parent_code", "expected an area code such as E05099001", parent))
            continue
        good.append(AreaRow(code, area_name, parent, cell.text("parent_name"), population, quintile,
                            Location(label, row=number)))
    return AreaFile(tuple(good), tuple(problems))


def parse_period(label: str) -> tuple[dt.date | None, dt.date | None]:
    """Start and end dates of a period label; (None, None) for a label we do not recognise.

    "2021" is a calendar year; "2019-21" the calendar years 2019 to 2021;
    "2019/20" the financial year 1 April 2019 to 31 March 2020; "2018/19 - 20/21"
    the financial years 2018/19 to 2020/21.
    """
    text = label.strip()
    if m := re.fullmatch(r"(\d{4})", text):
        year = int(m[1])
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    if m := re.fullmatch(r"(\d{4})\s*-\s*(\d{2}|\d{4})", text):
        start = int(m[1])
        return dt.date(start, 1, 1), dt.date(_full_year(start, m[2]), 12, 31)
    if m := re.fullmatch(r"(\d{4})/(\d{2})", text):
        start = int(m[1])
        return dt.date(start, 4, 1), dt.date(_full_year(start, m[2]), 3, 31)
    if m := re.fullmatch(r"(\d{4})/\d{2}\s*-\s*(\d{2})/(\d{2})", text):
        start = int(m[1])
        return dt.date(start, 4, 1), dt.date(_full_year(start, m[3]), 3, 31)
    return None, None


def _full_year(start: int, short: str) -> int:
    if len(short) == 4:
        return int(short)
    year = start - start % 100 + int(short)
    return year + 100 if year < start else year


def _read_csv(path: Path, label: str) -> tuple[list[str], list[tuple[int, dict[str, str]]]]:
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as error:
        raise _file_error(label, f"cannot read the file ({error.strerror})") from None
    except UnicodeDecodeError:
        raise _file_error(label, "expected a CSV file saved as UTF-8") from None
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [cell.strip() for cell in next(reader)]
        rows = [
            (number, dict(zip(header, (cell.strip() for cell in cells), strict=False)))
            for number, cells in enumerate(reader, start=2)
            if any(cell.strip() for cell in cells)
        ]
    except StopIteration:
        raise _file_error(label, "the file is empty; expected a header row") from None
    except csv.Error as error:
        raise _file_error(label, f"not valid CSV ({error})", reader.line_num) from None
    return header, rows


def _file_error(label: str, message: str, row: int | None = None) -> IndicatorFileError:
    return IndicatorFileError(Problem(Location(label, row=row), message))


def _read_values(label: str, rows: list[tuple[int, dict[str, str]]], columns: dict[str, str],
                 kind: str) -> IndicatorFile:
    good: list[IndicatorRow] = []
    problems: list[Problem] = []
    skipped = 0
    for number, row in rows:
        cell = _Cells(label, number, {field: row.get(column, "") for field, column in columns.items()},
                      columns)
        if cell.text("category_type"):
            skipped += 1  # a breakdown by deprivation or ethnicity: not an area's own value
            continue
        parsed = _value_row(cell, label, number)
        if cell.problems:
            problems.extend(cell.problems)
        else:
            good.append(parsed)
    return IndicatorFile(kind, tuple(good), tuple(problems), skipped)


def _value_row(cell: _Cells, label: str, number: int) -> IndicatorRow:
    numbers = {field: cell.number(field) for field in NUMBER_FIELDS}
    period = cell.required("period")
    start, end = parse_period(period)
    indicator_id = cell.whole("indicator_id")
    parent = cell.text("parent_code")
    return IndicatorRow(
        indicator=cell.required("indicator"), area_code=cell.code("area_code"),
        area_name=cell.required("area_name"), period=period, indicator_id=indicator_id,
        area_type=cell.text("area_type"), parent_code=parent if AREA_CODE.match(parent) else "",
        parent_name=cell.text("parent_name"), sex=cell.text("sex") or "Persons",
        age=cell.text("age") or "All ages", period_start=start, period_end=end,
        note=cell.text("note"), location=Location(label, row=number), **numbers,
    )


class _Cells:
    """One row's cells by field, collecting a Problem for each cell that is not what is expected."""

    def __init__(self, label: str, number: int, row: dict[str, str],
                 columns: dict[str, str] | None = None) -> None:
        self.label, self.row_number, self.row = label, number, row
        self.columns = columns or {}
        self.problems: list[Problem] = []

    def problem(self, field: str, message: str, value: str | None = None) -> Problem:
        location = Location(self.label, row=self.row_number, column=self.columns.get(field, field))
        return Problem(location, message, value)

    def text(self, field: str) -> str:
        return self.row.get(field, "") or ""

    def required(self, field: str) -> str:
        value = self.text(field)
        if not value:
            self.problems.append(self.problem(field, "expected a value, found an empty cell"))
        return value

    def code(self, field: str) -> str:
        value = self.required(field)
        if value and not AREA_CODE.match(value):
            self.problems.append(self.problem(
                field, "expected an area code: E, W, S or N and eight digits, such as E05099001", value))
        return value

    def number(self, field: str) -> float | None:
        return self._convert(field, _to_float, "expected a number")

    def whole(self, field: str, low: int | None = None, high: int | None = None) -> int | None:
        expected = f"expected a whole number from {low} to {high}" if low is not None else \
            "expected a whole number"
        value = self._convert(field, _to_int, expected)
        if value is not None and low is not None and not (low <= value <= (high or value)):
            self.problems.append(self.problem(field, expected, self.text(field)))
            return None
        return value

    def _convert(self, field: str, convert: Callable[[str], float | int], expected: str):
        raw = self.text(field).replace(",", "")
        if raw == "":
            return None
        try:
            return convert(raw)
        except ValueError:
            self.problems.append(self.problem(field, expected, self.text(field)))
            return None


def _to_float(raw: str) -> float:
    value = float(raw)
    if value != value or value in (float("inf"), float("-inf")):
        raise ValueError(raw)
    return value


def _to_int(raw: str) -> int:
    value = float(raw)
    if not value.is_integer():
        raise ValueError(raw)
    return int(value)
