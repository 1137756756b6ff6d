"""The connection audit: audits (counts and a verdict), the matches they found, and declarations.

Only matches are kept: an audit stores how many connections it read, never the names of the
connections that matched nobody, and the uploaded file is deleted when the audit ends.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q


class Verdict(models.TextChoices):
    OK = "ok", "No concern"
    ADVISE = "advise", "Advice"
    BREACH = "breach", "Breach"
    NOT_CHECKED = "not_checked", "Not checked"  # the platform cannot be matched by name (X)


class Platform(models.TextChoices):
    FACEBOOK = "facebook", "Facebook"
    INSTAGRAM = "instagram", "Instagram"
    X = "x", "X (Twitter)"
    LINKEDIN = "linkedin", "LinkedIn"
    TIKTOK = "tiktok", "TikTok"
    SNAPCHAT = "snapchat", "Snapchat"


class ConnectionAudit(models.Model):
    """One run of the audit by a member of staff over one export of their own."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="connection_audits")
    school = models.ForeignKey("people.School", on_delete=models.PROTECT, related_name="connection_audits")
    platform = models.CharField(max_length=20, choices=Platform.choices)
    run_at = models.DateTimeField()
    policy_version = models.ForeignKey(
        "policies.PolicyVersion", on_delete=models.PROTECT, related_name="connection_audits"
    )
    connections_read = models.PositiveIntegerField(default=0)
    unreadable = models.PositiveIntegerField(default=0)  # entries of the export that could not be read
    verdict = models.CharField(max_length=12, choices=Verdict.choices)
    notes = models.JSONField(default=list, blank=True)  # the engine's notes (no names of connections)

    class Meta:
        ordering = ["-run_at", "-id"]
        indexes = [models.Index(fields=["school", "run_at"]), models.Index(fields=["user", "run_at"])]

    def __str__(self) -> str:
        return f"{self.get_platform_display()} audit by {self.user} on {self.run_at:%Y-%m-%d}"


class AuditMatch(models.Model):
    """A connection that matched someone in the school's directory, with the verdict and its reasons."""

    class Status(models.TextChoices):
        OPEN = "open", "To do"  # nothing done yet
        REMOVED = "removed", "Removed"  # the member of staff says they removed the connection
        DECLARED = "declared", "Declared"  # a declaration of the relationship was made

    audit = models.ForeignKey(ConnectionAudit, on_delete=models.CASCADE, related_name="matches")
    connection_name = models.CharField(max_length=300, blank=True)
    connection_handle = models.CharField(max_length=300, blank=True)
    person = models.ForeignKey(
        "people.Person", null=True, blank=True, on_delete=models.SET_NULL, related_name="connection_matches"
    )  # null when the name matched more than one person equally well
    relationship = models.CharField(max_length=40, blank=True)
    confidence = models.FloatField()
    verdict = models.CharField(max_length=12, choices=Verdict.choices)
    clauses = models.JSONField(default=list)  # cited "pack:clause" ids, most severe first
    explanation = models.TextField()
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    status_changed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["id"]
        constraints = [
            models.CheckConstraint(condition=Q(confidence__gte=0) & Q(confidence__lte=1), name="match_confidence_0_1"),
            models.CheckConstraint(
                condition=Q(verdict__in=["ok", "advise", "breach"]), name="match_verdict_is_ok_advise_or_breach"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.connection_name or self.connection_handle} ({self.verdict})"

    @property
    def shown(self) -> str:
        return self.connection_name or self.connection_handle


class Declaration(models.Model):
    """A relationship a member of staff declares, for the headteacher of the school to acknowledge."""

    class Kind(models.TextChoices):
        FAMILY_RELATIONSHIP = "family_relationship", "A family relationship"
        ACKNOWLEDGED_SOCIAL_CIRCLE = "acknowledged_social_circle", "A friendship from outside school (social circle)"

    class Status(models.TextChoices):
        DECLARED = "declared", "Waiting for the headteacher"  # made by the member of staff; not yet decided
        ACKNOWLEDGED = "acknowledged", "Acknowledged"  # the headteacher accepts it: policy exceptions apply
        DECLINED = "declined", "Declined"  # the headteacher does not accept it: the connection stays a concern

    TRANSITIONS: dict[str, frozenset[str]] = {
        Status.DECLARED: frozenset({Status.ACKNOWLEDGED, Status.DECLINED}),
        Status.ACKNOWLEDGED: frozenset(),
        Status.DECLINED: frozenset(),
    }

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="declarations")
    school = models.ForeignKey("people.School", on_delete=models.PROTECT, related_name="declarations")
    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="declarations")
    kind = models.CharField(max_length=40, choices=Kind.choices)
    reason = models.TextField()
    status = models.CharField(max_length=14, choices=Status.choices, default=Status.DECLARED)
    declared_at = models.DateTimeField()
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_note = models.TextField(blank=True)

    class Meta:
        ordering = ["-declared_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "person", "kind"],
                condition=Q(status__in=["declared", "acknowledged"]),
                name="one_live_declaration_per_user_person_kind",
            ),
            models.CheckConstraint(
                condition=Q(decided_by__isnull=True) | ~Q(decided_by=F("user")), name="nobody_decides_own_declaration"
            ),
            models.CheckConstraint(
                condition=(Q(status="declared") & Q(decided_at__isnull=True))
                | (~Q(status="declared") & Q(decided_at__isnull=False) & Q(decided_by__isnull=False)),
                name="decided_declaration_has_decider_and_time",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.get_kind_display()} with {self.person} ({self.status})"
