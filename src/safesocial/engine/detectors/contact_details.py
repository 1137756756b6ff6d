"""contact_details.v1: personal contact details - UK phone numbers, personal email addresses, home
addresses and postcodes, and social handles offered to others.

Phone numbers are found by shape, not by carrier validity, so the reserved drama and example ranges
(07700 900xxx, 01632 960xxx, 020 7946 0xxx) are found like any other. Email addresses on the
school's own domains are work addresses: school_identity.v1 reports those, not this detector.
"""

from __future__ import annotations

import dataclasses
import re

from .base import Item, RawFinding, analyse, clip
from .context import SchoolContext

NAME = "contact_details.v1"

_SEP = r"[ \-.]?"
PHONE = re.compile(
    r"(?<![\w+])(?:"
    # mobiles: 07xxx xxxxxx, +44 7xxx xxxxxx, (07xxx) xxx xxx, 0044 7...
    r"(?:(?:\+|00)44[ \-.]?(?:\(0\)[ \-.]?)?|\(?0)7\d{3}\)?" + _SEP + r"\d{3}" + _SEP + r"\d{3}"
    # geographic and non-geographic: 01xxx xxxxxx, 01xxx xxxxx, 011x xxx xxxx, 020 xxxx xxxx, 0800 xxx xxxx, 03xx
    r"|(?:(?:\+|00)44[ \-.]?(?:\(0\)[ \-.]?)?|\(?0)(?:1\d{3}\)?" + _SEP + r"\d{5,6}"
    r"|1\d{3}\)?" + _SEP + r"\d{3}" + _SEP + r"\d{3}"
    r"|1\d1\)?" + _SEP + r"\d{3}" + _SEP + r"\d{4}"
    r"|11\d\)?" + _SEP + r"\d{3}" + _SEP + r"\d{4}"
    r"|2\d\)?" + _SEP + r"\d{4}" + _SEP + r"\d{4}"
    r"|(?:3|8|9)\d{2}\)?" + _SEP + r"\d{3}" + _SEP + r"\d{4})"
    # unspaced eleven digits starting 0
    r"|0\d{10}"
    r")(?![\w])"
)
EMAIL = re.compile(r"(?<![\w.+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}(?![\w-])")
POSTCODE = re.compile(r"\b(?:[A-Z]{1,2}\d[A-Z\d]?|GIR) ?\d[ABD-HJLNP-UW-Z]{2}\b", re.IGNORECASE)
_STREET_TYPES = (
    r"road|rd|street|st|avenue|ave|close|lane|ln|drive|dr|way|crescent|gardens|court|place|terrace|grove|"
    r"mews|row|walk|hill|park|square|view|rise|parade|green|croft|vale|fold|gate|meadow|meadows|wharf"
)
ADDRESS = re.compile(
    rf"\b\d{{1,4}}[a-z]? (?:[A-Z][a-z]+ ){{1,3}}(?:{_STREET_TYPES})\b",
    re.IGNORECASE,
)
_ADDRESS_CUE = re.compile(
    r"\b(?:i live|we live|live at|living at|my address|our address|my house|our house|come round|pop round|"
    r"drop (?:it|them|round|off)|flat \d|number \d+|my place|at mine|home address|send it to|post it to)\b"
)
HANDLE_OFFER = re.compile(
    r"\b(?:add|follow|dm|message|msg|snap|text|whatsapp|find|message|hmu|hit me up)\b[^.!?\n]{0,30}?"
    r"(?:@[a-z0-9_.]{2,30}|\b(?:on|at) (?:snap(?:chat)?|insta(?:gram)?|tiktok|whatsapp|discord|facebook|fb|x|twitter)\b[^.!?\n]{0,6}?"
    r"(?::|is|-)? ?@?[a-z0-9_.]{3,30})"
    r"|\bmy (?:snap(?:chat)?|insta(?:gram)?|tiktok|discord|whatsapp|facebook|fb|twitter|x|handle|username|user name)"
    r"(?: name| handle| is|:| -)+ ?@?[a-z0-9_.]{3,30}",
)
_DIGIT = re.compile(r"\d")
_FREE_MAIL = re.compile(
    r"@(?:gmail|googlemail|hotmail|outlook|live|yahoo|icloud|me|aol|btinternet|sky|virginmedia|protonmail|mail|gmx|ymail|msn|talktalk)\.",
    re.IGNORECASE,
)
_PUBLIC_NUMBER = re.compile(
    r"\b(?:school office|office|reception|main switchboard|call the school|school number|childline|nspcc|samaritans|helpline|111|999|101)\b"
)


def _facet_finding(a_text: str, start: int, end: int, facet: str, explanation: str, score: float) -> RawFinding:
    return RawFinding(
        category="personal_contact_details",
        span=(start, end),
        evidence=clip(a_text, start, end),
        explanation=explanation,
        detector=NAME,
        score=score,
        facets=frozenset({facet}),
    )


class ContactDetails:
    name = NAME
    categories = ("personal_contact_details",)

    def __init__(self, *, postcodes: bool = True) -> None:
        if not isinstance(postcodes, bool):
            raise ValueError("contact_details.v1: postcodes must be true or false")
        self.postcodes = postcodes

    def detect(self, item: Item, context: SchoolContext) -> list[RawFinding]:
        a = analyse(item.text)
        text = a.text
        out: list[RawFinding] = []
        # phone numbers, street numbers and postcodes all hold a digit; an email address holds "@"
        digits = _DIGIT.search(text) is not None
        for m in PHONE.finditer(text) if digits else ():
            window = a.folded[max(0, m.start() - 40) : m.start()]
            if _PUBLIC_NUMBER.search(window):
                continue
            out.append(
                _facet_finding(
                    text,
                    m.start(),
                    m.end(),
                    "phone",
                    "The text gives a phone number, which is personal contact information.",
                    0.95,
                )
            )
        school_handles = context.official_handles
        for m in EMAIL.finditer(text) if "@" in text else ():
            domain = m.group(0).rsplit("@", 1)[1].lower()
            if any(domain == d or domain.endswith("." + d) for d in context.email_domains):
                continue  # a work address: school_identity.v1
            if domain.endswith((".sch.uk", ".gov.uk", ".ac.uk", ".nhs.uk")) or domain.startswith(("office.", "admin.")):
                continue
            score = 0.95 if _FREE_MAIL.search(m.group(0)) else 0.8
            out.append(
                _facet_finding(text, m.start(), m.end(), "email", "The text gives a personal email address.", score)
            )
        for m in ADDRESS.finditer(text) if digits else ():
            out.append(
                _facet_finding(
                    text,
                    m.start(),
                    m.end(),
                    "address",
                    "The text gives a street address, which may be a home address.",
                    0.8,
                )
            )
        if self.postcodes and digits:
            cue = _ADDRESS_CUE.search(a.folded) is not None
            for m in POSTCODE.finditer(text):
                if m.group(0).isupper() or cue:
                    out.append(
                        _facet_finding(
                            text,
                            m.start(),
                            m.end(),
                            "postcode",
                            "The text gives a postcode, which locates a home.",
                            0.85,
                        )
                    )
        for m in HANDLE_OFFER.finditer(a.folded):
            raw_handle = m.group(0).rsplit(" ", 1)[-1]
            handle = raw_handle.lstrip("@:")
            explicit = raw_handle.startswith("@") or re.search(r"(?::|\bis|-)\s*@?[a-z0-9_.]+$", m.group(0))
            if handle in school_handles or not (explicit or re.search(r"[._0-9]", handle)):
                continue
            out.append(
                _facet_finding(
                    text,
                    m.start(),
                    m.end(),
                    "handle",
                    "The text offers a personal social media handle or private channel.",
                    0.85,
                )
            )
        return _with_audience(out, item, a.folded)


_TO_PUPILS = re.compile(r"\b(?:pupils?|students?|kids|children|class|year \d+s?|y\d+s?|tutor group|form)\b")
_TO_PARENTS = re.compile(r"\b(?:parents?|carers?|mums?|dads?|families)\b")


def _with_audience(found: list[RawFinding], item: Item, folded: str) -> list[RawFinding]:
    """Mark who the details are offered to: ``to_pupils`` / ``to_parents`` (the rules use it)."""
    extra = set()
    if item.recipient_role == "pupil" or (item.recipient_role is None and _TO_PUPILS.search(folded)):
        extra.add("to_pupils")
    if item.recipient_role == "parent" or (item.recipient_role is None and _TO_PARENTS.search(folded)):
        extra.add("to_parents")
    if not extra:
        return found
    return [dataclasses.replace(f, facets=f.facets | extra) for f in found]
