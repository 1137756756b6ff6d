"""`safesocial sites remind|list`: the register of school social media sites from the command line.

safesocial sites remind [--school SLUG] [--today YYYY-MM-DD]
    E-mail site teams before a closure date (and when it has passed), and when moderation cover
    falls below two active moderators (Walsall 14.6, 18.4). Safe to run daily from cron: the
    same reminder is not repeated within a week.
safesocial sites list --school SLUG [--json]
    The register: every approved, live and closed site with its team, dates and cover.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = sub.add_parser("sites", help="school social media sites: reminders and the register")
    ssub = parser.add_subparsers(dest="sites_command", metavar="ACTION", required=True)

    p = ssub.add_parser("remind", help="send closure and moderation-cover reminders")
    p.add_argument("--school", metavar="SLUG", help="only this school (default: every school)")
    p.add_argument("--today", type=_iso_date, metavar="YYYY-MM-DD", help="the date to remind as of (default today)")
    p.set_defaults(func=cmd_remind)

    p = ssub.add_parser("list", help="list a school's register of sites")
    p.add_argument("--school", required=True, metavar="SLUG")
    p.add_argument("--all", action="store_true", help="include drafts and requests waiting for approval")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_list)


def _iso_date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date in the form YYYY-MM-DD") from None


def _school(slug: str | None):  # type: ignore[no-untyped-def]
    from ..people.models import School

    if slug is None:
        return None
    school = School.objects.filter(slug=slug).first()
    if school is None:
        print(f"safesocial: no school with slug {slug!r}", file=sys.stderr)
    return school


def cmd_remind(args: argparse.Namespace) -> int:
    from . import _django

    _django.setup()
    from ..sites.services import send_site_reminders

    school = _school(args.school)
    if args.school and school is None:
        return 2
    counts = send_site_reminders(today=args.today, school=school)
    print(f"closure approaching: {counts['closure_soon']}")
    print(f"closure date passed: {counts['closure_passed']}")
    print(f"fewer than two active moderators: {counts['low_cover']}")
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    from . import _django

    _django.setup()
    from ..sites import selectors
    from ..sites.models import Site, SiteMember

    school = _school(args.school)
    if school is None:
        return 2
    sites = Site.objects.filter(school=school).select_related("author").order_by("status", "name")
    if not args.all:
        sites = sites.filter(status__in=Site.IN_REGISTER)
    rows = []
    for site in sites:
        active = selectors.active_moderators(site) if site.status != Site.Status.CLOSED else []
        rows.append(
            {
                "id": site.pk,
                "name": site.name,
                "status": site.status,
                "hosting": site.host_name or "school",
                "go_live_date": site.go_live_date.isoformat(),
                "closure_date": site.closure_date.isoformat(),
                "author": str(site.author),
                "administrators": [str(m.user) for m in selectors.members(site, SiteMember.Role.ADMINISTRATOR)],
                "moderators": [str(m.user) for m in selectors.members(site, SiteMember.Role.MODERATOR)],
                "active_moderators": len(active),
            }
        )
    if args.json:
        json.dump(rows, sys.stdout, indent=2, ensure_ascii=False)
        print()
        return 0
    if not rows:
        print(f"{school.name}: no sites in the register")
        return 0
    print(f"{school.name}: {len(rows)} site(s)")
    for r in rows:
        warn = (
            "  WARNING: fewer than two active moderators"
            if r["status"] != "closed" and r["active_moderators"] < 2
            else ""
        )
        print(
            f"  [{r['id']}] {r['name']} — {r['status']}, hosted by {r['hosting']}, "
            f"{r['go_live_date']} to {r['closure_date']}"
        )
        print(f"      administrators: {', '.join(r['administrators'])}")
        print(f"      moderators {r['active_moderators']} active: {', '.join(r['moderators'])}{warn}")
    return 0
