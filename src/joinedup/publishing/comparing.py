"""What changed between two snapshots: actions added, removed, and changed field by field."""

from __future__ import annotations

from dataclasses import dataclass

COMPARED_FIELDS = {
    "title": "Title",
    "description": "What will happen",
    "intended_outcome": "Intended outcome",
    "lead": "Who leads",
    "contributing_partners": "Contributing partners",
    "resources": "Resources",
    "outcome_measures": "How we will know",
    "timeline": "Timeline",
    "barriers": "Barriers",
    "barriers_mitigation": "How barriers will be overcome",
    "status_label": "Progress",
    "progress_note": "Progress note",
    "priority_numbers": "Priorities",
}
"""The fields compared, with the name a reader sees."""


@dataclass(frozen=True)
class FieldChange:
    label: str
    before: str
    after: str


@dataclass(frozen=True)
class ActionChange:
    title: str
    changes: list[FieldChange]


@dataclass(frozen=True)
class Comparison:
    added: list[dict]
    removed: list[dict]
    changed: list[ActionChange]


def shown(value) -> str:
    """A field's value as one line of text, for the comparison table."""
    if isinstance(value, dict):
        return "; ".join(f"{k.replace('_', ' ')}: {shown(v)}" for k, v in value.items() if v)
    if isinstance(value, list):
        return ", ".join(shown(v) for v in value)
    return "" if value is None else str(value)


def compare(before: dict, after: dict) -> Comparison:
    old = {a["id"]: a for a in before["actions"]}
    new = {a["id"]: a for a in after["actions"]}
    changed = []
    for key in sorted(old.keys() & new.keys()):
        diffs = [FieldChange(label, shown(old[key].get(name)), shown(new[key].get(name)))
                 for name, label in COMPARED_FIELDS.items()
                 if old[key].get(name) != new[key].get(name)]
        if diffs:
            changed.append(ActionChange(new[key]["title"], diffs))
    return Comparison(added=[new[k] for k in sorted(new.keys() - old.keys())],
                      removed=[old[k] for k in sorted(old.keys() - new.keys())],
                      changed=changed)
