"""Staff acknowledge the policy in a real browser; the headteacher sees it on the dashboard.

axe-core checks the policy page, the acknowledgement page and the dashboard for WCAG 2.2 AA.
"""

from __future__ import annotations

import pytest

from tests.browser.conftest import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo_trust(transactional_db):
    from safesocial.accounts.demo import load_demo

    load_demo()


def test_staff_acknowledge_and_headteacher_sees_it(demo_trust, live_server, page, login, logout):
    # given a teacher who has not yet acknowledged the policy in force
    login(page, "teacher")
    # then their first login takes them to the acknowledgement page
    assert "/acknowledge/" in page.url
    assert_accessible(page, "the acknowledgement page")
    assert page.get_by_role("heading", name="Acknowledge the social networking policy").is_visible()

    # when they open the policy itself
    page.get_by_role("link", name="Policies").click()
    page.get_by_role("link", name="Use of Social Networking and Internet Sites").click()
    assert page.locator("#clause-8\\.2").is_visible()
    assert_accessible(page, "the policy page")

    # and acknowledge it
    page.get_by_role("link", name="Read and acknowledge it").click()
    page.get_by_label("I have read and understood and agree to comply with the Social Networking Policy.").check()
    page.get_by_role("button", name="Acknowledge version").click()
    assert "Your acknowledgement of version" in page.content()
    logout(page)

    # then the headteacher sees it on the dashboard
    login(page, "head")
    if "/acknowledge/" in page.url:  # the headteacher is bound too: acknowledge first
        page.get_by_label("I have read and understood and agree to comply with the Social Networking Policy.").check()
        page.get_by_role("button", name="Acknowledge version").click()
    page.get_by_role("link", name="Acknowledgements").click()
    oakfield = page.locator("section", has=page.get_by_role("heading", name="Oakfield Primary School"))
    acknowledged = oakfield.get_by_role("table", name="Acknowledged at Oakfield Primary School")
    assert acknowledged.get_by_role("cell", name="Tom Baker (Teacher)").is_visible()
    outstanding = oakfield.get_by_role("table", name="Outstanding at Oakfield Primary School")
    assert outstanding.get_by_role("cell", name="Tom Baker (Teacher)").count() == 0
    assert_accessible(page, "the acknowledgement dashboard")


def test_a_second_acknowledgement_is_refused_politely(demo_trust, live_server, page, login):
    login(page, "governor")
    page.get_by_label("I have read and understood and agree to comply with the Social Networking Policy.").check()
    url = page.url
    page.get_by_role("button", name="Acknowledge version").click()
    page.goto(url)
    assert "There is nothing more to do" in page.content()
