"""Word (.docx) plans: each table in the document is read like a sheet.

Partners often write their action plans as tables in a Word document. Each
table with at least two rows (a header and an action) becomes a sheet named
after the nearest heading above it ("Priority 2: Healthy weight"), or
"Table N" (N counting every table in the document) when no heading comes
before it. A one-row table (a banner or a title box) cannot hold a header and
an action, so it is not offered as a sheet. Text outside tables is not read.

Merged cells keep their text in the first grid cell only and are reported as
merges, the same shape as a spreadsheet's merged ranges, so the reader fills
down and groups rows exactly as it does for a workbook. python-docx parses the
file (a well-kept library rather than hand-written OOXML parsing).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from joinedup.ingest.errors import file_error
from joinedup.ingest.sources import (
    Merge,
    Rows,
    SheetData,
    SheetSource,
    reraise,
    short_error,
)

MAX_NAME = 100
"""Longer headings are cut: a sheet name is shown in every warning."""

_BLOCKS = "./w:p | ./w:tbl | ./w:sdt/w:sdtContent/w:p | ./w:sdt/w:sdtContent/w:tbl"
"""Paragraphs and tables of the body in order, including those inside content controls."""
_ROWS = "./w:tr | ./w:sdt/w:sdtContent/w:tr"
_CELLS = "./w:tc | ./w:sdt/w:sdtContent/w:tc"
"""Rows and cells, including those inside content controls (repeating sections)."""

_Key = tuple[int, int]
"""A cell's origin: the (row, column) of the grid position where its text is kept."""


def document_tables(file_path: Path) -> list[SheetSource]:
    """The usable tables of a .docx file, each as a sheet."""
    name = file_path.name
    document = _open(file_path)
    named = _named_tables(document, name)
    if not named:
        raise file_error(name, "the document has no tables; expected the actions in a table "
                               "with a header row")
    usable = [(sheet, table) for sheet, table in named if len(table.xpath(_ROWS)) >= 2]
    if not usable:
        raise file_error(name, "the document's tables each have only one row; expected the "
                               "actions in a table with a header row and a row for each action")
    return [SheetSource(sheet, _loader(table, name, sheet)) for sheet, table in usable]


def _open(file_path: Path):
    import docx

    try:
        return docx.Document(str(file_path))
    except BaseException as exc:  # zip, XML and content-type errors from the library
        reraise(exc)
        raise file_error(
            file_path.name,
            f"the file could not be opened as a .docx document ({short_error(exc)}); it may be "
            "damaged, truncated or not really a .docx file; expected a document saved by Word "
            "or LibreOffice",
        ) from None


def _named_tables(document, name: str) -> list[tuple[str, object]]:
    """(sheet name, w:tbl element) for every top-level table, in document order."""
    try:
        blocks = document.element.body.xpath(_BLOCKS)
        return _name_tables(document, blocks)
    except BaseException as exc:
        reraise(exc)
        raise file_error(name, f"the document's tables could not be read ({short_error(exc)}); the "
                               "file may be damaged; expected a document saved by Word or "
                               "LibreOffice") from None


def _name_tables(document, blocks) -> list[tuple[str, object]]:
    from docx.text.paragraph import Paragraph

    heading: str | None = None
    used: set[str] = set()
    tables: list[tuple[str, object]] = []
    for block in blocks:
        if block.tag.endswith("}p"):
            heading = _heading(block, Paragraph(block, document)) or heading
            continue
        number = len(tables) + 1
        sheet = heading or f"Table {number}"
        if sheet.lower() in used:
            sheet = f"{sheet} (Table {number})"
        used.add(sheet.lower())
        tables.append((sheet, block))
    return tables


def _heading(p, paragraph) -> str | None:
    """The paragraph's text when it is a heading (Heading n or Title style, or an outline level)."""
    text = " ".join(paragraph.text.split())
    if not text or not _is_heading(p, paragraph):
        return None
    return text if len(text) <= MAX_NAME else text[:MAX_NAME - 1].rstrip() + "…"


def _is_heading(p, paragraph) -> bool:
    if _outline_level(p.pPr):
        return True
    style = paragraph.style
    while style is not None:
        style_name = (style.name or "").lower()
        if style_name.startswith("heading") or style_name == "title":
            return True
        if _outline_level(style.element.pPr):
            return True
        style = style.base_style
    return False


def _outline_level(properties) -> bool:
    """True when paragraph properties give an outline level 1-9 (w:outlineLvl 0-8)."""
    if properties is None:
        return False
    levels = properties.xpath("./w:outlineLvl/@w:val")
    return bool(levels) and levels[0].isdigit() and int(levels[0]) < 9


def _loader(table, name: str, sheet: str) -> Callable[[], SheetData]:
    def load() -> SheetData:
        try:
            return table_data(table)
        except BaseException as exc:
            reraise(exc)
            raise file_error(name, f"the table could not be read ({short_error(exc)}); the file may "
                                   "be damaged; expected a readable table", sheet=sheet) from None

    return load


def table_data(table) -> SheetData:
    """A w:tbl element's cell texts on its layout grid, with its merged cells as merges."""
    grid, texts = _grid(table)
    width = max((len(row) for row in grid), default=0)
    rows: Rows = [[None] * width for _ in grid]
    extents: dict[_Key, list[int]] = {}
    for r, row in enumerate(grid):
        for c, key in enumerate(row):
            if key is None:
                continue
            if key == (r, c):
                rows[r][c] = texts[key] or None
            top, left, bottom, right = extents.setdefault(key, [r, c, r, c])
            extents[key] = [min(top, r), min(left, c), max(bottom, r), max(right, c)]
    merges: list[Merge] = [((top, left), (bottom, right))
                           for top, left, bottom, right in extents.values()
                           if (top, left) != (bottom, right)]
    return SheetData(rows, merges)


def _grid(table) -> tuple[list[list[_Key | None]], dict[_Key, str]]:
    """Each grid position's owning cell, and each owning cell's text.

    A cell spanning columns (w:gridSpan) owns every position it covers; a cell
    continuing a vertical merge (w:vMerge without "restart") belongs to the cell
    above it at the same position. Positions a row skips (w:gridBefore/After) are None.
    """
    grid: list[list[_Key | None]] = []
    texts: dict[_Key, str] = {}
    for r, tr in enumerate(table.xpath(_ROWS)):
        row: list[_Key | None] = [None] * tr.grid_before
        for tc in tr.xpath(_CELLS):
            c = len(row)
            above = grid[r - 1][c] if r and c < len(grid[r - 1]) else None
            key = above if tc.vMerge == "continue" and above is not None else (r, c)
            text = cell_text(tc)
            texts[key] = "\n".join(t for t in (texts.get(key), text) if t)
            row.extend([key] * max(tc.grid_span, 1))
        grid.append(row)
    return grid, texts


def cell_text(tc) -> str:
    """A cell's paragraphs (nested tables' too) joined with newlines, stripped."""
    # A text box is stored twice (for new and old Word): read only the mc:Choice copy.
    lines = [_paragraph_text(p) for p in tc.xpath(".//w:p[not(ancestor::*[local-name()='Fallback'])]")]
    return "\n".join(line for line in lines if line.strip()).strip()


def _paragraph_text(p) -> str:
    """The paragraph's own runs: hyperlinks, tracked insertions and content controls included,
    deleted text and the paragraphs of text boxes inside it (read separately) excluded."""
    depth = int(p.xpath("count(ancestor-or-self::w:p)"))
    runs = p.xpath(f".//w:r[count(ancestor::w:p) = {depth}]")
    return "".join(run.text for run in runs).strip()
