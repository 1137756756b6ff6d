"""Who a matched person is to the school on the audit date, and what the adopted pack says about it.

``Family`` indexes the directory's relationships once (contacts of each pupil, pupils of each
contact), so classification does not scan the relationship table for every match.

Classification (vocab.RELATIONSHIPS), on the audit date:

- ``current_pupil``: a pupil on roll;
- ``former_pupil_under_18``: a former pupil whose age on the audit date, from the date of birth, is
  under 18 (on the 18th birthday they are no longer under 18);
- ``former_pupil_sibling_on_roll``: a former pupil who shares a contact with parental
  responsibility with a pupil on roll;
- ``former_pupil``: any other former pupil;
- ``parent_on_roll``: a contact with parental responsibility for, or recorded as parent or carer
  of, a pupil on roll;
- ``other_contact``: any other contact (grandparent, childminder, parent of leavers only);
- ``governor``; ``staff`` (volunteers and contractors count as school workforce: ``staff``).

Facts for conditions: ``under_18`` for any pupil under 18 on the date, ``on_roll`` for a pupil on
roll and for the parent of one, ``former_pupil``, ``sibling_on_roll``.

A former pupil can be both under 18 and have a sibling on roll: every class that applies is kept
(``classes``) and the first in vocabulary order is reported (``relationship``), so a clause on
either class engages.

``RuleBook`` applies the pack's connection-audit clauses (enforcement rule ``connection_audit``):
a clause engages when it binds the audited role, covers the personal channel, names one of the
person's classes and its evaluable conditions hold (on_roll, former_pupil, under_18,
sibling_on_roll; others, such as prior_approval, cannot be seen in an export and do not stop it).
The verdict is the clause's severity (vocab.MODALITY_SEVERITY: must and must_not give ``breach``,
should and should_not ``advise``) and may gives ``ok``. A declaration (family
relationship, a social circle acknowledged by the headteacher) lifts each clause that lists it
among its exceptions; the clause is still cited, with the lift.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from ..directory import Directory, Person
from ..model import AdoptedPolicy, Clause
from ..vocab import CONDITIONS, MODALITY_SEVERITY, RELATIONSHIPS

RELATIONSHIP_LABELS: dict[str, str] = {
    "current_pupil": "current pupil",
    "former_pupil_under_18": "former pupil under 18",
    "former_pupil_sibling_on_roll": "former pupil with a sibling on roll",
    "former_pupil": "former pupil",
    "parent_on_roll": "parent or carer of a pupil on roll",
    "other_contact": "contact of the school",
    "governor": "governor",
    "staff": "member of staff",
}
# The declarations the school records for a member of staff's connection. The first two are the
# exceptions relationship clauses carry; any other pack condition a clause lists among its
# exceptions (properly_authorised, prior_approval...) may be declared too.
DECLARATIONS: tuple[str, ...] = ("family_relationship", "acknowledged_social_circle")
DECLARATION_LABELS = {
    "family_relationship": "a declared family relationship",
    "acknowledged_social_circle": "a social circle acknowledged by the headteacher",
    "properly_authorised": "authorisation as part of their duties",
    "prior_approval": "prior approval",
    "written_approval": "written approval",
}
VERDICTS: tuple[str, ...] = ("ok", "advise", "breach")  # in rising severity
_SEVERITY = {v: i for i, v in enumerate(VERDICTS)}
_MODALITY_VERDICT = {**MODALITY_SEVERITY, "may": "ok"}  # the engine's severities, and may permits
# A relationship named as a parent or carer (a grandmother or an aunt is not, unless she has
# parental responsibility).
_PARENT = re.compile(r"\b(mother|father|parent|carer|guardian|mum|dad|step\w*|foster\w*)\b", re.IGNORECASE)
_EVALUABLE = frozenset({"on_roll", "former_pupil", "under_18", "sibling_on_roll"})


def worst(verdicts: Iterable[str]) -> str:
    return max(verdicts, key=_SEVERITY.__getitem__, default="ok")


class Family:
    """The directory's contact-pupil links, indexed both ways."""

    def __init__(self, directory: Directory) -> None:
        self.directory = directory
        self.children: dict[str, list[tuple[str, bool, str]]] = {}  # contact -> (pupil, PR, relationship)
        self.carers: dict[str, list[str]] = {}  # pupil -> contacts with parental responsibility
        for rel in directory.relationships:
            self.children.setdefault(rel.contact_id, []).append(
                (rel.pupil_id, rel.parental_responsibility, rel.relationship)
            )
            if rel.parental_responsibility:
                self.carers.setdefault(rel.pupil_id, []).append(rel.contact_id)

    def siblings(self, pupil_id: str) -> list[Person]:
        ids: dict[str, None] = {}
        for carer in self.carers.get(pupil_id, ()):
            for child, pr, _ in self.children.get(carer, ()):
                if pr and child != pupil_id:
                    ids[child] = None
        return [p for i in sorted(ids) if (p := self.directory.person(i)) is not None]


@dataclass(frozen=True, slots=True)
class Classification:
    person_id: str
    relationship: str  # the class reported (first of ``classes`` in vocabulary order)
    classes: frozenset[str]
    facts: frozenset[str]  # evaluable conditions that hold: on_roll, former_pupil, under_18, sibling_on_roll
    detail: str  # one phrase for the explanation: "former pupil, aged 12, sibling on roll (P018)"


def classify(person: Person, family: Family, on: date) -> Classification:
    classes: set[str] = set()
    facts: set[str] = set()
    detail = ""
    if person.role == "pupil":
        age = person.age_on(on)
        if age is not None and age < 18:
            facts.add("under_18")
        if person.on_roll(on):
            classes.add("current_pupil")
            facts.add("on_roll")
            year = f" in year {person.year_group}" if person.year_group else ""
            detail = f"current pupil{year}"
        else:
            facts.add("former_pupil")
            left = f"left {person.leaving_date.isoformat()}" if person.leaving_date else "left"
            parts = [f"former pupil ({left}"]
            if age is not None:
                parts[0] += f", aged {age} on {on.isoformat()}"
            parts[0] += ")"
            if age is not None and age < 18:
                classes.add("former_pupil_under_18")
            on_roll = [s for s in family.siblings(person.person_id) if s.on_roll(on)]
            if on_roll:
                classes.add("former_pupil_sibling_on_roll")
                facts.add("sibling_on_roll")
                parts.append("sibling on roll: " + ", ".join(s.person_id for s in on_roll))
            if not classes:
                classes.add("former_pupil")
            detail = "; ".join(parts)
    elif person.role == "contact":
        links = family.children.get(person.person_id, [])
        current = [
            pupil_id
            for pupil_id, pr, relationship in links
            if (pr or _PARENT.search(relationship))
            and (p := family.directory.person(pupil_id)) is not None
            and p.on_roll(on)
        ]
        if current:
            classes.add("parent_on_roll")
            facts.add("on_roll")  # a clause "parents of pupils on roll" with condition on_roll
            detail = "parent or carer of " + ", ".join(dict.fromkeys(current)) + " (on roll)"
        else:
            classes.add("other_contact")
            detail = "contact of " + ", ".join(dict.fromkeys(p for p, _, _ in links)) if links else "contact"
    elif person.role == "governor":
        classes.add("governor")
        detail = "governor"
    else:  # staff, volunteer, contractor
        classes.add("staff")
        detail = "member of staff" if person.role == "staff" else f"{person.role} (school workforce)"
    relationship = next(r for r in RELATIONSHIPS if r in classes)
    return Classification(person.person_id, relationship, frozenset(classes), frozenset(facts), detail)


@dataclass(frozen=True, slots=True)
class RuleOutcome:
    verdict: str  # ok | advise | breach
    clauses: tuple[str, ...]  # every engaged clause, cited "pack:clause", most severe first
    reason: str  # one phrase: which clause gives the verdict, and any lift
    lifted: tuple[str, ...] = ()  # clauses a declaration lifted


class RuleBook:
    """The adopted pack's connection-audit clauses, ready to judge classifications."""

    def __init__(self, policy: AdoptedPolicy, *, role: str = "staff", channel: str = "personal") -> None:
        self.policy = policy
        self.role = role
        self.clauses: tuple[Clause, ...] = tuple(
            c
            for c in policy.clauses
            if c.enforcement.kind == "rule"
            and c.enforcement.target == "connection_audit"
            and c.relationships
            and c.modality in _MODALITY_VERDICT
            and c.binds(role)
            and channel in c.channels
        )
        self._cache: dict[tuple[frozenset[str], frozenset[str], frozenset[str]], RuleOutcome] = {}

    def governed(self) -> frozenset[str]:
        """Relationship classes at least one clause governs."""
        return frozenset(r for c in self.clauses for r in c.relationships)

    def judge(self, classification: Classification, declared: Iterable[str] = ()) -> RuleOutcome:
        key = (classification.classes, classification.facts, frozenset(declared))
        cached = self._cache.get(key)
        if cached is None:
            cached = self._judge(*key)
            self._cache[key] = cached
        return cached

    def _judge(self, classes: frozenset[str], facts: frozenset[str], declared: frozenset[str]) -> RuleOutcome:
        pack = self.policy.pack.id
        engaged: list[tuple[str, Clause]] = []
        lifted: list[tuple[Clause, str]] = []
        for clause in self.clauses:
            if not classes.intersection(clause.relationships):
                continue
            if any(c in _EVALUABLE and c not in facts for c in clause.conditions):
                continue
            lifting = [d for d in clause.exceptions if d in declared]
            if lifting:
                lifted.append((clause, lifting[0]))
                continue
            engaged.append((_MODALITY_VERDICT[clause.modality], clause))
        engaged.sort(key=lambda item: -_SEVERITY[item[0]])
        verdict = worst(v for v, _ in engaged)
        cited = tuple(
            dict.fromkeys([*(self.policy.cite(c) for _, c in engaged), *(self.policy.cite(c) for c, _ in lifted)])
        )
        parts: list[str] = []
        if engaged:
            top = [c for v, c in engaged if v == verdict]
            ids = ", ".join(self.policy.cite(c) for c in top)
            modality = top[0].modality.replace("_", " ")
            if verdict == "ok":
                parts.append(f"{ids} permits it ({modality})")
            else:
                parts.append(f"{ids} ({modality}) gives {verdict}")
        for clause, declaration in lifted:
            parts.append(f"{self.policy.cite(clause)} lifted by {DECLARATION_LABELS.get(declaration, declaration)}")
        unused = [d for d in sorted(declared) if d not in {x for _, x in lifted}]
        for declaration in unused:
            if engaged:
                parts.append(
                    f"{DECLARATION_LABELS.get(declaration, declaration)} is on record but no engaged clause makes it an exception"
                )
        if not parts:
            parts.append(f"no clause of {pack} governs this relationship")
        return RuleOutcome(verdict, cited, "; ".join(parts), tuple(self.policy.cite(c) for c, _ in lifted))


def check_declarations(
    declarations: Mapping[str, str | Iterable[str]], directory: Directory
) -> dict[str, frozenset[str]]:
    """Normalise {person_id: kind or kinds}; raise ValueError naming an unknown person or kind."""
    out: dict[str, frozenset[str]] = {}
    for person_id, kinds in declarations.items():
        values = {kinds} if isinstance(kinds, str) else set(kinds)
        if directory.person(person_id) is None:
            raise ValueError(f"declaration for {person_id!r}: no such person in the directory")
        bad = sorted(values - CONDITIONS)
        if bad:
            raise ValueError(
                f"declaration for {person_id!r}: {bad[0]!r} is not an exception a pack can name "
                f"(e.g. {', '.join(DECLARATIONS)})"
            )
        out[person_id] = frozenset(values)
    return out
