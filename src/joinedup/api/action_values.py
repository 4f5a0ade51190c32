"""Validated API input -> the values `joinedup.actions.services` stores, and back for comparing.

References are checked against the caller's partnership here: a priority
number that is not in the strategy, a category of another partnership or an
unknown owner is a 422 naming the field, never a database error.
"""

from __future__ import annotations

from enum import Enum

from ninja.errors import ValidationError

from joinedup.accounts.scope import Scope
from joinedup.actions.models import PopulationGroup


def invalid(field: str, message: str) -> ValidationError:
    """A 422 in ninja's own error format, pointing at one body field."""
    return ValidationError([{"type": "value_error", "loc": ["body", "payload", field], "msg": message}])


def _ids_for(field: str, wanted: list, known: dict) -> list[int]:
    missing = [value for value in dict.fromkeys(wanted) if value not in known]
    if missing:
        raise invalid(field, f"not in this partnership: {', '.join(map(str, missing))}")
    return sorted({known[value] for value in wanted})


def _plain(value):
    return value.value if isinstance(value, Enum) else value


def stored_values(scope: Scope, fields: dict) -> dict:
    """Column values and link id lists for the fields given (a full create or a partial patch)."""
    data = {name: _plain(value) for name, value in fields.items()}
    if "priorities" in data:
        numbers = {p.number: p.id for p in scope.priorities()}
        data["priorities"] = _ids_for("priorities", data["priorities"], numbers)
    if "categories" in data:
        ids = {c.id: c.id for c in scope.categories()}
        data["categories"] = _ids_for("categories", data["categories"], ids)
    if "population_groups" in data:
        codes = {g.code: g.id for g in PopulationGroup.objects.all()}
        wanted = [_plain(code) for code in data["population_groups"]]
        data["population_groups"] = _ids_for("population_groups", wanted, codes)
    if "milestones" in data:
        data["milestones"] = [{"date": m["date"].isoformat() if m.get("date") else None, "text": m["text"]}
                              for m in data["milestones"]]  # a patch leaves unsent keys out, even nested
    if "area_codes" in data:
        data["area_codes"] = list(dict.fromkeys(data["area_codes"]))
    return data


def check_owner(scope: Scope, owner_id: int) -> None:
    if not scope.organisations().filter(id=owner_id).exists():
        raise invalid("owner_id", "not an organisation of this partnership")


def check_dates(start, end) -> None:
    """The timeline after a patch is applied: an end before the start is refused."""
    if start and end and end < start:
        raise invalid("end_date", "must be the same as or after start_date")
