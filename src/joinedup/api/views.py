"""Pages where a signed-in person issues and revokes their own API tokens.

Only the person's own tokens are ever listed or revoked (someone else's
token id is 404). A new token's key is shown once, on the page after the
form, and never stored in the clear: it waits in the session for that one
page and is removed as it is shown.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from joinedup.accounts.scope import partnerships_for
from joinedup.api.token_pages import NewTokenForm, token_rows
from joinedup.api.tokens import issue_token, revoke_token

NEW_KEY = "api_tokens.new_key"


def _page(request: HttpRequest, template: str, context: dict) -> HttpResponse:
    request.partnerships = list(partnerships_for(request.user))
    return render(request, template, context)


@login_required
@require_http_methods(["GET", "POST"])
def tokens(request: HttpRequest) -> HttpResponse:
    form = NewTokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        raw = issue_token(request.user, form.cleaned_data["name"], form.expires())
        request.session[NEW_KEY] = {"name": form.cleaned_data["name"], "key": raw}
        return redirect("api_tokens:created")
    context = {"form": form, "form_has_errors": bool(form.errors), "rows": token_rows(request.user)}
    return _page(request, "api/tokens.html", context)


@never_cache
@login_required
def created(request: HttpRequest) -> HttpResponse:
    """The new key, once: a reload or a second visit goes back to the list."""
    new = request.session.pop(NEW_KEY, None)
    if new is None:
        return redirect("api_tokens:tokens")
    return _page(request, "api/token_created.html", {"name": new["name"], "key": new["key"]})


@login_required
@require_POST
def revoke(request: HttpRequest, pk: int) -> HttpResponse:
    if not revoke_token(request.user, pk):
        raise Http404("No such token")
    messages.success(request, "Token revoked: it no longer works.")
    return redirect("api_tokens:tokens")
