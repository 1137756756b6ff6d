"""Permission checks: one place that answers "may this user do this at this school?"."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied
from django.db.models import Q

from .roles import PERMISSIONS

if TYPE_CHECKING:
    from safesocial.people.models import School

    from .models import User


def roles_at(user: User, school: School) -> set[str]:
    """The roles a user holds at a school, directly or through the school's organisation."""
    if not user.is_authenticated:
        return set()
    cache = getattr(user, "_roles_cache", None)
    if cache is None:
        cache = {}
        user._roles_cache = cache  # type: ignore[attr-defined]
    if school.pk not in cache:
        from .models import RoleAssignment

        rows = RoleAssignment.objects.filter(user=user, active=True).filter(
            Q(school_id=school.pk) | Q(organisation_id=school.organisation_id)
        )
        cache[school.pk] = set(rows.values_list("role", flat=True))
    return set(cache[school.pk])


def has_perm(user: User, perm: str, school: School) -> bool:
    if perm not in PERMISSIONS:
        raise KeyError(f"unknown permission {perm!r}")
    if getattr(user, "is_superuser", False):
        return True
    return bool(roles_at(user, school) & PERMISSIONS[perm])


def require_perm(user: User, perm: str, school: School) -> None:
    if not has_perm(user, perm, school):
        raise PermissionDenied(f"You do not have permission for this ({perm}) at {school}.")


def schools_for(user: User, perm: str | None = None) -> list[School]:
    """Schools where the user holds any role (or the given permission)."""
    from safesocial.people.models import School

    from .models import RoleAssignment

    if not user.is_authenticated:
        return []
    qs = RoleAssignment.objects.filter(user=user, active=True)
    if perm is not None and not user.is_superuser:
        qs = qs.filter(role__in=PERMISSIONS[perm])
    school_ids = {r.school_id for r in qs if r.school_id}
    org_ids = {r.organisation_id for r in qs if r.organisation_id}
    if user.is_superuser and perm is not None:
        return list(School.objects.all())
    return list(School.objects.filter(Q(pk__in=school_ids) | Q(organisation_id__in=org_ids)))
