"""The curated public-health synonym list (synonyms.yaml) as a phrase matcher.

Partners name the same work differently ("stop smoking service", "tobacco
cessation support"). Mapping every known variant to one canonical token before
vectorising lets the similarity measures see that agreement.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml


@dataclass(frozen=True)
class Vocabulary:
    """Canonical token per phrase, and one regex that finds any phrase."""

    canonical: dict[str, str]
    pattern: re.Pattern[str]

    def replace(self, lowered: str) -> str:
        """Replace every known phrase in already lower-cased text by its token."""
        return self.pattern.sub(lambda m: f" {self.canonical[m.group(0)]} ", lowered)


def build_vocabulary(groups: dict[str, list[str]]) -> Vocabulary:
    """Build the matcher; longer phrases are tried first so they win."""
    canonical: dict[str, str] = {}
    for token, phrases in groups.items():
        for phrase in [token.replace("_", " "), *phrases]:
            canonical.setdefault(str(phrase).lower(), token)
    pattern = re.compile(rf"(?<![\w-])(?:{_trie_pattern(list(canonical))})(?![\w-])")
    return Vocabulary(canonical=canonical, pattern=pattern)


def _trie_pattern(phrases: list[str]) -> str:
    """A regex equivalent to longest-first alternation, factored by shared prefixes.

    A flat alternation of ~700 phrases is tried phrase by phrase at every
    position; the factored form walks one character at a time. Shorter phrases
    are tried only when longer ones fail (backtracking keeps word boundaries right).
    """
    trie: dict = {}
    for phrase in phrases:
        node = trie
        for char in phrase:
            node = node.setdefault(char, {})
        node[""] = True
    return _node_pattern(trie)


def _node_pattern(node: dict) -> str:
    branches = [re.escape(char) + _node_pattern(child)
                for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


@lru_cache(maxsize=1)
def default_vocabulary() -> Vocabulary:
    """The vocabulary shipped with the package."""
    text = resources.files("joinedup.analysis").joinpath("synonyms.yaml").read_text("utf-8")
    return build_vocabulary(yaml.safe_load(text))
