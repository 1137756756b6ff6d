"""`safesocial demo` (load the demo trust) and `safesocial serve` (migrate, load, run)."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("demo", help="create the demo trust, schools, users and adopted policies")
    p.set_defaults(func=cmd_demo)
    p = sub.add_parser("serve", help="migrate, load the demo if the database is empty, and run the app")
    p.add_argument("--addr", default="127.0.0.1:8000")
    p.add_argument("--no-demo", action="store_true")
    p.set_defaults(func=cmd_serve)
    p = sub.add_parser("manage", help="run a Django management command", add_help=False)
    p.add_argument("rest", nargs=argparse.REMAINDER)
    p.set_defaults(func=cmd_manage)


def cmd_demo(args: argparse.Namespace) -> int:
    from . import _django

    _django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from ..accounts.demo import load_demo, print_logins

    load_demo()
    print_logins()
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    from . import _django

    _django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    if not args.no_demo:
        from ..accounts.demo import demo_loaded, load_demo, print_logins

        if not demo_loaded():
            load_demo()
        print_logins()
    print(f"SafeSocial is running at http://{args.addr}/  (Ctrl-C to stop)")
    call_command("runserver", args.addr, use_reloader=False)
    return 0


def cmd_manage(args: argparse.Namespace) -> int:
    from . import _django

    _django.setup()
    from django.core.management import execute_from_command_line

    execute_from_command_line(["safesocial manage", *args.rest])
    return 0
