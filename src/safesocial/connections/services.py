"""Writes of the connections app: run an audit, mark a match removed, declare, decide a declaration."""

from __future__ import annotations

import contextlib
import os
import tempfile
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from safesocial.accounts.models import User
from safesocial.accounts.permissions import has_perm
from safesocial.audit.services import record
from safesocial.engine.errors import ExportError
from safesocial.engine.matching import Limits, audit, read_export
from safesocial.people.importing import to_engine_directory
from safesocial.people.models import Person, School

from .mapping import adopted_policy, audit_role, declarations_for
from .models import AuditMatch, ConnectionAudit, Declaration

MB = 1024 * 1024
CHUNK = 64 * 1024

# What each coded export error means for the person who uploaded, in plain English.
EXPORT_MESSAGES: dict[str, str] = {
    "E401": "This ZIP file is damaged or incomplete, so it could not be read. Download your information from the "
    "platform again and upload the new ZIP.",
    "E402": "This file is not an export we recognise. Upload the ZIP that Facebook, Instagram, X, LinkedIn, TikTok "
    "or Snapchat gave you, or the friends or followers file inside it.",
    "E403": "This file is empty. Download your information from the platform again and upload the ZIP.",
    "E404": "This file is too large (the limit is {limit}). Request only your connections (friends, followers and "
    "following) from the platform, not your photos and videos, and upload that smaller file.",
    "E405": "This ZIP expands to far more data than a real export, so it was not opened. Download your information "
    "again and upload the ZIP the platform gave you.",
    "E406": "The file could not be opened. Try uploading it again.",
    "E407": "This export is from a different platform than the one you chose. Choose the right platform, or "
    "'Work it out from the file'.",
    "E408": "One of your declarations does not fit this school's directory. Ask your headteacher to check it.",
}


class ConnectionAuditError(Exception):
    """An audit that could not run. ``message`` is for the person who uploaded; nothing was kept."""

    def __init__(self, message: str, *, code: str = "", detail: str = "") -> None:
        self.message = message
        self.code = code
        self.detail = detail
        super().__init__(f"{code}: {message}" if code else message)


class DeclarationError(Exception):
    pass


def max_export_bytes() -> int:
    return int(settings.SAFESOCIAL_MAX_EXPORT_BYTES)


def export_temp_dir() -> str | None:
    """Where an upload is held while it is audited (default: the system's temporary folder)."""
    return getattr(settings, "SAFESOCIAL_EXPORT_TEMP_DIR", None) or None


def limit_text() -> str:
    limit = max_export_bytes()
    return f"{limit / MB:.0f} MB" if limit >= MB else f"{limit:,} bytes"


def too_large_error() -> ConnectionAuditError:
    return ConnectionAuditError(EXPORT_MESSAGES["E404"].format(limit=limit_text()), code="E404")


def export_error(exc: ExportError) -> ConnectionAuditError:
    message = EXPORT_MESSAGES.get(exc.code, "The file could not be read.").format(limit=limit_text())
    return ConnectionAuditError(message, code=exc.code, detail=exc.message)


@dataclass(frozen=True)
class _Spooled:
    path: str
    size: int


def _spool(uploaded_file: Any, limit: int) -> _Spooled:
    """Copy the upload to a temporary file, refusing it (and deleting the copy) once it passes ``limit``."""
    suffix = PurePosixPath(str(getattr(uploaded_file, "name", "") or "upload").replace("\\", "/")).suffix[:10]
    fd, path = tempfile.mkstemp(prefix="safesocial-export-", suffix=suffix, dir=export_temp_dir())
    size = 0
    try:
        with os.fdopen(fd, "wb") as out:
            chunks = (
                uploaded_file.chunks(CHUNK)
                if hasattr(uploaded_file, "chunks")
                else iter(lambda: uploaded_file.read(CHUNK), b"")
            )
            for chunk in chunks:
                size += len(chunk)
                if size > limit:
                    raise too_large_error()
                out.write(chunk)
    except BaseException:
        _unlink(path)
        raise
    return _Spooled(path, size)


def _unlink(path: str) -> None:
    with contextlib.suppress(FileNotFoundError):
        os.unlink(path)


def connection_audit_run(*, user: User, school: School, uploaded_file: Any, platform: str = "auto") -> ConnectionAudit:
    """Audit one uploaded export of the user's own connections; keep only the matches.

    The upload is checked against SAFESOCIAL_MAX_EXPORT_BYTES before it is read and while it is copied
    to a temporary file; the file is deleted when the audit ends, whatever happens. A refused upload
    leaves no file and no rows.
    """
    from safesocial.policies.selectors import version_in_force

    role = audit_role(user=user, school=school)
    if role is None:
        raise PermissionDenied("The connection audit is for staff, governors, volunteers and contractors.")
    version = version_in_force(school=school)
    if version is None:
        raise ConnectionAuditError(
            f"{school.name} has no social networking policy in force yet, so there is nothing to check your "
            "connections against. Ask your headteacher."
        )
    limit = max_export_bytes()
    size = getattr(uploaded_file, "size", None)
    if size is not None and size > limit:
        raise too_large_error()
    if size == 0:
        raise ConnectionAuditError(EXPORT_MESSAGES["E403"], code="E403")
    name = PurePosixPath(str(getattr(uploaded_file, "name", "") or "upload").replace("\\", "/")).name
    spooled = _spool(uploaded_file, limit)
    try:
        try:
            export = read_export(spooled.path, platform=platform, filename=name, limits=Limits(max_bytes=limit))
            directory = to_engine_directory(school)
            result = audit(
                export,
                directory,
                adopted_policy(version),
                timezone.localdate(),
                declarations_for(user=user, school=school),
                role=role,
            )
        except ExportError as exc:
            raise export_error(exc) from None
        people = {
            p.external_id: p
            for p in Person.objects.filter(
                school=school, external_id__in=[m.person_id for m in result.matches if m.person_id]
            )
        }
        with transaction.atomic():
            run = ConnectionAudit.objects.create(
                user=user,
                school=school,
                platform=result.platform,
                run_at=timezone.now(),
                policy_version=version,
                connections_read=result.connections_read,
                unreadable=len(result.unreadable),
                verdict=result.verdict,
                notes=[n.replace("--platform ", "platform ") for n in result.notes][:10],
            )
            AuditMatch.objects.bulk_create(
                [
                    AuditMatch(
                        audit=run,
                        connection_name=m.connection.name[:300],
                        connection_handle=m.connection.handle[:300],
                        person=people.get(m.person_id) if m.person_id else None,
                        relationship=m.relationship or "",
                        confidence=max(0.0, min(1.0, float(m.confidence))),
                        verdict=m.verdict,
                        clauses=list(m.clauses),
                        explanation=m.explanation,
                    )
                    for m in result.matches
                ]
            )
            counts = {v: sum(1 for m in result.matches if m.verdict == v) for v in ("breach", "advise", "ok")}
            record(
                action="connections.audited",
                actor=user,
                school=school,
                subject=run,
                data={
                    "platform": run.platform,
                    "policy_version": version.pk,
                    "connections_read": run.connections_read,
                    "matches": len(result.matches),
                    **counts,
                    "verdict": run.verdict,
                },
            )
        return run
    finally:
        _unlink(spooled.path)


def match_mark_removed(*, match: AuditMatch, actor: User) -> AuditMatch:
    """The member of staff says they removed this connection."""
    with transaction.atomic():
        match = AuditMatch.objects.select_for_update(of=("self",)).select_related("audit").get(pk=match.pk)
        if match.audit.user_id != actor.pk:
            raise PermissionDenied("Only the person whose connection it is can say it was removed.")
        if match.status == AuditMatch.Status.REMOVED:
            return match
        match.status = AuditMatch.Status.REMOVED
        match.status_changed_at = timezone.now()
        match.save(update_fields=["status", "status_changed_at"])
        record(action="connections.match_removed", actor=actor, school=match.audit.school, subject=match,
               data={"audit": match.audit_id, "verdict": match.verdict})
    return match


def declaration_create(*, match: AuditMatch, kind: str, reason: str, actor: User) -> Declaration:
    """Declare the relationship with the person a match found, for the headteacher to acknowledge."""
    if kind not in Declaration.Kind.values:
        raise DeclarationError("Choose the kind of relationship.")
    reason = reason.strip()
    if not reason:
        raise DeclarationError("Say briefly how you know this person.")
    with transaction.atomic():
        match = AuditMatch.objects.select_for_update(of=("self",)).select_related("audit", "person").get(pk=match.pk)
        if match.audit.user_id != actor.pk:
            raise PermissionDenied("You can only declare your own relationships.")
        if match.person is None:
            raise DeclarationError("This name matched more than one person, so it cannot be declared. Check who it is.")
        live = Declaration.objects.filter(
            user=actor,
            person=match.person,
            kind=kind,
            status__in=[Declaration.Status.DECLARED, Declaration.Status.ACKNOWLEDGED],
        ).first()
        if live is not None:
            declaration = live
        else:
            declaration = Declaration.objects.create(
                user=actor,
                school=match.audit.school,
                person=match.person,
                kind=kind,
                reason=reason,
                declared_at=timezone.now(),
            )
            record(
                action="connections.declared",
                actor=actor,
                school=declaration.school,
                subject=declaration,
                data={"kind": kind, "match": match.pk},
            )
        match.status = AuditMatch.Status.DECLARED
        match.status_changed_at = timezone.now()
        match.save(update_fields=["status", "status_changed_at"])
    return declaration


def declaration_transition(*, declaration: Declaration, to: str, actor: User, note: str = "") -> Declaration:
    """The one way a declaration changes status: the headteacher of its school acknowledges or declines it."""
    with transaction.atomic():
        declaration = Declaration.objects.select_for_update(of=("self",)).select_related("school").get(pk=declaration.pk)
        if declaration.user_id == actor.pk:
            raise PermissionDenied("Nobody can decide their own declaration.")
        if not has_perm(actor, "connections.acknowledge_declaration", declaration.school):
            raise PermissionDenied("Only the headteacher of the school can acknowledge or decline a declaration.")
        before = declaration.status
        if to not in Declaration.TRANSITIONS.get(before, frozenset()):
            raise DeclarationError(
                f"This declaration is already {declaration.get_status_display().lower()}; it cannot now be {to}."
            )
        declaration.status = to
        declaration.decided_by = actor
        declaration.decided_at = timezone.now()
        declaration.decision_note = note.strip()
        declaration.save(update_fields=["status", "decided_by", "decided_at", "decision_note"])
        if to == Declaration.Status.DECLINED:
            # The connections it covered are open again: the member of staff has something to do.
            AuditMatch.objects.filter(
                audit__user_id=declaration.user_id, person_id=declaration.person_id, status=AuditMatch.Status.DECLARED
            ).update(status=AuditMatch.Status.OPEN, status_changed_at=declaration.decided_at)
        record(
            action="connections.declaration_decided",
            actor=actor,
            school=declaration.school,
            subject=declaration,
            data={"from": before, "to": to, "kind": declaration.kind, "has_note": bool(declaration.decision_note)},
        )
    return declaration
