"""Accessible charts as inline SVG: pure functions over plain data, no Django.

Each chart is drawn by matplotlib's SVG backend with text turned into paths
(no font files are needed by the reader, in a page or in a PDF), marked
role="img" and labelled by a <title> and a <desc> that say in words what the
chart shows. Pages always show the same numbers in a table as well: the table
is the text alternative, the picture is a convenience.
"""

from __future__ import annotations

from joinedup.charts.bars import Bar, bar_chart, describe_bars
from joinedup.charts.heat import HeatCell, shade

__all__ = ["Bar", "HeatCell", "bar_chart", "describe_bars", "shade"]
