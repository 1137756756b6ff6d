"""Export a case for the LADO or the police: a ZIP of summary.pdf, the evidence files and a manifest.

Every evidence file is hashed again as it is written and compared with the SHA-256 recorded when it
was uploaded: an export never carries a file that has changed on disk. The manifest's own SHA-256 is
recorded in the audit event, so the receiver can confirm it with the sender.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import zipfile
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone

from safesocial.accounts.roles import Role
from safesocial.audit.services import record

from .evidence import CHUNK, open_stored
from .exportcheck import FORMAT
from .models import Case
from .services import CaseError, _label, may_act

README = """This archive is an export of case {ref} from SafeSocial ({school}).

manifest.json lists every file with its SHA-256 and size, and the capture details of each item of
evidence. SHA256SUMS holds the same hashes: check them with `sha256sum -c SHA256SUMS`, or with
`safesocial cases verify-export THIS.zip`, which also checks that nothing was added or removed.

The SHA-256 of manifest.json was recorded in the sender's audit trail when the export was made:
ask them for it to confirm this manifest is the one they sent.
"""


def _safe(name: str) -> str:
    cleaned = re.sub(r"[^A-Za-z0-9._-]+", "-", name).strip("-.") or "file"
    return cleaned[:80]


def build_export(*, case: Case, actor: Any) -> tuple[bytes, str]:
    """(the ZIP bytes, the manifest's SHA-256). Handlers only; audited."""
    from weasyprint import HTML

    if not may_act(actor, case):
        raise PermissionDenied("Only the case's handlers can export it.")
    now = timezone.now()
    context = {
        "case": case,
        "steps": list(case.steps.select_related("recorded_by")),
        "evidence": list(case.evidence.select_related("uploaded_by")),
        "activity": list(case.activity.select_related("actor")),
        "removal_requests": list(case.removal_requests.all()),
        "holds": list(case.holds.all()),
        "handled_by": [Role(r).label if r in Role.values else r for r in case.route.get("handler_roles", [])],
        "generated_at": now,
        "generated_by": actor,
    }
    summary = HTML(string=render_to_string("cases/export_summary.html", context)).write_pdf()
    files: list[dict[str, Any]] = []
    buffer = io.BytesIO()
    limit = int(getattr(settings, "SAFESOCIAL_MAX_EXPORT_BYTES", 100 * 1024 * 1024))
    total = len(summary)
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("summary.pdf", summary)
        files.append(
            {
                "path": "summary.pdf",
                "sha256": hashlib.sha256(summary).hexdigest(),
                "size": len(summary),
                "role": "summary",
            }
        )
        for ev in context["evidence"]:
            if not ev.file:
                continue
            total += ev.size
            if total > limit:
                raise CaseError(
                    "The export would be larger than the limit; ask the administrator to raise "
                    "SAFESOCIAL_MAX_EXPORT_BYTES."
                )
            path = f"evidence/{ev.pk:04d}-{_safe(ev.original_name)}"
            digest = hashlib.sha256()
            size = 0
            with open_stored(ev.file.name) as src, archive.open(path, "w") as dst:
                for block in iter(lambda: src.read(CHUNK), b""):
                    digest.update(block)
                    size += len(block)
                    dst.write(block)
            if digest.hexdigest() != ev.sha256:
                raise CaseError(
                    f"Evidence item {ev.pk} no longer matches the SHA-256 recorded when it was uploaded. "
                    "The export was stopped; tell the administrator."
                )
            files.append(
                {
                    "path": path,
                    "sha256": ev.sha256,
                    "size": size,
                    "role": "evidence",
                    "evidence_id": ev.pk,
                    "content_type": ev.content_type,
                    "uploaded_at": ev.uploaded_at.isoformat(),
                    "uploaded_by": str(ev.uploaded_by) if ev.uploaded_by else "",
                    "captured_by": ev.captured_by,
                    "platform": ev.platform,
                    "url": ev.url,
                    "seen_at": ev.seen_at.isoformat() if ev.seen_at else None,
                    "supersedes": ev.supersedes_id,
                    "correction_reason": ev.correction_reason,
                }
            )
        manifest = {
            "format": FORMAT,
            "algorithm": "sha256",
            "case": case.ref,
            "case_type": case.case_type,
            "school": case.school.name,
            "generated_at": now.isoformat(),
            "generated_by": _label(actor),
            "files": files,
        }
        raw = json.dumps(manifest, indent=2, ensure_ascii=False).encode()
        archive.writestr("manifest.json", raw)
        archive.writestr("SHA256SUMS", "".join(f"{f['sha256']}  {f['path']}\n" for f in files))
        archive.writestr("README.txt", README.format(ref=case.ref, school=case.school.name))
    manifest_sha256 = hashlib.sha256(raw).hexdigest()
    with transaction.atomic():
        record(
            action="case.exported",
            actor=actor,
            school=case.school,
            subject=case,
            data={"files": len(files), "manifest_sha256": manifest_sha256},
        )
    return buffer.getvalue(), manifest_sha256
