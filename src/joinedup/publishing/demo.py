"""Publishing the demo's first snapshot, so the public plan is live after `make demo`."""

from __future__ import annotations

import datetime as dt

from joinedup.accounts.scope import Scope
from joinedup.partners.models import Partnership
from joinedup.publishing.consulting import open_consultation
from joinedup.publishing.models import Consultation, Snapshot
from joinedup.publishing.services import take_snapshot

DEMO_NOTE = "First published version of the integrated action plan (demo)."


def publish_demo(partnership: Partnership) -> Snapshot:
    """Publish version 1 of the demo plan; returns the existing first version when already there."""
    existing = Scope.system(partnership).snapshots().filter(version=1).first()
    if existing is not None:
        return existing
    return take_snapshot(Scope.system(partnership), None, DEMO_NOTE)


DEMO_CONSULTATION = "Draft integrated action plan, second version"


def open_demo_consultation(partnership: Partnership, today: dt.date) -> Consultation:
    """A draft of the next version, open for comments for eight weeks (once)."""
    scope = Scope.system(partnership)
    existing = scope.consultations().filter(title=DEMO_CONSULTATION).first()
    if existing is not None:
        return existing
    draft = take_snapshot(scope, None, "Draft for consultation (demo).", publish=False)
    return open_consultation(scope, None, draft, DEMO_CONSULTATION, today,
                             today + dt.timedelta(weeks=8))
