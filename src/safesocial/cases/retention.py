"""Retention: how long each type of case is kept, where that period comes from, and the retention run.

Each case gets its retention date when it is closed (``retain_until_for``). Where the rule needs a
date of birth that is not known, no date is set and the case is listed for review by hand: nothing is
ever deleted earlier than its rule allows. A retention run lists closed cases whose date has passed
and that have no active legal hold; nothing is deleted until the run is approved, and approval checks
each case again (a hold set after the run was proposed still stops deletion).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.db import transaction
from django.utils import timezone

from safesocial.audit.services import record

from .models import Case, CaseType, LegalHold, RemovalRequest, RetentionRun, RetentionRunItem, Status

IRMS = "IRMS Information Management Toolkit for Schools (2019)"
PENSION_AGE = 67  # normal pension age assumed when only the date of birth is known


@dataclass(frozen=True)
class RetentionRule:
    basis: str  # child_dob | allegation | closure
    years: int
    summary: str
    source: str


RULES: dict[str, RetentionRule] = {
    CaseType.SAFEGUARDING: RetentionRule(
        "child_dob",
        25,
        "Until the child's date of birth plus 25 years",
        f"{IRMS}, child protection records (1.1); Keeping Children Safe in Education 2024",
    ),
    CaseType.ALLEGATION: RetentionRule(
        "allegation",
        10,
        "Until the person's normal pension age or 10 years from the date of the allegation, whichever is longer",
        f"Keeping Children Safe in Education 2024, Part 4 (record keeping); {IRMS}, allegations against staff",
    ),
    CaseType.INDECENT_IMAGES: RetentionRule(
        "allegation",
        10,
        "As an allegation: the person's normal pension age or 10 years from the report, whichever is longer",
        "Keeping Children Safe in Education 2024, Part 4 (record keeping)",
    ),
    CaseType.UNSUITABLE_MATERIAL: RetentionRule(
        "allegation",
        10,
        "As an allegation: the person's normal pension age or 10 years from the report, whichever is longer",
        "Keeping Children Safe in Education 2024, Part 4 (record keeping)",
    ),
    CaseType.BULLYING: RetentionRule(
        "closure",
        6,
        "6 years from closure",
        f"{IRMS}, staff grievance and harassment records; Limitation Act 1980 s.2",
    ),
    CaseType.POST_ABOUT_STAFF: RetentionRule(
        "closure",
        6,
        "6 years from closure",
        f"{IRMS}, staff grievance and harassment records; Limitation Act 1980 s.2",
    ),
    CaseType.BREACH: RetentionRule(
        "closure",
        6,
        "6 years from closure",
        f"{IRMS}, disciplinary proceedings (warnings expire sooner: a school may shorten this); Limitation Act 1980",
    ),
    CaseType.WHISTLEBLOWING: RetentionRule(
        "closure",
        6,
        "6 years from closure",
        f"{IRMS}; Public Interest Disclosure Act 1998 claims; Limitation Act 1980",
    ),
}


def _plus_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def retain_until_for(case: Case, *, closed_on: date) -> tuple[date | None, str]:
    """(retention date or None for review by hand, the basis in words)."""
    rule = RULES[case.case_type]
    if rule.basis == "child_dob":
        dob = case.child.dob if case.child_id and case.child else None
        if dob is None:
            return None, f"{rule.summary}: no date of birth linked, so review by hand ({rule.source})"
        return _plus_years(dob, rule.years), f"{rule.summary} ({rule.source})"
    if rule.basis == "allegation":
        reported = timezone.localtime(case.reported_at).date()
        ten = _plus_years(reported, rule.years)
        person = getattr(case.subject_user, "person", None) if case.subject_user_id else None
        dob = getattr(person, "dob", None)
        if dob is None:
            return None, (
                f"{rule.summary}: the person's date of birth is not known, so review by hand "
                f"(at least until {ten:%d %B %Y}) ({rule.source})"
            )
        return max(ten, _plus_years(dob, PENSION_AGE)), f"{rule.summary} ({rule.source})"
    return _plus_years(closed_on, rule.years), f"{rule.summary} ({rule.source})"


def due_cases(*, as_of: date) -> list[Case]:
    held = LegalHold.objects.filter(lifted_at__isnull=True).values("case_id")
    return list(
        Case.objects.filter(status=Status.CLOSED, retain_until__isnull=False, retain_until__lte=as_of)
        .exclude(pk__in=held)
        .select_related("school")
        .order_by("retain_until", "id")
    )


def needing_review() -> list[Case]:
    """Closed cases with no retention date: their rule needs a date of birth that is not recorded."""
    return list(Case.objects.filter(status=Status.CLOSED, retain_until__isnull=True).select_related("school"))


def retention_propose(*, actor_label: str, actor: Any = None, as_of: date | None = None) -> RetentionRun:
    """List what is due. Deletes nothing."""
    as_of = as_of or timezone.localdate()
    with transaction.atomic():
        run = RetentionRun.objects.create(created_at=timezone.now(), created_by_label=actor_label, as_of=as_of)
        items = [
            RetentionRunItem(
                run=run, case=c, case_ref=c.ref, case_type=c.case_type, school=c.school, retain_until=c.retain_until
            )  # type: ignore[misc]
            for c in due_cases(as_of=as_of)
        ]
        RetentionRunItem.objects.bulk_create(items)
        record(
            action="retention.run_proposed",
            actor=actor,
            actor_label=actor_label,
            subject=run,
            data={"as_of": as_of, "due": len(items)},
        )
    return run


class RetentionError(Exception):
    pass


def _delete_case(case: Case) -> list[str]:
    """Delete one case and everything it holds; return the storage names of its files (deleted after commit)."""
    from .models import Evidence

    files = [e.file.name for e in case.evidence.all() if e.file]
    RemovalRequest.objects.filter(case=case).delete()
    # Newest first: a correction protects the item it supersedes.
    for evidence_id in case.evidence.order_by("-id").values_list("id", flat=True):
        Evidence.objects.filter(pk=evidence_id).delete()
    Case.objects.filter(pk=case.pk).delete()
    return files


def retention_approve(*, run_id: int, actor_label: str, actor: Any = None, today: date | None = None) -> RetentionRun:
    """Approve a proposed run: delete each listed case that is still due and not held; audit each deletion."""
    from .evidence import delete_stored

    today = today or timezone.localdate()
    with transaction.atomic():
        run = RetentionRun.objects.select_for_update().filter(pk=run_id).first()
        if run is None:
            raise RetentionError(f"There is no retention run {run_id}.")
        if run.status != RetentionRun.Status.PROPOSED:
            raise RetentionError(f"Retention run {run_id} was already approved on {run.approved_at:%d %B %Y}.")
        deleted = skipped = 0
        files: list[str] = []
        for item in run.items.select_related("school"):
            case = Case.objects.select_for_update().filter(pk=item.case_id).first() if item.case_id else None
            if case is None:
                item.outcome = "already gone"
            elif case.status != Status.CLOSED or case.retain_until is None or case.retain_until > today:
                item.outcome = "no longer due"
            elif case.holds.filter(lifted_at__isnull=True).exists():
                item.outcome = "legal hold"
            else:
                case_pk = case.pk
                files += _delete_case(case)
                record(
                    action="retention.deleted",
                    actor=actor,
                    actor_label=actor_label,
                    school=item.school,
                    subject_type="cases.case",
                    subject_id=case_pk,
                    data={
                        "ref": item.case_ref,
                        "case_type": item.case_type,
                        "run": run.pk,
                        "retain_until": item.retain_until,
                    },
                )
                item.outcome = "deleted"
                deleted += 1
                item.save(update_fields=["outcome"])
                continue
            skipped += 1
            item.save(update_fields=["outcome"])
        run.status = RetentionRun.Status.COMPLETED
        run.approved_at = timezone.now()
        run.approved_by_label = actor_label
        run.deleted = deleted
        run.skipped = skipped
        run.save(update_fields=["status", "approved_at", "approved_by_label", "deleted", "skipped"])
        record(
            action="retention.run_approved",
            actor=actor,
            actor_label=actor_label,
            subject=run,
            data={"deleted": deleted, "skipped": skipped},
        )
        transaction.on_commit(lambda: [delete_stored(name) for name in files])
    return run


def as_of_date(value: str | None) -> date:
    if not value:
        return timezone.localdate()
    return datetime.strptime(value, "%Y-%m-%d").date()  # noqa: DTZ007 - a calendar date, not a time
