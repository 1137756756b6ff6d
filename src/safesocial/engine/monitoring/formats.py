"""The log formats of FORMATS.md section 3: grammars, sniffing and the reference line parsers.

Each format has a full-line *grammar* (a regular expression in the subset that Python's ``re`` and
the Rust ``regex`` crate behind Polars read the same way: explicit spaces and ASCII classes, no
``\\s`` or ``\\d``). A line that does not match its file's grammar is *malformed*: counted and
sampled, never fatal. The reference parsers below are hand-written tokenisers that accept exactly
the grammar; the columnar path (``fast.py``) uses the grammar itself, and the test suite checks
that both agree line for line.

Timestamps are decoded only for lines that reach a platform (the only ones that need one); a
line whose timestamp cannot be decoded then counts as malformed. Both paths do the same.

Formats:

``squid``      Squid native ``access.log``: ``time.ms elapsed client code/status bytes method URL
               user hierarchy/peer type``; runs of spaces separate fields (``elapsed`` is right-
               aligned); time is Unix seconds (UTC).
``common``     ``client ident user [dd/Mon/yyyy:HH:MM:SS +zzzz] "METHOD URL HTTP/x" status bytes``,
               optionally followed by Squid's ``TAG:HIERARCHY``.
``combined``   common plus ``"referer" "user-agent"`` (then anything, e.g. Squid's tag).
``fortigate``  FortiGate ``key=value`` records (values quoted when they contain spaces, ``\\"``
               escapes inside quotes), optionally after a syslog header; only web filter records
               (``subtype="webfilter"``) are judged; a repeated key keeps its first value.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from .errors import LogFormatError

FORMATS: tuple[str, ...] = ("squid", "common", "combined", "fortigate")

# ---------------------------------------------------------------------------------------- grammars
_Q = r'"(?:[^"\\]|\\.)*"'  # a quoted string with backslash escapes
_CLF_TIME = r"\[[0-9]{2}/[A-Za-z]{3}/[0-9]{4}:[0-9]{2}:[0-9]{2}:[0-9]{2} [+-][0-9]{4}\]"
_CLF_PREFIX = r"^[^ ]+ [^ ]+ [^ ]+ " + _CLF_TIME + " " + _Q + r" (?:[0-9]{3}|-) (?:[0-9]+|-)"
_KV = r'[A-Za-z0-9_.-]+=(?:"(?:[^"\\]|\\.)*"|[^ "]*)'

GRAMMAR: dict[str, str] = {
    "squid": (
        r"^ *[0-9]+(?:\.[0-9]+)? +-?[0-9]+ +[^ ]+ +[A-Za-z_]+/[0-9]+ +[0-9]+ +[^ ]+ +[^ ]+ +[^ ]+ +[^ ]+ +[^ ]+(?: .*)?$"
    ),
    "common": _CLF_PREFIX + r"(?: [A-Z_]+:[A-Za-z_]+)?$",
    "combined": _CLF_PREFIX + " " + _Q + " " + _Q + r"(?: .*)?$",
    "fortigate": r'^(?:<[0-9]+>)?(?:[^="]* )?' + _KV + r"(?: +" + _KV + r")* *$",
}
# Field extraction for lines that passed the grammar (used by the columnar path on candidates).
FIELDS: dict[str, str] = {
    # time seconds, client, code tag, method, url, user
    "squid": r"^ *([0-9]+)(?:\.[0-9]+)? +-?[0-9]+ +([^ ]+) +([A-Za-z_]+)/([0-9]+) +[0-9]+ +([^ ]+) +([^ ]+) +([^ ]+)",
    # client, user, time, method, url, status, optional squid tag
    "clf": r'^([^ ]+) [^ ]+ ([^ ]+) \[([^\]]+)\] "(?:([A-Za-z]+) ([^ "\\]+))?(?:[^"\\]|\\.)*" ([0-9]{3}|-) ',
}
KV_TOKEN = _KV
# Host of a URL: optional scheme, optional userinfo (up to the last '@'), then an IPv6 literal in
# brackets or a name up to ':' (port), '/', '?' or '#'.
HOST_OF_URL = r"^(?:[A-Za-z][A-Za-z0-9+.-]*://)?(?:[^/?#]*@)?(?:\[([^\]/?#]*)|([^:/?#]*))"
SQUID_TAG_TAIL = r" ([A-Z_]+):[A-Za-z_]+$"

_COMPILED = {name: re.compile(rx) for name, rx in GRAMMAR.items()}
_HOST_RX = re.compile(HOST_OF_URL)
_REQ_RX = re.compile(r'^([A-Za-z]+) ([^ "\\]+)')
_FORTI_HALLMARK = re.compile(r"(?:^|[ >])(?:devname|devid|logid|subtype)=")

MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_abbr) if m}
MAX_EPOCH = 253_402_300_799  # 9999-12-31T23:59:59Z


@dataclass(frozen=True, slots=True)
class LineFields:
    """What a reference parser takes from one valid line. ``when`` is raw and decoded lazily."""

    client: str | None
    user: str | None
    host: str | None
    blocked: bool
    when: tuple[str | None, ...]
    web: bool = True  # False for FortiGate records that are not web filter records


# ---------------------------------------------------------------------------------------- helpers
def host_of_url(url: str | None) -> str | None:
    """'https://u@WWW.Facebook.com:443/x' -> 'www.facebook.com'; 'host:443' -> 'host'; '/path' -> None."""
    if not url:
        return None
    m = _HOST_RX.match(url)
    if m is None:  # pragma: no cover - the pattern matches every string
        return None
    host = m.group(1) if m.group(1) is not None else m.group(2)
    host = host.lower().rstrip(".")
    return host or None


def _is_digits(s: str) -> bool:
    return bool(s) and all("0" <= c <= "9" for c in s)


_TAG = re.compile(r"[A-Za-z_]+/[0-9]+")
_NUM = re.compile(r"[0-9]+(?:\.[0-9]+)?")
_INT = re.compile(r"-?[0-9]+")


def _scan_quoted(line: str, i: int) -> int:
    """line[i] == '"': index just past the closing quote, or -1 if unterminated."""
    n = len(line)
    j = i + 1
    while j < n:
        c = line[j]
        if c == "\\":
            if j + 1 >= n:
                return -1
            j += 2
            continue
        if c == '"':
            return j + 1
        j += 1
    return -1


# ---------------------------------------------------------------------------------------- squid
def parse_squid(line: str) -> LineFields | None:
    tokens = [t for t in line.split(" ") if t]
    if len(tokens) < 10 or line[0] not in " 0123456789":
        return None
    ts, elapsed, client, code, size, _method, url, user = tokens[:8]
    if not (_NUM.fullmatch(ts) and _INT.fullmatch(elapsed) and _TAG.fullmatch(code) and _is_digits(size)):
        return None
    tag = code.split("/", 1)[0]
    return LineFields(
        client=client,
        user=user,
        host=host_of_url(url),
        blocked=tag.upper().startswith("TCP_DENIED"),
        when=(ts.split(".", 1)[0],),
    )


def squid_time(when: tuple[str | None, ...], zone: ZoneInfo | None = None) -> int | None:
    raw = when[0]
    if raw is None or len(raw) > 12:
        return None
    value = int(raw)
    return value if value <= MAX_EPOCH else None


# ---------------------------------------------------------------------------------------- common / combined
_CLF_TIME_FULL = re.compile(r"[0-9]{2}/[A-Za-z]{3}/[0-9]{4}:[0-9]{2}:[0-9]{2}:[0-9]{2} [+-][0-9]{4}")
_STATUS = re.compile(r"[0-9]{3}|-")
_BYTES = re.compile(r"[0-9]+|-")
_SQUID_TAG = re.compile(r"[A-Z_]+:[A-Za-z_]+")


def _parse_clf(line: str, combined: bool) -> LineFields | None:
    parts = line.split(" ", 3)
    if len(parts) < 4 or not all(parts[:3]):
        return None
    client, _ident, user, rest = parts
    if len(rest) < 30 or rest[0] != "[" or rest[27] != "]" or rest[28] != " " or rest[29] != '"':
        return None
    stamp = rest[1:27]
    if not _CLF_TIME_FULL.fullmatch(stamp):
        return None
    end = _scan_quoted(rest, 29)
    if end < 0:
        return None
    request = rest[30 : end - 1]
    tail = rest[end:]
    if not tail.startswith(" "):
        return None
    bits = tail[1:].split(" ", 2)
    if len(bits) < 2 or not _STATUS.fullmatch(bits[0]):
        return None
    status = bits[0]
    if combined:
        if not _BYTES.fullmatch(bits[1]) or len(bits) < 3:
            return None
        after = bits[2]
        if not after.startswith('"'):
            return None
        e1 = _scan_quoted(after, 0)
        if e1 < 0 or after[e1 : e1 + 2] != ' "':
            return None
        e2 = _scan_quoted(after, e1 + 1)
        if e2 < 0:
            return None
        extra = after[e2:]
        if extra and not extra.startswith(" "):
            return None
        m = re.search(SQUID_TAG_TAIL, extra) if extra else None
        tag = m.group(1) if m else None
    else:
        if not _BYTES.fullmatch(bits[1]):
            return None
        tag = None
        if len(bits) == 3:
            if not _SQUID_TAG.fullmatch(bits[2]):
                return None
            tag = bits[2].split(":", 1)[0]
    rq = _REQ_RX.match(request)
    url = rq.group(2) if rq else None
    if tag is not None:
        blocked = tag.startswith("TCP_DENIED")
    else:
        blocked = status in ("403", "407")
    return LineFields(client=client, user=user, host=host_of_url(url), blocked=blocked, when=(stamp,))


def parse_common(line: str) -> LineFields | None:
    return _parse_clf(line, combined=False)


def parse_combined(line: str) -> LineFields | None:
    return _parse_clf(line, combined=True)


def days_from_civil(y: int, m: int, d: int) -> int:
    """Days since 1970-01-01 (proleptic Gregorian), Howard Hinnant's algorithm."""
    y -= m <= 2
    era = (y if y >= 0 else y - 399) // 400
    yoe = y - era * 400
    doy = (153 * (m + (-3 if m > 2 else 9)) + 2) // 5 + d - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - 719468


def _valid_civil(y: int, m: int, d: int, hh: int, mm: int, ss: int) -> bool:
    if not (1 <= m <= 12 and 1970 <= y <= 9999 and hh <= 23 and mm <= 59 and ss <= 59):
        return False
    return 1 <= d <= calendar.monthrange(y, m)[1]


def clf_time(when: tuple[str | None, ...], zone: ZoneInfo | None = None) -> int | None:
    s = when[0]
    if s is None:
        return None
    month = MONTHS.get(s[3:6].lower())
    if month is None:
        return None
    y, d, hh, mm, ss = int(s[7:11]), int(s[0:2]), int(s[12:14]), int(s[15:17]), int(s[18:20])
    oh, om = int(s[22:24]), int(s[24:26])
    if not _valid_civil(y, month, d, hh, mm, ss) or oh > 23 or om > 59:
        return None
    offset = (oh * 3600 + om * 60) * (-1 if s[21] == "-" else 1)
    return days_from_civil(y, month, d) * 86400 + hh * 3600 + mm * 60 + ss - offset


# ---------------------------------------------------------------------------------------- fortigate
_KEY = re.compile(r"[A-Za-z0-9_.-]+")
_PRI = re.compile(r"<[0-9]+>")


def fortigate_pairs(line: str) -> dict[str, str] | None:
    """key -> raw value (quotes removed, escapes kept), first occurrence of each key; None if invalid."""
    start = 0
    m = _PRI.match(line)
    if m:
        start = m.end()
    eq = line.find("=", start)
    if eq < 0:
        return None
    key_start = line.rfind(" ", start, eq) + 1 or start
    if key_start < start:
        key_start = start
    if '"' in line[start:key_start]:
        return None
    pairs: dict[str, str] = {}
    i, n = key_start, len(line)
    while True:
        eq = line.find("=", i)
        if eq < 0:
            return None
        key = line[i:eq]
        if not _KEY.fullmatch(key):
            return None
        j = eq + 1
        if j < n and line[j] == '"':
            end = _scan_quoted(line, j)
            if end < 0:
                return None
            value = line[j + 1 : end - 1]
        else:
            end = j
            while end < n and line[end] not in ' "':
                end += 1
            if end < n and line[end] == '"':
                return None
            value = line[j:end]
        pairs.setdefault(key, value)
        if end >= n:
            return pairs
        if line[end] != " ":
            return None
        k = end
        while k < n and line[k] == " ":
            k += 1
        if k >= n:
            return pairs
        i = k


_BLOCKED_ACTIONS = frozenset({"blocked", "block", "deny", "denied"})


def parse_fortigate(line: str) -> LineFields | None:
    pairs = fortigate_pairs(line)
    if pairs is None:
        return None
    if pairs.get("subtype") != "webfilter":
        return LineFields(None, None, None, False, (), web=False)
    host = pairs.get("hostname") or None
    host = host_of_url(host) if host else host_of_url(pairs.get("url"))
    user = pairs.get("user") or pairs.get("unauthuser") or None
    return LineFields(
        client=pairs.get("srcip") or None,
        user=user,
        host=host,
        blocked=pairs.get("action", "").lower() in _BLOCKED_ACTIONS,
        when=(pairs.get("eventtime"), pairs.get("date"), pairs.get("time"), pairs.get("tz")),
    )


_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
_TIME = re.compile(r"([0-9]{2}):([0-9]{2}):([0-9]{2})")
_TZ = re.compile(r"([+-])([0-9]{2}):?([0-9]{2})")


def eventtime_seconds(raw: str) -> int | None:
    """FortiGate eventtime: seconds (<=10 digits), ms (13), µs (16) or ns (19)."""
    if not _is_digits(raw) or len(raw) > 19:
        return None
    digits = len(raw)
    scale = 0 if digits <= 10 else (3 if digits <= 13 else (6 if digits <= 16 else 9))
    value = int(raw) // 10**scale
    return value if value <= MAX_EPOCH else None


def fortigate_time(when: tuple[str | None, ...], zone: ZoneInfo | None = None) -> int | None:
    eventtime, day, clock, tz = when
    if eventtime:
        return eventtime_seconds(eventtime)
    dm = _DATE.fullmatch(day or "")
    tm = _TIME.fullmatch(clock or "")
    if dm is None or tm is None:
        return None
    y, m, d = (int(x) for x in dm.groups())
    hh, mm, ss = (int(x) for x in tm.groups())
    if not _valid_civil(y, m, d, hh, mm, ss):
        return None
    local = days_from_civil(y, m, d) * 86400 + hh * 3600 + mm * 60 + ss
    zm = _TZ.fullmatch(tz or "")
    if zm is not None and int(zm.group(2)) <= 23 and int(zm.group(3)) <= 59:
        offset = (int(zm.group(2)) * 3600 + int(zm.group(3)) * 60) * (-1 if zm.group(1) == "-" else 1)
        return local - offset
    return local - local_offset(local, zone)


def local_offset(local_epoch: int, zone: ZoneInfo | None) -> int:
    """UTC offset (seconds) of a local wall-clock time in zone (first of two at a clock change)."""
    if zone is None:
        return 0
    naive = datetime.fromtimestamp(local_epoch, tz=UTC).replace(tzinfo=None)
    off = naive.replace(tzinfo=zone).utcoffset()
    return int(off.total_seconds()) if off is not None else 0


PARSERS: dict[str, Callable[[str], LineFields | None]] = {
    "squid": parse_squid,
    "common": parse_common,
    "combined": parse_combined,
    "fortigate": parse_fortigate,
}
TIME_DECODERS: dict[str, Callable[[tuple[str | None, ...], ZoneInfo | None], int | None]] = {
    "squid": squid_time,
    "common": clf_time,
    "combined": clf_time,
    "fortigate": fortigate_time,
}


# ---------------------------------------------------------------------------------------- sniffing
SNIFF_ORDER: tuple[str, ...] = ("combined", "common", "squid", "fortigate")


def sniff(lines: Iterable[str], *, where: str | None = None) -> str | None:
    """The format most of the sample lines follow (None when there are no lines), or E501."""
    sample = [ln for ln in lines if ln][:200]
    if not sample:
        return None
    counts = {fmt: sum(1 for ln in sample if _COMPILED[fmt].match(ln)) for fmt in SNIFF_ORDER}
    if not any(_FORTI_HALLMARK.search(ln) for ln in sample):
        counts["fortigate"] = 0
    best = max(SNIFF_ORDER, key=lambda f: (counts[f], -SNIFF_ORDER.index(f)))
    if counts[best] * 2 >= len(sample) and counts[best] > 0:
        return best
    first = sample[0]
    shown = first if len(first) <= 120 else first[:117] + "..."
    raise LogFormatError(
        f"unknown log format: none of {', '.join(FORMATS)} fits most of the first {len(sample)} lines "
        f"(best: {best}, {counts[best]} lines); the first line is {shown!r}",
        code="E501",
        where=where,
    )


def matches_grammar(fmt: str, line: str) -> bool:
    return _COMPILED[fmt].match(line) is not None
