"""Cases in a real browser: a member of staff reports online bullying with a screenshot; the headteacher
handles it through support, a removal request to the platform and the police decision, to closure.

axe-core checks every reporting page (the choice, the form, the form with errors, the confirmation,
the reporter's list, the anonymous receipt) and the case page for WCAG 2.2 AA.
"""

from __future__ import annotations

import re

import pytest

from tests.browser.conftest import assert_accessible

pytestmark = [pytest.mark.browser]


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


@pytest.fixture
def screenshot_file(tmp_path):
    from PIL import Image

    path = tmp_path / "instagram-comments.png"
    Image.new("RGB", (360, 640), "white").save(path, format="PNG")
    return path


def test_staff_report_bullying_and_the_headteacher_handles_it_to_closure(
    demo_trust, live_server, page, login, logout, screenshot_file
):
    from safesocial.cases.models import Case

    # --- a member of staff reports online bullying, with a screenshot
    login(page, "teacher")
    page.get_by_role("link", name="Report a concern").click()
    assert page.get_by_role("heading", name="Report a concern", level=1).is_visible()
    assert_accessible(page, "the report choice page")
    page.get_by_label("I am being bullied or harassed online").check()
    page.get_by_role("button", name="Continue").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", name="I am being bullied or harassed online").is_visible()
    assert_accessible(page, "the bullying report form")

    page.get_by_role("button", name="Send the report").click()  # nothing filled in
    page.wait_for_load_state()
    assert page.get_by_role("alert").get_by_text("There is a problem").is_visible()
    assert_accessible(page, "the bullying report form with an error")

    page.get_by_label("What happened?").fill("A parent keeps posting abusive comments under my class photos.")
    page.get_by_label("Screenshot or file").set_input_files(str(screenshot_file))
    page.get_by_label("Platform or website").fill("Instagram")
    page.get_by_label("Address (link) where it was seen").fill("https://www.instagram.com/p/abc123/")
    page.get_by_label("Date and time it was seen").fill("2025-01-05T20:15")
    assert page.get_by_label("Who took the screenshot or saved the file").input_value() == "Tom Baker (Teacher)"
    page.get_by_role("button", name="Send the report").click()
    page.wait_for_load_state()
    heading = page.get_by_role("heading", level=1).inner_text()
    assert re.match(r"Your report BU-\d{5}", heading)
    ref = heading.split()[-1]
    assert page.get_by_text("It is your decision whether to report it to the police").is_visible()
    assert_accessible(page, "the report confirmation")
    page.get_by_role("link", name="All the reports you have made").click()
    assert page.get_by_role("link", name=ref).is_visible()
    assert_accessible(page, "the reporter's list of reports")
    case = Case.objects.get(ref=ref)
    evidence = case.evidence.get()
    assert evidence.content_type == "image/png" and len(evidence.sha256) == 64
    assert evidence.platform == "Instagram" and evidence.captured_by == "Tom Baker (Teacher)"
    logout(page)

    # --- the headteacher handles it
    login(page, "head")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Cases").click()
    page.get_by_role("link", name=ref).click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", name=re.compile(f"Case {ref}")).is_visible()
    assert page.get_by_role("link", name=f"Download item {evidence.pk}").is_visible()
    assert_accessible(page, "the case page")

    def move(status: str, reason: str, outcome: str | None = None) -> None:
        page.get_by_label(status, exact=True).check()
        page.get_by_label("Reason").fill(reason)
        if outcome:
            page.get_by_label(outcome).check()
        page.get_by_role("button", name="Update the case").click()
        page.wait_for_load_state()

    move("Being assessed", "Spoke to Tom; agreed support and a removal request.")
    assert page.locator("#case-status").inner_text() == "Being assessed"

    page.get_by_role("link", name="Record: Support offered to the person targeted").click()
    assert_accessible(page, "a step form")
    page.get_by_label("Support offered").fill("Employee assistance line; union representative; time with a colleague.")
    page.get_by_role("button", name="Record the step").click()
    page.wait_for_load_state()

    page.get_by_role("button", name="Draft the letter").click()  # evidence and platform are pre-filled
    page.wait_for_load_state()
    assert page.get_by_role("heading", name="Removal request to Instagram").is_visible()
    assert "https://www.instagram.com/p/abc123/" in page.locator("pre").inner_text()
    assert_accessible(page, "the removal request letter")
    page.get_by_label("Sent to the platform").check()
    page.get_by_role("button", name="Update the request").click()
    page.wait_for_load_state()

    page.get_by_role("link", name="Record: The person's decision about the police").click()
    page.get_by_label("They do not want the police involved").check()
    page.get_by_role("button", name="Record the step").click()
    page.wait_for_load_state()

    move("Closed", "Comments removed by the platform; support in place.", outcome="Advice or guidance given")
    assert page.locator("#case-status").inner_text() == "Closed"
    assert page.get_by_text("Comments removed by the platform; support in place.").first.is_visible()
    case.refresh_from_db()
    assert case.status == "closed" and case.outcome == "advice" and case.retain_until is not None
    assert [s.is_recorded for s in case.steps.all()] == [True, True, True]
    logout(page)

    # --- the reporter sees that it is closed
    login(page, "teacher")
    page.goto(f"{live_server.url}/cases/mine/")
    page.get_by_role("link", name=ref).click()
    assert page.get_by_text("Your report has been dealt with and closed.").is_visible()


def test_the_anonymous_and_material_reporting_pages_are_accessible(demo_trust, live_server, page, login):
    login(page, "teacher")
    page.goto(f"{live_server.url}/cases/report/material/")
    assert page.get_by_text("Do not open the material again").is_visible()
    assert_accessible(page, "the material report form")
    page.goto(f"{live_server.url}/cases/report/whistleblowing/")
    assert_accessible(page, "the whistleblowing form")
    page.get_by_label("What happened?").fill("Staff share pupils' photos in a private group chat.")
    page.get_by_role("button", name="Send the report").click()
    page.wait_for_load_state()
    code = page.locator("#receipt-code").inner_text().strip()
    assert re.fullmatch(r"[A-Z2-9]{4}(-[A-Z2-9]{4}){3}", code)
    assert_accessible(page, "the receipt page")
    page.goto(f"{live_server.url}/cases/receipt/")
    assert_accessible(page, "the receipt check form")
    page.get_by_label("Receipt code").fill(code)
    page.get_by_role("button", name="Check").click()
    page.wait_for_load_state()
    assert page.get_by_text("Your report has been received and is waiting").is_visible()
    assert_accessible(page, "the anonymous report's progress")
