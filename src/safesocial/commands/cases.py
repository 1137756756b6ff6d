"""`safesocial cases`: not yet built (see the issue that asks for it)."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = sub.add_parser("cases", help="(not yet available)")
    parser.set_defaults(func=_unavailable)


def _unavailable(args: argparse.Namespace) -> int:
    print("safesocial: this command is not built yet")
    return 2
