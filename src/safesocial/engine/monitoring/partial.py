"""Partial aggregates: what reading log files produces, before any judgement (the "map" output).

A partial holds request counts per (platform, Unix minute, equipment, person, blocked) plus
per-file statistics. It depends on the platform list and on the network/attribution settings used
while reading (both fingerprinted), but not on the schedule or the policy: those are applied when
partials are summarised, so shards read on different machines merge by simple addition.

The JSON form (``safesocial monitoring analyse --partial-out``) is versioned::

    {"safesocial_partial": 1, "platforms": "<fingerprint>", "config": "<fingerprint>",
     "attributed": false, "files": [...], "counts": [[platform, minute, equipment, person,
     blocked, n], ...]}
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

from .errors import MonitoringConfigError

PARTIAL_VERSION = 1
CountKey = tuple[str, int, str, str, bool]  # platform, minute, equipment, person ("" = nobody), blocked


@dataclass(frozen=True, slots=True)
class MalformedSample:
    file: str
    line: int  # 1-based physical line number
    text: str  # the line, cut to 200 characters

    def as_dict(self) -> dict[str, object]:
        return {"file": self.file, "line": self.line, "text": self.text}


@dataclass(frozen=True, slots=True)
class FileStats:
    path: str
    format: str | None  # None for an empty file
    compression: str
    lines_read: int
    malformed: int
    excluded: int  # requests to a platform from an excluded network (not judged)
    samples: tuple[MalformedSample, ...] = ()
    engine: str = ""

    def as_dict(self) -> dict[str, object]:
        return {
            "path": self.path,
            "format": self.format,
            "compression": self.compression,
            "lines_read": self.lines_read,
            "malformed": self.malformed,
            "excluded": self.excluded,
            "malformed_samples": [s.as_dict() for s in self.samples],
            "engine": self.engine,
        }

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> FileStats:
        return cls(
            path=str(d["path"]),
            format=d.get("format"),
            compression=str(d.get("compression", "none")),
            lines_read=int(d["lines_read"]),
            malformed=int(d["malformed"]),
            excluded=int(d.get("excluded", 0)),
            samples=tuple(
                MalformedSample(str(s["file"]), int(s["line"]), str(s["text"])) for s in d.get("malformed_samples", [])
            ),
            engine=str(d.get("engine", "")),
        )


@dataclass(frozen=True, slots=True)
class Partial:
    platforms: str  # platform list fingerprint
    config: str  # network + attribution + default time zone fingerprint
    attributed: bool
    files: tuple[FileStats, ...]
    counts: Mapping[CountKey, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "counts", MappingProxyType(dict(self.counts)))

    def __reduce__(self) -> tuple[Any, ...]:  # picklable for process pools (mappingproxy is not)
        return (Partial, (self.platforms, self.config, self.attributed, self.files, dict(self.counts)))

    @property
    def lines_read(self) -> int:
        return sum(f.lines_read for f in self.files)

    @property
    def malformed(self) -> int:
        return sum(f.malformed for f in self.files)

    def as_dict(self) -> dict[str, object]:
        rows = sorted(self.counts.items(), key=lambda kv: (kv[0][0], kv[0][1], kv[0][2], kv[0][3], kv[0][4]))
        return {
            "safesocial_partial": PARTIAL_VERSION,
            "platforms": self.platforms,
            "config": self.config,
            "attributed": self.attributed,
            "files": [f.as_dict() for f in self.files],
            "counts": [[p, m, e, person, b, n] for (p, m, e, person, b), n in rows],
        }

    def to_json(self) -> str:
        return json.dumps(self.as_dict(), separators=(",", ":"))

    def write(self, path: str | Path) -> None:
        Path(path).write_text(self.to_json() + "\n", encoding="utf-8")

    @classmethod
    def from_dict(cls, data: Any, *, origin: str = "partial") -> Partial:
        if not isinstance(data, dict) or data.get("safesocial_partial") != PARTIAL_VERSION:
            raise MonitoringConfigError(
                f"not a SafeSocial partial aggregate (version {PARTIAL_VERSION})", code="E513", where=origin
            )
        try:
            counts: Counter[CountKey] = Counter()
            for p, m, e, person, b, n in data["counts"]:
                counts[(str(p), int(m), str(e), str(person), bool(b))] += int(n)
            return cls(
                platforms=str(data["platforms"]),
                config=str(data["config"]),
                attributed=bool(data.get("attributed", False)),
                files=tuple(FileStats.from_dict(f) for f in data["files"]),
                counts=counts,
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise MonitoringConfigError(f"malformed partial aggregate: {exc}", code="E513", where=origin) from exc

    @classmethod
    def read(cls, path: str | Path) -> Partial:
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise MonitoringConfigError(f"cannot read partial aggregate: {exc}", code="E513", where=str(path)) from exc
        return cls.from_dict(data, origin=str(path))


def merge(partials: Iterable[Partial]) -> Partial:
    """Add partials together (the "reduce"). They must come from the same platform list and settings."""
    items = list(partials)
    if not items:
        raise MonitoringConfigError("nothing to merge", code="E513")
    first = items[0]
    for other in items[1:]:
        if other.platforms != first.platforms:
            raise MonitoringConfigError(
                "partials were made with different platform lists; re-run the shards with the same list",
                code="E513",
            )
        if other.config != first.config or other.attributed != first.attributed:
            raise MonitoringConfigError(
                "partials were made with different network, attribution or time zone settings",
                code="E513",
            )
    counts: Counter[CountKey] = Counter()
    files: list[FileStats] = []
    for part in items:
        counts.update(part.counts)
        files.extend(part.files)
    return Partial(first.platforms, first.config, first.attributed, tuple(files), counts)
