"""Import a school directory (school.yaml, people.csv, relationships.csv) into the database.

Idempotent: people are matched on the MIS person_id; changed fields are updated, unchanged rows are
left alone, nothing is duplicated. Pupils who were on roll but are missing from a later export
become leavers (their leaving date is set to the import date); nobody is ever deleted. A file with
any bad row (a wrong UPN check letter, a missing name...) or a missing column changes nothing: every
problem is reported with its file, row number and reason.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from django.db import transaction
from django.utils import timezone

from safesocial.audit.services import record
from safesocial.engine.directory import PEOPLE_COLUMNS, Directory, RowProblem, load_directory, parse_directory
from safesocial.engine.directory import Person as DirPerson
from safesocial.engine.errors import DirectoryError

from .models import DirectoryImport, Person, PersonLink, School

# Every directory column except the key is a field an import may update.
FIELDS = tuple(c for c in PEOPLE_COLUMNS if c != "person_id")


@dataclass
class ImportReport:
    ok: bool
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    leavers: int = 0
    links: int = 0
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    dry_run: bool = False

    def summary(self) -> str:
        if not self.ok:
            return f"Import refused: {len(self.errors)} problem(s); nothing was changed."
        verb = "Would import" if self.dry_run else "Imported"
        return (
            f"{verb}: {self.created} new, {self.updated} updated, {self.unchanged} unchanged, "
            f"{self.leavers} new leaver(s), {self.links} contact link(s)."
        )


def _values(p: DirPerson) -> dict[str, Any]:
    return {
        "role": p.role,
        "upn": p.upn,
        "legal_forename": p.legal_forename,
        "legal_surname": p.legal_surname,
        "preferred_forename": p.preferred_forename,
        "preferred_surname": p.preferred_surname,
        "former_surname": p.former_surname,
        "dob": p.dob,
        "year_group": p.year_group,
        "admission_date": p.admission_date,
        "leaving_date": p.leaving_date,
        "email": p.email,
        "mobile": p.mobile,
        "handles": [f"{platform}:{handle}" for platform, handle in p.handles],
    }


def import_directory(
    *, school: School, directory: Directory, actor: Any = None, actor_label: str = "", dry_run: bool = False
) -> ImportReport:
    """Apply a parsed directory to a school. All or nothing."""
    if actor is not None:
        from safesocial.accounts.permissions import require_perm

        require_perm(actor, "people.import", school)
    report = ImportReport(ok=True, dry_run=dry_run)
    report.warnings = [str(w) for w in directory.warnings]
    if directory.errors:
        report.ok = False
        report.errors = [str(e) for e in directory.errors]
        return report

    today = timezone.localdate()
    now = timezone.now()
    with transaction.atomic():
        existing = {p.external_id: p for p in Person.objects.select_for_update().filter(school=school)}
        seen: set[str] = set()
        for person in directory.people:
            seen.add(person.person_id)
            values = _values(person)
            current = existing.get(person.person_id)
            if current is None:
                if not dry_run:
                    existing[person.person_id] = Person.objects.create(
                        school=school, external_id=person.person_id, imported_at=now, **values
                    )
                report.created += 1
                continue
            changed = [name for name in FIELDS if getattr(current, name) != values[name]]
            if changed:
                for name in changed:
                    setattr(current, name, values[name])
                current.imported_at = now
                if not dry_run:
                    current.save(update_fields=[*changed, "imported_at"])
                report.updated += 1
            else:
                report.unchanged += 1
        # Pupils on roll who are missing from this export have left.
        for external_id, person in existing.items():
            if external_id not in seen and person.role == Person.Role.PUPIL and person.leaving_date is None:
                person.leaving_date = today
                if not dry_run:
                    person.save(update_fields=["leaving_date"])
                report.leavers += 1
        # Links: replace the set of links for people in this export with the export's.
        if not dry_run:
            PersonLink.objects.filter(contact__school=school, contact__external_id__in=seen).delete()
            PersonLink.objects.bulk_create(
                [
                    PersonLink(
                        contact=existing[rel.contact_id],
                        pupil=existing[rel.pupil_id],
                        relationship=rel.relationship,
                        parental_responsibility=rel.parental_responsibility,
                        priority=rel.priority,
                    )
                    for rel in directory.relationships
                ]
            )
        report.links = len(directory.relationships)
        _apply_school_info(school, directory, dry_run=dry_run)
        if not dry_run:
            DirectoryImport.objects.create(
                school=school,
                at=now,
                by_label=actor_label or (actor.get_username() if actor is not None else "system"),
                created=report.created,
                updated=report.updated,
                unchanged=report.unchanged,
                leavers=report.leavers,
                links=report.links,
                warnings=report.warnings[:50],
            )
            record(
                action="people.imported",
                actor=actor,
                actor_label=actor_label,
                school=school,
                subject=school,
                data={
                    "created": report.created,
                    "updated": report.updated,
                    "unchanged": report.unchanged,
                    "leavers": report.leavers,
                    "links": report.links,
                },
            )
    return report


def _apply_school_info(school: School, directory: Directory, *, dry_run: bool) -> None:
    info = directory.school
    school.aliases = list(info.aliases)
    school.email_domains = list(info.email_domains)
    school.website = info.website or school.website
    school.social_accounts = [f"{p}:{h}" for p, h in info.social_accounts]
    if not dry_run:
        school.save(update_fields=["aliases", "email_domains", "website", "social_accounts"])


def read_uploaded(school_yaml: bytes | None, people_csv: bytes, relationships_csv: bytes | None) -> Directory:
    """Parse uploaded files; a missing school.yaml keeps the school's details as they are."""

    def text(data: bytes, name: str) -> str:
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            raise DirectoryError(f"{name} is not UTF-8 text", code="E206", where=name) from None

    school_text = text(school_yaml, "school.yaml") if school_yaml else None
    if school_text is None:
        school_text = "name: (unchanged)\n"
    return parse_directory(
        school_text,
        text(people_csv, "people.csv"),
        text(relationships_csv, "relationships.csv") if relationships_csv else None,
    )


def import_for_cli(*, school_slug: str, path: str, dry_run: bool) -> int:
    try:
        school = School.objects.get(slug=school_slug)
    except School.DoesNotExist:
        print(f"safesocial: error: no school with slug {school_slug!r}", file=sys.stderr)
        return 2
    try:
        directory = load_directory(Path(path))
    except DirectoryError as exc:
        print(f"safesocial: error {exc}; nothing was changed", file=sys.stderr)
        return 2
    report = import_directory(school=school, directory=directory, actor_label="cli", dry_run=dry_run)
    for warning in report.warnings:
        print(f"warning: {warning}")
    if not report.ok:
        for error in report.errors:
            print(f"error: {error}", file=sys.stderr)
        print(report.summary(), file=sys.stderr)
        return 1
    print(report.summary())
    return 0


def to_engine_directory(school: School, *, on: date | None = None) -> Directory:
    """The school's people as the engine's frozen Directory (for the checker and the connection audit)."""
    from safesocial.engine.directory import Person as EP
    from safesocial.engine.directory import Relationship, SchoolInfo

    people = tuple(
        EP(
            person_id=p.external_id,
            role=p.role,
            legal_forename=p.legal_forename,
            legal_surname=p.legal_surname,
            preferred_forename=p.preferred_forename,
            preferred_surname=p.preferred_surname,
            former_surname=p.former_surname,
            upn=p.upn,
            dob=p.dob,
            year_group=p.year_group,
            admission_date=p.admission_date,
            leaving_date=p.leaving_date,
            email=p.email,
            mobile=p.mobile,
            handles=tuple(tuple(h.split(":", 1)) for h in p.handles if ":" in h),  # type: ignore[misc]
        )
        for p in Person.objects.filter(school=school)
    )
    links = tuple(
        Relationship(
            contact_id=link.contact.external_id,
            pupil_id=link.pupil.external_id,
            relationship=link.relationship,
            parental_responsibility=link.parental_responsibility,
            priority=link.priority,
        )
        for link in PersonLink.objects.filter(pupil__school=school).select_related("contact", "pupil")
    )
    info = SchoolInfo(
        name=school.name,
        aliases=tuple(school.aliases),
        email_domains=tuple(school.email_domains),
        website=school.website,
        social_accounts=tuple(tuple(a.split(":", 1)) for a in school.social_accounts if ":" in a),  # type: ignore[misc]
    )
    return Directory(school=info, people=people, relationships=links)


__all__ = ["ImportReport", "RowProblem", "import_directory", "import_for_cli", "read_uploaded", "to_engine_directory"]
