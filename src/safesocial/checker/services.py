"""Writes of the checker app: API tokens (create, revoke, authenticate, count use).

A token is ``ssk_`` followed by 43 URL-safe characters. Only its SHA-256 hash is stored; the token
itself is returned once, to be shown once.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Case, F, Q, Value, When
from django.utils import timezone

from .judging import checker_roles
from .models import ApiToken

if TYPE_CHECKING:
    from safesocial.accounts.models import User
    from safesocial.people.models import School

TOKEN_PREFIX = "ssk_"  # noqa: S105 - a public prefix, not a secret
RATE_WINDOW = timedelta(minutes=1)


def rate_limit() -> int:
    """Requests allowed per token per minute (SAFESOCIAL_CHECKER_API_RATE; 0 turns the limit off)."""
    return int(getattr(settings, "SAFESOCIAL_CHECKER_API_RATE", 60))


def hash_token(raw: str) -> str:
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


@transaction.atomic
def token_create(*, user: User, school: School, name: str, actor: User) -> tuple[ApiToken, str]:
    """Create a token for ``user`` at ``school``; returns the row and the raw token (shown once)."""
    if actor.pk != user.pk:
        raise PermissionDenied("You can only create API tokens for yourself.")
    if not checker_roles(user, school):
        raise PermissionDenied(f"You have no role at {school.name}.")
    raw = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user=user, school=school, name=name.strip()[:100], token_hash=hash_token(raw), created=timezone.now()
    )
    return token, raw


@transaction.atomic
def token_revoke(*, token: ApiToken, actor: User) -> ApiToken:
    """Revoke a token (its owner only). Revoking twice keeps the first time."""
    if actor.pk != token.user_id:
        raise PermissionDenied("You can only revoke your own API tokens.")
    ApiToken.objects.filter(pk=token.pk, revoked__isnull=True).update(revoked=timezone.now())
    token.refresh_from_db()
    return token


@dataclass(frozen=True)
class TokenCheck:
    token: ApiToken | None
    code: str = ""  # "" when the token is good
    message: str = ""


def token_authenticate(raw: str) -> TokenCheck:
    """Look a raw token up by its hash. A revoked token or an inactive user is refused."""
    if not raw.startswith(TOKEN_PREFIX) or len(raw) > 200:
        return TokenCheck(None, "A401", "The API token is not valid.")
    token = ApiToken.objects.select_related("user", "school").filter(token_hash=hash_token(raw)).first()
    if token is None or not token.user.is_active:
        return TokenCheck(None, "A401", "The API token is not valid.")
    if token.revoked is not None:
        return TokenCheck(None, "A401", "The API token has been revoked.")
    return TokenCheck(token)


def token_count_use(token: ApiToken) -> int | None:
    """Count one request against the token's one-minute window, atomically in SQL.

    Returns None when the request is allowed, or the seconds to wait when the limit is reached.
    Also sets ``last_used``.
    """
    now = timezone.now()
    window_open = Q(window_started__isnull=False) & Q(window_started__gt=now - RATE_WINDOW)
    ApiToken.objects.filter(pk=token.pk).update(
        last_used=now,
        window_count=Case(When(window_open, then=F("window_count") + 1), default=Value(1)),
        window_started=Case(When(window_open, then=F("window_started")), default=Value(now)),
    )
    limit = rate_limit()
    if limit <= 0:
        return None
    started, count = ApiToken.objects.filter(pk=token.pk).values_list("window_started", "window_count").get()
    if count > limit:
        wait = (started + RATE_WINDOW - now).total_seconds()
        return max(1, int(wait + 0.999))
    return None
