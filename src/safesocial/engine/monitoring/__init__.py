"""IT-use monitoring (issue 7): proxy and filter logs judged against a school's adopted policy.

Pure Python with Polars for the columnar path; no Django. The web app stores partials or results
and renders them; the CLI (``safesocial monitoring``) runs the same code without a database.

Public API::

    analyse(files, policy, schedule, attribution=None, *, platforms, network, engine, jobs)
        -> MonitoringResult                      # the whole pipeline
    scan_file(path, ScanOptions) -> Partial      # map: one file, all or nothing
    scan_files(paths, ScanOptions, jobs=1) -> Partial
    merge(partials) -> Partial                   # reduce: add shards together
    summarise(partial, policy, schedule, ...) -> MonitoringResult
    Schedule.weekly("08:30-16:00", "12:00-12:45", tz="Europe/London")
    PlatformList.builtin().with_overrides({...})
    Network(own_device_networks=..., excluded_networks=...), Attribution(by="user"|"device", ...)
    render_csv(result), render_html(result)
"""

from __future__ import annotations

from .analyse import MonitoringResult, PersonUsage, PlatformUsage, analyse, summarise
from .errors import LogFormatError, MonitoringConfigError
from .judge import Finding, NotJudged, RuleSet, rules_for
from .network import Attribution, Network
from .partial import FileStats, MalformedSample, Partial, merge
from .platforms import Platform, PlatformList, load_overrides
from .report import render_csv, render_html
from .scan import ScanOptions, scan_file, scan_files
from .schedule import PERIODS, DayHours, Schedule, TimeRange

__all__ = [
    "PERIODS",
    "Attribution",
    "DayHours",
    "FileStats",
    "Finding",
    "LogFormatError",
    "MalformedSample",
    "MonitoringConfigError",
    "MonitoringResult",
    "Network",
    "NotJudged",
    "Partial",
    "PersonUsage",
    "Platform",
    "PlatformList",
    "PlatformUsage",
    "RuleSet",
    "ScanOptions",
    "Schedule",
    "TimeRange",
    "analyse",
    "load_overrides",
    "merge",
    "render_csv",
    "render_html",
    "rules_for",
    "scan_file",
    "scan_files",
    "summarise",
]
