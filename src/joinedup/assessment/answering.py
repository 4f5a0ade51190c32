"""Reading a member's answers from the posted form, and building the page's questions."""

from __future__ import annotations

from dataclasses import dataclass, field

from joinedup.analysis.assessment import AGREEMENT_LABELS
from joinedup.assessment.models import Round, Statement, TemplateKind


@dataclass
class Question:
    statement: Statement
    options: list[tuple[int, str]]
    score: int | None = None
    comment: str = ""
    evidence: list[int] = field(default_factory=list)
    error: str = ""

    @property
    def name(self) -> str:
        return f"statement-{self.statement.pk}"


def questions(assessment_round: Round, previous=None) -> list[Question]:
    """One question per statement; maturity statements offer the element's level descriptions."""
    found = []
    statements = Statement.objects.filter(
        element__template=assessment_round.template).select_related("element")
    answers = {a.statement_id: a for a in previous.answers.prefetch_related("evidence")} if previous else {}
    for statement in statements:
        if assessment_round.template.kind == TemplateKind.MATURITY and statement.element.levels:
            options = [(n, f"Level {n}: {text}") for n, text in enumerate(statement.element.levels, 1)]
        else:
            options = list(AGREEMENT_LABELS.items())
        question = Question(statement, options)
        if statement.pk in answers:
            answer = answers[statement.pk]
            question.score, question.comment = answer.score, answer.comment
            question.evidence = [a.pk for a in answer.evidence.all()]
        found.append(question)
    return found


def read(questions_: list[Question], data) -> tuple[dict[int, int], dict[int, str], dict[int, list[int]]]:
    """Scores, comments and evidence from POST data, filling each question for redisplay."""
    scores, comments, evidence = {}, {}, {}
    for question in questions_:
        pk = question.statement.pk
        raw = data.get(question.name, "")
        question.score = int(raw) if raw in {"1", "2", "3", "4", "5"} else None
        question.comment = data.get(f"comment-{pk}", "")
        question.evidence = [int(v) for v in data.getlist(f"evidence-{pk}") if v.isdigit()]
        question.error = "" if question.score else "Choose an answer for this statement"
        if question.score:
            scores[pk] = question.score
        comments[pk] = question.comment
        evidence[pk] = question.evidence
    return scores, comments, evidence
