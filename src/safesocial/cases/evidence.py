"""Checking and storing evidence files.

A file is accepted only when its content is one of the accepted types (checked from its bytes, never
from its name), the content matches the type its name declares, it is within the size limit, and (for
images) Pillow can decode it fully without it being a decompression bomb. Programs, scripts, archives,
web pages and Office documents are refused. ``check_upload`` reads and checks everything before
anything is written, so a refused file stores nothing.

Accepted files are stored under MEDIA_ROOT/private/evidence/, a path that is never served as media:
only the permission-checked, audited download view reads them.
"""

from __future__ import annotations

import codecs
import hashlib
import uuid
import warnings
from dataclasses import dataclass
from typing import IO, Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.storage import default_storage

CHUNK = 1024 * 1024
DEFAULT_MAX_IMAGE_PIXELS = 40_000_000  # 40 megapixels: far above any screenshot; below Pillow's own limit

# Accepted types: content type -> (label, file name extensions that declare it)
ACCEPTED: dict[str, tuple[str, tuple[str, ...]]] = {
    "image/png": ("PNG image", ("png",)),
    "image/jpeg": ("JPEG image", ("jpg", "jpeg", "jfif")),
    "image/gif": ("GIF image", ("gif",)),
    "image/webp": ("WebP image", ("webp",)),
    "application/pdf": ("PDF document", ("pdf",)),
    "text/plain": ("plain text file", ("txt", "text", "log")),
}
EXTENSIONS = {ext: ctype for ctype, (_label, exts) in ACCEPTED.items() for ext in exts}
HEADER_ALIASES = {"image/jpg": "image/jpeg", "image/pjpeg": "image/jpeg", "application/x-pdf": "application/pdf"}
GENERIC_HEADERS = {"", "application/octet-stream", "binary/octet-stream", "application/unknown"}

# Content that is refused outright, whatever it is called: (magic bytes, offset, what it is)
REFUSED_MAGIC: tuple[tuple[bytes, int, str], ...] = (
    (b"MZ", 0, "a Windows program (executable)"),
    (b"\x7fELF", 0, "a Linux program (executable)"),
    (b"\xfe\xed\xfa\xce", 0, "a macOS program (executable)"),
    (b"\xfe\xed\xfa\xcf", 0, "a macOS program (executable)"),
    (b"\xce\xfa\xed\xfe", 0, "a macOS program (executable)"),
    (b"\xcf\xfa\xed\xfe", 0, "a macOS program (executable)"),
    (b"\xca\xfe\xba\xbe", 0, "a program (executable or Java class)"),
    (b"#!", 0, "a script"),
    (b"\x00asm", 0, "a WebAssembly program"),
    (b"dex\n", 0, "an Android program"),
    (b"PK\x03\x04", 0, "a ZIP archive (or an Office document, which is a ZIP archive)"),
    (b"PK\x05\x06", 0, "a ZIP archive"),
    (b"PK\x07\x08", 0, "a ZIP archive"),
    (b"Rar!\x1a\x07", 0, "a RAR archive"),
    (b"7z\xbc\xaf\x27\x1c", 0, "a 7-Zip archive"),
    (b"\x1f\x8b", 0, "a gzip archive"),
    (b"BZh", 0, "a bzip2 archive"),
    (b"\xfd7zXZ\x00", 0, "an xz archive"),
    (b"\x28\xb5\x2f\xfd", 0, "a Zstandard archive"),
    (b"MSCF", 0, "a Windows cabinet archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 0, "an old-style Office document or installer (it can carry macros)"),
    (b"ustar", 257, "a tar archive"),
    (b"!<arch>", 0, "an archive of programs"),
)
TEXT_REFUSED_STARTS = ("<", "\ufeff<")  # HTML, SVG and XML can carry scripts
SCRIPT_MARKERS = ("<script", "javascript:", "<?php", "@echo off", "powershell -", "#!/")
PDF_ACTIVE = (b"/JavaScript", b"/JS ", b"/JS(", b"/JS<", b"/Launch", b"/EmbeddedFile", b"/RichMedia", b"/XFA")


class UploadRefused(ValidationError):
    """A refused upload, with a message that says why; nothing has been stored."""


@dataclass(frozen=True)
class CheckedUpload:
    upload: Any  # the Django UploadedFile (or any file object with name, size, chunks/read, seek)
    name: str
    content_type: str
    extension: str
    size: int
    sha256: str

    @property
    def label(self) -> str:
        return ACCEPTED[self.content_type][0]


def _human(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB"
    if size >= 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size} bytes"


def _refuse(name: str, why: str) -> UploadRefused:
    return UploadRefused(f"“{name}” was not accepted: {why}. Nothing was stored.", code="upload_refused")


def _iter_chunks(upload: Any) -> Any:
    if hasattr(upload, "chunks"):
        yield from upload.chunks(CHUNK)
        return
    while True:
        block = upload.read(CHUNK)
        if not block:
            return
        yield block


def sniff(head: bytes, sample_text: str | None) -> tuple[str | None, str | None]:
    """(accepted content type, None) or (None, what the refused content is) or (None, None) when unknown."""
    for magic, offset, what in REFUSED_MAGIC:
        if head[offset : offset + len(magic)] == magic:
            return None, what
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png", None
    if head.startswith(b"\xff\xd8\xff"):
        return "image/jpeg", None
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return "image/gif", None
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image/webp", None
    if head.startswith(b"%PDF-"):
        return "application/pdf", None
    if sample_text is not None:
        stripped = sample_text.lstrip()
        if stripped.startswith(TEXT_REFUSED_STARTS):
            return None, "a web page, SVG or XML file (these can carry scripts)"
        lowered = stripped.lower()
        if any(marker in lowered for marker in SCRIPT_MARKERS):
            return None, "a script"
        return "text/plain", None
    return None, None


def _declared_type(name: str, header: str | None) -> tuple[str, str | None]:
    """(extension, the content type the name declares, if it is one we accept)."""
    extension = name.rsplit(".", 1)[1].lower() if "." in name else ""
    declared = EXTENSIONS.get(extension)
    header = HEADER_ALIASES.get((header or "").lower(), (header or "").lower())
    if declared is None and header in ACCEPTED and not extension:
        declared = header
    return extension, declared


def _check_image(upload: Any, name: str, content_type: str) -> None:
    from PIL import Image, UnidentifiedImageError

    max_pixels = int(getattr(settings, "SAFESOCIAL_MAX_IMAGE_PIXELS", DEFAULT_MAX_IMAGE_PIXELS))
    expected = {"image/png": "PNG", "image/jpeg": "JPEG", "image/gif": "GIF", "image/webp": "WEBP"}[content_type]
    bomb = _refuse(name, "the image is far larger than any screenshot when decompressed (a decompression bomb)")
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            upload.seek(0)
            with Image.open(upload) as im:
                width, height = im.size
                frames = getattr(im, "n_frames", 1)
                if im.format != expected:
                    raise _refuse(name, f"its content is not a valid {ACCEPTED[content_type][0]}")
                if width * height > max_pixels or width * height * frames > max_pixels * 4:
                    raise bomb
                im.load()
                if frames > 1:
                    for index in range(1, frames):
                        im.seek(index)
                        im.load()
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise bomb from None
        except UploadRefused:
            raise
        except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError, IndexError):
            raise _refuse(name, "the image is damaged or is not really an image") from None
        finally:
            upload.seek(0)


def _check_pdf(upload: Any, name: str) -> None:
    upload.seek(0)
    tail = b""
    overlap = b""
    for block in _iter_chunks(upload):
        window = overlap + block
        for marker in PDF_ACTIVE:
            if marker in window:
                raise _refuse(name, "the PDF contains active content (scripts, launch actions or embedded files)")
        overlap = window[-32:]
        tail = (tail + block)[-2048:]
    upload.seek(0)
    if b"%%EOF" not in tail:
        raise _refuse(name, "the PDF is incomplete or damaged")


def check_upload(upload: Any, *, max_bytes: int | None = None) -> CheckedUpload:
    """Check one uploaded file; raise UploadRefused (nothing stored) or return what was found."""
    name = (getattr(upload, "name", "") or "file").rsplit("/", 1)[-1].rsplit("\\", 1)[-1][:200] or "file"
    limit = int(max_bytes if max_bytes is not None else settings.SAFESOCIAL_MAX_UPLOAD_BYTES)
    size = getattr(upload, "size", None)
    if size is not None and size > limit:
        raise _refuse(name, f"it is {_human(size)} and the limit is {_human(limit)}")
    if size == 0:
        raise _refuse(name, "the file is empty")
    digest = hashlib.sha256()
    total = 0
    head = b""
    text_ok = True
    decoder = codecs.getincrementaldecoder("utf-8")()
    sample = ""
    upload.seek(0)
    for block in _iter_chunks(upload):
        total += len(block)
        if total > limit:
            raise _refuse(name, f"it is larger than the limit of {_human(limit)}")
        digest.update(block)
        if len(head) < 4096:
            head += block[: 4096 - len(head)]
        if text_ok:
            if b"\x00" in block:
                text_ok = False
            else:
                try:
                    piece = decoder.decode(block)
                except UnicodeDecodeError:
                    text_ok = False
                else:
                    if len(sample) < 8192:
                        sample += piece[: 8192 - len(sample)]
    if total == 0:
        raise _refuse(name, "the file is empty")
    if text_ok:
        try:
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            text_ok = False
    upload.seek(0)
    detected, refused_as = sniff(head, sample if text_ok else None)
    if refused_as is not None:
        raise _refuse(name, f"its content is {refused_as}, which cannot be accepted as evidence")
    if detected is None:
        raise _refuse(
            name,
            "its content is not a type we accept. Send screenshots (PNG, JPEG, GIF, WebP), PDF "
            "documents or plain text files",
        )
    extension, declared = _declared_type(name, getattr(upload, "content_type", None))
    if declared is None:
        shown = f".{extension}" if extension else "no extension"
        raise _refuse(
            name,
            f"its name ({shown}) does not declare a type we accept. Name it for what it is, "
            f"for example .png, .jpg, .pdf or .txt",
        )
    if declared != detected:
        raise _refuse(
            name, f"its name says it is a {ACCEPTED[declared][0]} but its content is a {ACCEPTED[detected][0]}"
        )
    header = HEADER_ALIASES.get(
        (getattr(upload, "content_type", "") or "").lower(), (getattr(upload, "content_type", "") or "").lower()
    )
    if header not in GENERIC_HEADERS and header in ACCEPTED and header != detected:
        raise _refuse(name, f"it was sent as a {ACCEPTED[header][0]} but its content is a {ACCEPTED[detected][0]}")
    if detected.startswith("image/"):
        _check_image(upload, name, detected)
    elif detected == "application/pdf":
        _check_pdf(upload, name)
    return CheckedUpload(
        upload=upload,
        name=name,
        content_type=detected,
        extension=extension or ACCEPTED[detected][1][0],
        size=total,
        sha256=digest.hexdigest(),
    )


def store(checked: CheckedUpload, *, school_id: int, case_id: int) -> str:
    """Write the checked file under the private evidence folder; return its storage name.

    The stored bytes are read back and hashed: if they differ from what was checked nothing is kept.
    """
    checked.upload.seek(0)
    name = f"private/evidence/{school_id}/{case_id}/{uuid.uuid4().hex}.{ACCEPTED[checked.content_type][1][0]}"
    saved = default_storage.save(name, File(checked.upload, name=name))
    if file_sha256(saved) != checked.sha256:
        default_storage.delete(saved)
        raise UploadRefused("The file changed while it was being stored. Nothing was stored; please try again.")
    return saved


def file_sha256(storage_name: str) -> str:
    digest = hashlib.sha256()
    with default_storage.open(storage_name, "rb") as fh:
        for block in iter(lambda: fh.read(CHUNK), b""):
            digest.update(block)
    return digest.hexdigest()


def open_stored(storage_name: str) -> IO[bytes]:
    return default_storage.open(storage_name, "rb")  # type: ignore[no-any-return]


def delete_stored(storage_name: str) -> None:
    if storage_name and default_storage.exists(storage_name):
        default_storage.delete(storage_name)


def accepted_summary() -> str:
    return "Screenshots and images (PNG, JPEG, GIF, WebP), PDF documents and plain text files, up to " + _human(
        int(settings.SAFESOCIAL_MAX_UPLOAD_BYTES)
    )
