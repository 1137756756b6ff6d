"""Read "download your information" exports into connections (shared/FORMATS.md §2).

``read_export`` takes a path, bytes or a binary file: either the platform's ZIP or the single file
that holds the connection list. It detects the platform (or checks the one asked for), repairs
Meta's mojibake, and returns an ``ExportResult``. An entry it cannot read becomes an ``Unreadable``
(where, reason) instead of stopping the audit; a file it cannot use at all raises a coded
``ExportError``:

  E401 the ZIP is corrupt, truncated or password-protected
  E402 the format is not one we know (or the ZIP holds no connection list)
  E403 the file or ZIP is empty
  E404 the upload is larger than the limit (200 MB by default)
  E405 the ZIP expands suspiciously (a zip bomb): too high a compression ratio or too much data
  E406 the file cannot be opened
  E407 the file is an export of another platform than the one asked for

ZIPs are read in memory with ``zipfile``, member by member, with a byte budget; nothing is ever
extracted to disk, so a failed or finished read leaves nothing behind.
"""

from __future__ import annotations

import csv
import html.parser
import io
import json
import os
import re
import zipfile
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath
from typing import Any, BinaryIO

from ..errors import ExportError
from .names import repair_mojibake

PLATFORMS: tuple[str, ...] = ("facebook", "instagram", "x", "linkedin", "tiktok", "snapchat")
PLATFORM_TITLES = {
    "facebook": "Facebook",
    "instagram": "Instagram",
    "x": "X (Twitter)",
    "linkedin": "LinkedIn",
    "tiktok": "TikTok",
    "snapchat": "Snapchat",
}
MB = 1024 * 1024
DEFAULT_MAX_BYTES = 200 * MB


@dataclass(frozen=True, slots=True)
class Limits:
    """How much an export may hold. ``max_bytes`` bounds the upload (the ZIP or the single file)."""

    max_bytes: int = DEFAULT_MAX_BYTES
    max_uncompressed: int = 512 * MB  # total bytes read out of a ZIP's connection files
    max_ratio: int = 100  # uncompressed / compressed, for any member over ratio_floor bytes
    ratio_floor: int = 1 * MB
    max_members: int = 200_000  # entries in a ZIP's central directory


DEFAULT_LIMITS = Limits()


@dataclass(frozen=True, slots=True)
class Connection:
    """One account the export says the user is connected to."""

    name: str  # display name as shown by the platform ("" when the platform gives none)
    handle: str  # username, profile slug or account id ("" when none)
    platform: str
    source: str  # the file and entry it came from, e.g. "your_friends.json: friends_v2[3]"
    when: datetime | None = None  # when the connection was made (UTC), if the export says
    email: str = ""  # LinkedIn, when the connection allows it
    url: str = ""
    lists: tuple[str, ...] = ()  # friends | followers | following

    def as_dict(self) -> dict[str, str]:
        return {"name": self.name, "handle": self.handle}


@dataclass(frozen=True, slots=True)
class Unreadable:
    where: str
    reason: str

    def as_dict(self) -> dict[str, str]:
        return {"where": self.where, "reason": self.reason}


@dataclass(frozen=True)
class ExportResult:
    platform: str
    connections: tuple[Connection, ...]
    unreadable: tuple[Unreadable, ...] = ()
    matchable_by_name: bool = True
    files: tuple[str, ...] = ()  # the files the connections were read from
    notes: tuple[str, ...] = ()


# ----------------------------------------------------------------------------------------- reading


@dataclass
class _Parsed:
    platform: str
    connections: list[Connection] = field(default_factory=list)
    unreadable: list[Unreadable] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


class _NotThisFormat(Exception):
    """A reader does not recognise the file (the next reader is tried)."""


def read_export(
    source: str | os.PathLike[str] | bytes | BinaryIO,
    *,
    platform: str = "auto",
    filename: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> ExportResult:
    """Read an export ZIP or single file. ``filename`` names bytes or a file object (for detection)."""
    if platform != "auto" and platform not in PLATFORMS:
        raise ExportError(f"unknown platform {platform!r} (known: auto, {', '.join(PLATFORMS)})", code="E402")
    if isinstance(source, (str, os.PathLike)):
        path = Path(source)
        name = filename or path.name
        try:
            if not path.exists():
                raise ExportError(f"no such file: {path}", code="E406", where=name)
            if not path.is_file():
                raise ExportError(f"{path} is not a file", code="E406", where=name)
            size = path.stat().st_size
            _check_size(size, name, limits)
            fh = path.open("rb")
        except OSError as exc:
            raise ExportError(f"cannot open {path}: {exc.strerror or exc}", code="E406", where=name) from None
        with fh:
            return _read_stream(fh, name, platform, limits)
    if isinstance(source, (bytes, bytearray, memoryview)):
        data = bytes(source)
        name = filename or "upload"
        _check_size(len(data), name, limits)
        return _read_stream(io.BytesIO(data), name, platform, limits)
    name = filename or str(getattr(source, "name", "") or "upload")
    name = PurePosixPath(name.replace("\\", "/")).name
    if source.seekable():
        start = source.tell()
        size = source.seek(0, io.SEEK_END) - start
        source.seek(start)
        _check_size(size, name, limits)
        return _read_stream(source, name, platform, limits)
    data = source.read(limits.max_bytes + 1)
    _check_size(len(data), name, limits)
    return _read_stream(io.BytesIO(data), name, platform, limits)


def _check_size(size: int, name: str, limits: Limits) -> None:
    if size == 0:
        raise ExportError(
            "the file is empty: export your information again and upload the ZIP", code="E403", where=name
        )
    if size > limits.max_bytes:
        raise ExportError(
            f"the file is {size / MB:.1f} MB, over the {limits.max_bytes / MB:.0f} MB limit: export only your "
            "connections (friends, followers and following), not photos and videos",
            code="E404",
            where=name,
        )


def _read_stream(fh: BinaryIO, name: str, platform: str, limits: Limits) -> ExportResult:
    head = fh.read(4)
    fh.seek(0)
    if head[:2] == b"PK":
        return _read_zip(fh, name, platform, limits)
    data = fh.read(limits.max_bytes + 1)
    _check_size(len(data), name, limits)
    if not data.strip():
        raise ExportError("the file holds only blank space", code="E403", where=name)
    parsed = _parse_member(name, data)
    if parsed is None:
        raise ExportError(_unknown_message(name, data), code="E402", where=name)
    if platform != "auto" and parsed.platform != platform:
        raise ExportError(
            f"this is a {PLATFORM_TITLES[parsed.platform]} export, not {PLATFORM_TITLES[platform]}: "
            f"choose --platform {parsed.platform} or auto",
            code="E407",
            where=name,
        )
    return _result(parsed.platform, [(name, parsed)])


def _read_zip(fh: BinaryIO, name: str, platform: str, limits: Limits) -> ExportResult:
    members: list[tuple[str, str, bytes]] = []  # (path in the ZIP, kind, bytes)
    hints: list[str] = []
    try:
        with zipfile.ZipFile(fh) as zf:
            infos = zf.infolist()
            if len(infos) > limits.max_members:
                raise ExportError(
                    f"the ZIP lists {len(infos)} entries, more than {limits.max_members}", code="E405", where=name
                )
            files = [i for i in infos if not i.is_dir()]
            if not files:
                raise ExportError("the ZIP is empty", code="E403", where=name)
            budget = limits.max_uncompressed
            for info in files:
                base = PurePosixPath(info.filename).name
                kind = _candidate(base)
                if kind is None:
                    if _INSTAGRAM_HTML.match(base.lower()):
                        hints.append(base)
                    continue
                data = _read_member(zf, info, name, limits, budget)
                budget -= len(data)
                members.append((info.filename, kind, data))
    except ExportError:
        raise
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, ValueError, OSError) as exc:
        raise ExportError(
            f"the ZIP is corrupt or incomplete ({exc}): download it again", code="E401", where=name
        ) from None
    except RuntimeError as exc:  # zipfile raises RuntimeError for encrypted members
        raise ExportError(f"the ZIP cannot be read ({exc})", code="E401", where=name) from None
    found: list[tuple[str, _Parsed]] = []
    for path, kind, data in members:
        parsed = _parse_member(PurePosixPath(path).name, data, kind=kind, where=path)
        if parsed is not None:
            found.append((path, parsed))
    platforms = list(dict.fromkeys(p.platform for _, p in found))
    if not found:
        if hints:
            raise ExportError(
                "this export is in HTML format; Instagram's HTML cannot be read reliably: request your "
                "information again choosing JSON format and 'All time'",
                code="E402",
                where=name,
            )
        sample = ", ".join(sorted({PurePosixPath(i.filename).name for i in files})[:5])
        raise ExportError(
            f"no connection list found in the ZIP (it holds {len(files)} files, e.g. {sample})", code="E402", where=name
        )
    if platform != "auto":
        if platform not in platforms:
            got = ", ".join(PLATFORM_TITLES[p] for p in platforms)
            raise ExportError(
                f"the ZIP holds no {PLATFORM_TITLES[platform]} connection list (it holds: {got})",
                code="E407",
                where=name,
            )
        chosen = platform
    else:
        # A Meta Accounts Centre export may hold both Facebook and Instagram: take the larger list.
        chosen = max(platforms, key=lambda p: sum(len(x.connections) for _, x in found if x.platform == p))
    result = _result(chosen, [(f, p) for f, p in found if p.platform == chosen])
    others = [p for p in platforms if p != chosen and any(x.connections for _, x in found if x.platform == p)]
    if others:
        extra = tuple(
            f"the ZIP also holds a {PLATFORM_TITLES[p]} connection list: audit it with --platform {p}" for p in others
        )
        result = replace(result, notes=result.notes + extra)
    return result


def _read_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo, name: str, limits: Limits, budget: int) -> bytes:
    where = f"{name}: {info.filename}"
    if info.flag_bits & 0x1:
        raise ExportError(
            "the ZIP is password-protected: download it again without a password", code="E401", where=where
        )
    if info.file_size > budget:
        raise ExportError(
            f"{info.filename} expands to {info.file_size / MB:.0f} MB, more than this audit reads "
            f"({limits.max_uncompressed / MB:.0f} MB in all)",
            code="E405",
            where=where,
        )
    if info.file_size > limits.ratio_floor and info.file_size > limits.max_ratio * max(info.compress_size, 1):
        raise ExportError(
            f"{info.filename} is compressed {info.file_size // max(info.compress_size, 1)} to 1, more than any "
            "real export: the ZIP looks like a zip bomb and was not opened",
            code="E405",
            where=where,
        )
    with zf.open(info) as member:
        # The sizes in a ZIP's directory can lie: read no more than the budget allows.
        data = member.read(budget + 1)
    if len(data) > budget:
        raise ExportError("the ZIP expands to more data than it declares: not read", code="E405", where=where)
    return data


def _result(platform: str, parts: list[tuple[str, _Parsed]]) -> ExportResult:
    connections: list[Connection] = []
    unreadable: list[Unreadable] = []
    notes: list[str] = []
    for _, parsed in parts:
        connections.extend(parsed.connections)
        unreadable.extend(parsed.unreadable)
        notes.extend(n for n in parsed.notes if n not in notes)
    if platform != "facebook" and platform != "linkedin":
        connections = _merge_by_handle(connections)
    matchable = platform != "x"
    if not matchable:
        notes.insert(
            0,
            "X (Twitter) archives identify followers and followed accounts only by a numeric account id, "
            "so they cannot be matched to people by name; no matches are reported for this export.",
        )
    return ExportResult(
        platform=platform,
        connections=tuple(connections),
        unreadable=tuple(unreadable),
        matchable_by_name=matchable,
        files=tuple(f for f, _ in parts),
        notes=tuple(notes),
    )


def _merge_by_handle(connections: list[Connection]) -> list[Connection]:
    """An account both followed and following appears once, with both lists."""
    out: dict[str, Connection] = {}
    anonymous: list[Connection] = []
    for c in connections:
        key = c.handle.lower()
        if not key:
            anonymous.append(c)
            continue
        seen = out.get(key)
        if seen is None:
            out[key] = c
        else:
            lists = tuple(dict.fromkeys(seen.lists + c.lists))
            out[key] = replace(seen, lists=lists, name=seen.name or c.name, when=seen.when or c.when)
    return [*out.values(), *anonymous]


# ------------------------------------------------------------------------------- detection


_CANDIDATES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^(your_friends|friends)\.json$"), "json"),
    (re.compile(r"^(your_friends|friends)\.html?$"), "html"),
    (re.compile(r"^followers(_\d+)?\.json$"), "json"),
    (re.compile(r"^following(_\d+)?\.json$"), "json"),
    (re.compile(r"^(follower|following)(-part\d+)?\.js$"), "js"),
    (re.compile(r"^connections\.csv$"), "csv"),
    (re.compile(r"^user_data(_tiktok)?\.json$"), "json"),
)
_INSTAGRAM_HTML = re.compile(r"^(followers(_\d+)?|following)\.html$")


def _candidate(base: str) -> str | None:
    lower = base.lower()
    for pattern, kind in _CANDIDATES:
        if pattern.match(lower):
            return kind
    return None


def _sniff(name: str, data: bytes) -> str | None:
    kind = _candidate(PurePosixPath(name).name)
    if kind:
        return kind
    start = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if start.startswith((b"{", b"[")):
        return "json"
    if start.startswith(b"window.ytd."):
        return "js"
    if start.startswith((b"<!doctype html", b"<html", b"<head", b"<meta")):
        return "html"
    if b"first name" in data[:4096].lower() and b"," in data[:4096]:
        return "csv"
    return None


def _parse_member(name: str, data: bytes, *, kind: str | None = None, where: str | None = None) -> _Parsed | None:
    """Parse one file into connections, or None when it is no connection list we know."""
    where = where or name
    base = PurePosixPath(where).name
    kind = kind or _sniff(name, data)
    if kind is None:
        return None
    if not data.strip():
        platform = _platform_by_name(base)
        if platform is None:
            return None
        return _Parsed(platform, unreadable=[Unreadable(base, "the file is empty")])
    try:
        text = _decode(data)
    except UnicodeDecodeError:
        return None
    try:
        if kind == "json":
            return _parse_json_text(text, base)
        if kind == "js":
            return _parse_x(text, base)
        if kind == "csv":
            return _parse_linkedin(text, base)
        if kind == "html":
            return _parse_facebook_html(text, base)
    except _NotThisFormat:
        return None
    return None


def _platform_by_name(base: str) -> str | None:
    lower = base.lower()
    if lower.startswith("your_friends"):
        return "facebook"
    if lower.startswith(("followers", "following")) and lower.endswith(".json"):
        return "instagram"
    if lower.endswith(".js"):
        return "x"
    if lower == "connections.csv":
        return "linkedin"
    if lower.startswith("user_data"):
        return "tiktok"
    return None


def _decode(data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        # A CSV re-saved by a spreadsheet on Windows: cp1252 decodes every byte that matters.
        return data.decode("cp1252")


def _unknown_message(name: str, data: bytes) -> str:
    start = data[:64].lstrip()
    if start[:4] in (b"\x89PNG", b"%PDF") or start[:3] == b"\xff\xd8\xff":
        return "this is an image or a PDF, not an export: upload the ZIP from 'Download your information'"
    if _INSTAGRAM_HTML.match(PurePosixPath(name).name.lower()):
        return "Instagram's HTML export cannot be read reliably: request your information again in JSON format"
    return (
        "this is not a connection export SafeSocial knows (Facebook, Instagram, X, LinkedIn, TikTok or "
        "Snapchat): upload the ZIP the platform gave you, or the friends/followers file inside it"
    )


# --------------------------------------------------------------------------------- parsers


def _parse_json_text(text: str, base: str) -> _Parsed:
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        platform = _platform_by_name(base)
        if platform is None:
            raise _NotThisFormat from None
        reason = f"not valid JSON ({exc.msg} at line {exc.lineno}): the file may be cut short"
        return _Parsed(platform, unreadable=[Unreadable(base, reason)])
    return _parse_json(doc, base)


def _parse_json(doc: Any, base: str) -> _Parsed:
    if isinstance(doc, list):
        if _looks_instagram_list(doc) or (not doc and base.lower().startswith("followers")):
            return _parse_instagram_entries(doc, base, "followers", base)
        raise _NotThisFormat
    if not isinstance(doc, dict):
        raise _NotThisFormat
    if "friends_v2" in doc or isinstance(doc.get("friends"), list):
        key = "friends_v2" if "friends_v2" in doc else "friends"
        return _parse_facebook_json(doc[key], base, key)
    if "relationships_following" in doc or "relationships_followers" in doc:
        parsed = _Parsed("instagram")
        for key, lst in (("relationships_followers", "followers"), ("relationships_following", "following")):
            if key in doc:
                part = _parse_instagram_entries(doc[key], f"{base}: {key}", lst, base)
                parsed.connections.extend(part.connections)
                parsed.unreadable.extend(part.unreadable)
        return parsed
    if "Friends" in doc and isinstance(doc["Friends"], (list, type(None))):
        return _parse_snapchat(doc, base)
    if "Your Activity" in doc or "Activity" in doc:
        return _parse_tiktok(doc, base)
    raise _NotThisFormat


def _looks_instagram_list(doc: list[Any]) -> bool:
    for entry in doc[:20]:
        if isinstance(entry, dict) and ("string_list_data" in entry or "media_list_data" in entry):
            return True
    return False


def _meta(value: Any) -> str:
    """A Meta string, mojibake repaired; anything else as empty text."""
    if not isinstance(value, str):
        return ""
    return " ".join(repair_mojibake(value).split())


def _from_unix(value: Any) -> datetime | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    if value > 1e11:  # milliseconds
        value = value / 1000
    try:
        return datetime.fromtimestamp(value, tz=UTC)
    except (OverflowError, OSError, ValueError):
        return None


def _parse_facebook_json(entries: Any, base: str, key: str) -> _Parsed:
    parsed = _Parsed("facebook")
    if entries is None:
        return parsed
    if not isinstance(entries, list):
        parsed.unreadable.append(
            Unreadable(f"{base}: {key}", f"expected a list of friends, got {type(entries).__name__}")
        )
        return parsed
    for i, entry in enumerate(entries):
        where = f"{base}: {key}[{i}]"
        if not isinstance(entry, dict):
            parsed.unreadable.append(Unreadable(where, f"expected an object, got {type(entry).__name__}"))
            continue
        name = _meta(entry.get("name"))
        if not name:
            parsed.unreadable.append(Unreadable(where, "the entry has no name"))
            continue
        parsed.connections.append(
            Connection(name, "", "facebook", where, _from_unix(entry.get("timestamp")), lists=("friends",))
        )
    return parsed


def _instagram_handle_from_link(href: str) -> str:
    match = re.match(r"^(?:https?://)?(?:www\.)?instagram\.com/(?:_u/)?([^/?#]+)", href.strip())
    return match.group(1) if match else ""


def _parse_instagram_entries(entries: Any, where_base: str, lst: str, base: str) -> _Parsed:
    parsed = _Parsed("instagram")
    if entries is None:
        return parsed
    if not isinstance(entries, list):
        parsed.unreadable.append(Unreadable(where_base, f"expected a list, got {type(entries).__name__}"))
        return parsed
    for i, entry in enumerate(entries):
        where = f"{where_base}[{i}]"
        if not isinstance(entry, dict):
            parsed.unreadable.append(Unreadable(where, f"expected an object, got {type(entry).__name__}"))
            continue
        data = entry.get("string_list_data")
        item = data[0] if isinstance(data, list) and data and isinstance(data[0], dict) else {}
        value = _meta(item.get("value"))
        title = _meta(entry.get("title"))
        href = _meta(item.get("href"))
        handle = value or title or _instagram_handle_from_link(href)
        handle = handle.strip().lstrip("@").lower()
        if not handle:
            parsed.unreadable.append(Unreadable(where, "the entry has no username (no value, title or profile link)"))
            continue
        parsed.connections.append(
            Connection("", handle, "instagram", where, _from_unix(item.get("timestamp")), url=href, lists=(lst,))
        )
    return parsed


def _parse_x(text: str, base: str) -> _Parsed:
    stripped = text.lstrip()
    if not stripped.startswith("window.YTD."):
        raise _NotThisFormat
    head, sep, body = stripped.partition("=")
    if not sep:
        raise _NotThisFormat
    lst = "following" if ".following." in head else "followers"
    parsed = _Parsed("x")
    try:
        doc = json.loads(body.strip().rstrip(";"))
    except json.JSONDecodeError as exc:
        parsed.unreadable.append(Unreadable(base, f"not valid JSON after '=' ({exc.msg} at line {exc.lineno})"))
        return parsed
    if not isinstance(doc, list):
        parsed.unreadable.append(Unreadable(base, "expected a list of accounts"))
        return parsed
    for i, entry in enumerate(doc):
        where = f"{base}[{i}]"
        inner = next(iter(entry.values()), None) if isinstance(entry, dict) and len(entry) == 1 else None
        if not isinstance(inner, dict):
            parsed.unreadable.append(Unreadable(where, 'expected {"follower"|"following": {...}}'))
            continue
        account = str(inner.get("accountId") or "").strip()
        link = str(inner.get("userLink") or "")
        if not account:
            match = re.search(r"user_id=(\d+)", link)
            account = match.group(1) if match else ""
        if not account:
            parsed.unreadable.append(Unreadable(where, "the entry has no account id"))
            continue
        parsed.connections.append(Connection("", account, "x", where, url=link, lists=(lst,)))
    return parsed


_LINKEDIN_DATES = ("%d %b %Y", "%d %B %Y", "%m/%d/%Y", "%Y-%m-%d", "%d/%m/%Y")


def _date_in(text: str, formats: Iterable[str]) -> datetime | None:
    text = " ".join(text.split())
    for fmt in formats:
        try:
            return datetime.strptime(text, fmt).replace(tzinfo=UTC)
        except ValueError:
            continue
    return None


def _parse_linkedin(text: str, base: str) -> _Parsed:
    rows = list(csv.reader(io.StringIO(text)))
    header_at = next(
        (i for i, row in enumerate(rows) if row and row[0].strip().lstrip("\ufeff").strip('"').lower() == "first name"),
        None,
    )
    if header_at is None:
        raise _NotThisFormat
    header = [h.strip().lower() for h in rows[header_at]]
    if "last name" not in header:
        raise _NotThisFormat
    col = {h: i for i, h in enumerate(header)}
    parsed = _Parsed("linkedin")
    if "url" not in col:
        parsed.notes.append("this LinkedIn export has no URL column: connections are matched by name and email only")

    def cell(row: list[str], column: str) -> str:
        i = col.get(column)
        return row[i].strip() if i is not None and i < len(row) else ""

    for offset, row in enumerate(rows[header_at + 1 :], start=header_at + 2):
        where = f"{base} line {offset}"
        if not any(c.strip() for c in row):
            if row:  # a row of empty cells: LinkedIn's mark of a deactivated profile
                parsed.unreadable.append(Unreadable(where, "blank row (a deactivated or hidden profile)"))
            continue
        first, last = cell(row, "first name"), cell(row, "last name")
        name = " ".join(f"{first} {last}".split())
        url = cell(row, "url")
        slug = re.search(r"linkedin\.com/in/([^/?#]+)", url)
        handle = slug.group(1).lower() if slug else ""
        email = cell(row, "email address").lower()
        if not name and not handle and not email:
            parsed.unreadable.append(Unreadable(where, "no name, profile URL or email"))
            continue
        when = _date_in(cell(row, "connected on"), _LINKEDIN_DATES)
        parsed.connections.append(
            Connection(name, handle, "linkedin", where, when, email=email, url=url, lists=("connections",))
        )
    return parsed


_TIKTOK_LISTS = (
    ("followers", (("Your Activity", "Follower", "FansList"), ("Activity", "Follower List", "FansList"),
                   ("Your Activity", "Follower List", "FansList"), ("Activity", "Follower", "FansList"))),
    ("following", (("Your Activity", "Following", "Following"), ("Activity", "Following List", "Following"),
                   ("Your Activity", "Following List", "Following"), ("Activity", "Following", "Following"))),
)  # fmt: skip


def _dig(doc: Any, path: tuple[str, ...]) -> tuple[bool, Any]:
    for key in path:
        if not isinstance(doc, dict) or key not in doc:
            return False, None
        doc = doc[key]
    return True, doc


def _parse_tiktok(doc: dict[str, Any], base: str) -> _Parsed:
    parsed = _Parsed("tiktok")
    for lst, paths in _TIKTOK_LISTS:
        for path in paths:
            present, entries = _dig(doc, path)
            if not present:
                continue
            label = f"{base}: {' > '.join(path)}"
            if entries is None:
                break  # TikTok writes null for an empty list
            if not isinstance(entries, list):
                parsed.unreadable.append(Unreadable(label, f"expected a list, got {type(entries).__name__}"))
                break
            for i, entry in enumerate(entries):
                where = f"{label}[{i}]"
                user = entry.get("UserName") if isinstance(entry, dict) else None
                if not isinstance(user, str) or not user.strip():
                    parsed.unreadable.append(Unreadable(where, "the entry has no UserName"))
                    continue
                when = _date_in(str(entry.get("Date") or ""), ("%Y-%m-%d %H:%M:%S",))
                parsed.connections.append(Connection("", user.strip().lstrip("@"), "tiktok", where, when, lists=(lst,)))
            break
    return parsed


def _parse_snapchat(doc: dict[str, Any], base: str) -> _Parsed:
    parsed = _Parsed("snapchat")
    entries = doc.get("Friends") or []
    for i, entry in enumerate(entries):
        where = f"{base}: Friends[{i}]"
        if not isinstance(entry, dict):
            parsed.unreadable.append(Unreadable(where, f"expected an object, got {type(entry).__name__}"))
            continue
        user = str(entry.get("Username") or "").strip()
        display = " ".join(str(entry.get("Display Name") or "").split())
        if not user and not display:
            parsed.unreadable.append(Unreadable(where, "the entry has no Username or Display Name"))
            continue
        stamp = str(entry.get("Creation Timestamp") or "").removesuffix(" UTC")
        when = _date_in(stamp, ("%Y-%m-%d %H:%M:%S",))
        parsed.connections.append(Connection(display, user, "snapchat", where, when, lists=("friends",)))
    return parsed


# ------------------------------------------------------------------------ Facebook HTML


_HTML_DATES = (
    "%b %d, %Y %I:%M:%S %p",
    "%b %d, %Y, %I:%M %p",
    "%b %d, %Y %I:%M %p",
    "%B %d, %Y",
    "%b %d, %Y",
    "%d %B %Y",
    "%d %b %Y",
    "%d %B %Y, %H:%M",
    "%d %b %Y, %H:%M",
    "%d %b %Y %H:%M:%S",
)


class _FriendsHTML(html.parser.HTMLParser):
    """Each <section> is a friend: the name is its <h2>, a date may follow in its text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.friends: list[tuple[str, list[str]]] = []
        self.section_depth = 0
        self.in_h2 = False
        self.h2: list[str] = []
        self.texts: list[str] = []
        self.name: str | None = None
        self.instagram_links = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "section":
            self.section_depth += 1
            if self.section_depth == 1:
                self.name, self.texts = None, []
        elif tag == "h2" and self.section_depth:
            self.in_h2, self.h2 = True, []
        elif tag == "a":
            href = dict(attrs).get("href") or ""
            if "instagram.com" in href:
                self.instagram_links += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "h2" and self.in_h2:
            self.in_h2 = False
            if self.name is None:
                self.name = " ".join("".join(self.h2).split())
        elif tag == "section" and self.section_depth:
            self.section_depth -= 1
            if self.section_depth == 0:
                self.friends.append((self.name or "", self.texts))

    def handle_data(self, data: str) -> None:
        if self.in_h2:
            self.h2.append(data)
        elif self.section_depth and data.strip():
            self.texts.append(data.strip())


def _parse_facebook_html(text: str, base: str) -> _Parsed:
    parser = _FriendsHTML()
    parser.feed(text)
    parser.close()
    if not parser.friends:
        is_friends_file = base.lower().startswith("your_friends")  # Snapchat also has a friends.html
        if parser.instagram_links or not is_friends_file:
            raise _NotThisFormat
        return _Parsed("facebook", notes=["the HTML friends page lists no friends"])
    parsed = _Parsed("facebook")
    for i, (name, texts) in enumerate(parser.friends):
        where = f"{base}: section {i + 1}"
        if not name:
            parsed.unreadable.append(Unreadable(where, "the section has no name heading (<h2>)"))
            continue
        when = next((d for t in texts if (d := _date_in(t, _HTML_DATES))), None)
        parsed.connections.append(Connection(name, "", "facebook", where, when, lists=("friends",)))
    return parsed


def platform_files() -> dict[str, tuple[str, ...]]:
    """Which files each platform's connections are read from (for documentation and the upload page)."""
    return {
        "facebook": ("your_friends.json", "friends.json", "your_friends.html"),
        "instagram": ("followers_1.json", "followers_2.json ...", "following.json", "followers.json"),
        "x": ("follower.js", "following.js"),
        "linkedin": ("Connections.csv",),
        "tiktok": ("user_data_tiktok.json", "user_data.json"),
        "snapchat": ("friends.json",),
    }
