"""`joinedup analyse` on plan files: read them, analyse them, write the four outputs.

No database: an analyst can run the whole analysis on the spreadsheets partners
sent. Priorities given on a plan's rows are taken as confirmed mappings.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path

from joinedup.analysis import analyse, write_outputs
from joinedup.ingest import IngestError, load_strategy
from joinedup.ingest.categories import DEFAULT_CATEGORIES
from joinedup.ingest.places import load_place_parents
from joinedup.ingest.plans import PlansRead, partners_from_leads, read_plans


class AnalysisFailed(Exception):
    """An input could not be read; the message names the file and what was expected."""


@dataclass(frozen=True)
class FilesAnalysed:
    """The one-paragraph summary, and the plans as read (with every rejection and warning)."""

    summary: str
    read: PlansRead


def analyse_files(plans: list[os.PathLike[str]], strategy: os.PathLike[str], out: Path, *,
                  semantic: bool = False, today: dt.date | None = None,
                  places: os.PathLike[str] | None = None) -> FilesAnalysed:
    try:
        record = load_strategy(strategy)
        parents = load_place_parents(places) if places is not None else None
        read = read_plans(list(plans), categories=record.categories or DEFAULT_CATEGORIES,
                          priorities=[(p.number, p.name) for p in record.priorities])
    except IngestError as error:
        raise AnalysisFailed(str(error.problem)) from None
    actions = read.actions
    by_lead = partners_from_leads(actions)
    note = ""
    if by_lead is not None:
        actions = by_lead
        kinds = sorted({a.partner for a in actions})
        note = (f" All actions came from one partner, so partners were told apart by the "
                f"organisation each Lead names ({', '.join(kinds)}).")
    result = analyse(actions, record, today=today or dt.date.today(), semantic=semantic,
                     place_parents=parents)
    write_outputs(result, out, reading=read)
    summary = (f"{counted(len(read.actions), 'action')} from {counted(len(plans), 'plan')}: "
               f"{counted(len(result.synergies.pairs), 'candidate pair')}, "
               f"{counted(len(result.priority_suggestions), 'action')} with priority "
               f"suggestions, {counted(len(result.findings), 'health-check finding')}. "
               f"{counted(len(read.rejected), 'row')} rejected, "
               f"{counted(len(read.warnings), 'warning')}. Written to {out}/ (report.html "
               f"says how each file's columns were read).{note}")
    return FilesAnalysed(summary=summary, read=read)


def counted(n: int, noun: str) -> str:
    """'1 action', '3 actions'."""
    return f"{n} {noun}{'' if n == 1 else 's'}"
