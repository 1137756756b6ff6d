"""Reads of the connections app. A result is its owner's alone; leaders see counts, never names."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db.models import Q, QuerySet
from django.utils import timezone

from safesocial.accounts.models import RoleAssignment, User
from safesocial.accounts.permissions import require_perm, schools_for
from safesocial.accounts.roles import ROLE_AUDIENCE, Role
from safesocial.people.models import School

from .models import AuditMatch, ConnectionAudit, Declaration, Verdict

COMPLETION_WINDOW = timedelta(days=365)
STAFF_ROLES = sorted(r for r, a in ROLE_AUDIENCE.items() if a == "staff" and r != Role.TRUST_ADMIN)


def audits_of(*, user: User) -> QuerySet[ConnectionAudit]:
    return ConnectionAudit.objects.filter(user=user).select_related("school", "policy_version")


def access_audit(*, user: User, audit_id: int) -> ConnectionAudit:
    """The user's own audit; anyone else's raises DoesNotExist (shown as 404: not even its existence leaks)."""
    return audits_of(user=user).get(pk=audit_id)


def access_match(*, user: User, match_id: int) -> AuditMatch:
    return AuditMatch.objects.select_related("audit", "person").get(pk=match_id, audit__user=user)


def declarations_of(*, user: User) -> QuerySet[Declaration]:
    return Declaration.objects.filter(user=user).select_related("person", "school", "decided_by")


def decision_schools(*, user: User) -> list[School]:
    return schools_for(user, "connections.acknowledge_declaration")


def declaration_queue(*, user: User) -> QuerySet[Declaration]:
    """Declarations waiting for this headteacher: at their schools, never their own."""
    return (
        Declaration.objects.filter(school__in=decision_schools(user=user), status=Declaration.Status.DECLARED)
        .exclude(user=user)
        .select_related("user", "person", "school")
        .order_by("declared_at", "id")
    )


def recent_decisions(*, user: User, limit: int = 20) -> QuerySet[Declaration]:
    return (
        Declaration.objects.filter(school__in=decision_schools(user=user))
        .exclude(status=Declaration.Status.DECLARED)
        .select_related("user", "person", "school", "decided_by")
        .order_by("-decided_at")[:limit]
    )


def access_declaration_to_decide(*, user: User, declaration_id: int) -> Declaration:
    return declaration_queue(user=user).get(pk=declaration_id)


@dataclass(frozen=True)
class SchoolCompletion:
    school: School
    staff: int  # members of staff at the school
    audited: int  # of them, how many ran an audit there in the last 12 months
    outstanding_breaches: int  # breaches nobody has yet removed or declared, in each latest audit
    declarations_waiting: int


def latest_audits(*, school: School, since: datetime) -> list[ConnectionAudit]:
    """Each person's most recent audit per platform at a school since a time."""
    seen: set[tuple[int, str]] = set()
    latest = []
    for run in ConnectionAudit.objects.filter(school=school, run_at__gte=since).order_by("-run_at", "-id"):
        key = (run.user_id, run.platform)
        if key not in seen:
            seen.add(key)
            latest.append(run)
    return latest


def completion(*, user: User) -> list[SchoolCompletion]:
    """Per school the user leads: counts only. No names of connections, no friend lists."""
    rows = []
    since = timezone.now() - COMPLETION_WINDOW
    for school in schools_for(user, "connections.view_completion"):
        require_perm(user, "connections.view_completion", school)
        staff_ids = set(
            RoleAssignment.objects.filter(active=True, role__in=STAFF_ROLES, user__is_active=True)
            .filter(Q(school=school))
            .values_list("user_id", flat=True)
        )
        audited_ids = set(
            ConnectionAudit.objects.filter(school=school, run_at__gte=since, user_id__in=staff_ids).values_list(
                "user_id", flat=True
            )
        )
        latest = latest_audits(school=school, since=since)
        breaches = AuditMatch.objects.filter(
            audit__in=latest, verdict=Verdict.BREACH, status=AuditMatch.Status.OPEN
        ).count()
        waiting = Declaration.objects.filter(school=school, status=Declaration.Status.DECLARED).count()
        rows.append(SchoolCompletion(school, len(staff_ids), len(audited_ids), breaches, waiting))
    return rows
