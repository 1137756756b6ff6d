"""offensive.v1: derogatory, insulting, abusive, obscene, threatening or harassing content about anyone.

Lexicon rules (``data/offensive_terms.txt``) find threats, harassment, strong profanity and insults
aimed at someone; the linear classifier (``classifier.py``, trained on OLID, Davidson and school
sentences) catches what the lexicon misses. Not offensive: mild exclamations ("oh crap, forgot my
lanyard"), an insult turned on oneself ("I'm such an idiot"), a negated or reported insult ("he is
not stupid", "a pupil called me an idiot and it was dealt with").
"""

from __future__ import annotations

import re

from .base import Item, RawFinding, analyse, clip
from .classifier import load_models
from .context import SchoolContext
from .discriminatory import slur_hits
from .lexicon import lexicon_hits, load_lexicon
from .patterns import REPORTED, SECOND_PERSON, THIRD_PERSON_TARGET
from .phrases import negated

NAME = "offensive.v1"

_SELF = re.compile(r"\b(?:i'?m|i am|i was|i feel|i'?ve been|me|myself|i)\b[^.!?\n]{0,25}$")


class Offensive:
    name = NAME
    categories = ("offensive",)

    def __init__(self, *, strong_threshold: float = 0.95) -> None:
        if not 0.0 < strong_threshold <= 1.0:
            raise ValueError("offensive.v1: strong_threshold must be between 0 and 1")
        self.lexicon = load_lexicon("offensive_terms.txt")
        self.model = load_models().get("offensive")
        self.strong = strong_threshold

    def score(self, text: str) -> float:
        """The classifier's score alone (0..1), or 0 when no trained artefact is installed."""
        if self.model is None:
            return 0.0
        return self.model.score(text, analyse(text).tokens)

    def detect(self, item: Item, context: SchoolContext) -> list[RawFinding]:
        a = analyse(item.text)
        hits = lexicon_hits("offensive_terms.txt", a.text)
        out: list[RawFinding] = []
        for hit in hits:
            if hit.section == "mild":
                continue
            sentence = a.folded[slice(*a.sentence_of(hit.start))]
            before = a.folded[a.sentence_of(hit.start)[0] : hit.start]
            if negated(a, hit.start, reach=40) and hit.section in ("insult", "harassment"):
                continue
            if hit.section == "threat" and re.match(r"\s*(?:my ?self|me)\b", a.folded[hit.end : hit.end + 10]):
                continue
            if REPORTED.search(before[-40:]) and hit.section in ("insult", "profanity"):
                continue
            if hit.section == "insult":
                if _SELF.search(before):
                    continue
                if not (
                    SECOND_PERSON.search(sentence)
                    or THIRD_PERSON_TARGET.search(sentence)
                    or context.find_names(sentence)
                    or re.search(
                        r"\b(?:is|are|was|were|what a|such a|bunch of|load of|complete|total|absolute|utter)\b",
                        before[-30:],
                    )
                ):
                    continue
            subtype = {"threat": "threat", "harassment": "harassment", "profanity": "obscene", "insult": "insult"}[
                hit.section
            ]
            explanation = {
                "threat": "The text contains a threat of violence or harm.",
                "harassment": "The text is harassing or abusive towards someone.",
                "obscene": "The text uses obscene language.",
                "insult": "The text insults or demeans someone.",
            }[subtype]
            out.append(
                RawFinding(
                    "offensive",
                    (hit.start, hit.end),
                    clip(a.text, hit.start, hit.end),
                    explanation,
                    NAME,
                    0.85,
                    frozenset({subtype}),
                    subtype=subtype,
                )
            )
            break
        if not out:
            slurs = slur_hits(a)
            if slurs:
                start, end, _ = slurs[0]
                out.append(
                    RawFinding(
                        "offensive",
                        (start, end),
                        clip(a.text, start, end),
                        "The text uses a slur.",
                        NAME,
                        0.9,
                        frozenset({"slur"}),
                        subtype="slur",
                    )
                )
        if (
            not out
            and self.model is not None
            and (hits or lexicon_hits("discriminatory_terms.txt", a.text))
            and (SECOND_PERSON.search(a.folded) or THIRD_PERSON_TARGET.search(a.folded))
            and not negated(a, len(a.folded), reach=len(a.folded))
        ):
            # The classifier alone decides only on a targeted, un-negated text with some lexicon
            # signal (speed; see docs/checker.md), so it is scored only then.
            p = self.model.score(a.text, a.tokens)
            if p >= self.strong:
                out.append(
                    RawFinding(
                        "offensive",
                        None,
                        clip(a.text, 0, len(a.text)),
                        f"The offensive-language classifier scores the text {p:.2f}: it reads as abusive or derogatory.",
                        NAME,
                        round(p, 3),
                        frozenset({"classifier"}),
                        subtype="classifier",
                    )
                )
        return out
