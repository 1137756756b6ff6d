"""Adopted policy versions, acknowledgements, reviews and reminders.

A school adopts a policy pack as a PolicyVersion (options chosen, placeholders filled). Once
published a version is immutable: it keeps a snapshot of the pack it was made from, so later changes
to the pack files never change what a school had in force. A new version supersedes the old one.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q


class PolicyVersion(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"  # being prepared; editable; binds nobody
        PUBLISHED = "published", "Published"  # in force from effective_from; immutable
        SUPERSEDED = "superseded", "Superseded"  # replaced by a newer published version; immutable

    TRANSITIONS: dict[str, frozenset[str]] = {
        Status.DRAFT: frozenset({Status.PUBLISHED}),
        Status.PUBLISHED: frozenset({Status.SUPERSEDED}),
        Status.SUPERSEDED: frozenset(),
    }

    school = models.ForeignKey("people.School", on_delete=models.PROTECT, related_name="policy_versions")
    pack_id = models.CharField(max_length=60)
    pack_version = models.CharField(max_length=20)
    pack_sha256 = models.CharField(max_length=64)
    pack_snapshot = models.JSONField(default=dict)  # the pack's clauses as adopted
    label = models.CharField(max_length=40)  # e.g. "2026.1"
    title = models.CharField(max_length=250)
    choices = models.JSONField(default=dict, blank=True)
    values = models.JSONField(default=dict, blank=True)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.DRAFT)
    effective_from = models.DateField()
    owner = models.CharField(max_length=200)
    next_review = models.DateField()
    ratified_by = models.CharField(max_length=200, blank=True)
    ratified_on = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField()
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    published_at = models.DateTimeField(null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    supersedes = models.OneToOneField(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="superseded_by"
    )

    class Meta:
        ordering = ["school", "-effective_from", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["school", "label"], name="version_label_unique_per_school"),
            models.UniqueConstraint(
                fields=["school"], condition=Q(status="published"), name="one_published_version_per_school"
            ),
            models.CheckConstraint(
                condition=Q(status="draft") | Q(published_at__isnull=False), name="published_has_timestamp"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.school} — {self.title} v{self.label}"

    @property
    def is_immutable(self) -> bool:
        return self.status != self.Status.DRAFT


class Acknowledgement(models.Model):
    STATEMENT = "I have read and understood and agree to comply with the Social Networking Policy."

    version = models.ForeignKey(PolicyVersion, on_delete=models.PROTECT, related_name="acknowledgements")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="acknowledgements")
    at = models.DateTimeField()
    statement = models.CharField(max_length=300)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["version", "user"], name="one_acknowledgement_per_version")]


class PolicyReview(models.Model):
    class Outcome(models.TextChoices):
        NO_CHANGE = "no_change", "Reviewed: no change needed"
        MINOR = "minor_changes", "Reviewed: minor changes in a new version"
        MAJOR = "major_revision", "Reviewed: major revision required"

    version = models.ForeignKey(PolicyVersion, on_delete=models.PROTECT, related_name="reviews")
    reviewed_on = models.DateField()
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    reviewed_by_body = models.CharField(max_length=200, blank=True)  # e.g. "Full governing board"
    outcome = models.CharField(max_length=20, choices=Outcome.choices)
    changes = models.TextField(blank=True)
    next_review = models.DateField()
    recorded_at = models.DateTimeField()


class ReminderSent(models.Model):
    """One reminder e-mail sent, so reminders are not repeated more often than their interval."""

    class Kind(models.TextChoices):
        ACKNOWLEDGE = "acknowledge", "Acknowledge the policy"
        REVIEW_DUE = "review_due", "Review due soon"
        REVIEW_OVERDUE = "review_overdue", "Review overdue"

    kind = models.CharField(max_length=20, choices=Kind.choices)
    version = models.ForeignKey(PolicyVersion, on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    sent_at = models.DateTimeField()
