"""`safesocial connections audit|evaluate|bench`: the connection audit from the command line.

    safesocial connections audit --policy PACK_ID --school DIR
        [--platform auto|facebook|instagram|x|linkedin|tiktok|snapchat] [--on YYYY-MM-DD] [--json] FILE

No database: the directory is read from its folder (shared/FORMATS.md §1), the export from FILE
(the platform's ZIP or the single file inside it). Errors are coded (E2xx directory, E4xx export,
E1xx pack) and printed by ``safesocial.cli``; nothing is written anywhere.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date, datetime
from typing import Any

from ..engine.matching.exports import PLATFORMS


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = sub.add_parser("connections", help="audit a social media connection export against a school directory")
    csub = parser.add_subparsers(dest="connections_command", metavar="ACTION", required=True)

    p = csub.add_parser(
        "audit",
        help="match an export's friends/followers to the school's people and apply the pack's rules",
        description="Match a connection export to a school directory and apply the pack's relationship rules.",
    )
    p.add_argument("--policy", required=True, metavar="PACK_ID", help="policy pack id (see `safesocial policy list`)")
    p.add_argument(
        "--school", required=True, metavar="DIR", help="school directory folder (school.yaml, people.csv...)"
    )
    p.add_argument("--platform", default="auto", choices=("auto", *PLATFORMS), help="default: detect from the file")
    p.add_argument(
        "--on", type=_iso_date, default=None, metavar="YYYY-MM-DD", help="audit date (ages are for it); default today"
    )
    p.add_argument("--json", action="store_true", help="print the result as JSON")
    p.add_argument(
        "--declare",
        action="append",
        default=[],
        metavar="PERSON_ID=EXCEPTION",
        help="a declaration on record, e.g. P017=family_relationship or C104=acknowledged_social_circle (repeatable)",
    )
    p.add_argument("file", metavar="FILE", help="the export ZIP, or the connection file from inside it")
    p.set_defaults(func=cmd_audit)

    p = csub.add_parser("evaluate", help="precision and recall of matching on a labelled set")
    p.add_argument("--labels", default="tests/data/exports/labels.json", metavar="FILE")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_evaluate)

    p = csub.add_parser("bench", help="time the audit on synthetic data (5k x 2k and 100k x 50k) and report memory")
    p.add_argument("--quick", action="store_true", help="only the 5,000 connections x 2,000 people case")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_bench)


def _iso_date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date in the form YYYY-MM-DD") from None


def _declarations(items: list[str]) -> dict[str, set[str]]:
    from ..engine.errors import ExportError

    out: dict[str, set[str]] = {}
    for item in items:
        person_id, sep, kind = item.partition("=")
        if not sep or not person_id.strip() or not kind.strip():
            raise ExportError(f"--declare {item!r} must be PERSON_ID=EXCEPTION", code="E408", where="--declare")
        out.setdefault(person_id.strip(), set()).add(kind.strip())
    return out


def cmd_audit(args: argparse.Namespace) -> int:
    from ..engine.directory import load_directory
    from ..engine.matching.audit import audit
    from ..engine.matching.exports import read_export
    from ..engine.model import AdoptedPolicy
    from ..engine.packs import load_pack

    on = args.on or datetime.now().astimezone().date()
    policy = AdoptedPolicy.adopt(load_pack(args.policy))
    directory = load_directory(args.school)
    export = read_export(args.file, platform=args.platform)
    result = audit(export, directory, policy, on, _declarations(args.declare))
    if args.json:
        json.dump(result.as_dict(), sys.stdout, indent=2, ensure_ascii=False)
        print()
        return 0
    _print_text(result)
    return 0


def _print_text(result: Any) -> None:
    from ..engine.matching.exports import PLATFORM_TITLES

    counts = ", ".join(f"{n} {v}" for v, n in result.counts.items() if n)
    print(
        f"Connection audit of a {PLATFORM_TITLES.get(result.platform, result.platform)} export under "
        f"{result.policy}, on {result.on.isoformat()}"
    )
    print(f"  {result.connections_read} connections read, {len(result.matches)} matched to the school's people")
    print(f"  Verdict: {result.verdict.upper().replace('_', ' ')}" + (f" ({counts})" if counts else ""))
    for m in result.matches:
        who = f"{m.person_id} ({m.relationship})" if m.person_id else "ambiguous"
        shown = m.connection.name or m.connection.handle
        print(f"\n  {m.verdict.upper():7} {shown} -> {who}, confidence {m.confidence:.2f}")
        if m.clauses:
            print(f"          clauses: {', '.join(m.clauses)}")
        print(f"          {m.explanation}")
    if result.unreadable:
        print(f"\n  Entries that could not be read ({len(result.unreadable)}):")
        for u in result.unreadable:
            print(f"    {u.where}: {u.reason}")
    for note in result.notes:
        print(f"\n  Note: {note}")


def cmd_evaluate(args: argparse.Namespace) -> int:
    from ..engine.matching.evaluate import evaluate_labels

    report = evaluate_labels(args.labels)
    if args.json:
        json.dump(report.as_dict(), sys.stdout, indent=2, ensure_ascii=False)
        print()
        return 0
    print(report.summary())
    return 0


def cmd_bench(args: argparse.Namespace) -> int:
    from ..engine.matching.synth import run_bench

    figures = run_bench(quick=args.quick, progress=None if args.json else print)
    if args.json:
        json.dump(figures, sys.stdout, indent=2)
        print()
    return 0
