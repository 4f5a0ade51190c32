"""What changed in an action since the version a client read: the body of a 409.

The version the client read is found in the action's simple-history; every
stored field (and link) whose value differs between that version and now is
listed. When history does not hold that version, the fields the client sent
that differ from the current values are listed instead.
"""

from __future__ import annotations

from joinedup.actions.forms import HISTORY_LINK_IDS
from joinedup.actions.models import Action
from joinedup.actions.services import Conflict

NOT_COMPARED = {"id", "partnership", "created", "updated", "version", "deleted_at"}
SCALARS = tuple((f.name, f.attname) for f in Action._meta.concrete_fields if f.name not in NOT_COMPARED)


def _links(record, historical: bool) -> dict[str, list[int]]:
    if historical:
        return {name: sorted(getattr(row, column) for row in getattr(record, name).all())
                for name, column in HISTORY_LINK_IDS.items()}
    return {name: sorted(item.id for item in getattr(record, name).all()) for name in HISTORY_LINK_IDS}


def _values(record, historical: bool) -> dict:
    values = {name: getattr(record, attname) for name, attname in SCALARS}
    return values | _links(record, historical)


def changed_fields(conflict: Conflict, current: Action, sent: dict) -> list[str]:
    """Names of the fields someone else changed since the client's version (see module doc)."""
    now = _values(current, historical=False)
    if conflict.opened is not None:
        before = _values(conflict.opened, historical=True)
        return [name for name in now if before.get(name) != now[name]]
    return [name for name, value in sent.items()
            if name in now and (sorted(value) if name in HISTORY_LINK_IDS else value) != now[name]]
