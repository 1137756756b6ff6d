"""complaint.v1: complaints or grievances about the school, its staff, pupils or one's employment
raised on social media ("worst school in town", "SLT don't care about staff", "passed over again").

It needs a target (the school, its leaders, staff, pupils, the employer, one's job) and grievance
language in the same sentence, or an explicit complaint verb. Praise and neutral news do not fire.
"""

from __future__ import annotations

import re

from .base import Item, RawFinding, analyse, clip
from .context import SchoolContext
from .phrases import negated
from .prefilter import LiteralGate

NAME = "complaint.v1"

_TARGET = (
    r"(?:(?:the|this|my|our|his|her|their|that) (?:school|academy|trust|head|headteacher|head teacher|deputy|deputy head|slt|"
    r"senior leadership(?: team)?|leadership|management|governors|office|senco|teacher|teachers|class teacher|staff|"
    r"bosses|boss|employer|line manager|la|council|pta|kids|pupils|class|year \d+s?|school office|admin|job|contract|"
    r"pay|workload|hours|appraisal|timetable|rota)|slt|management|leadership|head teacher|headteacher|"
    r"mr \w+|mrs \w+|miss \w+|ms \w+|{school}|(?:son|daughter|child|kid)'?s (?:teacher|class teacher|ta|school|head|headteacher)|"
    r"tlr|promotion|pay rise|"
    r"(?:this|my|that) (?:place|job|work)|at this place|work|school|ppa|sen support|send support)"
)
_GRIEVANCE = (
    r"(?:worst|useless|incompetent|shambles|disgrace(?:ful)?|shocking|appalling|awful|terrible|pathetic|rubbish|"
    r"fed up|sick (?:and tired )?of|sick to death of|had enough|so angry|furious|livid|fuming|disgusted|"
    r"don'?t care|doesn'?t care|do not care|does not care|never listens?|nobody listens|no one listens|ignored|ignores|ignoring|"
    r"treated (?:like|so|appallingly|badly)|treat (?:us|staff|teachers) like|unfair(?:ly)?|bullied|bullying|toxic|"
    r"no support|zero support|not supported|unsupported|let (?:us|me|my \w+|our \w+) down|failing|failed (?:my|our|to)|"
    r"passed over|overlooked|underpaid|not paid|haven'?t been paid|cut our|cutting our|"
    r"overworked|workload is|ridiculous|a nightmare|hopeless|clueless|couldn'?t care less|can'?t be bothered|"
    r"should be ashamed|shame on|waste of|mess|lied to us|lying to us|nobody (?:bothered|told)|"
    r"refus(?:ed|es|ing) to|still waiting|no response|not good enough|poorly (?:run|managed)|badly (?:run|managed)|"
    r"do nothing|did nothing|does nothing|nothing (?:is|was) done|get away with|getting away with|favouritism|"
    r"want(?:ed)? to quit|thinking of quitting|leaving because|going to quit|hate (?:my job|this job|working)|"
    r"can'?t wait to leave|makes my life hell|out of touch|have favourites|has favourites|never repl(?:y|ies)|"
    r"never answers?|never gets? back|a joke|a complete joke|an absolute joke|"
    r"chews? (?:people|staff|us|teachers) up|spits? (?:them|people|us|you) out|never (?:back|backs|supports?) (?:us|staff|teachers|me)|"
    r"swerves? (?:every|the|our|my|all)|dodges? (?:every|the|our|my|all) questions?|non[- ]?existent|"
    r"never (?:once )?(?:got|get|had|received) a (?:thank you|thanks)|no refund|with (?:only )?\d+ (?:days?|weeks?)'? notice|"
    r"is ['‘]?optional['’]?|found out (?:about [^.!?\n]{0,30})?from a parent|cheers slt|thanks for nothing)\b"
)
_EXPLICIT = re.compile(
    r"\b(?:i(?:'m| am| have|'ve)? (?:(?:going to|gonna|will|want to|wanna) )?(?:complain(?:ed|ing)?|(?:make|made|put in|raise|raised|file|filed|lodge|lodged) (?:a |an |my )?(?:formal )?(?:complaint|grievance))|"
    r"(?:formal )?complaint (?:about|against|to) (?:the|this|my|our)|grievance (?:against|about|with)|passed over (?:for|again)|"
    r"reporting (?:the|this) school to (?:ofsted|the council|the la|the trust)|ofsted need to hear about)\b"
)
_PRAISE = re.compile(
    r"\b(?:proud|love|lovely|amazing|brilliant|fantastic|grateful|thank|thanks|well done|congratulations|best school|great school)\b"
)


class Complaint:
    name = NAME
    categories = ("complaint_or_grievance",)

    def __init__(self, *, reach: int = 70) -> None:
        if reach < 20:
            raise ValueError("complaint.v1: reach must be at least 20 characters")
        self.reach = reach
        self._cache: dict[tuple[str, ...], tuple[re.Pattern[str], LiteralGate]] = {}

    def _grievance(self, context: SchoolContext) -> tuple[re.Pattern[str], LiteralGate]:
        """The grievance pattern for this school's names, and the gate for it and ``_EXPLICIT``."""
        key = tuple(f for f, _ in context.school_forms)
        cached = self._cache.get(key)
        if cached is None:
            school = "|".join(re.escape(f) for f in key) or "the school"
            target = _TARGET.replace("{school}", school)
            pattern = re.compile(
                rf"\b{target}\b[^.!?\n]{{0,{self.reach}}}?\b{_GRIEVANCE}|\b{_GRIEVANCE}\b[^.!?\n]{{0,{self.reach}}}?\b{target}\b"
            )
            cached = self._cache[key] = (pattern, LiteralGate([(_EXPLICIT,), (pattern,)]))
        return cached

    def detect(self, item: Item, context: SchoolContext) -> list[RawFinding]:
        a = analyse(item.text)
        out: list[RawFinding] = []
        grievance, gate = self._grievance(context)
        explicit_could, grievance_could = gate.open(a.folded)
        m = _EXPLICIT.search(a.folded) if explicit_could else None
        if m and not negated(a, m.start()):
            out.append(
                RawFinding(
                    "complaint_or_grievance",
                    m.span(),
                    clip(a.text, *m.span()),
                    "The post raises a complaint or grievance on social media.",
                    NAME,
                    0.85,
                    frozenset({"explicit"}),
                )
            )
            return out
        for m in grievance.finditer(a.folded) if grievance_could else ():
            if negated(a, m.start()):
                continue
            sentence = a.folded[slice(*a.sentence_of(m.start()))]
            if _PRAISE.search(sentence) and not re.search(r"\b(?:but|however|though|not)\b", sentence):
                continue
            out.append(
                RawFinding(
                    "complaint_or_grievance",
                    m.span(),
                    clip(a.text, *m.span()),
                    "The post airs a complaint or grievance about the school, its staff or pupils, or the job.",
                    NAME,
                    0.75,
                    frozenset({"grievance"}),
                )
            )
            break
        return out
