"""Load and validate policy packs (YAML) into frozen dataclasses.

Error codes:
  E100 the file cannot be read or is not YAML
  E101 a required field is missing
  E102 a field is not known to the schema
  E103 a value is outside its vocabulary or of the wrong type
  E104 a clause id is duplicated
  E105 a clause names a section the pack does not declare
  E106 a clause names an option or choice the pack does not declare
  E107 an enforcement is inconsistent (guidance without reason, detector target not a category...)
  E108 the pack's id does not match its file name
  E109 a placeholder token does not occur in any clause text
  E110 no pack has that id
  E120 adoption: an unknown option or choice, an unknown placeholder, or a required value missing
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from .errors import AdoptionError, PackError, PackValidationError, UnknownPackError
from .model import (
    Clause,
    Enforcement,
    OptionChoice,
    PackOption,
    Placeholder,
    PolicyPack,
    Section,
)
from .vocab import (
    AUDIENCE,
    CATEGORIES,
    CHANNELS,
    CONDITIONS,
    ENFORCEMENT_KINDS,
    MODALITIES,
    RELATIONSHIPS,
    RULES,
    TOPICS,
    WORKFLOWS,
)

PACK_FIELDS = {
    "id": True,
    "title": True,
    "version": True,
    "source_file": True,
    "publisher": True,
    "seed_version": False,
    "binds": True,
    "summary": False,
    "options": False,
    "placeholders": False,
    "sections": True,
    "clauses": True,
}
CLAUSE_FIELDS = {
    "id": True,
    "section": True,
    "text": True,
    "audience": True,
    "modality": True,
    "topics": True,
    "enforcement": True,
    "label": False,
    "conditions": False,
    "exceptions": False,
    "channels": False,
    "relationships": False,
    "option": False,
    "actions": False,
}
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")


class _Problems:
    def __init__(self) -> None:
        self.items: list[PackError] = []

    def add(self, code: str, message: str, where: str) -> None:
        self.items.append(PackError(message, code=code, where=where))


def _fields(obj: Any, spec: Mapping[str, bool], where: str, problems: _Problems) -> bool:
    if not isinstance(obj, dict):
        problems.add("E103", f"expected a mapping, got {type(obj).__name__}", where)
        return False
    for name, required in spec.items():
        if required and name not in obj:
            problems.add("E101", f"missing required field {name!r}", where)
    for name in obj:
        if name not in spec:
            allowed = ", ".join(sorted(spec))
            problems.add("E102", f"unknown field {name!r} (allowed: {allowed})", where)
    return True


def _str(value: Any, where: str, problems: _Problems, *, empty_ok: bool = False) -> str:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str) or (not empty_ok and not value.strip()):
        problems.add("E103", f"expected text, got {value!r}", where)
        return ""
    return value


def _list(value: Any, vocab: Any, where: str, problems: _Problems, *, name: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        problems.add("E103", f"{name} must be a list", where)
        return ()
    out = []
    for item in value:
        if not isinstance(item, str) or item not in vocab:
            allowed = ", ".join(sorted(vocab))
            problems.add("E103", f"{name} value {item!r} is not one of: {allowed}", where)
        else:
            out.append(item)
    return tuple(out)


def _normalise_text(text: str) -> str:
    return " ".join(text.split())


def parse_pack(data: Any, *, expected_id: str | None = None, origin: str = "<pack>") -> PolicyPack:
    """Validate a decoded YAML document and build a PolicyPack, or raise PackValidationError."""
    problems = _Problems()
    if not _fields(data, PACK_FIELDS, origin, problems):
        raise PackValidationError(origin, problems.items)
    pack_id = _str(data.get("id"), f"{origin}: id", problems)
    if pack_id and expected_id and pack_id != expected_id:
        problems.add("E108", f"pack id {pack_id!r} does not match file name {expected_id!r}", origin)

    options = []
    option_choices: dict[str, set[str]] = {}
    for i, raw in enumerate(data.get("options") or []):
        where = f"{origin}: options[{i}]"
        if not _fields(raw, {"id": True, "title": True, "choices": True, "default": True}, where, problems):
            continue
        choices = []
        for j, ch in enumerate(raw.get("choices") or []):
            cw = f"{where}.choices[{j}]"
            if _fields(ch, {"id": True, "title": True}, cw, problems):
                choices.append(OptionChoice(_str(ch.get("id"), cw, problems), _str(ch.get("title"), cw, problems)))
        ids = {c.id for c in choices}
        if raw.get("default") not in ids:
            problems.add("E106", f"default {raw.get('default')!r} is not one of the choices {sorted(ids)}", where)
        opt = PackOption(_str(raw.get("id"), where, problems), _str(raw.get("title"), where, problems), tuple(choices), str(raw.get("default")))
        option_choices[opt.id] = ids
        options.append(opt)

    placeholders = []
    for i, raw in enumerate(data.get("placeholders") or []):
        where = f"{origin}: placeholders[{i}]"
        if not _fields(raw, {"id": True, "token": True, "prompt": True, "default": False}, where, problems):
            continue
        placeholders.append(
            Placeholder(
                id=_str(raw.get("id"), where, problems),
                token=_str(raw.get("token"), where, problems),
                prompt=_str(raw.get("prompt"), where, problems),
                default=_str(raw.get("default", ""), where, problems, empty_ok=True),
            )
        )

    sections = []
    section_ids: set[str] = set()
    for i, raw in enumerate(data.get("sections") or []):
        where = f"{origin}: sections[{i}]"
        if not _fields(raw, {"id": True, "title": True, "text": False}, where, problems):
            continue
        sid = _str(raw.get("id"), where, problems)
        if sid in section_ids:
            problems.add("E104", f"section id {sid!r} is duplicated", where)
        section_ids.add(sid)
        sections.append(Section(sid, _str(raw.get("title"), where, problems), _normalise_text(_str(raw.get("text", ""), where, problems, empty_ok=True))))

    clauses = []
    seen: set[str] = set()
    raw_clauses = data.get("clauses")
    if not isinstance(raw_clauses, list) or not raw_clauses:
        problems.add("E101", "a pack needs a non-empty list of clauses", origin)
        raw_clauses = []
    for i, raw in enumerate(raw_clauses):
        cid = raw.get("id") if isinstance(raw, dict) else None
        where = f"{origin}: clause {cid!r}" if cid is not None else f"{origin}: clauses[{i}]"
        if not _fields(raw, CLAUSE_FIELDS, where, problems):
            continue
        clause = _parse_clause(raw, where, problems, section_ids, option_choices)
        if clause is None:
            continue
        if clause.id in seen:
            problems.add("E104", f"clause id {clause.id!r} is duplicated", where)
        seen.add(clause.id)
        clauses.append(clause)

    all_text = "\n".join(c.text for c in clauses) + "\n" + "\n".join(s.text for s in sections)
    for ph in placeholders:
        if ph.token and ph.token not in all_text:
            problems.add("E109", f"placeholder token {ph.token!r} does not occur in any clause", f"{origin}: placeholder {ph.id!r}")

    if problems.items:
        raise PackValidationError(pack_id or origin, problems.items)
    return PolicyPack(
        id=pack_id,
        title=_str(data["title"], origin, problems),
        version=str(data["version"]),
        source_file=str(data["source_file"]),
        publisher=str(data["publisher"]),
        seed_version=str(data.get("seed_version", "")),
        binds=tuple(data.get("binds") or ()),
        summary=_normalise_text(str(data.get("summary", ""))),
        options=tuple(options),
        placeholders=tuple(placeholders),
        sections=tuple(sections),
        clauses=tuple(clauses),
    )


def _parse_clause(
    raw: dict[str, Any],
    where: str,
    problems: _Problems,
    section_ids: set[str],
    option_choices: dict[str, set[str]],
) -> Clause | None:
    before = len(problems.items)
    cid = _str(raw.get("id"), where, problems)
    if cid and not _ID.match(cid):
        problems.add("E103", f"clause id {cid!r} must be letters, digits, '.', '_' or '-'", where)
    section = _str(raw.get("section"), where, problems)
    if section and section not in section_ids:
        problems.add("E105", f"section {section!r} is not declared in sections", where)
    text = _normalise_text(_str(raw.get("text"), where, problems))
    modality = raw.get("modality")
    if modality not in MODALITIES:
        problems.add("E103", f"modality {modality!r} is not one of: {', '.join(MODALITIES)}", where)
    audience = _list(raw.get("audience"), AUDIENCE, where, problems, name="audience")
    if not audience:
        problems.add("E101", "audience must name at least one role", where)
    topics = _list(raw.get("topics"), TOPICS, where, problems, name="topics")
    conditions = _list(raw.get("conditions"), CONDITIONS, where, problems, name="conditions")
    exceptions = _list(raw.get("exceptions"), CONDITIONS, where, problems, name="exceptions")
    channels = _list(raw.get("channels", list(CHANNELS)), CHANNELS, where, problems, name="channels")
    relationships = _list(raw.get("relationships"), RELATIONSHIPS, where, problems, name="relationships")
    actions = raw.get("actions") or []
    if not isinstance(actions, list) or not all(isinstance(a, str) for a in actions):
        problems.add("E103", "actions must be a list of text", where)
        actions = []
    enforcement = _parse_enforcement(raw.get("enforcement"), where, problems)
    option = None
    if raw.get("option") is not None:
        opt = raw["option"]
        if not isinstance(opt, dict) or len(opt) != 1:
            problems.add("E106", "option must be a mapping of one option id to one choice id", where)
        else:
            ((oid, choice),) = opt.items()
            if oid not in option_choices:
                problems.add("E106", f"option {oid!r} is not declared", where)
            elif choice not in option_choices[oid]:
                problems.add("E106", f"choice {choice!r} is not a choice of option {oid!r}", where)
            option = (str(oid), str(choice))
    if len(problems.items) > before:
        return None
    return Clause(
        id=cid,
        section=section,
        text=text,
        audience=audience,
        modality=str(modality),
        topics=topics,
        enforcement=enforcement,
        label=str(raw.get("label", "")),
        conditions=conditions,
        exceptions=exceptions,
        channels=channels,
        relationships=relationships,
        option=option,
        actions=tuple(actions),
    )


def _parse_enforcement(raw: Any, where: str, problems: _Problems) -> Enforcement:
    if not _fields(raw, {"kind": True, "target": False, "reason": False}, f"{where}.enforcement", problems):
        return Enforcement("guidance", None, "invalid")
    kind, target, reason = raw.get("kind"), raw.get("target"), raw.get("reason")
    w = f"{where}.enforcement"
    if kind not in ENFORCEMENT_KINDS:
        problems.add("E103", f"enforcement kind {kind!r} is not one of: {', '.join(ENFORCEMENT_KINDS)}", w)
    elif kind == "guidance":
        if not isinstance(reason, str) or not reason.strip():
            problems.add("E107", "guidance needs a one-line reason why software cannot enforce it", w)
        if target:
            problems.add("E107", "guidance takes no target", w)
    else:
        allowed = {"detector": set(CATEGORIES), "rule": RULES, "workflow": WORKFLOWS}[kind]
        if target not in allowed:
            problems.add("E107", f"{kind} target {target!r} is not one of: {', '.join(sorted(allowed))}", w)
    return Enforcement(str(kind), target if isinstance(target, str) else None, reason if isinstance(reason, str) else None)


def load_pack_file(path: str | Path) -> PolicyPack:
    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise PackError(f"cannot read pack file: {exc}", code="E100", where=str(path)) from exc
    except yaml.YAMLError as exc:
        raise PackError(f"not valid YAML: {exc}", code="E100", where=str(path)) from exc
    return parse_pack(data, expected_id=path.stem, origin=path.name)


def builtin_pack_ids() -> list[str]:
    root = resources.files("safesocial.packs")
    return sorted(p.name[: -len(".yaml")] for p in root.iterdir() if p.name.endswith(".yaml"))


@functools.cache
def load_pack(pack_id: str) -> PolicyPack:
    """Load a built-in pack by id (cached: packs are immutable)."""
    if pack_id not in builtin_pack_ids():
        known = ", ".join(builtin_pack_ids())
        raise UnknownPackError(f"unknown policy pack {pack_id!r} (known: {known})")
    with resources.as_file(resources.files("safesocial.packs") / f"{pack_id}.yaml") as path:
        return load_pack_file(path)


def check_adoption(
    pack: PolicyPack, choices: Mapping[str, str], values: Mapping[str, str]
) -> tuple[dict[str, str], dict[str, str]]:
    """Validate option choices and placeholder values for adopting a pack; fill in defaults."""
    chosen = pack.default_choices()
    for oid, choice in choices.items():
        try:
            opt = pack.option(oid)
        except KeyError:
            raise AdoptionError(f"pack {pack.id!r} has no option {oid!r}", code="E120") from None
        if choice not in opt.choice_ids():
            raise AdoptionError(
                f"option {oid!r} of pack {pack.id!r} has no choice {choice!r} (choices: {', '.join(opt.choice_ids())})",
                code="E120",
            )
        chosen[oid] = choice
    known = {p.id: p for p in pack.placeholders}
    filled = {p.id: p.default for p in pack.placeholders}
    for pid, value in values.items():
        if pid not in known:
            raise AdoptionError(f"pack {pack.id!r} has no placeholder {pid!r}", code="E120")
        filled[pid] = value.strip()
    return chosen, filled


def coverage(pack: PolicyPack) -> dict[str, Any]:
    counts = {kind: 0 for kind in ("detector", "rule", "workflow", "guidance")}
    for clause in pack.clauses:
        counts[clause.enforcement.kind] += 1
    return {
        "pack": pack.id,
        "clauses": len(pack.clauses),
        "by_enforcement": counts,
        "guidance": [c.id for c in pack.clauses if c.enforcement.kind == "guidance"],
    }
