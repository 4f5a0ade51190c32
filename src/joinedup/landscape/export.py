"""The landscape as data: bodies, members and roles, meeting costs, overlaps and co-terminosity.

One dictionary feeds both the JSON and the xlsx export, so they always agree.
"""

from __future__ import annotations

import json
from pathlib import Path

from joinedup.accounts.scope import Scope
from joinedup.landscape.figures import body_cost, boundaries_for, landscape_for


def landscape_data(scope: Scope) -> dict:
    figures = landscape_for(scope)
    report = boundaries_for(scope)
    return {
        "partnership": scope.partnership.name,
        "bodies": [{
            "name": b.name, "kind": b.kind, "parent": b.parent.name if b.parent else None,
            "purpose": b.purpose, "meetings_per_year": b.meetings_per_year,
            "typical_attendees": b.typical_attendees, "meeting_hours": float(b.meeting_hours),
            "people_hours_per_year": body_cost(b),
            "priorities": [p.number for p in b.priorities.all()],
            "plans": [p.title for p in b.plans.all()],
        } for b in figures.bodies],
        "members": [{
            "body": b.name, "organisation": s.organisation.name, "seat": s.role,
            "named_roles": "; ".join(str(p) for p in s.people.all()),
        } for b in figures.bodies for s in b.memberships.all()],
        "seats_per_organisation": [{"organisation": o.name, "bodies": n}
                                   for o, n in figures.seats],
        "overlaps": [{
            "body_a": r.a.name, "body_b": r.b.name,
            "membership_overlap": round(r.overlap.membership, 3),
            "shared_members": "; ".join(o.name for o in r.shared_members),
            "remit_overlap": round(r.overlap.remit, 3),
            "shared_priorities": len(r.overlap.shared_priorities),
            "alike_actions": r.overlap.shared_actions, "suggestion": r.overlap.suggestion,
        } for r in figures.overlaps],
        "coterminosity": [
            *({"kind": "member beyond body's area", "first": f.body.name,
               "second": m.organisation.name, "shared_areas": len(m.comparison.shared),
               "only_first_areas": 0, "only_second_areas": len(m.outside),
               "shared_population": m.comparison.shared_population,
               "only_second_population": m.outside_population}
              for f in report.footprints for m in f.beyond),
            *({"kind": "crossing boundaries", "first": a.name, "second": b.name,
               "shared_areas": len(c.shared), "only_first_areas": len(c.only_a),
               "only_second_areas": len(c.only_b), "shared_population": c.shared_population,
               "only_second_population": c.only_b_population}
              for a, b, c in report.crossing),
        ],
    }


def write_export(scope: Scope, path: Path) -> dict:
    """Write JSON (.json) or a workbook with one sheet per table (.xlsx); returns the data."""
    data = landscape_data(scope)
    if path.suffix.lower() == ".xlsx":
        import xlsxwriter

        book = xlsxwriter.Workbook(str(path))
        bold = book.add_format({"bold": True})
        for name, rows in data.items():
            if not isinstance(rows, list):
                continue
            sheet = book.add_worksheet(name.replace("_", " ").capitalize()[:31])
            headers = list(rows[0]) if rows else ["(none)"]
            sheet.write_row(0, 0, headers, bold)
            for number, row in enumerate(rows, start=1):
                sheet.write_row(number, 0, [", ".join(map(str, v)) if isinstance(v, list) else v
                                            for v in row.values()])
        book.close()
    else:
        path.write_text(json.dumps(data, indent=2, ensure_ascii=False), encoding="utf-8")
    return data
