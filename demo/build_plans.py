"""Write the Wealdbridge demo partner plans from the YAML sources.

The action texts live in ``demo/source/*.yaml``, one file per partner, with
the same plain keys everywhere (title, outcome, lead, when, ...). Each partner
sends its plan in its own layout: its own column names, header position,
date and money styles. This script renders every source file in its
partner's layout into ``demo/plans/`` and writes ``demo/pairs.csv`` from the
``pair`` tags in the sources.

Run from the repository root:

    .venv/bin/python demo/build_plans.py

The output is deterministic: the same sources give byte-identical files
(workbook timestamps and zip entry times are fixed).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

DEMO = Path(__file__).resolve().parent
SOURCES = DEMO / "source"
PLANS = DEMO / "plans"

SOURCE_ORDER = (
    "county-council",
    "ccg",
    "community-trust",
    "northmere",
    "southfleet",
    "cvs",
    "fire",
)
"""Order in which partners are rendered and pairs are listed."""

CATEGORY_NAMES = {
    "E": "Early Intervention & Prevention",
    "T": "Treatment",
    "L": "Long-term management & support",
}

META_KEYS = {"pair", "cat", "blank", "repeat_header", "reject", "total"}
"""Source keys that steer rendering rather than fill a column."""

FIXED_TIME = dt.datetime(2013, 9, 5, 9, 0, 0)
"""Timestamp stamped on every workbook so rebuilds are byte-identical."""

RAG_FILLS = {
    "Green": PatternFill("solid", fgColor="92D050"),
    "Amber": PatternFill("solid", fgColor="FFC000"),
    "Red": PatternFill("solid", fgColor="FF5050"),
}


@dataclass(frozen=True)
class Layout:
    """How one partner lays out its plan: columns and where the header sits."""

    columns: tuple[tuple[str, str], ...]
    header_row: int = 1
    title_rows: tuple[str, ...] = ()
    rag_colours: bool = False
    widths: dict[str, int] = field(default_factory=dict)

    @property
    def keys(self) -> set[str]:
        return {key for _, key in self.columns}


LAYOUTS: dict[str, Layout] = {
    "county": Layout(
        columns=(
            ("Ref", "ref"),
            ("Action", "title"),
            ("Description", "detail"),
            ("Intended outcome", "outcome"),
            ("JHWS priority", "priorities"),
            ("Category", "cat"),
            ("Lead officer", "lead"),
            ("Resources", "resources"),
            ("Measure of success", "measure"),
            ("Start date", "start"),
            ("End date", "end"),
            ("Barriers", "barriers"),
            ("Mitigation", "mitigation"),
            ("Status", "status"),
            ("Progress to date", "progress"),
            ("Target group", "group"),
            ("Evidence base", "evidence"),
        ),
        header_row=4,
        title_rows=(
            "Wealdbridge County Council: Adult Social Care, Health and Housing",
            "Contribution to Seamless Health, the Joint Health and Wellbeing "
            "Strategy: action plan 2013-15 (draft v3, August 2013)",
        ),
    ),
    "ccg": Layout(
        columns=(
            ("ID", "ref"),
            ("What we will do", "title"),
            ("Objective", "outcome"),
            ("Priorities", "priorities"),
            ("Sub-theme", "cat"),
            ("Owner", "lead"),
            ("Budget", "resources"),
            ("KPI", "measure"),
            ("Timescale", "when"),
            ("Risks", "barriers"),
            ("How will barriers be overcome", "mitigation"),
            ("RAG", "status"),
            ("Update", "progress"),
            ("Who benefits", "group"),
        ),
        rag_colours=True,
    ),
    "trust": Layout(
        columns=(
            ("No.", "ref"),
            ("Activity", "title"),
            ("Detail", "detail"),
            ("Expected outcome", "outcome"),
            ("Priority", "priorities"),
            ("Responsible", "lead"),
            ("Funding", "resources"),
            ("Outcome measures", "measure"),
            ("Deadline", "when"),
            ("Barriers", "barriers"),
            ("Mitigation", "mitigation"),
            ("Status", "status"),
            ("Comments", "progress"),
            ("Target group", "group"),
            ("Evidence", "evidence"),
        ),
        header_row=2,
    ),
    "northmere": Layout(
        columns=(
            ("Ref", "ref"),
            ("Action", "title"),
            ("Outcome", "outcome"),
            ("Priority", "priorities"),
            ("Lead", "lead"),
            ("By when", "when"),
            ("How will we know", "measure"),
            ("Resources", "resources"),
            ("Status", "status"),
            ("Update", "progress"),
            ("Area", "place"),
        ),
    ),
    "southfleet": Layout(
        columns=(
            ("What we will do", "title"),
            ("Intended outcome", "outcome"),
            ("JHWS priority", "priorities"),
            ("Category", "cat"),
            ("Lead officer", "lead"),
            ("Budget", "resources"),
            ("Target date", "when"),
            ("Measure of success", "measure"),
            ("Risks", "barriers"),
            ("Mitigation", "mitigation"),
            ("Status", "status"),
            ("Progress to date", "progress"),
            ("Location", "place"),
        ),
    ),
    "cvs": Layout(
        columns=(
            ("Ref", "ref"),
            ("Activity", "title"),
            ("Outcome", "outcome"),
            ("Priorities", "priorities"),
            ("Lead", "lead"),
            ("Deadline", "when"),
            ("KPI", "measure"),
            ("Funding", "resources"),
            ("Barriers", "barriers"),
            ("How will barriers be overcome", "mitigation"),
            ("Status", "status"),
            ("Update", "progress"),
            ("Who benefits", "group"),
            ("Area", "place"),
        ),
    ),
    "fire": Layout(
        columns=(
            ("ID", "ref"),
            ("Action", "title"),
            ("Description", "detail"),
            ("Objective", "outcome"),
            ("Priority", "priorities"),
            ("Owner", "lead"),
            ("Start date", "start"),
            ("End date", "end"),
            ("Outcome measures", "measure"),
            ("Resources", "resources"),
            ("Risks", "barriers"),
            ("Mitigation", "mitigation"),
            ("Status", "status"),
            ("Comments", "progress"),
            ("Location", "place"),
        ),
    ),
}

WIDE_KEYS = {"title", "detail", "outcome", "measure", "progress", "barriers", "mitigation"}


def load_source(name: str) -> dict:
    """Read one partner's source file and check every row fits its layout."""
    with (SOURCES / f"{name}.yaml").open(encoding="utf-8") as handle:
        source = yaml.safe_load(handle)
    layout = LAYOUTS[source["layout"]]
    for sheet in source["sheets"]:
        for row in sheet.get("rows", []):
            _check_row_fits(row, layout, source["file"])
    return source


def _check_row_fits(row: dict, layout: Layout, file: str) -> None:
    """Refuse text that the partner's layout has no column for (it would be lost)."""
    lost = {
        key
        for key, value in row.items()
        if key not in layout.keys and key not in META_KEYS and value not in ("", None)
    }
    if lost:
        raise ValueError(f"{file}: row {row.get('ref') or row.get('title')} has no column for {sorted(lost)}")


def cell_value(row: dict, key: str, for_csv: bool) -> object:
    """The value a partner would have typed for `key`, in its own style."""
    value = row.get(key, "")
    if key == "cat" and value:
        return CATEGORY_NAMES[value]
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y") if for_csv else value
    if value is None:
        return ""
    return value


def row_values(row: dict, layout: Layout, for_csv: bool = False) -> list[object]:
    """One sheet row: header repeated, blank, or the action's cells in order."""
    if row.get("repeat_header"):
        return [header for header, _ in layout.columns]
    if row.get("blank"):
        return ["" for _ in layout.columns]
    return [cell_value(row, key, for_csv) for _, key in layout.columns]


def write_sheet(ws, rows: Iterable[dict], layout: Layout) -> None:
    """Fill one worksheet: optional title rows, the header, then the rows."""
    width = len(layout.columns)
    for index, title in enumerate(layout.title_rows, start=1):
        ws.cell(row=index, column=1, value=title)
        ws.cell(row=index, column=1).font = Font(bold=True, size=14 if index == 1 else 11)
    if layout.title_rows:
        ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    header_row = layout.header_row
    for col, (header, _) in enumerate(layout.columns, start=1):
        cell = ws.cell(row=header_row, column=col, value=header)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="D9E1F2")
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for offset, row in enumerate(rows, start=1):
        values = row_values(row, layout)
        for col, value in enumerate(values, start=1):
            if value == "":
                continue
            cell = ws.cell(row=header_row + offset, column=col, value=value)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            if isinstance(value, dt.date):
                cell.number_format = "DD/MM/YYYY"
            if row.get("repeat_header"):
                cell.font = Font(bold=True)
            if layout.rag_colours and value in RAG_FILLS:
                cell.fill = RAG_FILLS[value]
    for col, (_, key) in enumerate(layout.columns, start=1):
        ws.column_dimensions[get_column_letter(col)].width = 42 if key in WIDE_KEYS else 16
    ws.freeze_panes = ws.cell(row=header_row + 1, column=1)


def write_notes(ws, notes: list[str]) -> None:
    """A sheet of free-text notes, as officers leave them; it holds no actions."""
    for index, line in enumerate(notes, start=1):
        ws.cell(row=index, column=1, value=line)
    ws.cell(row=1, column=1).font = Font(bold=True)
    ws.column_dimensions["A"].width = 100


def write_workbook(source: dict, path: Path) -> None:
    """Render a source as an .xlsx workbook, one worksheet per source sheet."""
    layout = LAYOUTS[source["layout"]]
    workbook = Workbook()
    workbook.remove(workbook.active)
    for sheet in source["sheets"]:
        ws = workbook.create_sheet(sheet["name"])
        if "notes" in sheet:
            write_notes(ws, sheet["notes"])
        else:
            write_sheet(ws, sheet["rows"], layout)
    workbook.properties.creator = source["organisation"]
    workbook.properties.title = source["file"]
    workbook.save(path)
    make_reproducible(path)


def make_reproducible(path: Path) -> None:
    """Fix the timestamps openpyxl stamps on save so rebuilds are identical."""
    stamp = FIXED_TIME.strftime("%Y-%m-%dT%H:%M:%SZ")
    with zipfile.ZipFile(path) as archive:
        entries = [(info.filename, archive.read(info.filename)) for info in archive.infolist()]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries:
            if name == "docProps/core.xml":
                text = data.decode("utf-8")
                text = re.sub(r"(<dcterms:(created|modified)[^>]*>)[^<]*", rf"\g<1>{stamp}", text)
                data = text.encode("utf-8")
            info = zipfile.ZipInfo(name, date_time=FIXED_TIME.timetuple()[:6])
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data)
    path.write_bytes(buffer.getvalue())


def write_csv(source: dict, path: Path) -> None:
    """Render a single-sheet source as a UTF-8 CSV with a header on line 1."""
    layout = LAYOUTS[source["layout"]]
    (sheet,) = source["sheets"]
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\r\n")
        writer.writerow([header for header, _ in layout.columns])
        for row in sheet["rows"]:
            writer.writerow(row_values(row, layout, for_csv=True))


def pair_references(source: dict) -> list[tuple[str, str, str]]:
    """(tag, file, ref) for every tagged row; ref is the row number if no Ref column."""
    layout = LAYOUTS[source["layout"]]
    has_ref = "ref" in layout.keys
    found = []
    for sheet in source["sheets"]:
        for position, row in enumerate(sheet.get("rows", []), start=1):
            if "pair" in row:
                ref = row["ref"] if has_ref else str(position)
                found.append((row["pair"], source["file"], ref))
    return found


def write_pairs(tagged: list[tuple[str, str, str]], path: Path) -> None:
    """pairs.csv: each tag must join exactly two rows in two different files."""
    by_tag: dict[str, list[tuple[str, str]]] = {}
    for tag, file, ref in tagged:
        by_tag.setdefault(tag, []).append((file, ref))
    order = sorted(by_tag, key=lambda tag: (tag[0], int(tag[1:])))
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["a_file", "a_ref", "b_file", "b_ref", "kind"])
        for tag in order:
            members = by_tag[tag]
            if len(members) != 2 or members[0][0] == members[1][0]:
                raise ValueError(f"pair {tag} must join two rows in different files: {members}")
            (a_file, a_ref), (b_file, b_ref) = members
            kind = "duplicate" if tag.startswith("D") else "synergy"
            writer.writerow([a_file, a_ref, b_file, b_ref, kind])


def main() -> None:
    PLANS.mkdir(exist_ok=True)
    tagged: list[tuple[str, str, str]] = []
    for name in SOURCE_ORDER:
        source = load_source(name)
        target = PLANS / source["file"]
        if target.suffix == ".csv":
            write_csv(source, target)
        else:
            write_workbook(source, target)
        tagged.extend(pair_references(source))
        print(f"wrote {target.relative_to(DEMO.parent)}")
    write_pairs(tagged, DEMO / "pairs.csv")
    print("wrote demo/pairs.csv")


if __name__ == "__main__":
    main()
