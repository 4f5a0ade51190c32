"""Horizontal bar charts as labelled inline SVG."""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from html import escape

import matplotlib
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from joinedup.charts.palette import BAR, GRID, INK

_SAFE_ID = re.compile(r"[^A-Za-z0-9_-]")
LISTED = 15
"""Up to this many bars the description names every value; beyond, the extremes."""


@dataclass(frozen=True)
class Bar:
    label: str
    value: float


def _fmt(value: float, unit: str) -> str:
    number = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"
    if unit == "%":
        return f"{number}%"
    if value == 1 and unit.endswith("s"):
        unit = unit[:-1]
    return f"{number} {unit}" if unit else number


def describe_bars(bars: Sequence[Bar], unit: str = "") -> str:
    """The chart in words: every value (or the largest and smallest of many), and the total of counts."""
    if not bars:
        return "There is nothing to show yet."
    words = [f"{len(bars)} bar{'s' if len(bars) != 1 else ''}."]
    if len(bars) <= LISTED:
        words.append("; ".join(f"{b.label}: {_fmt(b.value, unit)}" for b in bars) + ".")
    else:
        largest = max(bars, key=lambda b: b.value)
        smallest = min(bars, key=lambda b: b.value)
        words.append(f"Largest: {largest.label}, {_fmt(largest.value, unit)}. "
                     f"Smallest: {smallest.label}, {_fmt(smallest.value, unit)}.")
    if unit != "%":
        words.append(f"Total: {_fmt(sum(b.value for b in bars), unit)}.")
    words.append("The table gives every value.")
    return " ".join(words)


def bar_chart(chart_id: str, title: str, bars: Sequence[Bar], unit: str = "",
              scale_max: float | None = None) -> str:
    """A horizontal bar chart, one bar per item in the given order, each bar labelled with its value.

    Returns an <svg> string (role="img", <title>, <desc>) ready to inline in HTML
    or a PDF; `chart_id` must be unique on the page (it names the title and desc).
    Drawing takes matplotlib ~0.1 s, so the last charts drawn are kept: a
    dashboard reloaded with the same numbers costs nothing.
    """
    return _drawn(chart_id, title, tuple(bars), unit, scale_max)


@lru_cache(maxsize=256)
def _drawn(chart_id: str, title: str, bars: tuple[Bar, ...], unit: str,
           scale_max: float | None) -> str:
    safe_id = _SAFE_ID.sub("-", chart_id)
    height = 0.9 + 0.42 * max(1, len(bars))
    with matplotlib.rc_context({"svg.fonttype": "path", "svg.hashsalt": safe_id,
                                "font.family": "DejaVu Sans", "font.size": 10}):
        figure = Figure(figsize=(7, height), dpi=100)
        axes = figure.add_subplot()
        labels = [b.label if len(b.label) <= 40 else b.label[:39] + "…" for b in bars]
        values = [b.value for b in bars]
        ys = list(range(len(bars)))
        axes.barh(ys, values, color=BAR, height=0.6)
        top = scale_max if scale_max is not None else max(values, default=0) or 1
        for y, bar in zip(ys, bars, strict=True):
            axes.text(bar.value + top * 0.01, y, _fmt(bar.value, unit), va="center", color=INK)
        axes.set_yticks(ys, labels)
        axes.invert_yaxis()
        axes.set_xlim(0, top * 1.15)
        if scale_max is not None:
            axes.set_xticks([scale_max * step / 4 for step in range(5)])
        else:
            whole = all(float(v).is_integer() for v in values)
            axes.xaxis.set_major_locator(MaxNLocator(integer=whole))
        axes.tick_params(colors=INK)
        axes.grid(axis="x", color=GRID, linewidth=0.5)
        axes.set_axisbelow(True)
        for side in ("top", "right"):
            axes.spines[side].set_visible(False)
        longest = max((len(label) for label in labels), default=0)
        figure.subplots_adjust(left=min(0.5, 0.04 + 0.0125 * longest), right=0.97,
                               top=1 - 0.25 / height, bottom=0.55 / height)
        buffer = io.StringIO()
        figure.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
    return _labelled(buffer.getvalue(), safe_id, title, describe_bars(bars, unit))


def _labelled(svg: str, chart_id: str, title: str, description: str) -> str:
    """matplotlib's SVG with the XML prologue dropped, sizes made fluid and labels added."""
    body = svg[svg.index("<svg"):]
    opening_end = body.index(">") + 1
    opening = re.sub(r'\s(width|height)="[^"]*"', "", body[:opening_end])
    opening = opening.replace(
        "<svg",
        f'<svg role="img" aria-labelledby="{chart_id}-title {chart_id}-desc" class="app-chart" '
        'focusable="false" style="max-width:100%;height:auto"', 1)
    labels = (f'<title id="{chart_id}-title">{escape(title)}</title>'
              f'<desc id="{chart_id}-desc">{escape(description)}</desc>')
    return opening + labels + body[opening_end:]
