"""Reads for sites, with permission checks. Views never fetch a site or an item directly."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.utils import timezone

from safesocial.accounts.models import RoleAssignment, User
from safesocial.accounts.permissions import has_perm, schools_for
from safesocial.accounts.roles import PERMISSIONS, ROLE_AUDIENCE, Role
from safesocial.audit.services import record
from safesocial.people.models import School

from .models import ModerationItem, Site, SiteMember, SiteRequest

# Who may be an administrator or moderator (Walsall 16.1): school employees, and other people the
# school has authorised by giving them the site administrator or moderator role.
TEAM_ROLES = frozenset(role for role, audience in ROLE_AUDIENCE.items() if audience == "staff") | {
    Role.SITE_ADMINISTRATOR,
    Role.MODERATOR,
}
SITE_VIEW_PERMS = (
    "sites.view_register",
    "sites.approve_line_manager",
    "sites.approve_communications",
    "sites.approve_headteacher",
    "sites.manage_all",
    "sites.handle_escalations",
)


def _assignments_at(school: School) -> QuerySet[RoleAssignment]:
    return RoleAssignment.objects.filter(active=True).filter(
        Q(school=school) | Q(organisation_id=school.organisation_id)
    )


def users_with_perm(*, school: School, perm: str) -> QuerySet[User]:
    roles = list(PERMISSIONS[perm])
    ids = _assignments_at(school).filter(role__in=roles).values("user_id")
    return User.objects.filter(is_active=True, pk__in=ids).order_by("display_name", "username")


def eligible_team(*, school: School, on: date | None = None) -> QuerySet[User]:
    """People who may administer or moderate a site of this school today (staff or authorised)."""
    on = on or timezone.localdate()
    ids = _assignments_at(school).filter(role__in=list(TEAM_ROLES)).values("user_id")
    return (
        User.objects.filter(is_active=True, pk__in=ids)
        .exclude(person__leaving_date__lte=on)
        .order_by("display_name", "username")
    )


def line_managers_for(*, school: School, author: User) -> list[User]:
    """Who may sign as the author's line manager: their recorded managers first, then other managers."""
    candidates = list(users_with_perm(school=school, perm="sites.approve_line_manager").exclude(pk=author.pk))
    own = set(
        RoleAssignment.objects.filter(active=True, role=Role.LINE_MANAGER, manages=author).values_list(
            "user_id", flat=True
        )
    )
    return sorted(candidates, key=lambda u: (u.pk not in own, str(u)))


def members(site: Site, role: str) -> list[SiteMember]:
    return [m for m in site.members.select_related("user", "user__person").all() if m.role == role]


def is_active_member(member: SiteMember, *, eligible_ids: set[int], on: date) -> bool:
    return member.user_id in eligible_ids and (member.away_until is None or member.away_until < on)


def active_moderators(site: Site, *, on: date | None = None) -> list[SiteMember]:
    """Moderators who count as cover today: still at the school, active, not away (Walsall 18.4)."""
    on = on or timezone.localdate()
    eligible_ids = set(eligible_team(school=site.school, on=on).values_list("pk", flat=True))
    return [
        m for m in members(site, SiteMember.Role.MODERATOR) if is_active_member(m, eligible_ids=eligible_ids, on=on)
    ]


def is_site_moderator(*, user: Any, site: Site, on: date | None = None) -> bool:
    """An active moderator or administrator of this site (administrators moderate too, 18.4)."""
    if not getattr(user, "is_authenticated", False):
        return False
    on = on or timezone.localdate()
    rows = [m for m in site.members.filter(user=user) if m.away_until is None or m.away_until < on]
    return bool(rows) and eligible_team(school=site.school, on=on).filter(pk=user.pk).exists()


def is_site_manager(*, user: Any, site: Site) -> bool:
    """The author, an administrator of the site, or the headteacher."""
    if not getattr(user, "is_authenticated", False):
        return False
    return (
        site.author_id == user.pk
        or site.members.filter(user=user, role=SiteMember.Role.ADMINISTRATOR).exists()
        or has_perm(user, "sites.manage_all", site.school)
    )


def can_view_site(*, user: Any, site: Site) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    if site.author_id == user.pk or site.line_manager_id == user.pk or site.members.filter(user=user).exists():
        return True
    return any(has_perm(user, perm, site.school) for perm in SITE_VIEW_PERMS)


def access_site(*, user: Any, site_id: int) -> Site:
    """The site if the user may see it; Site.DoesNotExist otherwise (the view answers 404)."""
    site = Site.objects.select_related("school", "author", "line_manager").get(pk=site_id)
    if not can_view_site(user=user, site=site):
        raise Site.DoesNotExist
    return site


def register_for(*, user: User) -> QuerySet[Site]:
    """The register: approved, live and closed sites of the schools where the user may see it, and
    the sites the user runs."""
    schools = schools_for(user, "sites.view_register")
    return (
        Site.objects.filter(status__in=Site.IN_REGISTER)
        .filter(Q(school__in=schools) | Q(author=user) | Q(members__user=user))
        .distinct()
        .select_related("school")
        .prefetch_related("members__user")
        .order_by("school__name", "status", "closure_date", "name")
    )


def requests_by(*, user: User) -> QuerySet[Site]:
    return Site.objects.filter(author=user).exclude(status__in=Site.IN_REGISTER).select_related("school")


def awaiting_decision_by(*, user: User) -> list[Site]:
    """Requests at an approval step this user may decide (never their own)."""
    out: list[Site] = []
    schools = {
        s.pk
        for perm in ("sites.approve_line_manager", "sites.approve_communications", "sites.approve_headteacher")
        for s in schools_for(user, perm)
    }
    qs = (
        Site.objects.filter(status__in=list(Site.APPROVAL_STEP), school__in=schools)
        .exclude(author=user)
        .select_related("school")
    )
    for site in qs:
        step = site.approval_step
        if (
            (
                step == "line_manager"
                and site.line_manager_id == user.pk
                and has_perm(user, "sites.approve_line_manager", site.school)
            )
            or (step == "communications" and has_perm(user, "sites.approve_communications", site.school))
            or (step == "headteacher" and has_perm(user, "sites.approve_headteacher", site.school))
        ):
            out.append(site)
    return out


def moderated_by(*, user: User) -> QuerySet[Site]:
    return Site.objects.filter(members__user=user, status__in=[Site.Status.LIVE, Site.Status.APPROVED]).distinct()


def queue_for(*, user: Any, site: Site) -> dict[str, list[ModerationItem]]:
    """The moderation queue of one site, for its own moderators only."""
    if not is_site_moderator(user=user, site=site):
        raise PermissionDenied("Only this site's moderators and administrators can see its moderation queue.")
    items = ModerationItem.objects.filter(site=site).select_related("claimed_by", "decided_by")
    return {
        "open": list(items.filter(status__in=ModerationItem.OPEN).order_by("-urgent", "received_at", "id")),
        "with_dsl": list(items.filter(status=ModerationItem.Status.ESCALATED).order_by("-received_at")),
        "hidden": list(items.filter(status__in=ModerationItem.HIDDEN).order_by("-received_at")),
        "decided": list(
            items.filter(
                status__in=[ModerationItem.Status.APPROVED, ModerationItem.Status.REMOVED, ModerationItem.Status.CLOSED]
            ).order_by("-decided_at")[:25]
        ),
    }


def access_item(*, user: Any, site: Site, item_id: int) -> ModerationItem:
    """An item of this site, for its moderators or the school's DSL; 404 for anyone else."""
    item = ModerationItem.objects.select_related("site", "site__school", "claimed_by").get(pk=item_id, site=site)
    if is_site_moderator(user=user, site=site) or has_perm(user, "sites.handle_escalations", site.school):
        return item
    raise ModerationItem.DoesNotExist


def access_sealed_content(*, user: Any, item: ModerationItem) -> str:
    """The hidden text of an item routed to the police/CEOP step: the DSL only, every read audited;
    a refused attempt is audited too."""
    school = item.site.school
    if not item.hidden:
        return item.text
    if not has_perm(user, "sites.handle_escalations", school):
        record(
            action="site.content_refused",
            actor=user,
            school=school,
            subject=item,
            data={"site": item.site_id, "status": item.status},
        )
        raise PermissionDenied(
            "The content of this item is hidden: it has been routed to the police or CEOP (Walsall 18.6). "
            "Only the designated safeguarding lead can open it, and this attempt has been recorded."
        )
    record(
        action="site.content_viewed",
        actor=user,
        school=school,
        subject=item,
        data={"site": item.site_id, "status": item.status},
    )
    return item.sealed.text


def escalations_for(*, user: User) -> QuerySet[ModerationItem]:
    schools = schools_for(user, "sites.handle_escalations")
    return (
        ModerationItem.objects.filter(site__school__in=schools)
        .filter(status__in=[ModerationItem.Status.ESCALATED, ModerationItem.Status.POLICE_REFERRAL])
        .select_related("site", "site__school")
        .order_by("-urgent", "received_at")
    )


def pending_requests_for(*, user: User) -> QuerySet[SiteRequest]:
    schools = schools_for(user, "sites.approve_headteacher")
    return (
        SiteRequest.objects.filter(site__school__in=schools, status=SiteRequest.Status.PENDING)
        .exclude(requested_by=user)
        .select_related("site", "requested_by")
    )


def access_request(*, user: Any, site: Site, request_id: int) -> SiteRequest:
    return SiteRequest.objects.select_related("site", "requested_by").get(pk=request_id, site=site)
