"""Plan files uploaded in the browser: kept safely between steps, previewed, compared, then imported.

The file waits in a server-side folder under a random token that only the
uploader's session knows; it is deleted after the import, or after an hour
by the sweep that runs on every upload. Nothing reaches the database until
the person has seen the mapping, the first rows and every change to actions
that already exist, and confirmed.
"""

from __future__ import annotations

import datetime as dt
import re
import secrets
import shutil
import tempfile
import time
from dataclasses import dataclass, replace
from pathlib import Path

from django.conf import settings
from django.utils.text import get_valid_filename

from joinedup.accounts.scope import Scope
from joinedup.actions.importing import Links
from joinedup.actions.records import stored_values
from joinedup.ingest import FIELDS, PlanReadResult
from joinedup.ingest.fields import FURTHER_COLUMNS
from joinedup.ingest.records import STATUS_LABELS
from joinedup.ingest.references import row_reference

MAX_BYTES = 20 * 1024 * 1024
EXTENSIONS = (".xlsx", ".xls", ".ods", ".csv", ".docx")
MAX_AGE_SECONDS = 3600
SESSION_KEY = "plan_uploads"
TOKEN = re.compile(r"^[A-Za-z0-9_-]{20,64}$")
IGNORE = ""
PREVIEW_ROWS = 10


class UploadRefused(Exception):
    """The file cannot be taken; the message says why and what is expected."""


def store_root() -> Path:
    return Path(getattr(settings, "JOINEDUP_UPLOAD_DIR", Path(tempfile.gettempdir()) / "joinedup-uploads"))


@dataclass(frozen=True)
class StoredUpload:
    token: str
    path: Path
    organisation_id: int
    mapping: dict[str, str] | None


def check(uploaded) -> None:
    """Refuse files that are too big or of a type joinedup cannot read."""
    name = uploaded.name or ""
    if not name.lower().endswith(EXTENSIONS):
        raise UploadRefused("The selected file must be a spreadsheet, CSV file or Word document "
                            f"({', '.join(EXTENSIONS)})")
    if uploaded.size > MAX_BYTES:
        raise UploadRefused("The selected file must be smaller than 20 MB")
    if uploaded.size == 0:
        raise UploadRefused("The selected file is empty")


def keep(session, uploaded, organisation_id: int) -> str:
    """Save the upload under a new random token remembered in `session`; return the token."""
    check(uploaded)
    sweep()
    token = secrets.token_urlsafe(24)
    folder = store_root() / token
    folder.mkdir(parents=True, mode=0o700)
    path = folder / (get_valid_filename(Path(uploaded.name).name) or "plan.csv")
    with path.open("wb") as out:
        for chunk in uploaded.chunks():
            out.write(chunk)
    uploads = session.get(SESSION_KEY, {})
    uploads[token] = {"name": path.name, "org": organisation_id, "at": time.time(), "mapping": None}
    session[SESSION_KEY] = uploads
    return token


def find(session, token: str) -> StoredUpload | None:
    """The upload behind `token` if this session made it and it has not expired."""
    entry = session.get(SESSION_KEY, {}).get(token)
    if not TOKEN.match(token) or entry is None:
        return None
    path = store_root() / token / entry["name"]
    if time.time() - entry["at"] > MAX_AGE_SECONDS or not path.is_file():
        discard(session, token)
        return None
    return StoredUpload(token, path, entry["org"], entry["mapping"])


def remember_mapping(session, token: str, mapping: dict[str, str]) -> None:
    uploads = session.get(SESSION_KEY, {})
    if token in uploads:
        uploads[token]["mapping"] = mapping
        session[SESSION_KEY] = uploads


def discard(session, token: str) -> None:
    uploads = session.get(SESSION_KEY, {})
    uploads.pop(token, None)
    session[SESSION_KEY] = uploads
    if TOKEN.match(token):
        shutil.rmtree(store_root() / token, ignore_errors=True)


def sweep(now: float | None = None) -> None:
    """Delete uploads older than an hour, whoever left them."""
    root = store_root()
    if not root.is_dir():
        return
    limit = (now or time.time()) - MAX_AGE_SECONDS
    for folder in root.iterdir():
        if folder.is_dir() and folder.stat().st_mtime < limit:
            shutil.rmtree(folder, ignore_errors=True)


# What the mapping page shows


@dataclass(frozen=True)
class Column:
    sheet: str
    header: str
    field: str
    sheets: tuple[str, ...] = ()
    """Every sheet read that has this header (`sheet` is the first)."""


def columns(result: PlanReadResult) -> list[Column]:
    """Every distinct header of the sheets read, with the field it is mapped to ('' = ignored).

    A further column of a field that takes several (a second Action or Outcome measures
    column, a Target) shows its field too: chosen as shown, it is read the same way.
    """
    seen: dict[str, Column] = {}
    for sheet in result.sheets:
        for header, field in sheet.columns:
            key = header.strip().lower()
            column = seen.get(key)
            if column is None:
                seen[key] = Column(sheet.sheet, header, field or IGNORE, (sheet.sheet,))
            elif sheet.sheet not in column.sheets:
                seen[key] = replace(column, sheets=(*column.sheets, sheet.sheet))
    return list(seen.values())


def clashes(chosen_columns: list[Column], chosen: list[str]) -> list[tuple[int, str]]:
    """(index, message) for each column chosen as a field that only one column can give
    (a date, the lead, the status...) when another column of the same sheet is chosen as it
    too; fields of text (description, outcome measures, progress...) take several. The
    column kept is one that still has the field joinedup chose for it, else the first."""
    groups: dict[tuple[str, str], list[int]] = {}
    for index, (column, name) in enumerate(zip(chosen_columns, chosen, strict=True)):
        if name and name not in FURTHER_COLUMNS:
            for sheet in column.sheets or (column.sheet,):
                groups.setdefault((sheet, name), []).append(index)
    problems: dict[int, str] = {}
    for (_, name), indices in groups.items():
        if len(indices) < 2:
            continue
        kept = next((i for i in indices if chosen_columns[i].field == name), indices[0])
        for index in indices:
            if index != kept and index not in problems:
                problems[index] = (f"Choose another field for ‘{chosen_columns[index].header}’, "
                                   f"or ignore it: ‘{chosen_columns[kept].header}’ is already "
                                   f"read as {name}, which only one column can give")
    return sorted(problems.items())


def field_choices() -> list[tuple[str, str]]:
    return [(IGNORE, "Ignore this column")] + [(name, f"{name}: {help}") for name, help in FIELDS.items()]


PREVIEW_COLUMNS = (("reference", "Reference"), ("title", "Action"), ("lead_name", "Lead"),
                   ("resource_amount", "Amount (£)"), ("end_date", "End date"),
                   ("status", "Status"), ("priority_numbers", "Priorities"))


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, tuple):
        return ", ".join(str(v) for v in value)
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    return str(value)


def preview(result: PlanReadResult) -> list[dict[str, str]]:
    """The first rows as they will be stored (dates as dd/mm/yyyy, statuses by their label)."""
    rows = []
    for record in result.actions[:PREVIEW_ROWS]:
        row = {name: _cell(getattr(record, name)) for name, _ in PREVIEW_COLUMNS}
        row["status"] = STATUS_LABELS.get(record.status or "not_started", record.status)
        rows.append(row)
    return rows


@dataclass(frozen=True)
class ActionDiff:
    reference: str
    title: str
    changes: list[tuple[str, str, str]]


def _label(name: str) -> str:
    from joinedup.actions.models import Action

    return str(Action._meta.get_field(name).verbose_name).capitalize()


def _link_names(action_links: set, names: dict[int, str]) -> str:
    return "; ".join(sorted(names.get(i, "?") for i in action_links)) or "(none)"


def changes_to_existing(scope: Scope, owner_id: int, result: PlanReadResult) -> list[ActionDiff]:
    """Field-by-field old -> new for every action of the file that already exists (by reference).

    Deleted actions are included: the import matches them too.
    """
    header_rows = {s.sheet: s.header_row for s in result.sheets}
    links_of = ("priorities", "categories", "population_groups")
    existing = {a.external_ref: a for rows in (scope.actions(), scope.deleted_actions())
                for a in rows.filter(owner_id=owner_id).prefetch_related(*links_of)}
    links = Links.of(scope.partnership)
    names = {p.id: str(p) for p in links.priorities.values()} | {
        c.id: c.name for c in links.categories.values()}
    diffs = []
    for record in result.actions:
        action = existing.get(row_reference(record, header_rows))
        if action is None:
            continue
        changes = _scalar_changes(action, stored_values(record))
        changes += _link_changes(action, record, links, names)
        if changes:
            diffs.append(ActionDiff(action.external_ref, action.title, changes))
    return diffs


def _shown(value) -> str:
    if value in (None, "", []):
        return "(empty)"
    if isinstance(value, list):
        return "; ".join(f"{v.get('date') or ''} {v.get('text', '')}".strip() if isinstance(v, dict)
                         else str(v) for v in value)
    return str(value)


def _scalar_changes(action, values: dict) -> list[tuple[str, str, str]]:
    values.pop("external_ref", None)
    return [(_label(name), _shown(getattr(action, name)), _shown(value))
            for name, value in values.items() if getattr(action, name) != value]


def _link_changes(action, record, links: Links, names: dict[int, str]) -> list[tuple[str, str, str]]:
    wanted = {
        "priorities": {links.priorities[n].id for n in record.priority_numbers if n in links.priorities},
        "categories": {links.categories[c.casefold()].id for c in record.categories
                       if c.casefold() in links.categories},
    }
    changes = []
    for name, ids in wanted.items():
        current = {item.id for item in getattr(action, name).all()}
        if current != ids:
            changes.append((name.capitalize(), _link_names(current, names), _link_names(ids, names)))
    return changes
