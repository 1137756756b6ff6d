"""The approval form's rules (Walsall Appendix 1, 14-18): each refusal names the rule and saves nothing."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import IntegrityError, transaction

from safesocial.audit.models import AuditEvent
from safesocial.sites import services
from safesocial.sites.models import Site, SiteMember

pytestmark = pytest.mark.django_db


def refused(school, team, details, **overrides):
    """Try to create a site; assert it was refused and nothing was written; return the errors."""
    sites, members, events = Site.objects.count(), SiteMember.objects.count(), AuditEvent.objects.count()
    with pytest.raises(services.FormErrors) as exc:
        services.site_create(school=school, details=details(**overrides), actor=team.author)
    assert (Site.objects.count(), SiteMember.objects.count(), AuditEvent.objects.count()) == (sites, members, events)
    return exc.value.errors


def test_a_complete_form_is_accepted(school, team, details):
    site = services.site_create(school=school, details=details(), actor=team.author)
    assert site.status == Site.Status.DRAFT
    assert {(m.user.username, m.role) for m in site.members.all()} == {
        ("admin1", "administrator"),
        ("admin2", "administrator"),
        ("mod1", "moderator"),
        ("mod2", "moderator"),
    }
    assert AuditEvent.objects.filter(action="site.created").count() == 1


def test_missing_fields_are_each_named(school, team, details):
    errors = refused(
        school,
        team,
        details,
        name="",
        department=" ",
        aims="",
        content="",
        security_measures="",
        house_rules="",
        terms_of_use="",
        go_live_date=None,
        closure_date=None,
        line_manager=None,
        audience=[],
        contributors=[],
        hosting="",
    )
    for name in (
        "name",
        "department",
        "aims",
        "content",
        "security_measures",
        "house_rules",
        "terms_of_use",
        "go_live_date",
        "closure_date",
        "line_manager",
        "audience",
        "contributors",
        "hosting",
    ):
        assert name in errors, name


def test_one_administrator_is_refused(school, team, details):
    errors = refused(school, team, details, administrators=[team.admin1])
    assert "at least 2 approved administrators" in errors["administrators"][0]


def test_one_moderator_is_refused(school, team, details):
    errors = refused(school, team, details, moderators=[team.mod1])
    assert "at least 2 approved moderators" in errors["moderators"][0]


def test_the_same_moderator_twice_counts_once(school, team, details):
    errors = refused(school, team, details, moderators=[team.mod1, team.mod1])
    assert "you chose 1" in errors["moderators"][0]


@pytest.mark.parametrize("who", ["parent", "governor"])
def test_administrators_and_moderators_must_be_staff_or_authorised(school, team, details, who):
    errors = refused(school, team, details, moderators=[team.mod1, team[who]], administrators=[team.admin1, team[who]])
    assert "must be school staff or other authorised people" in errors["moderators"][0]
    assert "must be school staff or other authorised people" in errors["administrators"][0]


def test_a_staff_member_of_another_school_is_not_eligible(school, team, details, make_user):
    from tests.factories.people import SchoolFactory

    elsewhere = make_user("staff", school=SchoolFactory())
    errors = refused(school, team, details, moderators=[team.mod1, elsewhere])
    assert "moderators" in errors


def test_a_leaver_is_not_eligible(school, team, details):
    from tests.factories.people import PersonFactory

    team.mod2.person = PersonFactory(school=school, leaving_date=details().go_live_date - timedelta(days=1))
    team.mod2.save()
    errors = refused(school, team, details)
    assert "Mo Two" in errors["moderators"][0]


@pytest.mark.parametrize("days", [0, -1])
def test_closure_must_be_after_go_live(school, team, details, days):
    start = details().go_live_date
    errors = refused(school, team, details, closure_date=start + timedelta(days=days))
    assert "closure date must be after the go-live date" in errors["closure_date"][0]


def test_the_database_also_refuses_closure_before_go_live(site):
    site.closure_date = site.go_live_date
    with pytest.raises(IntegrityError), transaction.atomic():
        site.save()


def test_audiences_and_contributors_come_from_the_forms_lists(school, team, details):
    errors = refused(school, team, details, audience=["staff", "everyone"], contributors=["aliens"])
    assert "'everyone'" in errors["audience"][0] and "'aliens'" in errors["contributors"][0]


@pytest.mark.parametrize(
    "overrides",
    [
        {"contributors": ["pupils"], "contributor_pupil_age_from": 9, "contributor_pupil_age_to": 11},
        {"contributors": ["other_pupils"], "contributor_other_schools": "Hill Primary", "external_vetting": "Head"},
        {"contributors": ["staff"], "contributors_learning_disabilities": True},
    ],
)
def test_a_consent_plan_is_required_for_children_or_adults_with_learning_disabilities(school, team, details, overrides):
    errors = refused(school, team, details, consent_plan="", **overrides)
    assert "consent" in errors["consent_plan"][0]
    services.site_create(
        school=school, details=details(consent_plan="Letters home; signed consent.", **overrides), actor=team.author
    )


def test_no_consent_plan_is_needed_when_only_staff_contribute(school, team, details):
    services.site_create(school=school, details=details(contributors=["staff"], consent_plan=""), actor=team.author)


def test_pupils_in_the_audience_must_meet_the_platforms_minimum_age(school, team, details):
    third_party = {"hosting": "third_party", "host_name": "Instagram", "platform_minimum_age": 13}
    errors = refused(
        school, team, details, audience=["pupils"], audience_pupil_age_from=9, audience_pupil_age_to=11, **third_party
    )
    assert "minimum age is 13" in errors["audience_pupil_age_from"][0]
    assert "Walsall 15.5" in errors["audience_pupil_age_from"][0]
    services.site_create(
        school=school,
        details=details(audience=["pupils"], audience_pupil_age_from=13, audience_pupil_age_to=16, **third_party),
        actor=team.author,
    )


def test_pupil_contributors_must_meet_the_platforms_minimum_age(school, team, details):
    errors = refused(
        school,
        team,
        details,
        hosting="third_party",
        host_name="Facebook",
        platform_minimum_age=13,
        contributors=["pupils"],
        contributor_pupil_age_from=10,
        contributor_pupil_age_to=11,
        consent_plan="Letters",
    )
    assert "minimum age is 13" in errors["contributor_pupil_age_from"][0]


def test_a_school_hosted_site_with_no_age_limit_may_have_young_pupils(school, team, details):
    services.site_create(
        school=school,
        details=details(
            audience=["pupils"], audience_pupil_age_from=7, audience_pupil_age_to=11, platform_minimum_age=0
        ),
        actor=team.author,
    )


def test_pupils_in_the_audience_need_an_age_range(school, team, details):
    errors = refused(school, team, details, audience=["pupils"])
    assert "youngest" in errors["audience_pupil_age_from"][0]
    assert "oldest" in errors["audience_pupil_age_to"][0]


def test_the_age_range_must_be_in_order(school, team, details):
    errors = refused(school, team, details, audience=["pupils"], audience_pupil_age_from=11, audience_pupil_age_to=9)
    assert "audience_pupil_age_to" in errors


def test_a_third_party_host_must_be_named(school, team, details):
    errors = refused(school, team, details, hosting="third_party", host_name="", platform_minimum_age=13)
    assert "Name the third-party host" in errors["host_name"][0]


def test_the_database_also_requires_a_third_party_host_name(site):
    site.hosting, site.host_name = "third_party", ""
    with pytest.raises(IntegrityError), transaction.atomic():
        site.save()


def test_external_contributors_need_someone_to_vet_them(school, team, details):
    errors = refused(school, team, details, contributors=["public"], external_vetting="")
    assert "vet" in errors["external_vetting"][0]


def test_other_schools_and_other_people_must_be_named(school, team, details):
    errors = refused(
        school, team, details, audience=["other_pupils", "others"], audience_other_schools="", audience_other_details=""
    )
    assert "audience_other_schools" in errors and "audience_other_details" in errors


def test_the_author_cannot_name_themselves_as_line_manager(school, team, details):
    errors = refused(school, team, details, line_manager=team.author)
    assert "your own line manager" in errors["line_manager"][0]


def test_the_line_manager_must_be_a_line_manager(school, team, details):
    errors = refused(school, team, details, line_manager=team.mod1)
    assert "not a line manager" in errors["line_manager"][0]


def test_a_duplicate_request_is_refused(school, team, details, site):
    errors = refused(school, team, details, name="YEAR 6 TRIP BLOG")
    assert "already exists" in errors["name"][0]


def test_the_database_refuses_a_duplicate_open_site(school, team, site):
    copy = Site.objects.get(pk=site.pk)
    copy.pk = None
    with pytest.raises(IntegrityError), transaction.atomic():
        copy.save()


def test_only_staff_with_the_request_permission_may_request(school, team, details):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        services.site_create(school=school, details=details(), actor=team.parent)
    assert not Site.objects.exists()
