"""Bad files get a clear coded message and nothing from them counts; odd but valid files are read."""

from __future__ import annotations

import bz2
import gzip
import lzma
import zipfile
from pathlib import Path

import pytest

from safesocial.engine.errors import LogFormatError
from safesocial.engine.monitoring import ScanOptions, analyse, scan_file, scan_files

from .conftest import EXPECTED_BY_PLATFORM, LOGS


def _error(path: Path, engine: str) -> LogFormatError:
    with pytest.raises(LogFormatError) as err:
        scan_file(path, ScanOptions(engine=engine))
    return err.value


def test_truncated_gzip_is_refused_with_e502(tmp_path: Path, engine: str) -> None:
    # given a gzip cut short, large enough that reading starts before the damage is found
    body = (LOGS / "squid_native.log").read_bytes() * 2000
    whole = gzip.compress(body)
    cut = tmp_path / "access.log.gz"
    cut.write_bytes(whole[: len(whole) * 2 // 3])
    # when / then
    err = _error(cut, engine)
    assert err.code == "E502"
    assert "truncated or corrupt" in err.message and err.where == str(cut)


def test_corrupt_gzip_is_refused_with_e502(tmp_path: Path, engine: str) -> None:
    data = bytearray(gzip.compress((LOGS / "squid_native.log").read_bytes()))
    data[30:40] = b"\xff" * 10
    bad = tmp_path / "access.log.gz"
    bad.write_bytes(bytes(data))
    assert _error(bad, engine).code == "E502"


def test_binary_file_is_refused_with_e503(tmp_path: Path, engine: str) -> None:
    png = tmp_path / "photo.log"
    png.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 40)
    err = _error(png, engine)
    assert err.code == "E503" and "binary" in err.message


def test_gzip_of_a_binary_file_is_refused_with_e503(tmp_path: Path, engine: str) -> None:
    f = tmp_path / "blob.gz"
    f.write_bytes(gzip.compress(bytes(range(256)) * 100))
    assert _error(f, engine).code == "E503"


def test_unknown_format_is_refused_with_e501(engine: str) -> None:
    err = _error(LOGS / "unknown_format.log", engine)
    assert err.code == "E501" and "unknown log format" in err.message


def test_zip_archive_is_refused_with_e505(tmp_path: Path, engine: str) -> None:
    z = tmp_path / "logs.zip"
    with zipfile.ZipFile(z, "w") as zf:
        zf.write(LOGS / "squid_native.log", "access.log")
    assert _error(z, engine).code == "E505"


def test_missing_file_is_refused_with_e504(tmp_path: Path, engine: str) -> None:
    assert _error(tmp_path / "nope.log", engine).code == "E504"


def test_one_bad_file_means_no_result_at_all(tmp_path: Path, schedule, engine: str) -> None:
    # given a good file and a truncated one in the same run
    body = (LOGS / "squid_native.log").read_bytes() * 500
    whole = gzip.compress(body)
    cut = tmp_path / "b.log.gz"
    cut.write_bytes(whole[:-20])
    # when / then: the run raises, so a caller storing the result stores nothing
    with pytest.raises(LogFormatError) as err:
        scan_files([LOGS / "squid_native.log", cut], ScanOptions(engine=engine))
    assert err.value.code == "E502"


@pytest.mark.parametrize(("suffix", "compress"), [(".bz2", bz2.compress), (".xz", lzma.compress)])
def test_bzip2_and_xz_are_read_too(tmp_path: Path, schedule, engine: str, suffix: str, compress) -> None:  # type: ignore[no-untyped-def]
    f = tmp_path / f"access.log{suffix}"
    f.write_bytes(compress((LOGS / "squid_native.log").read_bytes()))
    from safesocial.engine.model import AdoptedPolicy
    from safesocial.engine.packs import load_pack

    result = analyse([f], AdoptedPolicy.adopt(load_pack("waterville")), schedule, engine=engine)
    assert result.as_dict()["by_platform"] == EXPECTED_BY_PLATFORM


def test_crlf_bom_and_blank_lines_are_tolerated(tmp_path: Path, engine: str) -> None:
    text = (LOGS / "squid_native.log").read_text(encoding="utf-8")
    f = tmp_path / "windows.log"
    f.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n\r\n").encode())
    plain = scan_file(LOGS / "squid_native.log", ScanOptions(engine=engine, tz="Europe/London"))
    odd = scan_file(f, ScanOptions(engine=engine, tz="Europe/London"))
    assert dict(odd.counts) == dict(plain.counts)
    assert (odd.files[0].lines_read, odd.files[0].malformed) == (16, 2)


def test_empty_file_is_read_as_nothing(tmp_path: Path, engine: str) -> None:
    f = tmp_path / "empty.log"
    f.write_bytes(b"")
    stats = scan_file(f, ScanOptions(engine=engine)).files[0]
    assert (stats.format, stats.lines_read, stats.malformed) == (None, 0, 0)


def test_small_chunks_give_the_same_counts_and_line_numbers(engine: str) -> None:
    whole = scan_file(LOGS / "fortigate.log", ScanOptions(engine=engine, tz="Europe/London"))
    small = scan_file(LOGS / "fortigate.log", ScanOptions(engine=engine, tz="Europe/London", chunk_bytes=300))
    assert dict(small.counts) == dict(whole.counts)
    assert small.files[0].samples == whole.files[0].samples
    assert [s.line for s in whole.files[0].samples] == [14, 15, 16]


def test_invalid_utf8_is_read_lossily(tmp_path: Path, engine: str) -> None:
    good = (LOGS / "combined.log").read_bytes()
    f = tmp_path / "latin1.log"
    f.write_bytes(good.replace(b"curl/8.5.0", b"curl/8.5.0 caf\xe9"))
    assert dict(scan_file(f, ScanOptions(engine=engine)).counts) == dict(
        scan_file(LOGS / "combined.log", ScanOptions(engine=engine)).counts
    )
