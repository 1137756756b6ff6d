"""Evidence: checked by content, stored with its SHA-256 outside public media, immutable, corrected by supersession."""

from __future__ import annotations

import hashlib
import io
import struct
import zipfile
import zlib

import pytest
from django.core.files.storage import default_storage

from safesocial.cases import services
from safesocial.cases.evidence import UploadRefused, check_upload
from safesocial.cases.models import Case, Evidence

from .conftest import jpeg_bytes, png_bytes, upload

pytestmark = pytest.mark.django_db

MINIMAL_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)


def png_claiming(width: int, height: int) -> bytes:
    """A tiny PNG whose header claims enormous dimensions: a decompression bomb's calling card."""
    data = bytearray(png_bytes(2, 2))
    ihdr = struct.pack(">II", width, height) + bytes(data[24:29])
    data[16:29] = ihdr
    data[29:33] = struct.pack(">I", zlib.crc32(b"IHDR" + ihdr) & 0xFFFFFFFF)
    return bytes(data)


def zip_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("a.txt", "hello")
    return buffer.getvalue()


def stored_files() -> list[str]:
    if not default_storage.exists("private/evidence"):
        return []
    found = []
    stack = ["private/evidence"]
    while stack:
        folder = stack.pop()
        dirs, files = default_storage.listdir(folder)
        found += [f"{folder}/{f}" for f in files]
        stack += [f"{folder}/{d}" for d in dirs]
    return found


def test_a_screenshot_is_stored_with_its_hash_size_type_capture_details_and_uploader(report, users, screenshot):
    case = report(
        "bullying",
        actor=users.teacher,
        evidence=[
            services.EvidenceInput(
                upload=screenshot("Screenshot 2025-01-06.PNG"),
                platform="Instagram",
                url="https://instagram.com/p/abc",
                seen_at=None,
                captured_by="Tom Baker",
            )
        ],
    )
    ev = case.evidence.get()
    assert ev.sha256 == hashlib.sha256(png_bytes()).hexdigest()
    assert ev.size == len(png_bytes())
    assert ev.content_type == "image/png"
    assert (ev.platform, ev.url, ev.captured_by, ev.uploaded_by) == (
        "Instagram",
        "https://instagram.com/p/abc",
        "Tom Baker",
        users.teacher,
    )
    assert ev.original_name == "Screenshot 2025-01-06.PNG"
    assert ev.file.name.startswith(f"private/evidence/{case.school_id}/{case.pk}/")
    assert "Screenshot" not in ev.file.name  # stored under a random name, never the uploaded one


@pytest.mark.parametrize(
    ("name", "content", "declared", "message"),
    [
        ("photo.jpg", png_bytes(), "image/jpeg", "its name says it is a JPEG image but its content is a PNG image"),
        ("photo.png", jpeg_bytes(), "image/png", "its name says it is a PNG image but its content is a JPEG image"),
        (
            "notes.pdf",
            b"Just some words\n",
            "application/pdf",
            "its name says it is a PDF document but its content is a plain text file",
        ),
        ("photo.png", png_bytes(), "image/jpeg", "it was sent as a JPEG image but its content is a PNG image"),
        ("setup.png", b"MZ\x90\x00" + b"\x00" * 200, "image/png", "a Windows program"),
        ("tool.txt", b"\x7fELF\x02\x01\x01" + b"\x00" * 100, "text/plain", "a Linux program"),
        ("run.txt", b"#!/bin/sh\nrm -rf /\n", "text/plain", "a script"),
        ("evidence.pdf", zip_bytes(), "application/pdf", "a ZIP archive"),
        ("report.docx", zip_bytes(), "application/octet-stream", "a ZIP archive"),
        ("page.txt", b"<html><script>alert(1)</script></html>", "text/plain", "a web page"),
        ("image.svg", b"<svg xmlns='http://www.w3.org/2000/svg'/>", "image/svg+xml", "a web page, SVG"),
        ("data.bin", bytes(range(256)) * 4, "application/octet-stream", "not a type we accept"),
        ("broken.png", png_bytes()[:40], "image/png", "damaged"),
        ("bomb.png", png_claiming(50_000, 50_000), "image/png", "decompression bomb"),
        (
            "active.pdf",
            MINIMAL_PDF.replace(b"/Type/Catalog", b"/Type/Catalog/OpenAction<</S/JavaScript/JS(x)>>"),
            "application/pdf",
            "active content",
        ),
        ("cut.pdf", MINIMAL_PDF[:-7], "application/pdf", "incomplete"),
        ("empty.png", b"", "image/png", "empty"),
        ("noextension", png_bytes(), "application/octet-stream", "does not declare a type"),
    ],
)
def test_a_refused_file_stores_nothing_and_says_why(oakfield, users, name, content, declared, message):
    with pytest.raises(UploadRefused) as excinfo:
        services.case_report(
            school=oakfield,
            case_type="bullying",
            summary="Messages",
            actor=users.teacher,
            evidence=[services.EvidenceInput(upload=upload(name, content, declared))],
        )
    text = excinfo.value.messages[0]
    assert message in text and "Nothing was stored" in text
    assert Case.objects.count() == 0 and Evidence.objects.count() == 0
    assert stored_files() == []


def test_a_file_over_the_size_limit_is_refused(oakfield, users, settings):
    settings.SAFESOCIAL_MAX_UPLOAD_BYTES = 1000
    big = png_bytes() + b"\x00" * 3000  # over the limit
    with pytest.raises(UploadRefused, match=r"it is 3 KB and the limit is 1000 bytes"):
        services.case_report(
            school=oakfield,
            case_type="bullying",
            summary="Messages",
            actor=users.teacher,
            evidence=[services.EvidenceInput(upload=upload("a.png", big, "image/png"))],
        )
    assert Case.objects.count() == 0 and stored_files() == []


def test_an_image_larger_than_the_pixel_limit_is_a_bomb(settings):
    settings.SAFESOCIAL_MAX_IMAGE_PIXELS = 1000
    with pytest.raises(UploadRefused, match="decompression bomb"):
        check_upload(upload("big.png", png_bytes(100, 100), "image/png"))


@pytest.mark.parametrize(
    ("name", "content", "ctype"),
    [
        ("a.pdf", MINIMAL_PDF, "application/pdf"),
        ("a.txt", "Messages copied from the chat: ünïcode is fine\n".encode(), "text/plain"),
        ("a.jpeg", jpeg_bytes(), "image/jpeg"),
        ("a.gif", None, "image/gif"),
        ("a.webp", None, "image/webp"),
    ],
)
def test_accepted_types(name, content, ctype):
    if content is None:
        from PIL import Image

        buffer = io.BytesIO()
        Image.new("RGB", (10, 10), "green").save(buffer, format=ctype.split("/")[1].upper())
        content = buffer.getvalue()
    checked = check_upload(upload(name, content, "application/octet-stream"))
    assert checked.content_type == ctype and checked.sha256 == hashlib.sha256(content).hexdigest()


def test_a_refused_file_through_the_report_page_shows_a_clear_message(users, client, oakfield):
    client.force_login(users.teacher)
    response = client.post(
        "/cases/report/bullied/",
        {
            "school": str(oakfield.pk),
            "summary": "Nasty comments",
            "platform": "TikTok",
            "evidence_file": upload("screenshot.png", b"MZ" + b"\x00" * 64, "image/png"),
        },
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "a Windows program (executable), which cannot be accepted as evidence. Nothing was stored." in page
    assert Case.objects.count() == 0 and stored_files() == []


def test_evidence_is_immutable_and_a_correction_supersedes(report, users, screenshot):
    case = report(
        "bullying", actor=users.teacher, evidence=[services.EvidenceInput(upload=screenshot(), platform="Instagram")]
    )
    original = case.evidence.get()
    original.platform = "TikTok"
    with pytest.raises(PermissionError, match="immutable"):
        original.save()
    with pytest.raises(PermissionError):
        original.delete()
    with pytest.raises(services.CaseError, match="why"):
        services.evidence_attach(
            case=case,
            item=services.EvidenceInput(platform="TikTok", url="https://t.example/x"),
            actor=users.head,
            supersedes=original,
        )
    correction = services.evidence_attach(
        case=case,
        item=services.EvidenceInput(
            upload=upload("fixed.png", png_bytes(colour="blue"), "image/png"), platform="TikTok"
        ),
        actor=users.head,
        supersedes=original,
        correction_reason="It was TikTok, not Instagram",
    )
    original = Evidence.objects.get(pk=original.pk)
    assert original.platform == "Instagram" and not original.is_current
    assert correction.supersedes == original and correction.is_current
    with pytest.raises(services.CaseError, match="already been corrected"):
        services.evidence_attach(
            case=case,
            item=services.EvidenceInput(url="https://t.example/y"),
            actor=users.head,
            supersedes=original,
            correction_reason="again",
        )


def test_only_handlers_add_evidence(report, users, screenshot):
    from django.core.exceptions import PermissionDenied

    case = report("bullying", actor=users.teacher)
    with pytest.raises(PermissionDenied):
        services.evidence_attach(case=case, item=services.EvidenceInput(upload=screenshot()), actor=users.teacher)
    assert case.evidence.count() == 0 and stored_files() == []


def test_a_download_of_a_changed_file_is_still_the_stored_bytes_but_export_refuses_it(report, users, screenshot):
    from safesocial.cases.export import build_export

    case = report("bullying", actor=users.teacher, evidence=[services.EvidenceInput(upload=screenshot())])
    ev = case.evidence.get()
    with default_storage.open(ev.file.name, "wb") as fh:
        fh.write(png_bytes(colour="green"))
    with pytest.raises(services.CaseError, match="no longer matches the SHA-256"):
        build_export(case=case, actor=users.head)
