"""Judging social media use against the adopted policy's IT-use clauses.

The clauses judged are those in force for the school's option choices whose enforcement is
``{kind: rule, target: it_use_monitoring}``, that bind staff, and whose text is about using social
media or the internet for personal purposes (see ``RELEVANT``: packs also route clauses about,
say, pornography or internal e-mail to this rule, and a proxy log of social media use says
nothing about those). Logs show two facts about each request besides the platform: the
*equipment* (school equipment, or staff's own device when the school has named its BYOD
networks) and the *period* (working time, an official break, outside working hours). Conditions
and exceptions are read on those two dimensions:

=====================  ======================  ==========================
condition              dimension               value
=====================  ======================  ==========================
school_equipment       equipment               school
own_device             equipment               own
working_time           period                  working_time
rest_break             period                  breaks
outside_working_hours  period                  outside_hours
=====================  ======================  ==========================

A clause *applies* to a request when, on every dimension its conditions name, the request's value
is one of the named values (a dimension with no condition means "any"), and no observable
exception names the request's value. So ``must [own_device, working_time] except [rest_break]``
("staff must limit their use on their own equipment to their official rest breaks") applies to
own-device use in working time.

By modality:

* ``must_not``, ``must``: a request it applies to is a **breach**; ``should_not``, ``should``:
  it is worth an **advise** finding. (Packs write "limit use to breaks" as a ``must`` that
  applies in working time with breaks as the exception, so ``must`` and ``must_not`` engage the
  same way.) A ``must``/``should`` with no observable condition states a duty logs cannot check
  and is not judged.
* ``may`` **permits** use where it applies, and lifts any duty it is at least as specific as
  (it constrains every dimension the duty does).
* Conditions logs cannot show (``acting_for_school``, ``legitimate_role``...) make a duty
  unjudgeable (listed under ``not_judged`` with the reason); on a permission they make it an
  *excuse* named in explanations ("unless it was for a legitimate work purpose (clause 1.2c)").
  Exceptions logs cannot show (``prior_approval``) do not stop a finding; the explanation names
  them.

Each finding covers one (platform, period, equipment) cell, cites every clause it engages as
``pack:clause`` and says in one sentence what happened and what the policy says.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from ..model import AdoptedPolicy, Clause
from ..vocab import STAFF_LIKE

EQUIPMENT_CONDITIONS = {"school_equipment": "school", "own_device": "own"}
PERIOD_CONDITIONS = {"working_time": "working_time", "rest_break": "breaks", "outside_working_hours": "outside_hours"}
OBSERVABLE = frozenset(EQUIPMENT_CONDITIONS) | frozenset(PERIOD_CONDITIONS)
# A clause is about what monitoring sees when its text speaks of social media or personal use.
RELEVANT = re.compile(r"social|networking|personal (?:use|internet)|non[- ]?work|such sites|websites", re.IGNORECASE)
INSTITUTION = frozenset({"school"})

PERIOD_PHRASE = {
    "working_time": "during working time",
    "breaks": "during official breaks",
    "outside_hours": "outside working hours",
}
PERIOD_NOUN = {"working_time": "working time", "breaks": "official breaks", "outside_hours": "outside working hours"}
EQUIPMENT_PHRASE = {"school": "from school equipment", "own": "from staff's own devices"}
EQUIPMENT_NOUN = {"school": "school equipment", "own": "own devices"}
EXCEPTION_PHRASE = {
    "prior_approval": "with prior approval",
    "written_approval": "with written approval",
    "properly_authorised": "when properly authorised",
    "legitimate_role": "for a legitimate work purpose such as teaching",
    "emergency": "in an emergency",
    "acting_for_school": "when acting for the school",
    "official_channel": "through an official school account",
    "family_relationship": "for family contact",
}
SEVERITY_ORDER = {"breach": 0, "advise": 1}
PERIOD_ORDER = {"working_time": 0, "breaks": 1, "outside_hours": 2}


@dataclass(frozen=True, slots=True)
class Rule:
    """One judgeable clause, read on the equipment and period dimensions."""

    clause: Clause
    cite: str
    kind: str  # duty | permit | excuse
    severity: str  # breach | advise
    equipment: frozenset[str]  # empty: any equipment
    periods: frozenset[str]  # empty: any period
    exceptions: tuple[str, ...] = ()  # exceptions logs cannot show (named in explanations)
    except_equipment: frozenset[str] = frozenset()
    except_periods: frozenset[str] = frozenset()
    option: bool = False  # the clause belongs to an option choice

    def matches(self, period: str, equipment: str) -> bool:
        if self.equipment and equipment not in self.equipment:
            return False
        if self.periods and period not in self.periods:
            return False
        return equipment not in self.except_equipment and period not in self.except_periods

    @property
    def dimensions(self) -> frozenset[str]:
        return frozenset(d for d, v in (("equipment", self.equipment), ("period", self.periods)) if v)


@dataclass(frozen=True, slots=True)
class NotJudged:
    cite: str
    reason: str

    def as_dict(self) -> dict[str, str]:
        return {"clause": self.cite, "reason": self.reason}


@dataclass(frozen=True, slots=True)
class RuleSet:
    rules: tuple[Rule, ...]
    excuses: tuple[Rule, ...]  # permissions on conditions logs cannot show (e.g. legitimate role)
    not_judged: tuple[NotJudged, ...]
    basis: tuple[str, ...]  # the school's own commitments to monitor (school_will + monitoring)


@dataclass(frozen=True, slots=True)
class Finding:
    clauses: tuple[str, ...]
    severity: str
    platform: str
    when: str  # working_time | breaks | outside_hours
    equipment: str  # school | own
    requests: int
    explanation: str
    person: str | None = None

    def as_dict(self, *, detail: bool = False) -> dict[str, object]:
        out: dict[str, object] = {
            "clauses": list(self.clauses),
            "severity": self.severity,
            "platform": self.platform,
            "when": self.when,
            "requests": self.requests,
            "explanation": self.explanation,
        }
        if detail:
            out["equipment"] = self.equipment
            if self.person is not None:
                out["person"] = self.person
        return out

    def sort_key(self) -> tuple[object, ...]:
        return (
            self.person or "",
            SEVERITY_ORDER[self.severity],
            self.platform,
            PERIOD_ORDER[self.when],
            self.equipment,
        )


def _binds_staff(clause: Clause) -> bool:
    return any(role == "staff" or role in STAFF_LIKE for role in clause.audience)


def rules_for(policy: AdoptedPolicy) -> RuleSet:
    rules: list[Rule] = []
    excuses: list[Rule] = []
    not_judged: list[NotJudged] = []
    basis: list[str] = []
    for clause in policy.clauses:
        cite = policy.cite(clause)
        if set(clause.audience) <= INSTITUTION or clause.modality == "school_will":
            if "monitoring" in clause.topics and clause.modality in ("school_will", "may"):
                basis.append(cite)  # the school's own commitment or right to monitor
            continue
        if clause.enforcement.kind != "rule" or clause.enforcement.target != "it_use_monitoring":
            continue
        if clause.modality == "note":
            continue
        if not _binds_staff(clause):
            not_judged.append(NotJudged(cite, f"binds {', '.join(clause.audience)}, not staff whose use the log shows"))
            continue
        equipment = frozenset(EQUIPMENT_CONDITIONS[c] for c in clause.conditions if c in EQUIPMENT_CONDITIONS)
        periods = frozenset(PERIOD_CONDITIONS[c] for c in clause.conditions if c in PERIOD_CONDITIONS)
        hidden = tuple(c for c in clause.conditions if c not in OBSERVABLE)
        ex_equipment = frozenset(EQUIPMENT_CONDITIONS[c] for c in clause.exceptions if c in EQUIPMENT_CONDITIONS)
        ex_periods = frozenset(PERIOD_CONDITIONS[c] for c in clause.exceptions if c in PERIOD_CONDITIONS)
        ex_hidden = tuple(c for c in clause.exceptions if c not in OBSERVABLE)
        option = clause.option is not None
        if clause.modality == "may":
            if hidden:
                excuses.append(Rule(clause, cite, "excuse", "advise", equipment, periods, hidden, option=option))
            elif RELEVANT.search(clause.text):
                rules.append(
                    Rule(
                        clause,
                        cite,
                        "permit",
                        "advise",
                        equipment,
                        periods,
                        ex_hidden,
                        ex_equipment,
                        ex_periods,
                        option,
                    )
                )
            continue
        if not RELEVANT.search(clause.text):
            not_judged.append(NotJudged(cite, "is not about social media or personal use, which is all the log shows"))
            continue
        if hidden:
            not_judged.append(
                NotJudged(cite, f"applies only when {', '.join(hidden)}, which proxy and filter logs cannot show")
            )
            continue
        if clause.modality in ("must", "should") and not (equipment or periods):
            not_judged.append(NotJudged(cite, "states a duty that does not depend on when or where use happens"))
            continue
        severity = "breach" if clause.modality in ("must", "must_not") else "advise"
        rules.append(
            Rule(clause, cite, "duty", severity, equipment, periods, ex_hidden, ex_equipment, ex_periods, option)
        )
    return RuleSet(tuple(rules), tuple(excuses), tuple(not_judged), tuple(basis))


def _lifts(permit: Rule, other: Rule) -> bool:
    return other.dimensions <= permit.dimensions


def engaged(ruleset: RuleSet, period: str, equipment: str) -> list[tuple[Rule, str]]:
    """The (rule, severity) pairs a request in this cell engages, in pack order."""
    permits = [r for r in ruleset.rules if r.kind == "permit" and r.matches(period, equipment)]
    out: list[tuple[Rule, str]] = []
    for rule in ruleset.rules:
        if rule.kind != "duty" or not rule.matches(period, equipment):
            continue
        if any(_lifts(p, rule) for p in permits):
            continue
        out.append((rule, rule.severity))
    return out


def _label(rule: Rule) -> str:
    return rule.clause.label or rule.clause.id


def _periods_text(periods: Iterable[str], words: dict[str, str] = PERIOD_NOUN) -> str:
    ordered = sorted(periods, key=PERIOD_ORDER.__getitem__)
    return " or ".join(words[p] for p in ordered)


def _allowed(rule: Rule) -> str:
    """For a must/should: where use is allowed instead (its observable exceptions)."""
    if rule.except_periods:
        return "limited to " + _periods_text(rule.except_periods)
    if rule.except_equipment:
        return "on " + " or ".join(EQUIPMENT_NOUN[e] for e in sorted(rule.except_equipment))
    return "avoided in these circumstances"


def explain(
    engaged_rules: list[tuple[Rule, str]],
    *,
    platform_name: str,
    period: str,
    equipment: str,
    requests: int,
    excuses: Iterable[Rule] = (),
    person: str | None = None,
) -> str:
    lead_rule = min(engaged_rules, key=lambda rs: SEVERITY_ORDER[rs[1]])[0]
    who = f"{person} made " if person else ""
    noun = "request" if requests == 1 else "requests"
    head = f"{who}{requests:,} {noun} to {platform_name} {EQUIPMENT_PHRASE[equipment]} {PERIOD_PHRASE[period]}"
    label = _label(lead_rule)
    if lead_rule.clause.modality in ("must_not", "should_not"):
        verb = "does not allow this" if lead_rule.severity == "breach" else "advises against this"
    else:
        allowed = _allowed(lead_rule)
        verb = ("requires" if lead_rule.severity == "breach" else "asks for") + f" such use to be {allowed}"
    says = f"clause {label} {verb}"
    others = [_label(r) for r, _ in engaged_rules if r is not lead_rule]
    if others:
        says += f" (see also {', '.join(others)})"
    unless: dict[str, list[str]] = {}
    for rule, _ in engaged_rules:
        for e in rule.exceptions:
            unless.setdefault(EXCEPTION_PHRASE.get(e, e.replace("_", " ")), [])
    for ex in excuses:
        for e in ex.exceptions:
            unless.setdefault(EXCEPTION_PHRASE.get(e, e.replace("_", " ")), []).append(_label(ex))
    text = f"{head}; {says}"
    if unless:
        parts = [p + (f" (clause {', '.join(labels)})" if labels else "") for p, labels in unless.items()]
        text += ", unless it was " + " or ".join(parts)
    return text + "."


def judge_cells(
    ruleset: RuleSet,
    cells: Iterable[tuple[str, str, str, int]],
    *,
    platform_names: dict[str, str],
    person: str | None = None,
) -> list[Finding]:
    """Findings for cells of (platform, period, equipment, requests)."""
    findings = []
    for platform, period, equipment, requests in cells:
        if requests <= 0:
            continue
        hits = engaged(ruleset, period, equipment)
        if not hits:
            continue
        severity = "breach" if any(s == "breach" for _, s in hits) else "advise"
        excuses = [x for x in ruleset.excuses if x.matches(period, equipment)]
        findings.append(
            Finding(
                clauses=tuple(r.cite for r, _ in hits),
                severity=severity,
                platform=platform,
                when=period,
                equipment=equipment,
                requests=requests,
                explanation=explain(
                    hits,
                    platform_name=platform_names.get(platform, platform),
                    period=period,
                    equipment=equipment,
                    requests=requests,
                    excuses=excuses,
                    person=person,
                ),
                person=person,
            )
        )
    findings.sort(key=Finding.sort_key)
    return findings
