"""`safesocial audit verify`: check the audit trail's hash chain."""

from __future__ import annotations

import argparse
import json


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = sub.add_parser("audit", help="the append-only audit trail")
    asub = parser.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    p = asub.add_parser("verify", help="verify the hash chain; report edited or deleted events")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_verify)


def cmd_verify(args: argparse.Namespace) -> int:
    from . import _django

    _django.setup()
    from ..audit.services import verify_chain

    result = verify_chain()
    if args.json:
        print(json.dumps({"ok": result.ok, "events": result.events, "problems": result.problems}, indent=2))
    elif result.ok:
        print(f"audit trail OK: {result.events} events, chain intact")
    else:
        print(f"audit trail FAILED verification ({result.events} events):")
        for problem in result.problems:
            print(f"  - {problem}")
    return 0 if result.ok else 1
