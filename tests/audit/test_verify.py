"""The audit trail is append-only and tamper-evident: `safesocial audit verify` finds edited and deleted rows.

An attacker with database rights can drop the triggers that refuse UPDATE and DELETE; these tests do
exactly that (inside the test's transaction, so the triggers come back afterwards) and check that the
hash chain still gives them away, naming the event.
"""

from __future__ import annotations

import json

import pytest
from django.db import DatabaseError, connection, transaction

from safesocial.audit.models import AuditEvent
from safesocial.audit.services import record, verify_chain
from safesocial.cli import main

pytestmark = pytest.mark.django_db


@pytest.fixture
def events():
    return [
        record(action="case.opened", actor_label="test", subject_type="cases.case", subject_id=n, data={"n": n})
        for n in range(1, 5)
    ]


def drop_triggers() -> None:
    """What an attacker with database rights would do first."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("DROP TRIGGER audit_event_no_update")
            cursor.execute("DROP TRIGGER audit_event_no_delete")
        elif connection.vendor == "postgresql":
            cursor.execute("DROP TRIGGER audit_event_append_only ON audit_auditevent")
        else:  # pragma: no cover
            pytest.skip(f"no triggers on {connection.vendor}")


def raw(sql: str, params: list[object]) -> None:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


def verify(capsys) -> tuple[int, str]:
    code = main(["audit", "verify"])
    return code, capsys.readouterr().out


def test_an_intact_trail_verifies(events, capsys):
    code, out = verify(capsys)
    assert code == 0
    assert "chain intact" in out


def test_the_database_refuses_an_update_while_the_trigger_is_there(events):
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        raw("UPDATE audit_auditevent SET data = %s WHERE id = %s", ['{"n": 99}', events[1].pk])
    assert AuditEvent.objects.get(pk=events[1].pk).data == {"n": 2}


def test_the_database_refuses_a_delete_while_the_trigger_is_there(events):
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        raw("DELETE FROM audit_auditevent WHERE id = %s", [events[1].pk])
    assert AuditEvent.objects.filter(pk=events[1].pk).exists()


def test_the_application_refuses_to_change_or_delete_an_event(events):
    event = events[0]
    event.data = {"n": 99}
    with pytest.raises(PermissionError):
        event.save()
    with pytest.raises(PermissionError):
        event.delete()


def test_verify_catches_a_row_changed_directly_in_the_database_and_names_it(events, capsys):
    # given an attacker who drops the trigger and edits one event's payload
    drop_triggers()
    target = events[1]
    raw("UPDATE audit_auditevent SET data = %s WHERE id = %s", ['{"n": 99}', target.pk])
    # when the trail is verified
    code, out = verify(capsys)
    # then it fails and says which event
    assert code == 1
    assert "FAILED" in out
    assert f"event {target.pk} (case.opened" in out and "content was changed" in out
    assert f"event {events[0].pk} " not in out and f"event {events[2].pk} " not in out


def test_verify_catches_a_changed_actor_or_time(events):
    drop_triggers()
    raw("UPDATE audit_auditevent SET actor_label = %s WHERE id = %s", ["someone-else", events[2].pk])
    result = verify_chain()
    assert not result.ok and any(p.startswith(f"event {events[2].pk} ") for p in result.problems)


def test_verify_catches_a_row_deleted_from_the_middle(events, capsys):
    drop_triggers()
    raw("DELETE FROM audit_auditevent WHERE id = %s", [events[1].pk])
    code, out = verify(capsys)
    assert code == 1
    assert f"event {events[2].pk}: chain broken after event {events[0].pk}" in out
    assert "deleted" in out


def test_verify_catches_the_newest_row_deleted(events, capsys):
    drop_triggers()
    raw("DELETE FROM audit_auditevent WHERE id = %s", [events[-1].pk])
    code, out = verify(capsys)
    assert code == 1
    assert f"after event {events[-2].pk} were deleted" in out


def test_verify_catches_a_rehashed_row(events):
    """Recomputing the edited row's own hash does not help: the next event still points at the old one."""
    from safesocial.audit.services import compute_hash

    drop_triggers()
    target = AuditEvent.objects.get(pk=events[1].pk)
    target.data = {"n": 99}
    new_hash = compute_hash(target)
    raw("UPDATE audit_auditevent SET data = %s, hash = %s WHERE id = %s", ['{"n": 99}', new_hash, target.pk])
    result = verify_chain()
    assert not result.ok
    assert any(p.startswith(f"event {events[2].pk}: chain broken") for p in result.problems)


def test_verify_reports_as_json(events, capsys):
    drop_triggers()
    raw("UPDATE audit_auditevent SET data = %s WHERE id = %s", ['{"n": 7}', events[0].pk])
    assert main(["audit", "verify", "--json"]) == 1
    doc = json.loads(capsys.readouterr().out)
    assert doc["ok"] is False and doc["events"] == 4
    assert any(f"event {events[0].pk} " in p for p in doc["problems"])


def test_the_triggers_are_back_after_a_test_that_dropped_them(events):
    # each test runs in a transaction that is rolled back, DDL included
    with pytest.raises(DatabaseError), transaction.atomic():
        raw("UPDATE audit_auditevent SET data = %s WHERE id = %s", ['{"n": 99}', events[0].pk])
