"""The partnership in an API path, as the calling user's `Scope` (404 for non-members)."""

from __future__ import annotations

from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404

from joinedup.accounts.scope import NotAMember, Scope
from joinedup.partners.models import Partnership

MAX_ID = 2**63 - 1
"""Largest id a database key can hold; larger numbers in a request are refused (422), never sent to the DB."""


def scope_for(request: HttpRequest, slug: str) -> Scope:
    """The caller's scope in partnership `slug`; an unknown or foreign partnership is 404 alike."""
    partnership = get_object_or_404(Partnership, slug=slug)
    try:
        return Scope.for_user(request.auth, partnership)
    except NotAMember:
        raise Http404("No such partnership") from None
