"""Read-only admin views: sites change state only through their services (see services.py)."""

from __future__ import annotations

from typing import Any

from django.contrib import admin

from .models import ModerationItem, Site, SiteRequest


class ReadOnly(admin.ModelAdmin):
    def has_add_permission(self, request: Any) -> bool:
        return False

    def has_change_permission(self, request: Any, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: Any, obj: Any = None) -> bool:
        return False


@admin.register(Site)
class SiteAdmin(ReadOnly):
    list_display = ("name", "school", "status", "go_live_date", "closure_date")
    list_filter = ("status", "school")
    exclude = ("api_token_sha256",)


@admin.register(ModerationItem)
class ModerationItemAdmin(ReadOnly):
    list_display = ("id", "site", "kind", "status", "verdict", "urgent", "received_at")
    list_filter = ("status", "urgent")
    exclude = ("text",)  # decided items are read in the app, where hidden content stays hidden


@admin.register(SiteRequest)
class SiteRequestAdmin(ReadOnly):
    list_display = ("id", "site", "kind", "subject", "status", "requested_at")
