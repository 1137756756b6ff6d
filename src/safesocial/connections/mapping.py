"""Between the database and the engine: the adopted policy, the audited role, declarations, clause text."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from safesocial.accounts.permissions import roles_at
from safesocial.accounts.roles import ROLE_AUDIENCE
from safesocial.engine.model import AdoptedPolicy
from safesocial.engine.packs import load_pack

if TYPE_CHECKING:
    from safesocial.accounts.models import User
    from safesocial.people.models import School
    from safesocial.policies.models import PolicyVersion

# The audiences whose own connections are audited, in order of precedence (a head who governs is staff).
AUDITED_AUDIENCES = ("staff", "governor", "volunteer", "contractor")


def adopted_policy(version: PolicyVersion) -> AdoptedPolicy:
    return _adopted(version.pk, version.pack_id, version.label, _freeze(version.choices), _freeze(version.values))


def _freeze(d: dict[str, str] | None) -> tuple[tuple[str, str], ...]:
    return tuple(sorted((d or {}).items()))


@lru_cache(maxsize=64)
def _adopted(
    _pk: int, pack_id: str, label: str, choices: tuple[tuple[str, str], ...], values: tuple[tuple[str, str], ...]
) -> AdoptedPolicy:
    return AdoptedPolicy.adopt(load_pack(pack_id), version=label, choices=dict(choices), values=dict(values))


def audit_role(*, user: User, school: School) -> str | None:
    """The audience the user's connections are judged as at a school, or None if they are not audited."""
    audiences = {ROLE_AUDIENCE.get(role) for role in roles_at(user, school)}
    for audience in AUDITED_AUDIENCES:
        if audience in audiences:
            return audience
    return None


def declarations_for(*, user: User, school: School) -> dict[str, set[str]]:
    """The user's acknowledged declarations at a school, as the engine takes them: {person_id: kinds}."""
    from .models import Declaration

    out: dict[str, set[str]] = {}
    rows = Declaration.objects.filter(
        user=user, school=school, person__school=school, status=Declaration.Status.ACKNOWLEDGED
    ).values_list("person__external_id", "kind")
    for person_id, kind in rows:
        out.setdefault(person_id, set()).add(kind)
    return out


def quoted_clauses(version: PolicyVersion, cited: list[str]) -> list[dict[str, str]]:
    """Each cited "pack:clause" with its number and text as the school adopted it, for quoting."""
    policy = adopted_policy(version)
    out = []
    for ref in cited:
        pack_id, _, clause_id = ref.partition(":")
        if pack_id != policy.pack.id or not policy.pack.has_clause(clause_id):
            out.append({"ref": ref, "id": "", "number": clause_id or ref, "text": "", "section": ""})
            continue
        clause = policy.pack.clause(clause_id)
        out.append(
            {
                "ref": ref,
                "id": clause.id,
                "number": clause.label or clause.id,
                "text": policy.render(clause.text),
                "section": policy.pack.section_title(clause.section),
            }
        )
    return out
