"""Text of a rendered PDF, page by page, from WeasyPrint's own layout (no PDF reader is installed)."""

from __future__ import annotations

import weasyprint


def _texts(box):
    text = getattr(box, "text", None)
    if text:
        yield text
    for child in getattr(box, "children", ()) or ():
        yield from _texts(child)


def document_text(html: str) -> str:
    document = weasyprint.HTML(string=html).render()
    return "\n".join(" ".join(_texts(page._page_box)) for page in document.pages)


def bookmarks(html: str) -> list[str]:
    document = weasyprint.HTML(string=html).render()
    found = []

    def walk(entries):
        for entry in entries:
            label, _target, children, _state = entry
            found.append(label)
            walk(children)

    walk(document.make_bookmark_tree())
    return found


def raw_objects(pdf: bytes) -> bytes:
    """The PDF's bytes with every Flate stream inflated, to look for catalogue entries."""
    import re
    import zlib

    parts = [pdf]
    for match in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.DOTALL):
        try:
            parts.append(zlib.decompress(match.group(1)))
        except zlib.error:
            continue
    return b"\n".join(parts)
