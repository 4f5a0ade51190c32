"""Priorities written in a plan's cell by number, by name, or both.

Partners map their actions to the strategy in their own words: "3, 7 & 15",
"Priority 2: Healthy weight", "Ageing well; Healthy places". When the
strategy is known, names are matched to its priorities (whole name found in
the cell, or a part of the cell that reads almost the same as one name), so a
mapping written in words is kept as the partner's confirmed mapping instead
of being lost.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from difflib import SequenceMatcher

from joinedup.ingest.lists import NUMBERS_EXPECTATION, parse_numbers

NAME_LIKENESS = 0.85
"""How alike (0..1) a part of the cell and a priority name must read to match."""

_PARTS = re.compile(r"[;\n|/]+|,(?!\s*(?:and|or)\b)")
_LEADING = re.compile(r"^\s*(?:priorit(?:y|ies)\s*)?(?:no\.?\s*)?\d+\s*[:.)\-–]?\s*", re.IGNORECASE)
_FILLER = frozenset({"a", "an", "and", "the", "of", "in", "for", "to", "with", "our", "all",
                     "&", "priority", "priorities"})


def _words(text: str) -> tuple[str, ...]:
    words = re.findall(r"[a-z0-9]+", text.lower().replace("&", " and "))
    return tuple(w for w in words if w not in _FILLER)


def _spaced(text: str) -> str:
    return " " + " ".join(_words(text)) + " "


class PriorityMatcher:
    """Reads priority cells against one strategy's numbered priorities."""

    def __init__(self, priorities: Sequence[tuple[int, str]] = ()) -> None:
        self.priorities = tuple((int(n), str(name)) for n, name in priorities)
        self._known = {n for n, _ in self.priorities}
        self._names = [(n, _spaced(name)) for n, name in self.priorities if _words(name)]
        self._cache: dict[object, tuple[tuple[int, ...], bool]] = {}

    @property
    def expectation(self) -> str:
        """What a priority cell should hold, for warnings."""
        if not self.priorities:
            return NUMBERS_EXPECTATION
        names = "; ".join(f"{n} {name}" for n, name in self.priorities)
        return (f"expected priority numbers (3, 7 & 15) or names from the strategy: {names}; "
                "kept the priorities that could be read, and the cell as written in the description")

    def match(self, value: object) -> tuple[tuple[int, ...], bool]:
        """Priority numbers in the order written, and whether all of the cell was read."""
        key = (type(value), value) if isinstance(value, str | int | float) else None
        if key is not None and key in self._cache:
            return self._cache[key]
        result = self._match(value)
        if key is not None and len(self._cache) < 4096:
            self._cache[key] = result
        return result

    def _match(self, value: object) -> tuple[tuple[int, ...], bool]:
        numbers, complete = parse_numbers(value)
        if complete or not self._names or not isinstance(value, str):
            return numbers, complete
        cell = value[:2000]
        text = _spaced(cell)
        # Whole names first (a name may itself hold commas: "Diet, nutrition and activity").
        whole = [(n, name) for n, name in self._names if name in text]
        covered = {w for _, name in whole for w in name.split()}
        found: list[int] = []
        all_read = True
        for part in (p for p in _PARTS.split(cell) if p.strip()):
            part_numbers, _ = parse_numbers(part)
            words = [w for w in _words(_LEADING.sub("", part)) if not w.isdigit()]
            spaced = _spaced(part)
            named = [n for n, name in sorted(whole, key=lambda item: spaced.find(item[1]))
                     if name in spaced]
            if words and not set(words) <= covered:
                near = self._nearest(" ".join(words))
                if near is None:
                    all_read = False
                else:
                    named.append(near)
            if part_numbers and named and not set(part_numbers) <= set(named):
                all_read = False  # "Priority 2: <name of priority 4>": keep both, say so
            found += [*part_numbers, *named]
        found += [n for n, _ in whole]  # names written across parts ("Diet, nutrition ...")
        unique = tuple(dict.fromkeys(n for n in found if n > 0))
        return unique, all_read and bool(unique)

    def _nearest(self, words: str) -> int | None:
        """The priority whose name reads almost exactly as `words`, if one does."""
        best, best_ratio = None, NAME_LIKENESS
        for n, name in self._names:
            ratio = SequenceMatcher(None, words, name.strip()).ratio()
            if ratio >= best_ratio:
                best, best_ratio = n, ratio
        return best
