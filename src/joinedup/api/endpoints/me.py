"""Who the caller is and where they work."""

from __future__ import annotations

from ninja import Router

from joinedup.api.presenting import organisation_ref
from joinedup.api.schemas import MeOut

router = Router(tags=["me"])


@router.get("/me", response=MeOut)
def me(request):
    user = request.auth
    memberships = user.memberships.select_related("partnership", "organisation")
    return {"username": user.get_username(), "memberships": [
        {"partnership_slug": m.partnership.slug, "partnership_name": m.partnership.name,
         "organisation": organisation_ref(m.organisation), "access": m.access}
        for m in memberships]}
