"""Every normative sentence of every seed policy is in its pack, verbatim.

Reads the seeds from ../shared/seeds (or SAFESOCIAL_SEEDS_DIR). Only whitespace, line breaks, bullets,
clause numbers and text formatting may differ.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from safesocial.engine.packs import load_pack
from safesocial.engine.seedcheck import check_pack_against_seed, normative_sentences
from tests.conftest import SEEDS_DIR

PACKS = {
    "waterville": "000_4616f744368b4cf9.txt",
    "welton": "001_ec3f43bf69d303e9.txt",
    "community-2025": "002_7a4896965e3382c2.txt",
    "bitterne-park": "003_aa323eb6016c035e.txt",
    "walsall": "004_99b51b9c4756b621.txt",
}


def seed(name: str) -> str:
    path = SEEDS_DIR / name
    assert path.exists(), f"seed policies not found at {SEEDS_DIR}: set SAFESOCIAL_SEEDS_DIR"
    return path.read_text(encoding="utf-8")


@pytest.mark.parametrize(("pack_id", "seed_file"), PACKS.items())
def test_every_normative_sentence_of_the_seed_is_in_the_pack(pack_id, seed_file):
    pack = load_pack(pack_id)
    assert pack.source_file == seed_file
    result = check_pack_against_seed(pack, seed(seed_file))
    assert result.normative > 20
    assert not result.missing, f"{pack_id} is missing {len(result.missing)} sentence(s):\n" + "\n".join(result.missing)


def test_the_check_fails_when_a_clause_is_removed():
    pack = load_pack("walsall")
    clause = next(c for c in pack.clauses if c.id == "8.2")
    trimmed = replace(pack, clauses=tuple(c for c in pack.clauses if c.id != "8.2"))
    result = check_pack_against_seed(trimmed, seed(PACKS["walsall"]))
    assert any("must not contain the school/academy name" in s for s in result.missing), clause.text


def test_the_check_fails_when_one_word_is_changed():
    pack = load_pack("welton")
    target = next(c for c in pack.clauses if " must " in f" {c.text} ")
    altered = replace(target, text=target.text.replace(" must ", " might ", 1))
    changed = replace(pack, clauses=tuple(altered if c.id == target.id else c for c in pack.clauses))
    assert check_pack_against_seed(changed, seed(PACKS["welton"])).missing


def test_sentences_split_by_a_page_break_are_joined():
    text = "- 3.3 Staff must limit their use of social media\n\nwebsites while they are at work.\n\n4. Heading\n"
    assert normative_sentences(text) == ["Staff must limit their use of social media websites while they are at work."]


def test_formatting_bullets_and_numbers_are_tolerated():
    text = "- 4.1 **place a child or young person at risk of harm;**\n• Staff should never use [links](#) here."
    assert normative_sentences(text) == [
        "Staff should never use links here.",
    ]
