"""Log formats: the real-format fixtures parse correctly with both engines, the grammars and the
reference tokenisers agree line by line, and sniffing picks the right format."""

from __future__ import annotations

import re

import pytest

from safesocial.engine.errors import LogFormatError
from safesocial.engine.monitoring import PlatformList, ScanOptions, scan_file
from safesocial.engine.monitoring.formats import (
    GRAMMAR,
    PARSERS,
    eventtime_seconds,
    fortigate_pairs,
    host_of_url,
    parse_fortigate,
    parse_squid,
    sniff,
)
from safesocial.engine.monitoring.reader import split_lines

from .conftest import FIXTURES, LOGS


@pytest.mark.parametrize("name", sorted(FIXTURES))
def test_fixture_is_read_in_its_format_with_lines_and_malformed_counted(name: str, engine: str) -> None:
    fmt, lines, malformed = FIXTURES[name]
    # when
    partial = scan_file(LOGS / name, ScanOptions(engine=engine, tz="Europe/London"))
    # then
    stats = partial.files[0]
    assert (stats.format, stats.lines_read, stats.malformed) == (fmt, lines, malformed)
    assert stats.compression == ("gzip" if name.endswith(".gz") else "none")
    assert len(stats.samples) == malformed


@pytest.mark.parametrize("name", sorted(FIXTURES))
def test_both_engines_count_every_fixture_identically(name: str) -> None:
    opts = {"tz": "Europe/London"}
    python = scan_file(LOGS / name, ScanOptions(engine="python", **opts))
    polars = scan_file(LOGS / name, ScanOptions(engine="polars", **opts))
    assert dict(python.counts) == dict(polars.counts)
    assert python.files[0].samples == polars.files[0].samples


def _lines(name: str) -> list[str]:
    return [ln for ln in split_lines((LOGS / name).read_bytes()) if ln]


@pytest.mark.parametrize("name", ["squid_native.log", "squid_common.log", "combined.log", "fortigate.log"])
def test_reference_tokeniser_accepts_exactly_the_grammar(name: str) -> None:
    fmt = FIXTURES[name][0]
    rx = re.compile(GRAMMAR[fmt])
    for line in _lines(name):
        assert (PARSERS[fmt](line) is not None) == (rx.match(line) is not None), line


# ------------------------------------------------------------------------------ squid native
def test_squid_right_aligned_elapsed_and_ipv6_client() -> None:
    padded = "1743153301.950     87 2001:db8:10::1a TCP_TUNNEL/200 190233 CONNECT scontent.cdninstagram.com:443 jsmith HIER_DIRECT/1.2.3.4 -"
    wide = (
        "1743407100.777 1234567 10.10.0.44 TCP_TUNNEL/200 8844120 CONNECT www.youtube.com:443 - HIER_DIRECT/1.2.3.4 -"
    )
    for line in (padded, wide):
        f = parse_squid(line)
        assert f is not None
    p, w = parse_squid(padded), parse_squid(wide)
    assert p is not None and w is not None
    assert (p.client, p.user, p.host, p.when) == (
        "2001:db8:10::1a",
        "jsmith",
        "scontent.cdninstagram.com",
        ("1743153301",),
    )
    assert (w.client, w.user, w.host) == ("10.10.0.44", "-", "www.youtube.com")


@pytest.mark.parametrize(
    ("code", "blocked"),
    [
        ("TCP_DENIED/407", True),
        ("TCP_DENIED/403", True),
        ("TCP_DENIED_REPLY/403", True),
        ("TCP_MISS/200", False),
        ("NONE_NONE/000", False),
    ],
)
def test_squid_denials_are_blocked_not_use(code: str, blocked: bool) -> None:
    f = parse_squid(f"1743153300.000 5 10.0.0.1 {code} 10 CONNECT www.facebook.com:443 - HIER_NONE/- -")
    assert f is not None and f.blocked is blocked


@pytest.mark.parametrize(
    "line",
    [
        "1743153300.000 5 10.0.0.1 TCP_MISS/200 10 GET http://www.facebook.com/ - HIER_NONE/-",  # 9 fields
        "x1743153300.000 5 10.0.0.1 TCP_MISS/200 10 GET http://a/ - HIER_NONE/- -",
        "1743153300.000 five 10.0.0.1 TCP_MISS/200 10 GET http://a/ - HIER_NONE/- -",
        "1743153300.000 5 10.0.0.1 TCP_MISS 10 GET http://a/ - HIER_NONE/- -",
        "1743153300.000 5 10.0.0.1 TCP_MISS/200 ten GET http://a/ - HIER_NONE/- -",
    ],
)
def test_squid_near_misses_are_malformed(line: str) -> None:
    assert parse_squid(line) is None
    assert re.match(GRAMMAR["squid"], line) is None


# ------------------------------------------------------------------------------ hosts
@pytest.mark.parametrize(
    ("url", "host"),
    [
        ("www.facebook.com:443", "www.facebook.com"),
        ("https://www.facebook.com/groups/x?y=1", "www.facebook.com"),
        ("http://user:secret@x.com./home?lang=en", "x.com"),
        ("HTTP://WWW.YOUTUBE.COM:80/watch", "www.youtube.com"),
        ("http://[2001:db8::1]:8080/status", "2001:db8::1"),
        ("[2001:db8::1]:443", "2001:db8::1"),
        ("/relative/path", None),
        ("-", "-"),
        ("http://a.example/redirect?to=http://www.facebook.com/", "a.example"),
        ("www.tiktok.com#frag", "www.tiktok.com"),
    ],
)
def test_host_of_url(url: str, host: str | None) -> None:
    assert host_of_url(url) == host


# ------------------------------------------------------------------------------ fortigate
def test_fortigate_quoted_values_with_spaces_and_first_of_repeated_keys() -> None:
    line = (
        'date=2025-03-28 time=13:00:00 srcintf="staff lan" msg="Referred from hostname=www.facebook.com by a button" '
        'hostname="news.example.org" hostname="www.facebook.com" user="Jane Smith" subtype="webfilter"'
    )
    pairs = fortigate_pairs(line)
    assert pairs is not None
    assert pairs["srcintf"] == "staff lan"
    assert pairs["hostname"] == "news.example.org"
    assert pairs["user"] == "Jane Smith"
    f = parse_fortigate(line)
    assert f is not None and f.host == "news.example.org" and f.user == "Jane Smith"


def test_fortigate_syslog_headers_and_escaped_quotes() -> None:
    for prefix in ("<189>", "Mar 28 09:15:01 fw01.school.example ", "<189>Mar 28 09:15:01 fw01 "):
        pairs = fortigate_pairs(prefix + 'date=2025-03-28 msg="a \\"quoted\\" word" subtype=webfilter')
        assert pairs is not None, prefix
        assert pairs["msg"] == 'a \\"quoted\\" word'


@pytest.mark.parametrize(
    "line",
    ['date=2025-03-28 msg="unterminated', 'date=2025-03-28 msg="a"b', "no pairs here at all", 'x="a" y=b"c'],
)
def test_fortigate_near_misses_are_malformed(line: str) -> None:
    assert fortigate_pairs(line) is None
    assert re.match(GRAMMAR["fortigate"], line) is None


def test_fortigate_non_web_filter_records_are_not_judged() -> None:
    f = parse_fortigate('date=2025-03-28 type="traffic" subtype="forward" hostname="www.facebook.com"')
    assert f is not None and f.web is False


@pytest.mark.parametrize(
    ("raw", "seconds"),
    [
        ("1743153300", 1743153300),
        ("1743153300123", 1743153300),
        ("1743153300123456", 1743153300),
        ("1743153300123456789", 1743153300),
        ("17431533OO", None),
        ("17431533001234567890", None),
    ],
)
def test_fortigate_eventtime_in_seconds_to_nanoseconds(raw: str, seconds: int | None) -> None:
    assert eventtime_seconds(raw) == seconds


# ------------------------------------------------------------------------------ sniffing
@pytest.mark.parametrize("name", ["squid_native.log", "squid_common.log", "combined.log", "fortigate.log"])
def test_sniff_names_each_fixture_format(name: str) -> None:
    assert sniff(_lines(name)) == FIXTURES[name][0]


def test_sniff_refuses_an_unknown_format_and_quotes_its_first_line() -> None:
    with pytest.raises(LogFormatError) as err:
        sniff(_lines("unknown_format.log"), where="unknown_format.log")
    assert err.value.code == "E501"
    assert '{"ts": "2025-03-28T09:15:00Z"' in err.value.message


def test_sniff_wants_fortigate_hallmarks_not_any_key_value_log() -> None:
    logfmt = ['level=info msg="started" port=8080', 'level=warn msg="slow request" ms=1200']
    with pytest.raises(LogFormatError):
        sniff(logfmt)


def test_builtin_platform_list_classifies_fixture_hosts() -> None:
    plist = PlatformList.builtin()
    assert plist.classify("scontent-lhr8-1.cdninstagram.com") == "instagram"
    assert plist.classify("news.example.org") is None
