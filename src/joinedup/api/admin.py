"""API tokens in the Django admin: visible and revocable, never readable (only the hash is stored)."""

from __future__ import annotations

from django.contrib import admin

from joinedup.api.models import ApiToken


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ("name", "user", "prefix", "created", "last_used", "expires", "revoked")
    list_filter = ("revoked",)
    search_fields = ("name", "user__username", "prefix")
    readonly_fields = ("user", "prefix", "key_hash", "created", "last_used")

    def has_add_permission(self, request) -> bool:
        return False  # tokens are issued with joinedup.api.tokens.issue_token, which shows the key once
