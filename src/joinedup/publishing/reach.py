"""The reach of a consultation: who answered the equality questions, beside the area's population."""

from __future__ import annotations

from joinedup.accounts.scope import Scope
from joinedup.publishing import equality


def reach_tables(scope: Scope, answers) -> dict:
    """Tables per question; the area table adds population shares when every ward's is known."""
    rows = list(answers)
    tables = [(label, equality.profile([getattr(r, name) for r in rows], choices))
              for name, (label, choices) in equality.QUESTIONS.items()]
    wards = {a.name: a.population for a in scope.areas().filter(parent__isnull=False)}
    areas = equality.area_profile([r.area for r in rows], wards)
    population_known = bool(wards) and all(wards.values())
    return {"respondents": len(rows), "tables": tables, "areas": areas,
            "population_known": population_known}
