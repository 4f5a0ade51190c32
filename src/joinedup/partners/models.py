"""Partnerships (the tenants), the organisations in them and the plans they own."""

from __future__ import annotations

from django.db import models


class OrganisationType(models.TextChoices):
    COUNTY_COUNCIL = "county_council", "County council"
    DISTRICT_COUNCIL = "district_council", "District council"
    UNITARY_COUNCIL = "unitary_council", "Unitary council"
    NHS_COMMISSIONER = "nhs_commissioner", "NHS commissioner"
    NHS_PROVIDER = "nhs_provider", "NHS provider"
    PRIMARY_CARE = "primary_care", "Primary care"
    PUBLIC_HEALTH = "public_health", "Public health"
    POLICE = "police", "Police"
    FIRE = "fire", "Fire and rescue"
    EDUCATION = "education", "Education"
    HOUSING = "housing", "Housing"
    VOLUNTARY_SECTOR = "voluntary_sector", "Voluntary and community sector"
    OTHER = "other", "Other"


class Partnership(models.Model):
    """One partnership (e.g. a Health and Wellbeing Board): the unit of tenancy.

    Every partnership-owned row points here, and is reached only through
    `joinedup.accounts.scope.Scope`, so data never crosses partnerships by accident.
    """

    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=80, unique=True)
    area_name = models.CharField(max_length=200, blank=True)
    update_cycle_months = models.PositiveSmallIntegerField(
        default=3, help_text="How often every action's progress should be updated (3 = quarterly)."
    )
    organisations = models.ManyToManyField(
        "Organisation", through="PartnershipMember", related_name="partnerships"
    )
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Organisation(models.Model):
    """A council, NHS body, GP consortium, charity...; may sit in several partnerships."""

    name = models.CharField(max_length=200, unique=True)
    kind = models.CharField(max_length=32, choices=OrganisationType.choices, default="other")
    area_code = models.CharField(
        max_length=9, blank=True, help_text="ONS GSS code of the area it serves, e.g. E10000014"
    )

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class PartnershipMember(models.Model):
    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE)
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE)
    joined = models.DateField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["partnership", "organisation"], name="one_membership")
        ]

    def __str__(self) -> str:
        return f"{self.organisation} in {self.partnership}"


class PlanKind(models.TextChoices):
    STRATEGY = "strategy", "Strategy"
    COMMISSIONING_PLAN = "commissioning_plan", "Commissioning plan"
    ACTION_PLAN = "action_plan", "Action plan"
    OTHER = "other", "Other"


class Plan(models.Model):
    """A partner's own plan or strategy, the source of its actions."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="plans")
    owner = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="plans")
    title = models.CharField(max_length=300)
    kind = models.CharField(max_length=32, choices=PlanKind.choices, default="action_plan")
    period_start = models.DateField(null=True, blank=True)
    period_end = models.DateField(null=True, blank=True)
    source_file = models.CharField(max_length=300, blank=True)
    column_mapping = models.JSONField(
        default=dict, blank=True, help_text="Header -> field overrides used when importing."
    )

    class Meta:
        ordering = ["owner__name", "title"]
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "owner", "title"], name="plan_title_unique_per_owner"
            )
        ]

    def __str__(self) -> str:
        return self.title
