"""Charts are labelled pictures whose numbers are also given in words (and in a table on the page)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from joinedup.charts import Bar, bar_chart, describe_bars, shade
from joinedup.charts.bars import _drawn
from joinedup.charts.palette import HEAT, HEAT_TEXT

SVG = "{http://www.w3.org/2000/svg}"
BARS = [Bar("Not started", 3), Bar("On track", 12), Bar("At risk", 5)]


def _root(svg: str) -> ET.Element:
    return ET.fromstring(svg)  # noqa: S314 our own generated SVG, not untrusted input


def test_the_svg_is_an_image_labelled_by_its_title_and_description():
    root = _root(bar_chart("status", "Actions by status", BARS, "actions"))
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == "status-title status-desc"
    assert root.find(f"{SVG}title").text == "Actions by status"
    assert root.find(f"{SVG}title").get("id") == "status-title"
    assert root.find(f"{SVG}desc").get("id") == "status-desc"


def test_the_description_gives_every_number_and_the_total():
    desc = _root(bar_chart("s", "t", BARS, "actions")).find(f"{SVG}desc").text
    assert "Not started: 3 actions; On track: 12 actions; At risk: 5 actions." in desc
    assert "Total: 20 actions." in desc


def test_percentages_have_no_total():
    words = describe_bars([Bar("Council", 50), Bar("NHS", 12.5)], "%")
    assert "Council: 50%; NHS: 12.5%." in words
    assert "Total" not in words


def test_many_bars_are_summarised_by_their_extremes():
    bars = [Bar(f"Partner {i}", i) for i in range(1, 21)]
    words = describe_bars(bars, "actions")
    assert "Largest: Partner 20, 20 actions." in words
    assert "Smallest: Partner 1, 1 action." in words
    assert "Total: 210 actions." in words


def test_an_empty_chart_says_so():
    assert describe_bars([], "actions") == "There is nothing to show yet."


def test_no_fonts_are_needed_to_read_the_svg():
    svg = bar_chart("s", "t", BARS, "actions")
    assert "@font-face" not in svg and "font-family" not in svg
    assert "<text" not in svg  # text is drawn as paths


def test_the_svg_has_no_fixed_size_and_escapes_the_title():
    svg = bar_chart("s", "Partners <&> plans", BARS)
    opening = svg[: svg.index(">")]
    assert not re.search(r'\swidth="', opening)
    assert "Partners &lt;&amp;&gt; plans" in svg


def test_the_same_data_draws_the_same_svg():
    first = bar_chart("s", "t", BARS)
    _drawn.cache_clear()  # draw again rather than return the cached string
    assert bar_chart("s", "t", BARS) == first


def _luminance(colour: str) -> float:
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrast(a: str, b: str) -> float:
    light, dark = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_heat_map_text_meets_the_normal_text_contrast_ratio_on_every_step():
    assert all(_contrast(bg, fg) >= 4.5 for bg, fg in zip(HEAT, HEAT_TEXT, strict=True))


def test_heat_steps_zero_is_white_and_the_largest_is_darkest():
    assert shade(0, 10).level == 0
    assert shade(1, 10).level == 1   # ceil(1 * 4 / 10) = 1
    assert shade(5, 10).level == 2   # ceil(5 * 4 / 10) = 2
    assert shade(8, 10).level == 4   # ceil(8 * 4 / 10) = 4
    assert shade(10, 10).level == 4
    assert shade(3, 0).level == 0
