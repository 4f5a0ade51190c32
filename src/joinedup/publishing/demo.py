"""Publishing the demo's first snapshot, so the public plan is live after `make demo`."""

from __future__ import annotations

from joinedup.accounts.scope import Scope
from joinedup.partners.models import Partnership
from joinedup.publishing.models import Snapshot
from joinedup.publishing.services import take_snapshot

DEMO_NOTE = "First published version of the integrated action plan (demo)."


def publish_demo(partnership: Partnership) -> Snapshot:
    """Publish version 1 of the demo plan; returns the existing first version when already there."""
    existing = Scope.system(partnership).snapshots().filter(version=1).first()
    if existing is not None:
        return existing
    return take_snapshot(Scope.system(partnership), None, DEMO_NOTE)
