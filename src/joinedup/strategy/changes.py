"""What loading a strategy file would change, worked out before anything is stored.

It mirrors `joinedup.strategy.loading.store_strategy`: priorities are matched by
number, themes and categories by their exact name, a theme's priorities are
replaced by the file's, and nothing the file leaves out is removed.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from joinedup.accounts.scope import Scope
from joinedup.ingest import StrategyRecord
from joinedup.strategy.models import Strategy


def _plural(count: int, noun: str, nouns: str) -> str:
    return f"{count} {noun if count == 1 else nouns}"


@dataclass(frozen=True)
class PriorityChange:
    number: int
    name: str
    old_name: str | None
    """None when the priority is new."""
    described: bool
    """The description changes."""

    @property
    def is_new(self) -> bool:
        return self.old_name is None

    def what(self) -> str:
        if self.is_new:
            return "New"
        parts = [f"Renamed from ‘{self.old_name}’"] if self.old_name != self.name else []
        return "; ".join([*parts, "Description changed"] if self.described else parts)


@dataclass(frozen=True)
class ThemeChange:
    name: str
    priorities: tuple[int, ...]
    old_priorities: tuple[int, ...] | None
    """None when the theme is new."""
    described: bool
    like: str | None = None
    """A stored theme whose name differs only in capitals (names must match exactly)."""

    @property
    def is_new(self) -> bool:
        return self.old_priorities is None

    def what(self) -> str:
        if self.is_new:
            return (f"New, holding {_priorities_named(self.priorities)}" if self.priorities
                    else "New, holding no priorities yet")
        old = self.old_priorities or ()
        parts = [] if set(self.priorities) == set(old) else [
            f"Priorities under it change from {_listed(old)} to {_listed(self.priorities)}"]
        return "; ".join([*parts, "Description changed"] if self.described else parts)


def _listed(numbers) -> str:
    """(3, 1, 2) -> '1, 2 and 3'; () -> 'none'."""
    words = [str(n) for n in sorted(set(numbers))]
    if not words:
        return "none"
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} and {words[-1]}"


def _priorities_named(numbers) -> str:
    return ("priority " if len(set(numbers)) == 1 else "priorities ") + _listed(numbers)


@dataclass(frozen=True)
class StrategyChanges:
    """Everything the check page shows, in the order it shows it."""

    old_name: str | None
    name: str
    priorities: tuple[PriorityChange, ...]
    unchanged_priorities: int
    themes: tuple[ThemeChange, ...]
    unchanged_themes: int
    themes_reordered: bool
    new_categories: tuple[tuple[str, str | None], ...]
    """(name, a stored category whose name differs only in capitals, or None)."""
    unchanged_categories: int
    categories_reordered: bool
    kept_priorities: tuple[str, ...]
    kept_themes: tuple[str, ...]
    kept_categories: tuple[str, ...]

    @property
    def renamed(self) -> bool:
        return self.old_name != self.name

    def name_text(self) -> str:
        if not self.renamed:
            return f"‘{self.name}’ (unchanged)"
        if self.old_name is None:
            return f"‘{self.name}’"
        return f"‘{self.old_name}’ will be renamed ‘{self.name}’"

    def counts(self) -> dict[str, tuple[int, int]]:
        """(added, changed) of each kind."""
        return {
            "priorities": (sum(p.is_new for p in self.priorities),
                           sum(not p.is_new for p in self.priorities)),
            "themes": (sum(t.is_new for t in self.themes), sum(not t.is_new for t in self.themes)),
            "categories": (len(self.new_categories), 0),
        }

    @property
    def kept(self) -> int:
        return len(self.kept_priorities) + len(self.kept_themes) + len(self.kept_categories)

    @property
    def changes_anything(self) -> bool:
        return bool(self.renamed or self.priorities or self.themes or self.new_categories
                    or self.themes_reordered or self.categories_reordered)

    def fingerprint(self) -> str:
        """Changes if anything the check page shows would change."""
        return hashlib.sha256(repr(self).encode()).hexdigest()[:32]

    def summary(self) -> str:
        """One sentence of what loading did (or will do), for the notification banner."""
        nouns = {"priorities": ("priority", "priorities"), "themes": ("theme", "themes"),
                 "categories": ("category", "categories")}
        parts = []
        for kind, (added, changed) in self.counts().items():
            if added:
                parts.append(f"{_plural(added, *nouns[kind])} added")
            if changed:
                parts.append(f"{_plural(changed, *nouns[kind])} changed")
        if self.renamed:
            verb = "named" if self.old_name is None else "renamed"
            parts.append(f"the strategy {verb} ‘{self.name}’")
        if not parts and (self.themes_reordered or self.categories_reordered):
            parts.append("the order changed")
        said = ", ".join(parts) if parts else "nothing changed"
        kept = [_plural(len(items), *noun) for items, noun in (
            (self.kept_priorities, nouns["priorities"]), (self.kept_themes, nouns["themes"]),
            (self.kept_categories, nouns["categories"])) if items]
        return said + (f"; kept what the file leaves out: {', '.join(kept)}" if kept else "")


def changes_of(scope: Scope, record: StrategyRecord) -> StrategyChanges:
    """What storing `record` in the scope's partnership would add, change and keep."""
    priorities, unchanged_priorities, kept_priorities = _priorities(scope, record)
    themes, unchanged_themes, themes_reordered, kept_themes = _themes(scope, record)
    categories, unchanged_categories, categories_reordered, kept_categories = _categories(scope, record)
    old_name = Strategy.objects.filter(partnership=scope.partnership).values_list("name", flat=True).first()
    return StrategyChanges(
        old_name, record.name, priorities, unchanged_priorities, themes, unchanged_themes,
        themes_reordered, categories, unchanged_categories, categories_reordered,
        kept_priorities, kept_themes, kept_categories)


def _priorities(scope: Scope, record: StrategyRecord):
    stored = {p.number: p for p in scope.priorities()}
    changed = []
    for p in sorted(record.priorities, key=lambda p: p.number):
        old = stored.get(p.number)
        if old is None:
            changed.append(PriorityChange(p.number, p.name, None, False))
        elif old.name != p.name or old.description != p.description:
            changed.append(PriorityChange(p.number, p.name, old.name, old.description != p.description))
    numbers = {p.number for p in record.priorities}
    kept = tuple(f"{number}: {p.name}" for number, p in sorted(stored.items()) if number not in numbers)
    return tuple(changed), len(record.priorities) - len(changed), kept


def _like(name: str, stored_names) -> str | None:
    return next((s for s in stored_names if s != name and s.casefold() == name.casefold()), None)


def _themes(scope: Scope, record: StrategyRecord):
    stored = {t.name: t for t in scope.themes().prefetch_related("priorities")}
    changed = []
    for t in record.themes:
        old = stored.get(t.name)
        if old is None:
            changed.append(ThemeChange(t.name, t.priority_numbers, None, False, _like(t.name, stored)))
            continue
        old_numbers = tuple(sorted(p.number for p in old.priorities.all()))
        if set(old_numbers) != set(t.priority_numbers) or old.description != t.description:
            changed.append(ThemeChange(t.name, t.priority_numbers, old_numbers,
                                       old.description != t.description))
    names = [t.name for t in record.themes]
    kept = tuple(name for name in stored if name not in names)
    return tuple(changed), len(names) - len(changed), _reordered(list(stored), names), kept


def _categories(scope: Scope, record: StrategyRecord):
    stored = [c.name for c in scope.categories()]
    names = list(dict.fromkeys(record.categories))
    new = tuple((name, _like(name, stored)) for name in names if name not in stored)
    kept = tuple(name for name in stored if name not in names)
    return new, len(names) - len(new), _reordered(stored, names), kept


def _reordered(stored: list[str], names: list[str]) -> bool:
    """Whether the file lists the stored items it names in another order than they are listed now."""
    present = set(stored)
    return [n for n in stored if n in names] != [n for n in names if n in present]
