"""The API token page: a token is shown once, stored as a SHA-256 hash, and can be revoked."""

from __future__ import annotations

import hashlib
import re

import pytest

from safesocial.checker.models import ApiToken

pytestmark = pytest.mark.django_db

URL = "/check/tokens/"


def test_a_new_token_is_shown_once_and_only_its_hash_is_kept(oakfield, signed_in):
    client = signed_in("teacher")
    response = client.post(URL, {"name": "My scheduler", "school": "oakfield"})
    assert response.status_code == 200
    page = response.content.decode()
    raw = re.search(r'value="(ssk_[A-Za-z0-9_-]+)"', page).group(1)
    assert "it will not be shown again" in page
    assert "no-store" in response["Cache-Control"]
    token = ApiToken.objects.get()
    assert token.name == "My scheduler" and token.school == oakfield and token.user.username == "teacher"
    assert token.token_hash == hashlib.sha256(raw.encode()).hexdigest()
    assert raw not in str(ApiToken.objects.values().get())
    # the list shows it afterwards, never the token itself
    listing = client.get(URL).content.decode()
    assert "My scheduler" in listing and raw not in listing and "Active" in listing


def test_a_token_can_be_revoked_by_its_owner_only(oakfield, signed_in, make_token):
    token, _raw = make_token("teacher", oakfield)
    other = signed_in("head").post(f"/check/tokens/{token.pk}/revoke/")
    assert other.status_code == 404
    token.refresh_from_db()
    assert token.revoked is None
    response = signed_in("teacher").post(f"/check/tokens/{token.pk}/revoke/", follow=True)
    token.refresh_from_db()
    assert token.revoked is not None
    assert "is revoked" in response.content.decode()


def test_a_token_needs_a_name(oakfield, signed_in):
    response = signed_in("teacher").post(URL, {"name": "  ", "school": "oakfield"})
    assert (
        "Enter a name for the token." in response.content.decode()
        or "This field is required." in response.content.decode()
    )
    assert not ApiToken.objects.exists()


def test_revoking_is_a_post(oakfield, signed_in, make_token):
    token, _raw = make_token("teacher", oakfield)
    assert signed_in("teacher").get(f"/check/tokens/{token.pk}/revoke/").status_code == 405
