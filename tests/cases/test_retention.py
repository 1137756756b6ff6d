"""Retention: periods per case type with their sources, legal holds, and runs that delete only when approved."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.core.files.storage import default_storage

from safesocial.audit.models import AuditEvent
from safesocial.audit.services import verify_chain
from safesocial.cases import retention, services
from safesocial.cases.models import Case, CaseType, Evidence, Status
from safesocial.cli import main
from safesocial.people.models import Person

pytestmark = pytest.mark.django_db


@pytest.fixture
def closed_bullying(report, users, move, record_step, screenshot, django_capture_on_commit_callbacks):
    def make():
        case = report("bullying", actor=users.teacher, evidence=[services.EvidenceInput(upload=screenshot())])
        move(case, Status.ASSESSING, users.head)
        record_step(case, "support_signposting", users.head, signposted_on="2025-01-06", services="EAP line")
        record_step(case, "police_decision", users.head, decided_on="2025-01-06", decision="no_police")
        ev = case.evidence.get()
        services.evidence_attach(
            case=case,
            item=services.EvidenceInput(upload=screenshot("b.png")),
            actor=users.head,
            supersedes=ev,
            correction_reason="Clearer copy",
        )
        req = services.removal_request_draft(case=case, actor=users.head, platform="Instagram", evidence=ev)
        services.removal_request_transition(request=req, to_status="sent", actor=users.head)
        move(case, Status.CLOSED, users.head, outcome="advice", reason="Post removed; support in place")
        case.refresh_from_db()
        return case

    return make


def test_every_case_type_has_a_documented_rule():
    assert set(retention.RULES) == set(CaseType.values)
    for rule in retention.RULES.values():
        assert rule.summary and rule.source and rule.years > 0


def test_child_protection_records_are_kept_until_the_childs_date_of_birth_plus_25_years(
    report, users, move, record_step, oakfield
):
    case = report("safeguarding", actor=users.teacher)
    move(case, Status.ASSESSING, users.dsl)
    record_step(
        case,
        "safeguarding_decision",
        users.dsl,
        decided_on="2025-01-06",
        decision="monitor",
        rationale="Low level; monitor",
    )
    ruby = Person.objects.get(school=oakfield, external_id="P001")
    services.case_link_child(case=case, person=ruby, actor=users.dsl)
    move(case, Status.CLOSED, users.dsl, outcome="advice", reason="Monitoring plan")
    case.refresh_from_db()
    assert case.retain_until == ruby.dob.replace(year=ruby.dob.year + 25)
    assert "date of birth plus 25 years" in case.retention_basis and "IRMS" in case.retention_basis


def test_without_a_date_of_birth_nothing_is_ever_due_and_it_is_listed_for_review(report, users, move, record_step):
    case = report("safeguarding", actor=users.teacher)
    move(case, Status.ASSESSING, users.dsl)
    record_step(case, "safeguarding_decision", users.dsl, decided_on="2025-01-06", decision="none", rationale="x")
    move(case, Status.CLOSED, users.dsl, outcome="nfa", reason="No concern")
    case.refresh_from_db()
    assert case.retain_until is None and "review by hand" in case.retention_basis
    assert retention.due_cases(as_of=date(2200, 1, 1)) == []
    assert case in retention.needing_review()


def test_bullying_records_are_kept_six_years_from_closure(closed_bullying):
    case = closed_bullying()
    closed = case.closed_at.date()
    assert case.retain_until == closed.replace(year=closed.year + 6)


def test_a_run_lists_what_is_due_and_deletes_nothing_until_approved(
    closed_bullying, django_capture_on_commit_callbacks
):
    case = closed_bullying()
    files = [e.file.name for e in case.evidence.all()]
    assert all(default_storage.exists(f) for f in files)
    too_early = retention.retention_propose(actor_label="test", as_of=case.retain_until - timedelta(days=1))
    assert too_early.items.count() == 0
    run = retention.retention_propose(actor_label="test", as_of=case.retain_until)
    assert [i.case_ref for i in run.items.all()] == [case.ref]
    assert Case.objects.filter(pk=case.pk).exists()  # nothing deleted yet
    with django_capture_on_commit_callbacks(execute=True):
        run = retention.retention_approve(run_id=run.pk, actor_label="approver", today=case.retain_until)
    assert (run.status, run.deleted, run.skipped) == ("completed", 1, 0)
    assert not Case.objects.filter(pk=case.pk).exists() and Evidence.objects.count() == 0
    assert not any(default_storage.exists(f) for f in files)
    event = AuditEvent.objects.get(action="retention.deleted")
    assert event.subject_id == str(case.pk) and event.data["ref"] == case.ref
    assert AuditEvent.objects.filter(action="retention.run_approved").exists()
    assert verify_chain().ok  # the case's own audit events are kept
    with pytest.raises(retention.RetentionError, match="already approved"):
        retention.retention_approve(run_id=run.pk, actor_label="approver")


def test_a_legal_hold_stops_deletion_even_after_the_run_was_proposed(closed_bullying, users):
    case = closed_bullying()
    run = retention.retention_propose(actor_label="test", as_of=case.retain_until)
    services.legal_hold_set(case=case, reason="Police asked us to keep it", actor=users.head)
    run = retention.retention_approve(run_id=run.pk, actor_label="approver", today=case.retain_until)
    assert (run.deleted, run.skipped) == (0, 1)
    assert run.items.get().outcome == "legal hold"
    assert Case.objects.filter(pk=case.pk).exists()
    assert retention.due_cases(as_of=case.retain_until) == []
    services.legal_hold_lift(case=case, reason="Police closed their case", actor=users.head)
    assert retention.due_cases(as_of=case.retain_until) == [case]
    assert AuditEvent.objects.filter(action="retention.hold_set").count() == 2


def test_holds_need_the_right_role(closed_bullying, users):
    case = closed_bullying()
    with pytest.raises(services.PermissionDenied):
        services.legal_hold_set(case=case, reason="x", actor=users.teacher)
    services.legal_hold_set(case=case, reason="Tribunal", actor=users.trust)  # cases.retention at trust level
    with pytest.raises(services.CaseError, match="already has a legal hold"):
        services.legal_hold_set(case=case, reason="again", actor=users.head)


def test_the_retention_command_proposes_and_approves(closed_bullying, capsys):
    case = closed_bullying()
    assert main(["cases", "retention", "--as-of", "2999-01-01"]) == 0
    out = capsys.readouterr().out
    assert case.ref in out and "nothing has been deleted" in out
    run_id = int(out.split("retention run ")[1].split(" ")[0])
    assert Case.objects.filter(pk=case.pk).exists()
    # approving today does nothing: the case is not due yet
    assert main(["cases", "retention", "--approve", str(run_id)]) == 0
    assert "0 case(s) deleted, 1 skipped" in capsys.readouterr().out
    assert Case.objects.filter(pk=case.pk).exists()
    assert main(["cases", "retention", "--approve", "999999"]) == 2
