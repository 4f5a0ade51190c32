"""Builders for small partner plans in tmp_path: xlsx (openpyxl), ods (hand-written XML), csv."""

from __future__ import annotations

import datetime as dt
import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path
from xml.sax.saxutils import escape

import openpyxl
import pytest

Rows = Sequence[Sequence[object]]


def _write_xlsx(path: Path, sheets: dict[str, Rows], merges: dict[str, list[str]]) -> Path:
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for name, rows in sheets.items():
        sheet = workbook.create_sheet(name)
        for row in rows:
            sheet.append(list(row))
        for cell_range in merges.get(name, []):
            sheet.merge_cells(cell_range)
    workbook.save(path)
    return path


@pytest.fixture
def make_xlsx(tmp_path: Path) -> Callable[..., Path]:
    """make_xlsx(rows, name="plan.xlsx", sheet="Plan", merges=[...], sheets={...})."""

    def make(rows: Rows | None = None, name: str = "plan.xlsx", sheet: str = "Plan",
             merges: list[str] | None = None, sheets: dict[str, Rows] | None = None) -> Path:
        all_sheets = dict(sheets or {})
        if rows is not None:
            all_sheets = {sheet: rows, **all_sheets}
        return _write_xlsx(tmp_path / name, all_sheets, {sheet: merges or []})

    return make


_ODS_MANIFEST = """<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"
 manifest:version="1.2">
 <manifest:file-entry manifest:full-path="/"
  manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>
 <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
</manifest:manifest>
"""
_ODS_HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<office:document-content'
    ' xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
    ' xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"'
    ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
    "<office:body><office:spreadsheet>"
)
_ODS_TAIL = "</office:spreadsheet></office:body></office:document-content>"


def _ods_cell(value: object) -> str:
    if value is None or value == "":
        return "<table:table-cell/>"
    if isinstance(value, dt.date):
        return (f'<table:table-cell office:value-type="date" office:date-value='
                f'"{value.isoformat()}"><text:p>{value.isoformat()}</text:p></table:table-cell>')
    if isinstance(value, int | float):
        return (f'<table:table-cell office:value-type="float" office:value="{value}">'
                f"<text:p>{value}</text:p></table:table-cell>")
    return (f'<table:table-cell office:value-type="string"><text:p>{escape(str(value))}'
            "</text:p></table:table-cell>")


def _write_ods(path: Path, sheets: dict[str, Rows]) -> Path:
    body = []
    for name, rows in sheets.items():
        body.append(f'<table:table table:name="{escape(name)}">')
        for row in rows:
            body.append("<table:table-row>" + "".join(_ods_cell(v) for v in row)
                        + "</table:table-row>")
        body.append("</table:table>")
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet",
                         compress_type=zipfile.ZIP_STORED)
        archive.writestr("META-INF/manifest.xml", _ODS_MANIFEST)
        archive.writestr("content.xml", _ODS_HEAD + "".join(body) + _ODS_TAIL)
    return path


@pytest.fixture
def make_ods(tmp_path: Path) -> Callable[..., Path]:
    """make_ods(rows, name="plan.ods", sheet="Plan") - a minimal OpenDocument spreadsheet."""

    def make(rows: Rows, name: str = "plan.ods", sheet: str = "Plan") -> Path:
        return _write_ods(tmp_path / name, {sheet: rows})

    return make


@pytest.fixture
def make_csv(tmp_path: Path) -> Callable[..., Path]:
    """make_csv(text, name="plan.csv", encoding="utf-8") - writes the text exactly."""

    def make(text: str, name: str = "plan.csv", encoding: str = "utf-8") -> Path:
        path = tmp_path / name
        path.write_bytes(text.encode(encoding))
        return path

    return make
