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
