"""Keeping junk out of public comments without any third-party service.

Five checks: a honeypot field people never see, a signed form token that must
be at least 3 seconds and at most 2 hours old, a limit on comments per IP
address hash per hour, a maximum length and a maximum number of links.
Only a salted hash of the IP address is ever stored.
"""

from __future__ import annotations

import re
import time

from django.core import signing
from django.utils.crypto import salted_hmac

TOKEN_SALT = "joinedup.publishing.consult-form"  # noqa: S105 a signing salt, not a secret
MIN_SECONDS = 3
MAX_SECONDS = 2 * 60 * 60
MAX_LENGTH = 5000
MAX_LINKS = 2
MAX_PER_HOUR = 5
HONEYPOT = "website"
_LINK = re.compile(r"https?://|www\.", re.IGNORECASE)


class TokenProblem(Exception):
    """The form token is forged, for another consultation, too new or too old."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def issue_token(consultation_id: int, now: float | None = None) -> str:
    issued = time.time() if now is None else now
    return signing.dumps({"c": consultation_id, "t": issued}, salt=TOKEN_SALT)


def check_token(token: str, consultation_id: int, now: float | None = None) -> None:
    """Raise TokenProblem("forged" | "too_fast" | "expired") unless the token is good now."""
    try:
        data = signing.loads(token, salt=TOKEN_SALT)
    except signing.BadSignature:
        raise TokenProblem("forged") from None
    if not isinstance(data, dict) or data.get("c") != consultation_id:
        raise TokenProblem("forged")
    age = (time.time() if now is None else now) - float(data.get("t", 0))
    if age < MIN_SECONDS:
        raise TokenProblem("too_fast")
    if age > MAX_SECONDS:
        raise TokenProblem("expired")


def ip_hash(address: str) -> str:
    """A salted, keyed hash of the address: enough to count, useless to identify."""
    return salted_hmac("joinedup.publishing.ip", address or "unknown",
                       algorithm="sha256").hexdigest()


def link_count(text: str) -> int:
    return len(_LINK.findall(text))


def client_address(request) -> str:
    return request.META.get("REMOTE_ADDR", "")
