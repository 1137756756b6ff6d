"""Models of the checker app.

The checker stores nothing a person types: there is no model for checked text or judgements. The
only rows are API tokens for integrations, kept as a SHA-256 hash (the token itself is shown once).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q


class ApiToken(models.Model):
    """A per-user token for the HTTP API, bound to one school. Only its SHA-256 hash is kept."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="checker_tokens")
    school = models.ForeignKey("people.School", on_delete=models.CASCADE, related_name="+")
    name = models.CharField(max_length=100)
    token_hash = models.CharField(max_length=64, unique=True)  # hex SHA-256 of the token
    created = models.DateTimeField()
    last_used = models.DateTimeField(null=True, blank=True)
    revoked = models.DateTimeField(null=True, blank=True)  # when it was revoked; None while it works
    # Rate limiting: requests counted in the current one-minute window (updated atomically in SQL).
    window_started = models.DateTimeField(null=True, blank=True)
    window_count = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-created"]
        constraints = [
            models.CheckConstraint(condition=~Q(name=""), name="checker_token_has_name"),
            models.CheckConstraint(
                condition=Q(token_hash__regex=r"^[0-9a-f]{64}$"),  # noqa: S106 - a pattern, not a password
                name="checker_token_hash_is_sha256",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.user}, {self.school})"

    @property
    def is_active(self) -> bool:
        return self.revoked is None
