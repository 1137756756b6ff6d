"""Write audit events (append-only, hash-chained) and verify the chain."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone

from .actions import ACTIONS
from .models import AuditChainHead, AuditEvent

GENESIS = "0" * 64


def _canonical(event: AuditEvent) -> bytes:
    doc = {
        "at": event.at.isoformat(),
        "actor": event.actor_id,
        "actor_label": event.actor_label,
        "organisation": event.organisation_id,
        "school": event.school_id,
        "action": event.action,
        "subject_type": event.subject_type,
        "subject_id": event.subject_id,
        "data": event.data,
        "correlation_id": event.correlation_id,
        "prev_hash": event.prev_hash,
    }
    return json.dumps(doc, sort_keys=True, separators=(",", ":"), default=str).encode()


def compute_hash(event: AuditEvent) -> str:
    return hashlib.sha256(_canonical(event)).hexdigest()


def record(
    *,
    action: str,
    actor: Any = None,
    actor_label: str = "",
    school: Any = None,
    organisation: Any = None,
    subject: Any = None,
    subject_type: str = "",
    subject_id: str | int = "",
    data: dict[str, Any] | None = None,
    correlation_id: str = "",
) -> AuditEvent:
    """Append one event. Runs inside the caller's transaction; the chain head is locked meanwhile.

    ``data`` must be small and must not hold children's data or post text: ids, counts, states.
    """
    if action not in ACTIONS:
        raise ValueError(f"unregistered audit action {action!r}")
    if subject is not None:
        subject_type = subject_type or subject._meta.label_lower
        subject_id = subject_id or subject.pk
    if school is not None and organisation is None:
        organisation = school.organisation
    if actor is not None and not getattr(actor, "is_authenticated", False):
        actor = None
    with transaction.atomic():
        head, _ = AuditChainHead.objects.select_for_update().get_or_create(
            id=1, defaults={"last_hash": GENESIS, "count": 0}
        )
        event = AuditEvent(
            at=timezone.now(),
            actor=actor,
            actor_label=actor_label or (actor.get_username() if actor is not None else "system"),
            organisation=organisation,
            school=school,
            action=action,
            subject_type=subject_type,
            subject_id=str(subject_id),
            data=json.loads(json.dumps(data or {}, default=str)),
            correlation_id=correlation_id,
            prev_hash=head.last_hash,
        )
        event.hash = compute_hash(event)
        event.save()
        head.last_hash = event.hash
        head.count += 1
        head.save(update_fields=["last_hash", "count"])
    return event


@dataclass(frozen=True)
class VerifyResult:
    ok: bool
    events: int
    problems: list[str]


def verify_chain() -> VerifyResult:
    """Walk every event in order; report edited rows (hash mismatch), and deleted rows (broken link)."""
    problems: list[str] = []
    prev = GENESIS
    count = 0
    last_id = None
    for event in AuditEvent.objects.order_by("id").iterator(chunk_size=2000):
        count += 1
        if event.prev_hash != prev:
            after = f"after event {last_id}" if last_id is not None else "at the start"
            problems.append(f"event {event.id}: chain broken {after} (an event was deleted or reordered)")
        if compute_hash(event) != event.hash:
            problems.append(f"event {event.id} ({event.action} at {event.at:%Y-%m-%d %H:%M:%S}): content was changed")
        prev = event.hash
        last_id = event.id
    head = AuditChainHead.objects.filter(id=1).first()
    if head is not None:
        if head.last_hash != prev:
            problems.append(f"the newest event(s) after event {last_id} were deleted (chain head does not match)")
        if head.count != count:
            problems.append(f"the chain head counts {head.count} events but {count} are stored")
    return VerifyResult(ok=not problems, events=count, problems=problems)
