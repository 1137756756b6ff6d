"""`safesocial monitoring`: social media use in proxy and filter logs, judged against the policy.

Database-free (engine only):

  analyse   read logs and judge them: the JSON contract of issue 7, or CSV/HTML; can also write a
            partial aggregate per shard (--partial-out) for the map/reduce run of docs/monitoring.md
  merge     add partial aggregates together and judge the total
  bench     generate a realistic synthetic log and measure lines/s and peak memory

With the web app's database (``safesocial.monitoring.services``):

  ingest    ingest_logs(school=SLUG, paths=[...]) -> an object with as_dict()
  report    build_report(school=SLUG, start=DATE, end=DATE) -> MonitoringResult
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
from datetime import date
from pathlib import Path
from typing import Any

from ..engine.errors import SafeSocialError
from ..engine.model import AdoptedPolicy
from ..engine.packs import load_pack, load_pack_file

NEEDS_WEB_APP = (
    "safesocial: error: `monitoring {cmd}` needs the web app's monitoring models (not yet built): "
    "safesocial.monitoring.services has no {fn}(). Use `safesocial monitoring analyse` meanwhile; "
    "it needs no database."
)


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = sub.add_parser(
        "monitoring",
        help="judge social media use in proxy and filter logs against the adopted policy",
        description="Social media use in web proxy and filter logs (Squid, common/combined, FortiGate), "
        "judged against a school's adopted policy option.",
    )
    msub = parser.add_subparsers(dest="monitoring_command", metavar="SUBCOMMAND", required=True)

    p = msub.add_parser("analyse", help="read logs and judge them (no database)")
    _add_policy_args(p, required=False)
    _add_scan_args(p)
    _add_output_args(p)
    p.add_argument("--partial-out", metavar="FILE.json", help="also write the partial aggregate (for merge)")
    p.add_argument("files", nargs="+", metavar="FILE", help="log files (plain, .gz, .bz2 or .xz)")
    p.set_defaults(func=_analyse)

    p = msub.add_parser("merge", help="add partial aggregates together and judge the total (no database)")
    _add_policy_args(p, required=True)
    p.add_argument("--platforms", metavar="FILE", help="the same platform override the shards used")
    _add_output_args(p)
    p.add_argument("--partial-out", metavar="FILE.json", help="also write the merged partial aggregate")
    p.add_argument("partials", nargs="+", metavar="PARTIAL", help="partial aggregates written by analyse --partial-out")
    p.set_defaults(func=_merge)

    p = msub.add_parser("bench", help="benchmark on a realistic synthetic log (no database)")
    p.add_argument("--lines", type=int, default=10_000_000, help="lines in the main synthetic log (default 10M)")
    p.add_argument("--format-lines", type=int, default=1_000_000, help="lines per format for the per-format timings")
    p.add_argument("--python-lines", type=int, default=100_000, help="lines per format for the reference parser")
    p.add_argument("--path", metavar="DIR", help="where to write the synthetic logs (default: a temporary dir)")
    p.add_argument("--keep", action="store_true", help="keep the generated logs")
    p.add_argument("--seed", type=int, default=2025)
    p.add_argument("--jobs", type=int, default=0, help="also time the main log in N shards on N processes")
    p.add_argument("--skip-formats", action="store_true", help="only the main log")
    p.add_argument("--json", action="store_true", help="print the measurements as JSON")
    p.set_defaults(func=_bench)

    p = msub.add_parser("ingest", help="ingest logs into the database for a school")
    p.add_argument("--school", required=True, metavar="SLUG")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.set_defaults(func=_ingest)

    p = msub.add_parser("report", help="a school's report for a period, from the database")
    p.add_argument("--school", required=True, metavar="SLUG")
    p.add_argument("--from", dest="start", required=True, type=_date, metavar="YYYY-MM-DD")
    p.add_argument("--to", dest="end", required=True, type=_date, metavar="YYYY-MM-DD")
    p.add_argument("--format", choices=("json", "csv", "html"), default="json")
    p.set_defaults(func=_report)


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from None


def _add_policy_args(p: argparse.ArgumentParser, *, required: bool) -> None:
    g = p.add_argument_group("policy and school day")
    g.add_argument("--policy", required=required, metavar="PACK_ID", help="built-in pack id, or a pack YAML file")
    g.add_argument("--option", metavar="CHOICE", help="the it_use option: strict (Option 1) or limited (Option 2)")
    g.add_argument("--choice", action="append", default=[], metavar="OPTION=CHOICE", help="any other pack option")
    g.add_argument("--school-name", default="", help="shown in reports")
    g.add_argument("--hours", metavar="HH:MM-HH:MM", help="working hours on each working day")
    g.add_argument("--breaks", default="", metavar="HH:MM-HH:MM[,...]", help="official breaks")
    g.add_argument("--days", default="mon-fri", help="working days (default mon-fri)")
    g.add_argument("--tz", default="Europe/London", help="IANA time zone (default Europe/London)")
    g.add_argument("--schedule", metavar="FILE", help="YAML with hours and breaks per day (instead of --hours)")
    g.add_argument("--from", dest="start", type=_date, metavar="YYYY-MM-DD", help="first local date to report")
    g.add_argument("--to", dest="end", type=_date, metavar="YYYY-MM-DD", help="last local date to report")


def _add_scan_args(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("reading the logs")
    g.add_argument("--platforms", metavar="FILE", help="the school's platform override (YAML: add/remove/not_use)")
    g.add_argument("--own-devices", default="", metavar="CIDR[,CIDR]", help="client networks of staff's own devices")
    g.add_argument(
        "--exclude-networks", default="", metavar="CIDR[,CIDR]", help="client networks not covered (pupils, guests)"
    )
    g.add_argument("--attribute", choices=("user", "device"), help="attribute use to people (off by default)")
    g.add_argument("--people", metavar="FILE", help="YAML/JSON map: user names or devices -> person ids")
    g.add_argument("--engine", choices=("auto", "polars", "python"), default="auto")
    g.add_argument("--jobs", type=int, default=1, help="read files in N processes")


def _add_output_args(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("output")
    g.add_argument("--format", choices=("json", "csv", "html"), default="json")
    g.add_argument("--detail", action="store_true", help="JSON: add a 'detail' object (hours, files, samples...)")
    g.add_argument("--include-people", action="store_true", help="CSV/HTML: include individual detail")
    g.add_argument("--output", "-o", metavar="FILE", help="write here instead of standard output")


# ---------------------------------------------------------------------------------------- helpers
def _policy(args: argparse.Namespace) -> AdoptedPolicy:
    ref = str(args.policy)
    pack = load_pack_file(ref) if ref.endswith((".yaml", ".yml")) and Path(ref).exists() else load_pack(ref)
    choices: dict[str, str] = {}
    for item in args.choice:
        if "=" not in item:
            raise SafeSocialError(f"--choice {item!r} must be OPTION=CHOICE", code="E120")
        k, v = item.split("=", 1)
        choices[k.strip()] = v.strip()
    if args.option:
        if not any(o.id == "it_use" for o in pack.options):
            raise SafeSocialError(f"pack {pack.id!r} has no it_use option; drop --option", code="E120")
        choices["it_use"] = args.option
    return AdoptedPolicy.adopt(pack, choices=choices, school_name=args.school_name)


def _schedule(args: argparse.Namespace) -> Any:
    from ..engine.monitoring import MonitoringConfigError, Schedule

    if args.schedule:
        import yaml

        try:
            data = yaml.safe_load(Path(args.schedule).read_text(encoding="utf-8"))
        except (OSError, yaml.YAMLError) as exc:
            raise MonitoringConfigError(f"cannot read schedule: {exc}", code="E510", where=args.schedule) from exc
        if isinstance(data, dict) and "timezone" not in data:
            data = {**data, "timezone": args.tz}
        return Schedule.from_mapping(data, origin=args.schedule)
    if not args.hours:
        raise MonitoringConfigError("give --hours HH:MM-HH:MM (or --schedule FILE)", code="E510", where="hours")
    return Schedule.weekly(args.hours, args.breaks, tz=args.tz, days=args.days)


def _platforms(args: argparse.Namespace) -> Any:
    from ..engine.monitoring import PlatformList, load_overrides

    plist = PlatformList.builtin()
    if getattr(args, "platforms", None):
        plist = plist.with_overrides(load_overrides(args.platforms), origin=args.platforms)
    return plist


def _scan_options(args: argparse.Namespace, tz: str) -> Any:
    from ..engine.monitoring import Attribution, Network, ScanOptions
    from ..engine.monitoring.errors import MonitoringConfigError

    network = Network.from_mapping(
        {"own_device_networks": args.own_devices or None, "excluded_networks": args.exclude_networks or None}
    )
    attribution = None
    if args.attribute:
        mapping: dict[str, Any] = {}
        if args.people:
            import yaml

            try:
                mapping = yaml.safe_load(Path(args.people).read_text(encoding="utf-8")) or {}
            except (OSError, yaml.YAMLError) as exc:
                raise MonitoringConfigError(f"cannot read people map: {exc}", code="E512", where=args.people) from exc
            if not isinstance(mapping, dict):
                raise MonitoringConfigError("the people map must be a mapping", code="E512", where=args.people)
        if args.attribute == "user":
            attribution = Attribution(
                by="user", users={str(k): str(v) for k, v in mapping.items()} if mapping else None
            )
        else:
            attribution = Attribution(by="device", devices={str(k): str(v) for k, v in mapping.items()})
    return ScanOptions(platforms=_platforms(args), network=network, attribution=attribution, tz=tz, engine=args.engine)


def _emit(args: argparse.Namespace, result: Any) -> None:
    from ..engine.monitoring import render_csv, render_html

    if args.format == "json":
        text = json.dumps(result.as_dict(detail=args.detail), indent=2, ensure_ascii=False) + "\n"
    elif args.format == "csv":
        text = render_csv(result, include_people=args.include_people)
    else:
        text = render_html(result, include_people=args.include_people)
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)


# ---------------------------------------------------------------------------------------- commands
def _analyse(args: argparse.Namespace) -> int:
    from ..engine.monitoring import scan_files, summarise

    policy = _policy(args) if args.policy else None
    schedule = _schedule(args) if (policy is not None or args.hours or args.schedule) else None
    if policy is None and not args.partial_out:
        raise SafeSocialError("give --policy PACK_ID (or only --partial-out to write a partial)", code="E510")
    tz = schedule.timezone if schedule is not None else args.tz
    opts = _scan_options(args, tz)
    partial = scan_files(args.files, opts, jobs=args.jobs)
    if args.partial_out:
        partial.write(args.partial_out)
    if policy is None or schedule is None:
        summary = {"partial": args.partial_out, "lines_read": partial.lines_read, "malformed": partial.malformed}
        sys.stdout.write(json.dumps(summary) + "\n")
        return 0
    result = summarise(partial, policy, schedule, platforms=opts.platforms, start=args.start, end=args.end)
    _emit(args, result)
    return 0


def _merge(args: argparse.Namespace) -> int:
    from ..engine.monitoring import Partial, merge, summarise

    policy = _policy(args)
    schedule = _schedule(args)
    partial = merge(Partial.read(p) for p in args.partials)
    platforms = _platforms(args)
    if partial.platforms != platforms.fingerprint():
        raise SafeSocialError(
            "the partials were made with a different platform list: give the same --platforms file the shards used",
            code="E513",
        )
    if args.partial_out:
        partial.write(args.partial_out)
    result = summarise(partial, policy, schedule, platforms=platforms, start=args.start, end=args.end)
    _emit(args, result)
    return 0


def _bench(args: argparse.Namespace) -> int:
    from ..engine.monitoring.bench import format_report, run_bench

    report = run_bench(
        lines=args.lines,
        format_lines=0 if args.skip_formats else args.format_lines,
        python_lines=0 if args.skip_formats else args.python_lines,
        path=args.path,
        keep=args.keep,
        seed=args.seed,
        jobs=args.jobs,
        progress=lambda msg: print(msg, file=sys.stderr, flush=True),
    )
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        print(format_report(report))
    return 0


def _service(cmd: str, name: str) -> tuple[Any, tuple[type[BaseException], ...]]:
    """The web app's service function (or None after saying why) and the errors it raises."""
    from . import _django

    _django.setup()
    try:
        services = importlib.import_module("safesocial.monitoring.services")
    except ImportError:
        services = None
    fn = getattr(services, name, None)
    if fn is None:
        print(NEEDS_WEB_APP.format(cmd=cmd, fn=name), file=sys.stderr)
    refused = getattr(services, "MonitoringError", None)
    errors: tuple[type[BaseException], ...] = (refused,) if isinstance(refused, type) else ()
    return fn, errors


def _ingest(args: argparse.Namespace) -> int:
    fn, errors = _service("ingest", "ingest_logs")
    if fn is None:
        return 2
    try:
        outcome = fn(school=args.school, paths=[Path(f) for f in args.files])
    except errors as exc:
        print(f"safesocial: error: {exc}", file=sys.stderr)
        return 2
    data = outcome.as_dict() if hasattr(outcome, "as_dict") else outcome
    print(json.dumps(data, indent=2, default=str))
    return 0


def _report(args: argparse.Namespace) -> int:
    fn, errors = _service("report", "build_report")
    if fn is None:
        return 2
    try:
        result = fn(school=args.school, start=args.start, end=args.end)
    except errors as exc:
        print(f"safesocial: error: {exc}", file=sys.stderr)
        return 2
    args.detail = False
    args.include_people = False
    args.output = None
    _emit(args, result)
    return 0
