"""Common strategy priority headings (headings.yaml), matched fuzzily to priority names.

A priority given only as a short heading ("Ageing well") says little to a
similarity measure. Strategies use a fairly stable set of such headings, and
the work listed under each is fairly stable too; `heading_text` returns that
work for a priority name, so it can be compared with actions alongside the
priority's own words. Names that match no heading well get nothing added.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from importlib import resources

import yaml

MATCH_THRESHOLD = 0.75
"""Least similarity between a priority name and a heading wording to use the heading."""

WORD_LIKENESS = 0.9
"""Character similarity at which two words count as the same word (spelling variants)."""

_WORD = re.compile(r"[a-z0-9]+")
_FILLER = frozenset((
    "a", "an", "and", "the", "of", "in", "for", "to", "with", "our", "all", "everyone",
    "people", "at", "by", "on", "from", "their", "be", "improve", "improving", "improved",
    "reduce", "reducing", "reduced", "tackle", "tackling", "promote", "promoting", "support",
    "supporting", "increase", "increasing", "enable", "enabling", "help", "helping", "ensure",
    "ensuring", "better", "more", "greater", "priority",
))
"""Words that carry no topic in a heading ('Improving mental health' = 'mental health')."""


@dataclass(frozen=True)
class Heading:
    name: str
    wordings: tuple[str, ...]
    covers: str


def _words(text: str) -> tuple[str, ...]:
    """Topic words of a heading, lower-cased, with a plural 's' dropped."""
    words = _WORD.findall(text.lower().replace("'s", ""))
    return tuple(_singular(w) for w in words if w not in _FILLER)


def similarity(name: str, wording: str) -> float:
    """How alike two headings are, in [0, 1]: the overlap (Dice) of their topic words,
    where words match when spelt nearly alike ('immunisation' ~ 'immunization') and a
    compound matches its parts ('Smoke-free' ~ 'Smokefree').

    A name that contains the whole wording is a more specific form of the same
    heading ('Diabetes and diabetic retinopathy' ~ 'Diabetes', 'Prevention of
    social and emotional isolation' ~ 'Social isolation'): it scores at least
    MATCH_THRESHOLD, more the closer the two are.
    """
    a, b = _words(name), _words(wording)
    if not a or not b:
        return 0.0
    if "".join(a) == "".join(b):
        return 1.0
    matched = sum(any(_alike(x, y) for y in set(b)) for x in set(a))
    matched_b = sum(any(_alike(y, x) for x in set(a)) for y in set(b))
    dice = (matched + matched_b) / (len(set(a)) + len(set(b)))
    if _contains(name, wording):
        return max(dice, MATCH_THRESHOLD + (1 - MATCH_THRESHOLD) * dice)
    return dice


_STOP = frozenset(("a", "an", "and", "the", "of", "in", "for", "to", "with", "our", "at", "by",
                   "on", "from", "their", "be"))
"""Words that carry nothing at all; unlike _FILLER, 'support' or 'early' still count here,
so 'Early help' is not found inside 'early diagnosis'."""


def _contains(name: str, wording: str) -> bool:
    """Every word of `wording` (but the stop words) is in `name`."""
    inside = _plain_words(name)
    return all(any(_alike(w, x) for x in inside) for w in _plain_words(wording)) \
        and bool(_plain_words(wording))


def _plain_words(text: str) -> set[str]:
    words = _WORD.findall(text.lower().replace("'s", ""))
    return {_singular(w) for w in words if w not in _STOP}


def _singular(word: str) -> str:
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def _alike(x: str, y: str) -> bool:
    return x == y or SequenceMatcher(None, x, y).ratio() >= WORD_LIKENESS


def load_headings(text: str) -> tuple[Heading, ...]:
    return tuple(Heading(name=str(entry["heading"]),
                         wordings=(str(entry["heading"]), *map(str, entry.get("also", []))),
                         covers=" ".join(str(entry.get("covers", "")).split()))
                 for entry in yaml.safe_load(text))


@lru_cache(maxsize=1)
def default_headings() -> tuple[Heading, ...]:
    """The headings shipped with the package."""
    text = resources.files("joinedup.analysis").joinpath("headings.yaml").read_text("utf-8")
    return load_headings(text)


def match_heading(name: str, headings: tuple[Heading, ...] | None = None) -> Heading | None:
    """The heading most like `name`, if any wording of it is at least MATCH_THRESHOLD alike."""
    best, best_score = None, MATCH_THRESHOLD
    for heading in default_headings() if headings is None else headings:
        score = max(similarity(name, w) for w in heading.wordings)
        if score >= best_score and (best is None or score > best_score):
            best, best_score = heading, score
    return best


@lru_cache(maxsize=1_024)
def heading_text(name: str) -> str:
    """What strategies usually cover under a heading like `name` ('' when none matches)."""
    heading = match_heading(name)
    return heading.covers if heading else ""
