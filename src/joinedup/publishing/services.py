"""Taking snapshots of the plan and publishing them; only administrators may."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from joinedup.accounts.scope import Scope
from joinedup.publishing.content import plan_content
from joinedup.publishing.models import Snapshot, SnapshotStatus


def _require_admin(scope: Scope) -> None:
    if not scope.is_admin:
        raise PermissionDenied("Only the partnership's administrators may publish the plan")


@transaction.atomic
def take_snapshot(scope: Scope, user, note: str = "", *, publish: bool = True) -> Snapshot:
    """Copy the public plan into the next numbered snapshot, published or as a draft."""
    _require_admin(scope)
    partnership = type(scope.partnership).objects.select_for_update().get(pk=scope.partnership.pk)
    latest = Snapshot.objects.filter(partnership=partnership).aggregate(n=Max("version"))["n"]
    version = (latest or 0) + 1
    snapshot = Snapshot(partnership=partnership, version=version, note=note,
                        created_by=user if getattr(user, "pk", None) else None,
                        content=plan_content(scope, version))
    if publish:
        snapshot.status = SnapshotStatus.PUBLISHED
        snapshot.published_at = timezone.now()
        snapshot.content["published_at"] = snapshot.published_at.isoformat()
    snapshot.save()
    return snapshot


@transaction.atomic
def publish_draft(scope: Scope, snapshot: Snapshot) -> Snapshot:
    """Publish a draft unchanged (its content is what was consulted on)."""
    _require_admin(scope)
    if snapshot.partnership_id != scope.partnership.id or snapshot.is_published:
        raise PermissionDenied("Only a draft of this partnership can be published")
    snapshot.status = SnapshotStatus.PUBLISHED
    snapshot.published_at = timezone.now()
    snapshot.content = {**snapshot.content, "published_at": snapshot.published_at.isoformat()}
    snapshot.save()
    return snapshot
