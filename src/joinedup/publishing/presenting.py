"""What the public plan page shows: filtering, and the theme → priority → actions outline."""

from __future__ import annotations

from dataclasses import dataclass, field

from joinedup.ingest.records import STATUS_LABELS


@dataclass(frozen=True)
class Filters:
    text: str = ""
    priority: int | None = None
    partner: str = ""
    status: str = ""

    @classmethod
    def from_query(cls, query) -> Filters:
        number = query.get("priority", "")
        status = query.get("status", "")
        return cls(text=query.get("q", "").strip()[:200],
                   priority=int(number) if number.isdigit() else None,
                   partner=query.get("partner", "")[:200],
                   status=status if status in STATUS_LABELS else "")

    @property
    def active(self) -> bool:
        return bool(self.text or self.priority or self.partner or self.status)

    def keep(self, action: dict) -> bool:
        if self.priority and self.priority not in action["priority_numbers"]:
            return False
        if self.partner and self.partner != action["partner"] \
                and self.partner not in action["contributing_partners"]:
            return False
        if self.status and action["status"] != self.status:
            return False
        if self.text:
            words = " ".join([action["title"], action["description"], action["intended_outcome"],
                              action["outcome_measures"], action["progress_note"]]).casefold()
            return all(word in words for word in self.text.casefold().split())
        return True


@dataclass
class PrioritySection:
    number: int
    name: str
    description: str
    actions: list[dict] = field(default_factory=list)


@dataclass
class ThemeSection:
    name: str
    description: str
    priorities: list[PrioritySection] = field(default_factory=list)


def outline(content: dict, filters: Filters) -> tuple[list[ThemeSection], list[dict]]:
    """Themes with their priorities and the actions kept by the filters, and the unplaced actions.

    A priority under two themes is shown under each; an action with no priority
    is listed at the end.
    """
    kept = [a for a in content["actions"] if filters.keep(a)]
    priorities = {p["number"]: p for p in content["strategy"]["priorities"]}
    sections = []
    for theme in content["strategy"]["themes"]:
        section = ThemeSection(theme["name"], theme["description"])
        for number in theme["priority_numbers"]:
            if filters.priority and number != filters.priority:
                continue
            p = priorities.get(number, {"name": "", "description": ""})
            actions = [a for a in kept if number in a["priority_numbers"]]
            section.priorities.append(PrioritySection(number, p["name"], p["description"], actions))
        if section.priorities:
            sections.append(section)
    themed = {n for t in content["strategy"]["themes"] for n in t["priority_numbers"]}
    unplaced = [a for a in kept if not themed & set(a["priority_numbers"])]
    return sections, unplaced


def matching_count(content: dict, filters: Filters) -> int:
    return sum(1 for a in content["actions"] if filters.keep(a))


def partner_names(content: dict) -> list[str]:
    return sorted({a["partner"] for a in content["actions"]}
                  | {p for a in content["actions"] for p in a["contributing_partners"]})


def by_when(action: dict) -> str:
    timeline = action["timeline"]
    return timeline["end_date"] or timeline["end_text"] or "Not given"


def indicator_lines(content: dict) -> dict[str, str]:
    """Each indicator's name with its latest value, e.g. "Falls admissions: 512 (2023/24)"."""
    lines = {}
    for indicator in content["indicators"]:
        latest = indicator["latest"]
        unit = f" {indicator['unit']}" if indicator["unit"] else ""
        lines[indicator["name"]] = (f"{indicator['name']}: {latest['value']:g}{unit} ({latest['period']})"
                                    if latest else f"{indicator['name']}: no data yet")
    return lines


def priority_indicators(content: dict) -> dict[int, list[str]]:
    """The indicators that measure each priority, by priority number."""
    found: dict[int, list[str]] = {}
    for indicator in content["indicators"]:
        for number in indicator["priority_numbers"]:
            found.setdefault(number, []).append(indicator["name"])
    return found
