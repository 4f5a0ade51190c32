"""Series of stored values and the status of stored targets (the Django side of `stats.targets`)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count

from joinedup.accounts.scope import Scope
from joinedup.outcomes.models import Area, IndicatorDefinition, IndicatorValue, Target
from joinedup.stats.targets import (
    Observation,
    Step,
    TargetSpec,
    TargetStatus,
    measured_gap,
    target_status,
)

ENGLAND = "E92000001"


@dataclass(frozen=True)
class Point:
    period: str
    date: dt.date | None
    value: float | None
    lower: float | None = None
    upper: float | None = None
    count: float | None = None
    denominator: float | None = None
    note: str = ""


def series(scope: Scope, indicator: IndicatorDefinition, area: Area | None) -> list[Point]:
    """The area's values of the indicator for all persons and ages (or the first breakdown), oldest first."""
    if area is None:
        return []
    rows = list(scope.indicator_values().filter(indicator=indicator, area=area))
    if not rows:
        return []
    persons = [r for r in rows if r.sex in ("Persons", "")]
    chosen = persons or [r for r in rows if r.sex == rows[0].sex]
    chosen.sort(key=lambda r: (r.period_end or dt.date.max, r.period))
    return [_point(r) for r in chosen]


def _point(row: IndicatorValue) -> Point:
    return Point(row.period, row.period_end, row.value, row.lower_ci, row.upper_ci, row.count,
                 row.denominator, row.note)


def home_area(scope: Scope, indicator: IndicatorDefinition) -> Area | None:
    """The area the partnership reports this indicator for.

    A target's area when there is one, else the area with the most sub-areas.
    """
    target = scope.targets().filter(indicator=indicator).select_related("area").first()
    if target:
        return target.area
    areas = (scope.areas().filter(values__indicator=indicator).exclude(code=ENGLAND)
             .annotate(sub_areas=Count("children", distinct=True)))
    ranked = sorted(areas, key=lambda a: (-a.sub_areas, a.code))
    return ranked[0] if ranked else None


def benchmark_area(scope: Scope, indicator: IndicatorDefinition, area: Area | None) -> Area | None:
    """The parent area when it has values, else England when present."""
    if area is None:
        return None
    values = scope.indicator_values().filter(indicator=indicator)
    if area.parent_id and values.filter(area_id=area.parent_id).exists():
        return area.parent
    england = scope.areas().filter(code=ENGLAND).first()
    if england and england.id != area.id and values.filter(area=england).exists():
        return england
    return None


def spec_for(target: Target) -> TargetSpec:
    steps = tuple(Step(dt.date.fromisoformat(s["date"]), float(s["value"])) for s in target.steps or ())
    return TargetSpec(
        baseline_value=target.baseline_value, baseline_date=target.baseline_date,
        target_value=target.target_value, target_date=target.target_date,
        polarity="low_is_good" if target.kind == Target.Kind.GAP else target.indicator.polarity,
        tolerance=target.tolerance, trajectory=target.trajectory, steps=steps,
    )


def latest_observation(scope: Scope, target: Target) -> Observation | None:
    if target.kind == Target.Kind.GAP:
        gaps = gap_series(scope, target.indicator, target.area)
        return gaps[-1] if gaps else None
    points = [p for p in series(scope, target.indicator, target.area)
              if p.value is not None and p.date is not None]
    if not points:
        return None
    last = points[-1]
    return Observation(last.value, last.date, last.period, last.lower, last.upper)


def gap_series(scope: Scope, indicator: IndicatorDefinition, area: Area) -> list[Observation]:
    """Per period, the gap between the fifth of the area's sub-areas with the lowest values and the area."""
    children = descendants(scope, area)
    weights = {c.id: c.population for c in children}
    by_period: dict[str, list[IndicatorValue]] = {}
    rows = scope.indicator_values().filter(indicator=indicator, area__in=children,
                                           value__isnull=False, sex__in=("Persons", ""))
    for row in rows:
        by_period.setdefault(row.period, []).append(row)
    own = {r.period: r.value for r in scope.indicator_values().filter(indicator=indicator, area=area)}
    gaps = []
    for period, values in by_period.items():
        if len(values) < 5 or values[0].period_end is None:
            continue
        known = all(weights[v.area_id] for v in values)
        gap = measured_gap([v.value for v in values],
                           [weights[v.area_id] for v in values] if known else None, own.get(period))
        gaps.append(Observation(gap, values[0].period_end, period))
    return sorted(gaps, key=lambda o: o.date)


def descendants(scope: Scope, area: Area) -> list[Area]:
    """Every area below this one (wards of a county, whether or not districts sit between)."""
    found: list[Area] = []
    layer = [area.id]
    while layer:
        below = list(scope.areas().filter(parent_id__in=layer))
        found.extend(below)
        layer = [a.id for a in below]
    return found


def status_of(scope: Scope, target: Target) -> TargetStatus:
    subject = "gap" if target.kind == Target.Kind.GAP else "value"
    return target_status(spec_for(target), latest_observation(scope, target), subject)
