"""The school context the checker judges against, built once and reused for thousands of posts.

``build_context`` turns the school's details and its directory into lookup structures: an
Aho-Corasick automaton over every way a pupil, parent or member of staff may be named (legal and
preferred names, former surnames, common nicknames, accents folded, known handles), the school's
names and aliases, its email domains and official accounts. Nothing here reads files at judge time.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import ahocorasick

from ..directory import Directory, Person, SchoolInfo
from .lexicon import read_data
from .textfeatures import fold


@dataclass(frozen=True, slots=True)
class NameRef:
    """One way of naming one person: ``form`` is full | forename | surname | handle."""

    person_id: str
    role: str  # pupil | staff | contact | governor | volunteer | contractor
    form: str
    display: str  # the person's display name, for explanations
    word_like: bool  # the variant is also an ordinary English word ("will", "grace")
    former: bool = False  # a former pupil on the context date
    under_18: bool | None = None


@dataclass(frozen=True, slots=True)
class NameHit:
    start: int
    end: int
    variant: str
    refs: tuple[NameRef, ...]


@functools.cache
def nicknames() -> dict[str, tuple[str, ...]]:
    """formal -> short forms, and short -> formal names (both folded)."""
    table: dict[str, list[str]] = {}
    for raw in read_data("nicknames.txt").splitlines():
        line = raw.strip()
        if not line or line.startswith("#") or ":" not in line:
            continue
        formal, shorts = line.split(":", 1)
        formal = fold(formal.strip())
        for short in (fold(s.strip()) for s in shorts.split(",")):
            if not short:
                continue
            table.setdefault(formal, []).append(short)
            table.setdefault(short, []).append(formal)
    return {k: tuple(dict.fromkeys(v)) for k, v in table.items()}


@functools.cache
def word_names() -> frozenset[str]:
    return frozenset(
        fold(line.strip())
        for line in read_data("word_names.txt").splitlines()
        if line.strip() and not line.startswith("#")
    )


def _school_name_forms(school: SchoolInfo) -> list[tuple[str, bool]]:
    """(folded form, needs exact case) for the school's names and aliases."""
    out: list[tuple[str, bool]] = []
    generic = {"school", "primary", "academy", "the school", "primary school"}
    for name in school.names:
        folded = " ".join(fold(name).split())
        if not folded or folded in generic:
            continue
        # A short all-capitals alias ("OPS", "BPA") is matched case-sensitively on the original text.
        out.append((folded, name.isupper() and len(name) <= 5))
    return out


@dataclass
class SchoolContext:
    """Everything the detectors know about the school. Build with ``build_context``."""

    school: SchoolInfo | None = None
    on: date | None = None
    school_forms: tuple[tuple[str, bool], ...] = ()
    email_domains: tuple[str, ...] = ()
    official_handles: frozenset[str] = frozenset()
    people: dict[str, Person] = field(default_factory=dict)
    _names: Any = None  # ahocorasick.Automaton over folded name variants
    _school_names: Any = None
    _handles: dict[str, tuple[NameRef, ...]] = field(default_factory=dict)
    parents_of: dict[str, tuple[str, ...]] = field(default_factory=dict)  # contact id -> pupil ids
    _name_cache: dict[str, tuple[NameHit, ...]] = field(default_factory=dict, repr=False)

    @property
    def has_directory(self) -> bool:
        return self._names is not None

    def find_names(self, folded: str) -> list[NameHit]:
        """Whole-word occurrences of known name variants in folded text, longest first at a position."""
        if self._names is None or not folded:
            return []
        cached = self._name_cache.get(folded)
        if cached is not None:
            return list(cached)
        hits = self._find_names(folded)
        if len(self._name_cache) > 64:
            self._name_cache.clear()
        self._name_cache[folded] = tuple(hits)
        return hits

    def _find_names(self, folded: str) -> list[NameHit]:
        hits: list[NameHit] = []
        for end_index, (variant, refs) in self._names.iter(folded):
            start = end_index - len(variant) + 1
            end = end_index + 1
            if start > 0 and (folded[start - 1].isalnum() or folded[start - 1] in "@._"):
                continue
            if end < len(folded) and folded[end].isalnum():
                continue
            hits.append(NameHit(start, end, variant, refs))
        # keep the longest match at overlapping positions (a full name over its forename)
        hits.sort(key=lambda h: (h.start, -(h.end - h.start)))
        kept: list[NameHit] = []
        for hit in hits:
            if kept and hit.start < kept[-1].end:
                continue
            kept.append(hit)
        return kept

    def find_handles(self, folded: str) -> list[tuple[int, int, tuple[NameRef, ...]]]:
        out = []
        for m in re.finditer(r"@?([a-z0-9_.]{3,30}[a-z0-9_])", folded):
            refs = self._handles.get(m.group(1))
            if refs:
                out.append((m.start(), m.end(), refs))
        return out

    def find_school_names(self, text: str, folded: str) -> list[tuple[int, int, str]]:
        out: list[tuple[int, int, str]] = []
        if self._school_names is None:
            return out
        for end_index, (form, exact) in self._school_names.iter(folded):
            start = end_index - len(form) + 1
            end = end_index + 1
            if start > 0 and (folded[start - 1].isalnum() or folded[start - 1] in "@./_"):
                continue  # part of an email address, a link or a handle
            if end < len(folded) and (folded[end].isalnum() or folded[end : end + 2] in (".s", ".o", ".c")):
                continue
            if exact and text[start:end].upper() != text[start:end]:
                continue
            out.append((start, end, text[start:end]))
        out.sort(key=lambda h: (h[0], -(h[1] - h[0])))
        kept: list[tuple[int, int, str]] = []
        for hit in out:
            if kept and hit[0] < kept[-1][1]:
                continue
            kept.append(hit)
        return kept


def _variants(person: Person) -> list[tuple[str, str]]:
    """(folded variant, form) for a person."""
    forenames = [fold(n) for n in person.forenames]
    expanded = list(forenames)
    table = nicknames()
    for name in forenames:
        for nick in table.get(name, ()):
            if nick not in expanded:
                expanded.append(nick)
    surnames = [fold(n) for n in person.surnames]
    out: list[tuple[str, str]] = []
    for fn in expanded:
        for sn in surnames:
            out.append((f"{fn} {sn}", "full"))
    for fn in expanded:
        if len(fn) >= 3:
            out.append((fn, "forename"))
    for sn in surnames:
        if len(sn) >= 3:
            out.append((sn, "surname"))
            # "ap Rhys", "Ó Briain": also the last word alone when it is distinctive
            parts = sn.split()
            if len(parts) > 1 and len(parts[-1]) >= 4:
                out.append((parts[-1], "surname"))
    return out


def build_context(
    school: SchoolInfo | None = None, directory: Directory | None = None, on: date | None = None
) -> SchoolContext:
    """Precompile the school's names, domains, accounts and directory for fast repeated judging."""
    if school is None and directory is not None:
        school = directory.school
    ctx = SchoolContext(school=school, on=on)
    if school is not None:
        ctx.school_forms = tuple(_school_name_forms(school))
        ctx.email_domains = tuple(d.lower().lstrip("@") for d in school.email_domains)
        ctx.official_handles = frozenset(fold(h).lstrip("@") for _, h in school.social_accounts)
        if ctx.school_forms:
            automaton = ahocorasick.Automaton()
            for form, exact in ctx.school_forms:
                automaton.add_word(form, (form, exact))
            automaton.make_automaton()
            ctx._school_names = automaton
    if directory is not None and directory.people:
        day = on or date.today()  # noqa: DTZ011 - a calendar date for "on roll", no time zone involved
        words = word_names()
        index: dict[str, list[NameRef]] = {}
        handles: dict[str, list[NameRef]] = {}
        for person in directory.people:
            ctx.people[person.person_id] = person
            former = person.is_former_pupil(day)
            age = person.age_on(day)
            under_18 = None if age is None else age < 18
            for variant, form in _variants(person):
                ref = NameRef(
                    person_id=person.person_id,
                    role=person.role,
                    form=form,
                    display=person.display_name,
                    word_like=form != "full" and variant in words,
                    former=former,
                    under_18=under_18,
                )
                refs = index.setdefault(variant, [])
                if all(r.person_id != ref.person_id for r in refs):
                    refs.append(ref)
            for _, handle in person.handles:
                handles.setdefault(fold(handle).lstrip("@"), []).append(
                    NameRef(person.person_id, person.role, "handle", person.display_name, False, former, under_18)
                )
        automaton = ahocorasick.Automaton()
        for variant, refs in index.items():
            automaton.add_word(variant, (variant, tuple(refs)))
        automaton.make_automaton()
        ctx._names = automaton
        ctx._handles = {k: tuple(v) for k, v in handles.items()}
        parents: dict[str, list[str]] = {}
        for rel in directory.relationships:
            parents.setdefault(rel.contact_id, []).append(rel.pupil_id)
        ctx.parents_of = {k: tuple(v) for k, v in parents.items()}
    return ctx
