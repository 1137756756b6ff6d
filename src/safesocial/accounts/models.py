"""Users and their roles per school or per organisation."""

from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models import Q

from .roles import Role


class User(AbstractUser):
    """A person who signs in. Linked to their directory record where the school has one."""

    person = models.ForeignKey(
        "people.Person", null=True, blank=True, on_delete=models.SET_NULL, related_name="accounts"
    )
    display_name = models.CharField(max_length=200, blank=True)

    def __str__(self) -> str:
        return self.display_name or self.get_full_name() or self.username


class RoleAssignment(models.Model):
    """A role held at one school, or across every school of an organisation (never both)."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="role_assignments")
    role = models.CharField(max_length=40, choices=Role.choices)
    school = models.ForeignKey("people.School", null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    organisation = models.ForeignKey(
        "people.Organisation", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    active = models.BooleanField(default=True)
    # For line managers: whom they manage (site approvals route to the requester's line manager).
    manages = models.ManyToManyField(User, blank=True, related_name="line_managers")

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=(Q(school__isnull=False) & Q(organisation__isnull=True))
                | (Q(school__isnull=True) & Q(organisation__isnull=False)),
                name="role_scope_is_school_xor_organisation",
            ),
            models.UniqueConstraint(fields=["user", "role", "school"], condition=Q(school__isnull=False), name="one_role_per_school"),
            models.UniqueConstraint(
                fields=["user", "role", "organisation"], condition=Q(organisation__isnull=False), name="one_role_per_org"
            ),
        ]

    def __str__(self) -> str:
        where = self.school or self.organisation
        return f"{self.user} — {self.get_role_display()} at {where}"
