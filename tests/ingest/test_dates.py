from __future__ import annotations

import datetime as dt

import pytest

from joinedup.ingest.dates import is_no_date, parse_end, parse_period, parse_start

D = dt.date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("31/03/2014", (D(2014, 3, 31), D(2014, 3, 31))),
        ("31.03.14", (D(2014, 3, 31), D(2014, 3, 31))),
        ("1/4/2013", (D(2013, 4, 1), D(2013, 4, 1))),
        ("2014-03-31", (D(2014, 3, 31), D(2014, 3, 31))),
        ("31 March 2014", (D(2014, 3, 31), D(2014, 3, 31))),
        ("31st Mar 2014", (D(2014, 3, 31), D(2014, 3, 31))),
        ("Mar 2014", (D(2014, 3, 1), D(2014, 3, 31))),
        ("March 2014", (D(2014, 3, 1), D(2014, 3, 31))),
        ("Feb 2016", (D(2016, 2, 1), D(2016, 2, 29))),
        ("Sept 2013", (D(2013, 9, 1), D(2013, 9, 30))),
        ("Q1 2013/14", (D(2013, 4, 1), D(2013, 6, 30))),
        ("Q3 2013/14", (D(2013, 10, 1), D(2013, 12, 31))),
        ("Q4 2013/14", (D(2014, 1, 1), D(2014, 3, 31))),
        ("2013-14", (D(2013, 4, 1), D(2014, 3, 31))),
        ("2013/14", (D(2013, 4, 1), D(2014, 3, 31))),
        ("2013/2014", (D(2013, 4, 1), D(2014, 3, 31))),
        ("2014", (D(2014, 1, 1), D(2014, 12, 31))),
        ("Apr 2013 - Mar 2015", (D(2013, 4, 1), D(2015, 3, 31))),
        ("2013/14 - 2015/16", (D(2013, 4, 1), D(2016, 3, 31))),
        ("2013-2015", (D(2013, 1, 1), D(2015, 12, 31))),
        ("by March 2014", (D(2014, 3, 1), D(2014, 3, 31))),
    ],
)
def test_uk_dates_and_periods_give_their_first_and_last_day(text, expected):
    assert parse_period(text) == expected


def test_excel_date_cell_is_a_one_day_period():
    assert parse_period(dt.datetime(2014, 3, 31, 0, 0)) == (D(2014, 3, 31), D(2014, 3, 31))


def test_whole_number_cell_is_a_calendar_year():
    assert parse_period(2015.0) == (D(2015, 1, 1), D(2015, 12, 31))


def test_month_thirteen_is_not_a_date():
    assert parse_period("31/13/2015") is None


def test_thirtieth_of_february_is_not_a_date():
    assert parse_period("30/02/2014") is None


def test_a_short_run_of_financial_years_is_read_but_a_long_one_is_not():
    assert parse_period("2013-16") == (D(2013, 4, 1), D(2016, 3, 31))
    assert parse_period("2013-19") is None


def test_range_ending_before_it_starts_is_not_a_date():
    assert parse_period("Mar 2015 - Apr 2013") is None


def test_start_takes_first_day_of_month():
    assert parse_start("Mar 2014") == D(2014, 3, 1)


def test_end_takes_last_day_of_month():
    assert parse_end("Mar 2014") == D(2014, 3, 31)


@pytest.mark.parametrize("text", ["Ongoing", "TBC", "TBA", "N/A", "n/a", "tbc."])
def test_words_meaning_no_date_are_recognised(text):
    assert is_no_date(text)


def test_free_text_is_not_a_no_date_word():
    assert not is_no_date("when funding allows")


def test_unformatted_excel_serial_number_is_a_date():
    # Excel counts days from 30/12/1899: 41729 days later is 31/03/2014
    # (1 Jan 2014 is serial 41640, plus 31 + 28 + 30 days to 31 March).
    assert parse_period(41729.0) == (D(2014, 3, 31), D(2014, 3, 31))


def test_fractional_number_is_not_a_date():
    assert parse_period(2014.5) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A short run of financial years: 1 April of the first to 31 March of the last.
        ("2025-27", (D(2025, 4, 1), D(2027, 3, 31))),
        ("2025-28", (D(2025, 4, 1), D(2028, 3, 31))),
        ("2013-15", (D(2013, 4, 1), D(2015, 3, 31))),
        # Seasons: spring March-May, summer June-August, autumn September-November,
        # winter December to the end of February (2026 is not a leap year).
        ("Summer 2025", (D(2025, 6, 1), D(2025, 8, 31))),
        ("Autumn 25", (D(2025, 9, 1), D(2025, 11, 30))),
        ("Winter 2025/26", (D(2025, 12, 1), D(2026, 2, 28))),
        # An English school year runs from September to August.
        ("Academic year 25/26", (D(2025, 9, 1), D(2026, 8, 31))),
        # Dates inside a phrase, from the first to the last one named.
        ("Go-live 1 April 2026", (D(2026, 4, 1), D(2026, 4, 1))),
        ("Pilot to Mar 26", (D(2026, 3, 1), D(2026, 3, 31))),
        ("Until March 2026 (funding ends)", (D(2026, 3, 1), D(2026, 3, 31))),
        ("Rounds Oct 25 and Feb 26", (D(2025, 10, 1), D(2026, 2, 28))),
    ],
)
def test_periods_real_plans_write_in_words(text, expected):
    assert parse_period(text) == expected


@pytest.mark.parametrize("text", ["2025-35", "Local Plan timetable", "Phase 2", "end of sprng",
                                  "Marketing 25 venues", "(by March 2026)"])
def test_phrases_without_a_readable_date_are_not_dates(text):
    # A run of ten financial years is not a period; a month name must stand as a word;
    # a date only in brackets is an aside.
    assert parse_period(text) is None


@pytest.mark.parametrize("text", ["Every week", "Weekly", "Quarterly", "Monthly", "All year",
                                  "Each school holiday", "Saturdays", "Every term",
                                  "Tuesday and Thursday evenings, Saturday mornings"])
def test_recurring_timings_say_how_often_not_when(text):
    assert parse_period(text) is None and is_no_date(text)


def test_text_that_is_neither_a_date_nor_a_timing_still_warns():
    assert not is_no_date("Local Plan timetable") and not is_no_date("end of sprng")
