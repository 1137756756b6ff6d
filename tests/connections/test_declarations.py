"""Declarations: declared, then acknowledged or declined by the headteacher of the school, by one service."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction
from django.utils import timezone

from safesocial.audit.models import AuditEvent
from safesocial.connections.models import AuditMatch, Declaration
from safesocial.connections.services import (
    DeclarationError,
    connection_audit_run,
    declaration_create,
    declaration_transition,
)

from .conftest import PARENT, PUPIL, facebook_json

pytestmark = pytest.mark.django_db


def _match(user, school, name=PARENT):
    upload = SimpleUploadedFile("your_friends.json", facebook_json([PUPIL, PARENT]))
    run = connection_audit_run(user=user, school=school, uploaded_file=upload)
    return run.matches.get(connection_name=name)


def _snapshot(declaration):
    declaration.refresh_from_db()
    return (declaration.status, declaration.decided_by_id, declaration.decided_at, declaration.decision_note)


@pytest.fixture
def declared(users, demo, spool):
    match = _match(users["teacher"], demo["oakfield"])
    return declaration_create(
        match=match, kind="acknowledged_social_circle", reason="Friends since university", actor=users["teacher"]
    )


def test_declaring_marks_the_match_and_records_an_event(declared, users):
    assert declared.status == "declared" and declared.person.external_id == "C106"
    assert declared.school.slug == "oakfield"
    assert AuditMatch.objects.get(connection_name=PARENT).status == "declared"
    event = AuditEvent.objects.get(action="connections.declared")
    assert event.actor == users["teacher"] and event.data["kind"] == "acknowledged_social_circle"
    assert "Friends since university" not in str(event.data)


def test_the_headteacher_acknowledges(declared, users):
    declaration_transition(declaration=declared, to="acknowledged", actor=users["head"], note="Thank you")
    status, decided_by, decided_at, note = _snapshot(declared)
    assert (status, decided_by, note) == ("acknowledged", users["head"].pk, "Thank you") and decided_at
    event = AuditEvent.objects.get(action="connections.declaration_decided")
    assert event.data["from"] == "declared" and event.data["to"] == "acknowledged" and event.actor == users["head"]


def test_declining_opens_the_match_again(declared, users):
    declaration_transition(declaration=declared, to="declined", actor=users["head"], note="Please remove")
    assert _snapshot(declared)[0] == "declined"
    assert AuditMatch.objects.get(connection_name=PARENT).status == "open"


@pytest.mark.parametrize("who", ["dsl", "hr", "trust", "brookside-head", "parent"])
def test_only_the_headteacher_of_that_school_decides_and_a_refusal_changes_nothing(declared, users, who):
    before = _snapshot(declared)
    events = AuditEvent.objects.count()
    with pytest.raises(PermissionDenied):
        declaration_transition(declaration=declared, to="acknowledged", actor=users[who])
    assert _snapshot(declared) == before and AuditEvent.objects.count() == events


def test_nobody_decides_their_own_declaration(users, demo, spool):
    head = users["head"]
    own = declaration_create(
        match=_match(head, demo["oakfield"]), kind="family_relationship", reason="My sister", actor=head
    )
    before = _snapshot(own)
    with pytest.raises(PermissionDenied, match="own declaration"):
        declaration_transition(declaration=own, to="acknowledged", actor=head)
    assert _snapshot(own) == before
    assert not AuditEvent.objects.filter(action="connections.declaration_decided").exists()


def test_nobody_decides_their_own_even_in_the_database(declared, users):
    with pytest.raises(IntegrityError), transaction.atomic():
        Declaration.objects.filter(pk=declared.pk).update(
            status="acknowledged", decided_by=users["teacher"], decided_at=timezone.now()
        )


def test_a_decided_declaration_cannot_be_decided_again(declared, users):
    declaration_transition(declaration=declared, to="acknowledged", actor=users["head"])
    before = _snapshot(declared)
    with pytest.raises(DeclarationError, match="already acknowledged"):
        declaration_transition(declaration=declared, to="declined", actor=users["head"])
    assert _snapshot(declared) == before


def test_the_transition_table_allows_only_decisions_from_declared():
    assert Declaration.TRANSITIONS["declared"] == {"acknowledged", "declined"}
    assert Declaration.TRANSITIONS["acknowledged"] == frozenset() and Declaration.TRANSITIONS["declined"] == frozenset()


def test_someone_else_cannot_declare_on_my_match(users, demo, spool):
    match = _match(users["teacher"], demo["oakfield"])
    with pytest.raises(PermissionDenied):
        declaration_create(match=match, kind="family_relationship", reason="x", actor=users["dsl"])
    assert Declaration.objects.count() == 0
    match.refresh_from_db()
    assert match.status == "open"


def test_declaring_twice_does_not_duplicate(declared, users):
    match = AuditMatch.objects.get(connection_name=PARENT)
    again = declaration_create(match=match, kind="acknowledged_social_circle", reason="again", actor=users["teacher"])
    assert again.pk == declared.pk and Declaration.objects.count() == 1
