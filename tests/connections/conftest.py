"""Fixture exports built in the test, a spool folder we control, demo users who have acknowledged."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest

# Names from src/safesocial/demo/oakfield/people.csv, plus strangers who must never be stored.
PUPIL = "Ruby Patel"  # P001, current pupil
PARENT = "Sarah Clarke"  # C106, parent of P018 who is on roll
STRANGERS = ["Zebedee Quuxworth", "Marigold Fennimore-Tass", "Ignatius Vandersloot"]


def facebook_json(names: list[str]) -> bytes:
    friends = [{"name": n, "timestamp": 1_700_000_000 + i} for i, n in enumerate(names)]
    return json.dumps({"friends_v2": friends}).encode()


def zipped(files: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in files.items():
            zf.writestr(name, data)
    return buf.getvalue()


def facebook_zip(names: list[str]) -> bytes:
    return zipped(
        {
            "connections/friends/your_friends.json": facebook_json(names),
            "your_activity_across_facebook/posts/your_posts_1.json": b"[]",
        }
    )


def corrupt_zip() -> bytes:
    good = facebook_zip([PUPIL, *STRANGERS])
    return good[: len(good) // 2] + b"\x00" * 64  # cut short, as an interrupted download is


@pytest.fixture
def spool(settings, tmp_path) -> Path:
    """Uploads and the audit's temporary copy both go here, so a test can see that nothing is left."""
    folder = tmp_path / "spool"
    folder.mkdir()
    settings.SAFESOCIAL_EXPORT_TEMP_DIR = str(folder)
    settings.FILE_UPLOAD_TEMP_DIR = str(folder)
    return folder


def acknowledge_all(*usernames: str) -> None:
    """The demo users have acknowledged the policy in force (so pages are not redirected to it)."""
    from safesocial.accounts.models import User
    from safesocial.accounts.permissions import schools_for
    from safesocial.policies.models import Acknowledgement
    from safesocial.policies.selectors import binds_user, version_in_force
    from safesocial.policies.services import policy_acknowledge

    for user in User.objects.filter(username__in=usernames):
        for school in schools_for(user):
            version = version_in_force(school=school)
            if (
                version
                and binds_user(version=version, user=user)
                and not Acknowledgement.objects.filter(version=version, user=user).exists()
            ):
                policy_acknowledge(version=version, actor=user)


@pytest.fixture
def users(demo):
    from safesocial.accounts.models import User

    names = ["teacher", "head", "dsl", "hr", "trust", "brookside-teacher", "brookside-head", "parent"]
    acknowledge_all(*names)
    return {u.username: u for u in User.objects.filter(username__in=names)}
