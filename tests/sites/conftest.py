"""Fixtures for the sites tests: a school with a team for every step, and a valid approval form."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from safesocial.accounts.models import RoleAssignment
from safesocial.accounts.roles import Role
from safesocial.sites import services
from safesocial.sites.models import Site
from tests.factories.accounts import user_with_roles


class Team(dict):
    def __getattr__(self, name: str) -> Any:
        return self[name]


@pytest.fixture
def team(school):
    """Everyone a site needs at one school (the line manager manages the author)."""
    t = Team(
        author=user_with_roles(Role.STAFF, school=school, username="author", display_name="Ann Author"),
        manager=user_with_roles(
            Role.LINE_MANAGER, Role.STAFF, school=school, username="manager", display_name="Max Manager"
        ),
        comms=user_with_roles(
            Role.COMMUNICATIONS_MANAGER, Role.STAFF, school=school, username="comms", display_name="Cat Comms"
        ),
        head=user_with_roles(Role.HEADTEACHER, school=school, username="head", display_name="Hal Head"),
        admin1=user_with_roles(
            Role.SITE_ADMINISTRATOR, Role.STAFF, school=school, username="admin1", display_name="Ada Admin"
        ),
        admin2=user_with_roles(Role.STAFF, school=school, username="admin2", display_name="Abe Admin"),
        mod1=user_with_roles(Role.MODERATOR, Role.STAFF, school=school, username="mod1", display_name="Mo One"),
        mod2=user_with_roles(Role.MODERATOR, Role.STAFF, school=school, username="mod2", display_name="Mo Two"),
        mod3=user_with_roles(Role.STAFF, school=school, username="mod3", display_name="Mo Three"),
        dsl=user_with_roles(Role.DSL, Role.STAFF, school=school, username="dsl", display_name="Di Dsl"),
        parent=user_with_roles(Role.PARENT, school=school, username="parent", display_name="Pat Parent"),
        governor=user_with_roles(Role.GOVERNOR, school=school, username="governor", display_name="Gil Governor"),
    )
    RoleAssignment.objects.get(user=t.manager, role=Role.LINE_MANAGER).manages.add(t.author)
    return t


@pytest.fixture
def details(team):
    """A factory of valid approval forms; keyword arguments override fields."""

    def make(**overrides: Any) -> services.SiteDetails:
        today = timezone.localdate()
        values: dict[str, Any] = {
            "name": "Year 6 trip blog",
            "department": "Year 6",
            "line_manager": team.manager,
            "aims": "Share the residential trip with families.",
            "content": "Daily posts and photos of activities (no faces of pupils).",
            "audience": ["staff", "families"],
            "contributors": ["staff"],
            "administrators": [team.admin1, team.admin2],
            "moderators": [team.mod1, team.mod2],
            "hosting": "school",
            "go_live_date": today,
            "closure_date": today + timedelta(days=60),
            "security_measures": "Private site; families sign in with school accounts.",
            "house_rules": "Be kind and respectful.\nNo names or photos of pupils.\nNo advertising.",
            "terms_of_use": "Posts are moderated before they appear.",
            "platform_minimum_age": 0,
        }
        values.update(overrides)
        return services.SiteDetails(**values)

    return make


@pytest.fixture
def walk(team):
    """Take a site through the workflow up to ``until`` (a Site.Status value)."""

    order = [
        ("submit", "author", Site.Status.SUBMITTED),
        ("approve", "manager", Site.Status.LINE_MANAGER_APPROVED),
        ("approve", "comms", Site.Status.COMMUNICATIONS_APPROVED),
        ("approve", "head", Site.Status.APPROVED),
        ("go_live", "admin1", Site.Status.LIVE),
    ]

    def go(site: Site, until: str) -> Site:
        reached_statuses = [Site.Status.DRAFT] + [reached for _, _, reached in order]
        start = reached_statuses.index(site.status) if site.status in reached_statuses else 0
        for action, who, _reached in order[start:]:
            if site.status == until:
                break
            site = services.site_transition(site=site, action=action, actor=team[who])
        return site

    return go


@pytest.fixture
def site(school, team, details):
    return services.site_create(school=school, details=details(), actor=team.author)


def snapshot(obj: Any) -> dict[str, Any]:
    """Every field of a row, fresh from the database (for "nothing changed" assertions)."""
    from django.forms.models import model_to_dict

    fresh = type(obj).objects.get(pk=obj.pk)
    return model_to_dict(fresh)
