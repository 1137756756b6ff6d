"""The home page warns leaders when a school lacks a role that reports are routed to."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


def test_leaders_are_warned_about_missing_routing_roles(client, school, make_user):
    head = make_user("headteacher", school=school)
    client.force_login(head)
    html = client.get("/").content.decode()
    assert "Reports cannot all be routed" in html and "Designated safeguarding lead" in html
    make_user("dsl", school=school)
    make_user("chair_of_governors", school=school)
    make_user("hr", school=school)
    assert "Reports cannot all be routed" not in client.get("/").content.decode()


def test_staff_do_not_see_the_warning(client, school, make_user):
    client.force_login(make_user("staff", school=school))
    assert "Reports cannot all be routed" not in client.get("/").content.decode()
