"""Reports for leaders and governors: counts by type, outcome and school, time to referral; no personal details."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied

from safesocial.audit.models import AuditEvent
from safesocial.cases import selectors, services
from safesocial.cases.models import Status

from .conftest import at

pytestmark = pytest.mark.django_db


@pytest.fixture
def cases(oakfield, brookside, users, move, record_step):
    a, _ = services.case_report(
        school=oakfield,
        case_type="allegation",
        summary="Mr Secretname messaged Ruby",
        actor=users.dsl,
        subject_user=users.teacher,
        now=at(2025, 1, 6),
    )
    record_step(a, "lado_referral", users.head, referred_on="2025-01-08", officer="Officer Lado", advice="x")
    b, _ = services.case_report(
        school=oakfield,
        case_type="indecent_images",
        summary="Laptop",
        actor=users.teacher,
        found_where="Room 4",
        found_at=at(2025, 1, 6),
        now=at(2025, 1, 6),
    )
    record_step(b, "police_referral", users.head, referred_on="2025-01-06", reference="CR1")
    record_step(b, "lado_referral", users.head, referred_on="2025-01-07", officer="Officer Lado", advice="x")
    c, _ = services.case_report(
        school=brookside, case_type="bullying", summary="Comments", actor=users.brookside_teacher
    )
    move(a, Status.ASSESSING, users.head)
    move(a, Status.CLOSED, users.head, outcome="disciplinary", reason="Final warning")
    return a, b, c


def test_counts_by_type_outcome_and_school_with_the_median_time_to_referral(cases, users):
    stats = selectors.case_statistics(user=users.head)  # headteacher of Oakfield only
    assert stats["total"] == 2 and stats["open"] == 1 and stats["closed"] == 1
    assert dict(stats["by_type"])["An allegation about an adult's online conduct"] == 1
    assert dict(stats["by_outcome"])["Disciplinary action"] == 1
    assert stats["by_school"] == [("Oakfield Primary School", 2)]
    # allegation: 2 days to the LADO; indecent images: 0 days to the police (the first referral)
    assert stats["referrals"] == 2 and stats["referral_median_days"] == 1


def test_the_trust_sees_every_school(cases, users):
    stats = selectors.case_statistics(user=users.trust)
    assert stats["total"] == 3
    assert dict(stats["by_school"]) == {"Brookside Primary Academy": 1, "Oakfield Primary School": 2}


def test_governors_see_counts_and_staff_do_not(cases, users, client):
    assert selectors.case_statistics(user=users.governor)["total"] == 2
    with pytest.raises(PermissionDenied):
        selectors.case_statistics(user=users.teacher)
    client.force_login(users.teacher)
    assert client.get("/cases/reports/").status_code == 403


def test_the_report_page_shows_no_personal_details_and_is_audited(cases, users, client):
    client.force_login(users.chair)
    page = client.get("/cases/reports/").content.decode()
    assert "Median days from report to referral" in page
    for detail in ("Secretname", "Ruby", "Tom Baker", "Officer Lado", "Room 4", "AL-", "II-"):
        assert detail not in page
    assert AuditEvent.objects.filter(action="case.reports_viewed", actor=users.chair).count() == 1
