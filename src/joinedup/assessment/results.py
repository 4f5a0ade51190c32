"""A round's results: per element, distribution, mean, spread, sector disagreement and change.

Reads answers through the `Scope`, scores them with the pure functions in
`joinedup.analysis.assessment`, and writes the same table to the page, CSV and xlsx.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field

from django.db.models import Q

from joinedup.accounts.scope import Scope
from joinedup.analysis.assessment import (
    SCALE,
    SECTORS,
    Answer,
    ElementResult,
    changes,
    score_round,
    sector_of,
)
from joinedup.assessment.models import Round
from joinedup.charts.bars import Bar, bar_chart


@dataclass
class Comment:
    element: str
    statement: str
    sector: str
    text: str


@dataclass
class RoundResults:
    round: Round
    elements: list[ElementResult]
    respondents: dict[str, int]
    previous: Round | None = None
    change: dict[str, float | None] = field(default_factory=dict)
    comments: list[Comment] = field(default_factory=list)

    @property
    def respondent_count(self) -> int:
        return sum(self.respondents.values())


def _answers(scope: Scope, assessment_round: Round) -> list:
    return list(scope.assessment_answers().filter(response__round=assessment_round)
                .select_related("statement__element", "response__organisation"))


def _score(scope: Scope, assessment_round: Round) -> tuple[list[ElementResult], list]:
    rows = _answers(scope, assessment_round)
    elements = [e.name for e in assessment_round.template.elements.all()]
    answers = [Answer(r.statement.element.name, sector_of(r.response.organisation.kind), r.score)
               for r in rows]
    return score_round(elements, answers), rows


def previous_round(scope: Scope, assessment_round: Round) -> Round | None:
    """The last earlier round of the same questionnaire for the same body (or whole partnership)."""
    earlier = Q(opened_on__lt=assessment_round.opened_on) | Q(
        opened_on=assessment_round.opened_on, pk__lt=assessment_round.pk)
    return (scope.assessment_rounds().filter(earlier, template=assessment_round.template,
                                             body=assessment_round.body)
            .order_by("-opened_on", "-pk").first())


def results_for(scope: Scope, assessment_round: Round) -> RoundResults:
    elements, rows = _score(scope, assessment_round)
    respondents: dict[str, int] = {}
    for response in {r.response for r in rows}:
        sector = sector_of(response.organisation.kind)
        respondents[sector] = respondents.get(sector, 0) + 1
    result = RoundResults(assessment_round, elements,
                          {s: respondents[s] for s in SECTORS if s in respondents})
    result.comments = [Comment(r.statement.element.name, r.statement.text,
                               sector_of(r.response.organisation.kind), r.comment)
                       for r in rows if r.comment]
    before = previous_round(scope, assessment_round)
    if before is not None:
        result.previous = before
        result.change = dict(changes(_score(scope, before)[0], elements))
    return result


def chart(results: RoundResults) -> str:
    """Mean score per element as a labelled SVG bar chart (1 to 5 scale)."""
    bars = [Bar(e.element, round(e.mean, 2)) for e in results.elements if e.mean is not None]
    return bar_chart(f"round-{results.round.pk}", f"Mean score per element: {results.round.title}",
                     bars, scale_max=5)


HEADERS = ["Element", "Answers", *(f"{point}s" for point in SCALE), "Mean", "Standard deviation",
           "Lower quartile", "Median", "Upper quartile", "Inter-quartile range",
           *(f"Mean: {s}" for s in SECTORS), "Largest gap between sectors", "Sectors disagree",
           "Change since previous round"]


def _number(value: float | None) -> float | str:
    return "" if value is None else round(value, 2)


def table(results: RoundResults) -> list[list]:
    """One row per element, in HEADERS order, for the page, CSV and xlsx alike."""
    rows = []
    for e in results.elements:
        rows.append([
            e.element, e.count, *(e.distribution[p] for p in SCALE), _number(e.mean),
            _number(e.sd), _number(e.q1), _number(e.median), _number(e.q3), _number(e.iqr),
            *(_number(e.sector_means.get(s)) for s in SECTORS), _number(e.sector_gap),
            "yes" if e.sectors_disagree else "no", _number(results.change.get(e.element)),
        ])
    return rows


def to_csv(results: RoundResults) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(HEADERS)
    writer.writerows(table(results))
    return buffer.getvalue()


def to_xlsx(results: RoundResults) -> bytes:
    import xlsxwriter

    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True})
    bold = book.add_format({"bold": True})
    sheet = book.add_worksheet("Results")
    sheet.write_row(0, 0, HEADERS, bold)
    for number, row in enumerate(table(results), start=1):
        sheet.write_row(number, 0, row)
    sheet.set_column(0, 0, 36)
    notes = book.add_worksheet("Comments")
    notes.write_row(0, 0, ["Element", "Statement", "Sector", "Comment"], bold)
    for number, comment in enumerate(results.comments, start=1):
        notes.write_row(number, 0, [comment.element, comment.statement, comment.sector,
                                    comment.text])
    book.close()
    return buffer.getvalue()
