"""Progress status words and RAG colours -> the STATUSES codes."""

from __future__ import annotations

import re
from functools import lru_cache

from joinedup.ingest.records import STATUS_LABELS

STATUS_EXPECTATION = (
    "expected a status such as On track, Green, Amber, Red, Complete, Not started or Delayed; "
    "kept the text in the progress note"
)

_PHRASES: dict[str, str] = {
    "not started": "not_started", "not yet started": "not_started", "yet to start": "not_started",
    "to start": "not_started", "not due": "not_started", "not yet due": "not_started",
    "planned": "not_started",
    "on track": "on_track", "green": "on_track", "g": "on_track", "on schedule": "on_track",
    "on target": "on_track", "in progress": "on_track", "ongoing": "on_track",
    "progressing": "on_track", "good progress": "on_track",
    "at risk": "at_risk", "amber": "at_risk", "a": "at_risk", "some concerns": "at_risk",
    "some slippage": "at_risk", "slipping": "at_risk", "amber green": "at_risk",
    "amber red": "off_track",
    "off track": "off_track", "not on track": "off_track", "red": "off_track", "r": "off_track",
    "delayed": "off_track", "behind": "off_track", "behind schedule": "off_track",
    "overdue": "off_track", "significant concerns": "off_track",
    "complete": "complete", "completed": "complete", "done": "complete", "achieved": "complete",
    "finished": "complete", "closed": "complete", "delivered": "complete", "blue": "complete",
    "b": "complete",
    "stopped": "stopped", "cancelled": "stopped", "canceled": "stopped", "withdrawn": "stopped",
    "on hold": "stopped", "paused": "stopped", "suspended": "stopped", "discontinued": "stopped",
}
for _code, _label in STATUS_LABELS.items():
    _PHRASES[_label.lower()] = _code
_PHRASES.update({code.replace("_", " "): code for code in STATUS_LABELS})

_LEADING = re.compile(
    r"(?:rag\s*(?:status)?\s*)?("
    + "|".join(re.escape(p) for p in sorted(_PHRASES, key=len, reverse=True) if len(p) > 1)
    + r")\b"
)
_NORMALISE = re.compile(r"[^a-z]+")


def _normalise(text: str) -> str:
    return _NORMALISE.sub(" ", text.lower()).strip()


@lru_cache(maxsize=4096, typed=True)
def parse_status(value: object) -> str | None:
    """The status code a cell names, or None.

    The whole cell may be a status word ("Green", "G", "Complete") or start
    with one ("On track - first meeting held").
    """
    if not isinstance(value, str):
        return None
    text = _normalise(value[:200])
    if not text:
        return None
    if text in _PHRASES:
        return _PHRASES[text]
    match = _LEADING.match(text)
    return _PHRASES[match.group(1)] if match else None
