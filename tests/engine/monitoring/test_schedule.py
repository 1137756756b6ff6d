"""Working hours and breaks in the school's time zone, including the clock changes."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from safesocial.engine.monitoring import MonitoringConfigError, Schedule


def _utc(text: str) -> float:
    return datetime.fromisoformat(text).replace(tzinfo=UTC).timestamp()


@pytest.fixture
def london() -> Schedule:
    return Schedule.weekly("08:30-16:00", "10:30-10:45,12:00-12:45", tz="Europe/London")


@pytest.mark.parametrize(
    ("utc", "period"),
    [
        ("2025-03-28 08:29:59", "outside_hours"),  # Friday, GMT: 08:29 local
        ("2025-03-28 08:30:00", "working_time"),
        ("2025-03-28 10:30:00", "breaks"),
        ("2025-03-28 10:44:59", "breaks"),
        ("2025-03-28 10:45:00", "working_time"),
        ("2025-03-28 12:44:00", "breaks"),
        ("2025-03-28 15:59:59", "working_time"),
        ("2025-03-28 16:00:00", "outside_hours"),
        ("2025-03-29 10:00:00", "outside_hours"),  # Saturday
    ],
)
def test_periods_on_a_winter_day(london: Schedule, utc: str, period: str) -> None:
    assert london.period(_utc(utc)) == period


def test_the_same_utc_time_changes_period_across_the_spring_clock_change(london: Schedule) -> None:
    # 07:45 UTC is 07:45 GMT on Friday 28 March but 08:45 BST on Monday 31 March 2025
    assert london.period(_utc("2025-03-28 07:45:00")) == "outside_hours"
    assert london.period(_utc("2025-03-31 07:45:00")) == "working_time"
    # and the lunch break moves an hour earlier in UTC
    assert london.period(_utc("2025-03-31 11:20:00")) == "breaks"
    assert london.period(_utc("2025-03-28 11:20:00")) == "working_time"


def test_autumn_clock_change_and_an_ambiguous_hour() -> None:
    # a boarding school with Sunday hours: 01:30 happens twice on 26 October 2025
    sched = Schedule.weekly("01:00-02:00", tz="Europe/London", days="sun")
    assert sched.period(_utc("2025-10-26 00:30:00")) == "working_time"  # 01:30 BST
    assert sched.period(_utc("2025-10-26 01:30:00")) == "working_time"  # 01:30 GMT
    assert sched.period(_utc("2025-10-26 02:30:00")) == "outside_hours"  # 02:30 GMT


def test_per_day_hours_and_closures_from_configuration() -> None:
    sched = Schedule.from_mapping(
        {
            "timezone": "Europe/London",
            "days": {
                "mon-thu": {"hours": "08:00-16:30", "breaks": ["12:15-13:00"]},
                "fri": {"hours": "08:00-15:30", "breaks": "12:15-13:00"},
            },
            "closed": ["2025-03-27"],
        }
    )
    assert sched.period(_utc("2025-03-28 15:45:00")) == "outside_hours"  # Friday finishes at 15:30
    assert sched.period(_utc("2025-03-26 15:45:00")) == "working_time"  # Wednesday
    assert sched.period(_utc("2025-03-27 10:00:00")) == "outside_hours"  # closure day
    assert date(2025, 3, 27) in sched.closed
    assert (
        sched.describe()
        == "Mon-Thu 08:00-16:30 (breaks 12:15-13:00); Fri 08:00-15:30 (breaks 12:15-13:00), Europe/London"
    )


@pytest.mark.parametrize(
    ("hours", "breaks", "tz", "days"),
    [
        ("8:30-16", "", "Europe/London", "mon-fri"),
        ("16:00-08:30", "", "Europe/London", "mon-fri"),
        ("08:30-16:00", "07:00-07:30", "Europe/London", "mon-fri"),
        ("08:30-16:00", "12:00-12:45,12:30-13:00", "Europe/London", "mon-fri"),
        ("08:30-16:00", "", "Mars/Olympus_Mons", "mon-fri"),
        ("08:30-16:00", "", "Europe/London", "fri-mon"),
        ("08:30-16:00", "", "Europe/London", "weekdays"),
    ],
)
def test_bad_schedules_are_refused_with_e510(hours: str, breaks: str, tz: str, days: str) -> None:
    with pytest.raises(MonitoringConfigError) as err:
        Schedule.weekly(hours, breaks, tz=tz, days=days)
    assert err.value.code == "E510"
