"""Resolving the partnership a request works in, and the user's scope in it."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404

from joinedup.accounts.scope import NotAMember, Scope, partnerships_for
from joinedup.partners.models import Partnership


def scoped(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Sign-in required; the `slug` URL argument becomes a `Scope` for this user.

    A partnership the user is not a member of answers 404, so its existence is not revealed.
    """

    @login_required
    @wraps(view)
    def wrapper(request: HttpRequest, slug: str, *args, **kwargs) -> HttpResponse:
        partnership = get_object_or_404(Partnership, slug=slug)
        try:
            scope = Scope.for_user(request.user, partnership)
        except NotAMember:
            raise Http404("No such partnership") from None
        request.scope = scope
        request.partnerships = list(partnerships_for(request.user))
        return view(request, scope, *args, **kwargs)

    return wrapper
