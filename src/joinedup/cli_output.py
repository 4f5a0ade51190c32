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
    print_problems(console, report.rejected, report.warnings)


def print_problems(console: Console, rejected, warnings) -> None:
    """Tables of rejected rows and of warnings, each naming where and what (none: nothing)."""
    for title, problems in (("Rejected rows", rejected), ("Warnings", warnings)):
        if not problems:
            continue
        table = Table(title=title, show_lines=False)
        table.add_column("Where")
        table.add_column("Problem")
        for problem in problems:
            table.add_row(problem.location.describe(), problem.message)
        console.print(table)
