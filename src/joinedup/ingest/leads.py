"""A lead written in one cell: "Jane Smith, Head of Housing"."""

from __future__ import annotations

import re

MAX_SPLIT_LENGTH = 200
"""Longer cells are prose, not "name, role"."""
_SPLIT = re.compile(r"\s*(?:,|\n|\s[-–—]\s)\s*")
_BRACKETED = re.compile(r"^(.+?)\s*\((.+)\)$")


def split_lead(text: str) -> tuple[str, str]:
    """(name, role). Split only when the cell clearly has two parts; else all is the name.

    "Jane Smith, Head of Housing" and "Jane Smith (Head of Housing)" split;
    "Housing team" or "Smith, Jones, Brown" do not.
    """
    text = text.strip()
    if not text:
        return "", ""
    if len(text) > MAX_SPLIT_LENGTH:
        return text, ""
    bracketed = _BRACKETED.match(text)
    if bracketed and "(" not in bracketed.group(1):
        return bracketed.group(1).strip(), bracketed.group(2).strip()
    parts = [p for p in _SPLIT.split(text) if p]
    if len(parts) == 2:
        return parts[0], parts[1]
    return text, ""


ORGANISATION_KINDS: tuple[tuple[str, str], ...] = (
    ("Police", r"\bpolice\b|\bconstabulary\b|\bo?pcc\b|police and crime commissioner"),
    ("Fire and rescue service", r"\bfire\b|\bfrs\b"),
    ("Healthwatch", r"\bhealthwatch\b"),
    ("NHS commissioner", r"\bicb\b|\bccg\b|integrated care board|clinical commissioning|"
                         r"\bnhs england\b|\bnhse\b|\bicb's\b"),
    ("Primary care", r"\bpcns?\b|primary care network|\bgps?\b|general practice|"
                     r"\bgp practices?\b|\bsurgery\b"),
    ("NHS provider", r"\btrust\b|\bhospitals?\b|\bnhs foundation\b|community health services|"
                     r"\bmental health services\b|\bambulance\b|\bnhs provider\b"),
    ("Voluntary sector", r"\bvcse?\b|\bcvs\b|voluntary|charit|third sector|\bage uk\b|"
                         r"citizens advice|\bcommunity action\b"),
    ("Jobcentre Plus", r"\bdwp\b|jobcentre"),
    ("Education", r"\buniversit|\bcollege\b"),
    ("Council", r"\bcouncil\b|\blocal authority\b|\bpublic health\b|\bsocial care\b|"
                r"\bchildren'?s services\b|\bhousing\b|\bleisure\b|environmental health|"
                r"trading standards|\bplanning\b|\bhighways\b|\blibrar|\bearly help\b|"
                r"\bdirector of public health\b|\bdph\b"),
)
"""Kinds of organisation a lead cell may name, in the words plans use for them."""
_KIND_PATTERNS = tuple((kind, re.compile(pattern, re.IGNORECASE))
                       for kind, pattern in ORGANISATION_KINDS)


def lead_organisation(text: str) -> str | None:
    """The kind of organisation a lead cell names first ("Public Health (Council)",
    "ICB Head of Commissioning", "Chief Inspector, Police"), or None.

    Used to tell partners apart in one combined plan, where every action sits in
    the same file and a Lead column says who does what.
    """
    best: tuple[int, str] | None = None
    for kind, pattern in _KIND_PATTERNS:
        found = pattern.search(text)
        if found and (best is None or found.start() < best[0]):
            best = (found.start(), kind)
    return best[1] if best else None
