"""Display values for pages (and their JSON twins): no queries decided here beyond what is passed."""

from __future__ import annotations

from dataclasses import dataclass

from joinedup.actions.models import Action

MISSING = "Not given"


def money(amount) -> str:
    if amount is None:
        return ""
    return f"£{amount:,.0f}" if amount == int(amount) else f"£{amount:,.2f}"


def resourcing(action: Action) -> str:
    parts = [
        money(action.resource_amount) or action.resource_amount_text,
        action.resource_staff_time,
        action.resource_funding_source and f"Funded by {action.resource_funding_source}",
        action.resource_notes,
    ]
    return "; ".join(p for p in parts if p)


def timeline(action: Action) -> str:
    start = action.start_date.strftime("%d %B %Y") if action.start_date else action.start_text
    end = action.end_date.strftime("%d %B %Y") if action.end_date else action.end_text
    if start and end:
        return f"{start} to {end}"
    return f"By {end}" if end else (f"From {start}" if start else "")


def lead(action: Action) -> str:
    return ", ".join(p for p in (action.lead_name, action.lead_role) if p)


def barriers(action: Action) -> str:
    if action.barriers and action.barriers_mitigation:
        return f"{action.barriers} Overcome by: {action.barriers_mitigation}"
    return action.barriers or action.barriers_mitigation


def progress(action: Action) -> str:
    return action.progress_note


def accountability(action: Action) -> list[tuple[str, str]]:
    """The six accountability fields of the board report, in its order."""
    return [
        ("Who leads", lead(action)),
        ("How it is resourced", resourcing(action)),
        ("Outcome measures", action.outcome_measures),
        ("Timeline", timeline(action)),
        ("Barriers and how they will be overcome", barriers(action)),
        ("Progress so far", progress(action)),
    ]


def summary_rows(pairs: list[tuple[str, str]]) -> list[dict]:
    """Rows for govukSummaryList, with a visible 'Not given' for empty fields."""
    return [
        {"key": {"text": key}, "value": {"text": value or MISSING}} for key, value in pairs
    ]


@dataclass(frozen=True)
class Change:
    field: str
    old: str
    new: str


@dataclass(frozen=True)
class HistoryEntry:
    when: object
    who: str
    kind: str
    changes: list[Change]


HISTORY_KINDS = {"+": "Created", "~": "Changed", "-": "Deleted"}
LINKED = {"priorities": "priority", "categories": "category", "population_groups": "populationgroup"}


def _link_labels(action: Action) -> dict[str, dict[int, str]]:
    """Names for the ids that many-to-many history records hold."""
    from joinedup.actions.models import PopulationGroup
    from joinedup.strategy.models import Category, Priority

    return {
        "priority": {p.id: str(p) for p in Priority.objects.filter(partnership=action.partnership_id)},
        "category": {c.id: c.name for c in Category.objects.filter(partnership=action.partnership_id)},
        "populationgroup": {g.id: g.label for g in PopulationGroup.objects.all()},
    }


def _shown(value, field: str = "", labels: dict | None = None) -> str:
    if field in LINKED and isinstance(value, list):
        key = LINKED[field]
        names = sorted(labels[key].get(item.get(key), "?") for item in value)
        return "; ".join(names) or "(none)"
    if value in (None, "", [], ()):
        return "(empty)"
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


def _field_label(name: str) -> str:
    if name in LINKED:
        return name.replace("_", " ").capitalize()
    return str(Action._meta.get_field(name).verbose_name).capitalize()


def history(action: Action) -> list[HistoryEntry]:
    """Every recorded version of the action, newest first, with field-by-field changes.

    Versions that changed nothing visible (simple-history records one per
    many-to-many update) are folded away; the first version is always shown.
    """
    records = list(action.history.select_related("history_user").order_by("-history_date", "-history_id"))
    labels = _link_labels(action)
    entries = []
    for index, record in enumerate(records):
        older = records[index + 1] if index + 1 < len(records) else None
        changes = _changes(record, older, labels)
        if older is not None and not changes:
            continue
        who = record.history_user.get_username() if record.history_user else "Import or system"
        entries.append(HistoryEntry(record.history_date, who, _kind(record, older), changes))
    return entries


def _changes(record, older, labels) -> list[Change]:
    if older is None:
        return []
    delta = record.diff_against(older, excluded_fields=["version", "updated"])
    return [
        Change(_field_label(c.field), _shown(c.old, c.field, labels), _shown(c.new, c.field, labels))
        for c in delta.changes
    ]


def _kind(record, older) -> str:
    if older is not None and record.deleted_at and not older.deleted_at:
        return "Deleted"
    if older is not None and older.deleted_at and not record.deleted_at:
        return "Restored"
    return HISTORY_KINDS.get(record.history_type, "Changed")
