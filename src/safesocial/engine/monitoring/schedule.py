"""A school's working hours and official breaks, and which period a moment falls in.

Times in logs are instants (UTC); the schedule is local wall-clock time in the school's time zone,
so a request at 07:45 UTC is outside working hours in January (07:45 GMT) and working time in June
(08:45 BST) for a school that starts at 08:30. Time zones come from the IANA database (zoneinfo).

Periods:
  ``working_time``   within the day's working hours and not in an official break
  ``breaks``         within an official break (which lies inside the working hours)
  ``outside_hours``  before or after work, on days without hours (weekends) and on closure days
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .errors import MonitoringConfigError

PERIODS: tuple[str, ...] = ("working_time", "breaks", "outside_hours")
WORKING_DAY: frozenset[str] = frozenset({"working_time", "breaks"})
WEEKDAYS: tuple[str, ...] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")

_HHMM = re.compile(r"^([01]?[0-9]|2[0-3]):([0-5][0-9])$")


def _minutes(text: str, where: str) -> int:
    m = _HHMM.match(text.strip())
    if not m:
        if text.strip() == "24:00":
            return 24 * 60
        raise MonitoringConfigError(f"{text!r} is not a time of day (HH:MM)", code="E510", where=where)
    return int(m.group(1)) * 60 + int(m.group(2))


@dataclass(frozen=True, slots=True)
class TimeRange:
    """[start, end) in minutes after local midnight."""

    start: int
    end: int

    @classmethod
    def parse(cls, text: str, *, where: str = "time range") -> TimeRange:
        if not isinstance(text, str) or text.count("-") != 1:
            raise MonitoringConfigError(f"{text!r} is not a range HH:MM-HH:MM", code="E510", where=where)
        a, b = text.split("-")
        start, end = _minutes(a, where), _minutes(b, where)
        if start >= end:
            raise MonitoringConfigError(f"{text!r} ends before it starts", code="E510", where=where)
        return cls(start, end)

    def __contains__(self, minute: object) -> bool:
        return isinstance(minute, int) and self.start <= minute < self.end

    def __str__(self) -> str:
        return f"{self.start // 60:02d}:{self.start % 60:02d}-{self.end // 60:02d}:{self.end % 60:02d}"


@dataclass(frozen=True, slots=True)
class DayHours:
    hours: TimeRange
    breaks: tuple[TimeRange, ...] = ()

    def __post_init__(self) -> None:
        for b in self.breaks:
            if b.start < self.hours.start or b.end > self.hours.end:
                raise MonitoringConfigError(
                    f"break {b} is not inside working hours {self.hours}", code="E510", where="breaks"
                )
        ordered = sorted(self.breaks, key=lambda r: r.start)
        for first, second in itertools.pairwise(ordered):
            if second.start < first.end:
                raise MonitoringConfigError(f"breaks {first} and {second} overlap", code="E510", where="breaks")
        object.__setattr__(self, "breaks", tuple(ordered))

    def period(self, minute: int) -> str:
        if minute not in self.hours:
            return "outside_hours"
        for b in self.breaks:
            if minute in b:
                return "breaks"
        return "working_time"

    def describe(self) -> str:
        text = str(self.hours)
        if self.breaks:
            text += " (breaks " + ", ".join(str(b) for b in self.breaks) + ")"
        return text


def _days(text: str) -> tuple[int, ...]:
    """'mon-fri', 'mon,wed,fri', 'mon-thu,sat' -> weekday numbers (Monday 0)."""
    out: list[int] = []
    for part in text.lower().replace(" ", "").split(","):
        if not part:
            continue
        if "-" in part:
            a, b = part.split("-", 1)
            if a not in WEEKDAYS or b not in WEEKDAYS:
                raise MonitoringConfigError(f"{part!r} is not a range of days like mon-fri", code="E510", where="days")
            i, j = WEEKDAYS.index(a), WEEKDAYS.index(b)
            if j < i:
                raise MonitoringConfigError(f"{part!r} runs backwards", code="E510", where="days")
            out.extend(range(i, j + 1))
        elif part in WEEKDAYS:
            out.append(WEEKDAYS.index(part))
        else:
            raise MonitoringConfigError(f"{part!r} is not a day (use {', '.join(WEEKDAYS)})", code="E510", where="days")
    if not out:
        raise MonitoringConfigError("no working days given", code="E510", where="days")
    return tuple(sorted(set(out)))


def _zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise MonitoringConfigError(
            f"unknown time zone {name!r} (use an IANA name such as Europe/London)", code="E510", where="tz"
        ) from exc


@dataclass(frozen=True, slots=True)
class Schedule:
    """Working hours per weekday (Monday first; None = no working hours that day)."""

    timezone: str
    days: tuple[DayHours | None, ...]
    closed: frozenset[date] = frozenset()  # closure days (holidays, INSET off-site): all outside hours

    def __post_init__(self) -> None:
        if len(self.days) != 7:
            raise MonitoringConfigError("a schedule needs seven days, Monday first", code="E510")
        _zone(self.timezone)

    @classmethod
    def weekly(
        cls,
        hours: str,
        breaks: str | Iterable[str] = "",
        *,
        tz: str = "Europe/London",
        days: str = "mon-fri",
        closed: Iterable[date] = (),
    ) -> Schedule:
        """The same hours and breaks on each working day: ``Schedule.weekly("08:30-16:00", "12:00-12:45")``."""
        parts = [b for b in (breaks.split(",") if isinstance(breaks, str) else breaks) if b.strip()]
        day = DayHours(TimeRange.parse(hours, where="hours"), tuple(TimeRange.parse(b, where="breaks") for b in parts))
        chosen = set(_days(days))
        return cls(tz, tuple(day if i in chosen else None for i in range(7)), frozenset(closed))

    @classmethod
    def from_mapping(cls, data: Any, *, origin: str = "schedule") -> Schedule:
        """From a school's configuration::

        timezone: Europe/London
        days:
          mon-thu: {hours: "08:00-16:30", breaks: ["10:30-10:45", "12:15-13:00"]}
          fri: {hours: "08:00-15:30", breaks: ["12:15-13:00"]}
        closed: [2025-12-22, 2025-12-23]
        """
        if not isinstance(data, Mapping):
            raise MonitoringConfigError("a schedule must be a mapping", code="E510", where=origin)
        unknown = set(data) - {"timezone", "days", "closed"}
        if unknown:
            raise MonitoringConfigError(
                f"unknown keys {sorted(unknown)} (allowed: timezone, days, closed)", code="E510", where=origin
            )
        tz = str(data.get("timezone", "Europe/London"))
        week: list[DayHours | None] = [None] * 7
        raw_days = data.get("days")
        if not isinstance(raw_days, Mapping) or not raw_days:
            raise MonitoringConfigError("'days' must map days to hours and breaks", code="E510", where=origin)
        for key, spec in raw_days.items():
            where = f"{origin}: days.{key}"
            if spec is None:
                for i in _days(str(key)):
                    week[i] = None
                continue
            if not isinstance(spec, Mapping) or "hours" not in spec:
                raise MonitoringConfigError(
                    "each day needs 'hours' (and optionally 'breaks')", code="E510", where=where
                )
            raw_breaks = spec.get("breaks") or []
            if isinstance(raw_breaks, str):
                raw_breaks = raw_breaks.split(",")
            day = DayHours(
                TimeRange.parse(str(spec["hours"]), where=where),
                tuple(TimeRange.parse(str(b), where=where) for b in raw_breaks if str(b).strip()),
            )
            for i in _days(str(key)):
                week[i] = day
        closed: set[date] = set()
        for item in data.get("closed") or []:
            if isinstance(item, date):
                closed.add(item)
            else:
                try:
                    closed.add(date.fromisoformat(str(item)))
                except ValueError as exc:
                    raise MonitoringConfigError(
                        f"{item!r} is not a date (YYYY-MM-DD)", code="E510", where=f"{origin}: closed"
                    ) from exc
        return cls(tz, tuple(week), frozenset(closed))

    # ------------------------------------------------------------------ use
    @property
    def zone(self) -> ZoneInfo:
        return _zone(self.timezone)

    def local(self, epoch_seconds: float) -> datetime:
        return datetime.fromtimestamp(epoch_seconds, tz=UTC).astimezone(self.zone)

    def period(self, epoch_seconds: float) -> str:
        """working_time, breaks or outside_hours for an instant (Unix seconds)."""
        return self.period_of_local(self.local(epoch_seconds))

    def period_of_local(self, moment: datetime) -> str:
        if moment.date() in self.closed:
            return "outside_hours"
        day = self.days[moment.weekday()]
        if day is None:
            return "outside_hours"
        return day.period(moment.hour * 60 + moment.minute)

    def describe(self) -> str:
        groups: list[tuple[list[int], DayHours | None]] = []
        for i, day in enumerate(self.days):
            if groups and groups[-1][1] == day:
                groups[-1][0].append(i)
            else:
                groups.append(([i], day))
        parts = []
        for idx, day in groups:
            if day is None:
                continue
            label = (
                WEEKDAYS[idx[0]].title() if len(idx) == 1 else f"{WEEKDAYS[idx[0]].title()}-{WEEKDAYS[idx[-1]].title()}"
            )
            parts.append(f"{label} {day.describe()}")
        text = "; ".join(parts) or "no working hours"
        return f"{text}, {self.timezone}"

    def as_dict(self) -> dict[str, object]:
        return {
            "timezone": self.timezone,
            "days": {
                WEEKDAYS[i]: (None if d is None else {"hours": str(d.hours), "breaks": [str(b) for b in d.breaks]})
                for i, d in enumerate(self.days)
            },
            "closed": sorted(d.isoformat() for d in self.closed),
        }
