"""Need-to-know access: handlers and named roles only; never the subject; every view and download audited."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.storage import default_storage

from safesocial.audit.models import AuditEvent
from safesocial.cases import selectors, services
from safesocial.cases.models import Case, Evidence

from .conftest import png_bytes, upload

pytestmark = pytest.mark.django_db


def visible(user):
    return set(selectors.cases_visible_to(user=user).values_list("ref", flat=True))


def test_a_subject_cannot_see_their_own_allegation(report, users, client):
    # given an allegation about the teacher, reported by the DSL
    case = report("allegation", actor=users.dsl, subject_user=users.teacher)
    # then the teacher does not see it in any list
    assert case.ref not in visible(users.teacher)
    # and cannot open it directly: a 404 that does not confirm it exists, and the attempt is audited
    with pytest.raises(selectors.CaseNotFound):
        selectors.access_case(user=users.teacher, case_id=case.pk)
    client.force_login(users.teacher)
    assert client.get(f"/cases/{case.pk}/").status_code == 404
    refused = AuditEvent.objects.filter(action="case.access_refused", subject_id=str(case.pk))
    assert refused.count() == 2 and refused.first().actor == users.teacher
    assert not AuditEvent.objects.filter(action="case.viewed", subject_id=str(case.pk)).exists()


def test_a_subject_who_holds_a_handler_role_still_cannot_see_it(report, users):
    # the DSL is the subject of an indecent-images case, on which DSLs are a named role
    case = report("indecent_images", actor=users.teacher, subject_user=users.dsl)
    assert case.ref not in visible(users.dsl)
    assert case.ref in visible(users.deputy_dsl)
    assert case.ref in visible(users.head)


def test_an_allegation_about_the_headteacher_is_hidden_from_the_headteacher(report, users):
    case = report("allegation", actor=users.teacher, subject_user=users.head)
    assert case.ref not in visible(users.head)
    assert case.ref in visible(users.chair)


def test_colleagues_and_other_leaders_cannot_see_an_allegation(report, users):
    case = report("allegation", actor=users.dsl, subject_user=users.teacher)
    assert case.ref in visible(users.head)
    for name in ("manager", "moderator", "dsl", "deputy_dsl", "hr", "governor", "chair", "trust", "brookside_head"):
        assert case.ref not in visible(users[name]), name


def test_a_superuser_is_not_a_case_handler(report, users, django_user_model):
    case = report("safeguarding", actor=users.teacher)
    root = django_user_model.objects.create_superuser("root", "root@example.org", "a-long-password-1")
    assert case.ref not in visible(root)


def test_named_roles_see_a_case_but_cannot_handle_it(report, users):
    case = report("unsuitable_material", actor=users.teacher)
    assert case.ref in visible(users.hr)
    assert not services.may_act(users.hr, case)
    assert services.may_act(users.head, case)


def test_every_view_of_a_case_is_an_audit_event(report, users, client):
    case = report("bullying", actor=users.teacher)
    client.force_login(users.head)
    for _ in range(2):
        assert client.get(f"/cases/{case.pk}/").status_code == 200
    views = AuditEvent.objects.filter(action="case.viewed", subject_id=str(case.pk), actor=users.head)
    assert views.count() == 2


def test_every_download_of_evidence_is_an_audit_event(report, users, client, screenshot):
    case = report(
        "bullying", actor=users.teacher, evidence=[services.EvidenceInput(upload=screenshot(), platform="Instagram")]
    )
    evidence = case.evidence.get()
    client.force_login(users.head)
    response = client.get(f"/cases/{case.pk}/evidence/{evidence.pk}/")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == png_bytes()
    assert response["Content-Type"] == "image/png"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "attachment" in response["Content-Disposition"]
    assert AuditEvent.objects.filter(action="evidence.downloaded", subject_id=str(evidence.pk)).count() == 1
    # the reporter (not a handler) cannot download it
    client.force_login(users.teacher)
    assert client.get(f"/cases/{case.pk}/evidence/{evidence.pk}/").status_code == 404


def test_an_indecent_image_case_refuses_any_upload(report, users, oakfield):
    # at reporting: a file is refused with a clear message and nothing at all is stored
    with pytest.raises(services.CaseError, match="Do not upload"):
        services.case_report(
            school=oakfield,
            case_type="indecent_images",
            summary="Found on a laptop",
            actor=users.teacher,
            found_where="Laptop",
            found_at=None,
            evidence=[services.EvidenceInput(upload=upload("x.png", png_bytes(), "image/png"))],
        )
    assert Case.objects.count() == 0 and Evidence.objects.count() == 0
    assert not default_storage.exists("private")
    # afterwards: the handler cannot add anything either, not even a record without a file
    case = report("indecent_images", actor=users.teacher)
    for item in (
        services.EvidenceInput(upload=upload("x.png", png_bytes(), "image/png")),
        services.EvidenceInput(url="https://example.org/x", description="where"),
    ):
        with pytest.raises(services.CaseError, match="Do not upload"):
            services.evidence_attach(case=case, item=item, actor=users.head)
    assert case.evidence.count() == 0


def test_an_indecent_image_case_refuses_any_upload_through_the_pages(report, users, client):
    client.force_login(users.teacher)
    response = client.post(
        "/cases/report/material/",
        {
            "school": str(users.teacher.role_assignments.first().school_id),
            "summary": "Found images on a laptop",
            "material_kind": "unsure",
            "found_where": "Laptop in room 4",
            "found_at": "2025-01-06T09:00",
            "evidence_file": upload("x.png", png_bytes(), "image/png"),
        },
    )
    assert response.status_code == 200
    assert "Do not upload" in response.content.decode()
    assert Case.objects.count() == 0
    case = report("indecent_images", actor=users.teacher)
    client.force_login(users.head)
    response = client.post(
        f"/cases/{case.pk}/evidence/add/", {"evidence_file": upload("x.png", png_bytes(), "image/png")}
    )
    assert response.status_code == 302 and case.evidence.count() == 0


def test_an_indecent_image_case_refuses_any_attempt_to_view(report, users, client, oakfield):
    case = report("indecent_images", actor=users.teacher)
    # even if material were somehow on the case (written behind the application's back)
    Evidence.objects.create(
        case=case,
        file="private/evidence/x.png",
        sha256="0" * 64,
        size=1,
        content_type="image/png",
        uploaded_at=case.reported_at,
    )
    evidence = case.evidence.get()
    for user in (users.head, users.dsl, users.deputy_dsl):
        with pytest.raises(PermissionDenied, match="never stored or opened in school"):
            selectors.access_evidence(user=user, case_id=case.pk, evidence_id=evidence.pk)
    client.force_login(users.head)
    response = client.get(f"/cases/{case.pk}/evidence/{evidence.pk}/")
    assert response.status_code == 403
    assert "it is for the police" in response.content.decode()
    assert AuditEvent.objects.filter(action="case.access_refused", data__what="sealed_material").count() == 4
    assert not AuditEvent.objects.filter(action="evidence.downloaded").exists()


def test_the_reporter_sees_what_happens_next_but_not_the_case_file(report, users, client):
    case = report("allegation", actor=users.dsl, subject_user=users.teacher)
    client.force_login(users.dsl)
    page = client.get(f"/cases/mine/{case.pk}/").content.decode()
    assert "contact the Local Authority Designated Officer (LADO) within one working day" in page
    assert "received and is waiting" in page
    assert client.get(f"/cases/{case.pk}/").status_code == 404
    # someone else cannot see another person's report
    client.force_login(users.manager)
    assert client.get(f"/cases/mine/{case.pk}/").status_code == 404


def test_anonymous_whistleblowing_stores_no_identity_and_the_receipt_shows_progress(report, users, client):
    case, receipt = report("whistleblowing", actor=users.teacher, summary="Staff share pupils' photos in a chat")
    case.refresh_from_db()
    assert case.reporter_id is None and receipt not in case.receipt_hash
    events = AuditEvent.objects.filter(subject_type="cases.case", subject_id=str(case.pk))
    assert events.exists() and all(e.actor_id is None and e.actor_label == "anonymous" for e in events)
    assert not case.activity.filter(actor__isnull=False).exists()
    assert not case.evidence.filter(uploaded_by__isnull=False).exists()
    client.force_login(users.manager)
    page = client.post("/cases/receipt/", {"code": receipt.lower()}).content.decode()
    assert case.ref in page and "received and is waiting" in page
    page = client.post("/cases/receipt/", {"code": "AAAA-BBBB-CCCC-DDDD"}).content.decode()
    assert "No report has that receipt code" in page


def test_audit_payloads_hold_no_report_text_or_names(report, users, screenshot):
    secret = "Ruby Patel in Year 6 was sent a message by Mr Smith"
    case = report(
        "safeguarding",
        actor=users.teacher,
        summary=secret,
        evidence=[
            services.EvidenceInput(upload=screenshot("ruby-patel.png"), platform="Snapchat", captured_by="Tom Baker")
        ],
    )
    for event in AuditEvent.objects.all():
        text = str(event.data)
        assert "Ruby" not in text and "Smith" not in text and "ruby-patel" not in text and "Tom Baker" not in text
    assert case.summary == secret


def test_reports_for_every_role_need_a_role_at_the_school(oakfield, brookside, users):
    with pytest.raises(PermissionDenied):
        services.case_report(school=brookside, case_type="bullying", summary="x", actor=users.teacher)
    case, _ = services.case_report(school=oakfield, case_type="safeguarding", summary="x", actor=users.pupil)
    assert case.reporter == users.pupil
