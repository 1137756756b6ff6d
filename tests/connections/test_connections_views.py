"""The pages: upload, my result (mine only), declare, the headteacher's queue, leaders' completion."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from safesocial.connections.models import AuditMatch, ConnectionAudit, Declaration

from .conftest import PARENT, PUPIL, STRANGERS, corrupt_zip, facebook_json, facebook_zip

pytestmark = pytest.mark.django_db


def _upload(client, content, name="your_friends.json", platform="auto"):
    return client.post("/connections/", {"export": SimpleUploadedFile(name, content), "platform": platform})


@pytest.fixture
def teacher_result(client, users, spool):
    client.force_login(users["teacher"])
    response = _upload(client, facebook_zip([PUPIL, PARENT, *STRANGERS]), name="facebook-tom.zip")
    assert response.status_code == 302
    return ConnectionAudit.objects.get()


def test_the_upload_page_explains_how_to_download_each_export(client, users):
    client.force_login(users["teacher"])
    page = client.get("/connections/").content.decode()
    assert "Choose All time as the date range" in page
    assert "cannot be matched to people at school" in page  # X
    for platform in ("Facebook", "Instagram", "LinkedIn", "TikTok", "Snapchat"):
        assert f">{platform}<" in page
    assert 'name="platform"' in page and 'type="file"' in page


def test_my_result_comes_first_with_the_clause_and_what_to_do(client, teacher_result, spool):
    response = client.get(f"/connections/audits/{teacher_result.pk}/")
    page = response.content.decode()
    assert response.status_code == 200
    assert "Breaches of the policy (2)" in page
    assert "Interacting or &#x27;befriending&#x27; pupils via social media/internet sites" in page  # walsall 7.8
    assert "Interacting with parents/carers of pupils via social media/internet sites" in page  # walsall 7.9
    assert "I have removed this connection" in page and "Declare this relationship" in page
    assert not any(name in page for name in STRANGERS)
    assert list(spool.iterdir()) == []


def test_i_can_mark_a_connection_removed(client, teacher_result):
    match = teacher_result.matches.get(connection_name=PUPIL)
    response = client.post(f"/connections/matches/{match.pk}/removed/")
    assert response.status_code == 302
    match.refresh_from_db()
    assert match.status == "removed"
    assert "you said you removed this connection" in client.get(response.url).content.decode()


def test_i_can_declare_a_relationship_from_my_result(client, teacher_result):
    match = teacher_result.matches.get(connection_name=PARENT)
    form = client.get(f"/connections/matches/{match.pk}/declare/").content.decode()
    assert "A family relationship" in form and "Interacting with parents/carers" in form
    assert client.post(f"/connections/matches/{match.pk}/declare/", {"kind": "family_relationship"}).status_code == 400
    response = client.post(
        f"/connections/matches/{match.pk}/declare/", {"kind": "family_relationship", "reason": "She is my sister"}
    )
    assert response.status_code == 302
    declaration = Declaration.objects.get()
    assert (declaration.status, declaration.person.external_id) == ("declared", "C106")


@pytest.mark.parametrize("who", ["dsl", "head", "brookside-teacher", "trust"])
def test_nobody_else_can_see_or_act_on_my_result(client, teacher_result, users, who):
    match = teacher_result.matches.get(connection_name=PARENT)
    client.force_login(users[who])
    assert client.get(f"/connections/audits/{teacher_result.pk}/").status_code == 404
    assert client.get(f"/connections/matches/{match.pk}/declare/").status_code == 404
    assert client.post(f"/connections/matches/{match.pk}/removed/").status_code == 404
    match.refresh_from_db()
    assert match.status == "open" and Declaration.objects.count() == 0


@pytest.mark.parametrize(
    ("name", "content", "words"),
    [
        ("facebook.zip", corrupt_zip(), "damaged or incomplete"),
        ("holiday.jpg", b"\xff\xd8\xff\xe0 not an export at all", "not an export we recognise"),
        ("your_friends.json", b"", "empty"),
    ],
    ids=["corrupt-zip", "unknown-format", "empty"],
)
def test_a_refused_upload_gets_a_clear_message_and_leaves_nothing(client, users, spool, name, content, words):
    client.force_login(users["teacher"])
    response = _upload(client, content, name=name)
    page = response.content.decode()
    assert response.status_code == 400
    assert words in page and "Nothing was kept" in page and 'role="alert"' in page
    assert ConnectionAudit.objects.count() == 0 and AuditMatch.objects.count() == 0
    assert list(spool.iterdir()) == []


def test_an_oversize_upload_is_stopped_as_it_arrives(client, users, spool, settings):
    # given a limit of 100 kB (standing in for the real one) and an upload of 3 MB, which Django would spool to disk
    settings.SAFESOCIAL_MAX_EXPORT_BYTES = 100 * 1024
    big = facebook_json([PUPIL, *[f"Stranger Number{i}" for i in range(80_000)]])
    assert len(big) > 2_500_000
    client.force_login(users["teacher"])
    response = _upload(client, big)
    page = response.content.decode()
    assert response.status_code == 400 and "too large" in page and "100 MB" not in page
    assert ConnectionAudit.objects.count() == 0 and list(spool.iterdir()) == []


def test_a_pupil_is_not_offered_the_audit(client, users):
    pupil = users["parent"]
    client.force_login(pupil)
    page = client.get("/connections/").content.decode()
    assert "Your role does not include it" in page and 'type="file"' not in page


def test_the_headteacher_decides_in_the_queue(client, teacher_result, users):
    match = teacher_result.matches.get(connection_name=PARENT)
    client.post(f"/connections/matches/{match.pk}/declare/", {"kind": "family_relationship", "reason": "My sister"})
    declaration = Declaration.objects.get()
    # the teacher cannot see the queue or decide
    assert client.get("/connections/declarations/").status_code == 403
    assert (
        client.post(f"/connections/declarations/{declaration.pk}/decide/", {"decision": "acknowledged"}).status_code
        == 404
    )
    # the headteacher can
    client.force_login(users["head"])
    queue = client.get("/connections/declarations/").content.decode()
    assert "Tom Baker (Teacher): Sarah Clarke" in queue and "My sister" in queue
    response = client.post(
        f"/connections/declarations/{declaration.pk}/decide/",
        {"decision": "acknowledged", "note": "Noted"},
        follow=True,
    )
    assert response.redirect_chain[0][1] == 302 and "You acknowledged the declaration" in response.content.decode()
    declaration.refresh_from_db()
    assert declaration.status == "acknowledged" and declaration.decision_note == "Noted"
    # and Brookside's headteacher never sees it
    client.force_login(users["brookside-head"])
    assert "Sarah Clarke" not in client.get("/connections/declarations/").content.decode()


def test_leaders_see_counts_not_names(client, teacher_result, users):
    client.force_login(users["head"])
    response = client.get("/connections/completion/")
    page = response.content.decode()
    assert response.status_code == 200
    assert "Oakfield Primary School" in page
    assert "<td>2</td>" in page  # two outstanding breaches
    assert "1 of " in page  # one member of staff has checked
    assert not any(name in page for name in [PUPIL, PARENT, *STRANGERS, "Tom Baker"])


def test_staff_cannot_see_completion(client, users):
    client.force_login(users["teacher"])
    assert client.get("/connections/completion/").status_code == 403


def test_a_removed_breach_is_no_longer_outstanding(client, teacher_result, users):
    from safesocial.connections.selectors import completion

    for match in teacher_result.matches.all():
        client.post(f"/connections/matches/{match.pk}/removed/")
    oakfield = next(r for r in completion(user=users["head"]) if r.school.slug == "oakfield")
    assert oakfield.outstanding_breaches == 0 and oakfield.audited == 1


def test_an_oversize_upload_still_passes_the_csrf_check_and_is_explained(users, spool, settings):
    from django.test import Client

    settings.SAFESOCIAL_MAX_EXPORT_BYTES = 10 * 1024
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(users["teacher"])
    browser.get("/connections/")
    token = browser.cookies["csrftoken"].value
    big = facebook_json([f"Stranger Number{i}" for i in range(20_000)])
    response = browser.post(
        "/connections/",
        {"csrfmiddlewaretoken": token, "export": SimpleUploadedFile("your_friends.json", big), "platform": "auto"},
    )
    assert response.status_code == 400 and "too large" in response.content.decode()
    assert ConnectionAudit.objects.count() == 0 and list(spool.iterdir()) == []


def test_an_upload_without_a_csrf_token_is_refused(users, spool):
    from django.test import Client

    browser = Client(enforce_csrf_checks=True)
    browser.force_login(users["teacher"])
    response = browser.post("/connections/", {"export": SimpleUploadedFile("f.json", facebook_json([PUPIL]))})
    assert response.status_code == 403 and ConnectionAudit.objects.count() == 0


def test_the_result_links_each_quoted_clause_to_the_policy(client, teacher_result):
    page = client.get(f"/connections/audits/{teacher_result.pk}/").content.decode()
    version = teacher_result.policy_version_id
    assert f'href="/policies/{version}/#clause-7.8"' in page
