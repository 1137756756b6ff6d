"""Export parsers: every platform and layout, ZIPs, detection, mojibake, limits and coded errors."""

from __future__ import annotations

import io
import json
import os
import tempfile
import zipfile
from pathlib import Path

import pytest

from safesocial.engine.errors import ExportError
from safesocial.engine.matching.exports import DEFAULT_MAX_BYTES, Limits, read_export

from .conftest import EXPORTS


def _zip(files: dict[str, bytes | str], *, compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression) as zf:
        for name, data in files.items():
            zf.writestr(name, data)
    return buf.getvalue()


def _names(result) -> list[str]:  # type: ignore[no-untyped-def]
    return [c.name for c in result.connections]


def _handles(result) -> list[str]:  # type: ignore[no-untyped-def]
    return [c.handle for c in result.connections]


# ------------------------------------------------------------------------------------ Facebook


def test_facebook_friends_v2_repairs_mojibake_and_reports_bad_entries():
    result = read_export(EXPORTS / "facebook/your_friends.json")
    assert result.platform == "facebook"
    assert result.matchable_by_name
    names = _names(result)
    assert names[0] == "Siobhán Ní Bhriain"
    assert "Kuba Zieliński" in names
    assert "Łukasz Piątek" in names
    assert "Gráinne Ní Mháille" in names
    assert not any("Ã" in n or "Å" in n for n in names)
    assert len(result.connections) == 37
    assert [(u.where, u.reason) for u in result.unreadable] == [
        ("your_friends.json: friends_v2[5]", "the entry has no name"),
        ("your_friends.json: friends_v2[12]", "expected an object, got str"),
    ]
    first = result.connections[0]
    assert first.when is not None and first.when.year == 2020
    assert first.lists == ("friends",)


def test_facebook_older_friends_key():
    result = read_export(EXPORTS / "facebook/friends.json")
    assert result.platform == "facebook"
    assert _names(result)[:2] == ["Siobhán Ní Bhriain", "Mary Kelly"]
    assert result.unreadable == ()


def test_facebook_html_skips_the_page_heading_and_decodes_entities():
    result = read_export(EXPORTS / "facebook/your_friends.html")
    assert result.platform == "facebook"
    names = _names(result)
    assert "Your friends" not in names
    assert names[0] == "Katie O'Connor"
    assert "Anna Wiśniewska" in names and "Niamh Ní Bhriain" in names
    assert len(names) == 11
    assert result.connections[0].when is not None and result.connections[0].when.year == 2021
    assert [u.reason for u in result.unreadable] == ["the section has no name heading (<h2>)"]


def test_mojibake_left_alone_when_the_text_is_already_right():
    doc = {"friends_v2": [{"name": "Zoë Nowak", "timestamp": 1}, {"name": "Zo\u00c3\u00ab Nowak", "timestamp": 2}]}
    result = read_export(json.dumps(doc, ensure_ascii=False).encode("utf-8"), filename="your_friends.json")
    assert _names(result) == ["Zoë Nowak", "Zoë Nowak"]


# ----------------------------------------------------------------------------------- Instagram


def test_instagram_followers_list_layout():
    result = read_export(EXPORTS / "instagram/followers_1.json")
    assert result.platform == "instagram"
    assert _handles(result)[:3] == ["ruby.p2014", "em.clarke10", "siobhan.nibhriain"]
    assert all(c.name == "" and c.lists == ("followers",) for c in result.connections)
    assert len(result.unreadable) == 1


def test_instagram_following_relationships_layout():
    result = read_export(EXPORTS / "instagram/following.json")
    assert _handles(result) == [
        "ruby.p2014",
        "gareth.lloyd.pe",
        "oliviasmith_",
        "bbcnews",
        "riversideprimary",
        "ffion.davies",
    ]
    assert result.connections[0].lists == ("following",)


def test_instagram_pre_2023_relationships_followers():
    result = read_export(EXPORTS / "instagram/followers.json")
    assert result.platform == "instagram"
    assert _handles(result) == ["wiktoria.lewandowska", "megan_davies07", "travelgram", "chloe.baker08"]
    assert result.connections[0].lists == ("followers",)


def test_instagram_late_2025_title_only_entries_and_u_links():
    result = read_export(EXPORTS / "instagram/late2025/following.json")
    assert _handles(result) == ["lucy.wisniewska", "zoe.kowalczyk", "cookingwithkasia", "ruby.p2014"]
    link_only = [
        {"title": "", "string_list_data": [{"href": "https://www.instagram.com/_u/Some.One?igsh=x", "timestamp": 5}]}
    ]
    assert _handles(read_export(json.dumps(link_only).encode(), filename="followers_1.json")) == ["some.one"]


def test_instagram_zip_merges_followers_and_following_by_handle():
    data = _zip(
        {
            "connections/followers_and_following/followers_1.json": (
                EXPORTS / "instagram/followers_1.json"
            ).read_bytes(),
            "connections/followers_and_following/following.json": (EXPORTS / "instagram/following.json").read_bytes(),
            "connections/followers_and_following/close_friends.json": b'{"relationships_close_friends": []}',
            "media/posts/202401/photo.jpg": b"\xff\xd8\xff" + os.urandom(64),
        }
    )
    result = read_export(data, filename="instagram-riverside-2025.zip")
    assert result.platform == "instagram"
    ruby = [c for c in result.connections if c.handle == "ruby.p2014"]
    assert len(ruby) == 1 and ruby[0].lists == ("followers", "following")
    assert len(result.connections) == 11 + 6 - 1
    assert len(result.files) == 2


def test_instagram_html_export_gets_a_clear_message():
    data = _zip(
        {
            "connections/followers_and_following/followers_1.html": "<html><a href='https://www.instagram.com/x'>x</a></html>"
        }
    )
    with pytest.raises(ExportError) as err:
        read_export(data, filename="instagram.zip")
    assert err.value.code == "E402"
    assert "JSON" in err.value.message


# ------------------------------------------------------------------------------------------- X


def test_x_is_recognised_but_not_matchable_by_name():
    result = read_export(EXPORTS / "x/follower.js")
    assert result.platform == "x"
    assert not result.matchable_by_name
    assert _handles(result) == ["1234567890", "987654321", "1500000000000000001"]
    assert "cannot be matched" in result.notes[0]


def test_x_archive_zip_reads_both_files():
    data = _zip(
        {
            "data/follower.js": (EXPORTS / "x/follower.js").read_bytes(),
            "data/following.js": (EXPORTS / "x/following.js").read_bytes(),
            "data/account.js": 'window.YTD.account.part0 = [{"account": {"username": "MrsCarter"}}]',
            "data/manifest.js": "window.__THAR_CONFIG = {}",
        }
    )
    result = read_export(data, filename="twitter-2025-11-01.zip")
    assert result.platform == "x"
    # 1234567890 is both follower and followed: one connection.
    assert len(result.connections) == 5


# ------------------------------------------------------------------------------------ LinkedIn


def test_linkedin_preamble_blank_rows_url_and_email():
    result = read_export(EXPORTS / "linkedin/Connections.csv")
    assert result.platform == "linkedin"
    assert len(result.connections) == 11
    sarah = result.connections[0]
    assert (sarah.name, sarah.handle, sarah.email) == ("Sarah Clarke", "sarahclarke-hr", "sarah.clarke@example.org")
    assert sarah.when is not None and (sarah.when.year, sarah.when.month, sarah.when.day) == (2021, 3, 12)
    assert [u.where for u in result.unreadable] == ["Connections.csv line 9", "Connections.csv line 14"]
    assert all("blank row" in u.reason for u in result.unreadable)


def test_linkedin_without_url_column_and_with_bom():
    result = read_export(EXPORTS / "linkedin/no_url/Connections.csv")
    assert _names(result) == ["Gareth Lloyd", "Siân Jenkins", "Mark Clarke", "Rhys Williams"]
    assert all(c.handle == "" for c in result.connections)
    assert any("no URL column" in n for n in result.notes)
    assert len(result.unreadable) == 1


def test_linkedin_re_saved_as_windows_1252():
    text = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\nSiân,Jenkins,,,,,01 Jan 2020\n"
    result = read_export(text.encode("cp1252"), filename="Connections.csv")
    assert _names(result) == ["Siân Jenkins"]


# -------------------------------------------------------------------------------------- TikTok


def test_tiktok_new_layout_followers_and_following():
    result = read_export(EXPORTS / "tiktok/user_data_tiktok.json")
    assert result.platform == "tiktok"
    handles = _handles(result)
    assert handles[:2] == ["zoe.kowalczyk", "jackrobinson2016"]
    assert handles.count("jackrobinson2016") == 1  # follower and followed: merged
    assert len(result.connections) == 7
    assert [u.reason for u in result.unreadable] == ["the entry has no UserName"]
    robinson = next(c for c in result.connections if c.handle == "jackrobinson2016")
    assert robinson.lists == ("followers", "following")


def test_tiktok_old_layout_with_null_list():
    result = read_export(EXPORTS / "tiktok/user_data.json")
    assert result.platform == "tiktok"
    assert _handles(result) == ["gosia.nowak", "memes_daily"]
    assert result.unreadable == ()


def test_tiktok_all_lists_null():
    doc = {"Your Activity": {"Follower": {"FansList": None}, "Following": {"Following": None}}}
    result = read_export(json.dumps(doc).encode(), filename="user_data_tiktok.json")
    assert result.platform == "tiktok" and result.connections == () and result.unreadable == ()


# ------------------------------------------------------------------------------------ Snapchat


def test_snapchat_friends_only_not_deleted_or_blocked():
    result = read_export(EXPORTS / "snapchat/friends.json")
    assert result.platform == "snapchat"
    assert [(c.handle, c.name) for c in result.connections][:3] == [
        ("jackt_2015", "Jack T"),
        ("jack.r.fan", "Jack 🙂"),
        ("rubyp_xo", "Ruby 🌸 Patel"),
    ]
    assert "old_friend" not in _handles(result) and "blocked_user" not in _handles(result)
    assert len(result.unreadable) == 1


def test_snapchat_zip_beside_its_html_pages():
    data = _zip(
        {
            "json/friends.json": (EXPORTS / "snapchat/friends.json").read_bytes(),
            "json/account.json": b"{}",
            "html/friends.html": "<html><body><table><tr><td>jackt_2015</td></tr></table></body></html>",
        }
    )
    result = read_export(data, filename="mydata~1700000000.zip")
    assert result.platform == "snapchat"
    assert result.notes == ()


# --------------------------------------------------------------------------- ZIPs and detection


def test_facebook_zip_found_by_base_name_whatever_the_folders():
    data = _zip(
        {
            "your_facebook_activity/posts/your_posts__check_ins__photos_and_videos_1.json": b"[]",
            "connections/friends/removed_friends.json": b'{"deleted_friends_v2": []}',
            "connections/friends/your_friends.json": (EXPORTS / "facebook/your_friends.json").read_bytes(),
            "connections/followers/who_you've_followed.json": b'{"following_v3": []}',
        }
    )
    result = read_export(data, filename="facebook-helencarter-2025.zip")
    assert result.platform == "facebook"
    assert len(result.connections) == 37
    assert result.files == ("connections/friends/your_friends.json",)


def test_meta_zip_with_facebook_and_instagram_takes_the_larger_and_says_so():
    data = _zip(
        {
            "facebook/connections/friends/your_friends.json": (EXPORTS / "facebook/your_friends.json").read_bytes(),
            "instagram/connections/followers_and_following/followers_1.json": (
                EXPORTS / "instagram/followers_1.json"
            ).read_bytes(),
        }
    )
    result = read_export(data, filename="meta.zip")
    assert result.platform == "facebook"
    assert any("--platform instagram" in n for n in result.notes)
    assert read_export(data, filename="meta.zip", platform="instagram").platform == "instagram"


def test_single_file_detected_by_content_whatever_its_name():
    data = (EXPORTS / "snapchat/friends.json").read_bytes()
    assert read_export(data, filename="download (3).json").platform == "snapchat"
    js = (EXPORTS / "x/following.js").read_bytes()
    assert read_export(js, filename="something.txt").platform == "x"


def test_file_object_input(exports: Path):
    with (exports / "tiktok/user_data.json").open("rb") as fh:
        assert read_export(fh).platform == "tiktok"


def test_platform_asked_for_must_match():
    with pytest.raises(ExportError) as err:
        read_export(EXPORTS / "tiktok/user_data.json", platform="facebook")
    assert err.value.code == "E407"
    assert "TikTok" in err.value.message


def test_unknown_platform_name():
    with pytest.raises(ExportError) as err:
        read_export(EXPORTS / "tiktok/user_data.json", platform="myspace")
    assert err.value.code == "E402"


# ----------------------------------------------------------------------------- coded errors


@pytest.mark.parametrize(
    ("data", "name", "code"),
    [
        (b"", "your_friends.json", "E403"),
        (b"  \n\t ", "your_friends.json", "E403"),
        (b'{"hello": "world"}', "data.json", "E402"),
        (b"just some text", "notes.txt", "E402"),
        (b"%PDF-1.7 ...", "scan.pdf", "E402"),
        (b"PK\x03\x04this is not really a zip", "export.zip", "E401"),
        (_zip({}), "empty.zip", "E403"),
        (_zip({"photos/1.jpg": b"\xff\xd8\xff"}), "photos.zip", "E402"),
    ],
)
def test_unusable_files_raise_coded_errors(data: bytes, name: str, code: str):
    with pytest.raises(ExportError) as err:
        read_export(data, filename=name)
    assert err.value.code == code
    assert err.value.message


def test_truncated_zip_is_corrupt():
    data = _zip({"connections/friends/your_friends.json": (EXPORTS / "facebook/your_friends.json").read_bytes()})
    with pytest.raises(ExportError) as err:
        read_export(data[: len(data) // 2], filename="cut.zip")
    assert err.value.code == "E401"
    assert "download it again" in err.value.message


def test_a_connection_file_cut_short_is_reported_not_fatal_inside_a_zip():
    good = (EXPORTS / "instagram/followers_1.json").read_bytes()
    data = _zip({"followers_1.json": good, "following.json": b'{"relationships_following": [{"title": "x", '})
    result = read_export(data, filename="ig.zip")
    assert result.platform == "instagram"
    assert any("not valid JSON" in u.reason for u in result.unreadable)


def test_missing_file():
    with pytest.raises(ExportError) as err:
        read_export("/nonexistent/your_friends.json")
    assert err.value.code == "E406"


def test_size_limit_is_a_parameter_and_defaults_to_200_mb():
    assert DEFAULT_MAX_BYTES == 200 * 1024 * 1024
    assert Limits().max_bytes == 200 * 1024 * 1024
    data = (EXPORTS / "facebook/your_friends.json").read_bytes()
    with pytest.raises(ExportError) as err:
        read_export(data, filename="your_friends.json", limits=Limits(max_bytes=1000))
    assert err.value.code == "E404"
    assert "1000" not in err.value.message or "MB" in err.value.message


def test_over_size_file_on_disk_is_refused_before_reading(tmp_path: Path):
    big = tmp_path / "export.zip"
    with big.open("wb") as fh:  # sparse: no 200 MB is written
        fh.truncate(DEFAULT_MAX_BYTES + 1)
    with pytest.raises(ExportError) as err:
        read_export(big)
    assert err.value.code == "E404"
    assert "200 MB" in err.value.message


def test_zip_bomb_ratio_is_refused():
    data = _zip({"connections/friends/your_friends.json": b" " * (3 * 1024 * 1024)})
    with pytest.raises(ExportError) as err:
        read_export(data, filename="bomb.zip")
    assert err.value.code == "E405"


def test_zip_total_uncompressed_budget():
    payload = json.dumps({"friends_v2": [{"name": f"Person {i}", "timestamp": i} for i in range(2000)]}).encode()
    data = _zip({"your_friends.json": payload})
    with pytest.raises(ExportError) as err:
        read_export(data, filename="x.zip", limits=Limits(max_uncompressed=10_000))
    assert err.value.code == "E405"


def test_encrypted_zip_member_is_refused():
    data = bytearray(_zip({"your_friends.json": b'{"friends_v2": []}'}, compression=zipfile.ZIP_STORED))
    # Set the "encrypted" flag bit in the local header and the central directory entry.
    for sig in (b"PK\x03\x04", b"PK\x01\x02"):
        at = data.find(sig)
        offset = at + (6 if sig == b"PK\x03\x04" else 8)
        data[offset] |= 0x1
    with pytest.raises(ExportError) as err:
        read_export(bytes(data), filename="locked.zip")
    assert err.value.code == "E401"
    assert "password" in err.value.message


def test_reading_writes_nothing_to_disk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    monkeypatch.chdir(tmp_path)
    zipped = tmp_path / "export.zip"
    zipped.write_bytes(
        _zip({"connections/friends/your_friends.json": (EXPORTS / "facebook/your_friends.json").read_bytes()})
    )
    bad = tmp_path / "bad.zip"
    bad.write_bytes(b"PK\x03\x04 broken")
    before = sorted(p.name for p in tmp_path.rglob("*"))
    read_export(zipped)
    with pytest.raises(ExportError):
        read_export(bad)
    assert sorted(p.name for p in tmp_path.rglob("*")) == before
    assert list(scratch.iterdir()) == []
