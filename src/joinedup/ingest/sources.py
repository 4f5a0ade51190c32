"""Open a spreadsheet, CSV or Word file and hand back its sheets as rows of cell values.

A Word document's tables are its sheets (see joinedup.ingest.word).

Library failures (zip, XML, calamine panics, decoding) never escape: each is
turned into an IngestError naming the file, and the sheet when there is one.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from joinedup.ingest.errors import IngestError, file_error

SPREADSHEET_EXTENSIONS = frozenset({".xlsx", ".xlsm", ".xlsb", ".xls", ".ods"})
TEXT_EXTENSIONS = frozenset({".csv", ".tsv", ".txt"})
DOCUMENT_EXTENSIONS = frozenset({".docx"})
SUPPORTED_EXTENSIONS = tuple(sorted(SPREADSHEET_EXTENSIONS | TEXT_EXTENSIONS | DOCUMENT_EXTENSIONS))

Rows = list[list[object]]
Merge = tuple[tuple[int, int], tuple[int, int]]
"""A merged range: ((first row, first column), (last row, last column)), 0-based, inclusive."""


@dataclass(frozen=True)
class SheetData:
    rows: Rows
    merges: list[Merge] = field(default_factory=list)


@dataclass(frozen=True)
class SheetSource:
    """A sheet's name and a way to load it (so unwanted sheets cost nothing)."""

    name: str
    load: Callable[[], SheetData]


def reraise(exc: BaseException) -> None:
    """Let interpreter-level exits through; everything else becomes an IngestError."""
    if isinstance(exc, KeyboardInterrupt | SystemExit | GeneratorExit | MemoryError):
        raise exc


def open_sheets(path: str | os.PathLike[str]) -> list[SheetSource]:
    """The sheets of a workbook, the tables of a Word document, or the one sheet of a CSV
    named after the file."""
    file_path = Path(path)
    name = file_path.name
    suffix = file_path.suffix.lower()
    if suffix == ".doc":
        raise file_error(name, "the file is an old-style Word document (.doc), which joinedup "
                               "cannot read; expected a .docx document: open it in Word or "
                               "LibreOffice, save it as .docx and try again")
    if suffix not in SUPPORTED_EXTENSIONS:
        raise file_error(
            name,
            f"the file type '{suffix or '(none)'}' is not supported; expected one of "
            + ", ".join(SUPPORTED_EXTENSIONS),
        )
    if not file_path.is_file():
        raise file_error(name, f"the file was not found at {file_path}; expected an existing "
                               "spreadsheet, CSV or Word file")
    if suffix in TEXT_EXTENSIONS:
        return [SheetSource(file_path.stem, lambda: SheetData(read_text_table(file_path)))]
    if suffix in DOCUMENT_EXTENSIONS:
        return _document_tables(file_path)
    return _workbook_sheets(file_path)


def _document_tables(file_path: Path) -> list[SheetSource]:
    """Each usable table of a .docx document as a sheet."""
    from joinedup.ingest.word import document_tables

    return document_tables(file_path)


def _workbook_sheets(file_path: Path) -> list[SheetSource]:
    from python_calamine import CalamineWorkbook

    name = file_path.name
    kind = file_path.suffix.lower().lstrip(".")
    try:
        workbook = CalamineWorkbook.from_path(str(file_path))
        names = list(workbook.sheet_names)
    except BaseException as exc:  # calamine raises its own errors and pyo3 panics
        reraise(exc)
        raise file_error(
            name,
            f"the file could not be opened as a .{kind} workbook ({short_error(exc)}); it may be "
            f"damaged, truncated or not really a .{kind} file; expected a workbook saved by "
            "Excel, LibreOffice or Google Sheets",
        ) from None

    def loader(sheet_name: str) -> Callable[[], SheetData]:
        def load() -> SheetData:
            try:
                sheet = workbook.get_sheet_by_name(sheet_name)
                rows = sheet.to_python(skip_empty_area=False)
                merges = list(sheet.merged_cell_ranges or [])
                return SheetData(rows, merges)
            except BaseException as exc:
                reraise(exc)
                raise file_error(
                    name,
                    f"the sheet could not be read ({short_error(exc)}); the file may be damaged; "
                    "expected a readable worksheet",
                    sheet=sheet_name,
                ) from None

        return load

    return [SheetSource(sheet_name, loader(sheet_name)) for sheet_name in names]


def short_error(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return text[:160]


def decode_text(data: bytes) -> str:
    """UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252 (else Latin-1)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def sniff_delimiter(text: str) -> str:
    """The delimiter of a CSV: the sniffer's answer, else the commonest of , ; tab |."""
    sample = text[:20000]
    try:
        return csv.Sniffer().sniff(sample, delimiters=",;\t|").delimiter
    except csv.Error:
        lines = sample.splitlines()[:20]
        counts = {d: sum(line.count(d) for line in lines) for d in (",", ";", "\t", "|")}
        best = max(counts, key=lambda d: counts[d])
        return best if counts[best] else ","


def read_text_table(file_path: Path) -> Rows:
    """All records of a CSV/TSV file as lists of strings."""
    name = file_path.name
    try:
        data = file_path.read_bytes()
    except OSError as exc:
        raise file_error(name, f"the file could not be read ({short_error(exc)})") from None
    text = decode_text(data).replace("\x00", "")
    delimiter = "\t" if file_path.suffix.lower() == ".tsv" else sniff_delimiter(text)
    try:
        return list(_records(text, delimiter))
    except csv.Error as exc:
        raise file_error(
            name, f"the file could not be read as CSV ({short_error(exc)}); expected comma, "
                  "semicolon or tab separated values"
        ) from None


def _records(text: str, delimiter: str) -> Iterator[list[object]]:
    previous = csv.field_size_limit()
    csv.field_size_limit(2**31 - 1)
    try:
        yield from csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    finally:
        csv.field_size_limit(previous)


__all__ = ["SUPPORTED_EXTENSIONS", "IngestError", "SheetData", "SheetSource", "decode_text", "open_sheets",
           "read_text_table", "sniff_delimiter"]
