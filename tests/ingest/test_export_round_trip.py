"""write_actions_xlsx -> read_plan gives back records equal to the originals."""

from __future__ import annotations

import datetime as dt
import tempfile
from decimal import Decimal
from pathlib import Path

import openpyxl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from joinedup.ingest import (
    CANONICAL_HEADERS,
    DEFAULT_CATEGORIES,
    FIELDS,
    POPULATION_GROUPS,
    STATUSES,
    ActionRecord,
    Milestone,
    read_plan,
    write_actions_xlsx,
)
from joinedup.ingest.dates import parse_period
from joinedup.ingest.headers import match_header
from joinedup.ingest.money import parse_money

_ALPHABET = st.sampled_from([
    *"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,!?'()&£%",
    "é", "ñ", "ü", "ø", "Ł", "中", "文", "ا", "😀",
])
_text = st.text(_ALPHABET, max_size=40).map(str.strip)
_line = _text.filter(bool)
_long_text = st.lists(_text, max_size=3).map(lambda lines: "\n".join(lines).strip())
_dates = st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2099, 12, 31))
_not_a_date = _text.filter(lambda t: parse_period(t) is None)
_amount = st.decimals(min_value=0, max_value=10**9, places=2)
_ons = st.from_regex(r"\A[EWSN]\d{8}\Z")


def _subset(options):
    return st.lists(st.sampled_from(list(options)), unique=True).map(
        lambda chosen: tuple(o for o in options if o in chosen))


@st.composite
def _dated(draw):
    """(date, text) as the reader produces them: a date, or text that is not a date."""
    if draw(st.booleans()):
        return draw(_dates), ""
    return None, draw(_not_a_date)


@st.composite
def action_records(draw) -> ActionRecord:
    amount = draw(st.none() | _amount)
    amount_text = "" if amount is not None else draw(
        _text.filter(lambda t: parse_money(t) is None))
    start_date, start_text = draw(_dated())
    end_date, end_text = draw(_dated())
    milestone = st.builds(Milestone, st.none() | _dates, _line)
    return ActionRecord(
        title=draw(_line),
        partner=draw(_text),
        reference=draw(_text),
        description=draw(_long_text),
        intended_outcome=draw(_long_text),
        lead_name=draw(_text),
        lead_role=draw(_text),
        resource_amount=amount,
        resource_amount_text=amount_text,
        resource_staff_time=draw(_text),
        resource_funding_source=draw(_text),
        resource_notes=draw(_long_text),
        outcome_measures=draw(_long_text),
        start_date=start_date,
        start_text=start_text,
        end_date=end_date,
        end_text=end_text,
        milestones=tuple(draw(st.lists(milestone, max_size=3))),
        barriers=draw(_long_text),
        barriers_mitigation=draw(_long_text),
        status=draw(st.sampled_from(("", *STATUSES))),
        progress_note=draw(_long_text),
        progress_date=draw(st.none() | _dates),
        priority_numbers=tuple(draw(st.lists(st.integers(1, 500), unique=True, max_size=5))),
        categories=draw(_subset(DEFAULT_CATEGORIES)),
        population_groups=draw(_subset(POPULATION_GROUPS)),
        whole_area=draw(st.booleans()),
        area_codes=tuple(draw(st.lists(_ons, unique=True, max_size=3))),
        places_text="; ".join(draw(st.lists(_place_name, unique=True, max_size=2))),
        evidence=draw(_long_text),
        evidence_links=tuple(draw(st.lists(
            st.from_regex(r"\Ahttps://example\.org/[a-z0-9]{1,12}\Z"), unique=True,
            max_size=2))),
    )


_place_name = st.from_regex(r"\A[A-Z][a-z]{2,10}(?: [A-Z][a-z]{2,10})? ward\Z")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(action_records(), min_size=1, max_size=4))
def test_exported_records_read_back_equal(records):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "export.xlsx"
        write_actions_xlsx(records, path)
        result = read_plan(path)
    assert result.actions == records
    assert result.rejected == []


def test_hand_written_record_round_trips(tmp_path):
    record = ActionRecord(
        title="Warm homes", partner="County Council", reference="H1",
        lead_name="Jane Smith", lead_role="Head of Housing",
        resource_amount=Decimal("12500.50"), start_date=dt.date(2013, 4, 1), end_text="Ongoing",
        milestones=(Milestone(dt.date(2014, 3, 31), "Launch"), Milestone(None, "Review")),
        status="at_risk", progress_note="Slipped a month", progress_date=dt.date(2014, 1, 10),
        priority_numbers=(3, 7, 15), categories=("Treatment",),
        population_groups=("older_people", "carers"), whole_area=True,
        area_codes=("E07000090",), evidence="JSNA 2013", evidence_links=("https://a.example/j",),
    )
    path = tmp_path / "export.xlsx"
    write_actions_xlsx([record], path)
    assert read_plan(path).actions == [record]


def test_export_writes_canonical_headers_in_row_one_and_real_dates(tmp_path):
    record = ActionRecord(title="T", end_date=dt.date(2014, 3, 31))
    path = tmp_path / "export.xlsx"
    write_actions_xlsx([record], path)
    sheet = openpyxl.load_workbook(path)["Actions"]
    headers = [cell.value for cell in sheet[1]]
    assert headers[:3] == ["Reference", "Partner", "Title"]
    end_column = headers.index("End date")
    assert sheet.cell(row=2, column=end_column + 1).value == dt.datetime(2014, 3, 31)


def test_every_canonical_header_maps_back_to_its_field():
    for name, header in CANONICAL_HEADERS.items():
        assert match_header(header) == (name, 1.0), header


def test_canonical_headers_name_real_fields():
    assert set(CANONICAL_HEADERS) <= set(FIELDS)
