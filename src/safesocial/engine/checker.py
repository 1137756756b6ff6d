"""The post checker: the public API the CLI and the web app call.

    context = build_context(school, directory, on=date.today())      # once per school
    policy = AdoptedPolicy.adopt(load_pack("walsall"))                # once per policy version
    judgement = judge(Item("text", role="staff"), policy, context)   # per post
    judgement.as_dict()  # {"policy": {"id", "version"}, "verdict", "findings": [...], "actions", "rewrite"}

Detectors (``detectors/``) find categories in the text; ``rules`` applies the pack (a category
yields a finding only through a clause that binds the role on the channel); ``verdict`` ranks
findings and collects actions; ``rewrite`` offers a safer wording. Input errors raise
``InputError`` with codes E301 (empty text), E302 (text too long), E303 (unknown role, channel,
kind or recipient role).
"""

from __future__ import annotations

from dataclasses import dataclass

from .detectors.base import Detector, Item, RawFinding
from .detectors.context import SchoolContext, build_context
from .detectors.registry import default_detectors
from .errors import InputError
from .model import AdoptedPolicy
from .rewrite import safer_rewrite
from .verdict import Finding, apply_policy, verdict_of
from .vocab import CHANNELS, CHECKER_ROLES, KINDS

__all__ = [
    "MAX_TEXT_CHARS",
    "Finding",
    "Item",
    "Judgement",
    "RawFinding",
    "SchoolContext",
    "build_context",
    "detect",
    "judge",
    "validate",
]

MAX_TEXT_CHARS = 20_000


@dataclass(frozen=True, slots=True)
class Judgement:
    policy_id: str
    policy_version: str
    verdict: str  # ok | advise | breach | escalate
    findings: tuple[Finding, ...]
    actions: tuple[str, ...]
    rewrite: str | None

    def as_dict(self) -> dict[str, object]:
        return {
            "policy": {"id": self.policy_id, "version": self.policy_version},
            "verdict": self.verdict,
            "findings": [f.as_dict() for f in self.findings],
            "actions": list(self.actions),
            "rewrite": self.rewrite,
        }

    @property
    def categories(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(f.category for f in self.findings))


def validate(item: Item) -> None:
    """Raise InputError (E301-E303) if the item cannot be judged."""
    if not isinstance(item.text, str) or not item.text.strip():
        raise InputError("the text to check is empty", code="E301")
    if len(item.text) > MAX_TEXT_CHARS:
        raise InputError(
            f"the text is {len(item.text):,} characters; the checker takes at most {MAX_TEXT_CHARS:,}", code="E302"
        )
    for field, value, allowed in (
        ("role", item.role, CHECKER_ROLES),
        ("channel", item.channel, CHANNELS),
        ("kind", item.kind, KINDS),
    ):
        if value not in allowed:
            raise InputError(f"unknown {field} {value!r} (one of: {', '.join(allowed)})", code="E303")
    if item.recipient_role is not None and item.recipient_role not in CHECKER_ROLES:
        raise InputError(
            f"unknown recipient role {item.recipient_role!r} (one of: {', '.join(CHECKER_ROLES)})", code="E303"
        )


def detect(item: Item, context: SchoolContext, detectors: tuple[Detector, ...] | None = None) -> list[RawFinding]:
    """Everything the detectors see in the text, before any policy is applied."""
    validate(item)
    seen: set[tuple[str, tuple[int, int] | None]] = set()
    out: list[RawFinding] = []
    for detector in detectors if detectors is not None else default_detectors():
        for raw in detector.detect(item, context):
            key = (raw.category, raw.span)
            if key in seen:
                continue
            seen.add(key)
            out.append(raw)
    return out


def judge(
    item: Item,
    policy: AdoptedPolicy,
    context: SchoolContext | None = None,
    detectors: tuple[Detector, ...] | None = None,
) -> Judgement:
    """Judge one item under an adopted policy. Raises InputError for unusable input."""
    ctx = context if context is not None else _EMPTY_CONTEXT
    raws = detect(item, ctx, detectors)
    findings, actions, spans = apply_policy(policy, item, raws)
    return Judgement(
        policy_id=policy.id,
        policy_version=policy.version,
        verdict=verdict_of(findings),
        findings=tuple(findings),
        actions=tuple(actions),
        rewrite=safer_rewrite(item.text, findings, spans) if findings else None,
    )


_EMPTY_CONTEXT = build_context()
