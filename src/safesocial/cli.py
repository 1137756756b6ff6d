"""The `safesocial` command: one CLI for everything a script or an administrator needs.

Each group of subcommands lives in its own module under ``safesocial.commands`` and exposes
``register(subparsers)``. Engine commands (check, connections audit, monitoring analyse, policy
list/show/coverage) need no database; the others set Django up first.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from .commands import (
    audit,
    cases,
    check,
    connections,
    demo,
    monitoring,
    people,
    policy,
    sites,
)
from .engine.errors import SafeSocialError

COMMAND_MODULES = (policy, check, connections, monitoring, people, demo, audit, cases, sites)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="safesocial",
        description="School social networking policies as working software.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for module in COMMAND_MODULES:
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except SafeSocialError as exc:
        print(f"safesocial: error {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
