"""`safesocial cases remind | retention [--approve RUN_ID] | verify-export FILE.zip`."""

from __future__ import annotations

import argparse
import getpass
import json


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = sub.add_parser("cases", help="case reminders, retention runs and export verification")
    csub = parser.add_subparsers(dest="cases_command", metavar="ACTION", required=True)

    p = csub.add_parser(
        "remind", help="e-mail handlers about overdue required steps (LADO referral after one working day)"
    )
    p.set_defaults(func=cmd_remind)

    p = csub.add_parser("retention", help="list closed cases due for deletion; --approve RUN_ID deletes them")
    p.add_argument("--approve", type=int, metavar="RUN_ID", help="approve a proposed run and delete what is still due")
    p.add_argument("--as-of", metavar="YYYY-MM-DD", help="list what is due on this date (default today)")
    p.set_defaults(func=cmd_retention)

    p = csub.add_parser("verify-export", help="check a case export ZIP against its manifest (needs no database)")
    p.add_argument("file", metavar="FILE.zip")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_verify_export)


def _actor_label() -> str:
    try:
        return f"cli:{getpass.getuser()}"
    except (KeyError, OSError):  # pragma: no cover - no user name in some containers
        return "cli"


def cmd_remind(args: argparse.Namespace) -> int:
    from . import _django

    _django.setup()
    from ..cases.services import send_reminders

    counts = send_reminders()
    print(f"overdue steps reminded: {counts['overdue_steps']}; e-mails queued: {counts['emails']}")
    return 0


def cmd_retention(args: argparse.Namespace) -> int:
    from . import _django

    _django.setup()
    from ..cases.retention import RetentionError, as_of_date, needing_review, retention_approve, retention_propose

    label = _actor_label()
    if args.approve is not None:
        try:
            run = retention_approve(run_id=args.approve, actor_label=label)
        except RetentionError as exc:
            print(f"safesocial: error: {exc}")
            return 2
        print(f"retention run {run.pk} approved by {label}: {run.deleted} case(s) deleted, {run.skipped} skipped")
        for item in run.items.all():
            print(f"  {item.case_ref:10} {item.case_type:20} due {item.retain_until}  {item.outcome}")
        return 0
    run = retention_propose(actor_label=label, as_of=as_of_date(args.as_of))
    items = list(run.items.select_related("school"))
    print(f"retention run {run.pk} (as of {run.as_of}): {len(items)} closed case(s) past their retention date")
    for item in items:
        print(f"  {item.case_ref:10} {item.case_type:20} {item.school.name:30} keep until {item.retain_until}")
    review = needing_review()
    if review:
        print(f"{len(review)} closed case(s) have no retention date (a date of birth is needed); review them by hand:")
        for case in review:
            print(f"  {case.ref:10} {case.case_type:20} {case.school.name}")
    if items:
        print(f"nothing has been deleted. To delete these, run: safesocial cases retention --approve {run.pk}")
    return 0


def cmd_verify_export(args: argparse.Namespace) -> int:
    from ..cases.exportcheck import verify_export

    result = verify_export(args.file)
    if args.json:
        print(
            json.dumps(
                {
                    "ok": result.ok,
                    "case": result.case,
                    "files": result.files,
                    "manifest_sha256": result.manifest_sha256,
                    "problems": result.problems,
                },
                indent=2,
            )
        )
    elif result.ok:
        print(f"export OK: case {result.case}, {result.files} file(s) match the manifest")
        print(f"manifest SHA-256: {result.manifest_sha256} (confirm it with the sender)")
    else:
        print(f"export FAILED verification{f' (case {result.case})' if result.case else ''}:")
        for problem in result.problems:
            print(f"  - {problem}")
    return 0 if result.ok else 1
