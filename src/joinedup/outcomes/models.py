"""Indicators, their values by area and period, and the targets set on them.

Every row belongs to one partnership (directly, or through its indicator) and is
reached only through `joinedup.accounts.scope.Scope`.
"""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models

from joinedup.actions.models import Action
from joinedup.partners.models import Partnership
from joinedup.strategy.models import Priority

AREA_CODE = RegexValidator(
    r"^[EWSN]\d{8}$", "An area code is a letter E, W, S or N followed by eight digits (ONS style)."
)


class Polarity(models.TextChoices):
    HIGH_IS_GOOD = "high_is_good", "High is good"
    LOW_IS_GOOD = "low_is_good", "Low is good"
    NOT_APPLICABLE = "not_applicable", "Not applicable"


class Method(models.TextChoices):
    PROPORTION = "proportion", "Proportion"
    RATE = "rate", "Crude rate"
    DSR = "dsr", "Directly standardised rate"
    ISR = "isr", "Indirectly standardised rate"
    MEAN = "mean", "Mean"
    LIFE_EXPECTANCY = "life_expectancy", "Life expectancy"
    OTHER = "other", "Other"


class IndicatorDefinition(models.Model):
    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="indicators")
    name = models.CharField(max_length=300)
    unit = models.CharField(max_length=100, blank=True)
    polarity = models.CharField(max_length=20, choices=Polarity.choices,
                                default=Polarity.NOT_APPLICABLE)
    method = models.CharField(max_length=20, choices=Method.choices, default=Method.OTHER)
    multiplier = models.FloatField(default=1)
    source = models.CharField(max_length=300, blank=True)
    frequency = models.CharField(max_length=100, blank=True)
    fingertips_id = models.PositiveIntegerField(null=True, blank=True)
    priorities = models.ManyToManyField(Priority, related_name="indicators", blank=True)
    actions = models.ManyToManyField(Action, related_name="indicators", blank=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["partnership", "name"], name="indicator_name_unique")
        ]

    def __str__(self) -> str:
        return self.name


class Area(models.Model):
    """A place with an ONS-style code: the partnership's area, its small areas, or a benchmark."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="areas")
    code = models.CharField(max_length=9, validators=[AREA_CODE])
    name = models.CharField(max_length=200)
    area_type = models.CharField(max_length=100, blank=True)
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL,
                               related_name="children")
    deprivation_quintile = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    population = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["code"]
        constraints = [
            models.UniqueConstraint(fields=["partnership", "code"], name="area_code_unique")
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"


class IndicatorValue(models.Model):
    indicator = models.ForeignKey(IndicatorDefinition, on_delete=models.CASCADE,
                                  related_name="values")
    area = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="values")
    period = models.CharField(max_length=50)
    period_start = models.DateField(null=True, blank=True)
    period_end = models.DateField(null=True, blank=True)
    sex = models.CharField(max_length=50, blank=True, default="Persons")
    age = models.CharField(max_length=50, blank=True, default="All ages")
    value = models.FloatField(null=True, blank=True)
    lower_ci = models.FloatField(null=True, blank=True)
    upper_ci = models.FloatField(null=True, blank=True)
    lower_ci_998 = models.FloatField(null=True, blank=True)
    upper_ci_998 = models.FloatField(null=True, blank=True)
    count = models.FloatField(null=True, blank=True)
    denominator = models.FloatField(null=True, blank=True)
    note = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["indicator", "area", "period_end", "period"]
        constraints = [
            models.UniqueConstraint(fields=["indicator", "area", "period", "sex", "age"],
                                    name="indicator_value_unique")
        ]

    def __str__(self) -> str:
        return f"{self.indicator} {self.area.code} {self.period}: {self.value}"


class Trajectory(models.TextChoices):
    LINEAR = "linear", "Linear"
    STEPPED = "stepped", "Stepped"


class Target(models.Model):
    """A target on an indicator's value in one area, or on the inequality gap between its small areas.

    For a gap target (`kind` = gap) the measured quantity is the gap between the
    fifth of the area's child areas with the lowest values and the area's whole
    population, and `target_value` is derived from `reduction_percent`.
    """

    class Kind(models.TextChoices):
        VALUE = "value", "Value"
        GAP = "gap", "Inequality gap"

    indicator = models.ForeignKey(IndicatorDefinition, on_delete=models.CASCADE,
                                  related_name="targets")
    area = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="targets")
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.VALUE)
    baseline_value = models.FloatField()
    baseline_period = models.CharField(max_length=50)
    baseline_date = models.DateField()
    target_value = models.FloatField()
    target_date = models.DateField()
    reduction_percent = models.FloatField(null=True, blank=True)
    trajectory = models.CharField(max_length=10, choices=Trajectory.choices,
                                  default=Trajectory.LINEAR)
    steps = models.JSONField(default=list, blank=True,
                             help_text='Stepped trajectory: [{"date": "2025-03-31", "value": 17.0}, ...]')
    tolerance = models.FloatField(default=0)

    class Meta:
        ordering = ["indicator", "area", "target_date"]

    def __str__(self) -> str:
        return f"{self.indicator} in {self.area.name}: {self.target_value} by {self.target_date}"
