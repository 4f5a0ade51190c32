"""Load the demo's indicators, area details and targets (called by `joinedup.demo_loader`).

`demo_dir/outcomes/indicators.csv` is a Fingertips-style export for the fictional
Wealdbridge county (E10099001), its wards and England; `demo_dir/areas.csv`
adds ward populations and deprivation quintiles; `demo_dir/outcomes/targets.yaml`
gives each indicator's unit, polarity and priorities, and the targets. A
target's baseline value is read from the data at its baseline period.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import yaml

from joinedup.accounts.scope import Scope
from joinedup.ingest.indicator_files import read_area_file
from joinedup.outcomes.importing import import_indicator_file
from joinedup.outcomes.models import Target
from joinedup.outcomes.progress import gap_series
from joinedup.partners.models import Partnership
from joinedup.stats.targets import gap_target_value


class DemoDataError(Exception):
    """The demo files do not agree with each other."""


def load_demo_outcomes(partnership: Partnership, demo_dir: Path) -> None:
    folder = Path(demo_dir) / "outcomes"
    if not (folder / "indicators.csv").exists():
        return
    import_indicator_file(partnership, folder / "indicators.csv")
    scope = Scope.system(partnership)
    if (Path(demo_dir) / "areas.csv").exists():
        _area_details(scope, Path(demo_dir) / "areas.csv")
    if (folder / "targets.yaml").exists():
        store_targets(scope, yaml.safe_load((folder / "targets.yaml").read_text(encoding="utf-8")))


def _area_details(scope: Scope, path: Path) -> None:
    """Populations and deprivation quintiles only: the indicator file already placed each ward."""
    details = {row.code: row for row in read_area_file(path).rows}
    for area in scope.areas().filter(code__in=details):
        row = details[area.code]
        area.population = row.population
        area.deprivation_quintile = row.deprivation_quintile
        area.save(update_fields=["population", "deprivation_quintile"])


def store_targets(scope: Scope, data: dict) -> list[Target]:
    """Apply indicator details and priority links, then create the targets (replacing earlier ones)."""
    area = scope.areas().get(code=data["area"])
    for entry in data.get("indicators", []):
        indicator = scope.indicators().get(name=entry["name"])
        for key in ("unit", "polarity", "method", "multiplier", "frequency"):
            if key in entry:
                setattr(indicator, key, entry[key])
        indicator.save()
        indicator.priorities.set(scope.priorities().filter(number__in=entry.get("priorities", [])))
    stored = []
    for entry in data.get("targets", []):
        indicator = scope.indicators().get(name=entry["indicator"])
        scope.targets().filter(indicator=indicator, area=area).delete()
        kind = entry.get("kind", "value")
        baseline = _baseline(scope, indicator, area, kind, str(entry["baseline_period"]))
        target_value = (gap_target_value(baseline, entry["reduction_percent"]) if kind == "gap"
                        else float(entry["target_value"]))
        stored.append(Target.objects.create(
            indicator=indicator, area=area, kind=kind, baseline_value=baseline,
            baseline_period=str(entry["baseline_period"]), baseline_date=_date(entry["baseline_date"]),
            target_value=round(target_value, 3), target_date=_date(entry["target_date"]),
            reduction_percent=entry.get("reduction_percent"),
            trajectory=entry.get("trajectory", "linear"),
            steps=[{"date": str(s["date"]), "value": s["value"]} for s in entry.get("steps", [])],
            tolerance=entry.get("tolerance", 0),
        ))
    return stored


def _baseline(scope: Scope, indicator, area, kind: str, period: str) -> float:
    if kind == "gap":
        found = [g.value for g in gap_series(scope, indicator, area) if g.period == period]
    else:
        found = list(scope.indicator_values().filter(indicator=indicator, area=area, period=period,
                                                     value__isnull=False)
                     .values_list("value", flat=True)[:1])
    if not found:
        raise DemoDataError(f"no value of '{indicator}' for {area.code} in {period} to use as the baseline")
    return round(float(found[0]), 3)


def _date(value) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))
