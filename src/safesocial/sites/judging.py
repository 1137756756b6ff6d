"""The one place the sites app meets the post checker (``safesocial.engine.checker``).

Every post or comment on a registered site is judged as the checker judges any post: on the official
channel, with the role of its author, against the policy the school has in force and its directory
(so pupils' names are recognised). The engine is imported lazily so the rest of the app loads
without it.
"""

from __future__ import annotations

import json
import logging
import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Any

from django.utils import timezone

from safesocial.people.models import School

log = logging.getLogger(__name__)

SAFEGUARDING = "safeguarding_concern"
PUPIL_CATEGORIES = frozenset({"pupil_identified", "pupil_image"})


def police_actions() -> frozenset[str]:
    """The checker's actions that send an item to the police (imported lazily with the engine)."""
    from safesocial.engine.verdict import INDECENT_IMAGES

    return frozenset(a for a in INDECENT_IMAGES if "police" in a.lower())


@dataclass(frozen=True)
class SiteJudgement:
    """What the sites app needs from a judgement, plus the judgement itself as a dict."""

    verdict: str  # ok | advise | breach | escalate | "" when no policy is in force
    categories: tuple[str, ...] = ()
    safeguarding: bool = False  # a safeguarding_concern finding: jumps the queue, the DSL is told at once
    illegal: bool = False  # the checker routes it to the police or CEOP: content hidden from moderators
    identifies_pupil: bool = False  # a pupil_identified or pupil_image finding (Walsall 18.2)
    data: dict[str, Any] = field(default_factory=dict)
    note: str = ""

    def public_data(self) -> dict[str, Any]:
        """The judgement without anything that quotes the post (for items whose content is hidden)."""
        return redact(self.data)


def redact(data: dict[str, Any]) -> dict[str, Any]:
    findings = [
        {k: f.get(k) for k in ("category", "severity", "clauses", "detector") if k in f}
        for f in data.get("findings", [])
        if isinstance(f, dict)
    ]
    return {"verdict": data.get("verdict", ""), "findings": findings, "redacted": True}


# Adopting the policy and compiling the directory take ~50 ms for a small school and grow with its
# size, against ~4 ms to judge one post; so they are kept per process, keyed by everything they are
# built from (the policy version, the school's names, the directory's last import and size, the day).
_CACHE: OrderedDict[tuple[Any, ...], tuple[Any, Any]] = OrderedDict()
_CACHE_SIZE = 32
_lock = threading.Lock()


def _cache_key(school: School, version: Any) -> tuple[Any, ...]:
    from django.db.models import Count, Max

    from safesocial.people.models import DirectoryImport, Person, PersonLink

    people = Person.objects.filter(school=school).aggregate(n=Count("id"), last=Max("id"), at=Max("imported_at"))
    links = PersonLink.objects.filter(pupil__school=school).aggregate(n=Count("id"), last=Max("id"))
    last_import = DirectoryImport.objects.filter(school=school).aggregate(last=Max("id"))["last"]
    return (
        school.pk,
        school.name,
        tuple(school.aliases),
        tuple(school.email_domains),
        school.website,
        tuple(school.social_accounts),
        version.pk,
        version.pack_sha256,
        json.dumps(version.choices, sort_keys=True),
        json.dumps(version.values, sort_keys=True),
        people["n"],
        people["last"],
        people["at"],
        links["n"],
        links["last"],
        last_import,
        timezone.localdate(),
    )


def _policy_and_context(school: School) -> tuple[Any, Any] | None:
    from safesocial.engine.checker import build_context
    from safesocial.engine.model import AdoptedPolicy
    from safesocial.engine.packs import load_pack
    from safesocial.people.importing import to_engine_directory
    from safesocial.policies.selectors import version_in_force

    version = version_in_force(school=school)
    if version is None:
        return None
    key = _cache_key(school, version)
    with _lock:
        if key in _CACHE:
            _CACHE.move_to_end(key)
            return _CACHE[key]
    policy = AdoptedPolicy.adopt(
        load_pack(version.pack_id),
        version=version.label,
        choices=version.choices,
        values=version.values,
        school_name=school.name,
    )
    directory = to_engine_directory(school)
    loaded = (policy, build_context(directory.school, directory, on=timezone.localdate()))
    with _lock:
        _CACHE[key] = loaded
        while len(_CACHE) > _CACHE_SIZE:
            _CACHE.popitem(last=False)
    return loaded


def judge_post(*, school: School, text: str, author_role: str, kind: str) -> SiteJudgement:
    """Judge one post or comment for a site of ``school`` (channel official, the author's role)."""
    from safesocial.engine.checker import Item, judge

    loaded = _policy_and_context(school)
    if loaded is None:
        return SiteJudgement(verdict="", note="Not judged: the school has no policy in force.")
    policy, context = loaded
    judgement = judge(Item(text, role=author_role, channel="official", kind=kind), policy, context)
    data = judgement.as_dict()
    categories = tuple(dict.fromkeys(f.category for f in judgement.findings))
    # Illegal material: the checker's own police-referral action, which it gives only for indecent
    # images of children (engine/verdict.py INDECENT_IMAGES). Walsall 18.6: inform the police or CEOP.
    illegal = SAFEGUARDING in categories and any(action in police_actions() for action in judgement.actions)
    return SiteJudgement(
        verdict=judgement.verdict,
        categories=categories,
        safeguarding=SAFEGUARDING in categories,
        illegal=illegal,
        identifies_pupil=bool(PUPIL_CATEGORIES & set(categories)),
        data=data,
    )
