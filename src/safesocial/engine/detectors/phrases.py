"""Declarative phrase rules: most detectors are a table of these plus a little logic.

A ``PhraseRule`` fires where its pattern matches the folded text, provided its ``needs`` pattern
(if any) matches within ``reach`` characters in the same sentence and its ``unless`` pattern does
not, and - when ``negatable`` - no negation cue stands just before the match.

Detectors hold their rules in a ``RuleSet``: one Aho-Corasick pass over the text (``prefilter``)
rules out the rules whose pattern, or whose ``needs``, cannot match it, so most rules never run.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .base import Analysis, RawFinding, clip
from .patterns import NEGATION
from .prefilter import LiteralGate


@dataclass(frozen=True)
class PhraseRule:
    pattern: re.Pattern[str]
    explanation: str
    score: float = 0.8
    facets: frozenset[str] = frozenset()
    subtype: str = ""
    needs: re.Pattern[str] | None = None
    unless: re.Pattern[str] | None = None
    reach: int = 80
    negatable: bool = True
    whole_text: bool = False  # look for needs/unless in the whole text, not the sentence window


def rule(
    pattern: str,
    explanation: str,
    *,
    score: float = 0.8,
    facets: tuple[str, ...] = (),
    subtype: str = "",
    needs: str | None = None,
    unless: str | None = None,
    reach: int = 80,
    negatable: bool = True,
    whole_text: bool = False,
) -> PhraseRule:
    return PhraseRule(
        pattern=re.compile(pattern),
        explanation=explanation,
        score=score,
        facets=frozenset(facets),
        subtype=subtype,
        needs=re.compile(needs) if needs else None,
        unless=re.compile(unless) if unless else None,
        reach=reach,
        negatable=negatable,
        whole_text=whole_text,
    )


class RuleSet:
    """Phrase rules in order, with the literal gate that says which of them could fire on a text."""

    def __init__(self, rules: tuple[PhraseRule, ...]) -> None:
        self.rules = rules
        self._gate = LiteralGate([(r.pattern, r.needs) for r in rules])

    def candidates(self, folded: str) -> list[PhraseRule]:
        """The rules that could fire on the folded text, in order."""
        return [r for r, could in zip(self.rules, self._gate.open(folded), strict=True) if could]


def negated(a: Analysis, start: int, reach: int = 25) -> bool:
    """A negation cue in the few words before ``start`` (same sentence)."""
    s_start, _ = a.sentence_of(start)
    before = a.folded[max(s_start, start - reach) : start]
    return NEGATION.search(_NOT_NEGATION.sub(" ", before)) is not None


# "nothing like a ...", "nothing beats ..." praise what follows, and "not being funny but" announces
# it: none of them negates it
_NOT_NEGATION = re.compile(
    r"\b(?:nothing (?:like|beats|better than|quite like)|not being (?:funny|funny,|rude|funny or anything),? but|no offence,? but|not gonna lie|not going to lie)\b"
)


def run_rules(
    a: Analysis, rules: RuleSet, *, category: str, detector: str, first_only: bool = False
) -> list[RawFinding]:
    out: list[RawFinding] = []
    seen: list[tuple[int, int]] = []
    for r in rules.candidates(a.folded):
        for m in r.pattern.finditer(a.folded):
            start, end = m.span()
            if any(s <= start < e or start <= s < end for s, e in seen):
                continue
            scope = a.folded if r.whole_text else a.window(start, end, r.reach)
            if r.needs is not None and r.needs.search(scope) is None:
                continue
            if r.unless is not None and r.unless.search(scope) is not None:
                continue
            if r.negatable and negated(a, start):
                continue
            seen.append((start, end))
            out.append(
                RawFinding(
                    category=category,
                    span=(start, end),
                    evidence=clip(a.text, start, end),
                    explanation=r.explanation,
                    detector=detector,
                    score=r.score,
                    facets=r.facets,
                    subtype=r.subtype,
                )
            )
            if first_only:
                return out
            break  # one finding per rule is enough
    return out
