"""Frozen dataclasses shared by the engine, the CLI and the web app."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from .vocab import MODALITY_SEVERITY, STAFF_LIKE


@dataclass(frozen=True, slots=True)
class Enforcement:
    kind: str  # detector | rule | workflow | guidance
    target: str | None = None  # the detector category, rule or workflow that enforces it
    reason: str | None = None  # for guidance: why software cannot enforce it

    def as_dict(self) -> dict[str, str | None]:
        return {"kind": self.kind, "target": self.target, "reason": self.reason}


@dataclass(frozen=True, slots=True)
class Clause:
    id: str
    section: str
    text: str
    audience: tuple[str, ...]
    modality: str
    topics: tuple[str, ...]
    enforcement: Enforcement
    label: str = ""  # the number as printed in the seed, when it differs from the id
    conditions: tuple[str, ...] = ()
    exceptions: tuple[str, ...] = ()
    channels: tuple[str, ...] = ("personal", "official")
    relationships: tuple[str, ...] = ()
    option: tuple[str, str] | None = None  # (option id, choice id) this clause belongs to
    actions: tuple[str, ...] = ()  # what the pack says to do when it is engaged

    @property
    def severity(self) -> str | None:
        """breach for must/must_not, advise for should/should_not, otherwise None."""
        return MODALITY_SEVERITY.get(self.modality)

    def binds(self, role: str) -> bool:
        if role in self.audience:
            return True
        return role in STAFF_LIKE and "staff" in self.audience

    def as_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "section": self.section,
            "text": self.text,
            "audience": list(self.audience),
            "modality": self.modality,
            "topics": list(self.topics),
            "enforcement": self.enforcement.as_dict(),
            "label": self.label or self.id,
            "conditions": list(self.conditions),
            "exceptions": list(self.exceptions),
            "channels": list(self.channels),
            "relationships": list(self.relationships),
            "option": "=".join(self.option) if self.option else None,
            "actions": list(self.actions),
        }


@dataclass(frozen=True, slots=True)
class Section:
    id: str
    title: str
    text: str = ""  # introductory text of the section, verbatim, when it is not itself a clause


@dataclass(frozen=True, slots=True)
class OptionChoice:
    id: str
    title: str


@dataclass(frozen=True, slots=True)
class PackOption:
    id: str
    title: str
    choices: tuple[OptionChoice, ...]
    default: str

    def choice_ids(self) -> tuple[str, ...]:
        return tuple(c.id for c in self.choices)


@dataclass(frozen=True, slots=True)
class Placeholder:
    id: str
    token: str  # the bracketed text exactly as in the seed, e.g. "[written]"
    prompt: str
    default: str = ""


@dataclass(frozen=True, slots=True)
class PolicyPack:
    id: str
    title: str
    version: str
    source_file: str
    publisher: str
    seed_version: str
    binds: tuple[str, ...]
    summary: str
    options: tuple[PackOption, ...]
    placeholders: tuple[Placeholder, ...]
    sections: tuple[Section, ...]
    clauses: tuple[Clause, ...]
    _index: Mapping[str, Clause] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_index", MappingProxyType({c.id: c for c in self.clauses}))

    def clause(self, clause_id: str) -> Clause:
        return self._index[clause_id]

    def has_clause(self, clause_id: str) -> bool:
        return clause_id in self._index

    def option(self, option_id: str) -> PackOption:
        for opt in self.options:
            if opt.id == option_id:
                return opt
        raise KeyError(option_id)

    def default_choices(self) -> dict[str, str]:
        return {o.id: o.default for o in self.options}

    def clauses_for(self, choices: Mapping[str, str] | None = None) -> tuple[Clause, ...]:
        """The clauses in force for these option choices (defaults where not given)."""
        chosen = {**self.default_choices(), **(choices or {})}
        return tuple(c for c in self.clauses if c.option is None or chosen.get(c.option[0]) == c.option[1])

    def section_title(self, section_id: str) -> str:
        for s in self.sections:
            if s.id == section_id:
                return s.title
        return section_id


_WS = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class AdoptedPolicy:
    """A pack as a school adopted it: options chosen, placeholders filled, a version label.

    This is what the checker, the connection audit and monitoring are given: the clauses in force
    for the chosen options, with placeholder values substituted into the text.
    """

    pack: PolicyPack
    version: str
    choices: Mapping[str, str]
    values: Mapping[str, str]
    school_name: str = ""
    clauses: tuple[Clause, ...] = ()

    @classmethod
    def adopt(
        cls,
        pack: PolicyPack,
        *,
        version: str | None = None,
        choices: Mapping[str, str] | None = None,
        values: Mapping[str, str] | None = None,
        school_name: str = "",
    ) -> AdoptedPolicy:
        from .packs import check_adoption  # local import: packs imports model

        chosen, filled = check_adoption(pack, choices or {}, values or {})
        in_force = pack.clauses_for(chosen)
        return cls(
            pack=pack,
            version=version or pack.version,
            choices=MappingProxyType(chosen),
            values=MappingProxyType(filled),
            school_name=school_name,
            clauses=in_force,
        )

    @property
    def id(self) -> str:
        return self.pack.id

    def cite(self, clause: Clause) -> str:
        return f"{self.pack.id}:{clause.id}"

    def render(self, text: str) -> str:
        """Substitute placeholder values into clause text."""
        for ph in self.pack.placeholders:
            value = self.values.get(ph.id)
            if value:
                text = text.replace(ph.token, value)
        return text

    def clauses_with_topic(self, topic: str) -> tuple[Clause, ...]:
        return tuple(c for c in self.clauses if topic in c.topics)
