"""Brand-neutral colours chosen for contrast on white (WCAG 1.4.11 needs 3:1 for graphics)."""

from __future__ import annotations

INK = "#0b0c0c"
"""Text and axes: 19.8:1 on white."""

BAR = "#1f4e79"
"""Bars: dark blue, 8.7:1 on white, so bars read without relying on hue."""

GRID = "#b1b4b6"
"""Light grid lines: decoration only, never the only carrier of a value."""

HEAT = ("#ffffff", "#dbe7f3", "#a9c6e2", "#3d6a99", "#1f4e79")
"""Heat-map steps, lightest to darkest; the last two carry white text."""

HEAT_TEXT = (INK, INK, INK, "#ffffff", "#ffffff")
"""Text colour per heat step: at least 4.5:1 against its background."""
