"""Fixtures of the checker tests: the demo trust with its policy acknowledged, API clients, tokens."""

from __future__ import annotations

import pytest
from django.test import Client

from safesocial.checker import judging


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Each test builds its engine inputs from its own database."""
    judging.clear_cache()
    yield
    judging.clear_cache()


@pytest.fixture
def oakfield(demo):
    """The demo trust; everyone bound by a policy in force has acknowledged it (so pages are not redirected)."""
    from django.utils import timezone

    from safesocial.accounts.models import User
    from safesocial.policies.models import Acknowledgement
    from safesocial.policies.selectors import bound_users, version_in_force

    for school in demo.values():
        version = version_in_force(school=school)
        for user in bound_users(version=version):
            Acknowledgement.objects.get_or_create(
                version=version, user=user, defaults={"at": timezone.now(), "statement": Acknowledgement.STATEMENT}
            )
    assert User.objects.filter(username="teacher").exists()
    return demo["oakfield"]


@pytest.fixture
def signed_in():
    """A test client signed in as a demo user (CSRF checks off, as for any Django test client)."""
    from safesocial.accounts.models import User

    def _signed_in(username: str, *, enforce_csrf: bool = False) -> Client:
        client = Client(enforce_csrf_checks=enforce_csrf)
        client.force_login(User.objects.get(username=username))
        return client

    return _signed_in


@pytest.fixture
def make_token():
    from safesocial.accounts.models import User
    from safesocial.checker.services import token_create

    def _make_token(username: str, school, name: str = "integration"):
        user = User.objects.get(username=username)
        return token_create(user=user, school=school, name=name, actor=user)

    return _make_token


def row_counts() -> dict[str, int]:
    """Rows in every table of the project's models: a check must leave them all unchanged."""
    from django.apps import apps
    from django.db import connection

    tables = set(connection.introspection.table_names())
    return {
        m._meta.label: m.objects.count()
        for m in apps.get_models()
        if not m._meta.proxy and m._meta.db_table in tables  # other apps' models may await their migrations
    }
