"""A small fixed-window counter in Django's cache, for forms that send e-mail.

Sign-in is rate-limited by django-axes; the password-reset form is not, and
would otherwise let anyone make the site e-mail someone over and over.
"""

from __future__ import annotations

import hashlib

from django.core.cache import cache


def allow(kind: str, subject: str, limit: int, window_seconds: int) -> bool:
    """Count one use of `kind` by `subject`; False once it has been used `limit` times."""
    digest = hashlib.sha256(subject.strip().lower().encode()).hexdigest()[:32]
    key = f"throttle:{kind}:{digest}"
    cache.add(key, 0, window_seconds)
    try:
        used = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, window_seconds)
        used = 1
    return used <= limit
