"""`joinedup assessment ...` commands."""

from __future__ import annotations

from pathlib import Path

import typer

assessment_app = typer.Typer(help="Partnership self-assessment rounds and results.",
                             no_args_is_help=True)


@assessment_app.command("results")
def results_command(
    round_id: int = typer.Argument(..., metavar="ROUND", help="The round's number (from its page address)."),
    out: Path = typer.Option(..., help="Where to write: .csv or .xlsx."),
) -> None:
    """Write a round's results per element (distribution, mean, spread, sector gap, change)."""
    from joinedup.cli import console, django_setup, fail

    if out.suffix.lower() not in {".csv", ".xlsx"}:
        raise fail(f"{out}: give a file name ending in .csv or .xlsx")
    django_setup()
    from joinedup.accounts.scope import Scope
    from joinedup.assessment.models import Round
    from joinedup.assessment.results import results_for, to_csv, to_xlsx

    found = Round.objects.select_related("partnership", "template").filter(pk=round_id).first()
    if found is None:
        raise fail(f"there is no self-assessment round {round_id}")
    results = results_for(Scope.system(found.partnership), found)
    if out.suffix.lower() == ".xlsx":
        out.write_bytes(to_xlsx(results))
    else:
        out.write_text(to_csv(results), encoding="utf-8")
    console.print(f"Wrote results of '{found.title}' ({results.respondent_count} respondents) "
                  f"to {out}")
