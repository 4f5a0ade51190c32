"""Changes to self-assessments: default templates, opening and closing rounds, saving answers.

Each service checks the caller's rights through the `Scope` and runs in a transaction.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from joinedup.accounts.models import Membership
from joinedup.accounts.scope import Scope
from joinedup.assessment import defaults
from joinedup.assessment.models import (
    Answer,
    Element,
    Response,
    Round,
    Statement,
    Template,
    TemplateKind,
)
from joinedup.landscape.models import PartnershipBody
from joinedup.partners.models import Partnership


def _require_admin(scope: Scope) -> None:
    if not scope.is_admin:
        raise PermissionDenied("Only the partnership's administrators may do this.")


@transaction.atomic
def ensure_default_templates(partnership: Partnership) -> list[Template]:
    """The six-element questionnaire and the maturity matrix, created once per partnership."""
    six, created = Template.objects.get_or_create(
        partnership=partnership, name=defaults.SIX_ELEMENTS,
        defaults={"kind": TemplateKind.AGREEMENT,
                  "description": "How far do you agree with each statement about the partnership?"})
    if created:
        for position, (name, texts) in enumerate(defaults.ELEMENTS.items()):
            element = Element.objects.create(template=six, name=name, position=position)
            for number, text in enumerate(texts):
                Statement.objects.create(element=element, text=text, position=number)
    maturity, created = Template.objects.get_or_create(
        partnership=partnership, name=defaults.MATURITY,
        defaults={"kind": TemplateKind.MATURITY,
                  "description": "Score the board's maturity in each domain from 1 to 5, "
                                 "with actions as evidence."})
    if created:
        for position, (name, question) in enumerate(defaults.DOMAINS.items()):
            element = Element.objects.create(template=maturity, name=name, position=position,
                                             levels=list(defaults.LEVELS))
            Statement.objects.create(element=element, text=question)
    return [six, maturity]


@transaction.atomic
def open_round(scope: Scope, template: Template, title: str, *, body: PartnershipBody | None = None,
               opened_on: dt.date | None = None, closed_on: dt.date | None = None,
               user=None) -> Round:
    _require_admin(scope)
    if template.partnership_id != scope.partnership.id or (
            body is not None and body.partnership_id != scope.partnership.id):
        raise PermissionDenied("That template or body belongs to another partnership.")
    opened_on = opened_on or dt.date.today()
    if closed_on is not None and closed_on <= opened_on:
        raise ValidationError({"closed_on": "The closing date must be after the opening date."})
    return Round.objects.create(partnership=scope.partnership, template=template, title=title,
                                body=body, opened_on=opened_on, closed_on=closed_on,
                                created_by=user)


@transaction.atomic
def close_round(scope: Scope, assessment_round: Round, today: dt.date) -> Round:
    _require_admin(scope)
    assessment_round.closed_on = today
    assessment_round.save(update_fields=["closed_on"])
    return assessment_round


@transaction.atomic
def add_statement(scope: Scope, element: Element, text: str) -> Statement:
    _require_admin(scope)
    position = element.statements.count()
    return Statement.objects.create(element=element, text=text.strip(), position=position)


@transaction.atomic
def edit_statement(scope: Scope, statement: Statement, text: str) -> Statement:
    _require_admin(scope)
    statement.text = text.strip()
    statement.save(update_fields=["text"])
    return statement


def respondent_organisation(user, partnership: Partnership):
    """The organisation a member answers for: their first membership by organisation name."""
    membership = (Membership.objects.filter(user=user, partnership=partnership)
                  .select_related("organisation").order_by("organisation__name").first())
    if membership is None:
        raise PermissionDenied("Only members of the partnership may answer.")
    return membership.organisation


@transaction.atomic
def save_response(scope: Scope, user, assessment_round: Round, scores: Mapping[int, int],
                  comments: Mapping[int, str] | None = None,
                  evidence: Mapping[int, Sequence[int]] | None = None,
                  today: dt.date | None = None) -> Response:
    """Store (or replace) a member's answers; every statement must have a score from 1 to 5."""
    if assessment_round.partnership_id != scope.partnership.id:
        raise PermissionDenied("That round belongs to another partnership.")
    if not assessment_round.is_open(today or dt.date.today()):
        raise ValidationError("This round is closed.")
    statements = list(Statement.objects.filter(element__template=assessment_round.template))
    missing = [s.pk for s in statements if scores.get(s.pk) not in range(1, 6)]
    if missing:
        raise ValidationError({f"statement-{pk}": "Choose an answer" for pk in missing})
    response, _ = Response.objects.update_or_create(
        round=assessment_round, user=user,
        defaults={"organisation": respondent_organisation(user, scope.partnership)})
    comments, evidence = comments or {}, evidence or {}
    for statement in statements:
        answer, _ = Answer.objects.update_or_create(
            response=response, statement=statement,
            defaults={"score": scores[statement.pk],
                      "comment": (comments.get(statement.pk) or "").strip()})
        answer.evidence.set(scope.actions().filter(pk__in=evidence.get(statement.pk, [])))
    return response
