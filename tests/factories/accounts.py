from __future__ import annotations

from typing import Any

import factory

from safesocial.accounts.models import RoleAssignment, User


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.org")
    display_name = factory.LazyAttribute(lambda o: o.username.title())
    password = factory.django.Password("correct-horse-battery")


def user_with_roles(*roles: str, school: Any = None, organisation: Any = None, **kwargs: Any) -> User:
    """A user holding ``roles`` at ``school`` (or across ``organisation``)."""
    user = UserFactory(**kwargs)
    for role in roles:
        RoleAssignment.objects.create(user=user, role=role, school=school, organisation=organisation)
    return user
