"""Opening a log file: compression, binary detection, streaming in whole-line chunks.

Files are streamed in chunks of whole lines (``CHUNK_BYTES`` at a time), so a file larger than
memory is fine. gzip (the usual for rotated logs), bzip2 and xz are decompressed on the fly; a
truncated or corrupt compressed file raises E502 when the damage is reached, and because a file's
counts are only kept once the whole file has been read, nothing from it counts.
"""

from __future__ import annotations

import bz2
import gzip
import lzma
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from .errors import LogFormatError

CHUNK_BYTES = 16 * 1024 * 1024
HEAD_BYTES = 64 * 1024

_COMPRESSED = ((b"\x1f\x8b", "gzip"), (b"BZh", "bzip2"), (b"\xfd7zXZ\x00", "xz"))
_UNSUPPORTED = (
    (b"PK\x03\x04", "zip"),
    (b"\x28\xb5\x2f\xfd", "zstd"),
    (b"7z\xbc\xaf\x27\x1c", "7z"),
    (b"\x04\x22\x4d\x18", "lz4"),
)
_DECOMPRESS_ERRORS = (EOFError, gzip.BadGzipFile, zlib.error, lzma.LZMAError, OSError, ValueError)


@dataclass(frozen=True, slots=True)
class Opened:
    path: str
    compression: str  # none | gzip | bzip2 | xz
    stream: IO[bytes] | gzip.GzipFile | bz2.BZ2File | lzma.LZMAFile


@contextmanager
def open_log(path: str | Path) -> Iterator[Opened]:
    """Open a log for binary reading, decompressing when its first bytes say it is compressed."""
    where = str(path)
    try:
        raw = open(path, "rb")  # noqa: SIM115 - closed below
    except OSError as exc:
        raise LogFormatError(f"cannot open the log: {exc.strerror or exc}", code="E504", where=where) from exc
    try:
        magic = raw.read(8)
        raw.seek(0)
        for sig, name in _UNSUPPORTED:
            if magic.startswith(sig):
                raise LogFormatError(
                    f"the file is a {name} archive; unpack it and give the log inside (gzip, bzip2 and xz are read directly)",
                    code="E505",
                    where=where,
                )
        compression = "none"
        stream: IO[bytes] | gzip.GzipFile | bz2.BZ2File | lzma.LZMAFile = raw
        for sig, name in _COMPRESSED:
            if magic.startswith(sig):
                compression = name
                if name == "gzip":
                    stream = gzip.GzipFile(fileobj=raw, mode="rb")
                elif name == "bzip2":
                    stream = bz2.BZ2File(raw, mode="rb")
                else:
                    stream = lzma.LZMAFile(raw, mode="rb")  # noqa: SIM115 - closed with raw
                break
        yield Opened(where, compression, stream)
    finally:
        raw.close()


def _read(opened: Opened, size: int) -> bytes:
    try:
        return opened.stream.read(size)
    except _DECOMPRESS_ERRORS as exc:
        if opened.compression == "none":
            raise LogFormatError(f"cannot read the log: {exc}", code="E504", where=opened.path) from exc
        detail = "it ends before the end of the compressed stream" if isinstance(exc, EOFError) else str(exc)
        raise LogFormatError(
            f"the {opened.compression} file is truncated or corrupt ({detail}); nothing from it was counted",
            code="E502",
            where=opened.path,
        ) from exc


def check_text(head: bytes, *, where: str) -> None:
    """E503 when the first bytes are not text (NUL bytes or many control characters)."""
    if not head:
        return
    if b"\x00" in head:
        raise LogFormatError(
            f"the file is binary, not a text log ({_describe(head)}); nothing was read", code="E503", where=where
        )
    controls = sum(1 for b in head if b < 0x20 and b not in (0x09, 0x0A, 0x0D, 0x0C, 0x1B))
    if controls * 100 > len(head):
        raise LogFormatError(
            f"the file is binary, not a text log ({controls} control bytes in the first {len(head)}); nothing was read",
            code="E503",
            where=where,
        )


def _describe(head: bytes) -> str:
    try:
        import puremagic  # optional: names the file type in the message

        matches = puremagic.magic_string(head[:8192])
        if matches:
            best = matches[0]
            return f"it looks like {best.name or best.extension}"
    except Exception:  # noqa: S110 - best effort only
        pass
    return "it contains NUL bytes"


def iter_chunks(opened: Opened, *, chunk_bytes: int = CHUNK_BYTES) -> Iterator[bytes]:
    """Whole-line chunks of the decompressed data, after the text check.

    Each chunk but the last ends with a newline. A UTF-8 byte-order mark at the start is dropped.
    """
    head = _read(opened, HEAD_BYTES)
    check_text(head, where=opened.path)
    if head.startswith(b"\xef\xbb\xbf"):
        head = head[3:]
    carry = head
    while True:
        block = _read(opened, chunk_bytes)
        if not block:
            break
        cut = block.rfind(b"\n")
        if cut < 0:  # no line end in this block: keep reading
            carry += block
            continue
        view = memoryview(block)
        yield b"".join((carry, view[: cut + 1]))  # one copy
        carry = bytes(view[cut + 1 :])
    if carry:
        yield carry


def split_lines(chunk: bytes) -> list[str]:
    """A chunk as text lines (the reference engine): split on LF, one trailing CR removed, UTF-8 lossy."""
    parts = chunk.split(b"\n")
    if parts and parts[-1] == b"":
        parts.pop()
    out = []
    for p in parts:
        if p.endswith(b"\r"):
            p = p[:-1]
        out.append(p.decode("utf-8", errors="replace"))
    return out
