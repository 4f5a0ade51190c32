"""Contribution categories written as names or abbreviations ("EI&P", "LTC")."""

from __future__ import annotations

import re

DEFAULT_CATEGORIES: tuple[str, ...] = (
    "Early Intervention & Prevention",
    "Treatment",
    "Long-term management & support",
)

CATEGORY_EXPECTATION = (
    "expected one or more of: {names}; the cell is kept as written in the description"
)

_STOP_WORDS = frozenset({"and", "the", "for", "with", "of", "support", "care", "services"})
_ALIASES = {"ltc": "long term", "ltcs": "long term", "long term conditions": "long term",
            "prevent": "prevention", "preventative": "prevention", "preventive": "prevention"}


def _words(text: str) -> str:
    return " " + re.sub(r"[^a-z0-9]+", " ", text.lower().replace("&", " and ")).strip() + " "


def _acronyms(name: str) -> set[str]:
    """"Early Intervention & Prevention" -> {"ei&p", "eip", "eiap"}."""
    parts = re.findall(r"[A-Za-z]+|&", name.replace("-", " "))
    with_amp = "".join("&" if p == "&" else p[0] for p in parts if p.lower() != "and").lower()
    plain = with_amp.replace("&", "")
    return {a for a in (with_amp, plain) if len(a) >= 2}


class CategoryMatcher:
    """Matches free text against one partnership's category list, compiled once."""

    def __init__(self, categories: tuple[str, ...] = DEFAULT_CATEGORIES) -> None:
        self.categories = tuple(categories)
        self._phrases: list[tuple[str, list[str]]] = []
        self._acronyms: list[tuple[str, set[str]]] = []
        self._cache: dict[str, tuple[tuple[str, ...], bool]] = {}
        for name in self.categories:
            words = _words(name).split()
            keywords = [w for w in words if len(w) >= 4 and w not in _STOP_WORDS]
            phrases = [_words(name)] + [f" {w} " for w in keywords]
            if "long" in words and "term" in words:
                phrases.append(" long term ")
            self._phrases.append((name, phrases))
            self._acronyms.append((name, _acronyms(name)))

    def match(self, value: object) -> tuple[tuple[str, ...], bool]:
        """Category names found in the cell (in list order), and whether any matched."""
        if not isinstance(value, str) or not value.strip():
            return (), True
        if value in self._cache:
            return self._cache[value]
        result = self._match(value)
        if len(self._cache) < 4096:
            self._cache[value] = result
        return result

    def _match(self, value: str) -> tuple[tuple[str, ...], bool]:
        raw = value[:2000]
        text = _words(raw)
        for alias, meaning in _ALIASES.items():
            text = text.replace(f" {alias} ", f" {alias} {meaning} ")
        tokens = {t.lower() for t in re.findall(r"[A-Za-z&]+", raw)}
        found = []
        for (name, phrases), (_, acronyms) in zip(self._phrases, self._acronyms, strict=True):
            if any(p in text for p in phrases) or tokens & acronyms:
                found.append(name)
        return tuple(found), bool(found)
