"""Write action records to an .xlsx file that read_plan reads back unchanged."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterable

from joinedup.ingest.fields import CANONICAL_HEADERS
from joinedup.ingest.records import POPULATION_GROUPS, STATUS_LABELS, ActionRecord

SHEET_NAME = "Actions"


def _milestones(record: ActionRecord) -> str:
    lines = []
    for milestone in record.milestones:
        if milestone.date is None:
            lines.append(milestone.text)
        else:
            lines.append(f"{milestone.date:%d/%m/%Y}: {milestone.text}".rstrip())
    return "\n".join(lines)


def _places(record: ActionRecord) -> str:
    names = [record.places_text] if record.places_text else []
    return "; ".join((["Whole area"] if record.whole_area else []) + list(record.area_codes) + names)


_TEXT: dict[str, Callable[[ActionRecord], str]] = {
    "reference": lambda r: r.reference,
    "partner": lambda r: r.partner,
    "title": lambda r: r.title,
    "description": lambda r: r.description,
    "intended_outcome": lambda r: r.intended_outcome,
    "lead_name": lambda r: r.lead_name,
    "lead_role": lambda r: r.lead_role,
    "resource_staff_time": lambda r: r.resource_staff_time,
    "resource_funding_source": lambda r: r.resource_funding_source,
    "resource_notes": lambda r: r.resource_notes,
    "outcome_measures": lambda r: r.outcome_measures,
    "milestones": _milestones,
    "barriers": lambda r: r.barriers,
    "barriers_mitigation": lambda r: r.barriers_mitigation,
    "status": lambda r: STATUS_LABELS.get(r.status, r.status),
    "progress": lambda r: r.progress_note,
    "priorities": lambda r: ", ".join(str(n) for n in r.priority_numbers),
    "categories": lambda r: "; ".join(r.categories),
    "population_groups": lambda r: "; ".join(POPULATION_GROUPS.get(g, g)
                                             for g in r.population_groups),
    "places": _places,
    "evidence": lambda r: r.evidence,
    "evidence_links": lambda r: "\n".join(r.evidence_links),
}


def _date_or_text(date: dt.date | None, text: str) -> dt.date | str:
    return text if date is None else date


_DATED: dict[str, Callable[[ActionRecord], dt.date | str]] = {
    "start": lambda r: _date_or_text(r.start_date, r.start_text),
    "end": lambda r: _date_or_text(r.end_date, r.end_text),
    "progress_date": lambda r: _date_or_text(r.progress_date, ""),
}


def write_actions_xlsx(records: Iterable[ActionRecord], path: str | os.PathLike[str]) -> None:
    """One 'Actions' sheet, headers in row 1 (CANONICAL_HEADERS), one row per action.

    Dates are real date cells, amounts real numbers; text is always written as
    text (never turned into a formula or a number).
    """
    import xlsxwriter

    workbook = xlsxwriter.Workbook(os.fspath(path), {"strings_to_numbers": False,
                                                     "strings_to_formulas": False,
                                                     "strings_to_urls": False})
    try:
        sheet = workbook.add_worksheet(SHEET_NAME)
        bold = workbook.add_format({"bold": True})
        date_format = workbook.add_format({"num_format": "dd/mm/yyyy"})
        wrap = workbook.add_format({"text_wrap": True, "valign": "top"})
        fields = list(CANONICAL_HEADERS)
        for column, name in enumerate(fields):
            sheet.write_string(0, column, CANONICAL_HEADERS[name], bold)
        for row, record in enumerate(records, start=1):
            for column, name in enumerate(fields):
                write_record_cell(sheet, row, column, name, record, date_format, wrap)
        sheet.freeze_panes(1, 0)
    finally:
        workbook.close()


def write_record_cell(sheet, row, column, name, record, date_format, wrap) -> None:
    if name == "resource_amount":
        if record.resource_amount is not None:
            sheet.write_number(row, column, float(record.resource_amount))
        elif record.resource_amount_text:
            sheet.write_string(row, column, record.resource_amount_text, wrap)
        return
    if name in _DATED:
        value = _DATED[name](record)
        if isinstance(value, dt.date):
            sheet.write_datetime(row, column, value, date_format)
        elif value:
            sheet.write_string(row, column, value, wrap)
        return
    text = _TEXT[name](record)
    if text:
        sheet.write_string(row, column, text, wrap)
