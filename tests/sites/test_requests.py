"""Media enquiries (16.7), advertising for contributors (18.7) and external friends (18.8)."""

from __future__ import annotations

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied

from safesocial.accounts.models import RoleAssignment
from safesocial.audit.models import AuditEvent
from safesocial.sites import services
from safesocial.sites.models import SiteRequest

from .conftest import snapshot

pytestmark = pytest.mark.django_db


@pytest.fixture
def live(site, walk):
    return walk(site, "live")


def raise_request(live, actor, kind="media_enquiry", subject="Express & Star"):
    return services.site_request_create(
        site=live, kind=kind, subject=subject, details="A reporter asked about the trip.", actor=actor
    )


def test_a_media_enquiry_goes_to_the_headteacher_at_once(live, team, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        req = raise_request(live, team.mod1)
    assert req.status == "pending"
    assert [m.to for m in mail.outbox] == [["head@example.org"]]
    assert "Media enquiry" in mail.outbox[0].subject


def test_the_headteacher_approves_or_declines_with_reasons(live, team, django_capture_on_commit_callbacks):
    req = raise_request(live, team.mod1, kind="external_friend", subject="Walsall Library")
    with pytest.raises(services.SiteError, match="reasons"):
        services.site_request_decide(request=req, decision="declined", actor=team.head)
    with django_capture_on_commit_callbacks(execute=True):
        services.site_request_decide(request=req, decision="approved", actor=team.head)
    req.refresh_from_db()
    assert (req.status, req.decided_by) == ("approved", team.head)
    assert mail.outbox[-1].to == ["mod1@example.org"]
    assert AuditEvent.objects.filter(action="site.request_decided").count() == 1


def test_a_request_is_decided_once(live, team):
    req = raise_request(live, team.mod1)
    services.site_request_decide(request=req, decision="declined", reasons="No comment.", actor=team.head)
    before = snapshot(req)
    with pytest.raises(services.SiteError, match="already decided"):
        services.site_request_decide(request=req, decision="approved", actor=team.head, expected_status="pending")
    with pytest.raises(services.SiteError):
        services.site_request_decide(request=req, decision="approved", actor=team.head)
    assert snapshot(req) == before


def test_only_the_headteacher_decides_and_never_their_own(live, team, school):
    req = raise_request(live, team.head, kind="advertise_contributors", subject="Parents' newsletter")
    before = snapshot(req)
    with pytest.raises(PermissionDenied, match="your own"):
        services.site_request_decide(request=req, decision="approved", actor=team.head)
    for actor in (team.comms, team.manager, team.mod1):
        with pytest.raises(PermissionDenied):
            services.site_request_decide(request=req, decision="approved", actor=actor)
    assert snapshot(req) == before
    RoleAssignment.objects.create(user=team.comms, role="headteacher", school=school)  # an acting head
    acting_head = type(team.comms).objects.get(pk=team.comms.pk)  # roles are cached per user object
    services.site_request_decide(request=req, decision="approved", actor=acting_head)


def test_only_the_site_team_raises_requests(live, team):
    for actor in (team.parent, team.comms):
        with pytest.raises(PermissionDenied):
            raise_request(live, actor)
    assert not SiteRequest.objects.exists()


def test_a_duplicate_pending_request_is_refused(live, team):
    raise_request(live, team.mod1)
    with pytest.raises(services.SiteError, match="already waiting"):
        raise_request(live, team.mod2, subject="EXPRESS & STAR")
    assert SiteRequest.objects.count() == 1


def test_requests_need_a_subject_and_details(live, team):
    with pytest.raises(services.SiteError):
        services.site_request_create(site=live, kind="media_enquiry", subject=" ", details="x", actor=team.mod1)
    with pytest.raises(services.SiteError):
        services.site_request_create(site=live, kind="press", subject="x", details="x", actor=team.mod1)
    assert not SiteRequest.objects.exists()
