"""The joint strategy's framework: themes, numbered priorities and contribution categories."""

from __future__ import annotations

from django.db import models

from joinedup.partners.models import Partnership

DEFAULT_CATEGORIES = (
    "Early Intervention & Prevention",
    "Treatment",
    "Long-term management & support",
)


class Strategy(models.Model):
    partnership = models.OneToOneField(
        Partnership, on_delete=models.CASCADE, related_name="strategy"
    )
    name = models.CharField(max_length=200)

    class Meta:
        verbose_name_plural = "strategies"

    def __str__(self) -> str:
        return self.name


class Priority(models.Model):
    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="priorities")
    number = models.PositiveIntegerField()
    name = models.CharField(max_length=200)
    description = models.TextField(blank=True)

    class Meta:
        ordering = ["number"]
        verbose_name_plural = "priorities"
        constraints = [
            models.UniqueConstraint(fields=["partnership", "number"], name="priority_number_unique")
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.name}"


class Theme(models.Model):
    """A theme groups priorities; one priority may sit under several themes."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="themes")
    name = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    position = models.PositiveIntegerField(default=0)
    priorities = models.ManyToManyField(Priority, related_name="themes", blank=True)

    class Meta:
        ordering = ["position", "name"]
        constraints = [
            models.UniqueConstraint(fields=["partnership", "name"], name="theme_name_unique")
        ]

    def __str__(self) -> str:
        return self.name


class Category(models.Model):
    """A contribution category every action is judged against (configurable)."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="categories")
    name = models.CharField(max_length=200)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["position", "name"]
        verbose_name_plural = "categories"
        constraints = [
            models.UniqueConstraint(fields=["partnership", "name"], name="category_name_unique")
        ]

    def __str__(self) -> str:
        return self.name
