"""Reading log files into partial aggregates, with either engine.

``engine="python"`` is the reference: the hand-written line parsers of ``formats.py``, one line at
a time. ``engine="polars"`` is the columnar path of ``fast.py`` (about two orders of magnitude
faster). ``engine="auto"`` uses Polars when it is installed.

A file is all or nothing: its counts join the result only once the whole file has been read, and
any error (unknown format, truncated compression, binary data) is raised with the file named.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import Counter
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo

from .errors import MonitoringConfigError
from .formats import PARSERS, TIME_DECODERS, sniff
from .network import Attribution, Network, config_fingerprint
from .partial import CountKey, FileStats, MalformedSample, Partial, merge
from .platforms import PlatformList
from .reader import CHUNK_BYTES, iter_chunks, open_log, split_lines

ENGINES = ("auto", "polars", "python")
MAX_SAMPLES = 10
SAMPLE_CHARS = 200


@dataclass(frozen=True)
class ScanOptions:
    """Everything reading needs. ``tz`` is only used for FortiGate records with neither eventtime nor tz."""

    platforms: PlatformList = field(default_factory=PlatformList.builtin)
    network: Network = field(default_factory=Network)
    attribution: Attribution | None = None
    tz: str = "UTC"
    engine: str = "auto"
    chunk_bytes: int = CHUNK_BYTES
    max_samples: int = MAX_SAMPLES

    def __post_init__(self) -> None:
        if self.engine not in ENGINES:
            raise MonitoringConfigError(f"engine must be one of {', '.join(ENGINES)}", code="E510", where="engine")

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.tz)

    def fingerprint(self) -> str:
        return config_fingerprint(self.network, self.attribution, self.tz)


def resolve_engine(engine: str) -> str:
    if engine != "auto":
        return engine
    try:
        import polars  # noqa: F401
    except ImportError:
        return "python"
    return "polars"


class _Reference:
    """The reference engine, also used to find malformed samples with line numbers."""

    def __init__(self, fmt: str, opts: ScanOptions) -> None:
        self.parse = PARSERS[fmt]
        self.decode = TIME_DECODERS[fmt]
        self.opts = opts
        self.zone = opts.zone
        self.cache: dict[str, str | None] = {}

    def outcome(self, line: str) -> tuple[str, CountKey | None]:
        """('malformed'|'ignored'|'excluded'|'counted', key)."""
        fields = self.parse(line)
        if fields is None:
            return "malformed", None
        if not fields.web or fields.host is None:
            return "ignored", None
        host = fields.host
        platform = self.cache.get(host, "?")
        if platform == "?":
            platform = self.opts.platforms.classify(host)
            self.cache[host] = platform
        if platform is None:
            return "ignored", None
        ts = self.decode(fields.when, self.zone)
        if ts is None:
            return "malformed", None
        equipment = self.opts.network.equipment(fields.client)
        if equipment is None:
            return "excluded", None
        person = ""
        if self.opts.attribution is not None:
            person = self.opts.attribution.person(fields.client, fields.user) or ""
        return "counted", (platform, ts // 60, equipment, person, fields.blocked)


def _sample(path: str, number: int, line: str) -> MalformedSample:
    text = line if len(line) <= SAMPLE_CHARS else line[: SAMPLE_CHARS - 1] + "…"
    return MalformedSample(path, number, text)


def _physical_lines(chunk: bytes) -> int:
    return chunk.count(b"\n") + (0 if chunk.endswith(b"\n") else 1)


def _first_lines(chunk: bytes) -> list[str]:
    head = chunk[: 256 * 1024]
    cut = head.rfind(b"\n")
    if cut >= 0 and len(chunk) > len(head):
        head = head[: cut + 1]
    return split_lines(head)[:200]


def scan_file(path: str | Path, opts: ScanOptions | None = None) -> Partial:
    """Read one log file into a partial aggregate (or raise a coded LogFormatError)."""
    opts = opts or ScanOptions()
    engine = resolve_engine(opts.engine)
    where = str(path)
    counts: Counter[CountKey] = Counter()
    lines_read = malformed = excluded = 0
    samples: list[MalformedSample] = []
    with open_log(path) as opened:
        chunks: Iterator[bytes] = iter_chunks(opened, chunk_bytes=opts.chunk_bytes)
        first = next(chunks, None)
        fmt = sniff(_first_lines(first), where=where) if first else None
        if first is None or fmt is None:
            for _ in chunks:  # still read to the end: a truncated file must fail
                pass
            stats = FileStats(where, None, opened.compression, 0, 0, 0, (), engine)
            return Partial(opts.platforms.fingerprint(), opts.fingerprint(), opts.attribution is not None, (stats,))
        ref = _Reference(fmt, opts)
        fast_ctx = None
        if engine == "polars":
            from .fast import FastContext

            fast_ctx = FastContext(opts.platforms, opts.network, opts.attribution, opts.zone)
        line_base = 0
        for chunk in _chain(first, chunks):
            if fast_ctx is not None:
                from .fast import scan_chunk

                res = scan_chunk(chunk, fmt, fast_ctx, want_samples=opts.max_samples - len(samples))
                lines_read += res.lines_read
                malformed += res.malformed
                excluded += res.excluded
                for p, m, e, person, b, n in res.counts:
                    counts[(p, m, e, person, b)] += n
                samples.extend(_sample(where, line_base + n + 1, text) for n, text in res.samples)
                line_base += res.rows
            else:
                for offset, line in enumerate(split_lines(chunk)):
                    if not line:
                        continue
                    lines_read += 1
                    kind, key = ref.outcome(line)
                    if kind == "counted":
                        counts[key] += 1  # type: ignore[index]
                    elif kind == "malformed":
                        malformed += 1
                        if len(samples) < opts.max_samples:
                            samples.append(_sample(where, line_base + offset + 1, line))
                    elif kind == "excluded":
                        excluded += 1
                line_base += _physical_lines(chunk)
        stats = FileStats(where, fmt, opened.compression, lines_read, malformed, excluded, tuple(samples), engine)
    return Partial(opts.platforms.fingerprint(), opts.fingerprint(), opts.attribution is not None, (stats,), counts)


def _chain(first: bytes, rest: Iterator[bytes]) -> Iterator[bytes]:
    yield first
    yield from rest


def _scan_one(args: tuple[str, ScanOptions]) -> Partial:
    return scan_file(args[0], args[1])


def scan_files(paths: Iterable[str | Path], opts: ScanOptions | None = None, *, jobs: int = 1) -> Partial:
    """Read several files (in parallel processes when jobs > 1) and merge their partials.

    Every file is read before anything is returned; the first error is raised and the result of
    the whole call discarded, so a caller storing the result can do so atomically.
    """
    opts = opts or ScanOptions()
    items = [str(p) for p in paths]
    if not items:
        raise MonitoringConfigError("no log files given", code="E510")
    if jobs > 1 and len(items) > 1:
        workers = min(jobs, len(items), os.cpu_count() or 1)
        # spawn, not fork: a forked child of a process whose Polars thread pool is running can deadlock
        with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn")) as pool:
            partials = list(pool.map(_scan_one, [(p, opts) for p in items]))
    else:
        partials = [scan_file(p, opts) for p in items]
    return merge(partials)


def default_paths(paths: Iterable[str | Path]) -> list[Path]:
    return [Path(p) for p in paths]
