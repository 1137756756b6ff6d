"""The checker's public API: judgements, the JSON contract, input errors, context reuse."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from safesocial.engine.checker import MAX_TEXT_CHARS, Item, Judgement, build_context, judge
from safesocial.engine.directory import load_directory
from safesocial.engine.errors import InputError
from safesocial.engine.model import AdoptedPolicy
from safesocial.engine.packs import load_pack

DEMO = Path(__file__).resolve().parents[2] / "src" / "safesocial" / "demo"


@pytest.fixture(scope="module")
def oakfield():
    directory = load_directory(DEMO / "oakfield")
    return build_context(directory.school, directory, on=date(2025, 11, 3))


def policy(pack_id: str) -> AdoptedPolicy:
    return AdoptedPolicy.adopt(load_pack(pack_id))


def test_as_dict_has_exactly_the_contract_keys(oakfield):
    j = judge(Item("Ruby Patel in 6C was a star. Call me on 07700 900123"), policy("welton"), oakfield)
    doc = j.as_dict()
    assert list(doc) == ["policy", "verdict", "findings", "actions", "rewrite"]
    assert doc["policy"] == {"id": "welton", "version": "1.0.0"}
    for f in doc["findings"]:
        assert list(f) == ["category", "severity", "clauses", "span", "evidence", "explanation", "detector"]
        assert all(c.startswith("welton:") for c in f["clauses"])
        assert f["span"] is None or (isinstance(f["span"], list) and len(f["span"]) == 2)


def test_ok_when_nothing_engages(oakfield):
    j = judge(Item("Lovely walk along the canal this morning."), policy("walsall"), oakfield)
    assert j == Judgement("walsall", "1.0.0", "ok", (), (), None)


@pytest.mark.parametrize(
    ("pack", "verdict", "clause"),
    [
        ("walsall", "breach", "walsall:8.2"),
        ("bitterne-park", "advise", "bitterne-park:2.2"),
        ("waterville", "ok", None),
    ],
)
def test_profile_naming_the_school_differs_by_pack(pack, verdict, clause, oakfield):
    # given the example: a profile bio that names the school
    item = Item("Year 5 teacher at Oakfield Primary. Views my own.", kind="profile")
    # when
    j = judge(item, policy(pack), oakfield)
    # then
    assert j.verdict == verdict
    if clause:
        assert clause in {c for f in j.findings for c in f.clauses}


def test_a_category_needs_a_clause_that_binds_the_role(oakfield):
    text = "Ruby Patel in 6C finally cracked long division!"
    assert judge(Item(text, role="staff"), policy("walsall"), oakfield).verdict == "breach"
    assert judge(Item(text, role="parent"), policy("walsall"), oakfield).verdict == "ok"


def test_modality_gives_severity(oakfield):
    # community-2025 parent-expectations.2b is a must (breach); bitterne-park 2.2.b6 a should_not (advise)
    text = "Honestly the worst school, the head never listens to anyone."
    assert judge(Item(text, role="parent"), policy("community-2025"), oakfield).verdict == "breach"
    assert judge(Item(text, role="staff"), policy("bitterne-park"), oakfield).verdict == "advise"


def test_channel_decides_which_clauses_apply(oakfield):
    text = "Call me on 07700 900123"
    assert judge(Item(text, channel="personal"), policy("walsall"), oakfield).verdict == "ok"
    j = judge(Item(text, channel="official"), policy("walsall"), oakfield)
    assert j.verdict == "breach" and "walsall:17.9" in j.findings[0].clauses


def test_unknown_condition_caps_at_advise(oakfield):
    # walsall 7.3 forbids promotion "in school/academy time": the text cannot say when it was posted
    assert judge(Item("Check out my candle business, 20% off!"), policy("walsall"), oakfield).verdict == "advise"
    at_work = Item("At school today I sold 20 tubs of my Scentsy wax in the staffroom, DM to order.")
    assert judge(at_work, policy("walsall"), oakfield).verdict == "breach"


def test_exception_in_the_text_lifts_a_clause(oakfield):
    # community-2025 staff-expectations.4: no images of students without written consent
    without = Item("Here are some photos of my class on the trip!")
    with_consent = Item("Here are some photos of my class on the trip, shared with parents' written consent.")
    assert judge(without, policy("community-2025"), oakfield).verdict == "breach"
    assert judge(with_consent, policy("community-2025"), oakfield).verdict == "ok"


def test_safeguarding_always_escalates_with_dsl_first(oakfield):
    for pack in ("walsall", "waterville", "welton", "bitterne-park", "community-2025"):
        j = judge(Item("my step dad hits me and I'm scared to go home", role="pupil"), policy(pack), oakfield)
        assert j.verdict == "escalate"
        assert "DSL" in j.actions[0]
        assert j.rewrite is None


def test_indecent_images_get_their_own_actions(oakfield):
    j = judge(Item("got nudes of a year 9 girl, dm if you want them", role="public"), policy("walsall"), oakfield)
    assert j.verdict == "escalate"
    text = " ".join(j.actions)
    assert "Do not open, copy, forward" in text and "police" in text and "LADO" in text


def test_pack_actions_are_collected(oakfield):
    j = judge(Item("Worried about a child in my class, bruises on her arms again."), policy("community-2025"), oakfield)
    assert any("Designated Safeguarding Lead" in a for a in j.actions[1:])


def test_rewrite_redacts_names_and_contact_details(oakfield):
    j = judge(Item("So proud of Ruby Patel in 6C today!"), policy("walsall"), oakfield)
    assert j.rewrite == "So proud of [a pupil] in 6C today!"
    j = judge(Item("New number for anyone who needs it: 07700 900123"), policy("welton"), oakfield)
    assert j.rewrite == "New number for anyone who needs it: [contact details removed]"


def test_no_rewrite_for_what_should_not_be_posted_at_all(oakfield):
    j = judge(Item("Immigrants are vermin and should be sent back."), policy("walsall"), oakfield)
    assert j.verdict == "breach" and j.rewrite is None


def test_findings_are_sorted_strongest_first(oakfield):
    j = judge(
        Item("Hey Ruby, add me on snapchat but don't tell your mum", kind="message", recipient_role="pupil"),
        policy("walsall"),
        oakfield,
    )
    ranks = ["ok", "advise", "breach", "escalate"]
    assert [ranks.index(f.severity) for f in j.findings] == sorted(
        (ranks.index(f.severity) for f in j.findings), reverse=True
    )
    assert j.verdict == j.findings[0].severity == "escalate"


@pytest.mark.parametrize(
    ("item", "code"),
    [
        (Item(""), "E301"),
        (Item("   \n\t"), "E301"),
        (Item("x" * (MAX_TEXT_CHARS + 1)), "E302"),
        (Item("hi", role="headteacher"), "E303"),
        (Item("hi", channel="private"), "E303"),
        (Item("hi", kind="story"), "E303"),
        (Item("hi", recipient_role="alien"), "E303"),
    ],
)
def test_bad_input_is_a_coded_error(item, code, oakfield):
    with pytest.raises(InputError) as err:
        judge(item, policy("walsall"), oakfield)
    assert err.value.code == code


def test_text_at_the_limit_is_judged(oakfield):
    assert judge(Item("a" * MAX_TEXT_CHARS), policy("walsall"), oakfield).verdict == "ok"


def test_context_without_a_school_still_judges():
    j = judge(Item("Tom in 6C was brilliant in the play."), policy("walsall"), build_context())
    assert j.verdict == "breach"


def test_judging_is_deterministic_and_context_is_reusable(oakfield):
    items = [Item(f"Ruby Patel in 6C got {n} house points, call 07700 900{n:03d}") for n in range(50)]
    first = [judge(i, policy("welton"), oakfield) for i in items]
    second = [judge(i, policy("welton"), oakfield) for i in items]
    assert first == second
