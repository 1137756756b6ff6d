"""The pages: reporting in plain language for every role, and handling a case."""

from __future__ import annotations

import pytest
from django.urls import reverse

from safesocial.cases.models import Case, CaseType, Status

from .conftest import png_bytes, upload

pytestmark = pytest.mark.django_db

KIND_TO_TYPE = {
    "bullied": CaseType.BULLYING,
    "post": CaseType.POST_ABOUT_STAFF,
    "child": CaseType.SAFEGUARDING,
    "adult": CaseType.ALLEGATION,
    "breach": CaseType.BREACH,
    "whistleblowing": CaseType.WHISTLEBLOWING,
}


def test_the_navigation_names_resolve():
    assert reverse("cases:report") == "/cases/report/"
    assert reverse("cases:list") == "/cases/"


def test_choosing_what_happened_leads_to_the_right_form(users, client):
    client.force_login(users.parent)
    page = client.get("/cases/report/").content.decode()
    for label in (
        "I am being bullied or harassed online",
        "Someone has posted about me or a colleague",
        "I am worried about a child&#x27;s safety",
        "I am worried about an adult&#x27;s online conduct",
        "I found unsuitable or illegal material",
        "Someone has broken the social networking policy",
        "I want to raise a concern anonymously (whistleblowing)",
    ):
        assert label in page, label
    response = client.get("/cases/report/", {"kind": "child"})
    assert response.status_code == 302 and response["Location"] == "/cases/report/child/"
    assert client.get("/cases/report/", {"kind": "nonsense"}).status_code == 200
    assert client.get("/cases/report/nonsense/").status_code == 404


@pytest.mark.parametrize(("kind", "case_type"), list(KIND_TO_TYPE.items()))
def test_each_kind_of_report_files_the_right_case(users, client, oakfield, kind, case_type):
    client.force_login(users.teacher)
    assert client.get(f"/cases/report/{kind}/").status_code == 200
    data = {"school": str(oakfield.pk), "summary": "What happened", "about_me": "me", "subject_role": "staff"}
    response = client.post(f"/cases/report/{kind}/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    case = Case.objects.get()
    assert case.case_type == case_type


def test_material_is_routed_by_the_answer_about_children(users, client, oakfield):
    client.force_login(users.teacher)
    base = {"school": str(oakfield.pk), "summary": "Found on a laptop"}
    response = client.post("/cases/report/material/", {**base, "material_kind": "yes"})
    assert "Say where you found it" in response.content.decode()
    client.post(
        "/cases/report/material/",
        {**base, "material_kind": "yes", "found_where": "Room 4 laptop", "found_at": "2025-01-06T09:00"},
    )
    client.post("/cases/report/material/", {**base, "material_kind": "no"})
    assert sorted(Case.objects.values_list("case_type", flat=True)) == ["indecent_images", "unsuitable_material"]


def test_a_pupil_being_bullied_goes_to_the_dsl(users, client, oakfield):
    client.force_login(users.pupil)
    client.post("/cases/report/bullied/", {"school": str(oakfield.pk), "summary": "People in my class are mean online"})
    assert Case.objects.get().case_type == CaseType.SAFEGUARDING


def test_a_report_with_a_screenshot_and_what_happens_next(users, client, oakfield):
    client.force_login(users.teacher)
    response = client.post(
        "/cases/report/bullied/",
        {
            "school": str(oakfield.pk),
            "summary": "Abusive comments on my photo",
            "platform": "Instagram",
            "url": "https://instagram.com/p/1",
            "seen_at": "2025-01-05T20:15",
            "captured_by": "Tom Baker",
            "evidence_file": upload("shot.png", png_bytes(), "image/png"),
        },
        follow=True,
    )
    page = response.content.decode()
    case = Case.objects.get()
    assert f"Your report {case.ref}" in page
    assert "It is your decision whether to report it to the police" in page
    ev = case.evidence.get()
    assert ev.platform == "Instagram" and ev.seen_at is not None and ev.captured_by == "Tom Baker"
    mine = client.get("/cases/mine/").content.decode()
    assert case.ref in mine


def test_the_anonymous_receipt_is_shown_once(users, client, oakfield):
    client.force_login(users.teacher)
    response = client.post(
        "/cases/report/whistleblowing/", {"school": str(oakfield.pk), "summary": "Concern"}, follow=True
    )
    page = response.content.decode()
    assert "Your receipt code is" in page
    code = page.split('id="receipt-code"')[1].split(">")[1].split("<")[0].strip()
    assert len(code) == 19
    again = client.get("/cases/report/receipt/")
    assert again.status_code == 302  # not shown again
    assert "Concern" not in client.get("/cases/mine/").content.decode()
    assert Case.objects.get().ref in client.post("/cases/receipt/", {"code": code}).content.decode()


def test_the_handler_works_a_case_through_the_pages(users, client, oakfield):
    client.force_login(users.dsl)
    client.post(
        "/cases/report/adult/",
        {"school": str(oakfield.pk), "summary": "Messages to a pupil", "subject": str(users.teacher.pk)},
    )
    case = Case.objects.get()
    client.force_login(users.head)
    page = client.get("/cases/").content.decode()
    assert case.ref in page
    page = client.get(f"/cases/{case.pk}/").content.decode()
    assert "Referral to the LADO" in page and "walsall" in page
    response = client.post(
        f"/cases/{case.pk}/transition/", {"to_status": "assessing", "reason": "Read it", "expected_status": "reported"}
    )
    assert response.status_code == 302
    response = client.post(
        f"/cases/{case.pk}/transition/",
        {"to_status": "investigating", "reason": "Go", "expected_status": "assessing"},
        follow=True,
    )
    assert "cannot start until it is recorded" in response.content.decode()
    # a stale page: the status the handler saw is no longer the status
    response = client.post(
        f"/cases/{case.pk}/transition/",
        {"to_status": "assessing", "reason": "x", "expected_status": "reported"},
        follow=True,
    )
    assert "Someone else changed this case" in response.content.decode()
    assert client.get(f"/cases/{case.pk}/steps/lado_referral/").status_code == 200
    response = client.post(
        f"/cases/{case.pk}/steps/lado_referral/",
        {"referred_on": "2025-01-06", "officer": "J O", "advice": "Investigate"},
    )
    assert response.status_code == 302
    client.post(f"/cases/{case.pk}/note/", {"note": "Spoke to the LADO again"})
    client.post(f"/cases/{case.pk}/hold/", {"reason": "Police asked", "action": "set"})
    response = client.post(
        f"/cases/{case.pk}/transition/",
        {"to_status": "investigating", "reason": "LADO agreed", "expected_status": "assessing"},
    )
    case.refresh_from_db()
    assert case.status == Status.INVESTIGATING and case.holds.count() == 1
    response = client.post(
        f"/cases/{case.pk}/transition/",
        {
            "to_status": "closed",
            "reason": "Warning given",
            "outcome": "disciplinary",
            "expected_status": "investigating",
        },
    )
    case.refresh_from_db()
    assert case.status == Status.CLOSED and case.outcome == "disciplinary"
    page = client.get(f"/cases/{case.pk}/").content.decode()
    assert "Move the case on" not in page and "Warning given" in page
    # the teacher the allegation is about sees none of it
    client.force_login(users.teacher)
    assert case.ref not in client.get("/cases/").content.decode()


def test_a_handler_adds_and_corrects_evidence_through_the_pages(users, client, report):
    case = report("post_about_staff", actor=users.teacher)
    client.force_login(users.head)
    assert client.get(f"/cases/{case.pk}/evidence/add/").status_code == 200
    response = client.post(
        f"/cases/{case.pk}/evidence/add/",
        {"evidence_file": upload("a.png", png_bytes(), "image/png"), "platform": "Facebook"},
    )
    assert response.status_code == 302
    ev = case.evidence.get()
    response = client.post(
        f"/cases/{case.pk}/evidence/{ev.pk}/correct/",
        {
            "evidence_file": upload("b.jpg", png_bytes(), "image/jpeg"),
            "platform": "Facebook",
            "correction_reason": "Better copy",
        },
    )
    assert "its name says it is a JPEG image but its content is a PNG image" in response.content.decode()
    response = client.post(
        f"/cases/{case.pk}/evidence/{ev.pk}/correct/",
        {
            "evidence_file": upload("b.png", png_bytes(colour="blue"), "image/png"),
            "platform": "Facebook",
            "correction_reason": "Better copy",
        },
    )
    assert response.status_code == 302 and case.evidence.count() == 2
    page = client.get(f"/cases/{case.pk}/").content.decode()
    assert "(superseded)" in page and "Corrects item" in page


def test_a_safeguarding_case_links_the_childs_record(users, client, report, oakfield):
    from safesocial.people.models import Person

    case = report("safeguarding", actor=users.teacher)
    client.force_login(users.dsl)
    page = client.get(f"/cases/{case.pk}/").content.decode()
    assert "The child&#x27;s record" in page
    ruby = Person.objects.get(school=oakfield, external_id="P001")
    client.post(f"/cases/{case.pk}/child/", {"person": str(ruby.pk)})
    case.refresh_from_db()
    assert case.child == ruby
