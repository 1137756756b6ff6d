"""Shared fixtures for the monitoring engine tests: the log fixtures and a school day."""

from __future__ import annotations

from pathlib import Path

import pytest

from safesocial.engine.monitoring import Schedule

ROOT = Path(__file__).resolve().parents[3]
LOGS = ROOT / "tests" / "data" / "logs"
PACKS = Path(__file__).resolve().parent / "packs"

# Every fixture log holds the same story (docs/monitoring.md, "Fixtures"), so the same counts.
EXPECTED_BY_PLATFORM = {
    "facebook": {"requests": 1, "working_time": 0, "breaks": 0, "outside_hours": 1},
    "instagram": {"requests": 2, "working_time": 2, "breaks": 0, "outside_hours": 0},
    "linkedin": {"requests": 1, "working_time": 0, "breaks": 0, "outside_hours": 1},
    "reddit": {"requests": 1, "working_time": 1, "breaks": 0, "outside_hours": 0},
    "tiktok": {"requests": 1, "working_time": 0, "breaks": 1, "outside_hours": 0},
    "whatsapp": {"requests": 1, "working_time": 0, "breaks": 0, "outside_hours": 1},
    "x": {"requests": 1, "working_time": 0, "breaks": 1, "outside_hours": 0},
    "youtube": {"requests": 1, "working_time": 1, "breaks": 0, "outside_hours": 0},
}
# file name -> (format, lines read, malformed)
FIXTURES = {
    "squid_native.log": ("squid", 16, 2),
    "squid_native.log.gz": ("squid", 16, 2),
    "squid_common.log": ("common", 17, 2),
    "combined.log": ("combined", 15, 2),
    "fortigate.log": ("fortigate", 16, 3),
}
ENGINES = ("python", "polars")


@pytest.fixture
def schedule() -> Schedule:
    return Schedule.weekly("08:30-16:00", "10:30-10:45,12:00-12:45", tz="Europe/London")


@pytest.fixture(params=ENGINES)
def engine(request: pytest.FixtureRequest) -> str:
    return str(request.param)
