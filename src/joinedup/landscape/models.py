"""The partnership bodies in a partnership's area, who sits on them, and where they cover."""

from __future__ import annotations

from decimal import Decimal

from django.db import models

from joinedup.partners.models import Organisation, Partnership, Plan
from joinedup.strategy.models import Priority


class BodyKind(models.TextChoices):
    BOARD = "board", "Board"
    SUB_GROUP = "sub_group", "Sub-group"
    ALLIANCE = "alliance", "Alliance"
    NETWORK = "network", "Network"
    PROGRAMME = "programme", "Programme"


class SeatRole(models.TextChoices):
    """An organisation's principal role on a body (the highest of its people's roles)."""

    CHAIR = "chair", "Chair"
    VICE_CHAIR = "vice_chair", "Vice-chair"
    LEAD = "lead", "Lead officer"
    SECRETARIAT = "secretariat", "Secretariat"
    MEMBER = "member", "Member"


class PartnershipBody(models.Model):
    """A board, sub-group, alliance, network or programme working in the partnership's area."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="bodies")
    key = models.SlugField(max_length=60, blank=True, help_text="Short id used in import files.")
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=16, choices=BodyKind.choices, default=BodyKind.BOARD)
    purpose = models.TextField(blank=True)
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL,
                               related_name="children")
    organisations = models.ManyToManyField(Organisation, through="BodyMembership",
                                           related_name="bodies")
    meetings_per_year = models.PositiveSmallIntegerField(default=0)
    typical_attendees = models.PositiveSmallIntegerField(default=0)
    meeting_hours = models.DecimalField(max_digits=4, decimal_places=2, default=Decimal("0"))
    plans = models.ManyToManyField(Plan, blank=True, related_name="bodies")
    priorities = models.ManyToManyField(Priority, blank=True, related_name="bodies")

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["partnership", "name"], name="body_name_unique")
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def people_hours(self) -> float:
        """Meetings x attendees x hours: the yearly transaction cost of the body's meetings."""
        return float(self.meetings_per_year * self.typical_attendees * self.meeting_hours)


class BodyMembership(models.Model):
    body = models.ForeignKey(PartnershipBody, on_delete=models.CASCADE, related_name="memberships")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE,
                                     related_name="body_memberships")
    role = models.CharField(max_length=16, choices=SeatRole.choices, default=SeatRole.MEMBER)

    class Meta:
        ordering = ["body__name", "organisation__name"]
        constraints = [
            models.UniqueConstraint(fields=["body", "organisation"], name="one_seat_per_body")
        ]

    def __str__(self) -> str:
        return f"{self.organisation} on {self.body} ({self.get_role_display()})"


class NamedRole(models.Model):
    """A named person's role on a body, e.g. 'Independent chair: Frances Lomax'."""

    membership = models.ForeignKey(BodyMembership, on_delete=models.CASCADE, related_name="people")
    title = models.CharField(max_length=120)
    holder = models.CharField(max_length=120, blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return f"{self.title}: {self.holder}" if self.holder else self.title


class SmallArea(models.Model):
    """A small area (ward, LSOA) and the larger area it sits in, with people and deprivation."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE,
                                    related_name="small_areas")
    code = models.CharField(max_length=12)
    name = models.CharField(max_length=200)
    parent_code = models.CharField(max_length=12, blank=True)
    parent_name = models.CharField(max_length=200, blank=True)
    population = models.PositiveIntegerField(null=True, blank=True)
    deprivation_quintile = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="1 = most deprived fifth, 5 = least deprived.")

    class Meta:
        ordering = ["parent_name", "name"]
        constraints = [
            models.UniqueConstraint(fields=["partnership", "code"], name="small_area_code_unique")
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"


class Boundary(models.Model):
    """Where an organisation or a body works, as a list of small-area codes.

    Kept here (not on Organisation) because an organisation's footprint is seen
    through one partnership's lookup of small areas.
    """

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE,
                                    related_name="boundaries")
    organisation = models.ForeignKey(Organisation, null=True, blank=True,
                                     on_delete=models.CASCADE, related_name="boundaries")
    body = models.OneToOneField(PartnershipBody, null=True, blank=True, on_delete=models.CASCADE,
                                related_name="boundary")
    areas = models.JSONField(default=list, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["partnership", "organisation"],
                                    name="one_boundary_per_organisation"),
            models.CheckConstraint(
                condition=models.Q(organisation__isnull=True) ^ models.Q(body__isnull=True),
                name="boundary_of_organisation_or_body"),
        ]

    def __str__(self) -> str:
        return f"Boundary of {self.organisation or self.body} ({len(self.areas)} areas)"
