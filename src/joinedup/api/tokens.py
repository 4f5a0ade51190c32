"""Issuing, checking and revoking API tokens (no management command needed)."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets

from django.utils import timezone

from joinedup.api.models import ApiToken

TOKEN_MARK = "jup_"  # noqa: S105 - a marker, not a secret
PREFIX_LENGTH = len(TOKEN_MARK) + 8
LAST_USED_RESOLUTION = dt.timedelta(minutes=1)
"""`last_used` is written at most once a minute per token, to keep reads cheap."""


def key_hash(raw: str) -> str:
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


def issue_token(user, name: str, expires: dt.datetime | None = None) -> str:
    """Create a token for `user` and return the raw key: the only time it is ever available."""
    raw = TOKEN_MARK + secrets.token_urlsafe(32)
    ApiToken.objects.create(user=user, name=name, prefix=raw[:PREFIX_LENGTH], key_hash=key_hash(raw),
                            expires=expires)
    return raw


def user_for_token(raw: str):
    """The active user a usable token belongs to, or None (unknown, revoked, expired)."""
    if not raw.startswith(TOKEN_MARK):
        return None
    token = ApiToken.objects.select_related("user").filter(key_hash=key_hash(raw)).first()
    now = timezone.now()
    if token is None or not token.is_usable(now):
        return None
    if token.last_used is None or now - token.last_used > LAST_USED_RESOLUTION:
        ApiToken.objects.filter(pk=token.pk).update(last_used=now)
    return token.user


def revoke_token(user, token_id: int) -> bool:
    """Revoke one of `user`'s tokens; False when they have no such token."""
    return bool(ApiToken.objects.filter(user=user, pk=token_id).update(revoked=True))
