"""The pages: the form refuses bad input with a clear message and saves nothing; workflow buttons;
permissions answered with 403/404."""

from __future__ import annotations

import hashlib
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from safesocial.audit.models import AuditEvent
from safesocial.sites.models import Site

from .conftest import snapshot

pytestmark = pytest.mark.django_db
PASSWORD = "correct-horse-battery"


def signed_in(client, user):
    client.force_login(user)
    return client


def form_data(team, **overrides):
    today = timezone.localdate()
    data = {
        "name": "Science club blog",
        "department": "Science",
        "line_manager": team.manager.pk,
        "aims": "Show the club's experiments.",
        "content": "Weekly posts.",
        "audience": ["staff", "families"],
        "contributors": ["staff"],
        "administrators": [team.admin1.pk, team.admin2.pk],
        "moderators": [team.mod1.pk, team.mod2.pk],
        "hosting": "school",
        "platform_minimum_age": "0",
        "go_live_date": today.isoformat(),
        "closure_date": (today + timedelta(days=90)).isoformat(),
        "security_measures": "School sign-in only.",
        "house_rules": "Be kind.\nNo pupils' names.",
        "terms_of_use": "Moderated before publication.",
    }
    data.update(overrides)
    return data


def test_the_form_has_every_field_of_appendix_1_with_accessible_groups(client, team):
    response = signed_in(client, team.author).get(reverse("sites:new"))
    html = response.content.decode()
    for label in (
        "Department",
        "Author&#x27;s line manager",
        "What are the aims",
        "proposed content",
        "Proposed audience of the site",
        "Proposed contributors to the site",
        "Administrators",
        "Moderators",
        "Who will vet external contributors?",
        "Who will host the site?",
        "Third-party host name",
        "Proposed date of going live",
        "Proposed date for site closure",
        "How do you propose to advertise",
        "obtain consent of parents",
        "What security measures",
    ):
        assert label in html, label
    assert html.count("<fieldset") >= 5 and "<legend>Proposed audience of the site</legend>" in html
    assert "Walsall 16.2" in html


def test_missing_fields_are_refused_with_an_error_summary(client, team):
    response = signed_in(client, team.author).post(reverse("sites:new"), {"name": "x"})
    html = response.content.decode()
    assert response.status_code == 200 and 'role="alert"' in html
    assert "There is a problem: nothing was saved" in html
    assert "Enter the department" in html and "at least 2 approved moderators" in html
    assert 'aria-invalid="true"' in html
    assert not Site.objects.exists()


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"moderators": ["MOD1"]}, "at least 2 approved moderators"),
        ({"closure_date": "2020-01-01"}, "closure date must be after the go-live date"),
        ({"go_live_date": "not a date"}, "Enter a valid date"),
        ({"hosting": "third_party", "host_name": ""}, "Name the third-party host"),
        (
            {
                "audience": ["pupils"],
                "audience_pupil_age_from": "9",
                "audience_pupil_age_to": "11",
                "hosting": "third_party",
                "host_name": "TikTok",
                "platform_minimum_age": "13",
            },
            "minimum age is 13",
        ),
        (
            {"contributors": ["pupils"], "contributor_pupil_age_from": "9", "contributor_pupil_age_to": "11"},
            "obtain their consent",
        ),
        ({"audience": ["staff", "martians"]}, "Select a valid choice"),
    ],
)
def test_bad_input_is_refused_and_changes_nothing(client, team, overrides, message):
    if overrides.get("moderators") == ["MOD1"]:
        overrides["moderators"] = [team.mod1.pk]
    response = signed_in(client, team.author).post(reverse("sites:new"), form_data(team, **overrides))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Site.objects.exists()


def test_a_valid_form_saves_a_draft_and_a_duplicate_post_is_refused(client, team):
    signed_in(client, team.author)
    response = client.post(reverse("sites:new"), form_data(team))
    site = Site.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("sites:detail", args=[site.pk])
    again = client.post(reverse("sites:new"), form_data(team))
    assert again.status_code == 200 and "already exists" in again.content.decode()
    assert Site.objects.count() == 1


def test_the_workflow_buttons_move_the_request(client, site, team):
    signed_in(client, team.author)
    page = client.get(reverse("sites:detail", args=[site.pk])).content.decode()
    assert "Submit for approval" in page
    client.post(reverse("sites:transition", args=[site.pk]), {"action": "submit", "expected_status": "draft"})
    site.refresh_from_db()
    assert site.status == "submitted"
    signed_in(client, team.manager)
    page = client.get(reverse("sites:detail", args=[site.pk])).content.decode()
    assert "Approve as line manager" in page and "I approve the aims and content of the proposed site." in page
    client.post(reverse("sites:transition", args=[site.pk]), {"action": "approve", "expected_status": "submitted"})
    site.refresh_from_db()
    assert site.status == "line_manager_approved"


def test_a_tampered_step_is_refused_with_a_message(client, site, team, walk):
    site = walk(site, "submitted")
    before, events = snapshot(site), AuditEvent.objects.count()
    signed_in(client, team.manager)
    response = client.post(
        reverse("sites:transition", args=[site.pk]),
        {"action": "approve", "expected_status": "communications_approved"},
        follow=True,
    )
    assert "moved on since you opened it" in response.content.decode()
    assert snapshot(site) == before and AuditEvent.objects.count() == events


def test_approving_without_permission_is_a_403_that_says_why(client, site, team, walk):
    site = walk(site, "submitted")
    before = snapshot(site)
    response = signed_in(client, team.comms).post(
        reverse("sites:transition", args=[site.pk]), {"action": "approve", "expected_status": "submitted"}
    )
    assert response.status_code == 403 and "named on the form" in response.content.decode()
    assert snapshot(site) == before


def test_a_site_is_404_to_outsiders_and_its_queue_403_to_non_moderators(client, site, team, walk):
    site = walk(site, "live")
    assert signed_in(client, team.parent).get(reverse("sites:detail", args=[site.pk])).status_code == 404
    assert signed_in(client, team.head).get(reverse("sites:queue", args=[site.pk])).status_code == 403
    assert signed_in(client, team.mod1).get(reverse("sites:queue", args=[site.pk])).status_code == 200


def test_the_register_page_shows_the_site_and_a_cover_warning(client, site, team, walk):
    site = walk(site, "live")
    team.mod2.role_assignments.update(active=False)
    page = signed_in(client, team.head).get(reverse("sites:register")).content.decode()
    assert site.name in page and "Warning: only 1 active moderator" in page


def test_the_api_token_is_shown_once_and_stored_only_as_a_hash(client, site, team, walk):
    site = walk(site, "live")
    signed_in(client, team.admin1)
    response = client.post(reverse("sites:token", args=[site.pk]))
    token = response.context["token"]
    assert token in response.content.decode() and response["Cache-Control"] == "no-store"
    site.refresh_from_db()
    assert site.api_token_sha256 == hashlib.sha256(token.encode()).hexdigest()
    assert token not in client.get(reverse("sites:detail", args=[site.pk])).content.decode()
    assert signed_in(client, team.mod1).post(reverse("sites:token", args=[site.pk])).status_code == 403


def test_closing_through_the_page_records_the_evaluation(client, site, team, walk):
    site = walk(site, "live")
    signed_in(client, team.author)
    response = client.post(reverse("sites:close", args=[site.pk]), {"expected_status": "live", "achieved": "yes"})
    assert response.status_code == 200 and "This field is required" in response.content.decode()
    site.refresh_from_db()
    assert site.status == "live"
    client.post(
        reverse("sites:close", args=[site.pk]),
        {"expected_status": "live", "achieved": "yes", "evidence": "Everyone used it."},
    )
    site.refresh_from_db()
    assert site.status == "closed" and site.evaluation.achieved == "yes"
