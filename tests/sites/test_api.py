"""The moderation API: bearer token per site (only its SHA-256 stored), JSON in and out."""

from __future__ import annotations

import json

import pytest

from safesocial.sites import services
from safesocial.sites.models import ModerationItem

from .test_moderation import ORDINARY, SAFEGUARDING, policy  # noqa: F401 - the policy fixture

pytestmark = pytest.mark.django_db


@pytest.fixture
def live(site, walk, policy):  # noqa: F811
    return walk(site, "live")


@pytest.fixture
def token(live, team):
    return services.site_token_generate(site=live, actor=team.admin1)


def post(client, site, token, body, content_type="application/json"):
    headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"} if token is not None else {}
    data = body if isinstance(body, str) else json.dumps(body)
    return client.post(f"/sites/api/v1/sites/{site.pk}/items", data=data, content_type=content_type, **headers)


def test_a_comment_is_accepted_judged_and_its_status_can_be_read(client, live, token):
    response = post(
        client,
        live,
        token,
        {
            "text": ORDINARY,
            "kind": "comment",
            "author_role": "parent",
            "external_id": "c-1",
            "posted_at": "2026-03-01T10:00:00Z",
        },
    )
    assert response.status_code == 201
    body = response.json()
    assert body["status"] == "queued" and body["publish"] is False and body["verdict"]
    assert "text" not in body
    status = client.get(f"/sites/api/v1/sites/{live.pk}/items/{body['id']}", HTTP_AUTHORIZATION=f"Bearer {token}")
    assert status.status_code == 200 and status.json()["id"] == body["id"]


def test_a_safeguarding_item_is_reported_as_urgent(client, live, token):
    body = post(client, live, token, {"text": SAFEGUARDING, "kind": "comment", "author_role": "pupil"}).json()
    assert body["urgent"] is True and "safeguarding_concern" in body["categories"]


@pytest.mark.parametrize("header", [None, "Bearer ", "Bearer wrong", "Basic abc"])
def test_without_the_right_token_nothing_is_accepted(client, live, token, header):
    kwargs = {"HTTP_AUTHORIZATION": header} if header else {}
    response = client.post(
        f"/sites/api/v1/sites/{live.pk}/items",
        data=json.dumps({"text": "x"}),
        content_type="application/json",
        **kwargs,
    )
    assert response.status_code == 401 and response["WWW-Authenticate"].startswith("Bearer")
    assert not ModerationItem.objects.exists()


def test_a_token_works_only_for_its_own_site(client, live, token, school, team, details, walk):
    other = walk(services.site_create(school=school, details=details(name="Other blog"), actor=team.author), "live")
    response = post(client, other, token, {"text": ORDINARY, "kind": "comment", "author_role": "parent"})
    assert response.status_code == 401
    assert not ModerationItem.objects.exists()


def test_only_the_tokens_hash_is_stored_and_a_new_token_replaces_the_old(client, live, token, team):
    import hashlib

    live.refresh_from_db()
    assert live.api_token_sha256 == hashlib.sha256(token.encode()).hexdigest()
    assert token not in json.dumps(list(type(live).objects.values()), default=str)
    newer = services.site_token_generate(site=live, actor=team.head)
    assert post(client, live, token, {"text": ORDINARY, "kind": "comment", "author_role": "parent"}).status_code == 401
    assert post(client, live, newer, {"text": ORDINARY, "kind": "comment", "author_role": "parent"}).status_code == 201


@pytest.mark.parametrize(
    ("body", "content_type", "status", "error"),
    [
        ("{not json", "application/json", 400, "invalid_json"),
        ("[1, 2]", "application/json", 400, "invalid"),
        ({"text": ORDINARY, "kind": "comment"}, "application/json", 400, "invalid"),
        (
            {"text": ORDINARY, "kind": "comment", "author_role": "parent", "secret": 1},
            "application/json",
            400,
            "invalid",
        ),
        ({"text": ORDINARY, "kind": "story", "author_role": "parent"}, "application/json", 400, "invalid"),
        (
            {"text": ORDINARY, "kind": "comment", "author_role": "parent", "posted_at": "yesterday"},
            "application/json",
            400,
            "invalid",
        ),
        ({"text": 5, "kind": "comment", "author_role": "parent"}, "application/json", 400, "invalid"),
        ("text=hello", "application/x-www-form-urlencoded", 415, "unsupported_media_type"),
    ],
)
def test_bad_requests_are_refused_with_a_reason(client, live, token, body, content_type, status, error):
    response = post(client, live, token, body, content_type=content_type)
    assert response.status_code == status and response.json()["error"] == error and response.json()["message"]
    assert not ModerationItem.objects.exists()


def test_a_duplicate_is_a_conflict(client, live, token):
    body = {"text": ORDINARY, "kind": "comment", "author_role": "parent", "external_id": "c-9"}
    first = post(client, live, token, body).json()
    again = post(client, live, token, body)
    assert (
        again.status_code == 409 and again.json()["error"] == "duplicate" and again.json()["item"]["id"] == first["id"]
    )
    assert ModerationItem.objects.count() == 1


def test_a_closed_site_takes_nothing(client, live, token, team):
    services.site_transition(
        site=live, action="close", actor=team.author, evaluation=services.Evaluation(achieved="yes", evidence="Done.")
    )
    response = post(client, live, token, {"text": ORDINARY, "kind": "comment", "author_role": "parent"})
    assert response.status_code == 409 and response.json()["error"] == "site_not_live"
