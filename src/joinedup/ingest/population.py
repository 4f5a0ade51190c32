"""Target population groups written as free text -> POPULATION_GROUPS codes."""

from __future__ import annotations

import re
from functools import lru_cache

from joinedup.ingest.records import POPULATION_GROUPS

POPULATION_EXPECTATION = (
    "expected population groups such as children, young people, older people, BME, deprived "
    "areas, disabled people, carers or whole population; recorded as Other, and the cell "
    "kept as written in the description"
)

_KEYWORDS: dict[str, tuple[str, ...]] = {
    "deprived_areas": ("deprived", "deprivation", "disadvantaged", "low income", "poverty",
                       "most deprived", "imd"),
    "children_young_people": ("child", "children", "young people", "young person", "youth",
                              "teenagers", "adolescents", "infants", "babies", "pupils",
                              "school age", "families with children", "under 18s", "cyp"),
    "older_people": ("older people", "older person", "older adults", "elderly", "over 65s",
                     "over 65", "over 75s", "pensioners", "frail"),
    "ethnic_minority": ("bme", "bame", "ethnic", "ethnicity", "minority ethnic",
                        "gypsy", "travellers", "refugees", "asylum seekers"),
    "disabled_people": ("disabled", "disability", "disabilities", "learning disability",
                        "learning disabilities", "physical disability", "sensory impairment"),
    "carers": ("carer", "carers", "young carers"),
    "whole_population": ("all residents", "whole population", "general population", "everyone",
                         "universal", "population wide", "all ages", "whole community"),
    "other": ("other",),
}
for _code, _label in POPULATION_GROUPS.items():
    _KEYWORDS[_code] = (*_KEYWORDS.get(_code, ()), _label.lower())

_PATTERNS = {
    code: re.compile(r"\b(?:" + "|".join(re.escape(k) for k in words) + r")\b")
    for code, words in _KEYWORDS.items()
}


@lru_cache(maxsize=4096, typed=True)
def parse_population_groups(value: object) -> tuple[tuple[str, ...], bool]:
    """The group codes named in a cell (in POPULATION_GROUPS order) and whether any matched.

    Text naming no known group gives ("other",) and False so the caller can warn.
    """
    if not isinstance(value, str) or not value.strip():
        return (), True
    text = re.sub(r"[^a-z0-9]+", " ", value.lower()[:2000]).strip()
    if text in {"all", "everyone", "all people"}:
        return ("whole_population",), True
    codes = tuple(code for code in POPULATION_GROUPS if _PATTERNS[code].search(text))
    if codes:
        return codes, True
    return ("other",), False
