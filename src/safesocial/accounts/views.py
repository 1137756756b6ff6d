from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from .models import RoleAssignment
from .permissions import has_perm, roles_at, schools_for
from .roles import Role

# Roles that reports are routed to: a school without one of them would leave reports unhandled.
ROUTING_ROLES = (Role.HEADTEACHER, Role.DSL, Role.CHAIR_OF_GOVERNORS, Role.HR)


def missing_routing_roles(school) -> list[str]:  # type: ignore[no-untyped-def]
    held = set(
        RoleAssignment.objects.filter(active=True, user__is_active=True, school=school).values_list("role", flat=True)
    )
    return [Role(r).label for r in ROUTING_ROLES if r not in held]


@login_required
def home(request: HttpRequest) -> HttpResponse:
    from safesocial.policies.selectors import version_in_force

    schools = []
    for school in schools_for(request.user):
        schools.append({
            "school": school,
            "roles": sorted(roles_at(request.user, school)),
            "version": version_in_force(school=school),
            "missing_roles": missing_routing_roles(school) if has_perm(request.user, "policies.adopt", school) else [],
        })
    return render(request, "accounts/home.html", {"schools": schools})
