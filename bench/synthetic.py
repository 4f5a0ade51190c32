"""Synthetic partner plans for benchmarks: realistic column names and values, any size."""

from __future__ import annotations

import random
from pathlib import Path

from openpyxl import Workbook

HEADER = ["Ref", "Action", "Intended outcome", "Lead officer", "By when", "Budget",
          "How will we know", "JHWS priority", "Status", "Target group", "Progress to date"]
VERBS = ["Commission", "Deliver", "Expand", "Pilot", "Review", "Promote", "Train staff in", "Embed"]
TOPICS = ["stop smoking support", "falls prevention classes", "home adaptations", "NHS Health Checks",
          "befriending for isolated older people", "pulmonary rehabilitation", "diabetes education",
          "alcohol brief advice", "talking therapies", "weight management for families",
          "cancer screening awareness", "carers' breaks", "warm homes advice", "sexual health outreach"]
PLACES = ["in GP practices", "in community venues", "across the county", "in the most deprived wards",
          "through pharmacies", "in schools", "at home"]
OUTCOMES = ["Fewer emergency admissions", "More people quit smoking", "Fewer falls among over-65s",
            "Earlier diagnosis", "Reduced loneliness", "Healthier weight in children"]
STATUSES = ["On track", "Green", "Amber", "Red", "Complete", "Not started", "Delayed"]
DATES = ["31/03/2014", "Mar 2015", "Q3 2013/14", "2014-15", "Ongoing", "TBC", "30/09/2014"]
MONEY = ["£12k", "£1.2m", "12,500", "Within existing resources", "2 FTE", ""]
GROUPS = ["Older people", "Children and young people", "Carers", "Deprived areas", "All residents"]


def rows(size: int, seed: int = 7):
    rng = random.Random(seed)
    for n in range(1, size + 1):
        topic = rng.choice(TOPICS)
        yield [
            f"R{n}", f"{rng.choice(VERBS)} {topic} {rng.choice(PLACES)}", rng.choice(OUTCOMES),
            f"Officer {rng.randint(1, 400)}, Service Lead", rng.choice(DATES), rng.choice(MONEY),
            f"Number of people reached by {topic}", f"{rng.randint(1, 17)}, {rng.randint(1, 17)}",
            rng.choice(STATUSES), rng.choice(GROUPS), "Work under way; first quarter figures due.",
        ]


def write_plan(path: Path, size: int) -> Path:
    """An .xlsx plan with a title row above the header, as partners send them."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Action plan")
    sheet.append(["Synthetic partner action plan"])
    sheet.append(HEADER)
    for row in rows(size):
        sheet.append(row)
    book.save(path)
    return path
