"""Reads for cases, need-to-know. Every view and download of a case or its evidence is an audit event.

A case is visible to the users who hold one of its roles (the handler's and the named roles, fixed
by its route) at its school, never to the adult it is about, and to nobody else: not to colleagues,
not to leaders as such, not to superusers. Refused attempts are audited too. Leaders and governors
see aggregate counts only (``case_statistics``).
"""

from __future__ import annotations

import statistics
from collections import Counter
from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.utils import timezone

from safesocial.accounts.models import RoleAssignment, User
from safesocial.accounts.permissions import roles_at, schools_for
from safesocial.accounts.roles import Role
from safesocial.audit.services import record

from .models import Case, CaseStep, CaseType, Evidence, Outcome, RemovalRequest, Status
from .routing import STEP_FIELDS, SUBJECT_EXCLUDED
from .services import SEALED_VIEW_REFUSED, may_act, receipt_hash


class CaseNotFound(Exception):
    """No such case, or not one this user may see (the two are not told apart)."""


def cases_visible_to(*, user: Any) -> QuerySet[Case]:
    if user is None or not getattr(user, "is_authenticated", False):
        return Case.objects.none()
    condition = Q(pk__in=[])
    for school in schools_for(user):
        roles = roles_at(user, school)
        if not roles:
            continue
        role_q = Q(pk__in=[])
        for role in roles:
            role_q |= Q(visible_roles__contains=f",{role},")
        condition |= Q(school=school) & role_q
    # The adult a case is about never sees it, whatever roles they hold.
    excluded = Q(subject_user=user) & Q(case_type__in=list(SUBJECT_EXCLUDED))
    return Case.objects.filter(condition).exclude(excluded).select_related("school")


def can_view(user: Any, case: Case) -> bool:
    return cases_visible_to(user=user).filter(pk=case.pk).exists()


def _refused(user: Any, case: Case | None, *, what: str, case_id: Any) -> None:
    record(
        action="case.access_refused",
        actor=user,
        school=case.school if case else None,
        subject_type="cases.case",
        subject_id=case_id,
        data={"what": what},
    )


def access_case(*, user: Any, case_id: int, purpose: str = "view") -> Case:
    """The case, if this user may see it; records a case.viewed audit event (or case.access_refused)."""
    case = cases_visible_to(user=user).filter(pk=case_id).first()
    if case is None:
        _refused(user, Case.objects.select_related("school").filter(pk=case_id).first(), what=purpose, case_id=case_id)
        raise CaseNotFound(case_id)
    record(action="case.viewed", actor=user, school=case.school, subject=case, data={"purpose": purpose})
    return case


def access_evidence(*, user: Any, case_id: int, evidence_id: int) -> Evidence:
    """An evidence item to download: audited. Never for a sealed (indecent images) case."""
    case = cases_visible_to(user=user).filter(pk=case_id).first()
    if case is None:
        _refused(
            user, Case.objects.select_related("school").filter(pk=case_id).first(), what="evidence", case_id=case_id
        )
        raise CaseNotFound(case_id)
    if case.is_sealed:
        _refused(user, case, what="sealed_material", case_id=case_id)
        raise PermissionDenied(SEALED_VIEW_REFUSED)
    evidence = Evidence.objects.filter(case=case, pk=evidence_id).exclude(file="").first()
    if evidence is None:
        raise CaseNotFound(case_id)
    record(
        action="evidence.downloaded",
        actor=user,
        school=case.school,
        subject=evidence,
        data={"case": case.pk, "sha256": evidence.sha256},
    )
    return evidence


def case_page(*, case: Case, user: Any) -> dict[str, Any]:
    """What the case page shows (the caller has already been through access_case)."""
    steps = list(case.steps.select_related("recorded_by"))
    evidence = list(case.evidence.select_related("uploaded_by", "supersedes"))
    superseded = {e.supersedes_id for e in evidence if e.supersedes_id}
    for step in steps:
        labels = {f.name: (f.label, dict(f.choices)) for f in STEP_FIELDS.get(step.code, ())}
        step.display = [  # type: ignore[attr-defined]
            (labels.get(k, (k.replace("_", " ").capitalize(), {}))[0], labels.get(k, ("", {}))[1].get(v, v))
            for k, v in step.details.items()
        ]
    titles = {s.code: s.title for s in steps}
    return {
        "case": case,
        "handled_by": [_role_label(r) for r in case.route.get("handler_roles", [])],
        "also_visible_to": [_role_label(r) for r in case.route.get("viewer_roles", [])],
        "gate_text": [
            (Status(to).label, [titles.get(code, code) for code in codes])
            for to, codes in case.route.get("gates", {}).items()
        ],
        "steps": steps,
        "evidence": evidence,
        "superseded": superseded,
        "activity": list(case.activity.select_related("actor")),
        "removal_requests": list(case.removal_requests.all()),
        "hold": case.holds.filter(lifted_at__isnull=True).first(),
        "can_act": may_act(user, case),
        "next_statuses": [Status(s) for s in case.allowed_next()],
        "outcomes": Outcome.choices,
    }


def _role_label(role: str) -> str:
    return Role(role).label if role in Role.values else role


# ---------------------------------------------------------------- the reporter's view


def reports_by(*, user: Any) -> QuerySet[Case]:
    if user is None or not getattr(user, "is_authenticated", False):
        return Case.objects.none()
    return Case.objects.filter(reporter=user).select_related("school")


def access_own_report(*, user: Any, case_id: int) -> Case:
    case = reports_by(user=user).filter(pk=case_id).first()
    if case is None:
        _refused(
            user, Case.objects.select_related("school").filter(pk=case_id).first(), what="own_report", case_id=case_id
        )
        raise CaseNotFound(case_id)
    record(action="case.viewed", actor=user, school=case.school, subject=case, data={"purpose": "reporter"})
    return case


def access_by_receipt(*, code: str) -> Case | None:
    """An anonymous report, by its receipt code. The audit event names no actor."""
    code = (code or "").strip()
    if len(code) < 8:
        return None
    case = Case.objects.select_related("school").filter(receipt_hash=receipt_hash(code)).first()
    if case is not None:
        record(
            action="case.viewed",
            actor=None,
            actor_label="anonymous",
            school=case.school,
            subject=case,
            data={"purpose": "receipt"},
        )
    return case


PLAIN_STATUS: dict[str, str] = {
    Status.REPORTED: "Your report has been received and is waiting for the person who handles it.",
    Status.ASSESSING: "Your report is being looked at now.",
    Status.AWAITING_ADVICE: "Your report has been passed to the right people outside school, and the school is "
    "waiting for their advice.",
    Status.ACTION: "Support and action are under way.",
    Status.INVESTIGATING: "The matter is being looked into.",
    Status.CLOSED: "Your report has been dealt with and closed.",
}


def reporter_view(case: Case) -> dict[str, Any]:
    """What a reporter may know: the stage and what happens next, not the handling details."""
    return {
        "case": case,
        "plain_status": PLAIN_STATUS[case.status],
        "next": case.route.get("reporter_next", ""),
        "closed": case.is_closed,
        "history": [(a.at, Status(a.to_status).label) for a in case.activity.filter(kind__in=["opened", "transition"])],
    }


# ---------------------------------------------------------------- handlers


def handlers_for(case: Case) -> list[User]:
    """The users who act on a case (for notifications): its acting roles at its school, never its subject."""
    roles = [r for r in case.acting_roles.split(",") if r]
    assignments = RoleAssignment.objects.filter(active=True, role__in=roles).filter(
        Q(school_id=case.school_id) | Q(organisation_id=case.school.organisation_id)
    )
    users = User.objects.filter(is_active=True, pk__in=assignments.values("user_id")).order_by("pk")
    if case.route.get("subject_excluded") and case.subject_user_id:
        users = users.exclude(pk=case.subject_user_id)
    return list(users)


def person_choices(*, school: Any) -> list[tuple[int, str]]:
    """Adults with an account at the school, for naming whom a report is about."""
    assignments = RoleAssignment.objects.filter(active=True, school=school).exclude(role__in=["pupil", "parent"])
    users = User.objects.filter(is_active=True, pk__in=assignments.values("user_id")).order_by("last_name", "username")
    return [(u.pk, str(u)) for u in users]


# ---------------------------------------------------------------- reports for leaders (aggregates only)

REFERRAL_STEPS = ("lado_referral", "police_referral", "hr_or_lado_advice", "safeguarding_decision")


def _referral_day(step: CaseStep) -> date | None:
    if step.code == "safeguarding_decision" and step.details.get("decision") not in ("social_care", "police"):
        return None
    for key in ("referred_on", "received_on", "decided_on"):
        if step.details.get(key):
            try:
                return date.fromisoformat(step.details[key])
            except ValueError:
                continue
    return timezone.localtime(step.recorded_at).date() if step.recorded_at else None


def case_statistics(*, user: Any) -> dict[str, Any]:
    """Counts by type, outcome and school, and days from report to first referral: no personal details.

    Over the schools where the user holds cases.view_reports (a trust admin: every school of the trust).
    """
    schools = schools_for(user, "cases.view_reports")
    if not schools:
        raise PermissionDenied("Only leaders and governors can see case reports.")
    cases = list(
        Case.objects.filter(school__in=schools).values(
            "pk", "school_id", "case_type", "status", "outcome", "reported_at"
        )
    )
    by_type = Counter(c["case_type"] for c in cases)
    by_outcome = Counter(c["outcome"] for c in cases if c["status"] == Status.CLOSED)
    by_school = Counter(c["school_id"] for c in cases)
    open_count = sum(1 for c in cases if c["status"] != Status.CLOSED)
    reported = {c["pk"]: timezone.localtime(c["reported_at"]).date() for c in cases}
    types = {c["pk"]: c["case_type"] for c in cases}
    first_referral: dict[int, date] = {}
    steps = CaseStep.objects.filter(case_id__in=list(reported), code__in=REFERRAL_STEPS, recorded_at__isnull=False)
    for step in steps:
        day = _referral_day(step)
        if day is not None and (step.case_id not in first_referral or day < first_referral[step.case_id]):
            first_referral[step.case_id] = day
    delays = {pk: max(0, (day - reported[pk]).days) for pk, day in first_referral.items()}
    delay_by_type: dict[str, list[int]] = {}
    for pk, days in delays.items():
        delay_by_type.setdefault(types[pk], []).append(days)
    removal = Counter(RemovalRequest.objects.filter(case__school__in=schools).values_list("status", flat=True))
    return {
        "schools": schools,
        "total": len(cases),
        "open": open_count,
        "closed": len(cases) - open_count,
        "by_type": [(CaseType(t).label, by_type.get(t, 0)) for t in CaseType.values],
        "by_outcome": [(Outcome(o).label, by_outcome.get(o, 0)) for o in Outcome.values],
        "by_school": [(s.name, by_school.get(s.pk, 0)) for s in schools],
        "referral_median_days": statistics.median(delays.values()) if delays else None,
        "referrals": len(delays),
        "referral_by_type": [
            (CaseType(t).label, len(v), statistics.median(v)) for t, v in sorted(delay_by_type.items())
        ],
        "removal_requests": [(RemovalRequest.Status(s).label, removal.get(s, 0)) for s in RemovalRequest.Status.values],
    }


def record_statistics_viewed(*, user: Any, stats: dict[str, Any]) -> None:
    record(action="case.reports_viewed", actor=user, data={"schools": [s.pk for s in stats["schools"]]})
