"""Loading a landscape file (organisations, boundaries, bodies) and a small-area lookup.

The landscape file format is the one in demo/landscape.yaml: `organisations`
(id, name, type, boundary: [area codes]) and `partnerships` (id, name, kind,
purpose, parent, members, roles, meetings_per_year, typical_attendees,
meeting_hours, priorities: [numbers], optionally plans: [titles] and boundary).
Loading is all or nothing and repeatable: bodies are matched by name.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import yaml
from django.db import transaction

from joinedup.accounts.scope import Scope
from joinedup.landscape.models import (
    BodyKind,
    BodyMembership,
    Boundary,
    NamedRole,
    PartnershipBody,
    SeatRole,
    SmallArea,
)
from joinedup.partners.models import Organisation, OrganisationType, Partnership, PartnershipMember

_RANK = [SeatRole.CHAIR, SeatRole.VICE_CHAIR, SeatRole.LEAD, SeatRole.SECRETARIAT, SeatRole.MEMBER]


class LandscapeError(ValueError):
    """The file cannot be loaded; the message says where and why."""


@dataclass
class LoadReport:
    organisations: int = 0
    bodies: int = 0
    seats: int = 0
    warnings: list[str] = field(default_factory=list)


def seat_role(title: str) -> SeatRole:
    """The kind of seat a named role implies: 'Independent chair' -> chair, 'Secretary' -> secretariat."""
    words = title.lower()
    if "vice" in words:
        return SeatRole.VICE_CHAIR
    if "chair" in words:
        return SeatRole.CHAIR
    if any(w in words for w in ("secretar", "business manager", "officer", "coordinator")):
        return SeatRole.SECRETARIAT
    if any(w in words for w in ("lead", "director", "responsible")):
        return SeatRole.LEAD
    return SeatRole.MEMBER


def _higher(first: str, second: str) -> str:
    return min(first, second, key=lambda role: _RANK.index(SeatRole(role)))


def read_landscape(path: Path) -> dict:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise LandscapeError(f"{path}: cannot read it ({error})") from None
    if not isinstance(data, dict) or not isinstance(data.get("partnerships"), list):
        raise LandscapeError(f"{path}: expected 'organisations' and 'partnerships' lists")
    return data


def _existing(partnership: Partnership, name: str) -> Organisation | None:
    """An organisation already in the partnership under this name, or this name less a
    trailing note in brackets ('NHS X CCG (from 2022 part of ...)' matches 'NHS X CCG')."""
    short = name.split(" (", 1)[0].strip()
    return (partnership.organisations.filter(name=name).first()
            or partnership.organisations.filter(name=short).first())


def _organisations(partnership: Partnership, entries: list[dict],
                   report: LoadReport) -> dict[str, Organisation]:
    found = {}
    for entry in entries:
        kind = entry.get("type", "other")
        if kind not in OrganisationType.values:
            raise LandscapeError(f"organisation {entry.get('id')}: unknown type '{kind}'")
        organisation = _existing(partnership, entry["name"]) or Organisation.objects.get_or_create(
            name=entry["name"], defaults={"kind": kind})[0]
        PartnershipMember.objects.get_or_create(partnership=partnership, organisation=organisation)
        if "boundary" in entry:
            Boundary.objects.update_or_create(
                partnership=partnership, organisation=organisation,
                defaults={"areas": [str(code) for code in entry["boundary"]]})
        found[str(entry["id"])] = organisation
        report.organisations += 1
    return found


def _body(scope: Scope, entry: dict, organisations: dict[str, Organisation],
          report: LoadReport) -> PartnershipBody:
    kind = str(entry.get("kind", "board")).replace("-", "_")
    if kind not in BodyKind.values:
        raise LandscapeError(f"partnership {entry.get('id')}: unknown kind '{entry.get('kind')}'")
    body, _ = PartnershipBody.objects.update_or_create(
        partnership=scope.partnership, name=entry["name"],
        defaults={"key": str(entry.get("id", ""))[:60], "kind": kind,
                  "purpose": entry.get("purpose") or "",
                  "meetings_per_year": int(entry.get("meetings_per_year") or 0),
                  "typical_attendees": int(entry.get("typical_attendees") or 0),
                  "meeting_hours": Decimal(str(entry.get("meeting_hours") or 0))})
    body.memberships.all().delete()
    seats = {}
    for key in entry.get("members", []):
        if str(key) not in organisations:
            raise LandscapeError(f"partnership {entry.get('id')}: unknown member '{key}'")
        seats[str(key)] = BodyMembership.objects.create(body=body, organisation=organisations[str(key)])
    for position, role in enumerate(entry.get("roles", [])):
        key = str(role.get("organisation"))
        if key not in organisations:
            raise LandscapeError(f"partnership {entry.get('id')}: role for unknown '{key}'")
        seat = seats.get(key) or BodyMembership.objects.create(body=body,
                                                               organisation=organisations[key])
        seats[key] = seat
        NamedRole.objects.create(membership=seat, title=role.get("role", ""),
                                 holder=role.get("name", ""), position=position)
        seat.role = _higher(seat.role, seat_role(role.get("role", "")))
        seat.save(update_fields=["role"])
    report.seats += len(seats)
    numbers = [int(n) for n in entry.get("priorities", [])]
    priorities = list(scope.priorities().filter(number__in=numbers))
    missing = sorted(set(numbers) - {p.number for p in priorities})
    if missing:
        report.warnings.append(f"{body.name}: no priorities numbered {missing} in the strategy")
    body.priorities.set(priorities)
    body.plans.set(scope.plans().filter(title__in=entry.get("plans", [])))
    if "boundary" in entry:
        Boundary.objects.update_or_create(partnership=scope.partnership, body=body,
                                          defaults={"areas": [str(c) for c in entry["boundary"]]})
    report.bodies += 1
    return body


def load_landscape(partnership: Partnership, data: dict) -> LoadReport:
    """Store the file's organisations, boundaries and bodies in the partnership."""
    report = LoadReport()
    scope = Scope.system(partnership)
    with transaction.atomic():
        organisations = _organisations(partnership, data.get("organisations") or [], report)
        bodies = {str(e.get("id")): _body(scope, e, organisations, report)
                  for e in data["partnerships"]}
        for entry in data["partnerships"]:
            parent = entry.get("parent")
            if parent is not None and str(parent) not in bodies:
                raise LandscapeError(f"partnership {entry.get('id')}: unknown parent '{parent}'")
            body = bodies[str(entry.get("id"))]
            body.parent = bodies[str(parent)] if parent is not None else None
            body.save(update_fields=["parent"])
    return report


def _optional_int(value: str | None) -> int | None:
    value = (value or "").strip().replace(",", "")
    return int(value) if value else None


def import_areas(partnership: Partnership, path: Path) -> int:
    """Load a small-area lookup CSV (code,name,parent_code,parent_name[,population,deprivation_quintile]).

    Rows are matched by code, so re-importing updates. Returns the number of rows.
    """
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.DictReader(handle))
    except OSError as error:
        raise LandscapeError(f"{path}: cannot read it ({error})") from None
    needed = {"code", "name", "parent_code", "parent_name"}
    if not rows or not needed <= set(rows[0]):
        raise LandscapeError(f"{path}: needs the columns {', '.join(sorted(needed))}")
    with transaction.atomic():
        for number, row in enumerate(rows, start=2):
            try:
                quintile = _optional_int(row.get("deprivation_quintile"))
                population = _optional_int(row.get("population"))
            except ValueError:
                raise LandscapeError(f"{path}, row {number}: population and quintile must be "
                                     "whole numbers") from None
            if quintile is not None and not 1 <= quintile <= 5:
                raise LandscapeError(f"{path}, row {number}: deprivation quintile must be 1 to 5")
            SmallArea.objects.update_or_create(
                partnership=partnership, code=row["code"].strip(),
                defaults={"name": row["name"].strip(), "parent_code": row["parent_code"].strip(),
                          "parent_name": row["parent_name"].strip(), "population": population,
                          "deprivation_quintile": quintile})
    return len(rows)
