"""Storing a strategy read from YAML: themes, numbered priorities and categories.

Loading is an upsert in one transaction: priorities are matched by number,
themes and categories by name. Nothing the file leaves out is deleted (actions
may already point at it); the report lists what was kept so an administrator
can remove it deliberately.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import transaction

from joinedup.ingest.records import StrategyRecord
from joinedup.partners.models import Partnership
from joinedup.strategy.models import Category, Priority, Strategy, Theme


@dataclass
class StrategyReport:
    priorities: int = 0
    themes: int = 0
    categories: int = 0
    kept: list[str] = field(default_factory=list)


def _priorities(partnership: Partnership, record: StrategyRecord) -> dict[int, Priority]:
    stored = {}
    for p in record.priorities:
        stored[p.number], _ = Priority.objects.update_or_create(
            partnership=partnership, number=p.number,
            defaults={"name": p.name, "description": p.description},
        )
    return stored


def _themes(partnership, record, priorities) -> None:
    for position, t in enumerate(record.themes):
        theme, _ = Theme.objects.update_or_create(
            partnership=partnership, name=t.name,
            defaults={"description": t.description, "position": position},
        )
        theme.priorities.set([priorities[n] for n in t.priority_numbers])


def _categories(partnership, record) -> None:
    for position, name in enumerate(record.categories):
        Category.objects.update_or_create(
            partnership=partnership, name=name, defaults={"position": position}
        )


def _kept(partnership, record) -> list[str]:
    numbers = {p.number for p in record.priorities}
    themes = {t.name for t in record.themes}
    categories = set(record.categories)
    return (
        [f"priority {p}" for p in Priority.objects.filter(partnership=partnership)
         if p.number not in numbers]
        + [f"theme '{t.name}'" for t in Theme.objects.filter(partnership=partnership)
           if t.name not in themes]
        + [f"category '{c.name}'" for c in Category.objects.filter(partnership=partnership)
           if c.name not in categories]
    )


def store_strategy(partnership: Partnership, record: StrategyRecord) -> StrategyReport:
    with transaction.atomic():
        Strategy.objects.update_or_create(partnership=partnership, defaults={"name": record.name})
        priorities = _priorities(partnership, record)
        _themes(partnership, record, priorities)
        _categories(partnership, record)
        return StrategyReport(
            priorities=len(record.priorities), themes=len(record.themes),
            categories=len(record.categories), kept=_kept(partnership, record),
        )
