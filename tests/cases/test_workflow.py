"""The workflow: declared transitions, ordering rules, closure, stale requests and concurrent handlers."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest
from django.conf import settings
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.db import connections

from safesocial.audit.models import AuditEvent
from safesocial.cases import services
from safesocial.cases.models import Case, CaseActivity, Status

from .conftest import at

pytestmark = pytest.mark.django_db

ON_POSTGRES = pytest.mark.skipif(
    "postgresql" not in settings.DATABASES["default"]["ENGINE"],
    reason="row locks need PostgreSQL; SQLite serialises writers (the stale-state check runs on both)",
)


def snapshot(case):
    case.refresh_from_db()
    return (case.status, case.version, case.activity.count())


def test_the_internal_investigation_cannot_start_before_the_lado_referral_is_recorded(report, users, move, record_step):
    # given an allegation being assessed by the headteacher
    case = report("allegation", actor=users.dsl, subject_user=users.teacher)
    move(case, Status.ASSESSING, users.head, reason="Read the report")
    before = snapshot(case)
    # when the headteacher tries to open the internal investigation first
    with pytest.raises(services.CaseError, match="Referral to the LADO"):
        move(case, Status.INVESTIGATING, users.head, reason="Start interviews")
    # then nothing changed
    assert snapshot(case) == before
    # and the route through "awaiting advice" is gated the same way
    move(case, Status.AWAITING_ADVICE, users.head, reason="Phoned the LADO")
    with pytest.raises(services.CaseError, match="Referral to the LADO"):
        move(case, Status.INVESTIGATING, users.head)
    # once the referral is recorded (date, officer, advice) the investigation can open
    record_step(
        case,
        "lado_referral",
        users.head,
        referred_on="2025-01-06",
        officer="J. Officer",
        advice="The school may investigate internally.",
    )
    move(case, Status.INVESTIGATING, users.head, reason="LADO advised an internal investigation")
    case.refresh_from_db()
    assert case.status == Status.INVESTIGATING


def test_a_lado_referral_must_have_a_date_an_officer_and_the_advice(report, users, record_step):
    case = report("allegation", actor=users.dsl, subject_user=users.teacher)
    with pytest.raises(services.CaseError, match="Advice the LADO gave"):
        record_step(case, "lado_referral", users.head, referred_on="2025-01-06", officer="J. Officer")
    with pytest.raises(services.CaseError, match="cannot be in the future"):
        record_step(case, "lado_referral", users.head, referred_on="2999-01-01", officer="J", advice="x")
    assert not case.steps.get(code="lado_referral").is_recorded


def test_a_recorded_step_is_never_recorded_again(report, users, record_step):
    case = report("allegation", actor=users.dsl, subject_user=users.teacher)
    record_step(case, "lado_referral", users.head, referred_on="2025-01-06", officer="A", advice="B")
    with pytest.raises(services.CaseError, match="already recorded"):
        record_step(case, "lado_referral", users.head, referred_on="2025-01-07", officer="C", advice="D")
    assert case.steps.get(code="lado_referral").details["officer"] == "A"


def test_unsuitable_material_needs_hr_or_lado_advice_before_investigation(report, users, move, record_step):
    case = report("unsuitable_material", actor=users.teacher)
    move(case, Status.ASSESSING, users.head)
    with pytest.raises(services.CaseError, match="Advice from HR or the LADO"):
        move(case, Status.INVESTIGATING, users.head)
    record_step(
        case,
        "hr_or_lado_advice",
        users.head,
        advice_from="hr",
        received_on="2025-01-06",
        adviser="H. Reid",
        advice="Investigate under the disciplinary policy.",
    )
    move(case, Status.INVESTIGATING, users.head)


def test_indecent_images_cannot_be_investigated_in_school_and_waits_on_police_and_lado(
    report, users, move, record_step
):
    case = report("indecent_images", actor=users.teacher)
    move(case, Status.ASSESSING, users.head)
    with pytest.raises(services.CaseError, match="cannot move"):
        move(case, Status.INVESTIGATING, users.head)
    with pytest.raises(services.CaseError, match="Report to the police"):
        move(case, Status.AWAITING_ADVICE, users.head)
    record_step(case, "police_referral", users.head, referred_on="2025-01-06", reference="CR/123/25")
    record_step(case, "lado_referral", users.head, referred_on="2025-01-06", officer="J. Officer", advice="Police lead")
    move(case, Status.AWAITING_ADVICE, users.head)
    move(case, Status.CLOSED, users.head, outcome="police", reason="Police took the device")
    case.refresh_from_db()
    assert case.outcome == "police"


def test_only_declared_transitions_are_allowed(report, users, move):
    case = report("bullying", actor=users.teacher)
    with pytest.raises(services.CaseError, match="cannot move"):
        move(case, Status.CLOSED, users.head, outcome="nfa")


def test_closing_needs_an_outcome_a_reason_and_every_required_step(report, users, move, record_step):
    case = report("allegation", actor=users.dsl, subject_user=users.teacher)
    move(case, Status.ASSESSING, users.head)
    with pytest.raises(services.CaseError, match="outcome"):
        move(case, Status.CLOSED, users.head, reason="Done")
    with pytest.raises(services.CaseError, match="required steps are not recorded"):
        move(case, Status.CLOSED, users.head, reason="Done", outcome="nfa")
    with pytest.raises(services.CaseError, match="reason"):
        move(case, Status.CLOSED, users.head, reason="  ", outcome="nfa")
    record_step(case, "lado_referral", users.head, referred_on="2025-01-06", officer="A", advice="No further action")
    move(case, Status.CLOSED, users.head, reason="LADO: no further action", outcome="nfa")
    case.refresh_from_db()
    assert case.status == Status.CLOSED and case.closure_reason == "LADO: no further action"
    assert case.closed_at is not None
    assert case.allowed_next() == []


def test_each_transition_writes_history_with_its_reason_and_an_audit_event(report, users, move):
    case = report("bullying", actor=users.teacher)
    move(case, Status.ASSESSING, users.head, reason="Spoke to Tom")
    activity = case.activity.filter(kind=CaseActivity.Kind.TRANSITION).get()
    assert (activity.from_status, activity.to_status, activity.reason, activity.actor) == (
        "reported",
        "assessing",
        "Spoke to Tom",
        users.head,
    )
    event = AuditEvent.objects.filter(action="case.transitioned", subject_id=str(case.pk)).get()
    assert event.data["from"] == "reported" and event.data["to"] == "assessing"
    assert "Spoke to Tom" not in str(event.data)


def test_someone_who_is_not_a_handler_cannot_move_a_case_and_nothing_changes(report, users, move):
    case = report("allegation", actor=users.dsl, subject_user=users.teacher)
    before = snapshot(case)
    for who in (users.teacher, users.dsl, users.chair, users.hr, users.trust):
        with pytest.raises(PermissionDenied):
            move(case, Status.ASSESSING, who)
    assert snapshot(case) == before


def test_the_subject_cannot_move_their_own_case_even_as_headteacher(report, users, move):
    case = report("allegation", actor=users.teacher, subject_user=users.head)
    with pytest.raises(PermissionDenied):
        move(case, Status.ASSESSING, users.head)
    move(case, Status.ASSESSING, users.chair)


def test_a_stale_request_is_refused(report, users, move):
    # given the DSL and the deputy both looking at a safeguarding case in "assessing"
    case = report("safeguarding", actor=users.teacher)
    move(case, Status.ASSESSING, users.dsl)
    seen_by_deputy = Case.objects.get(pk=case.pk)
    # when the DSL moves it on first
    move(case, Status.AWAITING_ADVICE, users.dsl, reason="Referred to social care")
    before = snapshot(case)
    # then the deputy's request, made from the page they saw, is refused and changes nothing
    with pytest.raises(services.CaseConflict, match="Someone else changed this case"):
        services.case_transition(
            case=seen_by_deputy,
            to_status=Status.ACTION,
            reason="Support plan",
            expected_status=seen_by_deputy.status,
            actor=users.deputy_dsl,
        )
    assert snapshot(case) == before


@ON_POSTGRES
def test_two_handlers_moving_the_same_case_at_once_cannot_both_succeed(transactional_db, trust, users):
    case, _ = services.case_report(
        school=trust["oakfield"], case_type="safeguarding", summary="Worried", actor=users.teacher
    )
    services.case_transition(
        case=case, to_status=Status.ASSESSING, reason="Taken", expected_status=Status.REPORTED, actor=users.dsl
    )
    barrier = threading.Barrier(2)
    results: dict[str, str] = {}

    def handler(name, actor, to_status):
        try:
            barrier.wait()
            services.case_transition(
                case=Case.objects.get(pk=case.pk),
                to_status=to_status,
                reason=name,
                expected_status=Status.ASSESSING,
                actor=actor,
            )
            results[name] = "ok"
        except services.CaseConflict:
            results[name] = "conflict"
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=handler, args=("dsl", users.dsl, Status.AWAITING_ADVICE)),
        threading.Thread(target=handler, args=("deputy", users.deputy_dsl, Status.ACTION)),
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert sorted(results.values()) == ["conflict", "ok"]
    case.refresh_from_db()
    assert case.activity.filter(kind="transition").count() == 2  # reported->assessing and exactly one more
    assert case.status == (Status.AWAITING_ADVICE if results["dsl"] == "ok" else Status.ACTION)


@ON_POSTGRES
def test_a_handler_waits_for_the_row_lock_and_is_then_refused(transactional_db, trust, users):
    """Deterministic: the first handler's transaction is still open when the second one starts."""
    import time

    from django.db import transaction

    case, _ = services.case_report(
        school=trust["oakfield"], case_type="safeguarding", summary="Worried", actor=users.teacher
    )
    services.case_transition(
        case=case, to_status=Status.ASSESSING, reason="Taken", expected_status=Status.REPORTED, actor=users.dsl
    )
    first_moved = threading.Event()
    results: dict[str, object] = {}

    def first():
        try:
            with transaction.atomic():
                services.case_transition(
                    case=Case.objects.get(pk=case.pk),
                    to_status=Status.AWAITING_ADVICE,
                    reason="first",
                    expected_status=Status.ASSESSING,
                    actor=users.dsl,
                )
                first_moved.set()
                time.sleep(1.0)  # keep the row locked while the second handler tries
            results["first"] = "ok"
        finally:
            connections.close_all()

    def second():
        try:
            first_moved.wait(10)
            started = time.monotonic()
            try:
                services.case_transition(
                    case=Case.objects.get(pk=case.pk),
                    to_status=Status.ACTION,
                    reason="second",
                    expected_status=Status.ASSESSING,
                    actor=users.deputy_dsl,
                )
                results["second"] = "ok"
            except services.CaseConflict:
                results["second"] = "conflict"
            results["waited"] = time.monotonic() - started
        finally:
            connections.close_all()

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert results["first"] == "ok" and results["second"] == "conflict"
    assert results["waited"] >= 0.5  # it waited for the lock rather than reading the old state
    case.refresh_from_db()
    assert case.status == Status.AWAITING_ADVICE


def test_a_reminder_goes_when_no_lado_referral_is_recorded_within_one_working_day(
    oakfield, users, django_capture_on_commit_callbacks
):
    # reported on a Friday afternoon: due the next working day, Monday, at the same time
    friday = at(2025, 1, 10, 15, 0)
    case, _ = services.case_report(
        school=oakfield,
        case_type="allegation",
        summary="Concern",
        actor=users.dsl,
        subject_user=users.teacher,
        now=friday,
    )
    step = case.steps.get(code="lado_referral")
    assert step.due_at == at(2025, 1, 13, 15, 0)
    with django_capture_on_commit_callbacks(execute=True):
        assert services.send_reminders(now=at(2025, 1, 12, 20, 0))["overdue_steps"] == 0  # Sunday: not yet due
    assert mail.outbox == []
    with django_capture_on_commit_callbacks(execute=True):
        counts = services.send_reminders(now=at(2025, 1, 13, 15, 5))
    assert counts == {"overdue_steps": 1, "emails": 1}
    assert mail.outbox[0].to == ["head@demo.safesocial.invalid"]
    assert "Referral to the LADO" in mail.outbox[0].subject
    # not again within a day; again the day after
    assert services.send_reminders(now=at(2025, 1, 13, 18, 0))["overdue_steps"] == 0
    assert services.send_reminders(now=at(2025, 1, 14, 15, 6))["overdue_steps"] == 1
    assert AuditEvent.objects.filter(action="case.reminder_sent").count() == 2
    # once recorded, no more reminders
    services.case_record_step(
        case=case,
        code="lado_referral",
        actor=users.head,
        details={"referred_on": "2025-01-14", "officer": "A", "advice": "B"},
    )
    assert services.send_reminders(now=at(2025, 1, 20, 9, 0) + timedelta(days=1))["overdue_steps"] == 0


def test_the_remind_command_runs(trust, capsys):
    from safesocial.cli import main

    assert main(["cases", "remind"]) == 0
    assert "overdue steps reminded: 0" in capsys.readouterr().out
