"""connection_audit_run: matches kept, everything else discarded, refused uploads leave nothing behind."""

from __future__ import annotations

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from safesocial.audit.models import AuditEvent
from safesocial.connections.models import AuditMatch, ConnectionAudit, Declaration
from safesocial.connections.services import ConnectionAuditError, connection_audit_run, declaration_create
from safesocial.connections.services import declaration_transition as transition

from .conftest import PARENT, PUPIL, STRANGERS, corrupt_zip, facebook_json, facebook_zip

pytestmark = pytest.mark.django_db


def _everything_stored() -> str:
    """Every value the audit could have written, as one text to search."""
    rows = [
        list(ConnectionAudit.objects.values()),
        list(AuditMatch.objects.values()),
        list(AuditEvent.objects.filter(action__startswith="connections.").values("data")),
    ]
    return json.dumps(rows, default=str)


def test_a_facebook_export_keeps_only_the_matches_and_deletes_the_file(users, demo, spool):
    # given a teacher's export with a pupil, a parent and three strangers
    upload = SimpleUploadedFile("your_friends.json", facebook_json([PUPIL, PARENT, *STRANGERS]))
    # when the audit runs
    run = connection_audit_run(user=users["teacher"], school=demo["oakfield"], uploaded_file=upload)
    # then the two matches are stored with their verdicts and clauses
    assert (run.platform, run.connections_read, run.verdict) == ("facebook", 5, "breach")
    matches = {m.connection_name: m for m in run.matches.select_related("person")}
    assert set(matches) == {PUPIL, PARENT}
    pupil = matches[PUPIL]
    assert (pupil.person.external_id, pupil.relationship, pupil.verdict) == ("P001", "current_pupil", "breach")
    assert pupil.clauses == ["walsall:7.8"] and pupil.status == "open" and pupil.explanation
    assert matches[PARENT].relationship == "parent_on_roll" and matches[PARENT].clauses == ["walsall:7.9"]
    assert run.policy_version.pack_id == "walsall"
    # and the strangers' names are stored nowhere, and the file is gone
    stored = _everything_stored()
    assert not any(name in stored for name in STRANGERS)
    assert list(spool.iterdir()) == []
    event = AuditEvent.objects.get(action="connections.audited")
    assert event.data["connections_read"] == 5 and event.data["breach"] == 2 and event.actor == users["teacher"]


def test_a_zip_export_is_read_the_same_way(users, demo, spool):
    upload = SimpleUploadedFile("facebook-tombaker.zip", facebook_zip([PUPIL, *STRANGERS]))
    run = connection_audit_run(user=users["teacher"], school=demo["oakfield"], uploaded_file=upload)
    assert [m.connection_name for m in run.matches.all()] == [PUPIL]
    assert list(spool.iterdir()) == []


@pytest.mark.parametrize(
    ("filename", "content", "code", "words"),
    [
        ("facebook.zip", corrupt_zip(), "E401", "damaged or incomplete"),
        ("notes.txt", b"Dear diary, today I met Ruby Patel.\n", "E402", "not an export we recognise"),
        ("your_friends.json", b"", "E403", "empty"),
        ("facebook.zip", b"PK" + b"\x00" * 10, "E401", "damaged or incomplete"),
    ],
    ids=["corrupt-zip", "unknown-format", "empty", "truncated-zip-header"],
)
def test_an_unusable_file_gets_a_clear_message_and_leaves_nothing(users, demo, spool, filename, content, code, words):
    with pytest.raises(ConnectionAuditError) as caught:
        connection_audit_run(
            user=users["teacher"], school=demo["oakfield"], uploaded_file=SimpleUploadedFile(filename, content)
        )
    assert caught.value.code == code and words in caught.value.message
    assert ConnectionAudit.objects.count() == 0 and AuditMatch.objects.count() == 0
    assert not AuditEvent.objects.filter(action="connections.audited").exists()
    assert list(spool.iterdir()) == []


def test_an_oversize_upload_is_refused_before_it_is_read(users, demo, spool, settings):
    settings.SAFESOCIAL_MAX_EXPORT_BYTES = 1000
    big = facebook_json([PUPIL, *[f"Stranger Number{i}" for i in range(200)]])
    assert len(big) > 1000
    with pytest.raises(ConnectionAuditError) as caught:
        connection_audit_run(
            user=users["teacher"], school=demo["oakfield"], uploaded_file=SimpleUploadedFile("your_friends.json", big)
        )
    assert caught.value.code == "E404" and "too large" in caught.value.message and "1,000 bytes" in caught.value.message
    assert ConnectionAudit.objects.count() == 0 and list(spool.iterdir()) == []


class _LyingUpload:
    """An upload whose declared size is small but whose content is not: caught while it is copied."""

    name = "your_friends.json"
    size = 10

    def __init__(self, data: bytes) -> None:
        self.data = data

    def chunks(self, chunk_size: int = 64 * 1024):
        for i in range(0, len(self.data), 100):
            yield self.data[i : i + 100]


def test_an_upload_larger_than_it_claims_is_stopped_while_reading(users, demo, spool, settings):
    settings.SAFESOCIAL_MAX_EXPORT_BYTES = 1000
    data = facebook_json([PUPIL, *[f"Stranger Number{i}" for i in range(200)]])
    with pytest.raises(ConnectionAuditError) as caught:
        connection_audit_run(user=users["teacher"], school=demo["oakfield"], uploaded_file=_LyingUpload(data))
    assert caught.value.code == "E404"
    assert ConnectionAudit.objects.count() == 0 and list(spool.iterdir()) == []


def test_an_acknowledged_declaration_lifts_the_clause_that_lists_it(users, demo, spool):
    # given Brookside's policy (bitterne-park 2.1: should not befriend parents, except family)
    teacher, head = users["brookside-teacher"], users["brookside-head"]
    first = connection_audit_run(
        user=teacher,
        school=demo["brookside"],
        uploaded_file=SimpleUploadedFile("your_friends.json", facebook_json(["Lisa Johnson", *STRANGERS])),
    )
    match = first.matches.get()
    assert (match.verdict, match.relationship) == ("advise", "parent_on_roll")
    assert match.clauses == ["bitterne-park:2.1"]
    # when she declares the family relationship and the headteacher acknowledges it
    declaration = declaration_create(match=match, kind="family_relationship", reason="My cousin", actor=teacher)
    transition(declaration=declaration, to=Declaration.Status.ACKNOWLEDGED, actor=head)
    # then her next audit no longer advises against it, and still cites the clause it lifted
    second = connection_audit_run(
        user=teacher,
        school=demo["brookside"],
        uploaded_file=SimpleUploadedFile("your_friends.json", facebook_json(["Lisa Johnson"])),
    )
    again = second.matches.get()
    assert again.verdict == "ok" and again.clauses == ["bitterne-park:2.1"]
    assert "lifted by a declared family relationship" in again.explanation


def test_a_declaration_still_waiting_lifts_nothing(users, demo, spool):
    teacher = users["brookside-teacher"]
    upload = SimpleUploadedFile("your_friends.json", facebook_json(["Lisa Johnson"]))
    match = connection_audit_run(user=teacher, school=demo["brookside"], uploaded_file=upload).matches.get()
    declaration_create(match=match, kind="family_relationship", reason="My cousin", actor=teacher)
    upload = SimpleUploadedFile("your_friends.json", facebook_json(["Lisa Johnson"]))
    again = connection_audit_run(user=teacher, school=demo["brookside"], uploaded_file=upload).matches.get()
    assert again.verdict == "advise"


def test_no_policy_in_force_is_explained_and_nothing_is_kept(spool, school, make_user):
    teacher = make_user("staff", school=school)
    with pytest.raises(ConnectionAuditError, match="no social networking policy in force"):
        connection_audit_run(
            user=teacher, school=school, uploaded_file=SimpleUploadedFile("your_friends.json", facebook_json([PUPIL]))
        )
    assert ConnectionAudit.objects.count() == 0 and list(spool.iterdir()) == []


def test_an_x_archive_is_read_but_cannot_be_matched_by_name(users, demo, spool):
    body = (
        'window.YTD.follower.part0 = [{"follower": {"accountId": "12345", "userLink": "https://x.com/i/user/12345"}}]'
    )
    run = connection_audit_run(
        user=users["teacher"], school=demo["oakfield"], uploaded_file=SimpleUploadedFile("follower.js", body.encode())
    )
    assert (run.platform, run.verdict, run.matches.count(), run.connections_read) == ("x", "not_checked", 0, 1)
