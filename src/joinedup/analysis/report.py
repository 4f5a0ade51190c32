"""Write an analysis to CSV files and an accessible, self-contained HTML report."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from pathlib import Path

from jinja2 import Environment, PackageLoader, select_autoescape

from joinedup.ingest.fields import CANONICAL_HEADERS
from joinedup.ingest.plans import PlansRead

from .pipeline import AnalysisResult

PAIR_COLUMNS = ("a_partner", "a_ref", "b_partner", "b_ref", "score", "kind", "evidence")
SUGGESTION_COLUMNS = ("partner", "ref", "rank", "priority_number", "priority_name", "score")
HEALTH_COLUMNS = ("severity", "check", "subject", "message")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> str:
    """Text that a spreadsheet will not run as a formula (prefix ' when risky)."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def write_csv(path: Path, header: Sequence[str], rows: Iterable[Sequence[object]]) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows([safe_cell(v) for v in row] for row in rows)


def pair_rows(result: AnalysisResult) -> list[tuple]:
    return [(p.a[0], p.a[1], p.b[0], p.b[1], f"{p.score:.4f}", p.kind,
             "; ".join(p.evidence.reasons)) for p in result.synergies.pairs]


def suggestion_rows(result: AnalysisResult) -> list[tuple]:
    names = {p.number: p.name for p in result.strategy.priorities}
    rows = []
    for s in result.priority_suggestions:
        if s.no_good_match:
            best = f"{s.ranked[0][1]:.4f}" if s.ranked else ""
            rows.append((s.action[0], s.action[1], "", "", "(no good match)", best))
            continue
        rows += [(s.action[0], s.action[1], rank, number, names.get(number, ""), f"{score:.4f}")
                 for rank, (number, score) in enumerate(s.ranked, start=1)]
    return rows


def write_outputs(result: AnalysisResult, out_dir: str | Path,
                  reading: PlansRead | None = None) -> dict[str, Path]:
    """Write pairs.csv, priority_suggestions.csv, health.csv and report.html.

    `reading` (from read_plans) adds to the report how each file's columns were
    read, and every row rejected and every warning, so nothing is left out unseen.
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    paths = {name: out / name for name in
             ("pairs.csv", "priority_suggestions.csv", "health.csv", "report.html")}
    write_csv(paths["pairs.csv"], PAIR_COLUMNS, pair_rows(result))
    write_csv(paths["priority_suggestions.csv"], SUGGESTION_COLUMNS, suggestion_rows(result))
    write_csv(paths["health.csv"], HEALTH_COLUMNS,
              [(f.severity, f.check, f.subject, f.message) for f in result.findings])
    paths["report.html"].write_text(render_report(result, reading), encoding="utf-8")
    return paths


def field_label(name: str | None) -> str:
    """A column's field as the report names it ("Outcome measures"), or "not read"."""
    if not name:
        return "not read"
    return CANONICAL_HEADERS.get(name, name.replace("_", " ").capitalize())


def render_report(result: AnalysisResult, reading: PlansRead | None = None) -> str:
    """The HTML report; Jinja2 autoescaping escapes every value."""
    environment = Environment(loader=PackageLoader("joinedup.analysis", "templates"),
                              autoescape=select_autoescape(["html"]))
    titles = {(a.partner, a.reference): a.title for a in result.actions}
    names = {p.number: p.name for p in result.strategy.priorities}
    counts: dict[str, int] = {}
    for f in result.findings:
        counts[f.severity] = counts.get(f.severity, 0) + 1
    environment.filters["field_label"] = field_label
    return environment.get_template("report.html").render(
        r=result, titles=titles, priority_names=names, severity_counts=counts, reading=reading)
