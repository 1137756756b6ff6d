"""The demo site is made through the services and can be made twice safely."""

from __future__ import annotations

import pytest

from safesocial.sites.demo import DEMO_SITE, create_demo_site
from safesocial.sites.models import Site

pytestmark = pytest.mark.django_db


def test_the_demo_site_is_live_and_made_once(demo):
    site = create_demo_site(with_items=False)
    assert site.status == "live" and site.name == DEMO_SITE
    assert site.approvals.filter(decision="approved").count() == 3
    assert create_demo_site(with_items=False) == site
    assert Site.objects.count() == 1


def test_without_the_demo_trust_nothing_is_made(db):
    assert create_demo_site() is None


def test_the_demo_site_has_comments_waiting_in_its_queue(demo):
    site = create_demo_site()
    assert site.items.filter(status="queued").count() == 2
