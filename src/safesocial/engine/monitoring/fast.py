"""The columnar scanner: one chunk of log lines at a time through Polars (Rust, vectorised).

Per chunk:

1. the bytes become a one-column frame (Polars' CSV reader with a separator that cannot occur:
   every line is one string; blank lines are null);
2. every line is checked against its format's grammar (malformed = not matching);
3. a literal search for the platform domains picks the few lines that can reach a platform;
4. only those are split into fields, their hosts classified (each distinct host once, in Python,
   cached for the whole run), their timestamps decoded, and they are counted per
   (platform, minute, equipment, person, blocked).

The reference parsers in ``formats.py`` define the result; ``tests/engine/monitoring`` checks that
this path gives the same counts on every fixture and on synthetic logs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

import polars as pl

from .formats import FIELDS, GRAMMAR, KV_TOKEN, MAX_EPOCH, MONTHS, SQUID_TAG_TAIL, host_of_url, local_offset
from .network import Attribution, Network
from .platforms import PlatformList

CountRow = tuple[str, int, str, str, bool, int]


@dataclass
class FastContext:
    """What the scanner needs for a run; the host cache lives as long as the context."""

    platforms: PlatformList
    network: Network
    attribution: Attribution | None
    zone: ZoneInfo | None
    host_cache: dict[str, str | None] = field(default_factory=dict)
    literal_rx: str = ""

    def __post_init__(self) -> None:
        literals = sorted(self.platforms.literals(), key=len, reverse=True)
        # A superset of the lines whose host reaches a platform: a listed domain, bounded the way a
        # host is bounded in a URL, a CONNECT target or a FortiGate hostname, in any letter case.
        alternatives = "|".join(re.escape(d) for d in literals)
        self.literal_rx = f'(?i)(?:^|[./ @"=])(?:{alternatives})(?:[:/ ?#".]|$)' if literals else ""

    @property
    def keeps_identity(self) -> bool:
        return self.network.configured or self.attribution is not None


@dataclass(frozen=True)
class ChunkResult:
    lines_read: int
    malformed: int
    excluded: int
    counts: list[CountRow]
    samples: list[tuple[int, str]] = field(default_factory=list)  # (0-based line offset in the chunk, text)
    rows: int = 0  # physical lines in the chunk (blank ones included)


def frame(chunk: bytes) -> pl.DataFrame:
    if b"\x1f" in chunk:  # the separator we give the reader must not occur in the data
        chunk = chunk.replace(b"\x1f", b"\x1e")
    return pl.read_csv(
        chunk,
        has_header=False,
        separator="\x1f",
        quote_char=None,
        schema={"line": pl.String},
        encoding="utf8-lossy",
        truncate_ragged_lines=True,
    )


def _days_in_month(y: pl.Expr, m: pl.Expr) -> pl.Expr:
    leap = ((y % 4 == 0) & (y % 100 != 0)) | (y % 400 == 0)
    return (
        pl.when(m == 2).then(pl.when(leap).then(29).otherwise(28)).when(m.is_in([4, 6, 9, 11])).then(30).otherwise(31)
    )


def _civil(y: pl.Expr, m: pl.Expr, d: pl.Expr, hh: pl.Expr, mi: pl.Expr, ss: pl.Expr) -> tuple[pl.Expr, pl.Expr]:
    """(seconds since the epoch of that wall-clock time read as UTC, validity)."""
    valid = (
        m.is_between(1, 12)
        & y.is_between(1970, 9999)
        & (hh <= 23)
        & (mi <= 59)
        & (ss <= 59)
        & (d >= 1)
        & (d <= _days_in_month(y, m))
    )
    y2 = y - (m <= 2).cast(pl.Int64)
    era = y2 // 400
    yoe = y2 - era * 400
    doy = (153 * (m + pl.when(m > 2).then(-3).otherwise(9)) + 2) // 5 + d - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    days = era * 146097 + doe - 719468
    return days * 86400 + hh * 3600 + mi * 60 + ss, valid


def _int(expr: pl.Expr) -> pl.Expr:
    return expr.cast(pl.Int64, strict=False)


def _squid(sub: pl.DataFrame) -> pl.DataFrame:
    g = pl.col("line").str.extract_groups(FIELDS["squid"])
    df = sub.select("n", g.alias("g")).unnest("g")
    secs = pl.col("1")
    ts = pl.when(secs.str.len_bytes() <= 12).then(_int(secs))
    return df.select(
        "n",
        client=pl.col("2"),
        user=pl.col("7"),
        url=pl.col("6"),
        blocked=pl.col("3").str.to_uppercase().str.starts_with("TCP_DENIED"),
        ts=pl.when(ts <= MAX_EPOCH).then(ts),
        needs_zone=pl.lit(False),
    )


def _clf(sub: pl.DataFrame) -> pl.DataFrame:
    g = pl.col("line").str.extract_groups(FIELDS["clf"])
    tag = pl.col("line").str.extract(SQUID_TAG_TAIL, 1)
    df = sub.select("n", g.alias("g"), tag.alias("tag")).unnest("g")
    s = pl.col("3")
    month = s.str.slice(3, 3).str.to_lowercase().replace_strict(MONTHS, default=None, return_dtype=pl.Int64)
    y, d = _int(s.str.slice(7, 4)), _int(s.str.slice(0, 2))
    hh, mi, ss = _int(s.str.slice(12, 2)), _int(s.str.slice(15, 2)), _int(s.str.slice(18, 2))
    oh, om = _int(s.str.slice(22, 2)), _int(s.str.slice(24, 2))
    local, valid = _civil(y, month, d, hh, mi, ss)
    sign = pl.when(s.str.slice(21, 1) == "-").then(-1).otherwise(1)
    ts = local - sign * (oh * 3600 + om * 60)
    ok = month.is_not_null() & valid & (oh <= 23) & (om <= 59)
    blocked = (
        pl.when(pl.col("tag").is_not_null())
        .then(pl.col("tag").str.starts_with("TCP_DENIED"))
        .otherwise(pl.col("6").is_in(["403", "407"]))
    )
    return df.select(
        "n",
        client=pl.col("1"),
        user=pl.col("2"),
        url=pl.col("5"),
        blocked=blocked,
        ts=pl.when(ok).then(ts),
        needs_zone=pl.lit(False),
    )


_FORTI_KEYS = ("subtype", "hostname", "url", "user", "unauthuser", "srcip", "action", "eventtime", "date", "time", "tz")


def _fortigate(sub: pl.DataFrame) -> pl.DataFrame:
    # On a line that passed the grammar, the successive matches of one key=value token are exactly
    # its pairs in order (quoted values are consumed whole), so the first token with a key is the
    # key's first value, as in the reference tokeniser.
    e = pl.element()
    kv = sub.select("n", pl.col("line").str.extract_all(KV_TOKEN).alias("kv"))
    raw = {key: pl.col("kv").list.eval(e.filter(e.str.starts_with(key + "="))).list.first() for key in _FORTI_KEYS}
    wide = kv.select(
        "n",
        *[
            pl.when(v.str.slice(len(k) + 1, 1) == '"')
            .then(v.str.slice(len(k) + 2, v.str.len_chars() - len(k) - 3))
            .otherwise(v.str.slice(len(k) + 1))
            .alias(k)
            for k, v in raw.items()
        ],
    )

    def nonempty(name: str) -> pl.Expr:
        c = pl.col(name)
        return pl.when(c == "").then(None).otherwise(c)

    wide = wide.filter(pl.col("subtype") == "webfilter")
    et = nonempty("eventtime")
    digits = et.str.len_bytes()
    scale = pl.when(digits <= 10).then(0).when(digits <= 13).then(3).when(digits <= 16).then(6).otherwise(9)
    et_secs = _int(et.str.slice(0, digits - scale))
    et_ok = et.str.contains(r"^[0-9]{1,19}$")
    et_ts = pl.when(et_ok & (et_secs <= MAX_EPOCH)).then(et_secs)

    date_ok = pl.col("date").str.contains(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$") & pl.col("time").str.contains(
        r"^[0-9]{2}:[0-9]{2}:[0-9]{2}$"
    )
    dd, tt = pl.col("date"), pl.col("time")
    local, valid = _civil(
        _int(dd.str.slice(0, 4)),
        _int(dd.str.slice(5, 2)),
        _int(dd.str.slice(8, 2)),
        _int(tt.str.slice(0, 2)),
        _int(tt.str.slice(3, 2)),
        _int(tt.str.slice(6, 2)),
    )
    tz = pl.col("tz").str.extract_groups(r"^([+-])([0-9]{2}):?([0-9]{2})$")
    th, tm = _int(tz.struct.field("2")), _int(tz.struct.field("3"))
    tz_ok = th.is_not_null() & (th <= 23) & (tm <= 59)
    sign = pl.when(tz.struct.field("1") == "-").then(-1).otherwise(1)
    local_ok = date_ok.fill_null(False) & valid.fill_null(False)
    has_et = et.is_not_null()
    ts = (
        pl.when(has_et)
        .then(et_ts)
        .when(local_ok & tz_ok.fill_null(False))
        .then(local - sign * (th * 3600 + tm * 60))
        .when(local_ok)
        .then(local)
    )
    needs_zone = ~has_et & local_ok & ~tz_ok.fill_null(False)
    action = pl.col("action").str.to_lowercase()
    return wide.select(
        "n",
        client=nonempty("srcip"),
        user=pl.coalesce(nonempty("user"), nonempty("unauthuser")),
        url=pl.coalesce(nonempty("hostname"), pl.col("url")),
        blocked=action.is_in(["blocked", "block", "deny", "denied"]).fill_null(False),
        ts=ts,
        needs_zone=needs_zone,
    )


_EXTRACT = {"squid": _squid, "common": _clf, "combined": _clf, "fortigate": _fortigate}


def scan_chunk(chunk: bytes, fmt: str, ctx: FastContext, *, want_samples: int = 0) -> ChunkResult:
    df = frame(chunk)
    physical = df.height
    df = df.with_row_index("n").filter(pl.col("line").is_not_null())
    lines_read = df.height
    if lines_read == 0:
        return ChunkResult(0, 0, 0, [], rows=physical)
    line = pl.col("line")
    df = df.with_columns(
        valid=line.str.contains(GRAMMAR[fmt]),
        cand=line.str.contains(ctx.literal_rx) if ctx.literal_rx else pl.lit(False),
    )
    malformed = lines_read - int(df["valid"].sum())
    bad_rows = (
        df.filter(~pl.col("valid")).head(want_samples).select("n", "line") if malformed and want_samples else None
    )
    sub = df.filter(pl.col("valid") & pl.col("cand")).select("n", "line")
    counts: list[CountRow] = []
    excluded = 0
    bad_time_rows = None
    if sub.height:
        fields = _EXTRACT[fmt](sub)
        # Each distinct URL once: its host (the reference function), then the host's platform (cached).
        cache = ctx.host_cache
        mapping = {}
        for url in fields.get_column("url").drop_nulls().unique().to_list():
            host = host_of_url(url)
            if host is None:
                continue
            platform = cache.get(host, "?")
            if platform == "?":
                platform = cache[host] = ctx.platforms.classify(host)
            if platform is not None:
                mapping[url] = platform
        if mapping:
            hits = fields.with_columns(
                platform=pl.col("url").replace_strict(mapping, default=None, return_dtype=pl.String)
            ).filter(pl.col("platform").is_not_null())
            if ctx.zone is not None and fmt == "fortigate" and bool(hits["needs_zone"].any()):
                hits = _apply_zone(hits, ctx.zone)
            bad_time = int(hits["ts"].null_count())
            if bad_time:
                malformed += bad_time
                if want_samples:
                    ns = hits.filter(pl.col("ts").is_null())["n"].head(want_samples)
                    bad_time_rows = df.filter(pl.col("n").is_in(ns.implode())).select("n", "line")
            hits = hits.filter(pl.col("ts").is_not_null()).with_columns(minute=pl.col("ts") // 60)
            counts, excluded = _count(hits, ctx)
    samples: list[tuple[int, str]] = []
    for rows in (bad_rows, bad_time_rows):
        if rows is not None:
            samples.extend((int(n), str(text)) for n, text in rows.iter_rows())
    samples.sort()
    return ChunkResult(lines_read, malformed, excluded, counts, samples[:want_samples], physical)


def _apply_zone(hits: pl.DataFrame, zone: ZoneInfo) -> pl.DataFrame:
    local = hits.filter(pl.col("needs_zone"))["ts"].drop_nulls().unique().to_list()
    offsets = {v: v - local_offset(v, zone) for v in local}
    return hits.with_columns(
        ts=pl.when(pl.col("needs_zone"))
        .then(pl.col("ts").replace_strict(offsets, default=None, return_dtype=pl.Int64))
        .otherwise(pl.col("ts"))
    )


def _count(hits: pl.DataFrame, ctx: FastContext) -> tuple[list[CountRow], int]:
    if not ctx.keeps_identity:
        grouped = hits.group_by("platform", "minute", "blocked").len()
        return [(p, int(m), "school", "", bool(b), int(n)) for p, m, b, n in grouped.iter_rows()], 0
    grouped = hits.group_by("platform", "minute", "client", "user", "blocked").len()
    totals: dict[tuple[str, int, str, str, bool], int] = {}
    excluded = 0
    attribution = ctx.attribution
    for p, m, client, user, b, n in grouped.iter_rows():
        equipment = ctx.network.equipment(client)
        if equipment is None:
            excluded += n
            continue
        person = (attribution.person(client, user) if attribution is not None else None) or ""
        key = (p, int(m), equipment, person, bool(b))
        totals[key] = totals.get(key, 0) + int(n)
    return [(*k, n) for k, n in totals.items()], excluded
