"""What the outcomes pages show about one indicator: latest value, benchmark, targets, chart."""

from __future__ import annotations

from dataclasses import dataclass, field

from markupsafe import Markup

from joinedup.accounts.scope import Scope
from joinedup.outcomes.charts import trend_svg
from joinedup.outcomes.models import Area, IndicatorDefinition, Target
from joinedup.outcomes.progress import (
    Point,
    benchmark_area,
    home_area,
    series,
    spec_for,
    status_of,
)
from joinedup.stats import compare_to_benchmark
from joinedup.stats.targets import TargetStatus, fmt, trajectory_value

NAN = float("nan")


@dataclass
class TargetView:
    target: Target
    status: TargetStatus


@dataclass
class IndicatorView:
    indicator: IndicatorDefinition
    area: Area | None
    points: list[Point]
    benchmark: Area | None = None
    benchmark_points: list[Point] = field(default_factory=list)
    comparison: str = ""
    targets: list[TargetView] = field(default_factory=list)
    trajectory: list[tuple[str, float]] = field(default_factory=list)
    chart: Markup | None = None

    @property
    def latest(self) -> Point | None:
        known = [p for p in self.points if p.value is not None]
        return known[-1] if known else None

    def benchmark_value(self, period: str) -> float | None:
        return next((p.value for p in self.benchmark_points if p.period == period), None)

    def target_value(self, period: str) -> float | None:
        return dict(self.trajectory).get(period)


def indicator_view(scope: Scope, indicator: IndicatorDefinition, *, chart: bool = False) -> IndicatorView:
    area = home_area(scope, indicator)
    view = IndicatorView(indicator, area, series(scope, indicator, area))
    view.benchmark = benchmark_area(scope, indicator, area)
    view.benchmark_points = series(scope, indicator, view.benchmark)
    view.comparison = _comparison(view)
    targets = scope.targets().filter(indicator=indicator).select_related("area", "indicator")
    view.targets = [TargetView(t, status_of(scope, t)) for t in targets]
    area_id = getattr(area, "id", None)
    value_target = next(
        (t for t in targets if t.kind == Target.Kind.VALUE and t.area_id == area_id), None)
    if value_target:
        spec = spec_for(value_target)
        view.trajectory = [(p.period, trajectory_value(spec, p.date)) for p in view.points
                           if p.date and p.date >= value_target.baseline_date]
    if chart:
        view.chart = trend_svg(
            f"chart-{indicator.pk}", f"{indicator.name}: trend in {area.name if area else 'no area'}",
            view.points, view.benchmark_points, view.benchmark.name if view.benchmark else "",
            view.trajectory,
        )
    return view


def _comparison(view: IndicatorView) -> str:
    latest = view.latest
    if latest is None or view.benchmark is None:
        return "No benchmark"
    bench = view.benchmark_value(latest.period)
    if bench is None or latest.lower is None or latest.upper is None:
        return "Not compared"
    result = compare_to_benchmark([latest.lower], [latest.upper], [bench], view.indicator.polarity)
    assessment = str(result.assessment[0])
    if assessment == "not applicable":
        return f"{str(result.comparison[0]).capitalize()} than {view.benchmark.name} ({fmt(bench)})" \
            if result.comparison[0] != "similar" else f"Similar to {view.benchmark.name} ({fmt(bench)})"
    if assessment == "similar":
        return f"Similar to {view.benchmark.name} ({fmt(bench)})"
    return f"{assessment.capitalize()} than {view.benchmark.name} ({fmt(bench)})"


def number(value: float | None) -> str:
    """A number for a table cell; an empty cell stays empty."""
    return "" if value is None else fmt(value)
