"""Printing reports for the command line (rich tables), kept apart from the commands."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table


def print_import_report(console: Console, report) -> None:
    console.print(
        f"{report.file}: {report.created} created, {report.updated} updated, "
        f"{report.unchanged} unchanged, {len(report.rejected)} rejected; "
        f"{report.skipped_blank} blank and {report.skipped_headers} repeated header rows skipped."
    )
    for title, problems in (("Rejected rows", report.rejected), ("Warnings", report.warnings)):
        if not problems:
            continue
        table = Table(title=title, show_lines=False)
        table.add_column("Where")
        table.add_column("Problem")
        for problem in problems:
            table.add_row(problem.location.describe(), problem.message)
        console.print(table)
