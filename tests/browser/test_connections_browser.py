"""A teacher checks their connections in a real browser, declares a relationship; the headteacher acknowledges.

axe-core checks the upload page, the result page, the declaration form and the headteacher's queue.
"""

from __future__ import annotations

import pytest

from tests.browser.conftest import assert_accessible
from tests.connections.conftest import PARENT, PUPIL, STRANGERS, acknowledge_all, facebook_zip

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo_trust(transactional_db, settings, tmp_path):
    from safesocial.accounts.demo import load_demo

    spool = tmp_path / "spool"
    spool.mkdir()
    settings.SAFESOCIAL_EXPORT_TEMP_DIR = str(spool)
    load_demo()
    acknowledge_all("teacher", "head")
    yield spool
    # The flush after a live-server test deletes tables in no fixed order; audit events may only be deleted
    # once the chain head is gone (audit migration 0002), so empty it first: a whole-trail reset.
    from safesocial.audit.models import AuditChainHead

    AuditChainHead.objects.all().delete()


def test_teacher_declares_and_headteacher_acknowledges(demo_trust, live_server, page, login, logout, tmp_path):
    export = tmp_path / "facebook-tombaker.zip"
    export.write_bytes(facebook_zip([PUPIL, PARENT, *STRANGERS]))

    # given the teacher on the upload page
    login(page, "teacher")
    page.get_by_role("link", name="My connections", exact=True).click()
    assert page.get_by_role("heading", name="Check my connections", level=1).is_visible()
    assert_accessible(page, "the upload page")

    # when they upload their Facebook export
    page.get_by_label("Your export file").set_input_files(str(export))
    page.get_by_label("Platform").select_option("auto")
    page.get_by_role("button", name="Check my connections").click()
    page.wait_for_load_state()

    # then they see their own result first: a breach, with the clause quoted and what to do
    assert page.get_by_role("heading", name="Your connection check").is_visible()
    assert page.get_by_role("heading", name="Breaches of the policy (2)").is_visible()
    pupil = page.locator("article", has=page.get_by_role("heading", name=PUPIL))
    assert "Interacting or 'befriending' pupils via social media/internet sites" in pupil.inner_text()
    assert pupil.get_by_role("button", name=f"I have removed this connection: {PUPIL}").is_visible()
    assert STRANGERS[0] not in page.content()
    assert list(demo_trust.iterdir()) == []
    assert_accessible(page, "the result page")

    # and they remove the pupil, and declare the parent
    pupil.get_by_role("button", name=f"I have removed this connection: {PUPIL}").click()
    assert "is marked as removed" in page.content()
    parent = page.locator("article", has=page.get_by_role("heading", name=PARENT))
    parent.get_by_role("link", name=f"Declare this relationship: {PARENT}").click()
    assert_accessible(page, "the declaration form")
    page.get_by_label("A friendship from outside school (social circle)").check()
    page.get_by_label("Tell your headteacher a little more").fill("We were at university together.")
    page.get_by_role("button", name="Send my declaration").click()
    assert "has been sent to your headteacher" in page.content()
    assert (
        "Waiting for the headteacher"
        in page.locator("article", has=page.get_by_role("heading", name=PARENT)).inner_text()
    )
    logout(page)

    # then the headteacher acknowledges it from the queue
    login(page, "head")
    page.get_by_role("link", name="My connections", exact=True).click()
    page.get_by_role("link", name="Declarations waiting for your decision").click()
    item = page.locator("section", has=page.get_by_role("heading", name=f"Tom Baker (Teacher): {PARENT}"))
    assert "We were at university together." in item.inner_text()
    assert_accessible(page, "the declarations queue")
    item.get_by_label("Note to Tom Baker (Teacher) (optional)").fill("Thank you for telling me.")
    item.get_by_role("button", name="Acknowledge the declaration by Tom Baker (Teacher) about Sarah Clarke").click()
    assert "You acknowledged the declaration" in page.content()
    assert page.get_by_role("table").get_by_role("cell", name="Acknowledged", exact=False).count() == 1

    # and leaders see counts, not names
    page.get_by_role("link", name="My connections", exact=True).click()
    page.get_by_role("link", name="Connection audit completion by school").click()
    assert PARENT not in page.content() and PUPIL not in page.content()
    assert_accessible(page, "the completion page")
