"""Shared fixtures: schools, users with roles, the demo trust, a clock."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS_DIR = Path(os.environ.get("SAFESOCIAL_SEEDS_DIR") or ROOT.parent / "shared" / "seeds")
DEMO_DIR = ROOT / "src" / "safesocial" / "demo"


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    """Uploaded files go to a per-test folder; the tasks backend runs tasks at once."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STORAGES = {**settings.STORAGES, "default": {
        "BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": tmp_path / "media"}}}


@pytest.fixture
def school(db):
    from tests.factories.people import SchoolFactory

    return SchoolFactory()


@pytest.fixture
def make_user(db):
    from tests.factories.accounts import user_with_roles

    return user_with_roles


@pytest.fixture
def demo(db):
    """The demo trust: two schools, users for every role, walsall and bitterne-park published."""
    from safesocial.accounts.demo import load_demo

    load_demo()
    from safesocial.people.models import School

    return {s.slug: s for s in School.objects.all()}


@pytest.fixture(autouse=True)
def _allow_flush_of_audit_trail(request):
    """Transactional tests end with a database flush; the audit trail refuses deletion while its
    chain head exists (audit migration 0002), so remove the head first, as a whole-trail reset would.
    Requesting transactional_db here makes its flush run after this fixture's teardown."""
    transactional = "transactional_db" in request.fixturenames or "live_server" in request.fixturenames
    if transactional:
        request.getfixturevalue("transactional_db")
    yield
    if transactional:
        from safesocial.audit.models import AuditChainHead

        AuditChainHead.objects.all().delete()
