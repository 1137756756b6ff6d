"""The audit result: JSON shape, verdict roll-up, ambiguity, X, declarations, and the labelled set."""

from __future__ import annotations

import pytest

from safesocial.engine.directory import Directory, RowProblem
from safesocial.engine.errors import ExportError
from safesocial.engine.matching import audit, read_export
from safesocial.engine.matching.audit import Auditor
from safesocial.engine.matching.evaluate import evaluate_labels
from safesocial.engine.matching.exports import Connection, ExportResult
from safesocial.engine.matching.synth import synthetic_accuracy

from .conftest import AUDIT_DAY, EXPORTS, adopt

TOP_KEYS = ["policy", "platform", "connections_read", "unreadable", "verdict", "matches", "notes"]
MATCH_KEYS = ["connection", "person_id", "relationship", "confidence", "verdict", "clauses", "explanation"]


def _facebook(*names: str) -> ExportResult:
    return ExportResult("facebook", tuple(Connection(n, "", "facebook", f"test[{i}]") for i, n in enumerate(names)))


def test_result_dict_has_exactly_the_contract_keys(riverside: Directory):
    result = audit(read_export(EXPORTS / "facebook/your_friends.json"), riverside, adopt("waterville"), AUDIT_DAY)
    doc = result.as_dict()
    assert list(doc) == TOP_KEYS
    assert doc["policy"] == "waterville"
    assert doc["platform"] == "facebook"
    assert doc["connections_read"] == 37
    assert doc["unreadable"] == [
        {"where": "your_friends.json: friends_v2[5]", "reason": "the entry has no name"},
        {"where": "your_friends.json: friends_v2[12]", "reason": "expected an object, got str"},
    ]
    assert doc["verdict"] == "breach"
    for m in doc["matches"]:
        assert list(m) == MATCH_KEYS
        assert list(m["connection"]) == ["name", "handle"]
        assert m["verdict"] in ("ok", "advise", "breach")
        assert isinstance(m["confidence"], float) and 0 < m["confidence"] <= 1
        assert m["explanation"] and "\n" not in m["explanation"]
    # Most severe first.
    order = {"breach": 0, "advise": 1, "ok": 2}
    assert [order[m["verdict"]] for m in doc["matches"]] == sorted(order[m["verdict"]] for m in doc["matches"])


def test_a_matched_pupil_explains_itself(riverside: Directory):
    result = audit(_facebook("Siobhan O'Connor", "Siobhán Ní Bhriain"), riverside, adopt("waterville"), AUDIT_DAY)
    (m,) = result.matches
    assert m.person_id == "R001"
    assert m.relationship == "current_pupil"
    assert m.verdict == "breach"
    assert m.clauses == ("waterville:401.p6a", "waterville:401.p6c")
    assert "R001" in m.explanation and "current pupil" in m.explanation and "waterville:401.p6a" in m.explanation


def test_ambiguous_matches_name_the_candidates_and_never_assert_a_mixed_breach(riverside: Directory):
    result = audit(_facebook("Olivia Smith", "Jack Thompson"), riverside, adopt("waterville"), AUDIT_DAY)
    olivia = next(m for m in result.matches if m.connection.name == "Olivia Smith")
    assert olivia.person_id is None and olivia.relationship is None
    assert olivia.verdict == "advise"  # a pupil (breach) or a parent (advise): check first
    assert "C115" in olivia.explanation and "R015" in olivia.explanation
    assert {c.person_id for c in olivia.candidates} == {"C115", "R015"}
    jack = next(m for m in result.matches if m.connection.name == "Jack Thompson")
    assert jack.verdict == "breach"  # both candidates are current pupils
    assert any("more than one person" in n for n in result.notes)


def test_no_matches_is_ok(riverside: Directory):
    result = audit(_facebook("Emma Watson", "Jack Smith"), riverside, adopt("walsall"), AUDIT_DAY)
    assert result.verdict == "ok" and result.matches == ()
    assert result.connections_read == 2


def test_x_is_not_checked(riverside: Directory):
    result = audit(read_export(EXPORTS / "x/following.js"), riverside, adopt("waterville"), AUDIT_DAY)
    doc = result.as_dict()
    assert doc["platform"] == "x"
    assert doc["verdict"] == "not_checked"
    assert doc["matches"] == []
    assert doc["connections_read"] == 3
    assert "cannot be matched to people by name" in doc["notes"][0]


def test_declarations_change_the_outcome_and_are_cited(riverside: Directory):
    export = _facebook("Sarah Clarke")
    plain = audit(export, riverside, adopt("waterville"), AUDIT_DAY)
    declared = audit(export, riverside, adopt("waterville"), AUDIT_DAY, {"C106": "acknowledged_social_circle"})
    assert plain.matches[0].verdict == "advise"
    assert declared.matches[0].verdict == "ok"
    assert declared.matches[0].clauses == ("waterville:401.p10",)
    assert "lifted" in declared.matches[0].explanation


def test_bad_declarations_are_coded_errors(riverside: Directory):
    with pytest.raises(ExportError) as err:
        audit(_facebook("Sarah Clarke"), riverside, adopt("waterville"), AUDIT_DAY, {"C106": "friendship"})
    assert err.value.code == "E408"


def test_the_audit_date_moves_ages(riverside: Directory):
    from datetime import date

    export = _facebook("Chloe Baker")
    before = audit(export, riverside, adopt("walsall"), date(2026, 11, 21)).matches[0]
    after = audit(export, riverside, adopt("walsall"), date(2026, 11, 22)).matches[0]
    assert (before.relationship, before.verdict) == ("former_pupil_under_18", "breach")
    assert (after.relationship, after.verdict) == ("former_pupil", "advise")


def test_an_auditor_is_reusable_across_exports(riverside: Directory):
    auditor = Auditor(riverside, adopt("bitterne-park"))
    first = auditor.audit(_facebook("Aoife Byrne"), on=AUDIT_DAY)
    second = auditor.audit(read_export(EXPORTS / "snapchat/friends.json"), on=AUDIT_DAY)
    assert first.matches[0].verdict == "advise"
    assert second.platform == "snapchat" and second.matches


def test_directory_row_problems_are_noted(riverside: Directory):
    from dataclasses import replace

    broken = replace(riverside, problems=(RowProblem("people.csv", 7, "bad UPN"),))
    result = audit(_facebook("Ruby Patel"), broken, adopt("waterville"), AUDIT_DAY)
    assert any("could not be read" in n for n in result.notes)


# ------------------------------------------------------------------------------ accuracy


def test_labelled_fixtures_precision_and_recall():
    report = evaluate_labels(EXPORTS / "labels.json")
    total = report.total
    assert not [e for e in total.errors if "no label" in e or "not read" in e]
    assert total.tp + total.fn >= 60 and total.tn >= 30 and total.ambiguous_right >= 4
    assert total.precision >= 0.95, report.summary()
    assert total.recall >= 0.95, report.summary()
    assert total.ambiguous_wrong == 0, report.summary()


def test_synthetic_accuracy_at_school_size():
    figures = synthetic_accuracy(2_000, 2_000)
    assert figures["precision_excluding_namesakes"] >= 0.85
    assert figures["recall"] >= 0.85
