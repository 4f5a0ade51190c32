"""The one exception the ingest package lets escape."""

from __future__ import annotations

from joinedup.ingest.records import Location, Problem


class IngestError(Exception):
    """A whole file (or sheet) could not be read.

    Carries a `problem` so callers can show where and what was expected in the
    same shape as row-level warnings and rejections.
    """

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


def file_error(
    file: str, message: str, *, sheet: str | None = None, value: str | None = None
) -> IngestError:
    """Build an IngestError located at a file (and optionally a sheet)."""
    return IngestError(Problem(Location(file=file, sheet=sheet), message, value))
