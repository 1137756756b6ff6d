"""The school directory: school.yaml, people.csv and relationships.csv (shared/FORMATS.md §1).

Reading is strict about structure (a missing column or an unreadable file is an error that stops the
whole import) and precise about rows (each bad row is reported with its row number and reason).
The result is frozen dataclasses the checker, the connection audit and the web import all use.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import yaml

from .errors import DirectoryError

PERSON_ROLES = ("pupil", "staff", "contact", "governor", "volunteer", "contractor")
YEAR_GROUPS = ("N1", "N2", "R", *(str(n) for n in range(1, 15)))
NOT_LEFT = date(2079, 6, 6)  # the MIS sentinel for "not left"
# LA numbers in England and Wales fall in 201-938; outside that we warn, never reject.
KNOWN_LA_RANGE = (201, 938)
PEOPLE_COLUMNS = (
    "person_id",
    "role",
    "upn",
    "legal_forename",
    "legal_surname",
    "preferred_forename",
    "preferred_surname",
    "former_surname",
    "dob",
    "year_group",
    "admission_date",
    "leaving_date",
    "email",
    "mobile",
    "handles",
)
REQUIRED_PEOPLE_COLUMNS = ("person_id", "role", "legal_forename", "legal_surname")
RELATIONSHIP_COLUMNS = ("contact_id", "pupil_id", "relationship", "parental_responsibility", "priority")

_UPN_LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ"  # check letter for remainders 0..22 (no I, O, S)
_UPN = re.compile(r"^[A-Z]\d{3}\d{4}\d{2}(\d{3}|\d{2}[A-Z])$")


def upn_check_letter(upn: str) -> str:
    """The check letter for characters 2-13 of a UPN (DfE UPN guide v1.2, Annex A)."""
    total = 0
    for position, char in enumerate(upn[1:13], start=2):
        value = int(char) if char.isdigit() else _UPN_LETTERS.index(char)
        total += value * position
    return _UPN_LETTERS[total % 23]


def upn_problem(upn: str) -> str | None:
    """None if the UPN is well formed with a correct check letter, else the reason."""
    if not _UPN.match(upn):
        return "UPN must be 13 characters: a letter, 11 digits and a digit or letter"
    last = upn[12]
    if last.isalpha() and last not in _UPN_LETTERS:
        return f"UPN letter {last!r} in position 13 is not allowed (I, O and S are never used)"
    expected = upn_check_letter(upn)
    if upn[0] != expected:
        return f"UPN check letter is {upn[0]!r} but should be {expected!r}"
    return None


@dataclass(frozen=True, slots=True)
class SchoolInfo:
    name: str
    aliases: tuple[str, ...] = ()
    email_domains: tuple[str, ...] = ()
    website: str = ""
    social_accounts: tuple[tuple[str, str], ...] = ()  # (platform, handle)

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True, slots=True)
class Person:
    person_id: str
    role: str
    legal_forename: str
    legal_surname: str
    preferred_forename: str = ""
    preferred_surname: str = ""
    former_surname: str = ""
    upn: str = ""
    dob: date | None = None
    year_group: str = ""
    admission_date: date | None = None
    leaving_date: date | None = None
    email: str = ""
    mobile: str = ""
    handles: tuple[tuple[str, str], ...] = ()

    def on_roll(self, on: date) -> bool:
        """A pupil is on roll unless their leaving date is on or before ``on``."""
        if self.role != "pupil":
            return False
        return self.leaving_date is None or self.leaving_date > on

    def is_former_pupil(self, on: date) -> bool:
        return self.role == "pupil" and not self.on_roll(on)

    def age_on(self, on: date) -> int | None:
        if self.dob is None:
            return None
        return on.year - self.dob.year - ((on.month, on.day) < (self.dob.month, self.dob.day))

    @property
    def forenames(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(n for n in (self.legal_forename, self.preferred_forename) if n))

    @property
    def surnames(self) -> tuple[str, ...]:
        return tuple(
            dict.fromkeys(n for n in (self.legal_surname, self.preferred_surname, self.former_surname) if n)
        )

    @property
    def display_name(self) -> str:
        return f"{self.preferred_forename or self.legal_forename} {self.preferred_surname or self.legal_surname}"


@dataclass(frozen=True, slots=True)
class Relationship:
    contact_id: str
    pupil_id: str
    relationship: str
    parental_responsibility: bool
    priority: int | None = None


@dataclass(frozen=True, slots=True)
class RowProblem:
    file: str
    row: int  # 1-based line number in the file (the header is row 1)
    reason: str
    level: str = "error"  # error | warning

    def __str__(self) -> str:
        return f"{self.file} row {self.row}: {self.reason}"


@dataclass(frozen=True)
class Directory:
    school: SchoolInfo
    people: tuple[Person, ...]
    relationships: tuple[Relationship, ...] = ()
    problems: tuple[RowProblem, ...] = ()
    _by_id: Mapping[str, Person] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_id", {p.person_id: p for p in self.people})

    @property
    def errors(self) -> tuple[RowProblem, ...]:
        return tuple(p for p in self.problems if p.level == "error")

    @property
    def warnings(self) -> tuple[RowProblem, ...]:
        return tuple(p for p in self.problems if p.level == "warning")

    def person(self, person_id: str) -> Person | None:
        return self._by_id.get(person_id)

    def pupils(self) -> tuple[Person, ...]:
        return tuple(p for p in self.people if p.role == "pupil")

    def contacts_of(self, pupil_id: str, *, parental_responsibility_only: bool = False) -> tuple[Person, ...]:
        out = []
        for rel in self.relationships:
            if rel.pupil_id == pupil_id and (rel.parental_responsibility or not parental_responsibility_only):
                contact = self._by_id.get(rel.contact_id)
                if contact:
                    out.append(contact)
        return tuple(out)

    def children_of(self, contact_id: str) -> tuple[Person, ...]:
        return tuple(
            p for rel in self.relationships if rel.contact_id == contact_id if (p := self._by_id.get(rel.pupil_id))
        )

    def siblings_of(self, pupil_id: str) -> tuple[Person, ...]:
        """Pupils who share a contact with parental responsibility with this pupil."""
        carers = {r.contact_id for r in self.relationships if r.pupil_id == pupil_id and r.parental_responsibility}
        ids = {
            r.pupil_id
            for r in self.relationships
            if r.contact_id in carers and r.parental_responsibility and r.pupil_id != pupil_id
        }
        return tuple(p for i in sorted(ids) if (p := self._by_id.get(i)))


def _date(value: str, column: str) -> date | None:
    value = value.strip()
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{column} {value!r} is not an ISO date (YYYY-MM-DD)") from None


def _handles(value: str) -> tuple[tuple[str, str], ...]:
    out = []
    for part in value.split(";"):
        part = part.strip()
        if not part:
            continue
        if ":" not in part:
            raise ValueError(f"handle {part!r} must be platform:handle")
        platform, handle = part.split(":", 1)
        out.append((platform.strip().lower(), handle.strip().lstrip("@")))
    return tuple(out)


def _reader(text: str, file: str, required: Iterable[str]) -> csv.DictReader[str]:
    text = text.lstrip("\ufeff")
    if not text.strip():
        raise DirectoryError(f"{file} is empty: a header row is required", code="E201", where=file)
    reader = csv.DictReader(io.StringIO(text))
    header = [h.strip() for h in (reader.fieldnames or [])]
    reader.fieldnames = header
    missing = [c for c in required if c not in header]
    if missing:
        raise DirectoryError(
            f"{file} is missing required column(s): {', '.join(missing)}", code="E202", where=f"{file} row 1"
        )
    return reader


def parse_people(text: str, file: str = "people.csv") -> tuple[list[Person], list[RowProblem]]:
    reader = _reader(text, file, REQUIRED_PEOPLE_COLUMNS)
    people: list[Person] = []
    problems: list[RowProblem] = []
    seen: set[str] = set()
    for row in reader:
        line = reader.line_num
        values = {k: (v or "").strip() for k, v in row.items() if k is not None}
        if not any(values.values()):
            continue
        try:
            person = _person(values)
        except ValueError as exc:
            problems.append(RowProblem(file, line, str(exc)))
            continue
        if person.person_id in seen:
            problems.append(RowProblem(file, line, f"person_id {person.person_id!r} appears more than once"))
            continue
        seen.add(person.person_id)
        la = int(person.upn[1:4]) if person.upn else None
        if la is not None and not KNOWN_LA_RANGE[0] <= la <= KNOWN_LA_RANGE[1]:
            problems.append(RowProblem(file, line, f"UPN LA code {la:03d} is not a known local authority number", "warning"))
        people.append(person)
    return people, problems


def _person(v: Mapping[str, str]) -> Person:
    person_id = v.get("person_id", "")
    if not person_id:
        raise ValueError("person_id is empty")
    role = v.get("role", "").lower()
    if role not in PERSON_ROLES:
        raise ValueError(f"role {v.get('role')!r} is not one of {', '.join(PERSON_ROLES)}")
    if not v.get("legal_forename") or not v.get("legal_surname"):
        raise ValueError("legal_forename and legal_surname are required")
    upn = v.get("upn", "").upper()
    if role == "pupil":
        if not upn:
            raise ValueError("a pupil needs a UPN")
        problem = upn_problem(upn)
        if problem:
            raise ValueError(f"{problem} ({upn})")
    year_group = v.get("year_group", "").upper()
    if year_group and year_group not in YEAR_GROUPS:
        raise ValueError(f"year_group {v.get('year_group')!r} is not one of N1, N2, R, 1-14")
    leaving = _date(v.get("leaving_date", ""), "leaving_date")
    if leaving == NOT_LEFT:
        leaving = None
    dob = _date(v.get("dob", ""), "dob")
    if role == "pupil" and dob is None:
        raise ValueError("a pupil needs a date of birth (dob)")
    return Person(
        person_id=person_id,
        role=role,
        legal_forename=v["legal_forename"],
        legal_surname=v["legal_surname"],
        preferred_forename=v.get("preferred_forename", ""),
        preferred_surname=v.get("preferred_surname", ""),
        former_surname=v.get("former_surname", ""),
        upn=upn,
        dob=dob,
        year_group=year_group,
        admission_date=_date(v.get("admission_date", ""), "admission_date"),
        leaving_date=leaving,
        email=v.get("email", ""),
        mobile=v.get("mobile", ""),
        handles=_handles(v.get("handles", "")),
    )


def parse_relationships(
    text: str, people: Mapping[str, Person], file: str = "relationships.csv"
) -> tuple[list[Relationship], list[RowProblem]]:
    reader = _reader(text, file, ("contact_id", "pupil_id"))
    out: list[Relationship] = []
    problems: list[RowProblem] = []
    for row in reader:
        line = reader.line_num
        v = {k: (val or "").strip() for k, val in row.items() if k is not None}
        if not any(v.values()):
            continue
        contact, pupil = people.get(v.get("contact_id", "")), people.get(v.get("pupil_id", ""))
        if contact is None:
            problems.append(RowProblem(file, line, f"contact_id {v.get('contact_id')!r} is not in people.csv"))
            continue
        if pupil is None or pupil.role != "pupil":
            problems.append(RowProblem(file, line, f"pupil_id {v.get('pupil_id')!r} is not a pupil in people.csv"))
            continue
        pr = v.get("parental_responsibility", "").upper()
        if pr not in ("", "Y", "N", "YES", "NO", "TRUE", "FALSE"):
            problems.append(RowProblem(file, line, f"parental_responsibility {pr!r} must be Y or N"))
            continue
        priority = v.get("priority", "")
        if priority and not priority.isdigit():
            problems.append(RowProblem(file, line, f"priority {priority!r} must be a whole number"))
            continue
        out.append(
            Relationship(
                contact_id=contact.person_id,
                pupil_id=pupil.person_id,
                relationship=v.get("relationship", ""),
                parental_responsibility=pr in ("Y", "YES", "TRUE"),
                priority=int(priority) if priority else None,
            )
        )
    return out, problems


def parse_school(text: str, file: str = "school.yaml") -> SchoolInfo:
    try:
        data = yaml.safe_load(text) or {}
    except yaml.YAMLError as exc:
        raise DirectoryError(f"{file} is not valid YAML: {exc}", code="E203", where=file) from exc
    if not isinstance(data, dict) or not str(data.get("name", "")).strip():
        raise DirectoryError(f"{file} must be a mapping with a name", code="E204", where=file)
    accounts = []
    for item in data.get("social_accounts") or []:
        if not isinstance(item, str) or ":" not in item:
            raise DirectoryError(f"social account {item!r} must be platform:handle", code="E204", where=file)
        platform, handle = item.split(":", 1)
        accounts.append((platform.strip().lower(), handle.strip().lstrip("@")))

    def strings(key: str) -> tuple[str, ...]:
        value = data.get(key) or []
        if isinstance(value, str):
            value = [value]
        return tuple(str(x).strip() for x in value if str(x).strip())

    return SchoolInfo(
        name=str(data["name"]).strip(),
        aliases=strings("aliases"),
        email_domains=tuple(d.lower() for d in strings("email_domains")),
        website=str(data.get("website") or "").strip(),
        social_accounts=tuple(accounts),
    )


def _read(path: Path) -> str:
    try:
        return path.read_bytes().decode("utf-8")
    except FileNotFoundError:
        raise DirectoryError(f"{path.name} is missing from the directory", code="E205", where=str(path)) from None
    except UnicodeDecodeError as exc:
        raise DirectoryError(f"{path.name} is not UTF-8: {exc}", code="E206", where=str(path)) from None


def parse_directory(school_yaml: str, people_csv: str, relationships_csv: str | None) -> Directory:
    school = parse_school(school_yaml)
    people, problems = parse_people(people_csv)
    relationships: list[Relationship] = []
    if relationships_csv is not None and relationships_csv.strip():
        relationships, rel_problems = parse_relationships(relationships_csv, {p.person_id: p for p in people})
        problems.extend(rel_problems)
    return Directory(school=school, people=tuple(people), relationships=tuple(relationships), problems=tuple(problems))


def load_directory(path: str | Path) -> Directory:
    """Read a school directory folder. Raises DirectoryError for a missing file or column."""
    root = Path(path)
    if not root.is_dir():
        raise DirectoryError(f"{root} is not a directory", code="E205", where=str(root))
    rel_path = root / "relationships.csv"
    return parse_directory(
        _read(root / "school.yaml"),
        _read(root / "people.csv"),
        _read(rel_path) if rel_path.exists() else None,
    )
