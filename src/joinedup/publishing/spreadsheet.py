"""The published plan as a workbook and as CSV.

The workbook has a Summary sheet and one sheet per theme, each with the
canonical headers of `joinedup.ingest`, so `read_plan` reads it back into the
same records (an action under priorities of two themes is on both sheets).
CSV cells that a spreadsheet would run as a formula get a leading apostrophe.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from decimal import Decimal

import xlsxwriter

from joinedup.ingest.export import write_record_cell
from joinedup.ingest.fields import CANONICAL_HEADERS
from joinedup.ingest.records import ActionRecord, Milestone
from joinedup.publishing.summary import summary_sentences

UNPLACED_SHEET = "Not under a theme"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralised(value) -> str:
    """A cell's text, with a leading apostrophe when a spreadsheet would treat it as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def as_record(action: dict) -> ActionRecord:
    """A published action as the plain record the importer produces."""
    resources, timeline = action["resources"], action["timeline"]
    amount = resources["amount"]
    return ActionRecord(
        title=action["title"], partner=action["partner"], reference=action["reference"],
        description=action["description"], intended_outcome=action["intended_outcome"],
        lead_name=action["lead"]["name"], lead_role=action["lead"]["role"],
        resource_amount=Decimal(amount) if amount is not None else None,
        resource_amount_text=resources["amount_text"], resource_staff_time=resources["staff_time"],
        resource_funding_source=resources["funding_source"], resource_notes=resources["notes"],
        outcome_measures=action["outcome_measures"],
        start_date=_date(timeline["start_date"]), start_text=timeline["start_text"],
        end_date=_date(timeline["end_date"]), end_text=timeline["end_text"],
        milestones=tuple(Milestone(_date(m["date"]), m["text"]) for m in timeline["milestones"]),
        barriers=action["barriers"], barriers_mitigation=action["barriers_mitigation"],
        status=action["status"], progress_note=action["progress_note"],
        progress_date=_date(action["progress_date"]),
        priority_numbers=tuple(action["priority_numbers"]), categories=tuple(action["categories"]),
        population_groups=tuple(action["population_groups"]), whole_area=action["whole_area"],
        area_codes=tuple(action["area_codes"]), places_text=action["places_text"],
        evidence=action["evidence"], evidence_links=tuple(action["evidence_links"]),
    )


def sheets(content: dict) -> list[tuple[str, list[dict]]]:
    """(sheet name, actions) per theme in order, then the actions under no theme, if any."""
    names: set[str] = set()
    found = []
    for theme in content["strategy"]["themes"]:
        numbers = set(theme["priority_numbers"])
        actions = [a for a in content["actions"] if numbers & set(a["priority_numbers"])]
        found.append((_sheet_name(theme["name"], names), actions))
    themed = {n for t in content["strategy"]["themes"] for n in t["priority_numbers"]}
    unplaced = [a for a in content["actions"] if not themed & set(a["priority_numbers"])]
    if unplaced:
        found.append((_sheet_name(UNPLACED_SHEET, names), unplaced))
    return found


def _sheet_name(name: str, taken: set[str]) -> str:
    base = re.sub(r"[\[\]:*?/\\']", " ", name).strip()[:28] or "Theme"
    chosen, n = base, 2
    while chosen.casefold() in taken or chosen.casefold() == "summary":
        chosen, n = f"{base[:25]} {n}", n + 1
    taken.add(chosen.casefold())
    return chosen


def plan_workbook(content: dict) -> bytes:
    """The whole published plan as .xlsx bytes."""
    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_numbers": False,
                                            "strings_to_formulas": False, "strings_to_urls": False})
    bold = workbook.add_format({"bold": True})
    wrap = workbook.add_format({"text_wrap": True, "valign": "top"})
    dates = workbook.add_format({"num_format": "dd/mm/yyyy"})
    _summary_sheet(workbook.add_worksheet("Summary"), content, bold)
    fields = list(CANONICAL_HEADERS)
    for name, actions in sheets(content):
        sheet = workbook.add_worksheet(name)
        for column, field in enumerate(fields):
            sheet.write_string(0, column, CANONICAL_HEADERS[field], bold)
        for row, action in enumerate(actions, start=1):
            record = as_record(action)
            for column, field in enumerate(fields):
                write_record_cell(sheet, row, column, field, record, dates, wrap)
        sheet.freeze_panes(1, 0)
    workbook.close()
    return buffer.getvalue()


def _summary_sheet(sheet, content: dict, bold) -> None:
    sheet.write_string(0, 0, f"{content['strategy']['name']}: published version {content['version']}",
                       bold)
    for row, sentence in enumerate(summary_sentences(content), start=2):
        sheet.write_string(row, 0, sentence)
    sheet.set_column(0, 0, 100)


def plan_csv(content: dict) -> str:
    """One row per action, canonical headers; every cell neutralised against formulas."""
    out = io.StringIO()
    writer = csv.writer(out)
    fields = list(CANONICAL_HEADERS)
    writer.writerow([CANONICAL_HEADERS[f] for f in fields] + ["Lead organisation",
                                                              "Contributing partners"])
    for action in content["actions"]:
        writer.writerow([neutralised(v) for v in _csv_row(action, fields)])
    return out.getvalue()


def _csv_row(action: dict, fields: list[str]) -> list[str]:
    resources, timeline = action["resources"], action["timeline"]
    values = {
        "reference": action["reference"], "partner": action["partner"], "title": action["title"],
        "description": action["description"], "intended_outcome": action["intended_outcome"],
        "lead_name": action["lead"]["name"], "lead_role": action["lead"]["role"],
        "resource_amount": resources["amount"] or resources["amount_text"],
        "resource_staff_time": resources["staff_time"],
        "resource_funding_source": resources["funding_source"], "resource_notes": resources["notes"],
        "outcome_measures": action["outcome_measures"],
        "start": timeline["start_date"] or timeline["start_text"],
        "end": timeline["end_date"] or timeline["end_text"],
        "milestones": "\n".join(f"{m['date'] or ''} {m['text']}".strip()
                                for m in timeline["milestones"]),
        "barriers": action["barriers"], "barriers_mitigation": action["barriers_mitigation"],
        "status": action["status_label"], "progress": action["progress_note"],
        "progress_date": action["progress_date"] or "",
        "priorities": ", ".join(str(n) for n in action["priority_numbers"]),
        "categories": "; ".join(action["categories"]),
        "population_groups": "; ".join(action["population_group_labels"]),
        "places": "; ".join((["Whole area"] if action["whole_area"] else []) + action["area_codes"]
                            + ([action["places_text"]] if action["places_text"] else [])),
        "evidence": action["evidence"], "evidence_links": "\n".join(action["evidence_links"]),
    }
    return [values.get(f, "") for f in fields] + [action["lead"]["organisation"],
                                                   "; ".join(action["contributing_partners"])]


def rows_csv(header: list[str], rows: list[list]) -> str:
    """Any table as CSV, every cell neutralised against formulas (used for comment exports)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([neutralised(h) for h in header])
    for row in rows:
        writer.writerow([neutralised(v) for v in row])
    return out.getvalue()
