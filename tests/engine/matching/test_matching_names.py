"""Name normalisation, display-name parsing, nicknames and mojibake repair."""

from __future__ import annotations

import pytest

from safesocial.engine.matching.names import (
    Nicknames,
    compact,
    default_nicknames,
    fold,
    handle_key,
    handle_words,
    parse_display_name,
    repair_mojibake,
    surname_variants,
    tokens,
)


@pytest.mark.parametrize(
    ("raw", "folded"),
    [
        ("Siobhán Ní Bhriain", "siobhan ni bhriain"),
        ("Łucja Wiśniewska", "lucja wisniewska"),
        ("Jakub ZIELIŃSKI", "jakub zielinski"),
        ("Grace O'Connor", "grace oconnor"),
        ("Grace O’Connor", "grace oconnor"),
        ("Smith-Jones", "smith jones"),
        ("  Dafydd   ap  Rhys ", "dafydd ap rhys"),
        ("Siân Ŵyn", "sian wyn"),
        ("Ruby 🌸 Patel", "ruby patel"),
        ("Søren Dæhli", "soren daehli"),
        ("Straße", "strasse"),
    ],
)
def test_fold(raw: str, folded: str):
    assert fold(raw) == folded


def test_the_same_irish_surname_written_three_ways_compacts_alike():
    assert compact(tokens("Ó Briain")) == compact(tokens("O'Briain")) == compact(tokens("OBriain")) == "obriain"


def test_surname_particles_give_a_second_variant():
    assert surname_variants(tokens("ap Rhys")) == ("aprhys", "rhys")
    assert surname_variants(tokens("Ní Bhriain")) == ("nibhriain", "bhriain")
    assert surname_variants(tokens("McCarthy")) == ("mccarthy",)


@pytest.mark.parametrize(
    ("raw", "toks", "alts"),
    [
        ("Sarah Clarke (Smith)", ("sarah", "clarke"), ("smith",)),
        ("Mrs Helen Carter", ("helen", "carter"), ()),
        ("Mrs Carter", ("carter",), ()),
        ("Kowalska, Agnieszka", ("agnieszka", "kowalska"), ()),
        ("Agnieszka Kowalska PhD", ("agnieszka", "kowalska"), ()),
        ("Kowalska, PhD", ("kowalska",), ()),
    ],
)
def test_parse_display_name(raw: str, toks: tuple[str, ...], alts: tuple[str, ...]):
    parsed = parse_display_name(raw)
    assert parsed.tokens == toks
    assert parsed.alt_surnames == alts


def test_handles():
    assert handle_key(" @Ruby.P2014 ") == "ruby.p2014"
    assert handle_words("ruby.patel_14") == ("ruby", "patel")
    assert handle_words("dafydd_ap_gwilym") == ("dafydd", "ap", "gwilym")


@pytest.mark.parametrize(
    ("broken", "fixed"),
    [
        ("ZoÃ«", "Zoë"),
        ("Siobh\u00c3\u00a1n", "Siobhán"),
        ("Zieli\u00c5\u0084ski", "Zieliński"),
        ("\u00c5\u0081ucja", "Łucja"),
        ("Zoë", "Zoë"),  # already right: kept
        ("plain", "plain"),
        ("🌸 Ruby", "🌸 Ruby"),  # not Latin-1: kept
    ],
)
def test_repair_mojibake(broken: str, fixed: str):
    assert repair_mojibake(broken) == fixed


@pytest.mark.parametrize(
    ("name", "nickname"),
    [
        ("alexander", "alex"),
        ("katherine", "katie"),
        ("katherine", "kate"),
        ("william", "will"),
        ("william", "bill"),
        ("jakub", "kuba"),
        ("lucja", "lucy"),
        ("gwenllian", "gwen"),
        ("malgorzata", "gosia"),
        ("daniel", "dan"),
        ("rajesh", "raj"),
        ("thomas", "tom"),
    ],
)
def test_nicknames_work_both_ways(name: str, nickname: str):
    table = default_nicknames()
    assert nickname in table.equivalents(name)
    assert name in table.equivalents(nickname)


def test_nicknames_are_not_transitive():
    table = Nicknames.parse("alexander: al\nalbert: al, bert\n")
    assert "albert" not in table.equivalents("alexander")
    assert table.equivalents("al") == {"alexander", "albert", "bert"}
    assert "bert" not in table.equivalents("alexander")


def test_nickname_file_uses_normalised_names():
    table = Nicknames.parse("Łucja: Lucy  # comment\n\n# a comment line\n")
    assert table.equivalents("lucja") == {"lucy"}
    assert len(table) == 1


def test_distinct_names_are_not_nicknames():
    table = default_nicknames()
    assert "jack" not in table.equivalents("john")
    assert "mia" not in table.equivalents("amelia")
