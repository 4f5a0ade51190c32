"""Who is calling: a bearer token, or the browser's signed-in session.

A presented but bad token is refused outright (401) rather than falling back
to the session, so a script with a revoked key fails loudly. The session path
checks CSRF for unsafe methods, as ninja's SessionAuth does, but only once
there is a signed-in session: an anonymous call answers 401, not 403.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest
from ninja.errors import AuthenticationError, HttpError
from ninja.security import APIKeyCookie, HttpBearer
from ninja.utils import check_csrf

from joinedup.api.tokens import user_for_token


class BearerToken(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str):
        user = user_for_token(token.strip())
        if user is None:
            raise AuthenticationError(401, "Invalid, expired or revoked token")
        request.user = user
        return user


class SignedInSession(APIKeyCookie):
    """Django's session cookie; unsafe methods need the CSRF token too."""

    param_name: str = settings.SESSION_COOKIE_NAME

    def _get_key(self, request: HttpRequest):
        return request.COOKIES.get(self.param_name)

    def authenticate(self, request: HttpRequest, key: str | None):
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return None
        if check_csrf(request) is not None:
            raise HttpError(403, "CSRF check failed")
        return user


API_AUTH = [BearerToken(), SignedInSession()]
