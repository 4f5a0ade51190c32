"""Places an action targets: the whole area, ONS area codes, and place names kept as written.

Partners name places in words far more often than by code ("Eastgate ward",
"Northmere district"); those names are kept as text, never dropped, so they
can be matched to an area lookup later.
"""

from __future__ import annotations

import re
from functools import lru_cache

ONS_CODE = re.compile(r"\b[EWSN]\d{8}\b")
_WHOLE = re.compile(
    r"^(?:all|all areas|everywhere|whole area|whole)$|"
    r"\b(?:whole|entire|all of (?:the )?)\s*(?:county|borough|district|city|area|region|"
    r"patch|system|footprint|island|authority|county area)\b|"
    r"\b(?:county|borough|district|city|area|region|system|island|authority)\s*wide\b",
    re.IGNORECASE,
)


@lru_cache(maxsize=4096, typed=True)
def parse_places(value: object) -> tuple[bool, tuple[str, ...], str]:
    """(whole_area, ONS codes in order written, place names as written, joined by '; ')."""
    if not isinstance(value, str) or not value.strip():
        return False, (), ""
    text = value[:5000]
    codes = tuple(dict.fromkeys(ONS_CODE.findall(text)))
    rest = ONS_CODE.sub(" ", text)
    whole = False
    parts = [p.strip(" .") for p in re.split(r"[\n;,]+", rest) if p.strip(" .")]
    names = []
    for part in parts:
        if _WHOLE.search(part.replace("-", " ")):
            whole = True
        else:
            names.append(part)
    return whole, codes, "; ".join(names)
