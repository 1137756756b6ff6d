"""A safer rewrite: names, contact details, confidential details and the school's identity redacted
or generalised. Offered only when something in the text can be made safe by editing; a safeguarding
concern, a threat or a slur gets no rewrite (the advice is not to post it at all).
"""

from __future__ import annotations

from .verdict import Finding

_REPLACEMENTS = {
    "pupil_identified": "[a pupil]",
    "personal_contact_details": "[contact details removed]",
    "school_identity": "[my school]",
    "confidential_information": "[confidential detail removed]",
}
_NO_REWRITE = frozenset({"safeguarding_concern", "discriminatory", "defamatory_allegation", "inappropriate_contact"})


def safer_rewrite(
    text: str, findings: list[Finding], spans: list[tuple[str, tuple[int, int]]] | None = None
) -> str | None:
    """The text with redactable spans replaced, or None when there is nothing a rewrite can fix.

    ``spans`` lists every engaged (category, span) - a finding shows only its first one.
    """
    if any(f.category in _NO_REWRITE for f in findings):
        return None
    if any(f.category == "offensive" and f.span is None for f in findings):
        return None
    pairs = list(spans) if spans is not None else [(f.category, f.span) for f in findings if f.span is not None]
    edits: list[tuple[int, int, str]] = []
    for category, (start, end) in pairs:
        if category == "offensive":
            edits.append((start, end, "[removed]"))
        elif category in _REPLACEMENTS:
            edits.append((start, end, _REPLACEMENTS[category]))
    if not edits:
        return None
    edits.sort()
    merged: list[tuple[int, int, str]] = []
    for s, e, r in edits:
        if merged and s < merged[-1][1]:
            ps, pe, pr = merged[-1]
            merged[-1] = (ps, max(pe, e), pr)
        else:
            merged.append((s, e, r))
    out = []
    last = 0
    for s, e, r in merged:
        out.append(text[last:s])
        out.append(r)
        last = e
    out.append(text[last:])
    rewritten = "".join(out)
    return rewritten if rewritten != text else None
