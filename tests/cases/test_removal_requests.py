"""Removal requests to platforms: a generated letter and a tracked request."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied

from safesocial.audit.models import AuditEvent
from safesocial.cases import services
from safesocial.cases.models import RemovalRequest

from .conftest import at

pytestmark = pytest.mark.django_db


@pytest.fixture
def bullying(report, users, screenshot):
    return report(
        "bullying",
        actor=users.teacher,
        summary="They called me a disgrace to teaching",
        evidence=[
            services.EvidenceInput(
                upload=screenshot(),
                platform="Instagram",
                url="https://instagram.com/p/xyz",
                seen_at=at(2025, 1, 5, 20, 15),
                captured_by="Tom Baker",
            )
        ],
    )


def test_the_letter_is_generated_from_the_evidence_details(bullying, users):
    ev = bullying.evidence.get()
    req = services.removal_request_draft(case=bullying, actor=users.head, platform="Instagram", evidence=ev)
    assert req.status == RemovalRequest.Status.DRAFTED
    assert req.url == "https://instagram.com/p/xyz"
    for expected in (
        "Oakfield",
        "Instagram",
        "https://instagram.com/p/xyz",
        "5 January 2025 at 20:15",
        ev.sha256,
        bullying.ref,
        "Helen Carter",
        "Headteacher",
        "Captured by: Tom Baker",
    ):
        assert expected in req.letter, expected
    assert "disgrace" not in req.letter  # the post text is not repeated to the platform


def test_the_request_is_tracked_to_its_end_and_sending_it_records_the_step(bullying, users):
    req = services.removal_request_draft(case=bullying, actor=users.head, platform="Instagram")
    step = bullying.steps.get(code="removal_request")
    assert not step.is_recorded
    with pytest.raises(services.CaseError, match="cannot move"):
        services.removal_request_transition(request=req, to_status="removed", actor=users.head)
    services.removal_request_transition(request=req, to_status="sent", actor=users.head, note="Via the web form")
    step.refresh_from_db()
    assert step.is_recorded and step.details["request"] == req.pk
    services.removal_request_transition(request=req, to_status="acknowledged", actor=users.head, reference="IG-77")
    req = services.removal_request_transition(request=req, to_status="removed", actor=users.head)
    assert req.status == "removed" and req.platform_reference == "IG-77"
    assert [h["to"] for h in req.history] == ["drafted", "sent", "acknowledged", "removed"]
    assert AuditEvent.objects.filter(action="case.removal_request").count() == 4
    with pytest.raises(services.CaseError):
        services.removal_request_transition(request=req, to_status="refused", actor=users.head)


def test_a_stale_removal_update_is_refused(bullying, users):
    req = services.removal_request_draft(case=bullying, actor=users.head, platform="Instagram")
    services.removal_request_transition(request=req, to_status="sent", actor=users.head, expected_status="drafted")
    with pytest.raises(services.CaseConflict):
        services.removal_request_transition(request=req, to_status="sent", actor=users.head, expected_status="drafted")


def test_only_handlers_draft_requests_and_only_for_staff_cases(bullying, users, report):
    with pytest.raises(PermissionDenied):
        services.removal_request_draft(case=bullying, actor=users.teacher, platform="Instagram")
    other = report("breach", actor=users.dsl, subject_user=users.manager)
    with pytest.raises(services.CaseError, match="bullying and posts about staff"):
        services.removal_request_draft(case=other, actor=users.head, platform="X")


def test_the_letter_downloads_as_a_pdf_and_the_download_is_audited(bullying, users, client):
    req = services.removal_request_draft(case=bullying, actor=users.head, platform="Instagram")
    client.force_login(users.head)
    response = client.get(f"/cases/{bullying.pk}/removal/{req.pk}/letter.pdf")
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    assert AuditEvent.objects.filter(action="case.letter_downloaded").count() == 1
    page = client.get(f"/cases/{bullying.pk}/removal/{req.pk}/").content.decode()
    assert "Letter drafted" in page and "Sent to the platform" in page
