"""Ingest proxy and filter logs for a school and build its monitoring report.

Ingesting is all or nothing: if any file is unreadable (unknown format, truncated gzip, binary) the
engine raises a coded LogFormatError and nothing is stored. Reports are built from the stored
aggregates for a period, judged against the school's policy version in force with its IT-use
option; individual detail is only for roles allowed to see it and every such view is audited.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from django.db import transaction
from django.utils import timezone

from safesocial.accounts.permissions import require_perm
from safesocial.audit.services import record
from safesocial.engine.model import AdoptedPolicy
from safesocial.engine.monitoring.analyse import MonitoringResult, summarise
from safesocial.engine.monitoring.network import Attribution, Network
from safesocial.engine.monitoring.partial import Partial, merge
from safesocial.engine.monitoring.platforms import PlatformList
from safesocial.engine.monitoring.scan import ScanOptions, scan_files
from safesocial.engine.monitoring.schedule import Schedule
from safesocial.engine.packs import load_pack
from safesocial.people.models import School

from .models import LogIngest, MonitoringConfig


class MonitoringError(Exception):
    """A refused monitoring operation, in plain English."""


def _school(school: School | str) -> School:
    if isinstance(school, School):
        return school
    try:
        return School.objects.get(slug=school)
    except School.DoesNotExist:
        raise MonitoringError(f"no school with slug {school!r}") from None


def config_for(school: School) -> MonitoringConfig:
    config, _ = MonitoringConfig.objects.get_or_create(school=school)
    return config


@dataclass(frozen=True)
class Reading:
    platforms: PlatformList
    network: Network
    attribution: Attribution | None
    schedule: Schedule


def reading_for(config: MonitoringConfig) -> Reading:
    """The engine objects a school's configuration describes (validated by the engine)."""
    platforms = PlatformList.builtin()
    if config.platform_overrides:
        platforms = platforms.with_overrides(config.platform_overrides, origin="school platform overrides")
    attribution = Attribution.from_mapping(config.attribution) if config.attribution else None
    return Reading(
        platforms=platforms,
        network=Network.from_mapping(config.network or None),
        attribution=attribution,
        schedule=Schedule.from_mapping(config.schedule, origin="school schedule"),
    )


def _fingerprint(partial: Partial) -> str:
    return f"{partial.platforms}:{partial.config}:{int(partial.attributed)}"


def _days(partial: Partial, tz: Any) -> tuple[date | None, date | None]:
    minutes = [key[1] for key in partial.counts]
    if not minutes:
        return None, None
    first = datetime.fromtimestamp(min(minutes) * 60, UTC).astimezone(tz).date()
    last = datetime.fromtimestamp(max(minutes) * 60, UTC).astimezone(tz).date()
    return first, last


@dataclass(frozen=True)
class IngestOutcome:
    ingest_id: int
    school: str
    lines_read: int
    malformed: int
    files: list[dict[str, object]]
    first_day: date | None
    last_day: date | None

    def as_dict(self) -> dict[str, object]:
        return {
            "ingest": self.ingest_id,
            "school": self.school,
            "lines_read": self.lines_read,
            "malformed": self.malformed,
            "first_day": self.first_day.isoformat() if self.first_day else None,
            "last_day": self.last_day.isoformat() if self.last_day else None,
            "files": self.files,
        }


def ingest_logs(
    *, school: School | str, paths: Iterable[str | Path], actor: Any = None, names: list[str] | None = None
) -> IngestOutcome:
    """Read log files into a stored aggregate. Raises the engine's coded LogFormatError; stores nothing then."""
    school = _school(school)
    if actor is not None:
        require_perm(actor, "monitoring.configure", school)
    config = config_for(school)
    reading = reading_for(config)
    paths = [Path(p) for p in paths]
    partial = scan_files(paths, ScanOptions(platforms=reading.platforms, network=reading.network,
                                            attribution=reading.attribution, tz=reading.schedule.timezone))
    files = []
    for i, stats in enumerate(partial.files):
        d = stats.as_dict()
        d["path"] = (names[i] if names and i < len(names) else Path(stats.path).name)
        d["malformed_samples"] = [{**s, "file": d["path"]} for s in d["malformed_samples"]]  # type: ignore[union-attr]
        files.append(d)
    first, last = _days(partial, reading.schedule.zone)
    data = partial.as_dict()
    data["files"] = files
    with transaction.atomic():
        ingest = LogIngest.objects.create(
            school=school, at=timezone.now(),
            by_label=actor.get_username() if actor is not None else "cli",
            files=[{k: v for k, v in f.items() if k != "malformed_samples"} for f in files],
            lines_read=partial.lines_read, malformed=partial.malformed, first_day=first, last_day=last,
            attributed=partial.attributed, fingerprint=_fingerprint(partial), partial=data,
        )
        record(action="monitoring.ingested", actor=actor, actor_label="" if actor else "cli", school=school,
               subject=ingest, data={"files": len(files), "lines": partial.lines_read, "malformed": partial.malformed})
    return IngestOutcome(ingest.pk, school.slug, partial.lines_read, partial.malformed, files, first, last)


def _as_date(value: date | str | None) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


def adopted_policy(school: School, on: date | None = None) -> AdoptedPolicy:
    from safesocial.policies.selectors import version_in_force

    # The version in force at the end of the period; for logs older than any version, the one in force now.
    version = version_in_force(school=school, at=on) or version_in_force(school=school)
    if version is None:
        raise MonitoringError(f"{school.name} has no policy in force to judge monitoring against")
    return AdoptedPolicy.adopt(load_pack(version.pack_id), version=version.label, choices=version.choices,
                               values=version.values, school_name=school.name)


def build_report(
    *,
    school: School | str,
    start: date | str,
    end: date | str,
    actor: Any = None,
    detail: bool = False,
    choices: dict[str, str] | None = None,
) -> MonitoringResult:
    """The school's report for a period. ``detail`` (per person) needs monitoring.view_individuals."""
    school = _school(school)
    start_d, end_d = _as_date(start), _as_date(end)
    if start_d and end_d and end_d < start_d:
        raise MonitoringError("the end of the period is before its start")
    if actor is not None:
        require_perm(actor, "monitoring.view_individuals" if detail else "monitoring.view_report", school)
    config = config_for(school)
    reading = reading_for(config)
    policy = adopted_policy(school, end_d)
    if choices:
        policy = AdoptedPolicy.adopt(policy.pack, version=policy.version, choices={**policy.choices, **choices},
                                     values=policy.values, school_name=school.name)
    ingests = LogIngest.objects.filter(school=school)
    if start_d:
        ingests = ingests.exclude(last_day__lt=start_d)
    if end_d:
        ingests = ingests.exclude(first_day__gt=end_d)
    current = reading.platforms.fingerprint()
    partials = [Partial.from_dict(i.partial, origin=f"ingest {i.pk}") for i in ingests]
    usable = [p for p in partials if p.platforms == current]
    if usable:
        groups: dict[str, list[Partial]] = {}
        for p in usable:
            groups.setdefault(f"{p.config}:{int(p.attributed)}", []).append(p)
        partial = merge(max(groups.values(), key=len))  # one reading configuration per report
    else:
        partial = Partial(platforms=current, config="", attributed=False, files=())
    result = summarise(partial, policy, reading.schedule, platforms=reading.platforms, start=start_d, end=end_d)
    if actor is not None:
        record(action="monitoring.individual_viewed" if detail else "monitoring.report_viewed", actor=actor,
               school=school, data={"from": str(start_d), "to": str(end_d), "ingests": len(usable)})
    return result


def configure(
    *,
    school: School,
    actor: Any,
    schedule: dict[str, Any] | None = None,
    network: dict[str, Any] | None = None,
    attribution: dict[str, Any] | bool | None = False,
    retention_days: int | None = None,
) -> MonitoringConfig:
    """Change a school's monitoring configuration (validated by the engine before saving)."""
    require_perm(actor, "monitoring.configure", school)
    with transaction.atomic():
        config = MonitoringConfig.objects.select_for_update().get_or_create(school=school)[0]
        if schedule is not None:
            config.schedule = schedule
        if network is not None:
            config.network = network
        if attribution is not False:
            config.attribution = attribution or None
        if retention_days is not None:
            config.retention_days = retention_days
        reading_for(config)  # raises a coded MonitoringConfigError for a bad configuration
        config.updated_at, config.updated_by = timezone.now(), actor
        config.save()
        record(action="monitoring.configured", actor=actor, school=school, subject=config,
               data={"attribution": bool(config.attribution), "retention_days": config.retention_days})
    return config


def purge_expired(*, today: date | None = None) -> int:
    """Delete aggregates older than each school's retention period (data protection: retention)."""
    today = today or timezone.localdate()
    removed = 0
    for config in MonitoringConfig.objects.select_related("school"):
        cutoff = today.toordinal() - config.retention_days
        old = LogIngest.objects.filter(school=config.school, last_day__lt=date.fromordinal(cutoff))
        count = old.count()
        if count:
            old.delete()
            record(action="retention.deleted", actor_label="monitoring retention", school=config.school,
                   data={"monitoring_ingests": count})
            removed += count
    return removed
