"""The letter to a platform asking it to remove material about a member of staff (text and PDF)."""

from __future__ import annotations

from typing import Any

from django.template.loader import render_to_string
from django.utils import timezone


def letter_context(
    *, case: Any, evidence: Any, platform: str, url: str, signed_by: Any, signed_role: str
) -> dict[str, Any]:
    return {
        "case": case,
        "school": case.school,
        "evidence": evidence,
        "platform": platform,
        "url": url or (evidence.url if evidence is not None else ""),
        "seen_at": evidence.seen_at if evidence is not None else None,
        "today": timezone.localdate(),
        "signed_by": signed_by,
        "signed_role": signed_role,
    }


def render_removal_letter(**kwargs: Any) -> str:
    """The letter as plain text (stored on the request, so what was sent is kept as sent)."""
    return render_to_string("cases/letters/removal_request.txt", letter_context(**kwargs)).strip() + "\n"


def render_letter_pdf(request: Any) -> bytes:
    from weasyprint import HTML

    html = render_to_string(
        "cases/letters/removal_request.html", {"request": request, "case": request.case, "school": request.case.school}
    )
    return HTML(string=html).write_pdf()  # type: ignore[no-any-return]
