"""The approval workflow: line manager, communications manager, headteacher, in that order; returned
with reasons; resubmitted; live; closed with an evaluation. One service changes state."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from safesocial.accounts.models import RoleAssignment
from safesocial.accounts.roles import Role
from safesocial.audit.models import AuditEvent
from safesocial.sites import services
from safesocial.sites.models import SiteActivity, SiteApproval, SiteEvaluation

from .conftest import snapshot

pytestmark = pytest.mark.django_db

EVALUATION = services.Evaluation(
    achieved="partly", evidence="Families read it daily; few comments.", lessons="Start earlier."
)


def unchanged(site, call, exc=(services.SiteError, PermissionDenied), match=None):
    """Run ``call``; assert it is refused and that the site, approvals, activity and audit are untouched."""
    before = (
        snapshot(site),
        SiteApproval.objects.count(),
        SiteActivity.objects.count(),
        AuditEvent.objects.count(),
        len(mail.outbox),
    )
    with pytest.raises(exc, match=match):
        call()
    after = (
        snapshot(site),
        SiteApproval.objects.count(),
        SiteActivity.objects.count(),
        AuditEvent.objects.count(),
        len(mail.outbox),
    )
    assert after == before


def test_the_whole_way_from_draft_to_closed(site, team, django_capture_on_commit_callbacks):
    steps = [
        ("submit", team.author, "submitted", ["manager@example.org"]),
        ("approve", team.manager, "line_manager_approved", ["comms@example.org"]),
        ("approve", team.comms, "communications_approved", ["head@example.org"]),
        ("approve", team.head, "approved", ["admin1@example.org", "admin2@example.org", "author@example.org"]),
        ("go_live", team.admin1, "live", None),
    ]
    for action, actor, status, recipients in steps:
        mail.outbox.clear()
        with django_capture_on_commit_callbacks(execute=True):
            site = services.site_transition(site=site, action=action, actor=actor, expected_status=site.status)
        assert site.status == status
        if recipients is not None:
            assert sorted(r for m in mail.outbox for r in m.to) == recipients
    site = services.site_transition(site=site, action="close", actor=team.admin2, evaluation=EVALUATION)
    assert site.status == "closed" and site.closed_at is not None
    assert SiteEvaluation.objects.get(site=site).achieved == "partly"
    assert list(site.approvals.values_list("step", "decision", "actor__username")) == [
        ("line_manager", "approved", "manager"),
        ("communications", "approved", "comms"),
        ("headteacher", "approved", "head"),
    ]
    assert list(site.activity.values_list("action", flat=True)) == [
        "created",
        "submit",
        "approve",
        "approve",
        "approve",
        "go_live",
        "close",
    ]
    actions = list(AuditEvent.objects.filter(subject_id=str(site.pk)).values_list("action", flat=True))
    assert actions.count("site.transitioned") == 6 and "site.evaluated" in actions


def test_the_transition_table_is_the_only_way(site, team):
    # go live straight from draft: not in the table
    unchanged(
        site,
        lambda: services.site_transition(site=site, action="go_live", actor=team.author),
        match="cannot be put live",
    )
    unchanged(
        site,
        lambda: services.site_transition(site=site, action="approve", actor=team.manager),
        match="cannot be approved",
    )
    unchanged(site, lambda: services.site_transition(site=site, action="publish", actor=team.head))


def test_approvals_go_in_order(site, team, walk):
    site = walk(site, "submitted")
    unchanged(
        site, lambda: services.site_transition(site=site, action="approve", actor=team.comms), match="line manager"
    )
    unchanged(
        site, lambda: services.site_transition(site=site, action="approve", actor=team.head), match="line manager"
    )
    site = walk(site, "line_manager_approved")
    unchanged(
        site,
        lambda: services.site_transition(site=site, action="approve", actor=team.head),
        match="communications manager",
    )
    unchanged(
        site,
        lambda: services.site_transition(site=site, action="approve", actor=team.manager),
        match="communications manager",
    )
    site = walk(site, "communications_approved")
    unchanged(
        site, lambda: services.site_transition(site=site, action="approve", actor=team.comms), match="headteacher"
    )


def test_only_the_named_line_manager_approves_the_first_step(site, team, walk, school, make_user):
    other_manager = make_user(Role.LINE_MANAGER, school=school)
    site = walk(site, "submitted")
    unchanged(
        site,
        lambda: services.site_transition(site=site, action="approve", actor=other_manager),
        match="named on the form",
    )


def test_nobody_approves_their_own_request(school, team, details, walk):
    # the author is also the communications manager and the headteacher
    for role in (Role.COMMUNICATIONS_MANAGER, Role.HEADTEACHER):
        RoleAssignment.objects.create(user=team.author, role=role, school=school)
    site = services.site_create(school=school, details=details(), actor=team.author)
    site = walk(site, "line_manager_approved")
    unchanged(
        site,
        lambda: services.site_transition(site=site, action="approve", actor=team.author),
        exc=PermissionDenied,
        match="your own request",
    )
    unchanged(
        site,
        lambda: services.site_transition(site=site, action="return", actor=team.author, reason="x"),
        exc=PermissionDenied,
        match="your own request",
    )
    site = walk(site, "communications_approved")
    unchanged(
        site,
        lambda: services.site_transition(site=site, action="approve", actor=team.author),
        exc=PermissionDenied,
        match="your own request",
    )


def test_someone_else_cannot_submit_the_authors_request(site, team):
    unchanged(
        site,
        lambda: services.site_transition(site=site, action="submit", actor=team.manager),
        exc=PermissionDenied,
        match="author",
    )


def test_a_return_needs_reasons_and_goes_back_to_the_author(site, team, walk, django_capture_on_commit_callbacks):
    site = walk(site, "line_manager_approved")
    unchanged(
        site,
        lambda: services.site_transition(site=site, action="return", actor=team.comms, reason="  "),
        match="reasons",
    )
    with django_capture_on_commit_callbacks(execute=True):
        site = services.site_transition(site=site, action="return", actor=team.comms, reason="Use the new logo.")
    assert site.status == "returned"
    assert mail.outbox[-1].to == ["author@example.org"] and "Use the new logo." in mail.outbox[-1].body
    approval = site.approvals.get(decision="returned")
    assert (approval.step, approval.reasons, approval.round) == ("communications", "Use the new logo.", 1)


def test_a_returned_request_is_edited_resubmitted_and_approved_again_from_the_start(site, team, walk, details):
    site = walk(site, "submitted")
    site = services.site_transition(site=site, action="return", actor=team.manager, reason="Add a closure plan.")
    site = services.site_update(
        site=site, details=details(aims="Share the trip; evaluate with a survey."), actor=team.author
    )
    site = services.site_transition(site=site, action="submit", actor=team.author)
    assert (site.status, site.round) == ("submitted", 2)
    site = walk(site, "approved")
    assert site.approvals.filter(round=2, decision="approved").count() == 3


def test_a_duplicate_submission_is_refused(site, team):
    site = services.site_transition(site=site, action="submit", actor=team.author, expected_status="draft")
    unchanged(
        site,
        lambda: services.site_transition(site=site, action="submit", actor=team.author, expected_status="draft"),
        match="moved on",
    )
    unchanged(
        site,
        lambda: services.site_transition(site=site, action="submit", actor=team.author),
        match="cannot be submitted",
    )


def test_a_tampered_workflow_step_is_refused(site, team, walk):
    site = walk(site, "submitted")
    # the form said it was waiting for the headteacher; it is not
    unchanged(
        site,
        lambda: services.site_transition(
            site=site, action="approve", actor=team.head, expected_status="communications_approved"
        ),
        match="moved on",
    )


def test_submitting_checks_the_form_again(site, team):
    team.mod2.role_assignments.update(active=False)  # left the school since the draft was saved
    unchanged(
        site, lambda: services.site_transition(site=site, action="submit", actor=team.author), exc=services.FormErrors
    )


def test_only_the_author_edits_and_only_while_draft_or_returned(site, team, walk, details):
    unchanged(
        site, lambda: services.site_update(site=site, details=details(), actor=team.manager), exc=PermissionDenied
    )
    site = walk(site, "submitted")
    unchanged(
        site,
        lambda: services.site_update(site=site, details=details(aims="changed"), actor=team.author),
        match="cannot be edited",
    )


def test_a_site_cannot_go_live_before_its_date(school, team, details, walk):
    site = services.site_create(
        school=school,
        details=details(
            go_live_date=timezone.localdate() + timedelta(days=3),
            closure_date=timezone.localdate() + timedelta(days=30),
        ),
        actor=team.author,
    )
    site = walk(site, "approved")
    unchanged(
        site,
        lambda: services.site_transition(site=site, action="go_live", actor=team.admin1),
        match="cannot go live before",
    )
    site = services.site_transition(
        site=site, action="go_live", actor=team.admin1, today=timezone.localdate() + timedelta(days=3)
    )
    assert site.status == "live"


def test_a_site_without_two_active_moderators_cannot_go_live(site, team, walk):
    site = walk(site, "approved")
    team.mod1.role_assignments.update(active=False)
    unchanged(
        site,
        lambda: services.site_transition(site=site, action="go_live", actor=team.admin1),
        match="1 active moderator",
    )


def test_only_the_site_team_or_headteacher_puts_it_live_or_closes_it(site, team, walk):
    site = walk(site, "approved")
    unchanged(
        site, lambda: services.site_transition(site=site, action="go_live", actor=team.mod1), exc=PermissionDenied
    )
    site = services.site_transition(site=site, action="go_live", actor=team.head)
    unchanged(
        site,
        lambda: services.site_transition(site=site, action="close", actor=team.comms, evaluation=EVALUATION),
        exc=PermissionDenied,
    )


def test_closing_needs_an_evaluation(site, team, walk):
    site = walk(site, "live")
    unchanged(site, lambda: services.site_transition(site=site, action="close", actor=team.author), match="14.7")
    unchanged(
        site,
        lambda: services.site_transition(
            site=site, action="close", actor=team.author, evaluation=services.Evaluation(achieved="yes", evidence=" ")
        ),
        match="evaluation",
    )
    unchanged(
        site,
        lambda: services.site_transition(
            site=site, action="close", actor=team.author, evaluation=services.Evaluation(achieved="maybe", evidence="x")
        ),
        match="evaluation",
    )


def test_a_closed_site_takes_no_more_transitions(site, team, walk):
    site = walk(site, "live")
    site = services.site_transition(site=site, action="close", actor=team.author, evaluation=EVALUATION)
    unchanged(site, lambda: services.site_transition(site=site, action="go_live", actor=team.author))


def test_a_closed_sites_name_may_be_used_again(site, team, walk, school, details):
    site = walk(site, "live")
    services.site_transition(site=site, action="close", actor=team.author, evaluation=EVALUATION)
    again = services.site_create(school=school, details=details(), actor=team.author)
    assert again.pk != site.pk


def test_e_mail_links_are_absolute_when_the_base_url_is_set(site, team, settings, django_capture_on_commit_callbacks):
    settings.SAFESOCIAL_BASE_URL = "https://safesocial.example.org/"
    with django_capture_on_commit_callbacks(execute=True):
        services.site_transition(site=site, action="submit", actor=team.author)
    assert f"https://safesocial.example.org/sites/{site.pk}/" in mail.outbox[0].body
