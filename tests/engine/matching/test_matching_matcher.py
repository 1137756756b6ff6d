"""Matching connections to the Riverside directory: names, handles, nicknames, fuzzy, ambiguity."""

from __future__ import annotations

import pytest

from safesocial.engine.directory import Directory, Person, SchoolInfo
from safesocial.engine.matching.exports import Connection
from safesocial.engine.matching.matcher import Matcher


def fb(name: str) -> Connection:
    return Connection(name, "", "facebook", "test")


def handle(h: str, platform: str = "instagram") -> Connection:
    return Connection("", h, platform, "test")


@pytest.mark.parametrize(
    ("name", "person_id", "reason"),
    [
        ("Siobhán Ní Bhriain", "R001", "legal name"),
        ("SIOBHAN NI BHRIAIN", "R001", "legal name"),
        ("Siobhan Bhriain", "R001", "particle"),
        ("Oisín Ó Súilleabháin", "R002", "legal name"),
        ("Oisin O'Suilleabhain", "R002", "legal name"),
        ("Dafydd ap Gwilym", "R005", "legal name"),
        ("Dafydd Gwilym", "R005", "particle"),
        ("Gwen Llewelyn", "R006", "preferred name"),
        ("Lucy Wisniewska", "R008", "preferred name"),
        ("Łucja Wiśniewska", "R008", "legal name"),
        ("Kuba Zielinski", "R009", "preferred name"),
        ("Jakub Zieliński", "R009", "legal name"),
        ("Gosia Nowak", "R011", "preferred name"),
        ("Katie O'Connor", "R017", "preferred name"),
        ("Katie OConnor", "R017", "preferred name"),
        ("Kate O'Connor", "R017", "another form"),
        ("Bill Hughes", "R018", "another form"),
        ("Ruby Anne Patel", "R019", "middle name"),
        ("Patel Ruby", "R019", "surname written first"),
        ("Chloe Wright", "R033", "former surname"),
        ("Chloe Baker (Wright)", "R033", "legal name"),
        ("Mary Kelly", "C109", "former surname"),
        ("Agnieszka Kowalska PhD", "S203", "legal name"),
        ("Mrs Siân Jenkins", "S204", "legal name"),
        ("Shiobhan Ni Bhriain", "R001", "one letter from"),
        ("Rhys Pryderch", "R007", "one letter from"),
        ("Jack Robinsno", "R013", "one letter from"),
    ],
)
def test_name_matches(matcher: Matcher, name: str, person_id: str, reason: str):
    found = matcher.match(fb(name))
    assert found is not None, name
    assert not found.ambiguous, found.candidates
    assert found.person_id == person_id
    assert reason in found.best.reason
    assert 0.6 <= found.confidence <= 1.0


def test_confidence_orders_the_kinds_of_evidence(matcher: Matcher):
    def conf(c: Connection) -> float:
        found = matcher.match(c)
        assert found is not None
        return found.confidence

    recorded = conf(handle("ruby.p2014"))
    legal = conf(fb("Ruby Patel"))
    middle = conf(fb("Ruby Anne Patel"))
    nickname = conf(fb("Dan Evans"))
    fuzzy = conf(fb("Shiobhan Ni Bhriain"))
    from_handle = conf(handle("rhys.prydderch"))
    assert recorded == 1.0
    assert recorded > legal > middle > nickname > fuzzy
    assert legal > from_handle


@pytest.mark.parametrize(
    "name",
    [
        "Jack Smith",  # a shared first name only
        "Emma Watson",
        "Thomas Clarkson",  # close to a pupil, but another person
        "Oisin O'Sullivan",  # an anglicised name is not the Irish one
        "Megan Jones",
        "Katarzyna Nowak",  # shares a surname with a pupil and a parent
        "Jack",  # a first name alone never matches
        "Mrs Clarke",
        "",
    ],
)
def test_people_not_in_the_directory_do_not_match(matcher: Matcher, name: str):
    assert matcher.match(fb(name)) is None


def test_two_pupils_with_one_name_are_ambiguous_not_guessed(matcher: Matcher):
    found = matcher.match(fb("Jack Thompson"))
    assert found is not None and found.ambiguous
    assert found.person_id is None
    assert sorted(c.person_id for c in found.candidates) == ["R012", "R014"]


def test_a_pupil_and_a_parent_with_one_name_are_ambiguous(matcher: Matcher):
    found = matcher.match(fb("Olivia Smith"))
    assert found is not None and found.ambiguous
    assert sorted(c.person_id for c in found.candidates) == ["C115", "R015"]


def test_a_spelling_between_two_names_is_ambiguous(matcher: Matcher):
    found = matcher.match(fb("Muhammed Khan"))
    assert found is not None and found.ambiguous
    assert sorted(c.person_id for c in found.candidates) == ["R020", "R021"]


def test_a_recorded_handle_settles_an_ambiguous_name(matcher: Matcher):
    found = matcher.match(Connection("Jack Thompson", "jackt_2015", "snapchat", "test"))
    assert found is not None and not found.ambiguous
    assert found.person_id == "R012"
    assert "recorded" in found.best.reason


def test_handle_on_another_platform_is_likely_not_certain(matcher: Matcher):
    found = matcher.match(handle("ruby.p2014", "tiktok"))
    assert found is not None and found.person_id == "R019"
    assert found.confidence == pytest.approx(0.8)
    assert "on instagram" in found.best.reason


def test_email_is_certain(matcher: Matcher):
    found = matcher.match(Connection("S. C.", "", "linkedin", "test", email="SARAH.CLARKE@example.org".lower()))
    assert found is not None and found.person_id == "C106" and found.confidence == 1.0


@pytest.mark.parametrize(
    ("h", "person_id"),
    [
        ("siobhan.nibhriain", "R001"),
        ("dafydd_ap_gwilym", "R005"),
        ("kuba_zielinski09", "R009"),
        ("jackrobinson2016", "R013"),
        ("the_real_rhys_prydderch_x", "R007"),
        ("megan_davies07", "R034"),
    ],
)
def test_usernames_read_as_names(matcher: Matcher, h: str, person_id: str):
    found = matcher.match(handle(h))
    assert found is not None and found.person_id == person_id
    assert "read as a name" in found.best.reason
    assert found.confidence <= 0.75


@pytest.mark.parametrize("h", ["footy_fan_99", "the_real_aoife", "kuba.z", "jack", "kowalczyk.fam"])
def test_usernames_that_are_not_names_do_not_match(matcher: Matcher, h: str):
    assert matcher.match(handle(h)) is None


def test_x_account_ids_are_never_read_as_names(matcher: Matcher):
    assert matcher.match(Connection("", "12345678", "x", "test")) is None


def test_shared_first_names_do_not_confuse(matcher: Matcher):
    robinson = matcher.match(fb("Jack Robinson"))
    assert robinson is not None and robinson.person_id == "R013"
    assert matcher.match(fb("Jack Robinsen")) is not None  # a typo in the surname
    assert matcher.match(fb("Jack Robins")) is None  # another surname, not a typo


@pytest.mark.parametrize(
    ("name", "matches"),
    [
        ("Mary Clarke", False),  # Mark Clarke is a parent: four-letter names must agree exactly
        ("Sean Byrne", True),  # Seán Byrne exactly, accents aside
        ("Sian Byrne", False),
        ("Ruby Patle", True),  # a swap of neighbouring letters is one edit
        ("Rhiannon Davis", True),
        ("Noah Williamson", False),
    ],
)
def test_typos_but_not_other_names(matcher: Matcher, name: str, matches: bool):
    assert (matcher.match(fb(name)) is not None) is matches


def test_preferred_name_with_middle_name_beats_a_nickname_reading():
    people = (
        Person("A", "pupil", "Gabriella", "Pritchard", upn="x"),
        Person("B", "pupil", "Ella", "Pritchard", upn="y"),
    )
    m = Matcher(Directory(SchoolInfo("T"), people))
    found = m.match(fb("Gabriella Rose Pritchard"))
    assert found is not None and found.person_id == "A"


def test_min_confidence_and_margin_are_parameters(riverside: Directory):
    strict = Matcher(riverside, min_confidence=0.9)
    assert strict.match(fb("Shiobhan Ni Bhriain")) is None
    wide = Matcher(riverside, margin=0.2)
    found = wide.match(fb("Kate O'Connor"))
    assert found is not None


def test_match_all_keeps_only_matches(matcher: Matcher):
    found = matcher.match_all([fb("Ruby Patel"), fb("Emma Watson"), fb("Jack Thompson")])
    assert [f.connection.name for f in found] == ["Ruby Patel", "Jack Thompson"]
