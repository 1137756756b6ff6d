"""contact_boundary.v1: seeking or establishing private contact across a professional boundary.

An adult (staff, governor, volunteer, contractor, or a member of the public) seeking private contact
with a pupil - friend or follow requests, private channels, meeting up, secrecy - or with a parent
(the rules apply this only where the pack forbids it), and a pupil seeking private contact with
staff. Who is on the other side comes from ``recipient_role`` for a message or comment, or from
the text ("my Year 6s", "any of my pupils", "parents").

Facets: ``pupil``, ``former_pupil``, ``parent`` or ``staff`` (who is contacted) and ``request``,
``private_channel``, ``meeting``, ``secrecy`` (how).
"""

from __future__ import annotations

import re

from .base import Item, RawFinding, analyse, clip
from .context import SchoolContext
from .phrases import negated
from .prefilter import LiteralGate

NAME = "contact_boundary.v1"

_HOW: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "secrecy",
        re.compile(
            r"\b(?:don'?t tell (?:your|anyone|any one|mum|dad|ur|the other|people|the school|school|other teachers|sir|miss)|"
            r"do not tell (?:your|anyone|mum|dad|the school)|(?:our|a) (?:little )?secret|keep (?:this|it) (?:between us|to yourself|secret|quiet)|"
            r"between (?:you and me|us two)|delete (?:this|these|the|our) (?:message|messages|chat|texts)|delete after reading|no one (?:needs|has) to know)\b"
        ),
    ),
    (
        "request",
        re.compile(
            r"\b(?:add(?:ed)? (?:me|you)\b|follow (?:me|you)\b|follow(?:ed)? (?:you )?back|friend request|accept (?:my|your) (?:request|follow)|"
            r"send (?:me|you) a (?:friend |follow )?request|request(?:ed)? to follow|follow my (?:page|account|insta|tiktok)|"
            r"be (?:my )?friends on|friend (?:me|you) on|added (?:you|him|her|them) on|"
            r"send (?:me )?(?:a |some )?(?:pic|photo|picture|selfie|video)s?(?: of (?:you|yourself))?)\b"
        ),
    ),
    (
        "private_channel",
        re.compile(
            r"\b(?:dm me|pm me|inbox me|message me (?:privately|on|directly|anytime|any time)|text me|snap me|whatsapp me|ring me|call me|facetime me|"
            r"my (?:personal |private |own )?(?:number|mobile|phone|snap(?:chat)?|insta(?:gram)?|whatsapp|email|tiktok|discord)|"
            r"private (?:chat|message|group|account)|group chat|on snap(?:chat)?|on whatsapp|on discord|on insta(?:gram)?|on tiktok|"
            r"message you (?:privately|on|later|tonight))\b"
        ),
    ),
    (
        "meeting",
        re.compile(
            r"\b(?:meet (?:me|up|you)|come round (?:to )?(?:mine|my house|my place)|come over (?:to mine|to my)|pop round|"
            r"pick (?:you|u) up|give (?:you|u) a lift|hang out|just (?:the two of us|us two)|see you (?:at mine|after school|at the park|tonight|this weekend)|"
            r"come to my (?:house|flat|place|car))\b"
        ),
    ),
)
_PUPIL_TEXT = re.compile(
    r"\b(?:my (?:pupils|students|class|tutor group|form|year \d+s?|kids in|little ones)|any of (?:my|our|the) (?:pupils|students|kids)|"
    r"(?:year|yr|y) ?\d{1,2}s?\b|pupils?|students?|(?:the )?kids (?:in|from) (?:my|our)|class of 20\d\d)\b"
)
_FORMER_TEXT = re.compile(
    r"\b(?:ex[- ]?pupils?|ex[- ]?students?|former (?:pupils?|students?)|(?:pupils?|students?) who (?:have )?left|old (?:pupils|students))\b"
)
_PARENT_TEXT = re.compile(r"\b(?:parents?|carers?|mums and dads|mum of|dad of|families)\b")
_STAFF_TEXT = re.compile(r"\b(?:sir|miss|mr \w+|mrs \w+|ms \w+|(?:my|our|the) (?:teacher|form tutor|ta)|teachers?)\b")
_FAMILY = re.compile(
    r"\bmy (?:own )?(?:son|daughter|niece|nephew|grandson|granddaughter|grandchild|cousin|stepson|stepdaughter|godson|goddaughter|kids|children)\b"
)
_ADULTS = frozenset({"staff", "governor", "volunteer", "contractor", "public"})


class ContactBoundary:
    name = NAME
    categories = ("inappropriate_contact",)

    def __init__(self) -> None:
        self.how = _HOW
        self._gate = LiteralGate([(pattern,) for _, pattern in _HOW])

    def detect(self, item: Item, context: SchoolContext) -> list[RawFinding]:
        a = analyse(item.text)
        folded = a.folded
        hows: list[tuple[str, int, int]] = []
        for (facet, pattern), could in zip(self.how, self._gate.open(folded), strict=True):
            m = pattern.search(folded) if could else None
            if m and not negated(a, m.start(), reach=12):
                hows.append((facet, m.start(), m.end()))
        if not hows:
            return []
        targets: set[str] = set()
        facts: set[str] = set()
        recipient = item.recipient_role
        if item.role in _ADULTS or item.role not in ("pupil", "parent"):
            if recipient == "pupil":
                targets.add("pupil")
            elif recipient == "parent":
                targets.add("parent")
            elif recipient is None or item.kind != "message":
                if _FORMER_TEXT.search(folded):
                    targets.add("former_pupil")
                    facts.add("former_pupil")
                elif _PUPIL_TEXT.search(folded):
                    targets.add("pupil")
                if _PARENT_TEXT.search(folded):
                    targets.add("parent")
                for hit in context.find_names(folded):
                    pupils = [r for r in hit.refs if r.role == "pupil"]
                    if pupils and (hit.refs[0].form == "full" or _PUPIL_TEXT.search(folded)):
                        targets.add("former_pupil" if pupils[0].former else "pupil")
                        facts.add("former_pupil" if pupils[0].former else "on_roll")
                        if pupils[0].under_18:
                            facts.add("under_18")
        elif item.role == "pupil" and (recipient == "staff" or (recipient is None and _STAFF_TEXT.search(folded))):
            targets.add("staff")
        if not targets:
            return []
        if _FAMILY.search(folded):
            facts.add("family_relationship")
        how_facets = {h for h, _, _ in hows}
        start = min(s for _, s, _ in hows)
        end = max(e for _, _, e in hows)
        who = {
            "pupil": "a pupil",
            "former_pupil": "a former pupil",
            "parent": "a parent",
            "staff": "a member of staff",
        }
        whom = " and ".join(who[t] for t in sorted(targets))
        ways = ", ".join(
            {
                "secrecy": "secrecy",
                "request": "a friend or follow request",
                "private_channel": "a private channel",
                "meeting": "meeting up",
            }[h]
            for h in sorted(how_facets)
        )
        return [
            RawFinding(
                category="inappropriate_contact",
                span=(start, end),
                evidence=clip(a.text, start, end),
                explanation=f"The text seeks private contact with {whom} ({ways}), outside professional boundaries.",
                detector=NAME,
                score=0.9 if "secrecy" in how_facets or recipient in ("pupil", "staff") else 0.75,
                facets=frozenset(targets | how_facets),
                facts=frozenset(facts),
            )
        ]
