"""Money amounts and resourcing cells ("£12k", "2 FTE", "Public health grant £20k")."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

MONEY_EXPECTATION = (
    "expected an amount of money such as £12,500, £12k or £1.2m; kept the text as written"
)

_ZERO_WORDS = frozenset({"nil", "none", "£0", "0", "zero", "no cost", "nil cost", "£nil"})
_SCALE = {"": 1, "k": 1_000, "m": 1_000_000, "bn": 1_000_000_000, "b": 1_000_000_000,
          "thousand": 1_000, "million": 1_000_000, "mn": 1_000_000}
_NUMBER = r"(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?"
_SCALE_WORD = r"(k|m|mn|bn|b|thousand|million)?"
_WHOLE_MONEY = re.compile(rf"(?:gbp\s*)?£?\s*{_NUMBER}\s*{_SCALE_WORD}(?:\s*(?:gbp|pounds))?")
_POUND_AMOUNT = re.compile(rf"£\s*{_NUMBER}\s*{_SCALE_WORD}(?![a-z])", re.IGNORECASE)
_STAFF_TIME = re.compile(
    r"\d+(?:\.\d+)?\s*(?:x\s*)?(?:fte|wte|whole time equivalents?|full time equivalents?"
    r"|hours?|hrs|days?|weeks?|posts?|staff|officers?|sessions?)\b(?:\s*(?:per|a|/)\s*\w+)?",
    re.IGNORECASE,
)
_FUNDING_WORDS = re.compile(
    r"\b(?:grant|fund|funds|funding|funded|budget|allocation|bcf|contribution|section 256|"
    r"s256|lottery|commissioning|commissioned|sponsorship)\b",
    re.IGNORECASE,
)
_JOIN_WORDS = re.compile(r"^(?:(?:and|plus|from|of|via)\b\s*)+|(?:\s*\b(?:and|plus|from|of))+$",
                         re.IGNORECASE)
_TRIM = " \t\n,;:-–()"


def _amount(whole: str, fraction: str | None, scale: str | None) -> Decimal | None:
    try:
        value = Decimal(whole.replace(",", "") + (fraction or ""))
    except InvalidOperation:
        return None
    return value * _SCALE[(scale or "").lower()]


def parse_money(value: object) -> Decimal | None:
    """The amount a cell holds, or None when it is not (only) an amount of money.

    Numbers are taken as pounds; "nil" and "£0" are zero; "£12k" and "£1.2m"
    are scaled. Text with anything else in it is not money.
    """
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            return None
        return Decimal(repr(value))
    if not isinstance(value, str) or len(value) > 60:
        return None
    text = value.strip().lower()
    if text in _ZERO_WORDS:
        return Decimal(0)
    match = _WHOLE_MONEY.fullmatch(text)
    if match is None:
        return None
    return _amount(*match.groups())


@dataclass(frozen=True)
class Resourcing:
    """What one free-text resourcing cell says, split into the record's parts."""

    amount: Decimal | None = None
    staff_time: str = ""
    funding_source: str = ""
    notes: str = ""


_NO_EXTRA_COST = re.compile(
    r"^(?:(?:met )?(?:from |within )?existing (?:resources|budgets?|staff(?:ing)?|capacity)|"
    r"no (?:additional |extra )?(?:cost|funding|resources)|in[- ]kind|nil|none|n/?a|tbc|tba|"
    r"to be confirmed|volunteer time|officer time|staff time)\.?$",
    re.IGNORECASE,
)


def is_statement_of_means(text: str) -> bool:
    """True for text that says how an action is resourced without an amount.

    "Within existing resources" or "Public health grant" answer the question;
    "lots" in a money column does not, and is kept with a warning.
    """
    stripped = text.strip()
    return bool(_NO_EXTRA_COST.match(stripped) or _FUNDING_WORDS.search(stripped))


def parse_resourcing(value: object) -> Resourcing:
    """Split a resourcing cell into amount, staff time, funding source and notes.

    A plain amount is the amount. A "£" amount inside text is taken out and the
    rest is the funding source when it names a grant/fund/budget, else a note.
    "2 FTE" style phrases are staff time. Free text with neither is a note.
    """
    amount = parse_money(value)
    if amount is not None:
        return Resourcing(amount=amount)
    text = value.strip() if isinstance(value, str) else str(value or "")
    if not text:
        return Resourcing()
    rest = text
    staff = _STAFF_TIME.search(rest)
    staff_time = ""
    if staff is not None:
        staff_time = staff.group(0).strip()
        rest = rest[: staff.start()] + " " + rest[staff.end():]
    pound = _POUND_AMOUNT.search(rest)
    if pound is not None:
        amount = _amount(*pound.groups())
        rest = rest[: pound.start()] + " " + rest[pound.end():]
    rest = _JOIN_WORDS.sub("", re.sub(r"\s+", " ", rest).strip(_TRIM)).strip(_TRIM)
    if amount is not None and rest and _FUNDING_WORDS.search(rest):
        return Resourcing(amount=amount, staff_time=staff_time, funding_source=rest)
    if amount is None and not staff_time:
        return Resourcing(notes=text)
    return Resourcing(amount=amount, staff_time=staff_time, notes=rest)
