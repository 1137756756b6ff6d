"""`safesocial connections audit`: the CLI contract, every platform, and the error cases."""

from __future__ import annotations

import io
import json
import tempfile
import zipfile
from pathlib import Path

import pytest

from safesocial.cli import main
from safesocial.engine.matching.exports import DEFAULT_MAX_BYTES

ROOT = Path(__file__).resolve().parents[2]
EXPORTS = ROOT / "tests" / "data" / "exports"
RIVERSIDE = ROOT / "tests" / "data" / "directories" / "riverside"
OAKFIELD = ROOT / "src" / "safesocial" / "demo" / "oakfield"
TOP_KEYS = ["policy", "platform", "connections_read", "unreadable", "verdict", "matches", "notes"]
MATCH_KEYS = ["connection", "person_id", "relationship", "confidence", "verdict", "clauses", "explanation"]


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def audit_json(capsys: pytest.CaptureFixture[str], file: Path | str, *extra: str, pack: str = "waterville") -> dict:  # type: ignore[type-arg]
    code, out, err = run(
        capsys,
        "connections", "audit", "--policy", pack, "--school", str(RIVERSIDE), "--on", "2026-11-21", "--json",
        *extra, str(file),
    )  # fmt: skip
    assert code == 0, err
    return json.loads(out)  # type: ignore[no-any-return]


def check_contract(doc: dict) -> None:  # type: ignore[type-arg]
    assert list(doc) == TOP_KEYS
    assert isinstance(doc["connections_read"], int)
    for u in doc["unreadable"]:
        assert list(u) == ["where", "reason"]
    assert doc["verdict"] in ("ok", "advise", "breach", "not_checked")
    for m in doc["matches"]:
        assert list(m) == MATCH_KEYS
        assert list(m["connection"]) == ["name", "handle"]
        assert m["verdict"] in ("ok", "advise", "breach")
        assert all(c.startswith(doc["policy"] + ":") for c in m["clauses"])


def test_facebook_json_audit_exact_contract(capsys: pytest.CaptureFixture[str]):
    doc = audit_json(capsys, EXPORTS / "facebook/your_friends.json")
    check_contract(doc)
    assert doc["policy"] == "waterville"
    assert doc["platform"] == "facebook"
    assert doc["connections_read"] == 37
    assert doc["verdict"] == "breach"
    siobhan = next(m for m in doc["matches"] if m["connection"]["name"] == "Siobhán Ní Bhriain")
    assert siobhan == {
        "connection": {"name": "Siobhán Ní Bhriain", "handle": ""},
        "person_id": "R001",
        "relationship": "current_pupil",
        "confidence": 0.97,
        "verdict": "breach",
        "clauses": ["waterville:401.p6a", "waterville:401.p6c"],
        "explanation": siobhan["explanation"],
    }
    assert "R001" in siobhan["explanation"]


@pytest.mark.parametrize(
    ("file", "platform", "read", "some_match"),
    [
        ("facebook/friends.json", "facebook", 8, "C109"),
        ("facebook/your_friends.html", "facebook", 11, "R017"),
        ("instagram/followers_1.json", "instagram", 11, "R019"),
        ("instagram/following.json", "instagram", 6, "S202"),
        ("instagram/followers.json", "instagram", 4, "R037"),
        ("instagram/late2025/following.json", "instagram", 4, "R008"),
        ("linkedin/Connections.csv", "linkedin", 11, "C106"),
        ("linkedin/no_url/Connections.csv", "linkedin", 4, "S204"),
        ("tiktok/user_data_tiktok.json", "tiktok", 7, "R013"),
        ("tiktok/user_data.json", "tiktok", 2, "R011"),
        ("snapchat/friends.json", "snapchat", 8, "R002"),
    ],
)
def test_every_platform_and_layout(
    capsys: pytest.CaptureFixture[str], file: str, platform: str, read: int, some_match: str
):
    doc = audit_json(capsys, EXPORTS / file)
    check_contract(doc)
    assert doc["platform"] == platform
    assert doc["connections_read"] == read
    assert some_match in {m["person_id"] for m in doc["matches"]}


def test_x_says_it_cannot_match_by_name(capsys: pytest.CaptureFixture[str]):
    doc = audit_json(capsys, EXPORTS / "x/follower.js")
    check_contract(doc)
    assert doc["platform"] == "x"
    assert doc["matches"] == []
    assert doc["verdict"] == "not_checked"
    assert "cannot be matched" in doc["notes"][0]


def test_zip_upload_and_forced_platform(capsys: pytest.CaptureFixture[str], tmp_path: Path):
    archive = tmp_path / "facebook-2025.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.write(EXPORTS / "facebook/your_friends.json", "your_facebook_activity/connections/friends/your_friends.json")
        zf.writestr("your_facebook_activity/posts/album/1.json", "{}")
    auto = audit_json(capsys, archive)
    forced = audit_json(capsys, archive, "--platform", "facebook")
    assert auto == forced
    assert auto["connections_read"] == 37


def test_each_pack_gives_its_own_verdict(capsys: pytest.CaptureFixture[str]):
    file = EXPORTS / "linkedin/Connections.csv"
    verdicts = {}
    for pack in ("waterville", "walsall", "bitterne-park"):
        doc = audit_json(capsys, file, pack=pack)
        sarah = next(m for m in doc["matches"] if m["person_id"] == "C106")
        verdicts[pack] = (sarah["verdict"], sarah["clauses"])
    assert verdicts == {
        "waterville": ("advise", ["waterville:401.p10"]),
        "walsall": ("breach", ["walsall:7.9"]),
        "bitterne-park": ("advise", ["bitterne-park:2.1"]),
    }


def test_declare_lifts_and_cites(capsys: pytest.CaptureFixture[str]):
    doc = audit_json(capsys, EXPORTS / "linkedin/Connections.csv", "--declare", "C106=acknowledged_social_circle")
    sarah = next(m for m in doc["matches"] if m["person_id"] == "C106")
    assert sarah["verdict"] == "ok"
    assert sarah["clauses"] == ["waterville:401.p10"]
    assert "lifted" in sarah["explanation"]


def test_on_sets_the_audit_date(capsys: pytest.CaptureFixture[str]):
    def chloe(day: str) -> dict:  # type: ignore[type-arg]
        code, out, _ = run(
            capsys, "connections", "audit", "--policy", "walsall", "--school", str(RIVERSIDE), "--on", day, "--json",
            str(EXPORTS / "instagram/followers.json"),
        )  # fmt: skip
        assert code == 0
        return next(m for m in json.loads(out)["matches"] if m["person_id"] == "R033")

    assert chloe("2026-11-21")["relationship"] == "former_pupil_under_18"
    assert chloe("2026-11-22")["relationship"] == "former_pupil"


def test_default_date_is_today(capsys: pytest.CaptureFixture[str]):
    code, out, _ = run(
        capsys, "connections", "audit", "--policy", "waterville", "--school", str(OAKFIELD), "--json",
        str(EXPORTS / "snapchat/friends.json"),
    )  # fmt: skip
    assert code == 0
    check_contract(json.loads(out))


def test_text_output(capsys: pytest.CaptureFixture[str]):
    code, out, _ = run(
        capsys, "connections", "audit", "--policy", "waterville", "--school", str(RIVERSIDE), "--on", "2026-11-21",
        str(EXPORTS / "facebook/your_friends.json"),
    )  # fmt: skip
    assert code == 0
    assert "Verdict: BREACH" in out
    assert "37 connections read" in out
    assert "could not be read (2)" in out


# ---------------------------------------------------------------------------------- errors


def _error(capsys: pytest.CaptureFixture[str], file: Path, *extra: str) -> str:
    code, out, err = run(
        capsys,
        "connections",
        "audit",
        "--policy",
        "waterville",
        "--school",
        str(RIVERSIDE),
        "--json",
        *extra,
        str(file),
    )
    assert code == 2
    assert out == ""
    return err


def test_corrupt_zip(capsys: pytest.CaptureFixture[str], tmp_path: Path):
    bad = tmp_path / "export.zip"
    bad.write_bytes(b"PK\x03\x04" + b"\x00" * 200)
    assert "E401" in _error(capsys, bad)


def test_unknown_format(capsys: pytest.CaptureFixture[str], tmp_path: Path):
    odd = tmp_path / "holiday.json"
    odd.write_text('{"trip": "Tenby"}')
    err = _error(capsys, odd)
    assert "E402" in err and "not a connection export" in err


def test_empty_file(capsys: pytest.CaptureFixture[str], tmp_path: Path):
    empty = tmp_path / "your_friends.json"
    empty.write_bytes(b"")
    assert "E403" in _error(capsys, empty)


def test_upload_over_200_mb(capsys: pytest.CaptureFixture[str], tmp_path: Path):
    big = tmp_path / "facebook.zip"
    with big.open("wb") as fh:  # a sparse file: nothing like 200 MB is written
        fh.truncate(DEFAULT_MAX_BYTES + 1)
    err = _error(capsys, big)
    assert "E404" in err and "200 MB" in err


def test_wrong_platform(capsys: pytest.CaptureFixture[str]):
    assert "E407" in _error(capsys, EXPORTS / "tiktok/user_data.json", "--platform", "snapchat")


def test_unknown_pack(capsys: pytest.CaptureFixture[str]):
    assert "E110" in _error(capsys, EXPORTS / "tiktok/user_data.json", "--policy", "nonesuch")


def test_bad_date_is_a_usage_error(capsys: pytest.CaptureFixture[str]):
    with pytest.raises(SystemExit) as exc:
        main(["connections", "audit", "--policy", "waterville", "--school", str(RIVERSIDE), "--on", "21/11/2026", "x"])
    assert exc.value.code == 2
    assert "YYYY-MM-DD" in capsys.readouterr().err


def test_errors_leave_nothing_behind(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    monkeypatch.chdir(tmp_path)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("your_friends.json", (EXPORTS / "facebook/your_friends.json").read_bytes())
    cut = tmp_path / "cut.zip"
    cut.write_bytes(buf.getvalue()[:300])
    before = sorted(p.name for p in tmp_path.rglob("*"))
    _error(capsys, cut)
    assert sorted(p.name for p in tmp_path.rglob("*")) == before
    assert list(scratch.iterdir()) == []


def test_evaluate_prints_precision_and_recall(capsys: pytest.CaptureFixture[str]):
    code, out, _ = run(capsys, "connections", "evaluate", "--labels", str(EXPORTS / "labels.json"), "--json")
    assert code == 0
    total = json.loads(out)["total"]
    assert total["precision"] >= 0.95 and total["recall"] >= 0.95
