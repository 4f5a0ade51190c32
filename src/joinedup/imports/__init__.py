"""Per-partner spreadsheet round trip: download, edit, upload, review the differences, confirm, undo."""
