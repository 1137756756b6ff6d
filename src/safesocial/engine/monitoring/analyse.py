"""The monitoring API: read logs, apply the school's schedule and policy, return a result.

    >>> from safesocial.engine.packs import load_pack
    >>> policy = AdoptedPolicy.adopt(load_pack("walsall"), choices={"it_use": "strict"})
    >>> schedule = Schedule.weekly("08:30-16:00", "10:40-11:00,12:15-13:00", tz="Europe/London")
    >>> result = analyse(["access.log.gz"], policy, schedule)
    >>> result.as_dict()  # {"lines_read", "malformed", "by_platform", "findings"}

The work is split the map/reduce way: :func:`scan_files` (map, per file, schedule- and
policy-free) gives a :class:`Partial`; :func:`summarise` (reduce) applies schedule and policy.
``analyse`` is both in one call; shards read elsewhere are merged with ``partial.merge``.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..model import AdoptedPolicy
from .judge import Finding, NotJudged, judge_cells, rules_for
from .network import Attribution, Network
from .partial import FileStats, MalformedSample, Partial
from .platforms import PlatformList
from .scan import ScanOptions, scan_files
from .schedule import PERIODS, Schedule


@dataclass(frozen=True, slots=True)
class PlatformUsage:
    platform: str
    name: str
    requests: int  # allowed requests (blocked ones are counted apart)
    working_time: int
    breaks: int
    outside_hours: int
    blocked: int = 0
    own_device: int = 0  # of requests, how many from own devices

    def as_dict(self) -> dict[str, int]:
        return {
            "requests": self.requests,
            "working_time": self.working_time,
            "breaks": self.breaks,
            "outside_hours": self.outside_hours,
        }


@dataclass(frozen=True, slots=True)
class PersonUsage:
    person: str
    by_platform: tuple[PlatformUsage, ...]
    findings: tuple[Finding, ...]

    @property
    def requests(self) -> int:
        return sum(p.requests for p in self.by_platform)

    def as_dict(self) -> dict[str, object]:
        return {
            "person": self.person,
            "requests": self.requests,
            "by_platform": {p.platform: p.as_dict() for p in self.by_platform},
            "findings": [f.as_dict(detail=True) for f in self.findings],
        }


@dataclass(frozen=True)
class MonitoringResult:
    """What monitoring found for one school and period. Frozen; ``as_dict`` is the JSON contract."""

    lines_read: int
    malformed: int
    by_platform: tuple[PlatformUsage, ...]
    findings: tuple[Finding, ...]
    hour_of_day: Mapping[str, tuple[int, ...]]  # platform -> 24 counts (local time)
    by_date: Mapping[str, Mapping[str, int]]  # local ISO date -> platform -> requests
    files: tuple[FileStats, ...]
    malformed_samples: tuple[MalformedSample, ...]
    policy: Mapping[str, object]
    schedule: str
    platforms_version: str
    not_judged: tuple[NotJudged, ...] = ()
    basis: tuple[str, ...] = ()
    excluded: int = 0
    people: tuple[PersonUsage, ...] | None = None  # only when attribution was configured
    period: tuple[str, str] | None = None

    def as_dict(self, *, detail: bool = False) -> dict[str, object]:
        out: dict[str, object] = {
            "lines_read": self.lines_read,
            "malformed": self.malformed,
            "by_platform": {p.platform: p.as_dict() for p in self.by_platform},
            "findings": [f.as_dict() for f in self.findings],
        }
        if detail:
            out["detail"] = self.detail_dict()
        return out

    def detail_dict(self) -> dict[str, object]:
        d: dict[str, object] = {
            "policy": dict(self.policy),
            "schedule": self.schedule,
            "period": list(self.period) if self.period else None,
            "platforms_version": self.platforms_version,
            "platform_names": {p.platform: p.name for p in self.by_platform},
            "blocked": {p.platform: p.blocked for p in self.by_platform if p.blocked},
            "own_device": {p.platform: p.own_device for p in self.by_platform if p.own_device},
            "excluded": self.excluded,
            "findings": [f.as_dict(detail=True) for f in self.findings],
            "hour_of_day": {k: list(v) for k, v in self.hour_of_day.items()},
            "hour_of_day_total": list(self.hours_total()),
            "by_date": {k: dict(v) for k, v in self.by_date.items()},
            "files": [f.as_dict() for f in self.files],
            "malformed_samples": [s.as_dict() for s in self.malformed_samples],
            "not_judged": [n.as_dict() for n in self.not_judged],
            "monitoring_basis": list(self.basis),
        }
        if self.people is not None:
            d["people"] = [p.as_dict() for p in self.people]
        return d

    def hours_total(self) -> tuple[int, ...]:
        total = [0] * 24
        for counts in self.hour_of_day.values():
            for h, n in enumerate(counts):
                total[h] += n
        return tuple(total)

    @property
    def requests(self) -> int:
        return sum(p.requests for p in self.by_platform)


def _usage(platform: str, name: str, periods: Mapping[str, int], blocked: int, own: int) -> PlatformUsage:
    return PlatformUsage(
        platform=platform,
        name=name,
        requests=sum(periods.get(p, 0) for p in PERIODS),
        working_time=periods.get("working_time", 0),
        breaks=periods.get("breaks", 0),
        outside_hours=periods.get("outside_hours", 0),
        blocked=blocked,
        own_device=own,
    )


def summarise(
    partial: Partial,
    policy: AdoptedPolicy,
    schedule: Schedule,
    *,
    platforms: PlatformList | None = None,
    start: date | None = None,
    end: date | None = None,
    max_samples: int = 10,
) -> MonitoringResult:
    """Apply the schedule and the policy to a partial aggregate (local dates start..end inclusive)."""
    platforms = platforms or PlatformList.builtin()
    names = {p.id: p.name for p in platforms.platforms}
    minute_info: dict[int, tuple[str, int, str] | None] = {}

    periods: dict[str, Counter[str]] = defaultdict(Counter)
    blocked: Counter[str] = Counter()
    own: Counter[str] = Counter()
    cells: Counter[tuple[str, str, str]] = Counter()
    hours: dict[str, list[int]] = defaultdict(lambda: [0] * 24)
    by_date: dict[str, Counter[str]] = defaultdict(Counter)
    people_cells: dict[str, Counter[tuple[str, str, str]]] = defaultdict(Counter)

    for (platform, minute, equipment, person, is_blocked), n in partial.counts.items():
        if minute in minute_info:
            info = minute_info[minute]
        else:
            local = schedule.local(minute * 60)
            day = local.date()
            if (start is not None and day < start) or (end is not None and day > end):
                info = None
            else:
                info = (schedule.period_of_local(local), local.hour, day.isoformat())
            minute_info[minute] = info
        if info is None:
            continue
        period, hour, day_iso = info
        if is_blocked:
            blocked[platform] += n
            continue
        periods[platform][period] += n
        if equipment == "own":
            own[platform] += n
        cells[(platform, period, equipment)] += n
        hours[platform][hour] += n
        by_date[day_iso][platform] += n
        if person:
            people_cells[person][(platform, period, equipment)] += n

    ruleset = rules_for(policy)
    seen = sorted(set(periods) | set(blocked))
    by_platform = tuple(_usage(p, names.get(p, p), periods.get(p, {}), blocked[p], own[p]) for p in seen)
    findings = judge_cells(ruleset, ((p, per, eq, n) for (p, per, eq), n in cells.items()), platform_names=names)
    people: tuple[PersonUsage, ...] | None = None
    if partial.attributed:
        people_list = []
        for person in sorted(people_cells):
            pc = people_cells[person]
            per_platform: dict[str, Counter[str]] = defaultdict(Counter)
            p_own: Counter[str] = Counter()
            for (p, per, eq), n in pc.items():
                per_platform[p][per] += n
                if eq == "own":
                    p_own[p] += n
            usage = tuple(_usage(p, names.get(p, p), per_platform[p], 0, p_own[p]) for p in sorted(per_platform))
            pf = judge_cells(
                ruleset, ((p, per, eq, n) for (p, per, eq), n in pc.items()), platform_names=names, person=person
            )
            people_list.append(PersonUsage(person, usage, tuple(pf)))
        people = tuple(people_list)

    samples = tuple(s for f in partial.files for s in f.samples)[:max_samples]
    return MonitoringResult(
        lines_read=partial.lines_read,
        malformed=partial.malformed,
        by_platform=by_platform,
        findings=tuple(findings),
        hour_of_day={p: tuple(hours[p]) for p in sorted(hours)},
        by_date={d: dict(sorted(c.items())) for d, c in sorted(by_date.items())},
        files=partial.files,
        malformed_samples=samples,
        policy={
            "pack": policy.id,
            "title": policy.pack.title,
            "version": policy.version,
            "choices": dict(policy.choices),
            "school": policy.school_name,
        },
        schedule=schedule.describe(),
        platforms_version=platforms.version,
        not_judged=ruleset.not_judged,
        basis=ruleset.basis,
        excluded=sum(f.excluded for f in partial.files),
        people=people,
        period=(start.isoformat() if start else "", end.isoformat() if end else "") if (start or end) else None,
    )


def analyse(
    files: Iterable[str | Path],
    policy: AdoptedPolicy,
    schedule: Schedule,
    attribution: Attribution | None = None,
    *,
    platforms: PlatformList | None = None,
    network: Network | None = None,
    engine: str = "auto",
    jobs: int = 1,
    start: date | None = None,
    end: date | None = None,
) -> MonitoringResult:
    """Read the log files and judge them: the whole pipeline in one call (no database)."""
    platforms = platforms or PlatformList.builtin()
    opts = ScanOptions(
        platforms=platforms,
        network=network or Network(),
        attribution=attribution,
        tz=schedule.timezone,
        engine=engine,
    )
    partial = scan_files(files, opts, jobs=jobs)
    return summarise(partial, policy, schedule, platforms=platforms, start=start, end=end)
