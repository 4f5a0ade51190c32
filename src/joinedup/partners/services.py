"""Changes to partnerships and their plans requested from the command line or the demo."""

from __future__ import annotations

from pathlib import Path

import yaml
from django.db import transaction
from django.utils.text import slugify

from joinedup.accounts.scope import Scope
from joinedup.actions.importing import ImportReport, import_plan
from joinedup.actions.records import to_record
from joinedup.ingest import (
    DEFAULT_CATEGORIES,
    IngestError,
    PlanReadResult,
    read_plan,
    write_actions_xlsx,
)
from joinedup.partners.models import Organisation, Partnership


class ImportFailed(Exception):
    """Nothing was stored; the message says where the problem is and what was expected."""


def partnership_named(name: str | None, *, create: bool = False) -> Partnership:
    """The named partnership, or the only one when no name is given."""
    if name:
        found = Partnership.objects.filter(name=name).first()
        if found or not create:
            if not found:
                raise ImportFailed(f"no partnership called '{name}'")
            return found
        return Partnership.objects.create(name=name, slug=_free_slug(name))
    partnerships = list(Partnership.objects.all()[:2])
    if len(partnerships) != 1:
        raise ImportFailed(
            "give --partnership NAME" if partnerships
            else "there is no partnership yet: run 'joinedup import-strategy FILE' first"
        )
    return partnerships[0]


def _free_slug(name: str) -> str:
    base = slugify(name)[:70] or "partnership"
    slug, n = base, 1
    while Partnership.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


def read_mapping(path: Path) -> dict[str, str]:
    """A header -> field override file (YAML or JSON object)."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        raise ImportFailed(f"{path}: cannot read the mapping file ({error})") from None
    if not isinstance(data, dict) or not all(isinstance(k, str) for k in data):
        raise ImportFailed(f"{path}: expected a mapping of column header to field name")
    return {k: "" if v is None else str(v) for k, v in data.items()}


def import_plan_file(
    partnership: Partnership, file: Path, partner: str, *, mapping: Path | None = None,
    sheet: str | None = None, title: str | None = None,
) -> ImportReport:
    """Read and store one plan file, all or nothing.

    The organisation is created if new, but only once the file has been read
    without a file-level error. An explicit mapping is saved on the plan and
    used again for the next import of the same plan.
    """
    overrides = read_mapping(mapping) if mapping else None
    return import_plan_mapped(partnership, file, partner, mapping=overrides, sheet=sheet, title=title)


def import_plan_mapped(
    partnership: Partnership, file: Path, partner: str, *, mapping: dict[str, str] | None = None,
    sheet: str | None = None, title: str | None = None,
) -> ImportReport:
    """`import_plan_file` with the header -> field mapping given as a dict (None: the saved one)."""
    plan_title = title or Path(file).stem
    overrides = mapping if mapping is not None else _saved_mapping(partnership, partner, plan_title)
    result = read_plan_for(partnership, file, partner, overrides, sheet=sheet)
    with transaction.atomic():
        owner, _ = Organisation.objects.get_or_create(name=partner)
        report = import_plan(partnership, owner, plan_title, result, source=Path(file).name)
        if mapping is not None:
            owner.plans.filter(partnership=partnership, title=plan_title).update(
                column_mapping=overrides)
    return report


def read_plan_for(
    partnership: Partnership, file: Path, partner: str, overrides: dict[str, str] | None,
    *, sheet: str | None = None,
) -> PlanReadResult:
    """Read a plan file against the partnership's categories; ImportFailed for file-level errors."""
    scope = Scope.system(partnership)
    categories = [c.name for c in scope.categories()]
    priorities = list(scope.priorities().values_list("number", "name"))
    try:
        return read_plan(file, sheet=sheet, mapping=overrides or None, partner=partner,
                         categories=categories or DEFAULT_CATEGORIES, priorities=priorities)
    except IngestError as error:
        raise ImportFailed(str(error.problem)) from None


def _saved_mapping(partnership: Partnership, partner: str, title: str) -> dict[str, str]:
    plan = Scope.system(partnership).plans().filter(owner__name=partner, title=title).first()
    return dict(plan.column_mapping) if plan else {}


def export_actions(partnership: Partnership, file: Path) -> int:
    actions = (
        Scope.system(partnership).actions()
        .select_related("owner")
        .prefetch_related("priorities", "categories", "population_groups")
        .order_by("owner__name", "id")
    )
    records = [to_record(a) for a in actions]
    write_actions_xlsx(records, file)
    return len(records)

