"""Reads for policies, with permission checks."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

from django.db.models import Q, QuerySet
from django.utils import timezone

from safesocial.accounts.models import RoleAssignment, User
from safesocial.accounts.permissions import require_perm, roles_at, schools_for
from safesocial.accounts.roles import ROLE_AUDIENCE
from safesocial.engine.packs import load_pack
from safesocial.people.models import School

from .models import Acknowledgement, PolicyVersion

IMMUTABLE = (PolicyVersion.Status.PUBLISHED, PolicyVersion.Status.SUPERSEDED)


def version_in_force(*, school: School, at: date | datetime | None = None) -> PolicyVersion | None:
    """The version a school had in force at time ``at`` (default now): one call."""
    if at is None:
        at = timezone.localdate()
    if isinstance(at, datetime):
        at = timezone.localtime(at).date() if timezone.is_aware(at) else at.date()
    return (
        PolicyVersion.objects.filter(school=school, status__in=IMMUTABLE, effective_from__lte=at)
        .filter(Q(published_at__date__lte=at) | Q(effective_from__lte=at))
        .order_by("-effective_from", "-published_at")
        .first()
    )


def bound_audiences(version: PolicyVersion) -> set[str]:
    pack = load_pack(version.pack_id)
    return set(pack.binds)


def binds_user(*, version: PolicyVersion, user: User) -> bool:
    audiences = bound_audiences(version)
    return any(ROLE_AUDIENCE.get(role) in audiences for role in roles_at(user, version.school))


def bound_users(*, version: PolicyVersion) -> QuerySet[User]:
    audiences = bound_audiences(version)
    roles = [role for role, audience in ROLE_AUDIENCE.items() if audience in audiences]
    assignments = RoleAssignment.objects.filter(active=True, role__in=roles).filter(
        Q(school=version.school) | Q(organisation=version.school.organisation_id)
    )
    return User.objects.filter(is_active=True, pk__in=assignments.values("user_id")).order_by("last_name", "username")


def unacknowledged_users(*, version: PolicyVersion) -> QuerySet[User]:
    return bound_users(version=version).exclude(acknowledgements__version=version)


def reviewers_for(*, version: PolicyVersion, roles: Iterable[str]) -> QuerySet[User]:
    assignments = RoleAssignment.objects.filter(active=True, role__in=list(roles), school=version.school)
    return User.objects.filter(is_active=True, pk__in=assignments.values("user_id"))


def pending_acknowledgement_for(*, user: User) -> PolicyVersion | None:
    """The first version in force at one of the user's schools that binds them and they have not acknowledged."""
    for school in schools_for(user):
        version = PolicyVersion.objects.filter(school=school, status=PolicyVersion.Status.PUBLISHED).first()
        if version is None or version.effective_from > timezone.localdate():
            continue
        if binds_user(version=version, user=user) and not Acknowledgement.objects.filter(version=version, user=user).exists():
            return version
    return None


def versions_visible_to(*, user: User) -> QuerySet[PolicyVersion]:
    """Every person with a role at a school may read its published policy; drafts need policies.adopt."""
    schools = schools_for(user)
    adopt_schools = {s.pk for s in schools_for(user, "policies.adopt")}
    return (
        PolicyVersion.objects.filter(school__in=schools)
        .filter(Q(status__in=IMMUTABLE) | Q(school__in=adopt_schools))
        .select_related("school")
    )


def access_version(*, user: User, version_id: int) -> PolicyVersion:
    return versions_visible_to(user=user).get(pk=version_id)


def acknowledgement_dashboard(*, user: User, school: School | None = None) -> list[dict[str, Any]]:
    """Per school: the version in force, how many it binds, who has and has not acknowledged."""
    schools = [school] if school else schools_for(user, "policies.view_acknowledgements")
    rows = []
    for s in schools:
        require_perm(user, "policies.view_acknowledgements", s)
        version = PolicyVersion.objects.filter(school=s, status=PolicyVersion.Status.PUBLISHED).first()
        if version is None:
            rows.append({"school": s, "version": None, "bound": 0, "acknowledged": [], "outstanding": []})
            continue
        bound = list(bound_users(version=version))
        acks = {a.user_id: a for a in Acknowledgement.objects.filter(version=version)}
        rows.append({
            "school": s,
            "version": version,
            "bound": len(bound),
            "acknowledged": [(u, acks[u.pk]) for u in bound if u.pk in acks],
            "outstanding": [u for u in bound if u.pk not in acks],
        })
    return rows
