"""Policy packs load, validate with coded errors, and adopt with options and placeholders."""

from __future__ import annotations

import copy

import pytest
import yaml

from safesocial.engine.errors import AdoptionError, PackError, PackValidationError, UnknownPackError
from safesocial.engine.model import AdoptedPolicy
from safesocial.engine.packs import builtin_pack_ids, coverage, load_pack, load_pack_file, parse_pack
from safesocial.engine.vocab import CATEGORIES

PACK_IDS = ["bitterne-park", "community-2025", "walsall", "waterville", "welton"]


def raw(pack_id: str) -> dict:
    from importlib import resources

    return yaml.safe_load((resources.files("safesocial.packs") / f"{pack_id}.yaml").read_text(encoding="utf-8"))


def test_the_five_seed_packs_ship_with_the_package():
    assert builtin_pack_ids() == PACK_IDS


@pytest.mark.parametrize("pack_id", PACK_IDS)
def test_each_pack_loads_with_unique_ids_and_binding_clauses(pack_id):
    pack = load_pack(pack_id)
    assert pack.id == pack_id
    assert len({c.id for c in pack.clauses}) == len(pack.clauses)
    binding = [c for c in pack.clauses if c.modality in ("must", "must_not", "should", "should_not")]
    assert len(binding) >= 10
    assert all(c.text == " ".join(c.text.split()) for c in pack.clauses)


def test_every_category_is_enforced_by_some_pack():
    targets = {c.enforcement.target for pid in PACK_IDS for c in load_pack(pid).clauses if c.enforcement.kind == "detector"}
    assert set(CATEGORIES) - targets <= {"promotion", "pupil_identified"} or set(CATEGORIES) <= targets


def test_walsall_options_select_the_section_3_clauses():
    pack = load_pack("walsall")
    strict = {c.id for c in AdoptedPolicy.adopt(pack, choices={"it_use": "strict"}).clauses}
    limited = {c.id for c in AdoptedPolicy.adopt(pack, choices={"it_use": "limited"}).clauses}
    only_strict, only_limited = strict - limited, limited - strict
    assert only_strict and only_limited
    assert all(pack.clause(cid).option == ("it_use", "strict") for cid in only_strict)
    assert all(pack.clause(cid).option == ("it_use", "limited") for cid in only_limited)


def test_placeholders_are_filled_when_adopting():
    pack = load_pack("walsall")
    placeholder = next(p for p in pack.placeholders if p.token == "[written]")
    adopted = AdoptedPolicy.adopt(pack, values={placeholder.id: "written"})
    clause = next(c for c in adopted.clauses if "[written]" in c.text)
    assert "[written]" not in adopted.render(clause.text)


def test_adoption_refuses_unknown_options_choices_and_placeholders():
    pack = load_pack("walsall")
    with pytest.raises(AdoptionError, match="no option 'colour'") as err:
        AdoptedPolicy.adopt(pack, choices={"colour": "blue"})
    assert err.value.code == "E120"
    with pytest.raises(AdoptionError, match="no choice 'banana'"):
        AdoptedPolicy.adopt(pack, choices={"it_use": "banana"})
    with pytest.raises(AdoptionError, match="no placeholder"):
        AdoptedPolicy.adopt(pack, values={"nope": "x"})


def test_unknown_pack_is_a_coded_error():
    with pytest.raises(UnknownPackError) as err:
        load_pack("atlantis")
    assert err.value.code == "E110"
    assert "walsall" in str(err.value)


def _codes(exc: PackValidationError) -> set[str]:
    return {p.code for p in exc.problems}


@pytest.mark.parametrize(
    ("mutate", "code"),
    [
        (lambda d: d.pop("title"), "E101"),
        (lambda d: d.__setitem__("colour", "blue"), "E102"),
        (lambda d: d["clauses"][0].__setitem__("modality", "ought"), "E103"),
        (lambda d: d["clauses"][0].__setitem__("audience", ["aliens"]), "E103"),
        (lambda d: d["clauses"][0].__setitem__("topics", ["gossip"]), "E103"),
        (lambda d: d["clauses"].append(copy.deepcopy(d["clauses"][0])), "E104"),
        (lambda d: d["clauses"][0].__setitem__("section", "99.99"), "E105"),
        (lambda d: d["clauses"][0].__setitem__("option", {"it_use": "sometimes"}), "E106"),
        (lambda d: d["clauses"][0].__setitem__("enforcement", {"kind": "guidance"}), "E107"),
        (lambda d: d["clauses"][0].__setitem__("enforcement", {"kind": "detector", "target": "vibes"}), "E107"),
        (lambda d: d["placeholders"].append({"id": "x", "token": "[absent]", "prompt": "p"}), "E109"),
    ],
)
def test_a_malformed_pack_is_refused_with_a_coded_error(mutate, code):
    data = raw("walsall")
    mutate(data)
    with pytest.raises(PackValidationError) as err:
        parse_pack(data, expected_id="walsall", origin="walsall.yaml")
    assert code in _codes(err.value)


def test_pack_id_must_match_its_file_name(tmp_path):
    data = raw("welton")
    path = tmp_path / "other.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    with pytest.raises(PackValidationError) as err:
        load_pack_file(path)
    assert "E108" in _codes(err.value)


def test_a_pack_that_is_not_yaml_is_refused(tmp_path):
    path = tmp_path / "broken.yaml"
    path.write_text("id: [unclosed\n", encoding="utf-8")
    with pytest.raises(PackError) as err:
        load_pack_file(path)
    assert err.value.code == "E100"


@pytest.mark.parametrize("pack_id", PACK_IDS)
def test_coverage_counts_every_clause_once(pack_id):
    pack = load_pack(pack_id)
    result = coverage(pack)
    assert sum(result["by_enforcement"].values()) == result["clauses"] == len(pack.clauses)
    assert len(result["guidance"]) == result["by_enforcement"]["guidance"]
