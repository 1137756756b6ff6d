"""Apply a policy to what the detectors saw: category -> clauses that bind the role on the channel
-> severity.

A raw finding engages a clause when
1. the clause is in force (the adopted options), carries a severity (must/must_not give breach,
   should/should_not give advise; may, note and school_will bind nothing here),
2. the clause names the finding's category among its topics (for ``inappropriate_contact`` also
   clauses about ``connections``),
3. the clause binds the role (``Clause.binds``: staff-like roles count as staff) on the item's channel,
4. the clause speaks to what was seen: ``clause_scope`` reads the clause's own words to narrow a
   category to facets (a clause about work email and logos is not engaged by a school name in a
   bio; a clause about parents is not engaged by contact with a pupil). A clause without such
   words covers the whole category;
5. every condition holds and no exception does (``condition``). A condition the checker cannot
   establish from the text (working time, own device...) does not drop the clause but caps its
   severity at advise, and the explanation says what it depends on.

``safeguarding_concern`` always escalates, with or without a clause (see verdict.py).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .detectors.base import Item, RawFinding, analyse
from .detectors.patterns import WORK_CONTEXT
from .model import AdoptedPolicy, Clause

SEVERITIES = ("ok", "advise", "breach", "escalate")
RANK = {s: i for i, s in enumerate(SEVERITIES)}

# Topic hooks that also carry a category: a friend request is a connection.
RELATED_TOPICS: dict[str, tuple[str, ...]] = {"inappropriate_contact": ("connections",)}

# Facets each detector may attach, per category, and the words in a clause that select them.
_PUPIL_CUE = re.compile(r"\b(?:pupils?|students?|child(?:ren)?|young (?:people|person))\b")
_OF_PUPILS = re.compile(r"\b(?:of (?:the )?(?:pupils?|students?|children)|pupils?'?s? famil\w*|students?'?s? famil\w*)")
CUES: dict[str, tuple[tuple[frozenset[str], re.Pattern[str]], ...]] = {
    "school_identity": (
        (frozenset({"work_email"}), re.compile(r"e-?mail")),
        (frozenset({"logo"}), re.compile(r"\blogo|\bbrand")),
        (frozenset({"profile_name"}), re.compile(r"\bprofile|twitter name|name of a blog")),
        (frozenset({"profile_profession"}), re.compile(r"\bprofession|job title")),
        (frozenset({"mention", "profile_name", "official_account"}), re.compile(r"\brefer(?:ring|ence|encing)?\b")),
        (
            frozenset({"representative"}),
            re.compile(r"representative|on behalf|holding yourself out|implying that you|without authorisation"),
        ),
    ),
    "inappropriate_contact": (
        (
            frozenset({"parent"}),
            re.compile(
                r"\b(?:parents?|carers?)\b|pupils?'?s?'? famil|famil(?:y|ies) (?:members )?of (?:the )?pupils|their families"
            ),
        ),
        (frozenset({"former_pupil"}), re.compile(r"ex-?students?|ex-?pupils?|former pupils?|under the age of 18")),
    ),
    "personal_contact_details": (
        (
            frozenset({"phone", "email", "address", "postcode", "handle"}),
            re.compile(r"contact details|personal information|contact address"),
        ),
        (frozenset({"phone"}), re.compile(r"phone|mobile|telephone")),
        (frozenset({"email"}), re.compile(r"e-?mail")),
        (frozenset({"address", "postcode"}), re.compile(r"(?<!mail )address")),
        (frozenset({"handle"}), re.compile(r"\bhandles?\b|user ?names?")),
    ),
    "confidential_information": ((frozenset({"credentials"}), re.compile(r"password|log-?ins?\b")),),
}
FACETS: dict[str, frozenset[str]] = {
    "school_identity": frozenset(
        {"mention", "profile_name", "profile_profession", "work_email", "official_account", "logo", "representative"}
    ),
    "inappropriate_contact": frozenset({"pupil", "former_pupil", "parent", "staff"}),
    "personal_contact_details": frozenset({"phone", "email", "address", "postcode", "handle"}),
    "confidential_information": frozenset(
        {
            "sen_medical",
            "safeguarding_status",
            "behaviour",
            "attainment",
            "family",
            "staff_hr",
            "internal",
            "credentials",
        }
    ),
}


@functools.lru_cache(maxsize=4096)
def clause_scope(clause: Clause, category: str) -> frozenset[str] | None:
    """The facets of ``category`` this clause speaks to, or None for the whole category."""
    text = clause.text.lower()
    scope: set[str] = set()
    for facets, cue in CUES.get(category, ()):
        if cue.search(text):
            scope |= facets
    if category == "inappropriate_contact":
        if _PUPIL_CUE.search(_OF_PUPILS.sub(" ", text)):
            scope.add("pupil")
        if "pupil" in clause.audience and re.search(r"\bstaff|teachers?\b", text):
            scope.add("staff")
    return frozenset(scope) if scope else None


@functools.lru_cache(maxsize=4096)
def audience_scope(clause: Clause, category: str) -> frozenset[str] | None:
    """For contact details: a clause that speaks of pupils or parents is about giving details to them."""
    if category != "personal_contact_details":
        return None
    text = clause.text.lower()
    out = set()
    if re.search(r"\b(?:pupils?|students?|children|young people)\b", text):
        out.add("to_pupils")
    if re.search(r"\b(?:parents?|carers?|families)\b", text):
        out.add("to_parents")
    return frozenset(out) if out else None


# ---------------------------------------------------------------- conditions

_FAMILY = re.compile(
    r"\bmy (?:own )?(?:son|daughter|niece|nephew|grandson|granddaughter|grandchild(?:ren)?|cousin|stepson|stepdaughter|godson|goddaughter|brother|sister)\b"
)
_CONSENT = re.compile(
    r"\b(?:with (?:their |the |his |her )?parents'? (?:written )?(?:consent|permission)|parental (?:consent|permission)|(?:consent|permission) (?:from|of) (?:their |the |his |her )?parents|parents (?:have )?(?:consented|agreed|given (?:their )?(?:consent|permission)))\b"
)
_APPROVAL = re.compile(
    r"\b(?:(?:approved|authorised|authorized|agreed|signed off|cleared|okayed|ok'd) (?:by|with) (?:the |my |our )?(?:head|headteacher|head teacher|slt|smt|line manager|school|principal|dsl)|"
    r"with (?:the |my )?(?:head'?s?|headteacher'?s?|school'?s|slt'?s?|smt'?s?) (?:written )?(?:permission|approval|consent|agreement)|"
    r"(?:written )?(?:permission|approval) from (?:the |my )?(?:head|headteacher|slt|smt|school))\b"
)
_WRITTEN = re.compile(r"\bwritten (?:permission|approval|consent)|in writing\b")
_WORK_TIME = re.compile(
    r"\b(?:(?:at|during) (?:work|school|lunch ?time|lunch|break ?time|the school day|registration)|in school (?:time|hours)|in class|"
    r"between lessons|(?:today|right now|this morning|this afternoon) at (?:work|school)|in the staff ?room|in lessons?|on duty)\b"
)
_RECOGNISED = re.compile(
    r"\b(?:i teach|i'?m a (?:teacher|ta|teaching assistant|governor|senco|headteacher)|my (?:school|class|pupils|students|head|headteacher|colleagues)|our school|at school|at work)\b"
)
_EMERGENCY = re.compile(r"\bemergenc(?:y|ies)\b")
_PTA = re.compile(r"\b(?:pta|pfa|friends of (?:the )?school)\b")

# Conditions that cannot be seen in text and are taken to hold for the purpose of engaging a clause.
ASSUMED = frozenset({"recognised_as_staff", "on_roll", "third_party_site", "outside_working_hours"})


@dataclass(frozen=True, slots=True)
class TextFacts:
    """What the text itself says about conditions and exceptions; computed once per item."""

    family_relationship: bool
    parental_consent: bool
    approval: bool
    written: bool
    working_time: bool
    discusses_work: bool
    recognised: bool
    emergency: bool
    pta: bool


@functools.lru_cache(maxsize=16)
def text_facts(text: str) -> TextFacts:
    folded = analyse(text).folded
    return TextFacts(
        family_relationship=_FAMILY.search(folded) is not None,
        parental_consent=_CONSENT.search(folded) is not None,
        approval=_APPROVAL.search(folded) is not None,
        written=_WRITTEN.search(folded) is not None,
        working_time=_WORK_TIME.search(folded) is not None,
        discusses_work=WORK_CONTEXT.search(folded) is not None,
        recognised=_RECOGNISED.search(folded) is not None,
        emergency=_EMERGENCY.search(folded) is not None,
        pta=_PTA.search(folded) is not None,
    )


def condition(name: str, item: Item, raw: RawFinding) -> bool | None:
    """Does a clause condition or exception hold for this item and finding? None = cannot tell."""
    if name in item.facts or name in raw.facts:
        return True
    tf = text_facts(item.text)
    if name == "personal_channel":
        return item.channel == "personal"
    if name in ("official_channel", "acting_for_school"):
        return item.channel == "official"
    if name == "legitimate_role":
        return item.channel == "official"
    if name == "discusses_work":
        return tf.discusses_work or raw.category in (
            "school_identity",
            "pupil_identified",
            "complaint_or_grievance",
            "confidential_information",
            "missing_disclaimer",
        )
    if name == "recognised_as_staff":
        return True if tf.recognised else None
    if name == "working_time":
        return True if tf.working_time else None
    if name == "outside_working_hours":
        return not tf.working_time
    if name in ("rest_break", "own_device", "school_equipment", "school_hosted_site", "third_party_site"):
        return None
    if name == "on_roll":
        return "former_pupil" not in raw.facts
    if name == "former_pupil":
        return "former_pupil" in raw.facts
    if name == "under_18":
        return None if "former_pupil" in raw.facts else True
    if name == "family_relationship":
        return tf.family_relationship
    if name == "parental_consent":
        return tf.parental_consent
    if name in ("prior_approval", "properly_authorised"):
        return tf.approval
    if name == "written_approval":
        return tf.approval and tf.written
    if name == "emergency":
        return tf.emergency
    if name == "pta_capacity":
        return tf.pta
    return False  # sibling_on_roll, acknowledged_social_circle, professional_network_not_public...


# ---------------------------------------------------------------- engagement


@dataclass(frozen=True, slots=True)
class Engagement:
    clause: Clause
    severity: str  # breach | advise (after any cap)
    depends_on: tuple[str, ...] = ()  # conditions the checker could not establish


def _topics_for(category: str) -> tuple[str, ...]:
    return (category, *RELATED_TOPICS.get(category, ()))


def engaged_clauses(policy: AdoptedPolicy, item: Item, raw: RawFinding) -> list[Engagement]:
    """The clauses this raw finding engages under the policy, strongest first."""
    out: list[Engagement] = []
    topics = _topics_for(raw.category)
    finding_facets = raw.facets & FACETS.get(raw.category, frozenset())
    for clause in _candidates(policy, raw.category):
        severity = clause.severity
        if severity is None or not any(t in clause.topics for t in topics):
            continue
        if clause.enforcement.kind in ("workflow", "guidance"):
            continue  # a process (site approval, moderation) or advice no text can breach
        direct = raw.category in clause.topics or clause.enforcement.target == raw.category
        if not clause.binds(item.role) or item.channel not in clause.channels:
            continue
        scope = clause_scope(clause, raw.category)
        if scope is not None and finding_facets and not (finding_facets & scope):
            continue
        if not direct and (scope is None or "request" not in raw.facets):
            continue  # a connections clause is engaged by a friend or follow request it speaks to
        audience = audience_scope(clause, raw.category)
        if audience is not None and not (raw.facets & audience):
            continue
        if any(condition(exc, item, raw) for exc in clause.exceptions):
            continue
        unknown: list[str] = []
        dropped = False
        for cond in clause.conditions:
            value = condition(cond, item, raw)
            if value is False:
                dropped = True
                break
            if value is None and cond not in ASSUMED:
                unknown.append(cond)
        if dropped:
            continue
        if unknown and severity == "breach":
            severity = "advise"
        out.append(Engagement(clause, severity, tuple(unknown)))
    main = [e for e in out if not is_umbrella(e.clause)]
    if not main:
        return []
    ceiling = max(RANK[e.severity] for e in main)
    out = [e if RANK[e.severity] <= ceiling else Engagement(e.clause, SEVERITIES[ceiling], e.depends_on) for e in out]
    out.sort(key=lambda e: (-RANK[e.severity], is_umbrella(e.clause)))
    return out


_UMBRELLA = re.compile(
    r"(?:comply with|adhere to) the (?:conditions|requirements) (?:set out )?(?:below|above)|requirements below|conditions set out below"
)


@functools.lru_cache(maxsize=4096)
def is_umbrella(clause: Clause) -> bool:
    """A clause that only points at other clauses ("must comply with the conditions set out below").

    It is cited beside the clauses it points to but never engages, or raises a severity, on its own.
    """
    return _UMBRELLA.search(clause.text.lower()) is not None


_INDEX: dict[int, tuple[AdoptedPolicy, dict[str, tuple[Clause, ...]]]] = {}


def _index(policy: AdoptedPolicy) -> dict[str, tuple[Clause, ...]]:
    """Clauses with a severity by topic, computed once per policy object."""
    cached = _INDEX.get(id(policy))
    if cached is not None and cached[0] is policy:
        return cached[1]
    by_topic: dict[str, list[Clause]] = {}
    for clause in policy.clauses:
        if clause.severity is None:
            continue
        for topic in clause.topics:
            by_topic.setdefault(topic, []).append(clause)
    index = {k: tuple(v) for k, v in by_topic.items()}
    if len(_INDEX) > 256:
        _INDEX.clear()
    _INDEX[id(policy)] = (policy, index)
    return index


def _candidates(policy: AdoptedPolicy, category: str) -> tuple[Clause, ...]:
    index = _index(policy)
    seen: dict[str, Clause] = {}
    for topic in _topics_for(category):
        for clause in index.get(topic, ()):
            seen.setdefault(clause.id, clause)
    return tuple(seen.values())


def safeguarding_clauses(policy: AdoptedPolicy, item: Item) -> tuple[Clause, ...]:
    """Clauses that tell this role what to do about a safeguarding concern (for citing and actions).

    Preferred: clauses the safeguarding detector enforces or that send concerns to the DSL, on the
    item's channel; then the same on any channel; then any clause about safeguarding on the channel.
    """
    topics = ("safeguarding_concern", "report_to_dsl", "lado_referral", "police_referral")
    bound = [
        c for c in policy.clauses if any(t in c.topics for t in topics) and c.binds(item.role) and c.modality != "note"
    ]

    def direct(c: Clause) -> bool:
        return c.enforcement.target == "safeguarding_concern" or "report_to_dsl" in c.topics

    for pool in (
        [c for c in bound if direct(c) and item.channel in c.channels],
        [c for c in bound if direct(c)],
        [c for c in bound if item.channel in c.channels],
    ):
        if pool:
            return tuple(pool)
    return ()
