"""defamation.v1: an allegation of wrongdoing about an identifiable person or the school.

An allegation needs both a target (a named person from the directory, a title and surname such as
"Mr Okafor", a role such as "the head" or "the caretaker", or the school itself) and an accusation of
wrongdoing (stealing, lying, covering up, hitting a child, being drunk at work, fiddling results...)
in the same sentence. Statements that deny the allegation ("Mr Okafor never stole anything") do not
fire.
"""

from __future__ import annotations

import re

from .base import Analysis, Item, RawFinding, analyse, clip
from .context import SchoolContext
from .patterns import NEGATION
from .phrases import negated

NAME = "defamation.v1"

_ROLE_TARGET = (
    r"(?:the|our|my|their|his|her|that|this|a) (?:head|headteacher|head teacher|deputy|deputy head|assistant head|senco|dsl|"
    r"caretaker|bursar|business manager|chair of governors|governor|governors|teacher|class teacher|ta|teaching assistant|"
    r"pe teacher|maths teacher|music teacher|dinner lady|lunchtime supervisor|coach|slt|trust|ceo|school|academy|office|pta|"
    r"treasurer|receptionist|cook|cleaner|supply teacher)"
    r"|(?:mr|mrs|ms|miss|mx|dr|sir)\.? [a-z][a-z'\-]+|he|she|they"
)
_WRONGDOING = (
    r"(?:(?:is|was|are|were|been|being|caught|got caught|keeps|kept|has been|have been)? ?"
    r"(?:steal\w*|stole|stolen|nick(?:ed|ing)|pocket(?:ed|ing)|embezzl\w*|fiddl(?:ed|ing) (?:the|their|his|her)|"
    r"fraud\w*|thie(?:f|ves|ving)|on the take|taking backhanders|bribe\w*|"
    r"cover(?:ed|ing|s)? (?:it |this |that |things |everything )?up|cover[ -]?up|hush(?:ed|ing) (?:it |this )?up|swept (?:it )?under|"
    r"liar|lied (?:to|about)|lying (?:to|about)|fals(?:ified|ifying|ify)|fak(?:ed|ing) (?:the|their|results|sats|data|records|attendance)|"
    r"cheat(?:ed|ing|s)? (?:on|in|at|the)|fiddl(?:ed|ing) (?:the )?(?:sats|results|books|figures|data|register)|"
    r"(?:hit|hits|hitting|slapped|slaps|smacked|punched|grabbed|kicked|shoved|pushed|assaulted|manhandled|abus(?:ed|es|ing)) "
    r"(?:a |the |my |our |one of the |that )?(?:child|kid|pupil|boy|girl|son|daughter|student|children|kids|pupils)|"
    r"(?:is|was) (?:a )?(?:paedo|pedo|paedophile|pedophile|nonce|groomer|predator|criminal|crook|abuser)|"
    r"(?:drunk|pissed|high|stoned) (?:at|in|on) (?:work|school|the job|duty)|(?:turns?|turned|came|comes) (?:into|in to) (?:work|school) (?:drunk|high|stoned)|"
    r"(?:having|had) an affair|sleeping with (?:a|the|one of)|shagging|"
    r"(?:racist|homophobic|sexist) (?:to|towards|against|abuse)|discriminat(?:es|ed|ing) against|"
    r"(?:sacked|fired|dismissed|suspended|struck off|arrested|investigated) (?:for|over|after)|"
    r"should be (?:in prison|locked up|arrested|struck off)|(?:broke|breaking|breaks) the law|illegal(?:ly)?|"
    r"(?:bull(?:y|ies|ied|ying)) (?:staff|teachers|pupils|kids|children|my|our)|"
    r"(?:is|are|was|were) (?:corrupt|dodgy|bent|crooked)|"
    r"(?:sell(?:s|ing)?|sold|deal(?:s|ing)?|dealt|supplie[sd]|supplying) (?:weed|drugs|coke|cocaine|cannabis|pills|vapes|gear|alcohol|booze) (?:to|at|in|outside)|"
    r"(?:is|was|are|were) (?:a )?(?:drug dealer|dealer|on drugs|an alcoholic|a drunk)|(?:sends?|sent|sending) (?:inappropriate|dodgy|dirty) (?:messages|texts|pics)))"
)
_ALLEGATION = re.compile(rf"\b(?:{_ROLE_TARGET})\b[^.!?\n]{{0,50}}?\b{_WRONGDOING}")
_NAMED = re.compile(rf"[^.!?\n]{{0,50}}?\b{_WRONGDOING}")
_SELF = re.compile(r"\b(?:i|i'm|i've|we|my|me)\b")


class Defamation:
    name = NAME
    categories = ("defamatory_allegation",)

    def __init__(self) -> None:
        self._pattern = _ALLEGATION

    def detect(self, item: Item, context: SchoolContext) -> list[RawFinding]:
        a = analyse(item.text)
        out: list[RawFinding] = []
        for hit in context.find_names(a.folded):
            if hit.refs[0].role == "pupil" and hit.refs[0].form != "full":
                continue
            if hit.refs[0].form in ("forename",):
                continue
            m = _NAMED.match(a.folded, hit.end)
            if m and not NEGATION.search(a.folded[hit.end : m.end()]):
                out.append(self._finding(a, hit.start, m.end(), hit.refs[0].display))
                return out
        for name_start, name_end, _found in context.find_school_names(a.text, a.folded):
            m = _NAMED.match(a.folded, name_end)
            if m and not NEGATION.search(a.folded[name_end : m.end()]):
                out.append(self._finding(a, name_start, m.end(), "the school"))
                return out
        for m in self._pattern.finditer(a.folded):
            target = m.group(0).split()[0]
            if target in ("he", "she", "they") and not re.search(
                r"\b(?:mr|mrs|ms|miss|head|teacher|deputy|caretaker)\b", a.folded
            ):
                continue
            if NEGATION.search(m.group(0)) or negated(a, m.start()):
                continue
            out.append(self._finding(a, m.start(), m.end(), None))
            break
        return out

    def _finding(self, a: Analysis, start: int, end: int, who: str | None) -> RawFinding:
        about = f" about {who}" if who else " about an identifiable person or the school"
        return RawFinding(
            category="defamatory_allegation",
            span=(start, end),
            evidence=clip(a.text, start, end),
            explanation=f"The post makes an allegation of wrongdoing{about}; if untrue it may be defamatory, and if true it belongs with the school's procedures, not social media.",
            detector=NAME,
            score=0.8,
        )
