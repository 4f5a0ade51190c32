"""The `joinedup` command: set up, import, export, analyse and serve.

Commands that touch the database set Django up on demand, so `joinedup analyse`
on files and `--help` work without one. Failures print a clear message and
exit with status 1 (bad input) or 2 (bad usage, from typer).
"""

from __future__ import annotations

import os
from pathlib import Path

import typer
from rich.console import Console

app = typer.Typer(help=__doc__, no_args_is_help=True, add_completion=True)
console = Console()
errors = Console(stderr=True)


def django_setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "joinedup.settings.dev")
    import django

    django.setup()


def fail(message: str) -> typer.Exit:
    errors.print(f"[bold red]Error:[/] {message}", highlight=False, soft_wrap=True)
    return typer.Exit(code=1)


def migrate() -> None:
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)


@app.command()
def init() -> None:
    """Create the database (or bring it up to date)."""
    django_setup()
    migrate()
    from django.conf import settings

    console.print(f"Database ready: {settings.DATABASES['default']['NAME']}")


@app.command("import-strategy")
def import_strategy(
    file: Path = typer.Argument(..., help="Strategy: YAML, or a list of priorities as "
                                          ".txt, .md or .csv (see README)."),
    partnership: str = typer.Option(None, help="Partnership name; default: the strategy's name."),
) -> None:
    """Load themes, priorities and contribution categories from a strategy file."""
    from joinedup.ingest import IngestError, load_strategy

    try:
        record = load_strategy(file)
    except IngestError as error:
        raise fail(str(error.problem)) from None
    django_setup()
    migrate()
    from joinedup.partners.services import partnership_named
    from joinedup.strategy.loading import store_strategy

    report = store_strategy(partnership_named(partnership or record.name, create=True), record)
    console.print(f"Strategy '{record.name}': {report.themes} themes, {report.priorities} "
                  f"priorities, {report.categories} categories.")
    for item in report.kept:
        console.print(f"Kept {item}, which the file does not list.")


@app.command("import-plan")
def import_plan(
    file: Path = typer.Argument(..., help="A partner's plan: .xlsx, .xls, .ods, .csv or .docx (tables)."),
    partner: str = typer.Option(..., help="The organisation that owns the plan."),
    mapping: Path = typer.Option(None, help="YAML or JSON: header -> field overrides."),
    sheet: str = typer.Option(None, help="Read only this sheet, or this table of a .docx "
                                         "(default: every sheet)."),
    partnership: str = typer.Option(None, help="Partnership name (default: the only one)."),
    title: str = typer.Option(None, help="Plan title (default: the file name)."),
) -> None:
    """Import a partner's plan; all or nothing; re-importing updates by reference."""
    django_setup()
    from joinedup.partners.services import ImportFailed, import_plan_file, partnership_named

    try:
        target = partnership_named(partnership)
        report = import_plan_file(target, file, partner, mapping=mapping, sheet=sheet, title=title)
    except ImportFailed as error:
        raise fail(str(error)) from None
    from joinedup.cli_output import print_import_report

    print_import_report(console, report)


@app.command()
def export(
    file: Path = typer.Argument(..., help="Where to write the .xlsx."),
    partnership: str = typer.Option(None, help="Partnership name (default: the only one)."),
) -> None:
    """Write every action to a spreadsheet (sheet 'Actions') that re-imports unchanged."""
    if file.suffix.lower() != ".xlsx":
        raise fail(f"{file}: the export is a spreadsheet; give a file name ending in .xlsx")
    django_setup()
    from joinedup.partners.services import ImportFailed, export_actions, partnership_named

    try:
        count = export_actions(partnership_named(partnership), file)
    except ImportFailed as error:
        raise fail(str(error)) from None
    console.print(f"Wrote {count} actions to {file}")


@app.command()
def analyse(
    plans: list[Path] = typer.Argument(None, help="Partners' plan files (.xlsx .xls .ods .csv .docx)."),
    strategy: Path = typer.Option(None, help="Strategy (.yaml, .txt, .md or .csv; needed with plan files)."),
    out: Path = typer.Option(None, help="Folder for report.html, pairs.csv, "
                                        "priority_suggestions.csv and health.csv."),
    semantic: bool = typer.Option(False, help="Add sentence embeddings (the 'semantic' extra)."),
    places: Path = typer.Option(None, help="YAML of 'place: the place containing it' "
                                           "(e.g. wards in districts), for place overlap."),
    db: bool = typer.Option(False, "--db", help="Analyse the stored plans instead of files."),
    partnership: str = typer.Option(None, help="With --db: one partnership (default: the only one)."),
    all_partnerships: bool = typer.Option(False, "--all-partnerships",
                                          help="With --db: every partnership, together."),
) -> None:
    """Find synergies and duplications, suggest priorities and check the plan's health."""
    if db:
        return _analyse_database(partnership, all_partnerships, semantic)
    if not plans or strategy is None or out is None:
        raise fail("give plan files, --strategy FILE and --out DIR (or --db)")
    from joinedup.analysis_files import AnalysisFailed, analyse_files

    try:
        done = analyse_files(plans, strategy, out, semantic=semantic, places=places)
    except AnalysisFailed as error:
        raise fail(str(error)) from None
    from joinedup.cli_output import print_problems

    console.print(done.summary)
    print_problems(console, done.read.rejected, done.read.warnings)


def _analyse_database(partnership: str | None, all_partnerships: bool, semantic: bool) -> None:
    import datetime as dt

    django_setup()
    from joinedup.partners.models import Partnership
    from joinedup.partners.services import ImportFailed, partnership_named
    from joinedup.synergies.runs import run_analysis

    try:
        targets = (list(Partnership.objects.all()) if all_partnerships
                   else [partnership_named(partnership)])
    except ImportFailed as error:
        raise fail(str(error)) from None
    run = run_analysis(targets, today=dt.date.today(), semantic=semantic)
    console.print(f"Analysed {run.actions_analysed} actions in {len(targets)} partnership(s): "
                  f"{run.pairs_found} candidate pairs, "
                  f"{run.findings.count()} health-check findings.")


@app.command()
def demo(
    port: int = typer.Option(8000, help="Port to serve on."),
    serve_site: bool = typer.Option(True, "--serve/--no-serve", help="Serve after loading."),
) -> None:
    """Load the demo partnership (once) into this folder's database, then serve it."""
    django_setup()
    migrate()
    from joinedup.demo_loader import DEMO_PASSWORD, DEMO_USERS, load_demo

    loaded = load_demo(console)
    console.print("Demo loaded." if loaded else "Demo already loaded.")
    console.print(f"Sign in at http://127.0.0.1:{port}/ as one of (password '{DEMO_PASSWORD}'):")
    for username, role in DEMO_USERS:
        console.print(f"  {username:8} {role}")
    if serve_site:
        serve(host="127.0.0.1", port=port)


@app.command()
def serve(
    host: str = typer.Option("127.0.0.1", help="Address to listen on."),
    port: int = typer.Option(8000, help="Port to listen on."),
) -> None:
    """Serve the web application with gunicorn."""
    import shutil
    import sys

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "joinedup.settings.dev")
    gunicorn = shutil.which("gunicorn", path=str(Path(sys.executable).parent)) or "gunicorn"
    argv = [gunicorn, "--bind", f"{host}:{port}", "--workers", "2", "--access-logfile", "-",
            "joinedup.wsgi"]
    os.execv(gunicorn, argv)  # noqa: S606 a fixed program and arguments, no shell


def _register_subcommands() -> None:
    from joinedup.actions.cli import remind

    app.command("remind")(remind)
    from joinedup.assessment.cli import assessment_app
    from joinedup.landscape.cli import landscape_app
    from joinedup.outcomes.cli import indicators_app, targets_app

    app.add_typer(indicators_app, name="indicators")
    app.add_typer(targets_app, name="targets")
    app.add_typer(landscape_app, name="landscape")
    app.add_typer(assessment_app, name="assessment")


_register_subcommands()


def main() -> None:
    app()


if __name__ == "__main__":
    main()
