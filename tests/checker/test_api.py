"""The JSON API: token and session authentication, coded errors, limits, the OpenAPI document."""

from __future__ import annotations

import json

import pytest
from django.test import Client

from safesocial.accounts.models import RoleAssignment, User
from safesocial.checker.models import ApiToken
from safesocial.checker.services import token_revoke
from tests.checker.conftest import row_counts

pytestmark = pytest.mark.django_db

URL = "/check/api/v1/judge"
BIO = {"text": "Teacher at Oakfield Primary School", "kind": "profile", "channel": "personal"}


def post(client: Client, body, token: str | None = None, **extra):
    headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"} if token else {}
    data = body if isinstance(body, str | bytes) else json.dumps(body)
    return client.post(URL, data=data, content_type="application/json", **headers, **extra)


def error_code(response) -> str:
    return response.json()["error"]["code"]


# ---------------------------------------------------------------- with a token


def test_a_token_judges_a_breach_like_the_cli(oakfield, make_token):
    token, raw = make_token("teacher", oakfield)
    before = row_counts()
    response = post(Client(enforce_csrf_checks=True), {**BIO, "id": "bio-1"}, raw)
    assert response.status_code == 200, response.content
    data = response.json()
    assert data["id"] == "bio-1"
    assert data["policy"]["id"] == "walsall"
    assert data["verdict"] == "breach"
    assert any("walsall:8.2" in f["clauses"] for f in data["findings"])
    assert {"findings", "actions", "rewrite"} <= set(data)
    assert "no-store" in response["Cache-Control"]
    # nothing stored but the token's last use
    after = row_counts()
    assert after == before
    token.refresh_from_db()
    assert token.last_used is not None


def test_a_token_for_a_parent_checks_as_a_parent(oakfield, make_token):
    _token, raw = make_token("parent", oakfield)
    response = post(Client(), {"text": "Lovely sports day at Oakfield Primary School"}, raw)
    assert response.status_code == 200
    assert not any("walsall:8.2" in f["clauses"] for f in response.json()["findings"])
    # and a parent cannot ask to be checked as staff
    refused = post(Client(), {"text": "Hello", "role": "staff"}, raw)
    assert refused.status_code == 403 and error_code(refused) == "A403"


@pytest.mark.parametrize(
    "body",
    [
        {"text": ""},
        {"text": "x" * 20_001},
        {"text": "Hello", "kind": "tweetstorm"},
        {"text": "Hello", "channel": "carrier-pigeon"},
        {"text": "Hello", "role": "astronaut"},
    ],
)
def test_bad_input_is_a_400_with_the_checkers_code(oakfield, make_token, body):
    _token, raw = make_token("teacher", oakfield)
    response = post(Client(), body, raw)
    assert response.status_code == 400
    code = error_code(response)
    assert code.startswith("E3") and len(code) == 4
    assert response.json()["error"]["message"]


@pytest.mark.parametrize(
    ("body", "code", "where"),
    [
        ("not json", "E300", None),
        ("[1, 2]", "E300", None),
        ({"text": 5}, "E301", "text"),
        ({"kind": "post"}, "E301", "text"),
        ({"text": "a", "kind": 3}, "E303", "kind"),
        ({"text": "a", "id": [1]}, "E300", "id"),
    ],
)
def test_malformed_requests_get_the_clis_codes(oakfield, make_token, body, code, where):
    _token, raw = make_token("teacher", oakfield)
    response = post(Client(), body, raw)
    assert response.status_code == 400 and error_code(response) == code
    assert response.json()["error"].get("where") == where


def test_a_revoked_token_is_refused_with_401(oakfield, make_token):
    token, raw = make_token("teacher", oakfield)
    token_revoke(token=token, actor=token.user)
    response = post(Client(), BIO, raw)
    assert response.status_code == 401 and error_code(response) == "A401"
    assert "revoked" in response.json()["error"]["message"]
    assert response["WWW-Authenticate"].startswith("Bearer")


@pytest.mark.parametrize(
    "header", ["Bearer ssk_not-a-real-token", "Bearer nonsense", "Basic dGVhY2hlcjpwdw==", "Bearer "]
)
def test_unknown_or_malformed_tokens_are_401(oakfield, header):
    response = Client().post(URL, data=json.dumps(BIO), content_type="application/json", HTTP_AUTHORIZATION=header)
    assert response.status_code == 401 and error_code(response) == "A401"


def test_a_token_whose_owner_lost_their_role_is_403(oakfield, make_token):
    token, raw = make_token("teacher", oakfield)
    RoleAssignment.objects.filter(user=token.user).update(active=False)
    response = post(Client(), BIO, raw)
    assert response.status_code == 403 and error_code(response) == "A403"


def test_a_token_is_for_its_own_school_only(oakfield, make_token):
    _token, raw = make_token("teacher", oakfield)
    response = post(Client(), {**BIO, "school": "brookside"}, raw)
    assert response.status_code == 403 and response.json()["error"]["where"] == "school"


def test_tokens_are_rate_limited(oakfield, make_token, settings):
    settings.SAFESOCIAL_CHECKER_API_RATE = 2
    _token, raw = make_token("teacher", oakfield)
    assert post(Client(), {"text": 1}, raw).status_code == 400  # counted, though refused
    assert post(Client(), {"text": 1}, raw).status_code == 400
    limited = post(Client(), BIO, raw)
    assert limited.status_code == 429 and error_code(limited) == "A429"
    assert int(limited["Retry-After"]) >= 1


# ---------------------------------------------------------------- without a token


def test_no_credentials_is_401(oakfield):
    response = post(Client(), BIO)
    assert response.status_code == 401 and error_code(response) == "A401"


def test_the_session_needs_the_csrf_token(oakfield):
    client = Client(enforce_csrf_checks=True)
    client.force_login(User.objects.get(username="teacher"))
    refused = post(client, BIO)
    assert refused.status_code == 403 and error_code(refused) == "A403"
    # with the CSRF cookie and header, as a same-origin page would send them
    client.get("/check/")
    csrf = client.cookies["csrftoken"].value
    response = post(client, BIO, HTTP_X_CSRFTOKEN=csrf)
    assert response.status_code == 200, response.content
    assert response.json()["verdict"] == "breach"


def test_a_session_user_of_several_schools_names_one(oakfield):
    client = Client()
    client.force_login(User.objects.get(username="trust"))
    ambiguous = post(client, BIO)
    assert ambiguous.status_code == 400 and ambiguous.json()["error"]["where"] == "school"
    assert error_code(ambiguous) == "E300"
    response = post(client, {**BIO, "school": "oakfield"})
    assert response.status_code == 200 and response.json()["policy"]["id"] == "walsall"
    elsewhere = post(client, {**BIO, "school": "nowhere"})
    assert elsewhere.status_code == 403


def test_a_school_without_a_policy_is_409(school, make_user):
    client = Client()
    client.force_login(make_user("staff", school=school))
    response = post(client, BIO)
    assert response.status_code == 409 and error_code(response) == "A409"


def test_oversize_bodies_are_413(oakfield, make_token):
    _token, raw = make_token("teacher", oakfield)
    response = post(Client(), {"text": "a" * 300_000}, raw)
    assert response.status_code == 413 and error_code(response) == "A413"
    assert ApiToken.objects.get(pk=_token.pk).last_used is None  # refused before the token was even looked at


def test_only_post_is_allowed(oakfield):
    response = Client().get(URL)
    assert response.status_code == 405 and response["Allow"] == "POST"


# ---------------------------------------------------------------- the OpenAPI document


def test_the_openapi_document_describes_the_api(db):
    response = Client().get("/check/api/v1/openapi.json")
    assert response.status_code == 200
    doc = response.json()
    assert doc["openapi"] == "3.1.0"
    operation = doc["paths"]["/check/api/v1/judge"]["post"]
    assert {"200", "400", "401", "403", "413", "429"} <= set(operation["responses"])
    assert doc["components"]["securitySchemes"]["bearerToken"]["scheme"] == "bearer"
    request = doc["components"]["schemas"]["JudgeRequest"]
    assert request["required"] == ["text"]
    assert request["properties"]["kind"]["enum"] == ["post", "comment", "message", "profile"]
    assert doc["components"]["schemas"]["Judgement"]["properties"]["verdict"]["enum"] == [
        "ok",
        "advise",
        "breach",
        "escalate",
    ]
