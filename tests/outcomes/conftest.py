"""Small indicator files written in each test's tmp_path."""

from __future__ import annotations

import pytest

HEADER = (
    "Indicator ID,Indicator Name,Parent Code,Parent Name,Area Code,Area Name,Area Type,Sex,Age,"
    "Category Type,Category,Time period,Value,Lower CI 95.0 limit,Upper CI 95.0 limit,"
    "Lower CI 99.8 limit,Upper CI 99.8 limit,Count,Denominator,Value note\n"
)
SMOKING = "Smoking prevalence"


def row(area: str, name: str, period: str, value: str, lower: str = "", upper: str = "",
        parent: str = "E92000001", indicator: str = SMOKING) -> str:
    return (f"92443,{indicator},{parent},,{area},{name},County,Persons,18+ yrs,,,{period},{value},"
            f"{lower},{upper},,,,,")


@pytest.fixture
def write_fingertips(tmp_path):
    def write(*rows: str, name: str = "export.csv"):
        path = tmp_path / name
        path.write_text(HEADER + "".join(r + "\n" for r in rows), encoding="utf-8")
        return path
    return write
