"""`safesocial check`, `check-eval` and `check-bench` through ``safesocial.cli.main``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from safesocial.cli import main

OAKFIELD = str(Path(__file__).resolve().parents[2] / "src" / "safesocial" / "demo" / "oakfield")
FINDING_KEYS = ["category", "severity", "clauses", "span", "evidence", "explanation", "detector"]


def run(capsys, *args):
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_json_contract(capsys):
    code, out, err = run(
        capsys, "check", "--policy", "walsall", "--school", OAKFIELD, "--json", "Ruby Patel in 6C is a star"
    )
    assert code == 0, err
    doc = json.loads(out)
    assert list(doc) == ["policy", "verdict", "findings", "actions", "rewrite"]
    assert doc["policy"] == {"id": "walsall", "version": "1.0.0"}
    assert doc["verdict"] == "breach"
    (finding,) = doc["findings"]
    assert list(finding) == FINDING_KEYS
    assert finding["category"] == "pupil_identified"
    assert finding["span"] == [0, 10]
    assert "walsall:7.13" in finding["clauses"]
    assert finding["detector"] == "pupil_names.v1"
    assert doc["rewrite"] == "[a pupil] in 6C is a star"


def test_defaults_are_staff_personal_post(capsys):
    _, out, _ = run(
        capsys, "check", "--policy", "walsall", "Teacher at Hillcrest Junior School", "--kind", "profile", "--json"
    )
    assert json.loads(out)["verdict"] == "breach"  # walsall 8.2 binds staff on personal channels
    _, out, _ = run(
        capsys,
        "check",
        "--policy",
        "walsall",
        "--role",
        "parent",
        "--kind",
        "profile",
        "--json",
        "Teacher at Hillcrest Junior School",
    )
    assert json.loads(out)["verdict"] == "ok"


def test_message_with_recipient_role(capsys):
    code, out, _ = run(
        capsys,
        "check",
        "--policy",
        "welton",
        "--kind",
        "message",
        "--recipient-role",
        "pupil",
        "--json",
        "follow me on insta x",
    )
    doc = json.loads(out)
    assert code == 0 and doc["verdict"] == "breach"
    assert doc["findings"][0]["category"] == "inappropriate_contact"


def test_human_output(capsys):
    code, out, _ = run(capsys, "check", "--policy", "walsall", "got nudes of a year 9 girl, dm me")
    assert code == 0
    assert out.startswith("ESCALATE")
    assert "Designated Safeguarding Lead" in out and "LADO" in out


def test_jsonl_batch_with_bad_lines(capsys, tmp_path):
    source = tmp_path / "in.jsonl"
    source.write_text(
        "\n".join(
            [
                json.dumps({"id": "a", "text": "Lovely day at the beach."}),
                "{not json",
                json.dumps({"id": "b", "text": ""}),
                json.dumps({"id": "c", "text": "x", "role": "alien"}),
                json.dumps(["not", "an", "object"]),
                json.dumps({"text": "no id"}),
                "",
                json.dumps({"id": 7, "text": "Call me on 07700 900123", "channel": "official"}),
                json.dumps({"id": "d", "text": "y" * 20001}),
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    output = tmp_path / "out.jsonl"
    code, _, err = run(capsys, "check", "--policy", "walsall", "--input", str(source), "--output", str(output))
    assert code == 1
    lines = [json.loads(line) for line in output.read_text(encoding="utf-8").splitlines()]
    assert [d["id"] for d in lines] == ["a", "7"]
    assert list(lines[0]) == ["id", "policy", "verdict", "findings", "actions", "rewrite"]
    assert lines[1]["verdict"] == "breach"
    for number, code_ in ((2, "E300"), (3, "E301"), (4, "E303"), (5, "E300"), (6, "E300"), (9, "E302")):
        assert f"line {number}: {code_}" in err
    assert "Traceback" not in err


def test_jsonl_to_stdout(capsys, tmp_path):
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"id": "x", "text": "hello", "role": "pupil"}) + "\n", encoding="utf-8")
    code, out, _ = run(capsys, "check", "--policy", "community-2025", "--input", str(source))
    assert code == 0
    assert json.loads(out)["id"] == "x"


@pytest.mark.parametrize(
    ("args", "code_"),
    [
        (["check", "--policy", "nope", "hi"], "E110"),
        (["check", "--policy", "walsall", "--role", "head", "hi"], "E303"),
        (["check", "--policy", "walsall", "--channel", "secret", "hi"], "E303"),
        (["check", "--policy", "walsall", ""], "E301"),
        (["check", "--policy", "walsall", "x" * 20001], "E302"),
        (["check", "--policy", "walsall"], "E301"),
        (["check", "--policy", "walsall", "--input", "/no/such/file.jsonl"], "E300"),
        (["check", "--policy", "walsall", "--school", "/no/such/dir", "hi"], "E205"),
    ],
)
def test_bad_input_is_a_clear_error(capsys, args, code_):
    code, _, err = run(capsys, *args)
    assert code == 2
    assert err.startswith(f"safesocial: error {code_}")
    assert "Traceback" not in err


def test_eval_command(capsys):
    code, out, _ = run(capsys, "check-eval", "--input", "tests/data/checker/holdout.jsonl", "--json")
    report = json.loads(out)
    assert code == 0
    assert report["cases"] == 275
    assert set(report["per_category"]) >= {"pupil_identified", "missing_disclaimer"}


def test_bench_command_small(capsys):
    code, out, _ = run(capsys, "check-bench", "--n", "200", "--no-compare", "--json")
    result = json.loads(out)
    assert code == 0
    assert result["corpus"]["items"] == 200
    assert result["safesocial"]["per_second"] > 0
    assert result["safesocial"]["p99_ms"] >= result["safesocial"]["p50_ms"]
