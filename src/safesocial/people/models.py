"""Organisations, schools and the people a school's directory holds."""

from __future__ import annotations

from datetime import date

from django.db import models
from django.db.models import Q


class Organisation(models.Model):
    class Kind(models.TextChoices):
        TRUST = "trust", "Multi-academy trust"
        FEDERATION = "federation", "Federation"
        LOCAL_AUTHORITY = "local_authority", "Local authority"

    name = models.CharField(max_length=200)
    slug = models.SlugField(unique=True)
    kind = models.CharField(max_length=20, choices=Kind.choices)

    def __str__(self) -> str:
        return self.name


class School(models.Model):
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="schools")
    name = models.CharField(max_length=200)
    slug = models.SlugField(unique=True)
    aliases = models.JSONField(default=list, blank=True)
    email_domains = models.JSONField(default=list, blank=True)
    website = models.URLField(blank=True)
    social_accounts = models.JSONField(default=list, blank=True)  # ["instagram:handle", ...]
    logo = models.ImageField(upload_to="logos/", blank=True)
    # Monitoring configuration: working hours and official breaks per weekday, set by the school.
    working_hours = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Person(models.Model):
    """Someone in a school's directory (from the MIS). Never deleted by an import."""

    class Role(models.TextChoices):
        PUPIL = "pupil", "Pupil"
        STAFF = "staff", "Staff"
        CONTACT = "contact", "Parent, carer or other contact"
        GOVERNOR = "governor", "Governor"
        VOLUNTEER = "volunteer", "Volunteer"
        CONTRACTOR = "contractor", "Contractor"

    school = models.ForeignKey(School, on_delete=models.PROTECT, related_name="people")
    external_id = models.CharField(max_length=64)  # the MIS person_id
    role = models.CharField(max_length=20, choices=Role.choices)
    upn = models.CharField(max_length=13, blank=True)
    legal_forename = models.CharField(max_length=100)
    legal_surname = models.CharField(max_length=100)
    preferred_forename = models.CharField(max_length=100, blank=True)
    preferred_surname = models.CharField(max_length=100, blank=True)
    former_surname = models.CharField(max_length=100, blank=True)
    dob = models.DateField(null=True, blank=True)
    year_group = models.CharField(max_length=3, blank=True)
    admission_date = models.DateField(null=True, blank=True)
    leaving_date = models.DateField(null=True, blank=True)
    email = models.EmailField(blank=True)
    mobile = models.CharField(max_length=40, blank=True)
    handles = models.JSONField(default=list, blank=True)  # ["instagram:handle", ...]
    imported_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["legal_surname", "legal_forename"]
        constraints = [
            models.UniqueConstraint(fields=["school", "external_id"], name="person_unique_mis_id_per_school"),
            models.CheckConstraint(condition=~Q(role="pupil") | ~Q(upn=""), name="pupil_has_upn"),
        ]

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        return f"{self.preferred_forename or self.legal_forename} {self.preferred_surname or self.legal_surname}"

    def on_roll(self, on: date | None = None) -> bool:
        from django.utils import timezone

        on = on or timezone.localdate()
        return self.role == "pupil" and (self.leaving_date is None or self.leaving_date > on)


class PersonLink(models.Model):
    """A contact-pupil link from relationships.csv. Siblings share a contact with parental responsibility."""

    contact = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="links_as_contact")
    pupil = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="links_as_pupil")
    relationship = models.CharField(max_length=60, blank=True)
    parental_responsibility = models.BooleanField(default=False)
    priority = models.PositiveSmallIntegerField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["contact", "pupil"], name="one_link_per_contact_pupil")]


class DirectoryImport(models.Model):
    """A record of one import (counts only: no personal data)."""

    school = models.ForeignKey(School, on_delete=models.PROTECT, related_name="imports")
    at = models.DateTimeField()
    by_label = models.CharField(max_length=200)
    created = models.PositiveIntegerField(default=0)
    updated = models.PositiveIntegerField(default=0)
    unchanged = models.PositiveIntegerField(default=0)
    leavers = models.PositiveIntegerField(default=0)
    links = models.PositiveIntegerField(default=0)
    warnings = models.JSONField(default=list, blank=True)
