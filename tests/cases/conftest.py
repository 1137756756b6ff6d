"""Fixtures for the cases tests: the demo trust (every policy acknowledged), users by name, files."""

from __future__ import annotations

import io
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

LONDON = ZoneInfo("Europe/London")


class Users(dict):
    def __getattr__(self, name: str) -> Any:
        return self[name]


def acknowledge_all() -> None:
    from safesocial.policies.models import PolicyVersion
    from safesocial.policies.selectors import unacknowledged_users
    from safesocial.policies.services import policy_acknowledge

    for version in PolicyVersion.objects.filter(status="published"):
        for user in unacknowledged_users(version=version):
            policy_acknowledge(version=version, actor=user)


@pytest.fixture
def trust(demo):
    acknowledge_all()
    return demo


@pytest.fixture
def oakfield(trust):
    return trust["oakfield"]


@pytest.fixture
def brookside(trust):
    return trust["brookside"]


@pytest.fixture
def users(trust):
    from safesocial.accounts.models import User

    return Users({u.username.replace("-", "_"): u for u in User.objects.all()})


def png_bytes(width: int = 40, height: int = 30, colour: str = "red") -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (width, height), colour).save(buffer, format="PNG")
    return buffer.getvalue()


def jpeg_bytes() -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (20, 20), "blue").save(buffer, format="JPEG")
    return buffer.getvalue()


def upload(name: str, content: bytes, content_type: str = "application/octet-stream") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type=content_type)


@pytest.fixture
def screenshot():
    return lambda name="screenshot.png": upload(name, png_bytes(), "image/png")


def at(y: int, m: int, d: int, hh: int = 10, mm: int = 0) -> datetime:
    return datetime(y, m, d, hh, mm, tzinfo=LONDON)


@pytest.fixture
def report(oakfield, users):
    """File a report with sensible defaults: report(case_type, actor=..., **overrides)."""
    from safesocial.cases import services

    def _report(case_type: str, *, actor: Any = None, school: Any = None, **kwargs: Any):
        kwargs.setdefault("summary", "Something happened online that worries me.")
        if case_type == "indecent_images":
            kwargs.setdefault("found_where", "A school laptop in room 4")
            kwargs.setdefault("found_at", at(2025, 1, 6, 9, 0))
        case, receipt = services.case_report(
            school=school or oakfield, case_type=case_type, actor=actor or users.teacher, **kwargs
        )
        return (case, receipt) if case_type == "whistleblowing" else case

    return _report


@pytest.fixture
def record_step():
    from safesocial.cases import services

    def _record(case, code, actor, **details):
        return services.case_record_step(case=case, code=code, details=details, actor=actor)

    return _record


@pytest.fixture
def move():
    from safesocial.cases import services

    def _move(case, to, actor, reason="Because", outcome="", expected=None):
        case.refresh_from_db()
        return services.case_transition(
            case=case,
            to_status=to,
            reason=reason,
            actor=actor,
            outcome=outcome,
            expected_status=expected or case.status,
        )

    return _move
