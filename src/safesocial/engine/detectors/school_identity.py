"""school_identity.v1: the school's identity used in a personal context.

Facets (the rules use them to find the clauses that speak to each):
- ``mention``: the school's name or an alias in the text;
- ``profile_name``: the name in a profile (bio, display name, blog name) - also a mention;
- ``profile_profession``: a profile that says what job the person does at a school;
- ``work_email``: an address on the school's email domains;
- ``official_account``: the school's official account tagged or used from a personal account;
- ``logo``: the school logo or crest used on a personal account;
- ``representative``: holding oneself out as speaking for the school.
Nothing is reported on the school's official channel, where using its identity is the point.
"""

from __future__ import annotations

import functools
import re

from .base import Item, RawFinding, analyse, clip
from .contact_details import EMAIL
from .context import SchoolContext

NAME = "school_identity.v1"

GENERIC_SCHOOL = re.compile(
    r"\b(?:St\.? |Saint )?[A-Z][a-z'’]+(?: [A-Z][a-z'’]+){0,3}"
    r" (?:(?:C of E|CofE|CE|RC|Catholic|Church of England|Community|Methodist|Free|Junior and Infant|Infant|Junior)"
    r" )?(?:Primary School|Primary Academy|Primary|Infant School|Junior School|Nursery School|High School|Secondary School|"
    r"Grammar School|Academy|College|School)\b"
)
_NOT_SCHOOL_PREFIX = re.compile(
    r"^(?:The|A|My|Our|This|That|Primary|Secondary|High|Summer|Sunday|Forest|Driving|Dance|Night|Home|Old|New|Free)\b"
)
_LOGO = re.compile(r"\b(?:logo|crest|emblem)\b")
_LOGO_USE = re.compile(
    r"\b(?:profile (?:pic|picture|photo|image)|banner|avatar|header|cover photo|dp|pfp|using|used|use|put|added|with|my)\b"
)
_REPRESENT = (
    r"\b(?:on behalf of|speaking for|speak for|representing|as (?:a |the )?(?:representative|spokesperson|spokesman|spokeswoman|voice) (?:of|for))"
    r" (?:the school|my school|our school|the academy|the trust|{name})"
    r"|\bofficial (?:statement|announcement|position|response|update|word) (?:from|of|on behalf of) (?:the school|my school|our school|the academy|{name})"
    r"|\b(?:the|my|our) school'?s (?:official )?(?:position|view|response|stance|statement) (?:is|on)\b"
    r"|\bi can (?:officially )?confirm (?:that )?(?:the school|my school|our school|the academy|{name})"
    r"|\b(?:the school|my school|our school|{name}) (?:has|have) (?:officially )?(?:decided|confirmed|announced) (?:that )?"
)
_PROFESSION = re.compile(
    r"\b(?:teacher|teaching assistant|ta|hlta|senco|headteacher|head teacher|deputy head|assistant head|head of year|"
    r"nqt|ect|school business manager|lunchtime supervisor|school governor|governor|educator|teaching)\b"
)


@functools.lru_cache(maxsize=64)
def _represent(forms: tuple[tuple[str, bool], ...]) -> re.Pattern[str]:
    name_alt = "|".join(re.escape(f) for f, _ in forms) or "the school"
    return re.compile(_REPRESENT.replace("{name}", f"(?:{name_alt})"))


class SchoolIdentity:
    name = NAME
    categories = ("school_identity",)

    def __init__(self, *, generic_names: bool = True) -> None:
        if not isinstance(generic_names, bool):
            raise ValueError("school_identity.v1: generic_names must be true or false")
        self.generic_names = generic_names

    def detect(self, item: Item, context: SchoolContext) -> list[RawFinding]:
        if item.channel == "official" or item.role in ("pupil", "parent", "public"):
            return []
        a = analyse(item.text)
        text, folded = a.text, a.folded
        profile = item.kind == "profile"
        out: list[RawFinding] = []
        names = context.find_school_names(text, folded)
        if not names and self.generic_names and context.school is None:
            for m in GENERIC_SCHOOL.finditer(text):
                if _NOT_SCHOOL_PREFIX.match(m.group(0)) and len(m.group(0).split()) <= 2:
                    continue
                names.append((m.start(), m.end(), m.group(0)))
        for start, end, found in names:
            facets = {"mention", "profile_name"} if profile else {"mention"}
            where = "profile" if profile else "text"
            out.append(
                RawFinding(
                    category="school_identity",
                    span=(start, end),
                    evidence=clip(text, start, end),
                    explanation=f"The {where} names the school ('{found}') on a personal account.",
                    detector=NAME,
                    score=0.9,
                    facets=frozenset(facets),
                    facts=frozenset({"recognised_as_staff"})
                    if item.role not in ("pupil", "parent", "public")
                    else frozenset(),
                )
            )
        if profile:
            job = _PROFESSION.search(folded)
            if job:
                out.append(
                    RawFinding(
                        category="school_identity",
                        span=job.span(),
                        evidence=clip(text, *job.span()),
                        explanation="The profile says what job you do in a school, which can identify the school.",
                        detector=NAME,
                        score=0.6,
                        facets=frozenset({"profile_profession"}),
                    )
                )
        for m in EMAIL.finditer(text):
            domain = m.group(0).rsplit("@", 1)[1].lower()
            work = any(domain == d or domain.endswith("." + d) for d in context.email_domains)
            if work or (not context.email_domains and domain.endswith(".sch.uk")):
                out.append(
                    RawFinding(
                        category="school_identity",
                        span=m.span(),
                        evidence=m.group(0),
                        explanation="A work email address is used on a personal account.",
                        detector=NAME,
                        score=0.95,
                        facets=frozenset({"work_email"}),
                    )
                )
        for handle in context.official_handles:
            for m in re.finditer(rf"@{re.escape(handle)}\b", folded):
                out.append(
                    RawFinding(
                        category="school_identity",
                        span=m.span(),
                        evidence=text[m.start() : m.end()],
                        explanation="The school's official account is tagged from a personal account.",
                        detector=NAME,
                        score=0.7,
                        facets=frozenset({"official_account", "mention"}),
                    )
                )
        for m in _LOGO.finditer(folded):
            around = folded[max(0, m.start() - 40) : m.end() + 40]
            if ("school" in around or names) and _LOGO_USE.search(around):
                out.append(
                    RawFinding(
                        category="school_identity",
                        span=m.span(),
                        evidence=clip(text, *m.span()),
                        explanation="The school logo is used on a personal account.",
                        detector=NAME,
                        score=0.8,
                        facets=frozenset({"logo"}),
                    )
                )
                break
        for m in _represent(context.school_forms).finditer(folded):
            out.append(
                RawFinding(
                    category="school_identity",
                    span=m.span(),
                    evidence=clip(text, *m.span()),
                    explanation="The text speaks for the school from a personal account, as if its representative.",
                    detector=NAME,
                    score=0.85,
                    facets=frozenset({"representative"}),
                )
            )
        return out
