"""The form and table rows of the "Your API tokens" page (joinedup.api.views)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django import forms
from django.utils import timezone

from joinedup.actions.forms import DatePartsField
from joinedup.api.models import ApiToken

LATEST_EXPIRY_YEARS = 5


class NewTokenForm(forms.Form):
    name = forms.CharField(
        label="Name", max_length=100, strip=True,
        help_text="What the token is for, so you can tell your tokens apart. "
                  "For example, Monthly report script.",
        error_messages={"required": "Enter a name for the token",
                        "max_length": "Name must be 100 characters or fewer"})
    expires_on = DatePartsField(
        label="Expiry date (optional)", required=False,
        help_text="The token stops working at the end of this day. Leave blank for no expiry. "
                  "For example, 31 3 2027")

    def clean_expires_on(self) -> dt.date | None:
        day = self.cleaned_data.get("expires_on")
        if day is None:
            return None
        today = timezone.localdate()
        if day < today:
            raise forms.ValidationError("Expiry date must be today or in the future")
        if day.year > today.year + LATEST_EXPIRY_YEARS:
            raise forms.ValidationError(f"Expiry date must be within {LATEST_EXPIRY_YEARS} years")
        return day

    def expires(self) -> dt.datetime | None:
        """The moment the token stops working: the start of the day after the expiry date, local time."""
        day = self.cleaned_data.get("expires_on")
        if day is None:
            return None
        return timezone.make_aware(dt.datetime.combine(day + dt.timedelta(days=1), dt.time.min))


@dataclass(frozen=True)
class TokenRow:
    id: int
    name: str
    prefix: str
    created: str
    last_used: str
    expires: str
    state: str
    usable: bool


def _when(moment: dt.datetime | None, never: str) -> str:
    if moment is None:
        return never
    return f"{timezone.localtime(moment):%-d %B %Y at %H:%M}"


def token_rows(user) -> list[TokenRow]:
    """The user's own tokens, newest first, with the dates as people read them."""
    now = timezone.now()
    rows = []
    for token in ApiToken.objects.filter(user=user).select_related("user"):
        usable = token.is_usable(now)
        state = "Revoked" if token.revoked else ("Active" if usable else "Expired")
        rows.append(TokenRow(token.id, token.name, token.prefix, _when(token.created, ""),
                             _when(token.last_used, "Never"), _when(token.expires, "Never"), state, usable))
    return rows
