"""A realistic synthetic proxy log, deterministic for a seed, for benchmarks and scale tests.

The log imitates a secondary school's web proxy over a run of school days: staff laptops (some
authenticated, some not), a staff BYOD wireless network, pupil devices, IPv6 clients; traffic
shaped by the school day with busier breaks; mostly HTTPS tunnels (``CONNECT host:443``); a Zipf
mix of ordinary hosts (search, Microsoft 365, education sites, CDNs, a long tail) with social
media around 8% of requests, including the hosts third-party pages load (Like buttons, pixels)
that do not imply use; authentication challenges and denials; and a few malformed lines.

Lines are built column-wise with numpy and Polars (``pip install polars``), a million at a time,
so ten million lines take seconds.
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import numpy as np

FORMATS = ("squid", "common", "combined", "fortigate")

# (host, weight). Weights are relative shares of requests.
COMMON_HOSTS: tuple[tuple[str, float], ...] = (
    ("www.google.com", 6.0),
    ("www.google.co.uk", 2.0),
    ("fonts.gstatic.com", 3.0),
    ("fonts.googleapis.com", 2.5),
    ("www.gstatic.com", 2.0),
    ("ssl.gstatic.com", 1.0),
    ("apis.google.com", 0.8),
    ("accounts.google.com", 1.0),
    ("classroom.google.com", 2.5),
    ("docs.google.com", 3.0),
    ("drive.google.com", 1.5),
    ("i.ytimg.com", 1.5),
    ("rr4---sn-aigl6nze.googlevideo.com", 1.0),
    ("login.microsoftonline.com", 3.0),
    ("outlook.office.com", 3.0),
    ("outlook.office365.com", 2.0),
    ("teams.microsoft.com", 3.5),
    ("www.office.com", 1.5),
    ("graph.microsoft.com", 2.0),
    ("res.cdn.office.net", 2.5),
    ("statics.teams.cdn.office.net", 1.5),
    ("onedrive.live.com", 1.0),
    ("sharepoint.com", 0.5),
    ("school-my.sharepoint.com", 2.0),
    ("www.bbc.co.uk", 2.0),
    ("static.files.bbci.co.uk", 1.5),
    ("www.bbc.com", 0.5),
    ("www.gov.uk", 1.0),
    ("assets.publishing.service.gov.uk", 0.5),
    ("www.twinkl.co.uk", 1.5),
    ("www.oaknationalacademy.org", 1.0),
    ("www.senecalearning.com", 0.8),
    ("app.senecalearning.com", 0.8),
    ("www.mathswatch.co.uk", 0.8),
    ("sparx-learning.com", 0.8),
    ("www.tassomai.com", 0.4),
    ("www.educake.co.uk", 0.4),
    ("kahoot.it", 0.6),
    ("www.arbor-education.com", 0.6),
    ("login.arbor.sc", 0.6),
    ("www.cpoms.net", 0.3),
    ("en.wikipedia.org", 1.5),
    ("upload.wikimedia.org", 1.0),
    ("www.amazon.co.uk", 0.8),
    ("m.media-amazon.com", 0.8),
    ("www.theguardian.com", 0.5),
    ("i.guim.co.uk", 0.5),
    ("cdn.jsdelivr.net", 1.0),
    ("cdnjs.cloudflare.com", 1.0),
    ("ajax.googleapis.com", 0.8),
    ("www.googletagmanager.com", 2.0),
    ("www.google-analytics.com", 2.0),
    ("securepubads.g.doubleclick.net", 1.5),
    ("pagead2.googlesyndication.com", 1.0),
    ("ocsp.digicert.com", 1.0),
    ("ctldl.windowsupdate.com", 1.0),
    ("settings-win.data.microsoft.com", 1.5),
    ("clients4.google.com", 1.0),
    ("safebrowsing.googleapis.com", 1.0),
    ("update.googleapis.com", 0.5),
    ("edge.microsoft.com", 1.0),
    ("www.msftconnecttest.com", 0.5),
)
# Hosts a third-party page loads: they look social but do not imply use.
NOT_USE_HOSTS: tuple[tuple[str, float], ...] = (
    ("connect.facebook.net", 1.2),
    ("platform.twitter.com", 0.3),
    ("snap.licdn.com", 0.3),
    ("px.ads.linkedin.com", 0.2),
    ("analytics.tiktok.com", 0.2),
    ("ct.pinterest.com", 0.1),
    ("www.youtube-nocookie.com", 0.2),
)
SOCIAL_HOSTS: tuple[tuple[str, float], ...] = (
    ("www.facebook.com", 1.2),
    ("static.xx.fbcdn.net", 0.8),
    ("scontent-lhr8-1.xx.fbcdn.net", 0.6),
    ("edge-chat.facebook.com", 0.3),
    ("www.instagram.com", 0.6),
    ("scontent-lhr6-2.cdninstagram.com", 0.5),
    ("static.cdninstagram.com", 0.3),
    ("www.youtube.com", 1.0),
    ("youtubei.googleapis.com", 0.4),
    ("www.tiktok.com", 0.5),
    ("v16-webapp-prime.tiktok.com", 0.3),
    ("p16-sign-va.tiktokcdn.com", 0.3),
    ("x.com", 0.3),
    ("abs.twimg.com", 0.2),
    ("pbs.twimg.com", 0.2),
    ("web.whatsapp.com", 0.3),
    ("mmg.whatsapp.net", 0.2),
    ("www.snapchat.com", 0.1),
    ("www.linkedin.com", 0.3),
    ("static.licdn.com", 0.1),
    ("www.pinterest.co.uk", 0.1),
    ("i.pinimg.com", 0.1),
    ("www.reddit.com", 0.2),
    ("www.redditstatic.com", 0.1),
    ("discord.com", 0.1),
    ("cdn.discordapp.com", 0.05),
    ("www.threads.com", 0.05),
    ("bsky.app", 0.03),
    ("www.tumblr.com", 0.02),
    ("mobile.bereal.com", 0.02),
)
LONG_TAIL = 20_000  # cdnN.siteM.example hosts, Zipf-weighted
SOCIAL_SHARE = 0.08
NOT_USE_SHARE = 0.02

_USER_AGENTS = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.6 Mobile/15E148 Safari/604.1",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.6 Safari/605.1.15",
    "Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
)
_CONTENT_TYPES = (
    "-",
    "text/html",
    "application/json",
    "image/jpeg",
    "text/css",
    "application/javascript",
    "image/webp",
)


@dataclass(frozen=True, slots=True)
class SyntheticSpec:
    lines: int = 1_000_000
    fmt: str = "squid"
    seed: int = 2025
    start: date = date(2025, 3, 24)  # a Monday; the run crosses the change to BST on 30 March
    school_days: int = 10
    tz: str = "Europe/London"
    malformed_rate: float = 0.0001
    staff_devices: int = 150
    byod_devices: int = 60
    pupil_devices: int = 900
    ipv6_share: float = 0.1


def _hosts(rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(host names, probabilities, is_social flags)."""
    names: list[str] = []
    weights: list[float] = []
    social: list[bool] = []
    common_total = sum(w for _, w in COMMON_HOSTS)
    ranks = np.arange(1, LONG_TAIL + 1, dtype=float)
    tail = 1.0 / ranks**1.1
    tail = tail / tail.sum()
    tail_share = 0.35
    ordinary = 1.0 - SOCIAL_SHARE - NOT_USE_SHARE
    for h, w in COMMON_HOSTS:
        names.append(h)
        weights.append(ordinary * (1 - tail_share) * w / common_total)
        social.append(False)
    sites = rng.integers(1, 4000, size=LONG_TAIL)
    for i in range(LONG_TAIL):
        names.append(f"cdn{i % 7}.site{sites[i]}.example")
        weights.append(ordinary * tail_share * float(tail[i]))
        social.append(False)
    nu_total = sum(w for _, w in NOT_USE_HOSTS)
    for h, w in NOT_USE_HOSTS:
        names.append(h)
        weights.append(NOT_USE_SHARE * w / nu_total)
        social.append(False)
    s_total = sum(w for _, w in SOCIAL_HOSTS)
    for h, w in SOCIAL_HOSTS:
        names.append(h)
        weights.append(SOCIAL_SHARE * w / s_total)
        social.append(True)
    p = np.array(weights)
    return np.array(names, dtype=object), p / p.sum(), np.array(social)


def _day_profile() -> np.ndarray:
    """Relative activity per local minute of a school day (breaks busier for social media)."""
    minutes = np.arange(24 * 60)
    w = np.full(24 * 60, 0.02)
    w[(minutes >= 7 * 60) & (minutes < 8 * 60 + 30)] = 0.4
    w[(minutes >= 8 * 60 + 30) & (minutes < 15 * 60 + 30)] = 1.0
    w[(minutes >= 10 * 60 + 40) & (minutes < 11 * 60)] = 1.3
    w[(minutes >= 12 * 60 + 15) & (minutes < 13 * 60)] = 1.4
    w[(minutes >= 15 * 60 + 30) & (minutes < 18 * 60)] = 0.45
    w[(minutes >= 18 * 60) & (minutes < 22 * 60)] = 0.08
    profile: np.ndarray = w / w.sum()
    return profile


def _school_days(spec: SyntheticSpec) -> list[date]:
    days: list[date] = []
    d = spec.start
    while len(days) < spec.school_days:
        if d.weekday() < 5:
            days.append(d)
        d += timedelta(days=1)
    return days


def _timestamps(rng: np.random.Generator, spec: SyntheticSpec, n: int, days: list[date]) -> np.ndarray:
    """Sorted Unix times in seconds (millisecond precision) over the given school days.

    Clocks change on Sunday nights, so local midnight plus the local minute is exact on a school day.
    """
    zone = ZoneInfo(spec.tz)
    midnight = np.array([datetime(d.year, d.month, d.day, tzinfo=zone).timestamp() for d in days])
    day_idx = rng.integers(0, len(days), size=n)
    minute = rng.choice(24 * 60, size=n, p=_day_profile())
    second = rng.random(n) * 60.0
    return np.round(np.sort(midnight[day_idx] + minute * 60.0 + second), 3)


def _clients(
    rng: np.random.Generator, spec: SyntheticSpec, n: int
) -> tuple[list[str], np.ndarray, list[str], np.ndarray, np.ndarray]:
    """Client pool and index per line, user pool and index per line (0 = '-'), kind (0 staff, 1 BYOD, 2 pupil)."""
    staff = [f"10.10.{i // 250}.{i % 250 + 2}" for i in range(spec.staff_devices)]
    byod = [f"10.30.{i // 250}.{i % 250 + 2}" for i in range(spec.byod_devices)]
    pupils = [f"10.20.{i // 250}.{i % 250 + 2}" for i in range(spec.pupil_devices)]
    v6_staff = [f"2001:db8:10::{i + 1:x}" for i in range(max(1, spec.staff_devices // 5))]
    pool = staff + byod + pupils + v6_staff
    base = {0: 0, 1: len(staff), 2: len(staff) + len(byod)}
    sizes = {0: len(staff), 1: len(byod), 2: len(pupils)}
    kind = rng.choice(3, size=n, p=[0.35, 0.10, 0.55])
    local = rng.integers(0, 1 << 30, size=n)
    client = np.empty(n, dtype=np.int64)
    for k in (0, 1, 2):
        mask = kind == k
        client[mask] = base[k] + local[mask] % sizes[k]
    users = ["-"] + [f"staff{i:03d}" for i in range(len(staff))]
    user = np.where((kind == 0) & (rng.random(n) < 0.6), client + 1, 0)  # staff device i -> staff{i}
    v6 = (kind == 0) & (rng.random(n) < spec.ipv6_share)
    client[v6] = len(staff) + len(byod) + len(pupils) + rng.integers(0, len(v6_staff), size=int(v6.sum()))
    return pool, client, users, user, kind


def generate_frame(spec: SyntheticSpec, n: int, rng: np.random.Generator, days: list[date], hosts: Any) -> Any:
    """One batch of n lines as a single-column Polars frame ('line')."""
    import polars as pl

    names, probs, is_social = hosts
    ts = _timestamps(rng, spec, n, days)
    host_idx = rng.choice(len(names), size=n, p=probs)
    pool, client_idx, users, user_idx, kind = _clients(rng, spec, n)
    connect = rng.random(n) < 0.75
    post = ~connect & (rng.random(n) < 0.2)
    method_idx = np.where(connect, 0, np.where(post, 1, 2))
    social = is_social[host_idx]
    # Pupils are blocked from social media; a few per cent of requests get an auth challenge.
    challenge = rng.random(n) < 0.03
    status = np.where(social & (kind == 2), 403, np.where(challenge, 407, 200))
    tag_idx = np.where(status != 200, 0, np.where(connect, 1, np.where(rng.random(n) < 0.2, 2, 3)))

    def pick(values: Any, idx: np.ndarray) -> Any:
        return pl.Series(list(values), dtype=pl.String).gather(pl.Series(idx.astype(np.int64)))

    df = pl.DataFrame(
        {
            "ts": ts,
            "ms": np.round(ts * 1000).astype(np.int64),
            "social": social,
            "elapsed": np.minimum(rng.lognormal(4.5, 1.5, size=n).astype(np.int64), 9_999_999),
            "client": pick(pool, client_idx),
            "tag": pick(("TCP_DENIED", "TCP_TUNNEL", "TCP_HIT", "TCP_MISS"), tag_idx),
            "status": status,
            "bytes": rng.lognormal(8.0, 1.8, size=n).astype(np.int64),
            "method": pick(("CONNECT", "POST", "GET"), method_idx),
            "host": pick(names, host_idx),
            "path": rng.integers(0, 100_000, size=n),
            "user": pick(users, user_idx),
            "ctype": pick(_CONTENT_TYPES, rng.integers(0, len(_CONTENT_TYPES), size=n)),
            "ua": pick(_USER_AGENTS, rng.integers(0, len(_USER_AGENTS), size=n)),
            "connect": connect,
        }
    )
    c = pl.col
    url = (
        pl.when(c("connect"))
        .then(pl.concat_str([c("host"), pl.lit(":443")]))
        .otherwise(
            pl.concat_str([pl.lit("http://"), c("host"), pl.lit("/p/"), c("path").cast(pl.String), pl.lit("?s=1")])
        )
    )
    if spec.fmt == "squid":
        line = pl.concat_str(
            [
                c("ms").floordiv(1000).cast(pl.String),
                pl.lit("."),
                (c("ms") % 1000).cast(pl.String).str.pad_start(3, "0"),
                pl.lit(" "),
                c("elapsed").cast(pl.String).str.pad_start(6, " "),
                pl.lit(" "),
                c("client"),
                pl.lit(" "),
                c("tag"),
                pl.lit("/"),
                c("status").cast(pl.String),
                pl.lit(" "),
                c("bytes").cast(pl.String),
                pl.lit(" "),
                c("method"),
                pl.lit(" "),
                url,
                pl.lit(" "),
                c("user"),
                pl.lit(" "),
                pl.when(c("status") == 200).then(pl.lit("HIER_DIRECT/203.0.113.7")).otherwise(pl.lit("HIER_NONE/-")),
                pl.lit(" "),
                c("ctype"),
            ]
        )
    elif spec.fmt in ("common", "combined"):
        when = pl.from_epoch((c("ts")).cast(pl.Int64), time_unit="s").dt.replace_time_zone("UTC")
        clf_time = pl.concat_str(
            [
                when.dt.strftime("%d/"),
                when.dt.strftime("%b"),
                when.dt.strftime("/%Y:%H:%M:%S +0000"),
            ]
        )
        parts = [
            c("client"),
            pl.lit(" - "),
            c("user"),
            pl.lit(" ["),
            clf_time,
            pl.lit('] "'),
            c("method"),
            pl.lit(" "),
            url,
            pl.lit(' HTTP/1.1" '),
            c("status").cast(pl.String),
            pl.lit(" "),
            c("bytes").cast(pl.String),
        ]
        if spec.fmt == "combined":
            parts += [pl.lit(' "-" "'), c("ua"), pl.lit('"')]
        parts += [
            pl.lit(" "),
            c("tag"),
            pl.lit(":"),
            pl.when(c("status") == 200).then(pl.lit("HIER_DIRECT")).otherwise(pl.lit("HIER_NONE")),
        ]
        line = pl.concat_str(parts)
    elif spec.fmt == "fortigate":
        when = pl.from_epoch((c("ts")).cast(pl.Int64), time_unit="s").dt.replace_time_zone("UTC")
        ns = c("ms").cast(pl.String) + pl.lit("000000")
        action = pl.when(c("status") == 403).then(pl.lit("blocked")).otherwise(pl.lit("passthrough"))
        line = pl.concat_str(
            [
                pl.lit("date="),
                when.dt.strftime("%Y-%m-%d"),
                pl.lit(" time="),
                when.dt.strftime("%H:%M:%S"),
                pl.lit(' devname="FG100F-School" devid="FG100FTK20000000" eventtime='),
                ns,
                pl.lit(
                    ' tz="+0000" logid="0316013056" type="utm" subtype="webfilter" eventtype="ftgd_allow" level="notice" vd="root" policyid=12 sessionid='
                ),
                c("path").cast(pl.String),
                pl.lit(" srcip="),
                c("client"),
                pl.lit(
                    ' srcport=51234 srcintf="staff lan" srcintfrole="lan" dstip=203.0.113.7 dstport=443 dstintf="wan1" dstintfrole="wan" proto=6 service="HTTPS" hostname="'
                ),
                c("host"),
                pl.lit('" profile="Staff web filter" action="'),
                action,
                pl.lit('" reqtype="direct" url="https://'),
                c("host"),
                pl.lit('/" sentbyte=517 rcvdbyte='),
                c("bytes").cast(pl.String),
                pl.lit(' direction="outgoing" msg="URL belongs to an allowed category in policy" '),
                pl.when(c("user") != "-")
                .then(pl.concat_str([pl.lit('user="'), c("user"), pl.lit('" ')]))
                .otherwise(pl.lit("")),
                pl.when(c("social"))
                .then(pl.lit('method="domain" cat=37 catdesc="Social Networking"'))
                .otherwise(pl.lit('method="domain" cat=33 catdesc="Information Technology"')),
            ]
        )
    else:
        raise ValueError(f"unknown format {spec.fmt!r}")
    out = df.select(line.alias("line"))
    if spec.malformed_rate > 0:
        bad = rng.random(n) < spec.malformed_rate
        if bad.any():
            cut = pl.Series("bad", bad)
            out = out.with_columns(
                pl.when(cut)
                .then(pl.col("line").str.slice(0, 17) + pl.lit(" <truncated>"))
                .otherwise(pl.col("line"))
                .alias("line")
            )
    return out


def write_log(path: str | Path, spec: SyntheticSpec, *, batch: int = 1_000_000, compress: bool = False) -> Path:
    """Write spec.lines lines of spec.fmt to path (gzip when compress)."""
    path = Path(path)
    rng = np.random.default_rng(spec.seed)
    days = _school_days(spec)
    hosts = _hosts(rng)
    # Spread batches over consecutive day ranges so the whole file is in time order.
    total = spec.lines
    batches = max(1, -(-total // batch))
    per_batch_days = [
        days[(i * len(days)) // batches : max((i + 1) * len(days) // batches, (i * len(days)) // batches + 1)]
        for i in range(batches)
    ]
    opener: Any = (lambda p: gzip.open(p, "wb", compresslevel=1)) if compress else (lambda p: open(p, "wb"))  # noqa: SIM115
    with opener(path) as fh:
        written = 0
        for i in range(batches):
            n = min(batch, total - written)
            frame = generate_frame(spec, n, rng, per_batch_days[i], hosts)
            data = frame.write_csv(None, include_header=False, quote_style="never")
            fh.write(data.encode("utf-8"))
            written += n
    return path
