"""Working days for deadlines: Monday to Friday in the school's time zone (bank holidays not yet known)."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.utils import timezone


def add_working_days(start: datetime, days: int) -> datetime:
    """The same local time ``days`` working days after ``start`` (a report on Friday is due on Monday)."""
    local = timezone.localtime(start)
    if days <= 0:
        return local
    added = 0
    current = local
    while added < days:
        current = current + timedelta(days=1)
        if current.weekday() < 5:
            added += 1
    return current
