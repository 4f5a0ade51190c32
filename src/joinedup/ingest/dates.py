"""UK dates and periods as partners write them in action plans.

Every parser returns a *period* (first day, last day) so a caller can take the
start of it for a start date and the end of it for a deadline: "Mar 2014" is
1-31 March 2014, "2013-14" is the financial year 1 April 2013 - 31 March 2014,
"Q3 2013/14" is October-December 2013. `None` means "not a date".
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from functools import lru_cache

Period = tuple[dt.date, dt.date]

DATE_EXPECTATION = (
    "expected a date such as 31/03/2014, Mar 2014, Q3 2013/14 or 2013-14; "
    "kept the text as written"
)

NO_DATE_WORDS = frozenset(
    {"ongoing", "on going", "tbc", "tba", "tbd", "n a", "na", "none", "continuous",
     "continuing", "various", "rolling", "annual", "annually", "throughout",
     "to be confirmed", "to be agreed", "not applicable", "as required"}
)
"""Cells that honestly say there is no date: kept as text without a warning."""

EXCEL_SERIAL_RANGE = (20000, 80000)
"""Whole numbers read as Excel day serials (1954-2119) when a date cell lost its format."""
_EXCEL_EPOCH = dt.date(1899, 12, 30)

_MONTHS = {
    name.lower(): number
    for number in range(1, 13)
    for name in (calendar.month_name[number], calendar.month_abbr[number])
}
_MONTHS["sept"] = 9
_MONTH_WORD = "|".join(sorted(_MONTHS, key=len, reverse=True))

_DMY = re.compile(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4}|\d{2})")
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ t]\d{1,2}:\d{2}(?::\d{2})?)?")
_DAY_MONTH_YEAR = re.compile(
    rf"(\d{{1,2}})(?:st|nd|rd|th)?[ \-]+({_MONTH_WORD})\.?,?[ \-]+(\d{{4}}|\d{{2}})"
)
_MONTH_YEAR = re.compile(rf"({_MONTH_WORD})\.?[ \-,]*'?(\d{{4}}|\d{{2}})")
_QUARTER = re.compile(r"q([1-4])[ ,]*(?:fy)?[ ]*(\d{4}|\d{2})(?:[ ]*[/\-][ ]*(\d{4}|\d{2}))?")
_FINANCIAL_YEAR = re.compile(r"(?:fy[ ]*)?(\d{4})[ ]*[/\-][ ]*(\d{4}|\d{2})")
_YEAR_RANGE = re.compile(r"(\d{4})\s*[-–]\s*(\d{4})")
_YEAR = re.compile(r"(?:fy[ ]*)?(\d{4})")
_SEASON = re.compile(r"(spring|summer|autumn|fall|winter)[ ]*(\d{4}|\d{2})(?:[ ]*/[ ]*(\d{4}|\d{2}))?")
_ACADEMIC_YEAR = re.compile(r"(?:academic year|ay|school year)[ ]*(\d{4}|\d{2})[ ]*[/\-][ ]*(\d{4}|\d{2})")
_PREFIX = re.compile(r"^(?:by|by end of|by the end of|end of|the end of|before|from|due|w c|wc)\s+")
_RANGE = re.compile(r"\s+(?:-|–|—|to|until|till)\s+|\s*[–—]\s*")
_SPACES = re.compile(r"\s+")


def _clean(text: str) -> str:
    text = text.strip().lower().replace("\u00a0", " ")
    text = _SPACES.sub(" ", text)
    return _PREFIX.sub("", text).strip(" .")


def _year(digits: str) -> int:
    """Two-digit years are 2000-2069 or 1970-1999, as spreadsheets read them."""
    value = int(digits)
    if len(digits) == 2:
        return value + (2000 if value < 70 else 1900)
    return value


def _month_period(year: int, month: int) -> Period | None:
    if not (1 <= month <= 12 and 1 <= year <= 9999):
        return None
    last = calendar.monthrange(year, month)[1]
    return dt.date(year, month, 1), dt.date(year, month, last)


def _day(year: int, month: int, day: int) -> Period | None:
    try:
        date = dt.date(year, month, day)
    except ValueError:
        return None
    return date, date


def _financial_year(first: str, second: str, *, years: int = 1) -> Period | None:
    """1 April of the first year to 31 March of the second: '2013/14' (or, with
    years > 1, a run of financial years written short: '2025-27' is 2025/26 and 2026/27)."""
    start = _year(first)
    end = _year(second) if len(second) == 4 else (start // 100) * 100 + int(second)
    if not 1 <= end - start <= years or start >= 9999:
        return None
    return dt.date(start, 4, 1), dt.date(end, 3, 31)


MAX_FINANCIAL_YEARS = 5
"""'2025-28' is read as three financial years; a longer short-form run is not a period."""


def _season(name: str, first: str, second: str | None) -> Period | None:
    """'Summer 2025' is June-August 2025; 'Winter 2025/26' is December 2025 - February 2026."""
    year = _year(first)
    if second is not None and _financial_year(first, second) is None:
        return None
    if name == "winter":
        start, end = _month_period(year, 12), _month_period(year + 1, 2)
    else:
        month = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9}[name]
        start, end = _month_period(year, month), _month_period(year, month + 2)
    return None if start is None or end is None else (start[0], end[1])


def _academic_year(first: str, second: str) -> Period | None:
    """'Academic year 2025/26': 1 September 2025 to 31 August 2026."""
    period = _financial_year(first, second)
    return None if period is None else (dt.date(period[0].year, 9, 1),
                                        dt.date(period[1].year, 8, 31))


def _quarter(number: int, first: str, second: str | None) -> Period | None:
    """UK financial-year quarters: Q1 is April-June, Q4 is January-March."""
    start_year = _year(first)
    if second is not None:
        fy = _financial_year(first, second)
        if fy is None:
            return None
    if start_year >= 9999:
        return None
    first_month = 4 + 3 * (number - 1)
    year = start_year
    if first_month > 12:
        first_month -= 12
        year += 1
    start = _month_period(year, first_month)
    end = _month_period(year, first_month + 2)
    if start is None or end is None:
        return None
    return start[0], end[1]


def _single(text: str) -> Period | None:
    if match := _DMY.fullmatch(text):
        day, month, year = match.groups()
        return _day(_year(year), int(month), int(day))
    if match := _ISO.fullmatch(text):
        year, month, day = match.groups()
        return _day(int(year), int(month), int(day))
    if match := _DAY_MONTH_YEAR.fullmatch(text):
        day, month, year = match.groups()
        return _day(_year(year), _MONTHS[month], int(day))
    if match := _MONTH_YEAR.fullmatch(text):
        month, year = match.groups()
        return _month_period(_year(year), _MONTHS[month])
    if match := _QUARTER.fullmatch(text):
        number, first, second = match.groups()
        return _quarter(int(number), first, second)
    if match := _SEASON.fullmatch(text):
        return _season(*match.groups())
    if match := _ACADEMIC_YEAR.fullmatch(text):
        return _academic_year(*match.groups())
    financial = _FINANCIAL_YEAR.fullmatch(text)
    if financial and (period := _financial_year(*financial.groups())):
        return period
    if financial and len(financial.group(2)) == 2 and (
            period := _financial_year(*financial.groups(), years=MAX_FINANCIAL_YEARS)):
        return period
    if match := _YEAR_RANGE.fullmatch(text):
        first, last = int(match.group(1)), int(match.group(2))
        if 1 <= first < last <= 9999:
            return dt.date(first, 1, 1), dt.date(last, 12, 31)
    if match := _YEAR.fullmatch(text):
        year = int(match.group(1))
        if 1 <= year <= 9999:
            return dt.date(year, 1, 1), dt.date(year, 12, 31)
    return None


def _numeric_period(value: float) -> Period | None:
    """A whole number is a year (2014) or an unformatted Excel date serial (41729)."""
    if not float(value).is_integer():
        return None
    number = int(value)
    if 1000 <= number <= 9999:
        return dt.date(number, 1, 1), dt.date(number, 12, 31)
    if EXCEL_SERIAL_RANGE[0] <= number <= EXCEL_SERIAL_RANGE[1]:
        date = _EXCEL_EPOCH + dt.timedelta(days=number)
        return date, date
    return None


_RECURRING = re.compile(
    r"\b(?:every|each|daily|weekly|fortnightly|monthly|bi monthly|quarterly|termly|"
    r"annually|yearly|all year|year round|weekends?|weekdays?|mondays|tuesdays|wednesdays|"
    r"thursdays|fridays|saturdays|sundays|evenings|mornings|afternoons|holidays)\b")
"""A cell that says how often rather than when ('Every week', 'Quarterly', 'Saturdays')."""


def is_no_date(text: str) -> bool:
    """True for "Ongoing", "TBC", "N/A", and for recurring timings ("Every week",
    "Quarterly", "Each school holiday") that name no date."""
    words = _SPACES.sub(" ", re.sub(r"[^a-z ]+", " ", text.lower())).strip()
    return words in NO_DATE_WORDS or bool(_RECURRING.search(words))


@lru_cache(maxsize=8192, typed=True)
def parse_period(value: object) -> Period | None:
    """The period a cell names, or None when it is not a date or period.

    Real date cells (datetime.date/datetime) are a one-day period; whole numbers
    1000-9999 are a calendar year. A range "Apr 2013 - Mar 2015" spans from the
    start of the first part to the end of the second.
    """
    if isinstance(value, dt.datetime):
        return value.date(), value.date()
    if isinstance(value, dt.date):
        return value, value
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        return _numeric_period(value)
    if not isinstance(value, str) or len(value) > 80:
        return None
    text = _clean(value)
    period = _single(text)
    if period is not None:
        return period
    parts = _RANGE.split(text)
    if len(parts) == 2:
        first, last = _single(_clean(parts[0])), _single(_clean(parts[1]))
        if first is not None and last is not None:
            # A range that ends before it starts is a mistake to show, not a period.
            return (first[0], last[1]) if first[0] <= last[1] else None
    return _embedded(text)


_EMBEDDED = (_DAY_MONTH_YEAR, _QUARTER, _SEASON, _MONTH_YEAR, _FINANCIAL_YEAR)
"""Date forms looked for inside longer text, most specific first."""


def _embedded(text: str) -> Period | None:
    """Dates inside a phrase: 'Go-live 1 April 2026', 'Pilot to Mar 26', 'Rounds Oct 25
    and Feb 26' (from the first to the last date named). Bracketed asides are left out."""
    text = re.sub(r"\([^)]*\)", " ", text)
    found: list[Period] = []
    for pattern in _EMBEDDED:
        for match in pattern.finditer(text):
            before = text[match.start() - 1:match.start()]
            after = text[match.end():match.end() + 1]
            if before.isalnum() or after.isalnum():
                continue
            period = _single(match.group(0))
            if period is not None:
                found.append(period)
                text = text[:match.start()] + " " * (match.end() - match.start()) \
                    + text[match.end():]
    if not found:
        return None
    return min(p[0] for p in found), max(p[1] for p in found)


def parse_start(value: object) -> dt.date | None:
    """The first day of the period a cell names (for a start date)."""
    period = parse_period(value)
    return None if period is None else period[0]


def parse_end(value: object) -> dt.date | None:
    """The last day of the period a cell names (for a deadline or end date)."""
    period = parse_period(value)
    return None if period is None else period[1]
