"""Heat-map shading for an HTML table: the number is always in the cell, the colour only helps."""

from __future__ import annotations

from dataclasses import dataclass

from joinedup.charts.palette import HEAT, HEAT_TEXT


@dataclass(frozen=True)
class HeatCell:
    value: int
    background: str
    text: str
    level: int


def shade(value: int, largest: int) -> HeatCell:
    """The shading step for `value` on a scale up to `largest`: 0 only for zero.

    Steps are proportional (1..4 for any non-zero value), so the darkest cell
    is the largest count and an empty cell stays white.
    """
    if value <= 0 or largest <= 0:
        level = 0
    else:
        level = max(1, min(len(HEAT) - 1, -(-value * (len(HEAT) - 1) // largest)))
    return HeatCell(value, HEAT[level], HEAT_TEXT[level], level)
