"""The public door to the plan: only published snapshots, never live rows or drafts.

Every public view reads through these functions, so a draft snapshot or a
live action can never reach an anonymous reader by accident.
"""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import Http404

from joinedup.partners.models import Partnership
from joinedup.publishing.models import Snapshot, SnapshotStatus


def published(partnership: Partnership) -> QuerySet[Snapshot]:
    return Snapshot.objects.filter(partnership=partnership, status=SnapshotStatus.PUBLISHED)


def partnership_for(slug: str | None) -> Partnership:
    """The named partnership, or the only one with a published plan when no slug is given."""
    if slug:
        found = Partnership.objects.filter(slug=slug).first()
    else:
        candidates = list(Partnership.objects.filter(
            snapshots__status=SnapshotStatus.PUBLISHED).distinct()[:2])
        found = candidates[0] if len(candidates) == 1 else None
    if found is None:
        raise Http404("No published plan here")
    return found


def published_snapshot(slug: str | None, version: int | None = None) -> Snapshot:
    """A published snapshot (the latest when no version); 404 for drafts and unknown ones."""
    snapshots = published(partnership_for(slug))
    chosen = snapshots.filter(version=version).first() if version else snapshots.first()
    if chosen is None:
        raise Http404("No such published version")
    return chosen


def earlier_versions(snapshot: Snapshot) -> list[Snapshot]:
    return list(published(snapshot.partnership).exclude(pk=snapshot.pk).only(
        "version", "published_at", "note", "partnership"))


def consultation_for(slug: str, consultation_id: int, today):
    """A consultation that has opened (open or closed since); 404 before it opens."""
    from joinedup.publishing.models import Consultation

    found = (Consultation.objects.select_related("snapshot", "partnership")
             .filter(partnership__slug=slug, pk=consultation_id, opens__lte=today).first())
    if found is None:
        raise Http404("No such consultation")
    return found


def open_consultations(partnership: Partnership, today) -> list:
    """Consultations open today, for the public plan page to invite comments."""
    from joinedup.publishing.models import Consultation

    return list(Consultation.objects.filter(partnership=partnership, opens__lte=today,
                                            closes__gte=today))


def ward_names(partnership: Partnership) -> list[str]:
    """The partnership's small areas, for the optional 'where do you live' question."""
    from joinedup.outcomes.models import Area

    return sorted({a.name for a in Area.objects.filter(partnership=partnership,
                                                        parent__isnull=False)})
