"""`joinedup landscape ...` commands."""

from __future__ import annotations

from pathlib import Path

import typer

landscape_app = typer.Typer(help="The partnership landscape: bodies, members, boundaries.",
                            no_args_is_help=True)


def _partnership(name: str | None):
    from joinedup.cli import fail
    from joinedup.partners.services import ImportFailed, partnership_named

    try:
        return partnership_named(name)
    except ImportFailed as error:
        raise fail(str(error)) from None


@landscape_app.command("import")
def import_landscape(
    file: Path = typer.Argument(..., help="Landscape YAML (the format of demo/landscape.yaml)."),
    partnership: str = typer.Option(None, help="Partnership name (default: the only one)."),
) -> None:
    """Load organisations, their boundaries and the partnership bodies from a YAML file."""
    from joinedup.cli import console, django_setup, fail

    django_setup()
    from joinedup.landscape.loading import LandscapeError, load_landscape, read_landscape

    try:
        report = load_landscape(_partnership(partnership), read_landscape(file))
    except LandscapeError as error:
        raise fail(str(error)) from None
    console.print(f"Loaded {report.bodies} bodies with {report.seats} seats and "
                  f"{report.organisations} organisations.")
    for warning in report.warnings:
        console.print(f"Warning: {warning}")


@landscape_app.command("import-areas")
def import_areas_command(
    file: Path = typer.Argument(..., help="CSV: code,name,parent_code,parent_name"
                                          "[,population,deprivation_quintile]."),
    partnership: str = typer.Option(None, help="Partnership name (default: the only one)."),
) -> None:
    """Load a lookup of small areas (wards, LSOAs) to the larger areas they sit in."""
    from joinedup.cli import console, django_setup, fail

    django_setup()
    from joinedup.landscape.loading import LandscapeError, import_areas

    try:
        count = import_areas(_partnership(partnership), file)
    except LandscapeError as error:
        raise fail(str(error)) from None
    console.print(f"Loaded {count} small areas.")


@landscape_app.command("export")
def export(
    partnership: str = typer.Option(None, help="Partnership name (default: the only one)."),
    out: Path = typer.Option(Path("landscape.json"), help="Where to write: .json or .xlsx."),
) -> None:
    """Write bodies, members, roles, meeting costs, overlaps and co-terminosity."""
    from joinedup.cli import console, django_setup, fail

    if out.suffix.lower() not in {".json", ".xlsx"}:
        raise fail(f"{out}: give a file name ending in .json or .xlsx")
    django_setup()
    from joinedup.accounts.scope import Scope
    from joinedup.landscape.export import write_export

    data = write_export(Scope.system(_partnership(partnership)), out)
    console.print(f"Wrote {len(data['bodies'])} bodies and {len(data['overlaps'])} overlaps "
                  f"to {out}")
