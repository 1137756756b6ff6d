"""The whole pipeline: the JSON contract, malformed lines counted and sampled, map/reduce merging,
partials, period filtering, reports; and the two engines agreeing on synthetic logs."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import pytest

from safesocial.engine.model import AdoptedPolicy
from safesocial.engine.monitoring import (
    Attribution,
    MonitoringConfigError,
    Network,
    Partial,
    PlatformList,
    ScanOptions,
    Schedule,
    analyse,
    merge,
    render_csv,
    render_html,
    scan_file,
    scan_files,
    summarise,
)
from safesocial.engine.monitoring.synthetic import FORMATS, SyntheticSpec, write_log
from safesocial.engine.packs import load_pack_file

from .conftest import EXPECTED_BY_PLATFORM, FIXTURES, LOGS, PACKS

ALL = [LOGS / name for name in FIXTURES]


@pytest.fixture
def policy() -> AdoptedPolicy:
    return AdoptedPolicy.adopt(load_pack_file(PACKS / "it-use-test.yaml"), choices={"it_use": "strict"})


@pytest.mark.parametrize("name", sorted(FIXTURES))
def test_every_fixture_gives_the_same_story(name: str, policy: AdoptedPolicy, schedule: Schedule, engine: str) -> None:
    result = analyse([LOGS / name], policy, schedule, engine=engine).as_dict()
    _fmt, lines, malformed = FIXTURES[name]
    assert list(result) == ["lines_read", "malformed", "by_platform", "findings"]
    assert (result["lines_read"], result["malformed"]) == (lines, malformed)
    assert result["by_platform"] == EXPECTED_BY_PLATFORM
    for f in result["findings"]:  # type: ignore[attr-defined]
        assert list(f) == ["clauses", "severity", "platform", "when", "requests", "explanation"]


def test_malformed_lines_are_counted_and_sampled_with_line_numbers(
    policy: AdoptedPolicy, schedule: Schedule, engine: str
) -> None:
    result = analyse([LOGS / "squid_native.log", LOGS / "fortigate.log"], policy, schedule, engine=engine)
    assert result.malformed == 5
    samples = [(Path(s.file).name, s.line, s.text[:30]) for s in result.malformed_samples]
    assert samples == [
        ("squid_native.log", 16, "1743170401.000 this line is no"),
        ("squid_native.log", 17, "1743170402.500     12 10.10.0."),
        ("fortigate.log", 14, "date=2025-03-28 time=14:05:00 "),
        ("fortigate.log", 15, "this is not a key value record"),
        ("fortigate.log", 16, "date=2025-03-28 time=14:06:00 "),
    ]
    detail = result.as_dict(detail=True)["detail"]
    assert len(detail["malformed_samples"]) == 5  # type: ignore[index]


def test_samples_are_capped_and_long_lines_cut(tmp_path: Path, engine: str) -> None:
    f = tmp_path / "noisy.log"
    good = (LOGS / "squid_native.log").read_text()
    f.write_text(good * 10 + ("1743170401.000 " + "x" * 500 + "\n") * 50)
    stats = scan_file(f, ScanOptions(engine=engine, max_samples=10)).files[0]
    assert stats.malformed == 2 * 10 + 50
    assert len(stats.samples) == 10
    assert all(len(s.text) <= 200 for s in stats.samples)


def test_merging_shard_partials_equals_analysing_all_files_at_once(
    tmp_path: Path, policy: AdoptedPolicy, schedule: Schedule, engine: str
) -> None:
    # given each file read on its own "worker", its partial written to JSON and read back
    opts = ScanOptions(
        engine=engine,
        tz=schedule.timezone,
        network=Network.from_mapping({"own_device_networks": "10.30.0.0/16"}),
        attribution=Attribution(by="user"),
    )
    paths = []
    for i, f in enumerate(ALL):
        out = tmp_path / f"part{i}.json"
        scan_file(f, opts).write(out)
        paths.append(out)
    # when the partials are merged and judged
    merged = summarise(merge(Partial.read(p) for p in paths), policy, schedule)
    # then it is exactly the result of reading everything at once
    direct = analyse(ALL, policy, schedule, opts.attribution, network=opts.network, engine=engine)
    assert merged.as_dict(detail=True) == direct.as_dict(detail=True)
    assert direct.lines_read == sum(v[1] for v in FIXTURES.values())


def test_merging_in_a_tree_equals_merging_flat(engine: str) -> None:
    parts = [scan_file(f, ScanOptions(engine=engine)) for f in ALL]
    flat = merge(parts)
    tree = merge([merge(parts[:2]), merge(parts[2:])])
    assert dict(tree.counts) == dict(flat.counts) and tree.files == flat.files


def test_parallel_reading_equals_serial(engine: str) -> None:
    opts = ScanOptions(engine=engine, attribution=Attribution(by="user"))
    assert dict(scan_files(ALL, opts, jobs=2).counts) == dict(scan_files(ALL, opts).counts)


def test_partials_from_different_platform_lists_or_settings_do_not_merge() -> None:
    plain = scan_file(LOGS / "squid_native.log", ScanOptions(engine="python"))
    school = PlatformList.builtin().with_overrides({"remove": ["t.co"]})
    other_list = scan_file(LOGS / "squid_native.log", ScanOptions(engine="python", platforms=school))
    other_tz = scan_file(LOGS / "squid_native.log", ScanOptions(engine="python", tz="Europe/Paris"))
    for other in (other_list, other_tz):
        with pytest.raises(MonitoringConfigError) as err:
            merge([plain, other])
        assert err.value.code == "E513"


def test_a_file_that_is_not_a_partial_is_refused(tmp_path: Path) -> None:
    f = tmp_path / "x.json"
    f.write_text(json.dumps({"hello": 1}))
    with pytest.raises(MonitoringConfigError) as err:
        Partial.read(f)
    assert err.value.code == "E513"


def test_partial_holds_no_addresses_or_user_names_unless_attributed() -> None:
    text = scan_file(LOGS / "squid_native.log", ScanOptions(engine="python")).to_json()
    assert "10.10.0.12" not in text.split('"counts"')[1]
    assert "jsmith" not in text


def test_report_period_is_in_local_dates(policy: AdoptedPolicy, schedule: Schedule) -> None:
    result = analyse(
        [LOGS / "squid_native.log"], policy, schedule, start=date(2025, 3, 31), end=date(2025, 3, 31), engine="python"
    )
    assert {p.platform for p in result.by_platform} == {"youtube", "x", "linkedin"}
    assert result.period == ("2025-03-31", "2025-03-31")


def test_hour_of_day_is_local_time(policy: AdoptedPolicy, schedule: Schedule) -> None:
    result = analyse([LOGS / "squid_native.log"], policy, schedule, engine="python")
    assert result.hour_of_day["youtube"][8] == 1  # 07:45 UTC on a BST Monday is 08:45 local
    assert result.hour_of_day["facebook"][7] == 1  # 07:45 UTC on a GMT Friday
    assert sum(result.hours_total()) == result.requests == 9


def test_csv_and_html_reports(policy: AdoptedPolicy, schedule: Schedule) -> None:
    result = analyse([LOGS / "squid_native.log"], policy, schedule, Attribution(by="user"), engine="python")
    rows = list(csv.DictReader(io.StringIO(render_csv(result))))
    usage = {(r["platform"], r["when"]): int(r["requests"]) for r in rows if r["section"] == "usage"}
    assert usage[("instagram", "working_time")] == 2
    findings = [r for r in rows if r["section"] == "finding"]
    assert len(findings) == len(result.findings) and all(r["clauses"] for r in findings)
    assert not any(r["person"] for r in rows)  # individual detail only when asked for
    assert any(r["person"] == "jsmith" for r in csv.DictReader(io.StringIO(render_csv(result, include_people=True))))
    page = render_html(result)
    assert "<svg" in page and "by hour of day" in page and "jsmith" not in page
    assert "jsmith" in render_html(result, include_people=True)


def test_html_escapes_log_content(tmp_path: Path, policy: AdoptedPolicy, schedule: Schedule) -> None:
    f = tmp_path / "a.log"
    f.write_text((LOGS / "squid_native.log").read_text() + "1743170401.000 <script>alert(1)</script>\n")
    page = render_html(analyse([f], policy, schedule, engine="python"))
    assert "<script>alert" not in page and "&lt;script&gt;" in page


@pytest.mark.parametrize("fmt", FORMATS)
def test_engines_agree_on_synthetic_logs(tmp_path: Path, fmt: str) -> None:
    # given a synthetic log with many malformed lines, both kinds of client and attribution
    f = tmp_path / f"{fmt}.log"
    write_log(f, SyntheticSpec(lines=20_000, fmt=fmt, seed=7, malformed_rate=0.01), batch=7_000)
    common = {
        "tz": "Europe/London",
        "network": Network.from_mapping({"own_device_networks": "10.30.0.0/16", "excluded_networks": "10.20.0.0/24"}),
        "attribution": Attribution(by="user"),
        "chunk_bytes": 256 * 1024,
    }
    python = scan_file(f, ScanOptions(engine="python", **common))  # type: ignore[arg-type]
    polars = scan_file(f, ScanOptions(engine="polars", **common))  # type: ignore[arg-type]
    assert dict(python.counts) == dict(polars.counts)
    assert python.files == tuple(
        type(s)(s.path, s.format, s.compression, s.lines_read, s.malformed, s.excluded, s.samples, "python")
        for s in polars.files
    )
    assert python.files[0].lines_read == 20_000 and python.files[0].malformed > 100
    assert sum(python.counts.values()) > 500
