"""Writes for cases. Each runs in a transaction, checks the actor, writes activity and an audit event.

``case_transition`` is the only function that changes a case's status. It locks the row, refuses a
stale request (the form carries the status the handler saw), checks the declared transition, the
route's gates (the LADO referral before an internal investigation) and the actor's permission, then
saves, writes the activity row and the audit event, and queues notifications after commit.

Audit payloads hold ids, states and counts only: never the report text, names or children's data.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from safesocial.accounts.permissions import has_perm, roles_at, schools_for
from safesocial.accounts.roles import Role
from safesocial.audit.services import record
from safesocial.people.models import Person, School

from . import evidence as evidence_files
from .models import (
    Case,
    CaseActivity,
    CaseStep,
    CaseType,
    Evidence,
    LegalHold,
    Outcome,
    RemovalRequest,
    Status,
)
from .notifications import notify_case
from .routing import STEP_FIELDS, STEP_TITLES, route_for
from .workdays import add_working_days

PREFIX = {
    CaseType.SAFEGUARDING: "SG",
    CaseType.ALLEGATION: "AL",
    CaseType.INDECENT_IMAGES: "II",
    CaseType.UNSUITABLE_MATERIAL: "UM",
    CaseType.BULLYING: "BU",
    CaseType.POST_ABOUT_STAFF: "PS",
    CaseType.BREACH: "BR",
    CaseType.WHISTLEBLOWING: "WB",
}
SEALED_UPLOAD_REFUSED = (
    "Do not upload, copy or forward possible indecent images of children, not even as a screenshot. "
    "Tell us only where and when you found it; the police will deal with the material. Nothing was stored."
)
SEALED_VIEW_REFUSED = (
    "Material in a possible indecent images case is never stored or opened in school: it is for the police."
)


class CaseError(ValidationError):
    """A refused case operation, with a plain-English message."""


class CaseConflict(CaseError):
    """The case changed since the handler looked at it: their request is stale."""


@dataclass(frozen=True)
class EvidenceInput:
    """One item of evidence as reported: a file (optional) and its capture details."""

    upload: Any = None
    platform: str = ""
    url: str = ""
    seen_at: datetime | None = None
    captured_by: str = ""
    description: str = ""


def _now(now: datetime | None) -> datetime:
    return now or timezone.now()


def _label(actor: Any) -> str:
    return actor.get_username() if actor is not None and getattr(actor, "is_authenticated", False) else "system"


def may_act(user: Any, case: Case) -> bool:
    """May ``user`` handle ``case``: an acting role at its school, the route's permission, and not its subject."""
    if user is None or not getattr(user, "is_authenticated", False):
        return False
    if case.route.get("subject_excluded") and case.subject_user_id == user.pk:
        return False
    roles = roles_at(user, case.school)
    acting = {r for r in case.acting_roles.split(",") if r}
    return bool(roles & acting) and has_perm(user, case.route["permission"], case.school)


def require_act(user: Any, case: Case) -> None:
    if not may_act(user, case):
        raise PermissionDenied("You are not a handler of this case.")


def _activity(
    case: Case,
    *,
    kind: str,
    actor: Any,
    reason: str = "",
    from_status: str = "",
    to_status: str = "",
    at: datetime | None = None,
    actor_label: str = "",
) -> CaseActivity:
    return CaseActivity.objects.create(
        case=case,
        at=at or timezone.now(),
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        actor_label=actor_label or _label(actor),
        kind=kind,
        from_status=from_status,
        to_status=to_status,
        reason=reason,
    )


def _bump(case: Case, now: datetime) -> None:
    Case.objects.filter(pk=case.pk).update(version=case.version + 1, updated_at=now)
    case.version += 1
    case.updated_at = now


def receipt_hash(code: str) -> str:
    return hashlib.sha256(code.strip().upper().replace(" ", "").encode()).hexdigest()


def _new_receipt() -> str:
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O or 1/I
    raw = "".join(secrets.choice(alphabet) for _ in range(16))
    return "-".join(raw[i : i + 4] for i in range(0, 16, 4))


def _subject_roles(user: Any, school: School) -> set[str]:
    if user is None:
        return set()
    from safesocial.accounts.models import RoleAssignment

    return set(
        RoleAssignment.objects.filter(user=user, active=True, school=school).values_list("role", flat=True)
    ) | set(
        RoleAssignment.objects.filter(user=user, active=True, organisation_id=school.organisation_id).values_list(
            "role", flat=True
        )
    )


def case_report(
    *,
    school: School,
    case_type: str,
    summary: str,
    actor: Any,
    subject_user: Any = None,
    subject_description: str = "",
    subject_role: str = "",
    about_headteacher: bool = False,
    about_me: bool = True,
    found_where: str = "",
    found_at: datetime | None = None,
    evidence: Iterable[EvidenceInput] = (),
    now: datetime | None = None,
) -> tuple[Case, str | None]:
    """File a report. Returns the case and, for anonymous whistleblowing, the receipt code (shown once).

    Every file is checked before anything is written: one refused file refuses the report and stores nothing.
    """
    now = _now(now)
    if case_type not in CaseType.values:
        raise CaseError("Choose what happened.")
    case_type = CaseType(case_type)
    if actor is None or not getattr(actor, "is_authenticated", False):
        raise PermissionDenied("Sign in to make a report.")
    if school not in schools_for(actor):
        raise PermissionDenied(f"You do not have a role at {school}.")
    summary = (summary or "").strip()
    if not summary:
        raise CaseError("Say what happened, in your own words.")
    items = list(evidence)
    anonymous = case_type == CaseType.WHISTLEBLOWING
    if case_type == CaseType.INDECENT_IMAGES:
        if any(item.upload is not None for item in items):
            raise CaseError(SEALED_UPLOAD_REFUSED)
        if not found_where.strip() or found_at is None:
            raise CaseError("Say where and when you found it.")
        items = []
    checked = [(item, evidence_files.check_upload(item.upload) if item.upload is not None else None) for item in items]
    if subject_user is not None and school not in schools_for(subject_user):
        raise CaseError("The person you named is not at this school.")
    subject_roles = _subject_roles(subject_user, school)
    if about_headteacher:
        subject_roles.add(Role.HEADTEACHER)
    target_roles: set[str] = set()
    if case_type in (CaseType.BULLYING, CaseType.POST_ABOUT_STAFF):
        target_roles = (
            subject_roles if subject_user is not None else (_subject_roles(actor, school) if about_me else set())
        )
        if about_headteacher:
            target_roles.add(Role.HEADTEACHER)
    route = route_for(
        case_type=case_type,
        school=school,
        subject_roles=subject_roles,
        subject_role=subject_role,
        target_roles=target_roles,
    )
    stored: list[str] = []
    receipt = _new_receipt() if anonymous else None
    try:
        with transaction.atomic():
            case = Case.objects.create(
                ref=f"new-{secrets.token_hex(6)}",
                school=school,
                case_type=case_type,
                status=Status.REPORTED,
                reporter=None if anonymous else actor,
                receipt_hash=receipt_hash(receipt) if receipt else "",
                reported_at=now,
                summary=summary,
                subject_user=subject_user,
                subject_description=subject_description.strip()[:300],
                subject_role=subject_role or next(iter(sorted(subject_roles)), ""),
                found_where=found_where.strip()[:500],
                found_at=found_at,
                handler_role=route.handler_role,
                acting_roles="," + ",".join(route.handler_roles) + ",",
                visible_roles="," + ",".join((*route.handler_roles, *route.viewer_roles)) + ",",
                route=route.as_dict(),
                policy_version_id=route.policy_version_id,
                updated_at=now,
            )
            case.ref = f"{PREFIX[case_type]}-{case.pk:05d}"
            Case.objects.filter(pk=case.pk).update(ref=case.ref)
            for order, spec in enumerate(route.steps):
                CaseStep.objects.create(
                    case=case,
                    code=spec.code,
                    title=spec.title,
                    required=spec.required,
                    order=order,
                    due_at=add_working_days(now, spec.due_working_days) if spec.due_working_days is not None else None,
                )
            actor_for_audit = None if anonymous else actor
            label = "anonymous" if anonymous else _label(actor)
            _activity(
                case,
                kind=CaseActivity.Kind.OPENED,
                actor=actor_for_audit,
                actor_label=label,
                at=now,
                to_status=Status.REPORTED,
                reason=f"Reported; routed to the {route.handler_label.lower()}",
            )
            record(
                action="case.opened",
                actor=actor_for_audit,
                actor_label=label,
                school=school,
                subject=case,
                data={
                    "ref": case.ref,
                    "case_type": case_type.value,
                    "handler_role": route.handler_role,
                    "pack": route.pack_id,
                    "clauses": [c.clause_id for c in route.clauses],
                    "evidence": len(checked),
                    "anonymous": anonymous,
                },
            )
            for item, check in checked:
                ev = _store_evidence(
                    case=case,
                    item=item,
                    check=check,
                    uploader=actor_for_audit,
                    actor_label=label,
                    now=now,
                    stored=stored,
                )
                record(
                    action="evidence.attached",
                    actor=actor_for_audit,
                    actor_label=label,
                    school=school,
                    subject=ev,
                    data=_evidence_audit(ev),
                )
            if route.alert_immediately:
                from .selectors import handlers_for

                alerted = len(handlers_for(case))
                CaseStep.objects.filter(case=case, code="dsl_alert").update(
                    recorded_at=now, details={"alerted": alerted, "by": "SafeSocial"}
                )
                record(
                    action="case.alert_sent",
                    actor=None,
                    actor_label="system",
                    school=school,
                    subject=case,
                    data={"alerted": alerted},
                )
            case_id = case.pk
            transaction.on_commit(lambda: notify_case.enqueue(case_id, "opened"))
    except BaseException:
        for name in stored:
            evidence_files.delete_stored(name)
        raise
    return case, receipt


def _evidence_audit(ev: Evidence) -> dict[str, Any]:
    return {
        "evidence": ev.pk,
        "case": ev.case_id,
        "sha256": ev.sha256,
        "size": ev.size,
        "content_type": ev.content_type,
        "supersedes": ev.supersedes_id,
        "file": bool(ev.file),
    }


def _store_evidence(
    *,
    case: Case,
    item: EvidenceInput,
    check: evidence_files.CheckedUpload | None,
    uploader: Any,
    actor_label: str,
    now: datetime,
    stored: list[str],
    supersedes: Evidence | None = None,
    correction_reason: str = "",
) -> Evidence:
    name = ""
    if check is not None:
        name = evidence_files.store(check, school_id=case.school_id, case_id=case.pk)
        stored.append(name)
    ev = Evidence(
        case=case,
        original_name=check.name if check else "",
        sha256=check.sha256 if check else "",
        size=check.size if check else 0,
        content_type=check.content_type if check else "",
        platform=item.platform.strip()[:100],
        url=item.url.strip()[:1000],
        seen_at=item.seen_at,
        captured_by=item.captured_by.strip()[:200],
        description=item.description.strip(),
        uploaded_by=uploader,
        uploaded_at=now,
        supersedes=supersedes,
        correction_reason=correction_reason,
    )
    ev.file.name = name
    ev.save()
    _activity(
        case,
        kind=CaseActivity.Kind.EVIDENCE,
        actor=uploader,
        actor_label=actor_label,
        at=now,
        reason=f"Correction of evidence item {supersedes.pk}" if supersedes else "Evidence added",
    )
    return ev


def evidence_attach(
    *,
    case: Case,
    item: EvidenceInput,
    actor: Any,
    supersedes: Evidence | None = None,
    correction_reason: str = "",
    now: datetime | None = None,
) -> Evidence:
    """Add evidence to a case (handlers), or a correction that supersedes an earlier item."""
    now = _now(now)
    if case.is_sealed:
        raise CaseError(SEALED_UPLOAD_REFUSED)
    require_act(actor, case)
    if case.is_closed:
        raise CaseError("This case is closed: evidence can no longer be added.")
    if supersedes is not None:
        if supersedes.case_id != case.pk:
            raise CaseError("A correction must be on the same case as the item it corrects.")
        if not supersedes.is_current:
            raise CaseError("That item has already been corrected: correct the newest version.")
        if not correction_reason.strip():
            raise CaseError("Say why the evidence is being corrected.")
    if item.upload is None and not (item.url or item.description):
        raise CaseError("Add a file, an address or a description.")
    check = evidence_files.check_upload(item.upload) if item.upload is not None else None
    stored: list[str] = []
    try:
        with transaction.atomic():
            locked = Case.objects.select_for_update().get(pk=case.pk)
            ev = _store_evidence(
                case=locked,
                item=item,
                check=check,
                uploader=actor,
                actor_label=_label(actor),
                now=now,
                stored=stored,
                supersedes=supersedes,
                correction_reason=correction_reason.strip(),
            )
            _bump(locked, now)
            record(action="evidence.attached", actor=actor, school=case.school, subject=ev, data=_evidence_audit(ev))
    except BaseException:
        for name in stored:
            evidence_files.delete_stored(name)
        raise
    return ev


def case_transition(
    *,
    case: Case,
    to_status: str,
    reason: str,
    expected_status: str,
    actor: Any,
    outcome: str = "",
    now: datetime | None = None,
) -> Case:
    """Move a case from the status the actor saw to ``to_status``. The only writer of Case.status."""
    from .retention import retain_until_for

    now = _now(now)
    reason = (reason or "").strip()
    with transaction.atomic():
        locked = Case.objects.select_for_update().select_related("school").get(pk=case.pk)
        require_act(actor, locked)
        if locked.status != expected_status:
            raise CaseConflict(
                f"Someone else changed this case while you were looking at it: it is now "
                f"“{Status(locked.status).label}”, not “{Status(expected_status).label if expected_status in Status.values else expected_status}”. "
                "Nothing was changed. Check the case again before you continue."
            )
        if to_status not in locked.transitions.get(locked.status, frozenset()):
            target = Status(to_status).label if to_status in Status.values else to_status
            raise CaseError(
                f"A {locked.get_case_type_display().lower()} case cannot move from "
                f"“{Status(locked.status).label}” to “{target}”."
            )
        if not reason:
            raise CaseError("Give a reason for the change.")
        steps = {s.code: s for s in locked.steps.all()}
        gate = locked.route.get("gates", {}).get(to_status, [])
        missing = [steps[code].title for code in gate if code in steps and not steps[code].is_recorded]
        if missing:
            raise CaseError(
                f"Record this first: {'; '.join(missing)}. “{Status(to_status).label}” cannot start "
                "until it is recorded."
            )
        fields = ["status", "version", "updated_at"]
        if to_status == Status.CLOSED:
            if outcome not in Outcome.values:
                raise CaseError("Choose the outcome before closing the case.")
            open_required = [s.title for s in steps.values() if s.required and not s.is_recorded]
            if open_required:
                raise CaseError("These required steps are not recorded yet: " + "; ".join(open_required) + ".")
            if locked.removal_requests.filter(status=RemovalRequest.Status.DRAFTED).exists():
                raise CaseError("A removal request letter was drafted but not sent: send it or record why not first.")
            locked.outcome = outcome
            locked.closure_reason = reason
            locked.closed_at = now
            locked.retain_until, locked.retention_basis = retain_until_for(
                locked, closed_on=timezone.localtime(now).date()
            )
            fields += ["outcome", "closure_reason", "closed_at", "retain_until", "retention_basis"]
        from_status = locked.status
        locked.status = to_status
        locked.version += 1
        locked.updated_at = now
        locked.save(update_fields=fields)
        _activity(
            locked,
            kind=CaseActivity.Kind.TRANSITION,
            actor=actor,
            at=now,
            from_status=from_status,
            to_status=to_status,
            reason=reason,
        )
        record(
            action="case.transitioned",
            actor=actor,
            school=locked.school,
            subject=locked,
            data={"from": from_status, "to": to_status, "outcome": locked.outcome or None, "version": locked.version},
        )
        case_id = locked.pk
        transaction.on_commit(lambda: notify_case.enqueue(case_id, "updated"))
    return locked


def _clean_step_details(code: str, details: dict[str, Any]) -> dict[str, Any]:
    specs = STEP_FIELDS.get(code)
    if specs is None:
        raise CaseError("Unknown step.")
    if not specs:
        raise CaseError("This step is recorded by SafeSocial itself.")
    out: dict[str, Any] = {}
    for spec in specs:
        value = details.get(spec.name)
        if isinstance(value, str):
            value = value.strip()
        if value in (None, "") and spec.required:
            raise CaseError(f"{spec.label}: this is needed to record the step.")
        if value in (None, ""):
            continue
        if spec.kind == "date":
            if isinstance(value, datetime):
                value = value.date()
            if isinstance(value, str):
                try:
                    value = date.fromisoformat(value)
                except ValueError:
                    raise CaseError(f"{spec.label}: enter a real date.") from None
            if value > timezone.localdate():
                raise CaseError(f"{spec.label}: the date cannot be in the future.")
            value = value.isoformat()
        elif spec.kind == "choice" and value not in dict(spec.choices):
            raise CaseError(f"{spec.label}: choose one of the options.")
        out[spec.name] = value
    return out


def case_record_step(
    *, case: Case, code: str, details: dict[str, Any], actor: Any, now: datetime | None = None
) -> CaseStep:
    """Record a required (or offered) step once, with its details. A recorded step is never edited."""
    now = _now(now)
    clean = _clean_step_details(code, details)
    with transaction.atomic():
        locked = Case.objects.select_for_update().select_related("school").get(pk=case.pk)
        require_act(actor, locked)
        if locked.is_closed:
            raise CaseError("This case is closed.")
        step = CaseStep.objects.select_for_update().filter(case=locked, code=code).first()
        if step is None:
            raise CaseError("This case has no such step.")
        if step.is_recorded:
            raise CaseError(
                f"“{step.title}” was already recorded on {timezone.localtime(step.recorded_at):%d %B %Y}. "
                "Add a note if something has changed."
            )
        step.recorded_at = now
        step.recorded_by = actor
        step.details = clean
        step.save(update_fields=["recorded_at", "recorded_by", "details"])
        _bump(locked, now)
        _activity(locked, kind=CaseActivity.Kind.STEP, actor=actor, at=now, reason=f"Recorded: {step.title}")
        record(
            action="case.step_recorded",
            actor=actor,
            school=locked.school,
            subject=locked,
            data={"step": code, "status": locked.status},
        )
    return step


def case_add_note(*, case: Case, note: str, actor: Any, now: datetime | None = None) -> CaseActivity:
    now = _now(now)
    if not (note or "").strip():
        raise CaseError("Write the note first.")
    with transaction.atomic():
        locked = Case.objects.select_for_update().select_related("school").get(pk=case.pk)
        require_act(actor, locked)
        _bump(locked, now)
        activity = _activity(locked, kind=CaseActivity.Kind.NOTE, actor=actor, at=now, reason=note.strip())
        record(
            action="case.note_added", actor=actor, school=locked.school, subject=locked, data={"activity": activity.pk}
        )
    return activity


def case_link_child(*, case: Case, person: Person, actor: Any, now: datetime | None = None) -> Case:
    """Link the child a safeguarding concern is about to their directory record (for retention)."""
    now = _now(now)
    with transaction.atomic():
        locked = Case.objects.select_for_update().select_related("school").get(pk=case.pk)
        require_act(actor, locked)
        if locked.case_type != CaseType.SAFEGUARDING:
            raise CaseError("Only a safeguarding concern is linked to a child's record.")
        if locked.child_id is not None:
            raise CaseError("A child's record is already linked to this case.")
        if person.school_id != locked.school_id or person.role != Person.Role.PUPIL:
            raise CaseError("Choose a pupil of this school.")
        locked.child = person
        locked.version += 1
        locked.updated_at = now
        locked.save(update_fields=["child", "version", "updated_at"])
        _activity(
            locked, kind=CaseActivity.Kind.NOTE, actor=actor, at=now, reason="The child's directory record was linked"
        )
        record(
            action="case.child_linked", actor=actor, school=locked.school, subject=locked, data={"person": person.pk}
        )
    return locked


# ---------------------------------------------------------------- removal requests


def removal_request_draft(
    *,
    case: Case,
    actor: Any,
    platform: str,
    url: str = "",
    evidence: Evidence | None = None,
    now: datetime | None = None,
) -> RemovalRequest:
    """Generate the letter to the platform from the evidence details; the request starts as drafted."""
    from .letters import render_removal_letter

    now = _now(now)
    if case.case_type not in (CaseType.BULLYING, CaseType.POST_ABOUT_STAFF):
        raise CaseError("Removal requests are for bullying and posts about staff.")
    if not platform.strip():
        raise CaseError("Name the platform or website.")
    if evidence is not None and evidence.case_id != case.pk:
        raise CaseError("Choose evidence from this case.")
    with transaction.atomic():
        locked = Case.objects.select_for_update().select_related("school").get(pk=case.pk)
        require_act(actor, locked)
        if locked.is_closed:
            raise CaseError("This case is closed.")
        roles = roles_at(actor, locked.school) & {r for r in locked.acting_roles.split(",") if r}
        signed_role = Role(sorted(roles)[0]).label if roles else ""
        letter = render_removal_letter(
            case=locked,
            evidence=evidence,
            platform=platform.strip(),
            url=url.strip(),
            signed_by=actor,
            signed_role=signed_role,
        )
        request = RemovalRequest.objects.create(
            case=locked,
            evidence=evidence,
            platform=platform.strip()[:100],
            url=(url.strip() or (evidence.url if evidence else ""))[:1000],
            letter=letter,
            created_at=now,
            created_by=actor,
            updated_at=now,
            history=[{"at": now.isoformat(), "from": "", "to": "drafted", "by": _label(actor), "note": ""}],
        )
        _bump(locked, now)
        _activity(
            locked,
            kind=CaseActivity.Kind.REMOVAL,
            actor=actor,
            at=now,
            reason=f"Removal request {request.pk} drafted for {request.platform}",
        )
        record(
            action="case.removal_request",
            actor=actor,
            school=locked.school,
            subject=request,
            data={"case": locked.pk, "to": "drafted", "evidence": evidence.pk if evidence else None},
        )
    return request


def removal_request_transition(
    *,
    request: RemovalRequest,
    to_status: str,
    actor: Any,
    note: str = "",
    reference: str = "",
    expected_status: str | None = None,
    now: datetime | None = None,
) -> RemovalRequest:
    """Track a removal request: drafted → sent → acknowledged → removed or refused."""
    now = _now(now)
    with transaction.atomic():
        locked_case = Case.objects.select_for_update().select_related("school").get(pk=request.case_id)
        require_act(actor, locked_case)
        req = RemovalRequest.objects.select_for_update().get(pk=request.pk)
        if expected_status is not None and req.status != expected_status:
            raise CaseConflict(
                "Someone else updated this removal request while you were looking at it. Nothing was changed."
            )
        if to_status not in req.TRANSITIONS[req.status]:
            raise CaseError(f"A removal request cannot move from “{req.get_status_display()}” to “{to_status}”.")
        from_status = req.status
        req.status = to_status
        req.updated_at = now
        if reference.strip():
            req.platform_reference = reference.strip()[:200]
        req.history = [
            *req.history,
            {"at": now.isoformat(), "from": from_status, "to": to_status, "by": _label(actor), "note": note.strip()},
        ]
        req.save(update_fields=["status", "updated_at", "platform_reference", "history"])
        if to_status == RemovalRequest.Status.SENT:
            CaseStep.objects.filter(case=locked_case, code="removal_request", recorded_at__isnull=True).update(
                recorded_at=now,
                recorded_by=actor,
                details={"request": req.pk, "platform": req.platform, "sent_on": timezone.localdate().isoformat()},
            )
        _bump(locked_case, now)
        _activity(
            locked_case,
            kind=CaseActivity.Kind.REMOVAL,
            actor=actor,
            at=now,
            reason=f"Removal request {req.pk}: {RemovalRequest.Status(to_status).label}"
            + (f". {note.strip()}" if note.strip() else ""),
        )
        record(
            action="case.removal_request",
            actor=actor,
            school=locked_case.school,
            subject=req,
            data={"case": locked_case.pk, "from": from_status, "to": to_status},
        )
    return req


# ---------------------------------------------------------------- legal holds


def _require_hold_right(actor: Any, case: Case) -> None:
    if not (may_act(actor, case) or has_perm(actor, "cases.retention", case.school)):
        raise PermissionDenied("Only the case's handlers or those responsible for retention can set a legal hold.")


def legal_hold_set(*, case: Case, reason: str, actor: Any, now: datetime | None = None) -> LegalHold:
    now = _now(now)
    if not reason.strip():
        raise CaseError("Say why the records must be kept (for example the police or a tribunal asked).")
    with transaction.atomic():
        locked = Case.objects.select_for_update().select_related("school").get(pk=case.pk)
        _require_hold_right(actor, locked)
        if locked.holds.filter(lifted_at__isnull=True).exists():
            raise CaseError("This case already has a legal hold.")
        hold = LegalHold.objects.create(case=locked, reason=reason.strip(), set_at=now, set_by=actor)
        _bump(locked, now)
        _activity(locked, kind=CaseActivity.Kind.HOLD, actor=actor, at=now, reason=f"Legal hold set: {reason.strip()}")
        record(
            action="retention.hold_set",
            actor=actor,
            school=locked.school,
            subject=locked,
            data={"hold": hold.pk, "active": True},
        )
    return hold


def legal_hold_lift(*, case: Case, reason: str, actor: Any, now: datetime | None = None) -> LegalHold:
    now = _now(now)
    if not reason.strip():
        raise CaseError("Say why the hold can be lifted.")
    with transaction.atomic():
        locked = Case.objects.select_for_update().select_related("school").get(pk=case.pk)
        _require_hold_right(actor, locked)
        hold = locked.holds.select_for_update().filter(lifted_at__isnull=True).first()
        if hold is None:
            raise CaseError("This case has no active legal hold.")
        hold.lifted_at = now
        hold.lifted_by = actor
        hold.lifted_reason = reason.strip()
        hold.save(update_fields=["lifted_at", "lifted_by", "lifted_reason"])
        _bump(locked, now)
        _activity(
            locked, kind=CaseActivity.Kind.HOLD, actor=actor, at=now, reason=f"Legal hold lifted: {reason.strip()}"
        )
        record(
            action="retention.hold_set",
            actor=actor,
            school=locked.school,
            subject=locked,
            data={"hold": hold.pk, "active": False},
        )
    return hold


# ---------------------------------------------------------------- reminders


REMIND_AGAIN_AFTER_HOURS = 24


def send_reminders(*, now: datetime | None = None) -> dict[str, int]:
    """Remind handlers of required steps past their deadline (the LADO referral after one working day).

    Each overdue step is reminded at most once a day. Returns counts.
    """
    from datetime import timedelta

    from .notifications import send_step_reminders
    from .selectors import handlers_for

    now = _now(now)
    counts = {"overdue_steps": 0, "emails": 0}
    messages: list[tuple[str, str, None, list[str]]] = []
    overdue = (
        CaseStep.objects.filter(required=True, recorded_at__isnull=True, due_at__isnull=False, due_at__lte=now)
        .exclude(case__status=Status.CLOSED)
        .select_related("case", "case__school")
        .order_by("due_at")
    )
    with transaction.atomic():
        for step in overdue:
            if step.last_reminded_at and step.last_reminded_at > now - timedelta(hours=REMIND_AGAIN_AFTER_HOURS):
                continue
            case = step.case
            counts["overdue_steps"] += 1
            for user in handlers_for(case):
                if user.email:
                    messages.append(
                        (
                            f"Overdue on case {case.ref} at {case.school.name}: {step.title}",
                            f"Case {case.ref} at {case.school.name} needs this step, which was due on "
                            f"{timezone.localtime(step.due_at):%A %d %B %Y at %H:%M}:\n\n  {step.title}\n\n"
                            "Sign in to SafeSocial to record it. This e-mail holds no case details.\n",
                            None,
                            [user.email],
                        )
                    )
                    counts["emails"] += 1
            CaseStep.objects.filter(pk=step.pk).update(last_reminded_at=now)
            _activity(
                case,
                kind=CaseActivity.Kind.REMINDER,
                actor=None,
                actor_label="system",
                at=now,
                reason=f"Reminder: {step.title} is overdue",
            )
            record(
                action="case.reminder_sent",
                actor_label="system",
                school=case.school,
                subject=case,
                data={"step": step.code, "due_at": step.due_at},
            )
        if messages:
            transaction.on_commit(lambda: send_step_reminders(messages))
    return counts


def step_title(code: str) -> str:
    return STEP_TITLES.get(code, code)
