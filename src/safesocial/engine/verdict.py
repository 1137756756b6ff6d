"""From engaged clauses to findings, actions and the verdict.

The verdict is the highest severity found (escalate > breach > advise), or ok. A safeguarding
concern always escalates, citing the clauses that tell this role what to do, with the actions the
pack names after the ones that never change: report to the DSL at once; and for indecent images of
children, do not open, copy or forward them, and refer to the police and the LADO.
"""

from __future__ import annotations

from dataclasses import dataclass

from .detectors.base import Item, RawFinding
from .model import AdoptedPolicy, Clause
from .rules import RANK, SEVERITIES, Engagement, engaged_clauses, safeguarding_clauses

REPORT_TO_DSL = (
    "Report this to the Designated Safeguarding Lead (DSL) at once, in line with the child protection policy."
)
INDECENT_IMAGES = (
    "Do not open, copy, forward, screenshot or delete the images.",
    "Refer to the police and to the LADO (Local Authority Designated Officer), through the DSL.",
)
MODALITY_WORDS = {"must": "must", "must_not": "must not", "should": "should", "should_not": "should not"}


@dataclass(frozen=True, slots=True)
class Finding:
    category: str
    severity: str
    clauses: tuple[str, ...]
    span: tuple[int, int] | None
    evidence: str
    explanation: str
    detector: str
    score: float

    def as_dict(self) -> dict[str, object]:
        return {
            "category": self.category,
            "severity": self.severity,
            "clauses": list(self.clauses),
            "span": list(self.span) if self.span is not None else None,
            "evidence": self.evidence,
            "explanation": self.explanation,
            "detector": self.detector,
        }


def _quote(policy: AdoptedPolicy, clause: Clause, limit: int = 170) -> str:
    text = policy.render(clause.text)
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def _explain(policy: AdoptedPolicy, raw: RawFinding, engagements: list[Engagement]) -> str:
    top = engagements[0]
    label = top.clause.label or top.clause.id
    level = "a breach" if top.severity == "breach" else "advice"
    sentence = (
        f"{raw.explanation} Under {policy.pack.id} {label} this is {level}: \u201c{_quote(policy, top.clause)}\u201d"
    )
    if top.depends_on:
        sentence += f" (It applies if {', '.join(c.replace('_', ' ') for c in top.depends_on)}.)"
    return sentence


def apply_policy(
    policy: AdoptedPolicy, item: Item, raws: list[RawFinding]
) -> tuple[list[Finding], list[str], list[tuple[str, tuple[int, int]]]]:
    """One finding per category that a clause engages (every safeguarding concern escalates), the
    actions, and the spans of every engaged raw finding (for the rewrite)."""
    by_category: dict[str, list[tuple[RawFinding, list[Engagement]]]] = {}
    safeguarding: list[RawFinding] = []
    spans: list[tuple[str, tuple[int, int]]] = []
    for raw in raws:
        if raw.category == "safeguarding_concern":
            safeguarding.append(raw)
            continue
        engagements = engaged_clauses(policy, item, raw)
        if engagements:
            by_category.setdefault(raw.category, []).append((raw, engagements))
            if raw.span is not None:
                spans.append((raw.category, raw.span))
    findings: list[Finding] = []
    actions: list[str] = []
    steps: list[str] = []
    if safeguarding:
        clauses = safeguarding_clauses(policy, item)
        steps.append(REPORT_TO_DSL)
        if any(r.subtype == "indecent_images" for r in safeguarding):
            steps.extend(INDECENT_IMAGES)
        for clause in clauses:
            steps.extend(policy.render(a) for a in clause.actions)
        raw = max(safeguarding, key=lambda r: (r.subtype == "indecent_images", r.score))
        why = raw.explanation + " A possible safeguarding concern always goes to the DSL, whatever else the post says."
        cited = tuple(policy.cite(c) for c in clauses)
        findings.append(Finding(raw.category, "escalate", cited, raw.span, raw.evidence, why, raw.detector, raw.score))
    for category, pairs in by_category.items():
        raw, engagements = max(pairs, key=lambda p: (RANK[p[1][0].severity], p[0].score))
        every: dict[str, Engagement] = {}
        for _, engs in pairs:
            for e in engs:
                every.setdefault(e.clause.id, e)
        ordered = sorted(every.values(), key=lambda e: -RANK[e.severity])
        cited = tuple(policy.cite(e.clause) for e in ordered)
        findings.append(
            Finding(
                category,
                engagements[0].severity,
                cited,
                raw.span,
                raw.evidence,
                _explain(policy, raw, engagements),
                raw.detector,
                raw.score,
            )
        )
        for e in ordered:
            actions.extend(policy.render(a) for a in e.clause.actions)
    findings.sort(key=lambda f: (-RANK[f.severity], f.span[0] if f.span else -1))
    return findings, list(dict.fromkeys(steps + actions)), spans


def verdict_of(findings: list[Finding]) -> str:
    best = 0
    for f in findings:
        best = max(best, RANK[f.severity])
    return SEVERITIES[best]
