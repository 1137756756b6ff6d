"""Writes for policies: adopt, publish (superseding), acknowledge, review, remind."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from datetime import date, timedelta
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mass_mail
from django.db import IntegrityError, transaction
from django.utils import timezone

from safesocial.accounts.permissions import require_perm
from safesocial.audit.services import record
from safesocial.engine.errors import AdoptionError
from safesocial.engine.model import AdoptedPolicy
from safesocial.engine.packs import load_pack
from safesocial.people.models import School

from .models import Acknowledgement, PolicyReview, PolicyVersion, ReminderSent


class PolicyError(ValidationError):
    """A refused policy operation, with a plain-English message."""


def _snapshot(adopted: AdoptedPolicy) -> dict[str, Any]:
    pack = adopted.pack
    return {
        "pack": {"id": pack.id, "title": pack.title, "version": pack.version, "publisher": pack.publisher,
                 "source_file": pack.source_file, "seed_version": pack.seed_version, "summary": pack.summary},
        "sections": [{"id": s.id, "title": s.title, "text": adopted.render(s.text)} for s in pack.sections],
        "clauses": [{**c.as_dict(), "text": adopted.render(c.text)} for c in adopted.clauses],
        "options": {o.id: {"title": o.title, "choice": adopted.choices.get(o.id),
                           "choice_title": next((ch.title for ch in o.choices if ch.id == adopted.choices.get(o.id)), "")}
                    for o in pack.options},
    }


def policy_adopt(
    *,
    school: School,
    pack_id: str,
    label: str,
    effective_from: date,
    owner: str,
    next_review: date | None = None,
    choices: Mapping[str, str] | None = None,
    values: Mapping[str, str] | None = None,
    ratified_by: str = "",
    ratified_on: date | None = None,
    actor: Any,
) -> PolicyVersion:
    """Adopt a pack for a school as a draft version (options chosen, placeholders filled)."""
    require_perm(actor, "policies.adopt", school)
    pack = load_pack(pack_id)
    try:
        adopted = AdoptedPolicy.adopt(pack, version=label, choices=choices or {}, values=values or {},
                                      school_name=school.name)
    except AdoptionError as exc:
        raise PolicyError(str(exc)) from exc
    if not label.strip():
        raise PolicyError("A version needs a label, for example 2026.1.")
    next_review = next_review or effective_from.replace(year=effective_from.year + 1)
    if next_review <= effective_from:
        raise PolicyError("The next review date must be after the effective date.")
    snapshot = _snapshot(adopted)
    digest = hashlib.sha256(json.dumps(snapshot, sort_keys=True).encode()).hexdigest()
    with transaction.atomic():
        if PolicyVersion.objects.filter(school=school, label=label).exists():
            raise PolicyError(f"{school} already has a policy version labelled {label!r}.")
        version = PolicyVersion.objects.create(
            school=school,
            pack_id=pack.id,
            pack_version=pack.version,
            pack_sha256=digest,
            pack_snapshot=snapshot,
            label=label,
            title=pack.title,
            choices=dict(adopted.choices),
            values=dict(adopted.values),
            effective_from=effective_from,
            owner=owner,
            next_review=next_review,
            ratified_by=ratified_by,
            ratified_on=ratified_on,
            created_at=timezone.now(),
            created_by=actor,
        )
        record(action="policy.adopted", actor=actor, school=school, subject=version,
               data={"pack": pack.id, "label": label, "choices": dict(adopted.choices)})
    return version


def policy_publish(*, version: PolicyVersion, actor: Any) -> PolicyVersion:
    """Publish a draft: it comes into force and supersedes the version in force before it."""
    require_perm(actor, "policies.publish", version.school)
    with transaction.atomic():
        version = PolicyVersion.objects.select_for_update().get(pk=version.pk)
        if PolicyVersion.Status.PUBLISHED not in PolicyVersion.TRANSITIONS[version.status]:
            raise PolicyError(f"Version {version.label} is {version.get_status_display().lower()} and cannot be published.")
        if not version.ratified_by or not version.ratified_on:
            raise PolicyError("Record who ratified this version and when before publishing it.")
        previous = (
            PolicyVersion.objects.select_for_update()
            .filter(school=version.school, status=PolicyVersion.Status.PUBLISHED)
            .first()
        )
        if previous is not None:
            if version.effective_from < previous.effective_from:
                raise PolicyError("A new version cannot take effect before the version it supersedes.")
            previous.status = PolicyVersion.Status.SUPERSEDED
            previous.save(update_fields=["status"])
            record(action="policy.superseded", actor=actor, school=version.school, subject=previous,
                   data={"by": version.pk})
            version.supersedes = previous
        version.status = PolicyVersion.Status.PUBLISHED
        version.published_at = timezone.now()
        version.published_by = actor
        version.save(update_fields=["status", "published_at", "published_by", "supersedes"])
        record(action="policy.published", actor=actor, school=version.school, subject=version,
               data={"label": version.label, "pack": version.pack_id, "effective_from": version.effective_from})
    return version


def policy_acknowledge(*, version: PolicyVersion, actor: Any) -> Acknowledgement:
    """Record that the actor read, understood and agrees to comply with this version."""
    from .selectors import binds_user

    if version.status != PolicyVersion.Status.PUBLISHED:
        raise PolicyError("Only the version in force can be acknowledged.")
    if not binds_user(version=version, user=actor):
        raise PermissionDenied("This policy version does not apply to you.")
    try:
        with transaction.atomic():
            ack = Acknowledgement.objects.create(
                version=version, user=actor, at=timezone.now(), statement=Acknowledgement.STATEMENT
            )
            record(action="policy.acknowledged", actor=actor, school=version.school, subject=version,
                   data={"label": version.label})
    except IntegrityError:
        raise PolicyError(f"You have already acknowledged version {version.label} of this policy.") from None
    return ack


def policy_review(
    *,
    version: PolicyVersion,
    reviewed_on: date,
    outcome: str,
    changes: str,
    next_review: date,
    reviewed_by_body: str = "",
    actor: Any,
) -> PolicyReview:
    require_perm(actor, "policies.review", version.school)
    if outcome not in PolicyReview.Outcome.values:
        raise PolicyError(f"Unknown review outcome {outcome!r}.")
    if outcome != PolicyReview.Outcome.NO_CHANGE and not changes.strip():
        raise PolicyError("Say what changed (or needs to change) when the outcome is not 'no change'.")
    if next_review <= reviewed_on:
        raise PolicyError("The next review date must be after the review.")
    if reviewed_on > timezone.localdate():
        raise PolicyError("A review cannot be recorded in the future.")
    with transaction.atomic():
        review = PolicyReview.objects.create(
            version=version, reviewed_on=reviewed_on, reviewer=actor, reviewed_by_body=reviewed_by_body,
            outcome=outcome, changes=changes, next_review=next_review, recorded_at=timezone.now(),
        )
        # The review date of the version in force moves to the agreed next review. This is the one
        # field of a published version that a review may change (the seeds require yearly review).
        PolicyVersion.objects.filter(pk=version.pk).update(next_review=next_review)
        record(action="policy.reviewed", actor=actor, school=version.school, subject=version,
               data={"outcome": outcome, "next_review": next_review})
    return review


REMIND_EVERY = timedelta(days=7)
REVIEW_WARNING = timedelta(days=30)


def send_reminders(*, school: School | None = None, actor: Any = None, today: date | None = None) -> dict[str, int]:
    """E-mail people who have not acknowledged the version in force, and reviewers when a review is due.

    Idempotent within REMIND_EVERY: nobody gets the same reminder twice in a week.
    """
    from safesocial.accounts.roles import Role

    from .selectors import reviewers_for, unacknowledged_users

    if actor is not None and school is not None:
        require_perm(actor, "policies.send_reminders", school)
    today = today or timezone.localdate()
    now = timezone.now()
    versions = PolicyVersion.objects.filter(status=PolicyVersion.Status.PUBLISHED).select_related("school")
    if school is not None:
        versions = versions.filter(school=school)
    messages = []
    sent: list[ReminderSent] = []
    counts = {"acknowledge": 0, "review_due": 0, "review_overdue": 0}

    def due(kind: str, version: PolicyVersion, user: Any) -> bool:
        return not ReminderSent.objects.filter(kind=kind, version=version, user=user,
                                               sent_at__gte=now - REMIND_EVERY).exists()

    for version in versions:
        for user in unacknowledged_users(version=version):
            if user.email and due("acknowledge", version, user):
                messages.append((
                    f"Please acknowledge the {version.school} Social Networking Policy",
                    f"Dear {user},\n\nVersion {version.label} of the {version.title} is in force at {version.school}. "
                    "Please read it and confirm: \"I have read and understood and agree to comply with the Social "
                    "Networking Policy.\" Sign in to SafeSocial to do so.\n",
                    None, [user.email]))
                sent.append(ReminderSent(kind="acknowledge", version=version, user=user, sent_at=now))
                counts["acknowledge"] += 1
        kind = None
        if version.next_review < today:
            kind = "review_overdue"
        elif version.next_review - today <= REVIEW_WARNING:
            kind = "review_due"
        if kind:
            for user in reviewers_for(version=version, roles=(Role.HEADTEACHER, Role.CHAIR_OF_GOVERNORS)):
                if user.email and due(kind, version, user):
                    state = "is overdue" if kind == "review_overdue" else "is due"
                    messages.append((
                        f"Social Networking Policy review {state} at {version.school}",
                        f"Dear {user},\n\nThe annual review of the {version.title} (version {version.label}) {state}: "
                        f"review date {version.next_review:%d %B %Y}. Record the review in SafeSocial.\n",
                        None, [user.email]))
                    sent.append(ReminderSent(kind=kind, version=version, user=user, sent_at=now))
                    counts[kind] += 1
    if messages:
        with transaction.atomic():
            ReminderSent.objects.bulk_create(sent)
            record(action="policy.reminders_sent", actor=actor, school=school, data=counts)
            transaction.on_commit(lambda: send_mass_mail(messages, fail_silently=False))
    return counts
