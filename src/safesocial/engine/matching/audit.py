"""The connection audit: an export, a directory and an adopted pack in; verdicts with reasons out.

``audit()`` is what the CLI (``safesocial connections audit``) and the web upload page call. Its
``AuditResult.as_dict()`` is the CLI's JSON exactly::

    {"policy", "platform", "connections_read", "unreadable": [{"where", "reason"}], "verdict",
     "matches": [{"connection": {"name", "handle"}, "person_id", "relationship", "confidence",
                  "verdict", "clauses", "explanation"}],
     "notes": [...]}

``verdict`` (top level) is the most severe verdict of any match: ok, advise or breach; it is
``not_checked`` when the platform cannot be matched by name (X). An ambiguous match has
``person_id`` and ``relationship`` null; its verdict is the candidates' common verdict, or advise
when they differ (an ambiguous name never asserts a breach on its own), and its explanation names
the candidates.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ..directory import Directory
from ..errors import ExportError
from ..model import AdoptedPolicy
from .exports import Connection, ExportResult, Unreadable
from .matcher import Candidate, Matcher, NameMatch, describe_normalisation
from .relationships import (
    RELATIONSHIP_LABELS,
    Classification,
    Family,
    RuleBook,
    RuleOutcome,
    check_declarations,
    classify,
    worst,
)

NOT_CHECKED = "not_checked"
_SEVERITY = {"breach": 0, "advise": 1, "ok": 2}


@dataclass(frozen=True, slots=True)
class CandidateVerdict:
    """One person an ambiguous connection may be, and what the verdict would be if it is them."""

    person_id: str
    relationship: str
    confidence: float
    verdict: str
    clauses: tuple[str, ...]
    reason: str


@dataclass(frozen=True, slots=True)
class AuditMatch:
    connection: Connection
    person_id: str | None  # None when ambiguous
    relationship: str | None  # None when ambiguous
    confidence: float
    verdict: str  # ok | advise | breach
    clauses: tuple[str, ...]
    explanation: str
    candidates: tuple[CandidateVerdict, ...] = ()  # more than one when ambiguous

    @property
    def ambiguous(self) -> bool:
        return len(self.candidates) > 1

    def as_dict(self) -> dict[str, Any]:
        return {
            "connection": self.connection.as_dict(),
            "person_id": self.person_id,
            "relationship": self.relationship,
            "confidence": round(self.confidence, 2),
            "verdict": self.verdict,
            "clauses": list(self.clauses),
            "explanation": self.explanation,
        }


@dataclass(frozen=True)
class AuditResult:
    policy: str
    platform: str
    on: date
    connections_read: int
    unreadable: tuple[Unreadable, ...]
    verdict: str
    matches: tuple[AuditMatch, ...]
    notes: tuple[str, ...] = ()
    counts: Mapping[str, int] = field(default_factory=dict)  # verdict -> number of matches

    def as_dict(self) -> dict[str, Any]:
        return {
            "policy": self.policy,
            "platform": self.platform,
            "connections_read": self.connections_read,
            "unreadable": [u.as_dict() for u in self.unreadable],
            "verdict": self.verdict,
            "matches": [m.as_dict() for m in self.matches],
            "notes": list(self.notes),
        }


class Auditor:
    """A directory and a pack made ready once (index, family links, clauses); audit many exports."""

    def __init__(
        self,
        directory: Directory,
        policy: AdoptedPolicy,
        *,
        role: str = "staff",
        matcher: Matcher | None = None,
    ) -> None:
        self.directory = directory
        self.policy = policy
        self.matcher = matcher or Matcher(directory)
        self.family = Family(directory)
        self.rules = RuleBook(policy, role=role)

    def audit(
        self,
        export: ExportResult,
        *,
        on: date,
        declarations: Mapping[str, str | Iterable[str]] | None = None,
    ) -> AuditResult:
        try:
            declared = check_declarations(declarations or {}, self.directory)
        except ValueError as exc:
            raise ExportError(str(exc), code="E408", where="declarations") from None
        notes = list(export.notes)
        if self.directory.errors:
            notes.append(
                f"{len(self.directory.errors)} row(s) of the school directory could not be read and were left out"
            )
        if not self.rules.clauses:
            notes.append(f"the {self.policy.id} pack has no connection-audit clauses: every match is reported as ok")
        if not export.matchable_by_name:
            return AuditResult(
                policy=self.policy.id,
                platform=export.platform,
                on=on,
                connections_read=len(export.connections),
                unreadable=export.unreadable,
                verdict=NOT_CHECKED,
                matches=(),
                notes=tuple(notes),
            )
        classifications: dict[str, Classification] = {}
        matches = []
        for found in self.matcher.match_all(export.connections):
            matches.append(self._judge(found, on, declared, classifications))
        matches.sort(key=lambda m: (_SEVERITY[m.verdict], -m.confidence, m.connection.source))
        ambiguous = sum(1 for m in matches if m.ambiguous)
        if ambiguous:
            notes.append(
                f"{ambiguous} connection(s) matched more than one person equally well: person_id is null and the "
                "explanation names the candidates; check who they are"
            )
        counts = {v: sum(1 for m in matches if m.verdict == v) for v in ("breach", "advise", "ok")}
        return AuditResult(
            policy=self.policy.id,
            platform=export.platform,
            on=on,
            connections_read=len(export.connections),
            unreadable=export.unreadable,
            verdict=worst(m.verdict for m in matches),
            matches=tuple(matches),
            notes=tuple(notes),
            counts=counts,
        )

    def _classify(self, person_id: str, on: date, cache: dict[str, Classification]) -> Classification:
        known = cache.get(person_id)
        if known is None:
            person = self.directory.person(person_id)
            assert person is not None
            known = classify(person, self.family, on)
            cache[person_id] = known
        return known

    def _judge(
        self,
        found: NameMatch,
        on: date,
        declared: Mapping[str, frozenset[str]],
        cache: dict[str, Classification],
    ) -> AuditMatch:
        judged: list[tuple[Candidate, Classification, RuleOutcome]] = []
        for candidate in found.candidates:
            cls = self._classify(candidate.person_id, on, cache)
            outcome = self.rules.judge(cls, declared.get(candidate.person_id, frozenset()))
            judged.append((candidate, cls, outcome))
        connection = found.connection
        shown = connection.name or connection.handle
        if not found.ambiguous:
            candidate, cls, outcome = judged[0]
            why = self._why(connection, candidate)
            explanation = f"{shown} matches {why}; {cls.detail}; {outcome.reason}"
            return AuditMatch(
                connection=connection,
                person_id=candidate.person_id,
                relationship=cls.relationship,
                confidence=candidate.confidence,
                verdict=outcome.verdict,
                clauses=outcome.clauses,
                explanation=explanation,
                candidates=(self._candidate_verdict(candidate, cls, outcome),),
            )
        verdicts = {outcome.verdict for _, _, outcome in judged}
        verdict = next(iter(verdicts)) if len(verdicts) == 1 else "advise"
        clauses = tuple(dict.fromkeys(c for _, _, outcome in judged for c in outcome.clauses))
        names = "; ".join(
            f"{c.person_id} {self._name(c.person_id)} ({RELATIONSHIP_LABELS[cls.relationship]}, {o.verdict})"
            for c, cls, o in judged
        )
        tail = (
            "the verdicts differ, so it is reported as advise until you check who this is"
            if len(verdicts) > 1
            else "check which one this is"
        )
        explanation = (
            f"Ambiguous: {shown} matches {len(judged)} people equally well ({judged[0][0].reason}): {names}; {tail}"
        )
        return AuditMatch(
            connection=connection,
            person_id=None,
            relationship=None,
            confidence=found.confidence,
            verdict=verdict,
            clauses=clauses,
            explanation=explanation,
            candidates=tuple(self._candidate_verdict(c, cls, o) for c, cls, o in judged),
        )

    def _name(self, person_id: str) -> str:
        person = self.directory.person(person_id)
        return person.display_name if person else person_id

    def _why(self, connection: Connection, candidate: Candidate) -> str:
        person = self.directory.person(candidate.person_id)
        assert person is not None
        name = f"{person.legal_forename} {person.legal_surname}"
        how = candidate.reason
        if connection.name and candidate.reason.startswith("same ") and "(" not in candidate.reason:
            manner = describe_normalisation(connection.name, name) or describe_normalisation(
                connection.name, person.display_name
            )
            if manner and manner != "exactly":
                how = f"{how}, {manner}"
        return f"{candidate.person_id} {person.display_name} ({how}; confidence {candidate.confidence:.2f})"

    @staticmethod
    def _candidate_verdict(candidate: Candidate, cls: Classification, outcome: RuleOutcome) -> CandidateVerdict:
        return CandidateVerdict(
            candidate.person_id,
            cls.relationship,
            candidate.confidence,
            outcome.verdict,
            outcome.clauses,
            candidate.reason,
        )


def audit(
    export_result: ExportResult,
    directory: Directory,
    policy: AdoptedPolicy,
    on: date,
    declarations: Mapping[str, str | Iterable[str]] | None = None,
    *,
    role: str = "staff",
) -> AuditResult:
    """Audit one export against a directory under an adopted pack, on a given date."""
    return Auditor(directory, policy, role=role).audit(export_result, on=on, declarations=declarations)
