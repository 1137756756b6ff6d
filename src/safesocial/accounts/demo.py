"""The demo: a trust of two schools, demo users for every role, the five packs, adopted policies."""

from __future__ import annotations

from datetime import date
from importlib import resources

from django.db import transaction
from django.utils import timezone

from safesocial.engine.directory import load_directory
from safesocial.engine.packs import builtin_pack_ids, load_pack
from safesocial.people.importing import import_directory
from safesocial.people.models import Organisation, Person, School

from .models import RoleAssignment, User
from .roles import Role

DEMO_PASSWORD = "safesocial-demo"  # noqa: S105 - printed for the demo; never used outside it
ORG_SLUG = "northgate-trust"

# (username, display name, school slug or None for trust level, roles, directory person id)
DEMO_USERS: list[tuple[str, str, str | None, list[str], str | None]] = [
    ("head", "Helen Carter (Headteacher)", "oakfield", [Role.HEADTEACHER, Role.LINE_MANAGER], "S201"),
    ("dsl", "David Okafor (DSL)", "oakfield", [Role.DSL, Role.STAFF], "S202"),
    ("deputy-dsl", "Rachel Green (Deputy DSL)", "oakfield", [Role.DEPUTY_DSL, Role.STAFF], "S203"),
    ("hr", "Hannah Reid (HR)", "oakfield", [Role.HR], None),
    ("manager", "Gareth Lloyd (Line manager)", "oakfield", [Role.LINE_MANAGER, Role.STAFF], "S204"),
    ("comms", "Chris Mills (Communications manager)", "oakfield", [Role.COMMUNICATIONS_MANAGER, Role.STAFF], None),
    ("siteadmin", "Sam Adeyemi (Site administrator)", "oakfield", [Role.SITE_ADMINISTRATOR, Role.STAFF], None),
    ("moderator", "Aga Kowalska (Moderator)", "oakfield", [Role.MODERATOR, Role.STAFF], "S205"),
    ("moderator2", "Mo Patel (Moderator)", "oakfield", [Role.MODERATOR, Role.STAFF], None),
    ("teacher", "Tom Baker (Teacher)", "oakfield", [Role.STAFF], None),
    ("governor", "Rajesh Sharma (Governor)", "oakfield", [Role.GOVERNOR], "G302"),
    ("chair", "Margaret Ellis (Chair of governors)", "oakfield", [Role.CHAIR_OF_GOVERNORS, Role.GOVERNOR], "G301"),
    ("volunteer", "Bernadette Walsh (Volunteer)", "oakfield", [Role.VOLUNTEER], "V401"),
    ("contractor", "Steven Marsh (Contractor)", "oakfield", [Role.CONTRACTOR], "K501"),
    ("parent", "Priya Patel (Parent)", "oakfield", [Role.PARENT], "C101"),
    ("pupil", "Ruby Patel (Pupil, Year 6)", "oakfield", [Role.PUPIL], "P001"),
    ("brookside-head", "Mohammed Ali (Headteacher, Brookside)", "brookside", [Role.HEADTEACHER, Role.DSL], "BS01"),
    ("brookside-teacher", "Catrin Morgan (Teacher, Brookside)", "brookside", [Role.STAFF], "BS02"),
    ("trust", "Jo Whitfield (Trust central team)", None, [Role.TRUST_ADMIN], None),
]

SCHOOLS = [("oakfield", "walsall", {"it_use": "strict"}), ("brookside", "bitterne-park", {})]


def demo_loaded() -> bool:
    return Organisation.objects.filter(slug=ORG_SLUG).exists()


def load_demo() -> None:
    """Create (or refresh) the demo trust. Safe to run more than once.

    The workflow e-mails that building the demo sends (site approvals) are not sent anywhere.
    """
    from django.conf import settings

    backend = settings.EMAIL_BACKEND
    settings.EMAIL_BACKEND = "django.core.mail.backends.dummy.EmailBackend"
    try:
        _load_demo()
    finally:
        settings.EMAIL_BACKEND = backend


@transaction.atomic
def _load_demo() -> None:
    from safesocial.policies.models import PolicyVersion
    from safesocial.policies.services import policy_adopt, policy_publish

    for pack_id in builtin_pack_ids():
        load_pack(pack_id)  # validates every shipped pack
    org, _ = Organisation.objects.get_or_create(
        slug=ORG_SLUG, defaults={"name": "Northgate Learning Trust", "kind": Organisation.Kind.TRUST}
    )
    root = resources.files("safesocial.demo")
    schools = {}
    for slug, _pack, _choices in SCHOOLS:
        with resources.as_file(root / slug) as path:
            directory = load_directory(path)
        school, _ = School.objects.get_or_create(
            slug=slug, defaults={"organisation": org, "name": directory.school.name, "website": directory.school.website}
        )
        import_directory(school=school, directory=directory, actor_label="demo")
        schools[slug] = school

    users = {}
    for username, display, school_slug, roles, person_id in DEMO_USERS:
        first, _, rest = display.partition(" ")
        user, created = User.objects.get_or_create(
            username=username,
            defaults={"display_name": display, "first_name": first, "last_name": rest.split(" (")[0],
                      "email": f"{username}@demo.safesocial.invalid"},
        )
        if created:
            user.set_password(DEMO_PASSWORD)
        if person_id and school_slug:
            user.person = Person.objects.filter(school=schools[school_slug], external_id=person_id).first()
        user.save()
        for role in roles:
            if school_slug:
                RoleAssignment.objects.get_or_create(user=user, role=role, school=schools[school_slug])
            else:
                RoleAssignment.objects.get_or_create(user=user, role=role, organisation=org)
        users[username] = user
    # The headteacher line-manages the teacher and the site administrator; the manager the moderators.
    head_lm = RoleAssignment.objects.get(user=users["head"], role=Role.LINE_MANAGER, school=schools["oakfield"])
    head_lm.manages.add(users["teacher"], users["siteadmin"], users["comms"], users["dsl"])
    mgr_lm = RoleAssignment.objects.get(user=users["manager"], role=Role.LINE_MANAGER, school=schools["oakfield"])
    mgr_lm.manages.add(users["moderator"], users["moderator2"], users["deputy-dsl"], users["teacher"])

    today = timezone.localdate()
    start = date(today.year if today.month >= 9 else today.year - 1, 9, 1)
    for slug, pack_id, choices in SCHOOLS:
        school = schools[slug]
        if PolicyVersion.objects.filter(school=school).exists():
            continue
        actor = users["head"] if slug == "oakfield" else users["brookside-head"]
        version = policy_adopt(
            school=school, pack_id=pack_id, label=f"{start.year}.1", effective_from=start,
            owner="Headteacher", choices=choices, ratified_by="Full governing board", ratified_on=start,
            next_review=start.replace(year=start.year + 1), actor=actor,
        )
        policy_publish(version=version, actor=actor)
    from safesocial.sites.demo import create_demo_site

    create_demo_site()


def print_logins() -> None:
    print("Demo trust: Northgate Learning Trust (Oakfield Primary School, Brookside Primary Academy)")
    print(f"Demo logins (password for all: {DEMO_PASSWORD}):")
    for username, display, school_slug, _roles, _pid in DEMO_USERS:
        where = school_slug or "trust"
        print(f"  {username:18} {display} [{where}]")
