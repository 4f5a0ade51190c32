"""`joinedup indicators ...` and `joinedup targets ...` commands."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.table import Table

from joinedup.outcomes.computing import METHODS, ComputeError, compute_file

indicators_app = typer.Typer(help="Indicator data: import files and compute statistics.",
                             no_args_is_help=True)
targets_app = typer.Typer(help="Targets and their status.", no_args_is_help=True)

COMPUTE_HELP = """Compute an indicator statistic for every row or group of a CSV file.

METHOD and the input columns it reads (column names are case-sensitive;
`group` is optional everywhere and splits the calculation):

\b
  proportion       group, numerator, denominator      (one result per row; Wilson limits)
  rate             group, numerator, denominator      (one result per row; Byar's / exact limits)
  mean             group, value                       (one result per group; Student's t)
  dsr              group, age_band, numerator, denominator[, standard_population]
                   (one result per group; Dobson limits; without standard_population
                   each group has the 19 ESP 2013 bands, in age order)
  isr              group, numerator, denominator, ref_numerator, ref_denominator
                   (one result per group; numerator = observed, denominator = population)
  smr              as isr; --multiplier is the ratio's reference value (1 or 100)
  life-expectancy  group, start_age, deaths, population  (one result per row, Chiang II)

The output keeps the input columns (per-row methods) or the group (per-group
methods) and adds value, lower, upper and reason (why a value is missing).
"""


@indicators_app.command("import")
def import_file(
    file: Path = typer.Argument(
        ..., help="Fingertips CSV, the joinedup template, or (--areas) an area lookup."),
    partnership: str = typer.Option(None, help="Partnership name (default: the only one)."),
    areas: bool = typer.Option(False, "--areas", help="FILE is an area lookup: code,name,parent_code,"
                               "parent_name,population,deprivation_quintile."),
) -> None:
    """Import indicator values (or an area lookup).

    Bad rows are reported and skipped; a file that cannot be read stores nothing.
    Re-importing updates values matched on indicator, area, period, sex and age.
    """
    from joinedup.cli import console, django_setup, fail

    django_setup()
    from joinedup.outcomes.importing import IndicatorFileError, import_area_file, import_indicator_file
    from joinedup.partners.services import ImportFailed, partnership_named

    try:
        target = partnership_named(partnership)
        if areas:
            stored, problems = import_area_file(target, file)
            console.print(f"{file.name}: {stored} areas stored.")
        else:
            report = import_indicator_file(target, file)
            problems = report.problems
            console.print(f"{file.name} ({report.format}): {report.created} values added, "
                          f"{report.updated} updated, {report.skipped} breakdown rows skipped, "
                          f"{len(problems)} rejected; indicators: {', '.join(report.indicators) or 'none'}.")
    except (ImportFailed, IndicatorFileError) as error:
        raise fail(str(error)) from None
    for problem in problems:
        console.print(f"Rejected: {problem}" + (f" (found '{problem.value}')" if problem.value else ""),
                      highlight=False, soft_wrap=True)


@indicators_app.command("compute", help=COMPUTE_HELP)
def compute(
    method: str = typer.Argument(..., help="One of: " + ", ".join(METHODS)),
    input_file: Path = typer.Argument(..., metavar="INPUT.csv", help="The input CSV."),
    out: Path = typer.Option(..., "--out", help="Where to write the result CSV."),
    conf_level: float = typer.Option(0.95, "--conf-level", help="Confidence level, e.g. 0.95 or 0.998."),
    multiplier: float = typer.Option(None, "--multiplier",
                                     help="Scale (default: 1 for proportion, 100000 for rates, 1 for smr)."),
) -> None:
    from joinedup.cli import console, fail

    try:
        rows = compute_file(method, input_file, out, conf_level=conf_level, multiplier=multiplier)
    except ComputeError as error:
        raise fail(str(error)) from None
    console.print(f"Wrote {rows} rows to {out}")


@targets_app.command("status")
def status(
    partnership: str = typer.Option(None, help="Partnership name (default: the only one)."),
) -> None:
    """Every target's status, with the rule that decided it in words."""
    from joinedup.cli import console, django_setup, fail

    django_setup()
    from joinedup.accounts.scope import Scope
    from joinedup.outcomes.progress import status_of
    from joinedup.partners.services import ImportFailed, partnership_named
    from joinedup.stats.targets import fmt

    try:
        scope = Scope.system(partnership_named(partnership))
    except ImportFailed as error:
        raise fail(str(error)) from None
    targets = scope.targets().select_related("indicator", "area")
    if not targets:
        console.print("No targets yet.")
        return
    table = Table(title=f"Targets: {scope.partnership.name}", show_lines=True)
    for column in ("Indicator", "Area", "Target", "Status", "Rule"):
        table.add_column(column)
    for target in targets:
        result = status_of(scope, target)
        what = (f"gap down {fmt(target.reduction_percent or 0)}% to {fmt(target.target_value)}"
                if target.kind == target.Kind.GAP else fmt(target.target_value))
        table.add_row(target.indicator.name, target.area.name, f"{what} by {target.target_date}",
                      result.label, result.rule)
    console.print(table)
