"""Trend charts as inline SVG drawn server-side by matplotlib, each with a <title> and <desc>.

The SVG is marked role="img" and labelled by its title and description; the
page shows the same numbers in a data table next to it, so nothing is only in
the picture.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence

from markupsafe import Markup, escape
from matplotlib.figure import Figure

from joinedup.charts.palette import GRID, INK
from joinedup.outcomes.progress import Point
from joinedup.stats.targets import fmt

BLUE = "#1d70b8"
GREY = "#505a5f"
GREEN = "#00703c"


def trend_svg(chart_id: str, title: str, points: Sequence[Point], benchmark: Sequence[Point] = (),
              benchmark_name: str = "", target: Sequence[tuple[str, float]] = ()) -> Markup:
    """A line of values with 95% CI bars, the benchmark's line and the target trajectory."""
    figure = Figure(figsize=(7, 3.2), dpi=100)
    axes = figure.add_subplot()
    labels = [p.period for p in points]
    xs = list(range(len(labels)))
    plotted = [(x, p) for x, p in zip(xs, points, strict=True) if p.value is not None]
    if plotted:
        axes.plot([x for x, _ in plotted], [p.value for _, p in plotted], color=BLUE, marker="o",
                  label="Value")
        with_ci = [(x, p) for x, p in plotted if p.lower is not None and p.upper is not None]
        if with_ci:
            axes.errorbar([x for x, _ in with_ci], [p.value for _, p in with_ci],
                          yerr=[[p.value - p.lower for _, p in with_ci],
                                [p.upper - p.value for _, p in with_ci]],
                          fmt="none", ecolor=BLUE, capsize=4, label="95% confidence interval")
    bench = {p.period: p.value for p in benchmark if p.value is not None}
    bench_x = [(x, bench[label]) for x, label in zip(xs, labels, strict=True) if label in bench]
    if bench_x:
        axes.plot([x for x, _ in bench_x], [v for _, v in bench_x], color=GREY, linestyle="--",
                  marker="s", label=benchmark_name or "Benchmark")
    target_x = [(labels.index(period), value) for period, value in target if period in labels]
    if target_x:
        axes.plot([x for x, _ in target_x], [v for _, v in target_x], color=GREEN, linestyle=":",
                  marker="^", label="Target trajectory")
    axes.set_xticks(xs, labels)
    axes.tick_params(colors=INK, labelsize=9)
    axes.grid(axis="y", color=GRID, linewidth=0.5)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    if plotted or bench_x:
        axes.legend(loc="best", fontsize=8, frameon=False)
    figure.tight_layout()
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
    return _labelled(buffer.getvalue(), chart_id, title,
                     describe(points, benchmark, benchmark_name, target))


def describe(points: Sequence[Point], benchmark: Sequence[Point] = (), benchmark_name: str = "",
             target: Sequence[tuple[str, float]] = ()) -> str:
    """The chart in words: the first and latest values, the benchmark's latest and the target."""
    known = [p for p in points if p.value is not None]
    if not known:
        return "No values to show."
    first, last = known[0], known[-1]
    words = [f"Values from {first.period} ({fmt(first.value)}) to {last.period} ({fmt(last.value)})."]
    bench = [p for p in benchmark if p.value is not None]
    if bench:
        words.append(f"{benchmark_name or 'Benchmark'} in {bench[-1].period}: {fmt(bench[-1].value)}.")
    if target:
        period, value = target[-1]
        words.append(f"Target trajectory reaches {fmt(value)} by {period}.")
    words.append("The table that follows gives every value with its confidence interval.")
    return " ".join(words)


def _labelled(svg: str, chart_id: str, title: str, description: str) -> Markup:
    body = svg[svg.index("<svg"):]
    body = re.sub(r'\s(width|height)="[^"]*"', "", body[: body.index(">")], count=2) + \
        body[body.index(">"):]
    heading = (f'<svg role="img" aria-labelledby="{chart_id}-title {chart_id}-desc" '
               f'class="app-chart" focusable="false"')
    body = body.replace("<svg", heading, 1)
    opening_end = body.index(">") + 1
    labels = (f'<title id="{chart_id}-title">{escape(title)}</title>'
              f'<desc id="{chart_id}-desc">{escape(description)}</desc>')
    return Markup(body[:opening_end] + labels + body[opening_end:])  # noqa: S704 matplotlib's own SVG
