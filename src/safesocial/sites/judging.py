"""The one place the sites app meets the post checker (``safesocial.engine.checker``).

Every post or comment on a registered site is judged as the checker judges any post: on the official
channel, with the role of its author, against the policy the school has in force and its directory
(so pupils' names are recognised). The engine is imported lazily so the rest of the app loads
without it.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

from safesocial.people.models import School

log = logging.getLogger(__name__)

SAFEGUARDING = "safeguarding_concern"
PUPIL_CATEGORIES = frozenset({"pupil_identified", "pupil_image"})
# Clause topics that send an item to the police/CEOP step (Walsall 18.6: "illegal content").
POLICE_TOPICS = frozenset({"police_referral", "lado_referral"})
POLICE_WORDS = ("police", "ceop")


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


def _policy_and_context(school: School) -> tuple[Any, Any] | None:
    from safesocial.engine.checker import build_context
    from safesocial.engine.model import AdoptedPolicy
    from safesocial.engine.packs import load_pack
    from safesocial.people.importing import to_engine_directory
    from safesocial.policies.selectors import version_in_force

    version = version_in_force(school=school)
    if version is None:
        return None
    policy = AdoptedPolicy.adopt(
        load_pack(version.pack_id),
        version=version.label,
        choices=version.choices,
        values=version.values,
        school_name=school.name,
    )
    directory = to_engine_directory(school)
    return policy, build_context(directory.school, directory)


def _clause_topics(policy: Any, clause_ref: str) -> frozenset[str]:
    clause_id = clause_ref.split(":", 1)[1] if ":" in clause_ref else clause_ref
    for clause in policy.clauses:
        if clause.id == clause_id or getattr(clause, "label", None) == clause_id:
            return frozenset(clause.topics)
    return frozenset()


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
    illegal = False
    for finding in judgement.findings:
        if finding.category != SAFEGUARDING:
            continue
        topics: set[str] = set()
        for ref in finding.clauses:
            topics |= _clause_topics(policy, ref)
        if topics & POLICE_TOPICS:
            illegal = True
    actions = " ".join(str(a) for a in getattr(judgement, "actions", ()) or ()).lower()
    if SAFEGUARDING in categories and any(word in actions for word in POLICE_WORDS):
        illegal = True
    return SiteJudgement(
        verdict=judgement.verdict,
        categories=categories,
        safeguarding=SAFEGUARDING in categories,
        illegal=illegal,
        identifies_pupil=bool(PUPIL_CATEGORIES & set(categories)),
        data=data,
    )
