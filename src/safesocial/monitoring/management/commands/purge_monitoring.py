"""`safesocial manage purge_monitoring`: delete monitoring aggregates past each school's retention period."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from safesocial.monitoring.services import purge_expired


class Command(BaseCommand):
    help = "Delete monitoring aggregates older than each school's retention period (run daily)."

    def handle(self, *args: object, **options: object) -> None:
        self.stdout.write(f"deleted {purge_expired()} expired monitoring ingest(s)")
