"""Render an adopted policy version as an accessible HTML page or a PDF (WeasyPrint)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from django.template.loader import render_to_string

from .models import PolicyVersion


def version_context(version: PolicyVersion) -> dict[str, Any]:
    snap = version.pack_snapshot
    sections = []
    by_section: dict[str, list[dict[str, Any]]] = {}
    for clause in snap.get("clauses", []):
        by_section.setdefault(clause["section"], []).append(clause)
    for section in snap.get("sections", []):
        sections.append({**section, "clauses": by_section.get(section["id"], [])})
    return {"version": version, "school": version.school, "pack": snap.get("pack", {}), "sections": sections,
            "options": snap.get("options", {})}


def render_html_document(version: PolicyVersion) -> str:
    """A standalone HTML document (used for the PDF and for `safesocial policy render`)."""
    return render_to_string("policies/document.html", version_context(version))


def render_pdf(version: PolicyVersion) -> bytes:
    from weasyprint import HTML

    return HTML(string=render_html_document(version)).write_pdf()  # type: ignore[no-any-return]


def render_for_cli(*, pack_id: str, school_slug: str, fmt: str, output: str) -> int:
    from safesocial.people.models import School

    from .selectors import version_in_force

    school = School.objects.filter(slug=school_slug).first()
    if school is None:
        print(f"safesocial: error: no school with slug {school_slug!r}", file=sys.stderr)
        return 2
    version = version_in_force(school=school)
    if version is None or version.pack_id != pack_id:
        version = PolicyVersion.objects.filter(school=school, pack_id=pack_id).order_by("-effective_from", "-id").first()
    if version is None:
        print(f"safesocial: error: {school.name} has not adopted the {pack_id!r} pack", file=sys.stderr)
        return 2
    path = Path(output)
    if fmt == "pdf":
        path.write_bytes(render_pdf(version))
    else:
        path.write_text(render_html_document(version), encoding="utf-8")
    print(f"wrote {path} ({path.stat().st_size} bytes): {school.name}, {version.title} v{version.label}")
    return 0
