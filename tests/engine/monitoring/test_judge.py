"""Judgement: Option 1 and Option 2 differ exactly where the options differ; each finding cites
its clauses and explains itself; clauses logs cannot judge are listed, not guessed."""

from __future__ import annotations

import itertools

import pytest

from safesocial.engine.model import AdoptedPolicy
from safesocial.engine.monitoring import (
    Attribution,
    Network,
    Schedule,
    analyse,
    rules_for,
)
from safesocial.engine.monitoring.judge import engaged, judge_cells
from safesocial.engine.packs import builtin_pack_ids, load_pack, load_pack_file

from .conftest import LOGS, PACKS

CELLS = [(p, e) for p in ("working_time", "breaks", "outside_hours") for e in ("school", "own")]
NAMES = {"facebook": "Facebook"}


def _policy(choice: str, pack: str = "test") -> AdoptedPolicy:
    loaded = load_pack_file(PACKS / "it-use-test.yaml") if pack == "test" else load_pack(pack)
    return AdoptedPolicy.adopt(loaded, choices={"it_use": choice})


def _findings(policy: AdoptedPolicy) -> dict[tuple[str, str], tuple[str, tuple[str, ...]]]:
    found = judge_cells(rules_for(policy), [("facebook", p, e, 7) for p, e in CELLS], platform_names=NAMES)
    return {(f.when, f.equipment): (f.severity, f.clauses) for f in found}


def test_option_1_and_option_2_findings_on_every_cell() -> None:
    strict, limited = _findings(_policy("strict")), _findings(_policy("limited"))
    assert strict == {
        ("working_time", "school"): ("breach", ("it-use-test:3.1-option1",)),
        ("breaks", "school"): ("breach", ("it-use-test:3.1-option1",)),
        ("outside_hours", "school"): ("breach", ("it-use-test:3.1-option1",)),
        ("working_time", "own"): ("breach", ("it-use-test:3.3-option1",)),
    }
    assert limited == {
        ("working_time", "school"): ("advise", ("it-use-test:3.1-option2",)),
        ("working_time", "own"): ("breach", ("it-use-test:3.3-option2",)),
    }


def _differ_exactly_where_options_differ(pack: str) -> None:
    """A cell's findings differ between the choices only if an option clause is engaged there."""
    policies = [_policy("strict", pack), _policy("limited", pack)]
    rulesets = [rules_for(p) for p in policies]
    for period, equipment in CELLS:
        hits = [engaged(rs, period, equipment) for rs in rulesets]
        shared = [[r.cite for r, _ in h if not r.option] for h in hits]
        option_engaged = any(r.option for h in hits for r, _ in h)
        if not option_engaged:
            assert [(r.cite, s) for r, s in hits[0]] == [(r.cite, s) for r, s in hits[1]], (period, equipment)
        # clauses outside the option are engaged the same way under both choices
        assert shared[0] == shared[1], (period, equipment)


def test_options_differ_exactly_where_the_options_differ_in_the_test_pack() -> None:
    _differ_exactly_where_options_differ("test")


@pytest.mark.skipif("walsall" not in builtin_pack_ids(), reason="the walsall pack is not written yet")
def test_options_differ_exactly_where_the_options_differ_in_walsall() -> None:
    _differ_exactly_where_options_differ("walsall")
    strict, limited = _findings(_policy("strict", "walsall")), _findings(_policy("limited", "walsall"))
    # school equipment in a break: Option 1 forbids it, Option 2 allows it
    assert strict[("breaks", "school")][0] == "breach"
    assert ("breaks", "school") not in limited
    # own device in working time: both options limit it to rest breaks (their own 3.3)
    assert strict[("working_time", "own")][0] == limited[("working_time", "own")][0] == "breach"


def test_report_for_option_1_and_option_2_on_the_same_logs(schedule: Schedule, engine: str) -> None:
    # given the same logs, with a BYOD network so both kinds of equipment appear
    network = Network.from_mapping({"own_device_networks": ["10.30.0.0/16"]})
    files = [LOGS / "squid_native.log"]
    # when
    one = analyse(files, _policy("strict"), schedule, network=network, engine=engine)
    two = analyse(files, _policy("limited"), schedule, network=network, engine=engine)
    # then usage is the same and the findings differ only on school equipment outside working time
    assert one.as_dict()["by_platform"] == two.as_dict()["by_platform"]
    f1 = {(f.platform, f.when, f.equipment): f for f in one.findings}
    f2 = {(f.platform, f.when, f.equipment): f for f in two.findings}
    only_strict = set(f1) - set(f2)
    assert only_strict == {
        ("facebook", "outside_hours", "school"),
        ("linkedin", "outside_hours", "school"),
        ("whatsapp", "outside_hours", "school"),
        ("x", "breaks", "school"),
    }
    assert set(f2) <= set(f1)
    for key in set(f1) & set(f2):
        a, b = f1[key], f2[key]
        assert a.requests == b.requests
        if key[2] == "own":  # own devices: the same rule under both options
            assert (a.severity, b.severity) == ("breach", "breach")
            assert (a.clauses, b.clauses) == (("it-use-test:3.3-option1",), ("it-use-test:3.3-option2",))
        else:  # school equipment in working time: forbidden (strict) or advised against (limited)
            assert (a.severity, b.severity) == ("breach", "advise")
    # tiktok from the BYOD network in a break is allowed under both
    assert not any(f.platform == "tiktok" for f in one.findings + two.findings)


def test_finding_explains_itself_in_one_sentence() -> None:
    (finding,) = judge_cells(
        rules_for(_policy("limited")), [("facebook", "working_time", "school", 1234)], platform_names=NAMES
    )
    assert finding.explanation == (
        "1,234 requests to Facebook from school equipment during working time; clause 3.1 asks for such use "
        "to be limited to official breaks, unless it was for a legitimate work purpose such as teaching (clause 9.4)."
    )
    assert finding.as_dict() == {
        "clauses": ["it-use-test:3.1-option2"],
        "severity": "advise",
        "platform": "facebook",
        "when": "working_time",
        "requests": 1234,
        "explanation": finding.explanation,
    }


def test_clauses_logs_cannot_judge_are_listed_with_reasons() -> None:
    rs = rules_for(_policy("strict"))
    reasons = {n.cite: n.reason for n in rs.not_judged}
    assert set(reasons) == {"it-use-test:9.1", "it-use-test:9.2", "it-use-test:9.3"}
    assert "not about social media" in reasons["it-use-test:9.1"]
    assert "acting_for_school" in reasons["it-use-test:9.2"]
    assert "pupil" in reasons["it-use-test:9.3"]
    assert rs.basis == ("it-use-test:6.1",)
    assert [e.cite for e in rs.excuses] == ["it-use-test:9.4"]


def test_a_permission_at_least_as_specific_lifts_a_duty() -> None:
    pack = load_pack_file(PACKS / "it-use-test.yaml")
    rs = rules_for(AdoptedPolicy.adopt(pack))
    (ban,) = [r for r in rs.rules if r.cite.endswith("3.1-option1")]
    from safesocial.engine.monitoring.judge import Rule, RuleSet

    permit = Rule(ban.clause, "x:permit", "permit", "advise", frozenset({"school"}), frozenset({"breaks"}))
    with_permit = RuleSet((*rs.rules, permit), rs.excuses, rs.not_judged, rs.basis)
    assert engaged(with_permit, "breaks", "school") == []
    assert [r.cite for r, _ in engaged(with_permit, "working_time", "school")] == [ban.cite]


@pytest.mark.parametrize(
    "pack_id", [p for p in ("waterville", "bitterne-park", "welton", "community-2025") if p in builtin_pack_ids()]
)
def test_every_seed_pack_judges_without_guessing(pack_id: str) -> None:
    policy = AdoptedPolicy.adopt(load_pack(pack_id))
    rs = rules_for(policy)
    for rule in rs.rules:
        assert rule.clause.enforcement.target == "it_use_monitoring"
        assert rule.cite.startswith(f"{pack_id}:")
    findings = judge_cells(rs, [("facebook", p, e, 3) for p, e in CELLS], platform_names=NAMES)
    for f in findings:
        assert f.clauses and f.explanation.endswith(".") and f.severity in ("breach", "advise")


@pytest.mark.skipif("waterville" not in builtin_pack_ids(), reason="the waterville pack is not written yet")
def test_waterville_permits_designated_equipment_before_and_after_work_and_at_lunch() -> None:
    found = _findings(AdoptedPolicy.adopt(load_pack("waterville")))
    assert ("breaks", "school") not in found and ("outside_hours", "school") not in found
    assert found[("working_time", "school")][0] == "breach"


@pytest.mark.skipif("bitterne-park" not in builtin_pack_ids(), reason="the bitterne-park pack is not written yet")
def test_bitterne_park_forbids_school_equipment_at_any_time() -> None:
    found = _findings(AdoptedPolicy.adopt(load_pack("bitterne-park")))
    for period in ("working_time", "breaks", "outside_hours"):
        assert found[(period, "school")][0] == "breach"


def test_people_appear_only_when_attribution_is_configured(schedule: Schedule, engine: str) -> None:
    files = [LOGS / "squid_native.log"]
    anonymous = analyse(files, _policy("strict"), schedule, engine=engine)
    assert anonymous.people is None and "people" not in anonymous.as_dict(detail=True)["detail"]  # type: ignore[operator]
    named = analyse(files, _policy("strict"), schedule, Attribution(by="user"), engine=engine)
    assert named.people is not None
    people = {p.person: p for p in named.people}
    assert set(people) == {"jsmith", "school\\jbloggs"}
    assert people["jsmith"].requests == 2
    assert all(f.person == "jsmith" for f in people["jsmith"].findings)
    # the JSON contract itself never carries people
    assert set(named.as_dict()) == {"lines_read", "malformed", "by_platform", "findings"}


def test_device_attribution_maps_school_devices_to_people(schedule: Schedule, engine: str) -> None:
    attribution = Attribution(by="device", devices={"10.10.0.44": "p-044", "2001:db8:10::/64": "p-v6"})
    result = analyse([LOGS / "squid_native.log"], _policy("strict"), schedule, attribution, engine=engine)
    assert result.people is not None
    counts = {p.person: p.requests for p in result.people}
    assert counts == {"p-044": 2, "p-v6": 2}


def test_excluded_networks_are_not_judged(schedule: Schedule, engine: str) -> None:
    network = Network.from_mapping({"excluded_networks": "10.20.0.0/16"})
    result = analyse([LOGS / "squid_native.log"], _policy("strict"), schedule, network=network, engine=engine)
    assert "reddit" not in {p.platform for p in result.by_platform if p.requests}
    assert result.excluded == 2  # the allowed request and the denied one


def test_cells_are_independent_of_order() -> None:
    rs = rules_for(_policy("strict"))
    cells = [("facebook", p, e, 2) for p, e in CELLS]
    first = judge_cells(rs, cells, platform_names=NAMES)
    for perm in itertools.islice(itertools.permutations(cells), 5):
        assert judge_cells(rs, list(perm), platform_names=NAMES) == first
