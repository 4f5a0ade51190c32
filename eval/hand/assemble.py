"""Assemble eval/actions.csv and eval/pairs.csv from the hand-written block files.

The block files (eval/hand/bNN_*.txt) hold every action and every pair label,
written by hand. This script only changes layout: it expands partner and
population-group codes, gives each row a partner-style reference (numbered
after a fixed shuffle so references carry no hint of priority), and rewrites
pair keys as (partner, ref). It generates no text.

Run from the repo root:  .venv/bin/python eval/hand/assemble.py
"""

from __future__ import annotations

import csv
import random
import sys
from pathlib import Path

HAND = Path(__file__).parent
EVAL = HAND.parent

PARTNERS = {
    "CC": ("Thornbury Vale County Council", "TVCC-{:03d}"),
    "DC": ("Northmere District Council", "ND/{:02d}"),
    "ICB": ("NHS Thornbury Vale Integrated Care Board", "CI-25-{:02d}"),
    "CT": ("Vale Community Health NHS Trust", "VCH-{:03d}"),
    "PCN": ("Eastgate and Riverside Primary Care Network", "ERP {:02d}"),
    "VS": ("Vale Voluntary Action", "VVA-{:02d}"),
    "FRS": ("Thornbury Vale Fire and Rescue Service", "PREV-{:02d}"),
    "POL": ("Thornbury Vale Police", "CSP-{:02d}"),
}
GROUPS = {
    "dep": "deprived_areas",
    "cyp": "children_young_people",
    "old": "older_people",
    "eth": "ethnic_minority",
    "dis": "disabled_people",
    "car": "carers",
    "all": "whole_population",
    "oth": "other",
}
CATEGORIES = {
    "P": "Early Intervention & Prevention",
    "T": "Treatment",
    "L": "Long-term management & support",
}
LABELS = {"d": "duplicate", "s": "synergy", "n": "negative"}
ACTION_FIELDS = [
    "partner", "ref", "title", "description", "intended_outcome",
    "outcome_measures", "lead", "priorities", "category",
    "population_groups", "places", "resourcing",
]
PAIR_FIELDS = ["a_partner", "a_ref", "b_partner", "b_ref", "label", "note"]


def read_blocks() -> tuple[list[list[str]], list[list[str]]]:
    """Return (action lines, pair lines) split on '|', failing on bad field counts."""
    actions, pairs = [], []
    for path in sorted(HAND.glob("b*.txt")):
        for number, line in enumerate(path.read_text().splitlines(), 1):
            if not line.strip() or line.startswith("#"):
                continue
            fields = line[1:].split("|") if line.startswith("@") else line.split("|")
            expected = 4 if line.startswith("@") else 12
            if len(fields) != expected:
                sys.exit(f"{path.name}:{number}: {len(fields)} fields, expected {expected}")
            (pairs if line.startswith("@") else actions).append(fields)
    return actions, pairs


def assign_refs(actions: list[list[str]]) -> dict[str, tuple[str, str]]:
    """Map each hand key to (partner name, ref), numbering after a fixed shuffle."""
    keys: dict[str, tuple[str, str]] = {}
    rng = random.Random(20261123)
    for code, (name, pattern) in PARTNERS.items():
        own = [row[0] for row in actions if row[1] == code]
        rng.shuffle(own)
        for number, key in enumerate(own, 1):
            keys[key] = (name, pattern.format(number))
    return keys


def action_row(fields: list[str], refs: dict[str, tuple[str, str]]) -> dict[str, str]:
    """Expand one hand-written action line into an actions.csv row."""
    key, _code, title, desc, outcome, measures, lead, prios, cat, groups, places, res = fields
    partner, ref = refs[key]
    return {
        "partner": partner, "ref": ref, "title": title, "description": desc,
        "intended_outcome": outcome, "outcome_measures": measures, "lead": lead,
        "priorities": prios, "category": CATEGORIES[cat],
        "population_groups": ";".join(GROUPS[g] for g in groups.split(";")),
        "places": places, "resourcing": res,
    }


def pair_row(fields: list[str], refs: dict[str, tuple[str, str]]) -> dict[str, str]:
    """Expand one hand-written pair line into a pairs.csv row."""
    a_key, b_key, label, note = fields
    if refs[a_key][0] == refs[b_key][0]:
        sys.exit(f"same-partner pair {a_key} {b_key}")
    return {
        "a_partner": refs[a_key][0], "a_ref": refs[a_key][1],
        "b_partner": refs[b_key][0], "b_ref": refs[b_key][1],
        "label": LABELS[label], "note": note,
    }


def write(path: Path, fields: list[str], rows: list[dict[str, str]]) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields)
        writer.writeheader()
        writer.writerows(rows)


def main() -> None:
    actions, pairs = read_blocks()
    refs = assign_refs(actions)
    if len(refs) != len(actions):
        sys.exit("duplicate hand keys")
    order = {name: i for i, (name, _) in enumerate(PARTNERS.values())}
    rows = sorted((action_row(a, refs) for a in actions),
                  key=lambda r: (order[r["partner"]], r["ref"]))
    write(EVAL / "actions.csv", ACTION_FIELDS, rows)
    write(EVAL / "pairs.csv", PAIR_FIELDS, [pair_row(p, refs) for p in pairs])
    print(f"{len(rows)} actions, {len(pairs)} pairs")


if __name__ == "__main__":
    main()
