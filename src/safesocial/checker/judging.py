"""The one place the web app meets the post checker engine (``safesocial.engine.checker``).

Given a school, this module builds the engine's inputs from the database (the adopted policy in
force and the school's directory), caches them, maps a signed-in person's roles to the checker's
role, and runs a judgement. The page, the HTTP API and any batch job call ``judge_text`` so they
judge exactly as the CLI does. Nothing the person typed is stored or logged here.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from django.utils import timezone

from safesocial.accounts.permissions import roles_at, schools_for
from safesocial.accounts.roles import ROLE_AUDIENCE
from safesocial.engine.vocab import CHECKER_ROLES

if TYPE_CHECKING:
    from safesocial.accounts.models import User
    from safesocial.people.models import School
    from safesocial.policies.models import PolicyVersion

# The checker roles, strictest first: a person holding several is checked as the first they hold.
CHECKER_ROLE_ORDER: tuple[str, ...] = ("staff", "governor", "volunteer", "contractor", "parent", "pupil")
ROLE_LABELS: dict[str, str] = {
    "staff": "Staff",
    "governor": "Governor",
    "volunteer": "Volunteer",
    "contractor": "Contractor",
    "parent": "Parent or carer",
    "pupil": "Pupil",
    "public": "Member of the public",
}
KIND_LABELS: dict[str, str] = {
    "post": "A post",
    "comment": "A comment on someone else's post",
    "message": "A private or direct message",
    "profile": "Profile details (name, bio, about me)",
}
CHANNEL_LABELS: dict[str, str] = {
    "personal": "My own personal account",
    "official": "The school's official account",
}
MAX_TEXT_CHARS = 20_000  # the engine refuses longer text with E3xx; the form says so first

_CACHE_SIZE = 64
_cache: OrderedDict[tuple[Any, ...], Loaded] = OrderedDict()
_lock = threading.Lock()


class CheckRefused(Exception):
    """The check cannot run for this person at this school (no policy in force, no role...)."""

    def __init__(self, code: str, message: str, *, status: int = 403) -> None:
        self.code = code
        self.message = message
        self.status = status
        super().__init__(f"{code}: {message}")


@dataclass(frozen=True)
class Loaded:
    """The engine inputs for one school: the policy version in force, adopted, and the context."""

    version: PolicyVersion
    policy: Any  # safesocial.engine.model.AdoptedPolicy
    context: Any  # whatever safesocial.engine.checker.build_context returns


@dataclass(frozen=True)
class Outcome:
    """One judgement with what the web needs beside it."""

    judgement: Any  # safesocial.engine.checker.Judgement
    loaded: Loaded
    role: str
    school: School


# ---------------------------------------------------------------- roles


def checker_roles(user: User, school: School) -> list[str]:
    """The checker roles a user holds at a school, strictest first (staff-like roles are staff)."""
    held = {ROLE_AUDIENCE.get(role) for role in roles_at(user, school)}
    return [role for role in CHECKER_ROLE_ORDER if role in held]


def checker_role(user: User, school: School) -> str | None:
    roles = checker_roles(user, school)
    return roles[0] if roles else None


def schools_to_check(user: User) -> list[School]:
    """Schools where the user holds a role the checker knows."""
    return [s for s in schools_for(user) if checker_roles(user, s)]


# ---------------------------------------------------------------- engine inputs, cached


def _latest_import(school: School) -> datetime | None:
    from safesocial.people.models import DirectoryImport

    latest: datetime | None = (
        DirectoryImport.objects.filter(school=school).order_by("-at").values_list("at", flat=True).first()
    )
    return latest


def _cache_key(school: School, version: PolicyVersion, on: date) -> tuple[Any, ...]:
    # The version id alone is not enough across databases (ids are reused after a rollback), so the
    # key also names what the version was made from and when it was published.
    return (school.pk, school.name, version.pk, version.pack_sha256, version.published_at, _latest_import(school), on)


def load_for_school(school: School) -> Loaded | None:
    """The adopted policy in force at a school and the engine context, or None with no policy in force.

    Cached per school, policy version and directory import time (and day, since who is on roll
    depends on the date), so repeated checks do not rebuild the directory.
    """
    from safesocial.policies.selectors import version_in_force

    version = version_in_force(school=school)
    if version is None:
        return None
    on = timezone.localdate()
    key = _cache_key(school, version, on)
    with _lock:
        hit = _cache.get(key)
        if hit is not None:
            _cache.move_to_end(key)
            return hit
    loaded = _build(school, version, on)
    with _lock:
        _cache[key] = loaded
        _cache.move_to_end(key)
        while len(_cache) > _CACHE_SIZE:
            _cache.popitem(last=False)
    return loaded


def _build(school: School, version: PolicyVersion, on: date) -> Loaded:
    from safesocial.engine.checker import build_context
    from safesocial.engine.model import AdoptedPolicy
    from safesocial.engine.packs import load_pack
    from safesocial.people.importing import to_engine_directory

    policy = AdoptedPolicy.adopt(
        load_pack(version.pack_id),
        version=version.label,
        choices=version.choices,
        values=version.values,
        school_name=school.name,
    )
    directory = to_engine_directory(school, on=on)
    return Loaded(version=version, policy=policy, context=build_context(directory.school, directory, on=on))


def clear_cache() -> None:
    with _lock:
        _cache.clear()


# ---------------------------------------------------------------- judging


def judge_text(
    *,
    user: User,
    school: School,
    text: str,
    kind: str = "post",
    channel: str = "personal",
    role: str | None = None,
    recipient_role: str | None = None,
) -> Outcome:
    """Judge text as ``user`` at ``school``. Raises CheckRefused, or the engine's InputError.

    ``role`` may name any checker role the user holds there; by default the strictest they hold.
    """
    held = checker_roles(user, school)
    if not held:
        raise CheckRefused("A403", f"You have no role at {school.name} that the checker knows.")
    if role is None or role == "":
        role = held[0]
    elif role not in held and role in CHECKER_ROLES:
        # An unknown role is passed on so the engine refuses it with its own E3xx code.
        raise CheckRefused("A403", f"You cannot check as {role!r} at {school.name}: you do not hold that role there.")
    loaded = load_for_school(school)
    if loaded is None:
        raise CheckRefused("A409", f"{school.name} has no social networking policy in force yet.", status=409)
    from safesocial.engine.checker import Item, judge

    item = Item(text, role=role, channel=channel, kind=kind, recipient_role=recipient_role or None)
    judgement = judge(item, loaded.policy, loaded.context)
    return Outcome(judgement=judgement, loaded=loaded, role=role, school=school)


def judgement_json(outcome: Outcome, *, item_id: str | None = None) -> dict[str, Any]:
    """The judgement as ``safesocial check --input`` writes it: {"id"?, "policy", "verdict", ...}."""
    data: dict[str, Any] = dict(outcome.judgement.as_dict())
    return {"id": item_id, **data} if item_id is not None else data
