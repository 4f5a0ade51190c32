"""Loading the fictional Wealdbridge demo from the files in `demo/`.

The demo goes through the same import path as real data (strategy YAML, each
partner's spreadsheet as it is), so what a user sees after `make demo` is what
joinedup makes of real inputs.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import yaml
from django.contrib.auth import get_user_model
from django.db import transaction
from rich.console import Console

from joinedup.accounts.models import Access, Membership
from joinedup.ingest import load_strategy
from joinedup.partners.models import Organisation, Partnership, PartnershipMember
from joinedup.partners.services import import_plan_file
from joinedup.strategy.loading import store_strategy

DEMO_DIR = Path(__file__).resolve().parents[2] / "demo"
DEMO_PASSWORD = "joinedup-demo"  # noqa: S105 a published demo password
DEMO_USERS = [
    ("admin", "administrator of the partnership (everything, including strategy and users)"),
    ("editor", "partner editor for Wealdbridge County Council (edits its actions, sees all)"),
    ("viewer", "viewer (reads everything, changes nothing)"),
]


def _manifest(demo_dir: Path) -> dict:
    return yaml.safe_load((demo_dir / "partners.yaml").read_text(encoding="utf-8"))


def _users(partnership: Partnership, lead: Organisation, nhs: Organisation) -> None:
    accesses = {"admin": (lead, Access.ADMIN), "editor": (lead, Access.EDIT_OWN),
                "viewer": (nhs, Access.VIEW_ALL)}
    for username, (organisation, access) in accesses.items():
        user, created = get_user_model().objects.get_or_create(username=username)
        if created:
            user.set_password(DEMO_PASSWORD)
            user.is_staff = username == "admin"
            user.save()
        Membership.objects.get_or_create(
            user=user, partnership=partnership, organisation=organisation,
            defaults={"access": access},
        )


def _organisations(partnership: Partnership, partners: list[dict]) -> list[Organisation]:
    organisations = []
    for entry in partners:
        org, _ = Organisation.objects.update_or_create(
            name=entry["name"],
            defaults={"kind": entry["kind"], "area_code": entry.get("area_code", "")},
        )
        PartnershipMember.objects.get_or_create(partnership=partnership, organisation=org)
        organisations.append(org)
    return organisations


def load_demo(console: Console | None = None, demo_dir: Path = DEMO_DIR) -> bool:
    """Load the demo unless its partnership is already there; True when it was loaded."""
    manifest = _manifest(demo_dir)
    if Partnership.objects.filter(slug=manifest["slug"]).exists():
        return False
    with transaction.atomic():
        partnership = Partnership.objects.create(
            name=manifest["partnership"], slug=manifest["slug"], area_name=manifest["area"])
        store_strategy(partnership, load_strategy(demo_dir / "strategy.yaml"))
        organisations = _organisations(partnership, manifest["partners"])
        for entry in manifest["partners"]:
            plan = entry["plan"]
            report = import_plan_file(partnership, demo_dir / "plans" / plan["file"], entry["name"],
                                      title=plan["title"])
            partnership.plans.filter(title=plan["title"]).update(kind=plan["kind"])
            if console:
                console.print(f"  {plan['file']}: {report.stored} actions, "
                              f"{len(report.rejected)} rejected, {len(report.warnings)} warnings")
        _users(partnership, organisations[0], organisations[3])
        _load_extras(partnership, demo_dir)
    return True


def _load_extras(partnership: Partnership, demo_dir: Path) -> None:
    """Indicators, the landscape, a self-assessment round, the analysis and a published plan."""
    from joinedup.landscape.demo import load_demo_landscape
    from joinedup.outcomes.demo import load_demo_outcomes
    from joinedup.publishing.demo import open_demo_consultation, publish_demo
    from joinedup.synergies.runs import run_analysis

    load_demo_outcomes(partnership, demo_dir)
    load_demo_landscape(partnership, demo_dir)
    run_analysis([partnership], today=dt.date.today())
    publish_demo(partnership)
    open_demo_consultation(partnership, dt.date.today())
