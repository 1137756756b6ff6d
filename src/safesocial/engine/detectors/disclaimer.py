"""disclaimer.v1: school or sector matters discussed in a personal capacity without saying that the
views are one's own; and, on an official account, personal opinions at all.

It fires for people who work for or govern a school (not pupils, parents or the public) when the
text gives an opinion (opinion words, "should", evaluative adjectives) on work or the sector
(Ofsted, SATs, workload, the curriculum, the DfE, "my school", teachers...) and carries no
disclaimer such as "views my own". A profile that says where or as what the person works and has no
disclaimer fires too. On the official channel, first-person opinions fire with facet
``personal_opinion``.
"""

from __future__ import annotations

import re

from .base import Item, RawFinding, analyse, clip
from .context import SchoolContext
from .patterns import DISCLAIMER

NAME = "disclaimer.v1"

_OPINION = re.compile(
    r"\b(?:i think|i believe|i feel|in my (?:opinion|view|experience)|imo|imho|personally|honestly|frankly|unpopular opinion|hot take|"
    r"should(?:n'?t)?|needs? to|must|ought to|it'?s time|we need|the problem (?:with|is)|why (?:do|does|is|are|can'?t|won'?t)|"
    r"ridiculous|absurd|disgrace\w*|shambles|joke|madness|nonsense|broken|failing|unfair|outrageous|scandal\w*|"
    r"excellent|worst|terrible|awful|shocking|wrong|right to|agree|disagree|support(?:ing)? the strike|"
    r"rant|fed up|sick of|hate|useless|pointless|out of control|a mess|bonkers|insane|crazy)\b"
)
# School or sector *matters*: policy, inspection, pay, workload, the system - not a pupil's good day.
SECTOR = re.compile(
    r"\b(?:ofsted|inspections?|inspectors?|(?:the )?(?:new )?(?:national )?curriculum|sats|gcses?|a levels?|exams? system|phonics (?:check|screening)|"
    r"dfe|department for education|education secretary|secretary of state|government|ministers?|academ(?:y|ies) trusts?|academisation|"
    r"multi academy|\bmats?\b|funding|budgets?|cuts|teachers'? pay|pay award|pay rise|strikes?|industrial action|unions?|neu|nasuwt|"
    r"workload|recruitment|retention|the profession|teaching profession|the sector|education system|schools? (?:policy|policies)|"
    r"send (?:system|provision|reforms?)|ehcp process|exclusions? policy|behaviour polic(?:y|ies)|uniform polic(?:y|ies)|"
    r"league tables?|progress 8|performance tables?|(?:my|our|the) school'?s (?:policy|policies|approach|decision|leadership)|"
    r"(?:my|our|the) (?:head|headteacher|slt|leadership|trust|governors?|management)(?:'s)? (?:decision|policy|plan|approach))\b"
)
_FIRST_PERSON_OPINION = re.compile(
    r"\b(?:i think|i believe|i feel|in my (?:opinion|view)|imo|imho|personally|my (?:own )?(?:view|opinion)|i (?:really )?(?:hate|disagree|agree))\b"
)
_PROFILE_WORK = re.compile(
    r"\b(?:teacher|teaching assistant|ta|hlta|senco|headteacher|head teacher|deputy head|assistant head|head of \w+|educator|"
    r"teaching|school governor|governor|nqt|ect|(?:work|working) (?:at|in) (?:a )?(?:school|primary|academy))\b"
)


class Disclaimer:
    name = NAME
    categories = ("missing_disclaimer",)

    def __init__(self) -> None:
        self.roles = frozenset({"staff", "governor", "volunteer", "contractor"})

    def detect(self, item: Item, context: SchoolContext) -> list[RawFinding]:
        if item.role not in self.roles:
            return []
        a = analyse(item.text)
        folded = a.folded
        if item.channel == "official":
            m = _FIRST_PERSON_OPINION.search(folded)
            if not m:
                return []
            return [
                RawFinding(
                    "missing_disclaimer",
                    m.span(),
                    clip(a.text, *m.span()),
                    "A personal opinion is expressed on the school's official account.",
                    NAME,
                    0.75,
                    frozenset({"personal_opinion"}),
                )
            ]
        if DISCLAIMER.search(folded):
            return []
        if item.kind == "profile":
            m = _PROFILE_WORK.search(folded) or SECTOR.search(folded)
            names = context.find_school_names(a.text, folded)
            if m is None and not names:
                return []
            span = m.span() if m else names[0][:2]
            return [
                RawFinding(
                    "missing_disclaimer",
                    span,
                    clip(a.text, *span),
                    "The profile says where or as what you work but has no statement that your views are your own.",
                    NAME,
                    0.7,
                    frozenset({"profile"}),
                )
            ]
        if not SECTOR.search(folded):
            return []
        opinion = _OPINION.search(folded)
        if opinion is None:
            return []
        return [
            RawFinding(
                "missing_disclaimer",
                opinion.span(),
                clip(a.text, *opinion.span()),
                "The post gives an opinion on school or education matters without making clear the views are your own.",
                NAME,
                0.65,
                frozenset({"opinion"}),
            )
        ]
