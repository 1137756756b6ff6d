"""`safesocial policy list|show|coverage|render`."""

from __future__ import annotations

import json

import pytest

from safesocial.cli import main


def run(capsys, *args):
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_list_names_the_five_packs(capsys):
    code, out, _ = run(capsys, "policy", "list")
    assert code == 0
    for pid in ("waterville", "welton", "community-2025", "bitterne-park", "walsall"):
        assert pid in out


def test_show_json_contract(capsys):
    code, out, _ = run(capsys, "policy", "show", "walsall", "--json")
    doc = json.loads(out)
    assert code == 0
    assert {"id", "title", "source_file", "options", "clauses"} <= set(doc)
    clause = next(c for c in doc["clauses"] if c["id"] == "8.2")
    assert {"id", "section", "text", "audience", "modality", "topics", "enforcement"} <= set(clause)
    assert set(clause["enforcement"]) == {"kind", "target", "reason"}
    assert clause["modality"] == "must_not" and clause["enforcement"]["kind"] == "detector"
    assert doc["options"][0]["id"] == "it_use"


def test_coverage_json_contract(capsys):
    code, out, _ = run(capsys, "policy", "coverage", "welton", "--json")
    doc = json.loads(out)
    assert code == 0
    assert set(doc) == {"pack", "clauses", "by_enforcement", "guidance"}
    assert set(doc["by_enforcement"]) == {"detector", "rule", "workflow", "guidance"}
    assert sum(doc["by_enforcement"].values()) == doc["clauses"]


def test_unknown_pack_is_a_clear_error(capsys):
    code, _, err = run(capsys, "policy", "show", "atlantis")
    assert code == 2 and "E110" in err and "unknown policy pack" in err


@pytest.mark.django_db
@pytest.mark.parametrize("fmt", ["html", "pdf"])
def test_render_fills_in_the_school(capsys, demo, tmp_path, fmt):
    out_file = tmp_path / f"policy.{fmt}"
    code, _out, err = run(capsys, "policy", "render", "walsall", "--school", "oakfield", "--format", fmt,
                         "--output", str(out_file))
    assert code == 0, err
    data = out_file.read_bytes()
    if fmt == "pdf":
        assert data.startswith(b"%PDF")
    else:
        html = data.decode()
        assert "Oakfield Primary School" in html and "8.2" in html and 'lang="en-GB"' in html
