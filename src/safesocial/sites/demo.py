"""A demo live site for Oakfield, made through the real services (call after accounts.demo.load_demo)."""

from __future__ import annotations

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from safesocial.accounts.models import User
from safesocial.people.models import School

from . import services
from .models import Site

DEMO_SITE = "Oakfield nature club blog"
DEMO_ITEMS = [
    ("c-1", "parent", "Lovely photos of the pond dipping, thank you to all the staff!"),
    ("c-2", "public", "Great club. Visit my shop for cheap garden supplies, link in bio!"),
]


@transaction.atomic
def create_demo_site(*, with_items: bool = True) -> Site | None:
    """Create (once) a live site at Oakfield with its team, approved at every step; queue two
    comments if the post checker is installed. Returns the site, or None without the demo trust."""
    school = School.objects.filter(slug="oakfield").first()
    users = {
        u.username: u
        for u in User.objects.filter(
            username__in=["teacher", "manager", "comms", "head", "siteadmin", "moderator", "moderator2"]
        )
    }
    if school is None or len(users) < 7:
        return None
    existing = Site.objects.filter(school=school, name=DEMO_SITE).first()
    if existing is not None:
        return existing
    today = timezone.localdate()
    details = services.SiteDetails(
        name=DEMO_SITE,
        department="Science",
        line_manager=users["manager"],
        aims="Share the nature club's weekly finds with families and encourage outdoor learning at home.",
        content="Weekly posts about the club's walks and experiments; photos of plants and animals, never of pupils' faces.",
        audience=["staff", "families"],
        contributors=["staff", "families"],
        administrators=[users["siteadmin"], users["teacher"]],
        moderators=[users["moderator"], users["moderator2"]],
        hosting="school",
        platform_minimum_age=0,
        go_live_date=today,
        closure_date=today + timedelta(days=180),
        external_vetting="The site administrator checks each family account against the school's contact records.",
        security_measures="Families sign in with school accounts; no public sign-up; comments are moderated first.",
        house_rules="Be kind and respectful.\nNo names or photos of pupils.\nNo advertising or links to shops.\n"
        "Keep to the club's activities.",
        terms_of_use="Everything is moderated before it appears. Comments that break the house rules are removed.",
    )
    site = services.site_create(school=school, details=details, actor=users["teacher"])
    for action, who in (
        ("submit", "teacher"),
        ("approve", "manager"),
        ("approve", "comms"),
        ("approve", "head"),
        ("go_live", "siteadmin"),
    ):
        site = services.site_transition(site=site, action=action, actor=users[who])
    if with_items:
        try:
            import safesocial.engine.checker  # noqa: F401
        except ImportError:
            return site
        for external_id, role, text in DEMO_ITEMS:
            services.moderation_receive(site=site, text=text, kind="comment", author_role=role, external_id=external_id)
    return site
