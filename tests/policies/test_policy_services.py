"""Adopting, publishing, superseding, acknowledging and reviewing policy versions."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from safesocial.audit.models import AuditEvent
from safesocial.policies import selectors, services
from safesocial.policies.models import Acknowledgement, PolicyVersion

pytestmark = pytest.mark.django_db


@pytest.fixture
def head(school, make_user):
    return make_user("headteacher", school=school)


def adopt(school, head, label="2026.1", effective=date(2026, 9, 1), **kw):
    return services.policy_adopt(
        school=school, pack_id=kw.pop("pack_id", "walsall"), label=label, effective_from=effective, owner="Head",
        ratified_by="Governing board", ratified_on=effective, actor=head, **kw,
    )


def test_adopt_and_publish_records_choices_snapshot_and_audit(school, head):
    version = adopt(school, head, choices={"it_use": "limited"})
    assert version.status == "draft" and version.next_review == date(2027, 9, 1)
    clause_ids = {c["id"] for c in version.pack_snapshot["clauses"]}
    assert "3.1-option2" in clause_ids and "3.1-option1" not in clause_ids
    services.policy_publish(version=version, actor=head)
    version.refresh_from_db()
    assert version.status == "published"
    assert list(AuditEvent.objects.values_list("action", flat=True)) == ["policy.adopted", "policy.published"]


def test_a_new_version_supersedes_and_in_force_at_time_t_is_one_call(school, head):
    v1 = services.policy_publish(version=adopt(school, head, "2025.1", date(2025, 9, 1)), actor=head)
    v2 = services.policy_publish(version=adopt(school, head, "2026.1", date(2026, 9, 1)), actor=head)
    v1.refresh_from_db()
    assert v1.status == "superseded" and v2.supersedes == v1
    assert selectors.version_in_force(school=school, at=date(2026, 1, 15)) == v1
    assert selectors.version_in_force(school=school, at=date(2026, 10, 1)) == v2
    assert selectors.version_in_force(school=school, at=date(2024, 1, 1)) is None


def test_publishing_needs_ratification_and_cannot_repeat(school, head):
    version = services.policy_adopt(school=school, pack_id="welton", label="1", effective_from=date(2026, 9, 1),
                                    owner="Head", actor=head)
    with pytest.raises(services.PolicyError, match="ratified"):
        services.policy_publish(version=version, actor=head)
    version.ratified_by, version.ratified_on = "Board", date(2026, 8, 1)
    version.save()
    services.policy_publish(version=version, actor=head)
    with pytest.raises(services.PolicyError, match="cannot be published"):
        services.policy_publish(version=version, actor=head)


def test_bad_adoption_is_refused_and_changes_nothing(school, head, make_user):
    with pytest.raises(services.PolicyError, match="no choice 'sometimes'"):
        adopt(school, head, choices={"it_use": "sometimes"})
    adopt(school, head)
    with pytest.raises(services.PolicyError, match="already has a policy version labelled"):
        adopt(school, head)
    teacher = make_user("staff", school=school)
    with pytest.raises(PermissionDenied):
        adopt(school, teacher, label="x")
    assert PolicyVersion.objects.count() == 1


def test_acknowledgement_once_per_version_and_asked_again_for_a_new_version(school, head, make_user):
    teacher = make_user("staff", school=school)
    v1 = services.policy_publish(version=adopt(school, head, "2025.1", date(2025, 9, 1)), actor=head)
    assert selectors.pending_acknowledgement_for(user=teacher) == v1
    services.policy_acknowledge(version=v1, actor=teacher)
    assert selectors.pending_acknowledgement_for(user=teacher) is None
    with pytest.raises(services.PolicyError, match="already acknowledged"):
        services.policy_acknowledge(version=v1, actor=teacher)
    assert Acknowledgement.objects.filter(user=teacher).count() == 1
    v2 = services.policy_publish(version=adopt(school, head, "2026.1", date(2026, 9, 1)), actor=head)
    assert selectors.pending_acknowledgement_for(user=teacher) == v2


def test_a_pack_that_does_not_bind_parents_does_not_ask_them(school, head, make_user):
    parent = make_user("parent", school=school)
    version = services.policy_publish(version=adopt(school, head, pack_id="waterville"), actor=head)
    assert selectors.pending_acknowledgement_for(user=parent) is None
    with pytest.raises(PermissionDenied):
        services.policy_acknowledge(version=version, actor=parent)


def test_dashboard_lists_who_has_not_acknowledged(school, head, make_user):
    a, b = make_user("staff", school=school), make_user("governor", school=school)
    version = services.policy_publish(version=adopt(school, head), actor=head)
    services.policy_acknowledge(version=version, actor=a)
    (row,) = selectors.acknowledgement_dashboard(user=head)
    assert [u for u, _ack in row["acknowledged"]] == [a]
    assert set(row["outstanding"]) == {head, b}
    with pytest.raises(PermissionDenied):
        selectors.acknowledgement_dashboard(user=a, school=school)


def test_reminders_email_the_outstanding_once_a_week(school, head, make_user, django_capture_on_commit_callbacks):
    make_user("staff", school=school)
    version = services.policy_publish(version=adopt(school, head), actor=head)
    with django_capture_on_commit_callbacks(execute=True):
        counts = services.send_reminders(school=school, actor=head)
    assert counts["acknowledge"] == 2
    assert len(mail.outbox) == 2 and "acknowledge" in mail.outbox[0].subject
    assert services.send_reminders(school=school, actor=head)["acknowledge"] == 0
    assert len(mail.outbox) == 2
    assert version.pk


def test_review_reminders_before_and_after_the_review_date(school, head):
    version = services.policy_publish(version=adopt(school, head), actor=head)
    counts = services.send_reminders(today=version.next_review - timedelta(days=10))
    assert counts["review_due"] == 1
    counts = services.send_reminders(today=version.next_review + timedelta(days=8))
    assert counts["review_overdue"] == 1


def test_review_is_recorded_and_moves_the_review_date(school, head):
    version = services.policy_publish(version=adopt(school, head), actor=head)
    today = timezone.localdate()
    with pytest.raises(services.PolicyError, match="Say what changed"):
        services.policy_review(version=version, reviewed_on=today, outcome="minor_changes", changes="",
                               next_review=today + timedelta(days=365), actor=head)
    review = services.policy_review(version=version, reviewed_on=today, outcome="no_change", changes="",
                                    next_review=today + timedelta(days=365), reviewed_by_body="Board", actor=head)
    version.refresh_from_db()
    assert version.next_review == review.next_review
    assert AuditEvent.objects.filter(action="policy.reviewed").count() == 1
