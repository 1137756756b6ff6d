from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from .permissions import roles_at, schools_for


@login_required
def home(request: HttpRequest) -> HttpResponse:
    from safesocial.policies.selectors import version_in_force

    schools = []
    for school in schools_for(request.user):
        schools.append({
            "school": school,
            "roles": sorted(roles_at(request.user, school)),
            "version": version_in_force(school=school),
        })
    return render(request, "accounts/home.html", {"schools": schools})
