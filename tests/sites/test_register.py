"""The register: who sees it, its team (at least two moderators, cover), reminders, the CLI."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from safesocial.audit.models import AuditEvent
from safesocial.sites import selectors, services
from safesocial.sites.models import SiteMember, SiteReminder
from tests.factories.people import PersonFactory, SchoolFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def live(site, walk):
    return walk(site, "live")


def test_the_register_lists_approved_sites_only_to_those_allowed(site, team, walk, make_user):
    assert list(selectors.register_for(user=team.head)) == []  # a draft is not in the register
    site = walk(site, "approved")
    assert list(selectors.register_for(user=team.head)) == [site]
    assert list(selectors.register_for(user=team.comms)) == [site]
    assert list(selectors.register_for(user=team.mod1)) == [site]  # they moderate it
    assert list(selectors.register_for(user=team.parent)) == []
    other_head = make_user("headteacher", school=SchoolFactory())
    assert list(selectors.register_for(user=other_head)) == []


def test_a_site_is_hidden_from_people_with_no_part_in_it(site, team, make_user):
    with pytest.raises(site.DoesNotExist):
        selectors.access_site(user=team.parent, site_id=site.pk)
    with pytest.raises(site.DoesNotExist):
        selectors.access_site(user=make_user("headteacher", school=SchoolFactory()), site_id=site.pk)
    assert selectors.access_site(user=team.mod1, site_id=site.pk) == site


def test_cover_counts_only_active_moderators(live, team, school):
    today = timezone.localdate()
    assert len(selectors.active_moderators(live)) == 2
    SiteMember.objects.filter(site=live, user=team.mod1).update(away_until=today + timedelta(days=5))
    assert len(selectors.active_moderators(live)) == 1
    assert len(selectors.active_moderators(live, on=today + timedelta(days=6))) == 2
    team.mod2.person = PersonFactory(school=school, leaving_date=today)
    team.mod2.save()
    assert len(selectors.active_moderators(live, on=today + timedelta(days=6))) == 1
    team.mod1.is_active = False
    team.mod1.save()
    assert len(selectors.active_moderators(live, on=today + timedelta(days=6))) == 0


def test_members_are_added_and_removed_keeping_two(live, team):
    with pytest.raises(services.SiteError, match="at least 2"):
        services.site_member_remove(site=live, user=team.mod1, role="moderator", actor=team.admin1)
    assert live.members.filter(role="moderator").count() == 2
    services.site_member_add(site=live, user=team.mod3, role="moderator", actor=team.admin1)
    services.site_member_remove(site=live, user=team.mod1, role="moderator", actor=team.admin1)
    assert set(live.members.filter(role="moderator").values_list("user__username", flat=True)) == {"mod2", "mod3"}
    assert AuditEvent.objects.filter(action="site.members_changed").count() == 2


def test_only_staff_or_authorised_people_join_the_team(live, team):
    with pytest.raises(services.SiteError, match="authorised"):
        services.site_member_add(site=live, user=team.parent, role="moderator", actor=team.admin1)
    assert not live.members.filter(user=team.parent).exists()


def test_only_the_site_team_or_headteacher_changes_members(live, team):
    count = live.members.count()
    for actor in (team.mod1, team.comms, team.parent):
        with pytest.raises(PermissionDenied):
            services.site_member_add(site=live, user=team.mod3, role="moderator", actor=actor)
    assert live.members.count() == count
    services.site_member_add(site=live, user=team.mod3, role="moderator", actor=team.head)


def test_reminder_before_the_closure_date(live, team, django_capture_on_commit_callbacks):
    soon = live.closure_date - timedelta(days=10)
    assert services.send_site_reminders(today=live.closure_date - timedelta(days=20))["closure_soon"] == 0
    with django_capture_on_commit_callbacks(execute=True):
        counts = services.send_site_reminders(today=soon)
    assert counts["closure_soon"] == 1
    assert sorted(m.to[0] for m in mail.outbox) == ["admin1@example.org", "admin2@example.org", "author@example.org"]
    assert "14.7" in mail.outbox[0].body
    # not again within a week
    assert services.send_site_reminders(today=soon + timedelta(days=1))["closure_soon"] == 0
    assert SiteReminder.objects.filter(site=live, kind="closure_soon").count() == 1


def test_reminder_when_the_closure_date_has_passed(live, team, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        counts = services.send_site_reminders(today=live.closure_date + timedelta(days=1))
    assert counts["closure_passed"] == 1
    assert "head@example.org" in {m.to[0] for m in mail.outbox}


def test_reminder_when_cover_falls_below_two_moderators(live, team, school, django_capture_on_commit_callbacks):
    today = timezone.localdate()
    assert services.send_site_reminders(today=today)["low_cover"] == 0
    team.mod2.person = PersonFactory(school=school, leaving_date=today - timedelta(days=1))  # left the school
    team.mod2.save()
    with django_capture_on_commit_callbacks(execute=True):
        counts = services.send_site_reminders(today=today)
    assert counts["low_cover"] == 1
    to = {m.to[0] for m in mail.outbox}
    assert {"admin1@example.org", "admin2@example.org", "head@example.org"} <= to
    assert "1 active moderator" in mail.outbox[0].subject
    assert AuditEvent.objects.filter(action="site.reminders_sent").count() == 1


def test_reminders_skip_drafts_and_closed_sites(site, team):
    site.members.filter(role="moderator").delete()
    assert services.send_site_reminders(today=site.closure_date - timedelta(days=1)) == {
        "closure_soon": 0,
        "closure_passed": 0,
        "low_cover": 0,
    }


def test_cli_reminds_and_lists(live, school, capsys, django_capture_on_commit_callbacks):
    from safesocial.cli import main

    team_day = (live.closure_date - timedelta(days=3)).isoformat()
    with django_capture_on_commit_callbacks(execute=True):
        assert main(["sites", "remind", "--today", team_day]) == 0
    out = capsys.readouterr().out
    assert "closure approaching: 1" in out
    assert main(["sites", "list", "--school", school.slug]) == 0
    out = capsys.readouterr().out
    assert live.name in out and "live" in out and "moderators 2 active" in out
    assert main(["sites", "list", "--school", "no-such-school"]) == 2
