"""Benchmark: lines per second for ingestion + classification, and peak memory.

Each measurement runs in a fresh child process pinned to one CPU core with Polars limited to one
thread, so "lines/s" is single-core throughput and "peak memory" is that process's maximum
resident set size (including the Python interpreter and Polars itself). The job measured is the
whole of reading a file: decompression where compressed, splitting, grammar check of every line,
platform classification, timestamp decoding and counting (``scan_file``).

Run it with ``safesocial monitoring bench`` (10 million lines by default).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .synthetic import FORMATS, SyntheticSpec, write_log

GOACCESS_LINES_PER_S = (50_000, 90_000)  # GoAccess's documented range


def _child(path: str, engine: str, jobs: int, shards: list[str]) -> dict[str, Any]:
    """Run in the child: measure one scan."""
    import resource

    from .scan import ScanOptions, scan_file, scan_files

    opts = ScanOptions(engine=engine)
    t0, c0 = time.perf_counter(), time.process_time()
    if shards:
        partial = scan_files(shards, opts, jobs=jobs)
    else:
        partial = scan_file(path, opts)
    wall = time.perf_counter() - t0
    cpu = time.process_time() - c0
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {
        "lines": partial.lines_read,
        "malformed": partial.malformed,
        "requests_to_platforms": sum(partial.counts.values()),
        "seconds": wall,
        "cpu_seconds": cpu + children.ru_utime + children.ru_stime,
        "peak_rss_mb": max(_own_peak_mb(), children.ru_maxrss / 1024 if shards else 0.0),
        "format": partial.files[0].format,
        "engine": partial.files[0].engine,
    }


def _own_peak_mb() -> float:
    """This process's peak resident memory (VmHWM). Unlike ru_maxrss it is not inherited across exec
    from the (possibly large) benchmark parent that started us."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(path: Path, *, engine: str = "polars", cores: int = 1, shards: list[Path] | None = None) -> dict[str, Any]:
    """Measure in a child process limited to `cores` cores (and Polars to one thread per process)."""
    env = dict(os.environ, POLARS_MAX_THREADS="1")
    code = (
        "import json, os, sys\n"
        "cores = int(sys.argv[4])\n"
        "if hasattr(os, 'sched_setaffinity'):\n"
        "    avail = sorted(os.sched_getaffinity(0))\n"
        "    os.sched_setaffinity(0, set(avail[:cores]))\n"
        "from safesocial.engine.monitoring.bench import _child\n"
        "shards = [s for s in sys.argv[5:]]\n"
        "print(json.dumps(_child(sys.argv[1], sys.argv[2], int(sys.argv[3]), shards)))\n"
    )
    argv = [sys.executable, "-c", code, str(path), engine, str(cores), str(cores), *[str(s) for s in shards or []]]
    out = subprocess.run(argv, env=env, capture_output=True, text=True, check=False)  # noqa: S603
    if out.returncode != 0:
        raise RuntimeError(f"benchmark child failed: {out.stderr.strip()[-2000:]}")
    result: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
    result["lines_per_second"] = result["lines"] / result["seconds"] if result["seconds"] else 0.0
    result["lines_per_cpu_second"] = result["lines"] / result["cpu_seconds"] if result["cpu_seconds"] else 0.0
    result["load_average"] = list(os.getloadavg()) if hasattr(os, "getloadavg") else None
    size = sum(p.stat().st_size for p in (shards or [path]))
    result["file_mb"] = size / 1e6
    result["mb_per_second"] = result["file_mb"] / result["seconds"] if result["seconds"] else 0.0
    return result


def _split(path: Path, parts: int, out_dir: Path) -> list[Path]:
    """Split a log into `parts` files on line boundaries (like one file per day or per proxy)."""
    size = path.stat().st_size
    step = size // parts
    shards: list[Path] = []
    with path.open("rb") as fh:
        for i in range(parts):
            shard = out_dir / f"{path.stem}.shard{i}{path.suffix}"
            with shard.open("wb") as out:
                if i == parts - 1:
                    shutil.copyfileobj(fh, out)
                else:
                    remaining = step
                    while remaining > 0:
                        block = fh.read(min(remaining, 16 * 1024 * 1024))
                        if not block:
                            break
                        out.write(block)
                        remaining -= len(block)
                    out.write(fh.readline())
            shards.append(shard)
    return shards


def run_bench(
    *,
    lines: int = 10_000_000,
    format_lines: int = 1_000_000,
    python_lines: int = 100_000,
    path: str | Path | None = None,
    keep: bool = False,
    seed: int = 2025,
    jobs: int = 0,
    progress: Callable[[str], None] = lambda _msg: None,
) -> dict[str, Any]:
    tmp = Path(path) if path else Path(tempfile.mkdtemp(prefix="safesocial-bench-"))
    tmp.mkdir(parents=True, exist_ok=True)
    report: dict[str, Any] = {
        "cpu": _cpu_name(),
        "cores_available": os.cpu_count(),
        "python": sys.version.split()[0],
        "goaccess_lines_per_second": list(GOACCESS_LINES_PER_S),
        "seed": seed,
    }
    try:
        main = tmp / f"squid-{lines}.log"
        if not main.exists():
            progress(f"generating {lines:,} lines of Squid native log in {main} ...")
            t = time.perf_counter()
            write_log(main, SyntheticSpec(lines=lines, fmt="squid", seed=seed))
            report["generate_seconds"] = time.perf_counter() - t
        progress("measuring the main log on one core ...")
        report["main"] = measure(main, engine="polars")
        if jobs > 1:
            progress(f"measuring the main log in {jobs} shards on {jobs} cores ...")
            shard_dir = tmp / "shards"
            shard_dir.mkdir(exist_ok=True)
            shards = _split(main, jobs, shard_dir)
            report["sharded"] = measure(main, engine="polars", cores=jobs, shards=shards)
            report["sharded"]["shards"] = jobs
        if format_lines:
            report["formats"] = {}
            for fmt in FORMATS:
                for compress in (False, True) if fmt == "squid" else (False,):
                    name = f"{fmt}.gz" if compress else fmt
                    f = tmp / (f"{fmt}-{format_lines}.log" + (".gz" if compress else ""))
                    if not f.exists():
                        progress(f"generating {format_lines:,} lines of {name} ...")
                        write_log(f, SyntheticSpec(lines=format_lines, fmt=fmt, seed=seed), compress=compress)
                    progress(f"measuring {name} (polars) ...")
                    entry = {"polars": measure(f, engine="polars")}
                    if python_lines and not compress:
                        small = tmp / f"{fmt}-{python_lines}.log"
                        if not small.exists():
                            write_log(small, SyntheticSpec(lines=python_lines, fmt=fmt, seed=seed))
                        progress(f"measuring {name} (reference parser, {python_lines:,} lines) ...")
                        entry["python"] = measure(small, engine="python")
                    report["formats"][name] = entry
    finally:
        if not keep and path is None:
            shutil.rmtree(tmp, ignore_errors=True)
    report["path"] = str(tmp) if keep or path else None
    return report


def _load(m: dict[str, Any]) -> str:
    load = m.get("load_average")
    return "unknown" if not load else f"{load[0]:.1f}"


def _cpu_name() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return "unknown"


def format_report(r: dict[str, Any]) -> str:
    m = r["main"]
    lo, hi = r["goaccess_lines_per_second"]
    out = [
        f"CPU: {r['cpu']} ({r['cores_available']} cores available); Python {r['python']}",
        f"Main log: {m['lines']:,} lines of Squid native ({m['file_mb']:.0f} MB), one core, Polars one thread",
        f"  ingestion + classification: {m['lines_per_cpu_second']:,.0f} lines per CPU-second "
        f"({m['file_mb'] / m['cpu_seconds']:.0f} MB/CPU-s); wall clock {m['lines_per_second']:,.0f} lines/s "
        f"({m['seconds']:.1f} s wall, {m['cpu_seconds']:.1f} s CPU; load average {_load(m)})",
        f"  peak memory: {m['peak_rss_mb']:.0f} MB (resident, whole process)",
        f"  {m['malformed']:,} malformed lines; {m['requests_to_platforms']:,} requests to social media platforms",
        f"  vs GoAccess {lo:,}-{hi:,} lines/s: {m['lines_per_cpu_second'] / hi:.1f}x-{m['lines_per_cpu_second'] / lo:.1f}x "
        f"per CPU-second ({m['lines_per_second'] / hi:.1f}x-{m['lines_per_second'] / lo:.1f}x wall clock)",
    ]
    if "sharded" in r:
        s = r["sharded"]
        out.append(
            f"Sharded: {s['shards']} files on {s['shards']} processes: {s['lines_per_second']:,.0f} lines/s wall "
            f"({s['lines_per_second'] / m['lines_per_second']:.2f}x one core, wall clock), "
            f"{s['lines_per_cpu_second']:,.0f} lines per CPU-second, peak {s['peak_rss_mb']:.0f} MB per worker"
        )
    if "formats" in r:
        out.append("Per format, one core (lines per CPU-second, MB per CPU-second, peak MB; wall clock lines/s):")
        for name, entry in r["formats"].items():
            p = entry["polars"]
            line = (
                f"  {name:<10} polars {p['lines_per_cpu_second']:>11,.0f}  {p['file_mb'] / p['cpu_seconds']:>6.0f} MB  "
                f"{p['peak_rss_mb']:>5.0f} MB  (wall {p['lines_per_second']:,.0f})"
            )
            if "python" in entry:
                q = entry["python"]
                line += f"   reference {q['lines_per_cpu_second']:>9,.0f}  {q['peak_rss_mb']:>5.0f} MB"
            out.append(line)
    return "\n".join(out)
