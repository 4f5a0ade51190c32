"""Store indicator and area files read by `joinedup.ingest.indicator_files`.

Like plan imports: rows that cannot be values are rejected and reported, the
good rows are stored together in one transaction, and a file-level failure
stores nothing. Re-importing updates the value matched on (indicator, area,
period, sex, age), so a file loaded twice leaves no duplicates.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction

from joinedup.ingest.indicator_files import (
    AreaRow,
    IndicatorFileError,
    IndicatorRow,
    read_area_file,
    read_indicator_file,
)
from joinedup.ingest.records import Problem
from joinedup.outcomes.models import Area, IndicatorDefinition, IndicatorValue
from joinedup.partners.models import Partnership

VALUE_FIELDS = ("period_start", "period_end", "value", "lower_ci", "upper_ci", "lower_ci_998",
                "upper_ci_998", "count", "denominator", "note")


@dataclass
class IndicatorImportReport:
    file: str
    format: str = ""
    created: int = 0
    updated: int = 0
    skipped: int = 0
    indicators: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def import_indicator_file(partnership: Partnership, path: Path | str,
                          name: str | None = None) -> IndicatorImportReport:
    """Read and store one indicator file; raises IndicatorFileError (nothing stored) for a bad file."""
    parsed = read_indicator_file(path, name)
    report = IndicatorImportReport(file=name or Path(path).name, format=parsed.format,
                                   skipped=parsed.skipped, problems=list(parsed.problems))
    with transaction.atomic():
        indicators: dict[str, IndicatorDefinition] = {}
        areas = _AreaBook(partnership)
        for row in parsed.rows:
            indicator = indicators.get(row.indicator) or _indicator(partnership, row)
            indicators[row.indicator] = indicator
            _, created = IndicatorValue.objects.update_or_create(
                indicator=indicator, area=areas.get(row), period=row.period, sex=row.sex,
                age=row.age, defaults=_value_fields(row),
            )
            report.created += created
            report.updated += not created
    report.indicators = sorted(indicators)
    return report


def import_area_file(partnership: Partnership, path: Path | str,
                     name: str | None = None) -> tuple[int, list[Problem]]:
    """Store an area lookup (code, name, parent, population, deprivation quintile).

    Returns the number of areas stored and the rejected rows.
    """
    parsed = read_area_file(path, name)
    with transaction.atomic():
        book = _AreaBook(partnership)
        for row in parsed.rows:
            book.store_lookup(row)
    return len(parsed.rows), list(parsed.problems)


def _indicator(partnership: Partnership, row: IndicatorRow) -> IndicatorDefinition:
    indicator, _ = IndicatorDefinition.objects.get_or_create(
        partnership=partnership, name=row.indicator,
        defaults={"fingertips_id": row.indicator_id,
                  "source": "Fingertips" if row.indicator_id else ""},
    )
    if row.indicator_id and indicator.fingertips_id != row.indicator_id:
        indicator.fingertips_id = row.indicator_id
        indicator.save(update_fields=["fingertips_id"])
    return indicator


def _value_fields(row: IndicatorRow) -> dict:
    return {
        "period_start": row.period_start, "period_end": row.period_end, "value": row.value,
        "lower_ci": row.lower, "upper_ci": row.upper, "lower_ci_998": row.lower_998,
        "upper_ci_998": row.upper_998, "count": row.count, "denominator": row.denominator,
        "note": row.note[:300],
    }


class _AreaBook:
    """The partnership's areas by code, created as files name them."""

    def __init__(self, partnership: Partnership) -> None:
        self.partnership = partnership
        self.by_code = {area.code: area for area in Area.objects.filter(partnership=partnership)}

    def ensure(self, code: str, name: str, area_type: str = "") -> Area:
        area = self.by_code.get(code)
        if area is None:
            area = Area.objects.create(partnership=self.partnership, code=code, name=name,
                                       area_type=area_type)
            self.by_code[code] = area
        elif area_type and not area.area_type:
            area.area_type = area_type
            area.save(update_fields=["area_type"])
        return area

    def get(self, row: IndicatorRow) -> Area:
        area = self.ensure(row.area_code, row.area_name, row.area_type)
        if row.parent_code and area.parent_id is None and row.parent_code != row.area_code:
            area.parent = self.ensure(row.parent_code, row.parent_name or row.parent_code)
            area.save(update_fields=["parent"])
        return area

    def store_lookup(self, row: AreaRow) -> None:
        area = self.ensure(row.code, row.name)
        area.name = row.name
        if row.parent_code and row.parent_code != row.code:
            area.parent = self.ensure(row.parent_code, row.parent_name or row.parent_code)
        if row.population is not None:
            area.population = row.population
        if row.deprivation_quintile is not None:
            area.deprivation_quintile = row.deprivation_quintile
        area.save()


__all__ = ["IndicatorFileError", "IndicatorImportReport", "import_area_file", "import_indicator_file"]
