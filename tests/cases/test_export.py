"""Export for the LADO or the police, verified on the receiving side with `safesocial cases verify-export`."""

from __future__ import annotations

import hashlib
import io
import json
import zipfile

import pytest
from django.core.exceptions import PermissionDenied

from safesocial.audit.models import AuditEvent
from safesocial.cases import services
from safesocial.cases.export import build_export
from safesocial.cases.exportcheck import verify_export
from safesocial.cli import main

from .conftest import png_bytes, upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def exported(report, users, screenshot, tmp_path):
    case = report(
        "bullying",
        actor=users.teacher,
        evidence=[
            services.EvidenceInput(
                upload=screenshot(), platform="Instagram", url="https://instagram.com/p/1", captured_by="Tom Baker"
            ),
            services.EvidenceInput(upload=upload("chat.txt", b"You are useless\n", "text/plain"), platform="WhatsApp"),
        ],
    )
    data, manifest_sha = build_export(case=case, actor=users.head)
    path = tmp_path / f"{case.ref}.zip"
    path.write_bytes(data)
    return case, path, manifest_sha


def rewrite(path, *, replace=None, drop=None, add=None):
    with zipfile.ZipFile(path) as src:
        members = {i.filename: src.read(i) for i in src.infolist()}
    if replace:
        members.update(replace)
    for name in drop or ():
        members.pop(name)
    members.update(add or {})
    with zipfile.ZipFile(path, "w") as dst:
        for name, data in members.items():
            dst.writestr(name, data)


def test_an_export_holds_the_summary_the_files_and_a_manifest_of_hashes(exported):
    case, path, manifest_sha = exported
    with zipfile.ZipFile(path) as z:
        names = set(z.namelist())
        manifest = json.loads(z.read("manifest.json"))
        assert z.read("summary.pdf").startswith(b"%PDF")
        evidence_files = sorted(n for n in names if n.startswith("evidence/"))
        assert len(evidence_files) == 2
        assert z.read(evidence_files[0]) == png_bytes()
        assert hashlib.sha256(z.read("manifest.json")).hexdigest() == manifest_sha
        sums = z.read("SHA256SUMS").decode()
    assert {"summary.pdf", "manifest.json", "SHA256SUMS", "README.txt"} <= names
    assert manifest["case"] == case.ref and len(manifest["files"]) == 3
    shot = next(f for f in manifest["files"] if f.get("platform") == "Instagram")
    assert shot["sha256"] == case.evidence.first().sha256 and shot["captured_by"] == "Tom Baker"
    assert f"{shot['sha256']}  {shot['path']}" in sums
    event = AuditEvent.objects.get(action="case.exported")
    assert event.data == {"files": 3, "manifest_sha256": manifest_sha}


def test_the_receiving_side_verifies_an_untouched_export(exported, capsys):
    _case, path, manifest_sha = exported
    result = verify_export(path)
    assert result.ok and result.files == 3 and result.manifest_sha256 == manifest_sha
    assert main(["cases", "verify-export", str(path)]) == 0
    out = capsys.readouterr().out
    assert "export OK" in out and manifest_sha in out


def test_a_changed_file_is_caught(exported, capsys):
    _case, path, _sha = exported
    with zipfile.ZipFile(path) as z:
        name = next(n for n in z.namelist() if n.endswith(".png"))
    rewrite(path, replace={name: png_bytes(colour="green")})
    assert main(["cases", "verify-export", str(path)]) == 1
    out = capsys.readouterr().out
    assert "FAILED" in out and name in out


def test_a_missing_file_an_extra_file_and_a_rewritten_manifest_are_caught(exported):
    _case, path, manifest_sha = exported
    rewrite(path, drop=["summary.pdf"], add={"evidence/9999-extra.png": png_bytes()})
    result = verify_export(path)
    assert not result.ok
    assert any("summary.pdf: listed in the manifest but missing" in p for p in result.problems)
    assert any("evidence/9999-extra.png: in the archive but not listed" in p for p in result.problems)
    # an attacker who rewrites the manifest and the sums to match still changes the manifest's hash
    with zipfile.ZipFile(path) as z:
        manifest = json.loads(z.read("manifest.json"))
    manifest["files"] = [f for f in manifest["files"] if f["path"] != "summary.pdf"]
    manifest["files"].append(
        {"path": "evidence/9999-extra.png", "sha256": hashlib.sha256(png_bytes()).hexdigest(), "size": len(png_bytes())}
    )
    sums = "".join(f"{f['sha256']}  {f['path']}\n" for f in manifest["files"])
    rewrite(path, replace={"manifest.json": json.dumps(manifest).encode(), "SHA256SUMS": sums.encode()})
    result = verify_export(path)
    assert result.ok and result.manifest_sha256 != manifest_sha  # so it is confirmed with the sender


def test_unsafe_or_unreadable_archives_are_refused(tmp_path):
    evil = tmp_path / "evil.zip"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("../../etc/passwd", "x")
    evil.write_bytes(buffer.getvalue())
    assert "unsafe file name" in verify_export(evil).problems[0]
    junk = tmp_path / "junk.zip"
    junk.write_bytes(b"not a zip")
    assert "not a readable ZIP" in verify_export(junk).problems[0]
    assert main(["cases", "verify-export", str(junk)]) == 1


def test_only_handlers_can_export(report, users, client):
    case = report("bullying", actor=users.teacher)
    with pytest.raises(PermissionDenied):
        build_export(case=case, actor=users.teacher)
    client.force_login(users.head)
    response = client.post(f"/cases/{case.pk}/export/")
    assert response.status_code == 200 and response["Content-Type"] == "application/zip"
    assert response["X-Manifest-SHA256"]


def test_an_indecent_images_export_carries_the_record_and_no_material(report, users, record_step, tmp_path):
    case = report("indecent_images", actor=users.teacher)
    record_step(case, "police_referral", users.head, referred_on="2025-01-06", reference="CR/123/25")
    data, _sha = build_export(case=case, actor=users.head)
    path = tmp_path / "ii.zip"
    path.write_bytes(data)
    with zipfile.ZipFile(path) as z:
        assert not [n for n in z.namelist() if n.startswith("evidence/")]
    assert verify_export(path).ok
