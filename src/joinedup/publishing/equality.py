"""Voluntary equality-monitoring questions, and how respondents compare with the area.

Every question has "Prefer not to say"; leaving a question blank is also fine.
Ethnic groups are the ONS 2021 census high-level groups.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

PREFER_NOT = ("prefer_not", "Prefer not to say")

AGE_BANDS = [("under_18", "Under 18"), ("18_24", "18 to 24"), ("25_34", "25 to 34"),
             ("35_44", "35 to 44"), ("45_54", "45 to 54"), ("55_64", "55 to 64"),
             ("65_74", "65 to 74"), ("75_plus", "75 or over"), PREFER_NOT]
ETHNIC_GROUPS = [
    ("asian", "Asian, Asian British or Asian Welsh"),
    ("black", "Black, Black British, Black Welsh, Caribbean or African"),
    ("mixed", "Mixed or Multiple ethnic groups"),
    ("white", "White"),
    ("other", "Other ethnic group"),
    PREFER_NOT,
]
DISABILITY = [("yes", "Yes"), ("no", "No"), PREFER_NOT]

QUESTIONS = {"age_band": ("Age", AGE_BANDS), "ethnic_group": ("Ethnic group", ETHNIC_GROUPS),
             "disability": ("Disability", DISABILITY)}


def cleaned(field: str, value: str) -> str:
    """The answer if it is one of the question's choices, else blank (not answered)."""
    return value if value in dict(QUESTIONS[field][1]) else ""


@dataclass(frozen=True)
class ReachRow:
    label: str
    count: int
    share: float
    population_share: float | None = None


def profile(values: list[str], choices: list[tuple[str, str]]) -> list[ReachRow]:
    """Count and share of respondents who answered, per choice, in the question's order."""
    answered = [v for v in values if v]
    counts = Counter(answered)
    total = len(answered)
    return [ReachRow(label, counts[code], counts[code] / total if total else 0.0)
            for code, label in choices]


def area_profile(values: list[str], populations: dict[str, int | None]) -> list[ReachRow]:
    """Respondents per area beside each area's share of the population, where it is known."""
    answered = [v for v in values if v]
    counts = Counter(answered)
    total = len(answered)
    known = all(populations.values()) and populations
    everyone = sum(p for p in populations.values() if p) if known else 0
    names = list(populations) + sorted(set(counts) - set(populations))
    return [ReachRow(name, counts[name], counts[name] / total if total else 0.0,
                     (populations[name] / everyone) if known and name in populations else None)
            for name in names]
