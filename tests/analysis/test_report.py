from __future__ import annotations

import csv
import datetime as dt
import re

import pytest

from joinedup.analysis.pipeline import analyse
from joinedup.analysis.report import safe_cell, write_outputs

from .conftest import action


@pytest.fixture
def outputs(tmp_path, strategy, plans):
    hostile = action("Evil Org", "=HYPERLINK(\"x\")", "<script>alert(1)</script> plan",
                     description="-2+3 tobacco")
    result = analyse([*plans, hostile], strategy, today=dt.date(2026, 6, 1))
    write_outputs(result, tmp_path)
    return tmp_path


def _header(path):
    with path.open(newline="", encoding="utf-8") as handle:
        return next(csv.reader(handle))


def test_csv_headers_are_exact(outputs):
    assert _header(outputs / "pairs.csv") == [
        "a_partner", "a_ref", "b_partner", "b_ref", "score", "kind", "evidence"]
    assert _header(outputs / "priority_suggestions.csv") == [
        "partner", "ref", "rank", "priority_number", "priority_name", "score"]
    assert _header(outputs / "health.csv") == ["severity", "check", "subject", "message"]


@pytest.mark.parametrize(("cell", "expected"), [
    ("=SUM(A1)", "'=SUM(A1)"), ("+1", "'+1"), ("-1", "'-1"), ("@cmd", "'@cmd"),
    ("\tx", "'\tx"), ("\rx", "'\rx"), ("plain", "plain"), ("a=b", "a=b"),
])
def test_cells_that_start_like_formulas_are_neutralised(cell, expected):
    assert safe_cell(cell) == expected


def test_written_csv_neutralises_a_formula_in_a_reference(outputs):
    with (outputs / "priority_suggestions.csv").open(newline="", encoding="utf-8") as handle:
        refs = [row["ref"] for row in csv.DictReader(handle)]
    assert "'=HYPERLINK(\"x\")" in refs
    assert "=HYPERLINK(\"x\")" not in refs


def test_every_unmapped_action_has_a_priority_suggestion_row(outputs, plans):
    with (outputs / "priority_suggestions.csv").open(newline="", encoding="utf-8") as handle:
        keys = {(row["partner"], row["ref"]) for row in csv.DictReader(handle)}
    unmapped = {(a.partner, a.reference) for a in plans if not a.priority_numbers}
    assert unmapped <= keys


def test_report_declares_language_and_has_headings_and_captions(outputs):
    html = (outputs / "report.html").read_text(encoding="utf-8")
    assert '<html lang="en-GB">' in html
    assert re.search(r"<h1>.+</h1>", html)
    assert html.count("<h2") >= 5
    assert html.count("<caption>") == html.count("<table>")
    assert '<th scope="col">' in html


def test_report_escapes_text_from_plans(outputs):
    html = (outputs / "report.html").read_text(encoding="utf-8")
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
