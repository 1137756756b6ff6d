"""The policy pages: adopt with options and placeholders, publish, PDF, permission checks."""

from __future__ import annotations

import pytest

from safesocial.policies.models import PolicyVersion

pytestmark = pytest.mark.django_db


def test_headteacher_adopts_walsall_option_2_and_publishes(client, school, make_user):
    head = make_user("headteacher", school=school)
    client.force_login(head)
    page = client.get(f"/policies/adopt/{school.slug}/walsall/")
    assert page.status_code == 200
    assert "Option 2 - limited use of social media at work" in page.content.decode()
    response = client.post(f"/policies/adopt/{school.slug}/walsall/", {
        "label": "2026.1", "effective_from": "2026-09-01", "owner": "Headteacher", "next_review": "2027-09-01",
        "ratified_by": "Full governing board", "ratified_on": "2026-07-10", "option__it_use": "limited",
    })
    version = PolicyVersion.objects.get(school=school)
    assert response.status_code == 302 and version.choices == {"it_use": "limited"}
    client.post(f"/policies/{version.pk}/publish/")
    version.refresh_from_db()
    assert version.status == "published"
    detail = client.get(f"/policies/{version.pk}/").content.decode()
    assert "Option 2 - limited use of social media at work" in detail and 'id="clause-3.1-option2"' in detail
    pdf = client.get(f"/policies/{version.pk}/pdf/")
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")


def test_staff_cannot_adopt_or_publish(client, school, make_user):
    teacher = make_user("staff", school=school)
    client.force_login(teacher)
    assert client.get(f"/policies/adopt/{school.slug}/walsall/").status_code == 403
    assert client.post(f"/policies/adopt/{school.slug}/walsall/", {"label": "x"}).status_code == 403
    assert PolicyVersion.objects.count() == 0


def test_a_school_cannot_read_another_schools_draft(client, school, make_user):
    from tests.factories.people import SchoolFactory

    other = SchoolFactory()
    head = make_user("headteacher", school=school)
    client.force_login(head)
    client.post(f"/policies/adopt/{school.slug}/welton/", {
        "label": "1", "effective_from": "2026-09-01", "owner": "Head"})
    version = PolicyVersion.objects.get()
    outsider = make_user("headteacher", school=other)
    client.force_login(outsider)
    assert client.get(f"/policies/{version.pk}/").status_code == 404
