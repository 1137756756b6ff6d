"""confidential.v1: confidential information about pupils, staff or the school.

Special educational needs and medical details, safeguarding and child-protection status, exclusions
and behaviour sanctions, attainment, family circumstances, staff sickness, HR and disciplinary
matters, internal decisions not yet announced, and work passwords. A sensitive topic needs a
particular person or group it is about ("one of my pupils", "a colleague", a name, "his mum"):
"Autism awareness week starts today" does not fire, "a boy in my class has just been diagnosed with
autism" does.
"""

from __future__ import annotations

import re

from .base import Item, RawFinding, analyse, clip
from .context import SchoolContext
from .phrases import negated
from .prefilter import LiteralGate

NAME = "confidential.v1"

_SUBJECT = re.compile(
    r"\b(?:one of (?:my|our|the) (?:\w+ ){0,2}?(?:pupils|students|kids|children|boys|girls|class|colleagues|staff|tas|teachers|families|parents)|"
    r"(?:a|the|this|that|my|our) (?:pupil|student|child|boy|girl|kid|lad|family|parent|mum|dad|colleague|ta|teacher|"
    r"member of staff|staff member|head|headteacher|deputy|senco|caretaker|cook|governor|class teacher|supply teacher|nqt|ect)|"
    r"(?:his|her|their) (?:mum|dad|mother|father|parents|family|carer|brother|sister|gran|nan|step ?dad|step ?mum)|"
    r"(?:he|she|they)(?:'s| is| has| was| are| have| were)|"
    r"(?:mr|mrs|ms|miss|mx)\.? [a-z]+|(?:three|two|four|five|six|\d+) (?:of my|of our|pupils|kids|children|staff)|"
    r"half (?:my|the) class|(?:my|our|the) (?:class|year \d+s?|staff|team)|in (?:my|our) class|"
    r"(?:year|yr|y) ?\d{1,2}\b|\d{1,2}[a-z]\b|\w+'s)"
)

_TOPICS: tuple[tuple[str, str, re.Pattern[str]], ...] = (
    (
        "sen_medical",
        "special educational needs or medical details",
        re.compile(
            r"\b(?:ehcp|ehc plan|iep|sen support|send register|on the sen register|statemented|autis(?:m|tic)|asd|adhd|"
            r"dyslexi[ac]|dyspraxi[ac]|dyscalculia|global (?:developmental )?delay|learning disabilit(?:y|ies)|speech and language|"
            r"salt referral|camhs|diagnos(?:ed|is)|assessment for|epilep(?:sy|tic)|diabet(?:es|ic)|anaphyla\w+|epipen|"
            r"asthma|cancer|chemo|leukaemia|medication|meds|ritalin|mental health (?:issues|problems|crisis)|anxiety disorder|"
            r"depress(?:ion|ed)|eating disorder|anorexi[ac]|bulimi[ac]|self ?harm\w*|ocd|tourette\w*|cerebral palsy|"
            r"down'?s syndrome|hearing impair\w*|visually impaired|wheelchair|pregnan(?:t|cy)|miscarriage|ivf|terminal(?:ly)? ill)\b"
        ),
    ),
    (
        "safeguarding_status",
        "safeguarding or child-protection status",
        re.compile(
            r"\b(?:child protection (?:plan|register|case|conference|meeting)|cp plan|cp meeting|on a cp|child in need|cin plan|"
            r"section 47|s47|social services|social worker|children'?s services|looked after|lac|in care|foster (?:care|carers|home|placement)|"
            r"care order|early help|mash referral|referred to (?:social|mash|the lado|camhs)|lado|dsl referral|my concern log|cpoms|"
            r"known to (?:police|social services)|court order|restraining order|non ?molestation)\b"
        ),
    ),
    (
        "behaviour",
        "exclusions or behaviour sanctions",
        re.compile(
            r"\b(?:excluded|exclusion|suspended|suspension|fixed term|fixed-term|permanently excluded|expelled|managed move|"
            r"internal isolation|in isolation|isolation booth|detention|on report|behaviour (?:plan|support plan|contract)|"
            r"pupil referral unit|pru\b|part[- ]time timetable|reduced timetable|sent home)\b"
        ),
    ),
    (
        "attainment",
        "attainment or assessment results",
        re.compile(
            r"\b(?:reading age|working (?:below|towards|at greater depth|at expected)|below (?:age )?expected|well below|"
            r"sats (?:results|scores?)|scored \d+|got (?:a )?(?:\d|grade [1-9u]|level \d)|predicted (?:grades?|a \d)|"
            r"failed (?:his|her|their) (?:phonics|sats|mocks?|exams?)|bottom set|lowest (?:set|group|score)|"
            r"can'?t read|cannot read|still can'?t (?:read|write|count)|non[- ]reader|phonics (?:check|screening) (?:fail|score))\b"
        ),
    ),
    (
        "family",
        "family circumstances",
        re.compile(
            r"\b(?:divorc\w+|separat(?:ed|ing)|split up|custody|in prison|inside for|locked up|domestic (?:abuse|violence)|"
            r"alcoholic|drink problem|drug problem|addict\w*|bereave\w*|passed away|died|homeless|temporary accommodation|"
            r"food bank|free school meals|fsm|pupil premium|on benefits|evicted|young carer|asylum seeker|refugee status|"
            r"no recourse|immigration status|deported|adopted|kinship care|special guardianship)\b"
        ),
    ),
    (
        "staff_hr",
        "staff sickness, HR or disciplinary matters",
        re.compile(
            r"\b(?:signed off|off sick|sick leave|off with stress|stress leave|long[- ]term sick|sickness absence|"
            r"phased return|occupational health|capability (?:procedure|process|plan)|disciplinary|grievance hearing|"
            r"being investigated|under investigation|suspended pending|gross misconduct|sacked|dismissed|redundanc\w+|"
            r"restructur\w+|settlement agreement|tribunal|salary|pay grade|payslip|appraisal (?:outcome|result)|"
            r"performance management|support plan|failed (?:her|his|their) probation|on a support plan)\b"
        ),
    ),
    (
        "internal",
        "internal decisions or confidential school business",
        re.compile(
            r"\b(?:(?:slt|the head|governors|the trust|leadership|management|the board) (?:have|has)? ?(?:decided|agreed|voted|are planning|plan)|"
            r"not (?:been )?announced yet|haven'?t announced|before (?:it'?s|it is) announced|don'?t tell anyone|between (?:us|you and me)|"
            r"keep (?:this|it) quiet|off the record|strictly confidential|confidential\b|not supposed to (?:say|tell|share)|"
            r"ofsted (?:is|are) coming|ofsted call|the inspection (?:grade|result|outcome) (?:is|was)|going into special measures|"
            r"budget cuts? (?:mean|will)|(?:staff|teachers|tas) (?:are )?(?:going to be|will be) (?:cut|made redundant|let go)|"
            r"closing (?:the|our) (?:school|nursery|unit)|merg(?:e|ing) with)\b"
        ),
    ),
    (
        "credentials",
        "work log-ins or passwords",
        re.compile(
            r"\b(?:(?:my|the|our) (?:work |school |sims |arbor |cpoms |staff )?(?:password|login|log-in|pin) (?:is|:)|password ?[:=])"
        ),
    ),
)
_PERSON = re.compile(
    r"\b(?:he|she|his|her|him|one of|(?:a|the|this|that) (?:pupil|student|child|boy|girl|kid|lad)|(?:mr|mrs|ms|miss)\.? [a-z]+|\w+'s)\b"
)
_GENERIC = re.compile(
    r"\b(?:awareness (?:week|day|month)|training (?:on|about)|course on|webinar|cpd|celebrat\w+|fundrais\w+|raising money|proud of|so proud|"
    r"(?:charity|sponsored) \w+|in general|generally|research shows|statistics|nationally|the government|policy on)\b"
)


class Confidential:
    name = NAME
    categories = ("confidential_information",)

    def __init__(self, *, reach: int = 70) -> None:
        if reach < 20:
            raise ValueError("confidential.v1: reach must be at least 20 characters")
        self.reach = reach
        self._gate = LiteralGate([(pattern,) for _, _, pattern in _TOPICS])

    def detect(self, item: Item, context: SchoolContext) -> list[RawFinding]:
        a = analyse(item.text)
        out: list[RawFinding] = []
        names = [h for h in context.find_names(a.folded)]
        for (facet, label, pattern), could in zip(_TOPICS, self._gate.open(a.folded), strict=True):
            if not could:
                continue
            for m in pattern.finditer(a.folded):
                if facet == "credentials":
                    out.append(self._finding(a, m.start(), min(len(a.text), m.end() + 20), facet, label))
                    break
                window = a.window(m.start(), m.end(), self.reach)
                about = _SUBJECT.search(window) is not None or any(
                    abs(h.start - m.start()) < self.reach * 2 for h in names
                )
                if facet == "internal":
                    about = True
                if (
                    facet == "attainment"
                    and not _PERSON.search(window)
                    and not any(abs(h.start - m.start()) < self.reach * 2 for h in names)
                ):
                    about = False
                if not about or _GENERIC.search(window):
                    continue
                if negated(a, m.start(), reach=15):
                    continue
                out.append(self._finding(a, m.start(), m.end(), facet, label))
                break
        return out

    def _finding(self, a: object, start: int, end: int, facet: str, label: str) -> RawFinding:
        from .base import Analysis

        text = a.text if isinstance(a, Analysis) else ""
        return RawFinding(
            category="confidential_information",
            span=(start, end),
            evidence=clip(text, start, end),
            explanation=f"The post discloses {label} about a particular person or the school, which is confidential.",
            detector=NAME,
            score=0.8,
            facets=frozenset({facet}),
        )
