"""The "Check before you post" page: every role can use it, a breach is explained, nothing is stored."""

from __future__ import annotations

import logging
from datetime import date

import pytest
from django.urls import reverse
from django.utils import timezone

from safesocial.policies import services as policy_services
from tests.checker.conftest import row_counts

pytestmark = pytest.mark.django_db

URL = "/check/"
BIO = "Teacher at Oakfield Primary School. Views my own."


def form(text: str, **extra: str) -> dict[str, str]:
    return {"school": "oakfield", "text": text, "kind": "post", "channel": "personal", **extra}


def test_the_nav_links_to_the_checker():
    assert reverse("checker:check") == URL


@pytest.mark.parametrize("username", ["teacher", "head", "parent", "pupil", "governor"])
def test_every_signed_in_role_gets_the_form(oakfield, signed_in, username):
    response = signed_in(username).get(URL)
    assert response.status_code == 200
    page = response.content.decode()
    assert "<h1>Check before you post</h1>" in page
    assert 'name="text"' in page and 'name="kind"' in page and 'name="channel"' in page
    assert "The school&#x27;s official account" in page
    assert "no-store" in response["Cache-Control"]


def test_signed_out_people_are_sent_to_sign_in(client):
    response = client.get(URL)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_a_profile_naming_the_school_is_a_breach_of_walsall_8_2(oakfield, signed_in):
    # given a teacher at Oakfield, which has adopted Walsall
    client = signed_in("teacher")
    # when they check a profile bio that names the school
    response = client.post(URL, form(BIO, kind="profile"))
    # then the page explains the breach in plain English, quoting the clause
    assert response.status_code == 200
    page = response.content.decode()
    assert "Do not post" in page
    assert "Posting this would break your school&#x27;s policy." in page
    assert "Walsall 8.2" in page
    assert "must not contain the school/academy name" in page
    assert 'href="/policies/' in page and "#clause-8.2" in page
    # and the evidence is highlighted in the text
    assert "<mark>" in page and "Oakfield Primary School" in page
    assert "no-store" in response["Cache-Control"]


def test_the_result_shows_the_safer_rewrite(oakfield, signed_in):
    response = signed_in("teacher").post(URL, form(BIO, kind="profile"))
    page = response.content.decode()
    assert "A safer version" in page
    assert "Check the safer version" in page


def test_checking_stores_nothing_and_logs_nothing(oakfield, signed_in, caplog):
    client = signed_in("teacher")
    before = row_counts()
    secret = "Ruby in Year 6 at Oakfield Primary School was sent home today, call me on 07700 900123"
    with caplog.at_level(logging.DEBUG):
        response = client.post(URL, form(secret))
    assert response.status_code == 200
    assert row_counts() == before
    assert all(secret not in r.getMessage() and "07700" not in r.getMessage() for r in caplog.records)


def test_empty_text_is_refused_with_a_message(oakfield, signed_in):
    response = signed_in("teacher").post(URL, form("   "))
    page = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in page and "Enter the text you want to check." in page
    assert "Result:" not in page


def test_text_over_twenty_thousand_characters_is_refused(oakfield, signed_in):
    response = signed_in("teacher").post(URL, form("a" * 20_001))
    page = response.content.decode()
    assert "There is a problem" in page and "20000" in page.replace(",", "")


def test_a_school_with_no_policy_says_so(school, make_user, client):
    teacher = make_user("staff", school=school)
    client.force_login(teacher)
    response = client.post(URL, {"school": school.slug, "text": "Hello", "kind": "post", "channel": "personal"})
    assert "has no social networking policy in force yet" in response.content.decode()


def test_someone_without_a_school_is_told_why(make_user, client):
    client.force_login(make_user())
    response = client.get(URL)
    assert "You do not have a role at any school yet" in response.content.decode()


def test_the_school_choice_only_lists_the_users_schools(oakfield, signed_in):
    page = signed_in("trust").get(URL).content.decode()
    assert "Oakfield Primary School" in page and "Brookside" in page
    # a teacher at one school sees no choice of school
    teacher_page = signed_in("brookside-teacher").get(URL).content.decode()
    assert 'type="hidden" name="school" value="brookside"' in teacher_page


def test_a_parent_is_judged_against_the_parents_clauses(school, make_user, client):
    # given a school that adopted a policy binding parents
    head = make_user("headteacher", school=school)
    parent = make_user("parent", school=school)
    today = timezone.localdate()
    version = policy_services.policy_adopt(
        school=school,
        pack_id="community-2025",
        label="1",
        effective_from=today,
        owner="Head",
        ratified_by="Board",
        ratified_on=today,
        next_review=date(today.year + 1, 1, 1),
        actor=head,
    )
    policy_services.policy_publish(version=version, actor=head)
    client.force_login(parent)
    # when the parent checks a complaint about the school
    text = "I want to complain publicly: the school and its teachers are useless and nobody listens to parents."
    response = client.post(URL, {"school": school.slug, "text": text, "kind": "post", "channel": "personal"})
    # then it cites the parents' clause
    page = response.content.decode()
    assert "Checked as parent or carer" in page
    assert "Community 2025 parent-expectations.2a" in page
    assert "Social networking should not be used as a forum to raise complaints" in page


def test_report_this_hands_over_to_the_cases_app_without_the_text(oakfield, signed_in):
    from django.urls import NoReverseMatch, reverse

    response = signed_in("teacher").post(URL, form(BIO, kind="profile"))
    page = response.content.decode()
    try:
        report = reverse("cases:report")
    except NoReverseMatch:
        assert "Report this" not in page  # the cases app is not installed in this build
    else:
        assert f'href="{report}?kind=breach"' in page
        assert "Oakfield" not in page.split(f'href="{report}')[1].split('"')[0]


def test_a_parent_under_a_staff_only_policy_is_told_it_sets_them_no_rules(oakfield, signed_in):
    # Walsall binds staff, contractors, volunteers and governors, not parents
    page = signed_in("parent").post(URL, form("The head at Oakfield is useless.")).content.decode()
    assert "this policy sets no rules for parents and carers" in page
    staff_page = signed_in("teacher").post(URL, form("Lovely walk in the hills this weekend.")).content.decode()
    assert "OK to post" in staff_page and "sets no rules" not in staff_page
    assert "tell your designated safeguarding lead" in staff_page  # an ok is not a safeguarding all-clear
