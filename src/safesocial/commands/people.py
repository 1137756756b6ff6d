"""`safesocial people import --school SLUG DIR`."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = sub.add_parser("people", help="import a school's people from its directory export")
    psub = parser.add_subparsers(dest="people_command", metavar="ACTION", required=True)
    p = psub.add_parser("import", help="import school.yaml, people.csv and relationships.csv")
    p.add_argument("--school", required=True, metavar="SLUG")
    p.add_argument("--dry-run", action="store_true", help="validate and report; change nothing")
    p.add_argument("dir", metavar="DIR")
    p.set_defaults(func=cmd_import)


def cmd_import(args: argparse.Namespace) -> int:
    from . import _django

    _django.setup()
    from ..people.importing import import_for_cli

    return import_for_cli(school_slug=args.school, path=args.dir, dry_run=args.dry_run)
