"""Turn a judgement into what the result page shows: plain English, quoted clauses, highlighted text.

Everything returned here is plain data (strings, lists, dicts); the template escapes it. The text is
split into segments so the evidence can be wrapped in <mark> without building HTML in Python.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from safesocial.policies.models import PolicyVersion

    from .judging import Outcome

# Verdicts in plain English. The symbol and the words carry the meaning; colour only repeats it.
VERDICTS: dict[str, dict[str, str]] = {
    "ok": {
        "symbol": "✓",
        "label": "OK to post",
        "headline": "The checker found nothing in this that conflicts with your school's policy.",
        "advice": (
            "It cannot catch everything, so use your own judgement too. If anything you are writing about "
            "makes you worried for a child's safety, tell your designated safeguarding lead (DSL) now, "
            "whatever this result says."
        ),
    },
    "advise": {
        "symbol": "!",
        "label": "Think again",
        "headline": "The policy advises against some of this.",
        "advice": "It is not a breach, but the policy says you should not do this. Consider the safer version below.",
    },
    "breach": {
        "symbol": "✗",
        "label": "Do not post",
        "headline": "Posting this would break your school's policy.",
        "advice": "Change it before you post. Each problem below quotes the clause it would break.",
    },
    "escalate": {
        "symbol": "!!",
        "label": "Do not post: tell someone now",
        "headline": "This raises a safeguarding concern.",
        "advice": "Do not post it. Follow the actions below and speak to the designated safeguarding lead today.",
    },
}
ROLE_PLURALS = {
    "staff": "staff",
    "governor": "governors",
    "volunteer": "volunteers",
    "contractor": "contractors",
    "parent": "parents and carers",
    "pupil": "pupils",
}
SEVERITY_LABELS = {"breach": "Breach", "advise": "Advice", "escalate": "Safeguarding concern", "info": "Note"}
CATEGORY_LABELS = {
    "pupil_identified": "A pupil could be identified",
    "pupil_image": "A picture of a pupil",
    "confidential_information": "Confidential information",
    "personal_contact_details": "Personal contact details",
    "offensive": "Offensive language",
    "discriminatory": "Discriminatory language",
    "defamatory_allegation": "An allegation that could be defamatory",
    "complaint_or_grievance": "A complaint or grievance",
    "school_identity": "Names or identifies the school",
    "promotion": "Promotion or advertising",
    "inappropriate_contact": "Inappropriate contact",
    "safeguarding_concern": "A safeguarding concern",
    "disrepute": "Could bring the school into disrepute",
    "missing_disclaimer": "A disclaimer is missing",
}


def pack_name(pack_id: str) -> str:
    """The pack id as a name: walsall -> Walsall, bitterne-park -> Bitterne Park."""
    return pack_id.replace("-", " ").replace("_", " ").title()


def _split_ref(ref: str, default_pack: str) -> tuple[str, str]:
    if ":" in ref:
        pack, clause_id = ref.split(":", 1)
        return pack, clause_id
    return default_pack, ref


def clause_quote(version: PolicyVersion, ref: str) -> dict[str, str]:
    """The clause a finding cites, quoted from the version's snapshot: {"ref", "cite", "text", "anchor"}."""
    pack_id, clause_id = _split_ref(str(ref), version.pack_id)
    clause = next(
        (
            c
            for c in version.pack_snapshot.get("clauses", [])
            if c.get("id") == clause_id or c.get("label") == clause_id
        ),
        None,
    )
    label = (clause.get("label") or clause.get("id")) if clause else clause_id
    return {
        "ref": f"{pack_id}:{clause_id}",
        "cite": f"{pack_name(pack_id)} {label}",
        "text": clause.get("text", "") if clause else "",
        "id": clause.get("id", clause_id) if clause else clause_id,
    }


def _span(finding: Any, text: str) -> tuple[int, int] | None:
    span: Any = getattr(finding, "span", None)
    if span is None:
        evidence = getattr(finding, "evidence", "") or ""
        start = text.find(evidence) if evidence else -1
        return (start, start + len(evidence)) if start >= 0 else None
    if isinstance(span, dict):
        span = (span.get("start"), span.get("end"))
    try:
        start, end = int(span[0]), int(span[1])
    except (TypeError, ValueError, IndexError):
        return None
    start, end = max(0, start), min(len(text), end)
    return (start, end) if start < end else None


def segments(text: str, marks: list[tuple[int, int, int]]) -> list[dict[str, Any]]:
    """Split text into plain and marked pieces. ``marks`` are (start, end, finding number); overlaps merge."""
    merged: list[list[Any]] = []
    for start, end, number in sorted(marks):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
            if number not in merged[-1][2]:
                merged[-1][2].append(number)
        else:
            merged.append([start, end, [number]])
    pieces: list[dict[str, Any]] = []
    at = 0
    for start, end, numbers in merged:
        if start > at:
            pieces.append({"text": text[at:start], "marked": False})
        pieces.append({"text": text[start:end], "marked": True, "findings": sorted(numbers)})
        at = end
    if at < len(text):
        pieces.append({"text": text[at:], "marked": False})
    return pieces


def _action_text(action: Any) -> str:
    if isinstance(action, str):
        return action
    if isinstance(action, dict):
        for key in ("text", "description", "action", "label"):
            if action.get(key):
                return str(action[key])
        return ", ".join(f"{v}" for v in action.values() if v)
    for attr in ("text", "description", "action", "label"):
        value = getattr(action, attr, None)
        if value:
            return str(value)
    return str(action)


def present(outcome: Outcome, text: str) -> dict[str, Any]:
    judgement = outcome.judgement
    version = outcome.loaded.version
    verdict = str(judgement.verdict)
    findings = []
    marks: list[tuple[int, int, int]] = []
    for number, finding in enumerate(judgement.findings, start=1):
        span = _span(finding, text)
        if span is not None:
            marks.append((span[0], span[1], number))
        severity = str(getattr(finding, "severity", "") or "")
        category = str(getattr(finding, "category", "") or "")
        findings.append(
            {
                "number": number,
                "category": category,
                "category_label": CATEGORY_LABELS.get(category, category.replace("_", " ").capitalize()),
                "severity": severity,
                "severity_label": SEVERITY_LABELS.get(severity, severity.capitalize()),
                "clauses": [clause_quote(version, ref) for ref in (getattr(finding, "clauses", ()) or ())],
                "evidence": str(getattr(finding, "evidence", "") or ""),
                "explanation": str(getattr(finding, "explanation", "") or ""),
                "marked": span is not None,
            }
        )
    actions = [t for t in (_action_text(a) for a in (getattr(judgement, "actions", ()) or ())) if t]
    rewrite = getattr(judgement, "rewrite", None) or ""
    policy = outcome.loaded.policy
    binds_role = any(
        clause.severity is not None and clause.binds(outcome.role) for clause in getattr(policy, "clauses", ())
    )
    return {
        "binds_role": binds_role,
        "role_plural": ROLE_PLURALS.get(outcome.role, outcome.role),
        "verdict": verdict,
        "verdict_info": VERDICTS.get(verdict, {"symbol": "?", "label": verdict, "headline": "", "advice": ""}),
        "findings": findings,
        "segments": segments(text, marks),
        "actions": list(dict.fromkeys(actions)),
        "rewrite": str(rewrite) if rewrite and str(rewrite) != text else "",
        "version": version,
        "role": outcome.role,
        "school": outcome.school,
    }
