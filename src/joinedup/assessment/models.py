"""Partnership self-assessment: editable questionnaires, rounds, and members' answers."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models

from joinedup.actions.models import Action
from joinedup.landscape.models import PartnershipBody
from joinedup.partners.models import Organisation, Partnership


class TemplateKind(models.TextChoices):
    AGREEMENT = "agreement", "Statements to agree or disagree with"
    MATURITY = "maturity", "Maturity levels 1 to 5 with evidence"


class Template(models.Model):
    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE,
                                    related_name="assessment_templates")
    name = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    kind = models.CharField(max_length=16, choices=TemplateKind.choices,
                            default=TemplateKind.AGREEMENT)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["partnership", "name"], name="template_name_unique")
        ]

    def __str__(self) -> str:
        return self.name


class Element(models.Model):
    """An element (or maturity domain) of effective partnership working."""

    template = models.ForeignKey(Template, on_delete=models.CASCADE, related_name="elements")
    name = models.CharField(max_length=120)
    description = models.TextField(blank=True)
    levels = models.JSONField(default=list, blank=True,
                              help_text="Maturity templates: what levels 1 to 5 look like.")
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.name


class Statement(models.Model):
    element = models.ForeignKey(Element, on_delete=models.CASCADE, related_name="statements")
    text = models.TextField()
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["element__position", "position", "id"]

    def __str__(self) -> str:
        return self.text


class Round(models.Model):
    """One sitting of a questionnaire, for one body or (no body) the whole partnership."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE,
                                    related_name="assessment_rounds")
    template = models.ForeignKey(Template, on_delete=models.PROTECT, related_name="rounds")
    title = models.CharField(max_length=200)
    body = models.ForeignKey(PartnershipBody, null=True, blank=True, on_delete=models.SET_NULL,
                             related_name="assessment_rounds")
    opened_on = models.DateField(default=dt.date.today)
    closed_on = models.DateField(null=True, blank=True,
                                 help_text="Answers are accepted until the day before this date.")
    published = models.BooleanField(default=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["-opened_on", "-id"]

    def __str__(self) -> str:
        return self.title

    def is_open(self, today: dt.date) -> bool:
        return self.opened_on <= today and (self.closed_on is None or today < self.closed_on)


class Response(models.Model):
    """One member's answers in a round; the organisation decides their sector."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="responses")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="assessment_responses")
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    submitted = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["round", "user"], name="one_response_per_round")
        ]

    def __str__(self) -> str:
        return f"{self.user} in {self.round}"


class Answer(models.Model):
    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers")
    statement = models.ForeignKey(Statement, on_delete=models.CASCADE, related_name="answers")
    score = models.PositiveSmallIntegerField()
    comment = models.TextField(blank=True)
    evidence = models.ManyToManyField(Action, blank=True, related_name="assessment_answers")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["response", "statement"], name="one_answer_each"),
            models.CheckConstraint(condition=models.Q(score__gte=1, score__lte=5),
                                   name="score_on_scale"),
        ]

    def __str__(self) -> str:
        return f"{self.score} for {self.statement_id}"
