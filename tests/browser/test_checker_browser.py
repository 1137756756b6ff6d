"""A teacher checks a profile bio in a real browser and sees the verdict, the cited clause and the rewrite.

axe-core checks the empty form and the result page for WCAG 2.2 AA.
"""

from __future__ import annotations

import pytest

from tests.browser.conftest import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo_trust(transactional_db):
    """The demo trust, with the teacher's acknowledgement already given so the checker opens directly."""
    from django.utils import timezone

    from safesocial.accounts.demo import load_demo
    from safesocial.accounts.models import User
    from safesocial.checker import judging
    from safesocial.people.models import School
    from safesocial.policies.models import Acknowledgement
    from safesocial.policies.selectors import version_in_force

    load_demo()
    judging.clear_cache()
    version = version_in_force(school=School.objects.get(slug="oakfield"))
    Acknowledgement.objects.create(
        version=version,
        user=User.objects.get(username="teacher"),
        at=timezone.now(),
        statement=Acknowledgement.STATEMENT,
    )
    yield
    judging.clear_cache()
    _reset_audit_chain_head()


def _reset_audit_chain_head() -> None:
    """Let the database flush after this test empty the audit trail, whatever order it deletes tables in.

    The append-only trigger allows deleting audit events only once the chain head is gone (a whole-trail
    reset); the flush deletes tables in no fixed order, so empty the chain head first.
    """
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM audit_auditchainhead")


def test_the_check_form_is_accessible(demo_trust, live_server, page, login):
    login(page, "teacher")
    page.get_by_role("link", name="Check before you post").click()
    assert page.get_by_role("heading", name="Check before you post", level=1).is_visible()
    assert page.get_by_label("What do you want to post?").is_visible()
    assert_accessible(page, "the check form")
    # an empty check is refused with an error summary that links to the field
    page.get_by_role("button", name="Check it").click()
    page.wait_for_load_state()
    assert page.get_by_role("alert").get_by_text("There is a problem").is_visible()
    page.get_by_role("alert").get_by_role("link", name="What do you want to post?").click()
    assert page.get_by_label("What do you want to post?").evaluate("el => el === document.activeElement")
    assert_accessible(page, "the check form with an error")


def test_teacher_checks_a_profile_and_sees_the_verdict_clause_and_rewrite(demo_trust, live_server, page, login):
    # given a teacher at Oakfield, which has adopted Walsall
    login(page, "teacher")
    page.get_by_role("link", name="Check before you post").click()
    # when they check a profile bio that names the school
    page.get_by_label("What do you want to post?").fill("Teacher at Oakfield Primary School. Views my own.")
    page.get_by_label("Profile details (name, bio, about me)").check()
    page.get_by_label("My own personal account").check()
    page.get_by_role("button", name="Check it").click()
    page.wait_for_load_state()
    # then they see the verdict in words, the clause quoted with its number, and a safer version
    assert page.get_by_role("heading", name="Result: Do not post").is_visible()
    assert page.get_by_text("Posting this would break your school's policy.").is_visible()
    assert page.get_by_role("link", name="Walsall 8.2").first.is_visible()
    assert page.get_by_text("must not contain the school/academy name").first.is_visible()
    assert page.locator("mark", has_text="Oakfield").first.is_visible()
    assert page.get_by_role("heading", name="A safer version").is_visible()
    assert_accessible(page, "the check result")
    # and the text they typed is still in the form, to edit
    assert "Oakfield Primary School" in page.get_by_label("What do you want to post?").input_value()
