"""Monitoring of school IT: each school's configuration and its ingested log aggregates.

Logs themselves are never stored. An ingest keeps the engine's partial aggregate: request counts per
platform, minute, equipment (school device or own device) and, only when the school has configured
attribution, person. Reports add the partials of a period together and judge them against the
policy version in force.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

DEFAULT_SCHEDULE = {
    "timezone": "Europe/London",
    "days": {"mon-fri": {"hours": "08:30-16:00", "breaks": ["10:30-10:45", "12:00-13:00"]}},
}


def default_schedule() -> dict[str, object]:
    return {**DEFAULT_SCHEDULE, "days": dict(DEFAULT_SCHEDULE["days"])}  # type: ignore[arg-type]


class MonitoringConfig(models.Model):
    """How a school's logs are read and judged. Attribution to people is off unless configured."""

    school = models.OneToOneField("people.School", on_delete=models.CASCADE, related_name="monitoring_config")
    schedule = models.JSONField(default=default_schedule)  # engine Schedule.from_mapping format
    network = models.JSONField(default=dict, blank=True)  # own_device_networks, excluded_networks
    attribution = models.JSONField(null=True, blank=True)  # {"by": "user"|"device", ...} or null
    platform_overrides = models.JSONField(default=dict, blank=True)  # add/remove domains per platform
    retention_days = models.PositiveIntegerField(default=400)  # a year's review plus a margin
    updated_at = models.DateTimeField(null=True, blank=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")


class LogIngest(models.Model):
    """One ingest of one or more log files for a school: the aggregate, never the lines."""

    school = models.ForeignKey("people.School", on_delete=models.PROTECT, related_name="log_ingests")
    at = models.DateTimeField()
    by_label = models.CharField(max_length=200)
    files = models.JSONField(default=list)  # per-file statistics: name, format, lines, malformed
    lines_read = models.PositiveBigIntegerField(default=0)
    malformed = models.PositiveBigIntegerField(default=0)
    first_day = models.DateField(null=True, blank=True)
    last_day = models.DateField(null=True, blank=True)
    attributed = models.BooleanField(default=False)
    fingerprint = models.CharField(max_length=200)  # platform list + reading settings it was made with
    partial = models.JSONField()  # the engine's partial aggregate (versioned JSON)

    class Meta:
        ordering = ["-at"]
