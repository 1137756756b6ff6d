"""The moderation pages: manual entry, the decision forms, the DSL's escalations page."""

from __future__ import annotations

import pytest
from django.urls import reverse

from safesocial.policies.services import policy_acknowledge
from safesocial.sites import services
from safesocial.sites.models import ModerationItem

from .test_moderation import ORDINARY, SAFEGUARDING, policy  # noqa: F401 - the policy fixture

pytestmark = pytest.mark.django_db


@pytest.fixture
def live(site, walk, policy, team):  # noqa: F811
    for user in (team.mod1, team.mod2, team.mod3, team.dsl, team.head):
        policy_acknowledge(version=policy, actor=user)
    return walk(site, "live")


def test_a_moderator_enters_an_item_by_hand(client, live, team):
    client.force_login(team.mod1)
    url = reverse("sites:item_new", args=[live.pk])
    response = client.post(url, {"kind": "comment", "author_role": "parent", "text": ""})
    assert response.status_code == 200 and "This field is required" in response.content.decode()
    assert not ModerationItem.objects.exists()
    response = client.post(url, {"kind": "comment", "author_role": "parent", "text": ORDINARY, "external_id": "m-1"})
    assert response.status_code == 302 and ModerationItem.objects.get().source == "manual"
    again = client.post(url, {"kind": "comment", "author_role": "parent", "text": ORDINARY, "external_id": "m-1"})
    assert "already received" in again.content.decode() and ModerationItem.objects.count() == 1
    client.force_login(team.mod3)  # staff, but with no part in this site: it does not exist for them
    assert client.get(url).status_code == 404


def test_claim_and_remove_through_the_item_page(client, live, team):
    item = services.moderation_receive(site=live, text=ORDINARY, kind="comment", author_role="parent")
    client.force_login(team.mod1)
    url = reverse("sites:item", args=[live.pk, item.pk])
    client.post(url, {"action": "claim", "expected_status": "queued"})
    page = client.get(url).content.decode()
    assert "Which house rule does it break?" in page and "3. No advertising." in page
    response = client.post(url, {"action": "remove", "expected_status": "claimed"}, follow=True)
    assert "Choose the house rule" in response.content.decode()
    client.post(url, {"action": "remove", "expected_status": "claimed", "rule_number": "1"})
    item.refresh_from_db()
    assert (item.status, item.rule_broken) == ("removed", "1. Be kind and respectful.")


def test_a_moderator_of_another_site_gets_404_for_its_items(client, live, team, school, details, walk):
    other = walk(
        services.site_create(
            school=school, details=details(name="PE blog", moderators=[team.mod3, team.mod2]), actor=team.author
        ),
        "live",
    )
    item = services.moderation_receive(site=other, text=ORDINARY, kind="comment", author_role="parent")
    client.force_login(team.mod1)
    url = reverse("sites:item", args=[other.pk, item.pk])
    assert client.get(url).status_code == 404
    assert client.post(url, {"action": "claim", "expected_status": "queued"}).status_code == 404
    item.refresh_from_db()
    assert item.status == "queued"


def test_the_dsl_sees_escalations_and_others_do_not(client, live, team):
    item = services.moderation_receive(site=live, text=SAFEGUARDING, kind="comment", author_role="pupil")
    item = services.moderation_transition(item=item, action="claim", actor=team.mod1)
    services.moderation_transition(item=item, action="escalate", actor=team.mod1)
    client.force_login(team.dsl)
    page = client.get(reverse("sites:escalations")).content.decode()
    assert f"Comment {item.pk}" in page
    item_page = client.get(reverse("sites:item", args=[live.pk, item.pk])).content.decode()
    assert "Close: handled by the DSL" in item_page and "Route to the police or CEOP" in item_page
    client.force_login(team.mod1)
    assert client.get(reverse("sites:escalations")).status_code == 403
