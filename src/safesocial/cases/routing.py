"""Routing by rule, from the pack: each report becomes a case of a type with its handler and its steps.

``route_for`` looks up the school's policy version in force, cites the clauses whose enforcement target
is the case type's workflow (and, for breaches, the ``disciplinary_routing`` clauses for the subject's
role), and turns their topics and actions into required steps. Each case type also has a statutory
baseline that applies whatever the pack says (for example the LADO referral for an allegation,
Keeping Children Safe in Education Part 4), so a pack that is silent never weakens the route; each
step says where it came from. The route is stored on the case when it is opened.

Pure data and one database read (the version in force); no writes.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any

from safesocial.accounts.roles import ROLE_AUDIENCE, Role

from .models import CaseType, Status

KCSIE = "Keeping Children Safe in Education 2024, Part 4 (allegations against staff): statutory baseline"
KCSIE_DSL = "Keeping Children Safe in Education 2024, Part 2 (the designated safeguarding lead): statutory baseline"
UKCIS = "UKCIS/DfE guidance on indecent images of children in education settings: statutory baseline"
SAFESOCIAL = "SafeSocial baseline for this case type (see docs/cases.md)"

WORKFLOW: dict[str, str] = {
    CaseType.SAFEGUARDING: "case_safeguarding",
    CaseType.ALLEGATION: "case_allegation",
    CaseType.INDECENT_IMAGES: "case_indecent_images",
    CaseType.UNSUITABLE_MATERIAL: "case_unsuitable_material",
    CaseType.BULLYING: "case_bullying",
    CaseType.POST_ABOUT_STAFF: "case_post_about_staff",
    CaseType.BREACH: "case_breach",
    CaseType.WHISTLEBLOWING: "case_whistleblowing",
}

# Case types about an adult's conduct: the subject is never shown the case.
SUBJECT_EXCLUDED = frozenset(
    {
        CaseType.ALLEGATION,
        CaseType.INDECENT_IMAGES,
        CaseType.UNSUITABLE_MATERIAL,
        CaseType.BREACH,
        CaseType.WHISTLEBLOWING,
    }
)


@dataclass(frozen=True)
class FieldSpec:
    name: str
    label: str
    kind: str  # date | text | textarea | choice
    required: bool = True
    choices: tuple[tuple[str, str], ...] = ()
    hint: str = ""


# What recording each step asks for. Steps with no fields are recorded by the system.
STEP_FIELDS: dict[str, tuple[FieldSpec, ...]] = {
    "dsl_alert": (),
    "removal_request": (),
    "safeguarding_decision": (
        FieldSpec("decided_on", "Date of the decision", "date"),
        FieldSpec(
            "decision",
            "Decision",
            "choice",
            choices=(
                ("social_care", "Referred to children's social care"),
                ("police", "Reported to the police"),
                ("early_help", "Early help offered"),
                ("monitor", "Support and monitor in school"),
                ("none", "No further safeguarding action"),
            ),
        ),
        FieldSpec("reference", "Reference from social care or the police", "text", required=False),
        FieldSpec("rationale", "Reasons for the decision", "textarea"),
    ),
    "lado_referral": (
        FieldSpec("referred_on", "Date referred to the LADO", "date"),
        FieldSpec("officer", "Name of the LADO officer", "text"),
        FieldSpec("advice", "Advice the LADO gave", "textarea"),
    ),
    "police_referral": (
        FieldSpec("referred_on", "Date reported to the police", "date"),
        FieldSpec("reference", "Police reference (crime or incident number)", "text"),
        FieldSpec("officer", "Name of the officer", "text", required=False),
    ),
    "police_consideration": (
        FieldSpec("decided_on", "Date of the decision", "date"),
        FieldSpec(
            "decision",
            "Decision",
            "choice",
            choices=(
                ("contacted", "The police were contacted"),
                ("not_needed", "No sign of criminal activity: the police were not contacted"),
            ),
        ),
        FieldSpec("reference", "Police reference, if any", "text", required=False),
    ),
    "hr_or_lado_advice": (
        FieldSpec("advice_from", "Advice from", "choice", choices=(("hr", "HR"), ("lado", "The LADO"))),
        FieldSpec("received_on", "Date the advice was received", "date"),
        FieldSpec("adviser", "Name of the adviser", "text"),
        FieldSpec("advice", "The advice", "textarea"),
    ),
    "support_signposting": (
        FieldSpec("signposted_on", "Date support was offered", "date"),
        FieldSpec(
            "services",
            "Support offered",
            "textarea",
            hint="For example the employee assistance line, a trade union or professional association, a colleague.",
        ),
    ),
    "police_decision": (
        FieldSpec("decided_on", "Date of the decision", "date"),
        FieldSpec(
            "decision",
            "The decision of the person targeted",
            "choice",
            choices=(
                ("school_to_report", "They asked the school to contact the police"),
                ("self_report", "They will contact the police themselves"),
                ("no_police", "They do not want the police involved"),
            ),
            hint="It is for the person being bullied to decide whether to report it to the police.",
        ),
        FieldSpec("reference", "Police reference, if any", "text", required=False),
    ),
    "disciplinary_route": (
        FieldSpec("started_on", "Date the procedure was started", "date"),
        FieldSpec("procedure", "Procedure followed", "text"),
        FieldSpec("notes", "Notes", "textarea", required=False),
    ),
    "hr_advice": (
        FieldSpec("received_on", "Date the advice was received", "date"),
        FieldSpec("adviser", "Name of the HR adviser", "text"),
        FieldSpec("advice", "The advice", "textarea"),
    ),
    "pupil_behaviour": (
        FieldSpec("applied_on", "Date", "date"),
        FieldSpec("notes", "What was done under the behaviour policy", "textarea"),
    ),
}

STEP_TITLES: dict[str, str] = {
    "dsl_alert": "Immediate alert to the designated safeguarding lead",
    "safeguarding_decision": "Safeguarding decision recorded",
    "lado_referral": "Referral to the LADO (date, officer, advice)",
    "police_referral": "Report to the police (date and police reference)",
    "police_consideration": "Decision on contacting the police",
    "hr_or_lado_advice": "Advice from HR or the LADO before any investigation",
    "support_signposting": "Support offered to the person targeted",
    "removal_request": "Request to the platform to remove the material",
    "police_decision": "The person's decision about the police",
    "disciplinary_route": "Disciplinary route for the subject's role",
    "hr_advice": "Advice from HR",
    "pupil_behaviour": "Behaviour policy applied to the pupil",
}


@dataclass(frozen=True)
class StepSpec:
    code: str
    required: bool
    source: str
    hint: str = ""
    due_working_days: int | None = None  # reminder when not recorded within this many working days

    @property
    def title(self) -> str:
        return STEP_TITLES[self.code]


@dataclass(frozen=True)
class CitedClause:
    pack_id: str
    clause_id: str
    label: str
    workflow: str
    topics: tuple[str, ...]
    actions: tuple[str, ...]


@dataclass(frozen=True)
class Route:
    case_type: str
    workflow: str
    handler_roles: tuple[str, ...]  # who acts on the case; the first is the lead handler
    permission: str
    viewer_roles: tuple[str, ...]  # named roles that may also see it
    steps: tuple[StepSpec, ...]
    gates: dict[str, tuple[str, ...]]  # to-status -> step codes that must be recorded first
    alert_immediately: bool
    accepts_uploads: bool
    sealed: bool
    subject_excluded: bool
    clauses: tuple[CitedClause, ...]
    pack_id: str | None
    policy_version_id: int | None
    disciplinary_procedure: str = ""
    reporter_next: str = ""
    notes: tuple[str, ...] = field(default=())

    def as_dict(self) -> dict[str, Any]:
        doc = asdict(self)
        doc["steps"] = [{**asdict(s), "title": s.title} for s in self.steps]
        doc["gates"] = {k: list(v) for k, v in self.gates.items()}
        return json.loads(json.dumps(doc))  # exactly what the JSON field will hold

    @property
    def handler_role(self) -> str:
        return self.handler_roles[0]

    @property
    def handler_label(self) -> str:
        return Role(self.handler_role).label


# Disciplinary procedure by the audience of the subject's role.
PROCEDURES: dict[str, str] = {
    "staff": "The staff disciplinary procedure, with advice from HR",
    "governor": "The procedures for governors (not the staff disciplinary procedure), led by the chair of governors with governor support",
    "volunteer": "A review of the volunteer's appointment: a serious breach may end it",
    "contractor": "A review of the contractor's engagement: a serious breach may end it",
    "pupil": "The behaviour policy",
    "parent": "The parent code of conduct: restricted access to the school, or referral to external authorities",
}

REPORTER_NEXT: dict[str, str] = {
    CaseType.SAFEGUARDING: (
        "The designated safeguarding lead has been alerted now and will decide today what needs to happen to keep "
        "the child safe. If a child is in immediate danger, call 999."
    ),
    CaseType.ALLEGATION: (
        "{handler} will consider your report and contact the Local Authority Designated Officer (LADO) within one "
        "working day. Nobody will look into it inside school until the LADO has been consulted. You will not be told "
        "the details of what happens to the person, but you can see here when your report has been dealt with."
    ),
    CaseType.INDECENT_IMAGES: (
        "Do not open, copy, forward, delete or show anyone the material. {handler} will inform the police and the "
        "LADO straight away. Nobody in school will look at the material: that is for the police."
    ),
    CaseType.UNSUITABLE_MATERIAL: (
        "{handler} will seek advice from HR or the LADO before anyone looks into it. Please do not investigate or "
        "share the material yourself."
    ),
    CaseType.BULLYING: (
        "{handler} will talk to you about support, ask the platform to remove the material, and record your wishes. "
        "It is your decision whether to report it to the police. Keep records: do not delete messages."
    ),
    CaseType.POST_ABOUT_STAFF: (
        "{handler} will ask the platform to remove the post and decide what else is needed, including whether to "
        "contact the police."
    ),
    CaseType.BREACH: "{handler} will look at what happened and decide which procedure applies.",
    CaseType.WHISTLEBLOWING: (
        "Your name has not been stored. Keep your receipt code: it is the only way to check on your report. "
        "{handler} will look into it under the whistleblowing policy."
    ),
}


def senior_for(subject_roles: set[str]) -> str:
    """Who handles a matter about this person: never the person themselves or someone they line-manage."""
    if Role.CHAIR_OF_GOVERNORS in subject_roles:
        return Role.TRUST_ADMIN
    if Role.HEADTEACHER in subject_roles:
        return Role.CHAIR_OF_GOVERNORS
    return Role.HEADTEACHER


def _permission(case_type: str, handler_role: str) -> str:
    if handler_role in (Role.DSL, Role.DEPUTY_DSL):
        return "cases.handle_safeguarding"
    if handler_role == Role.TRUST_ADMIN:
        return "cases.handle_escalated"
    if handler_role == Role.CHAIR_OF_GOVERNORS:
        return "cases.handle_allegation"
    if case_type in (CaseType.ALLEGATION, CaseType.INDECENT_IMAGES, CaseType.WHISTLEBLOWING):
        return "cases.handle_allegation"
    return "cases.handle_hr"


def _subject_audience(subject_role: str) -> str:
    return ROLE_AUDIENCE.get(subject_role, subject_role or "staff")


def _clauses(snapshot_clauses: list[dict[str, Any]], pack_id: str, workflow: str) -> list[CitedClause]:
    out = []
    for c in snapshot_clauses:
        enforcement = c.get("enforcement") or {}
        if enforcement.get("kind") == "workflow" and enforcement.get("target") == workflow:
            out.append(
                CitedClause(
                    pack_id=pack_id,
                    clause_id=c["id"],
                    label=c.get("label") or c["id"],
                    workflow=workflow,
                    topics=tuple(c.get("topics", ())),
                    actions=tuple(c.get("actions", ())),
                )
            )
    return out


def _disciplinary_clauses(
    snapshot_clauses: list[dict[str, Any]], pack_id: str, audience: str, subject_role: str
) -> list[CitedClause]:
    """disciplinary_routing clauses for the subject's audience.

    When no clause names the audience, a member of staff falls under the school's general disciplinary
    clauses (audience "school", which in every pack are about staff); anyone else gets none, and the
    baseline procedure for their role (PROCEDURES) applies.
    """
    all_routing = [(c, cc) for c in snapshot_clauses for cc in _clauses([c], pack_id, "disciplinary_routing")]
    specific = [
        cc for c, cc in all_routing if audience in c.get("audience", ()) or subject_role in c.get("audience", ())
    ]
    if specific or audience != "staff":
        return specific
    return [cc for c, cc in all_routing if c.get("audience") == ["school"]]


def _actions_for(clauses: list[CitedClause], topic: str | None = None) -> str:
    seen: list[str] = []
    for c in clauses:
        if topic is None or topic in c.topics:
            for a in c.actions:
                if a not in seen:
                    seen.append(a)
    return " ".join(f"{a}." if not a.endswith(".") else a for a in seen)


def _cite(clauses: list[CitedClause], topic: str) -> str:
    ids = [f"{c.pack_id} {c.clause_id}" for c in clauses if topic in c.topics]
    return "pack " + ", ".join(ids) if ids else ""


def route_for(
    *,
    case_type: str,
    school: Any,
    subject_roles: set[str] | None = None,
    subject_role: str = "",
    target_roles: set[str] | None = None,
) -> Route:
    """The route for a new case of ``case_type`` at ``school``.

    ``subject_roles``: the roles the adult concerned holds at the school (allegation, breach, material,
    whistleblowing); ``subject_role``: the role named on a breach report when the subject has no account;
    ``target_roles``: the roles of the person targeted (bullying, post about staff).
    """
    from safesocial.policies.selectors import version_in_force

    case_type = CaseType(case_type)
    workflow = WORKFLOW[case_type]
    version = version_in_force(school=school)
    pack_id = version.pack_id if version else None
    snap = version.pack_snapshot.get("clauses", []) if version else []
    clauses = _clauses(snap, pack_id or "", workflow)
    topics = {t for c in clauses for t in c.topics}
    subject_roles = set(subject_roles or ())
    notes: list[str] = []
    if version is None:
        notes.append("This school has no policy version in force: the statutory baseline route applies.")
    elif not clauses:
        notes.append(f"The {pack_id} pack has no clause for {workflow}: the statutory baseline route applies.")

    steps: list[StepSpec] = []
    co_handlers: tuple[str, ...] = ()
    gates: dict[str, tuple[str, ...]] = {}
    viewers: tuple[str, ...] = ()
    alert = False
    accepts_uploads = True
    sealed = False
    procedure = ""

    if case_type == CaseType.SAFEGUARDING:
        handler = Role.DSL
        co_handlers = (Role.DEPUTY_DSL,)
        alert = True
        steps.append(StepSpec("dsl_alert", True, KCSIE_DSL, "Sent by SafeSocial when the report is filed."))
        steps.append(
            StepSpec(
                "safeguarding_decision",
                True,
                KCSIE_DSL,
                _actions_for(clauses) or "Decide today what is needed to keep the child safe.",
                1,
            )
        )
        if "police_referral" in topics:
            steps.append(StepSpec("police_consideration", False, _cite(clauses, "police_referral")))
        if "lado_referral" in topics:
            steps.append(StepSpec("lado_referral", True, _cite(clauses, "lado_referral"), "", 1))
    elif case_type == CaseType.ALLEGATION:
        handler = senior_for(subject_roles)
        source = KCSIE + (f"; {_cite(clauses, 'lado_referral')}" if "lado_referral" in topics else "")
        steps.append(
            StepSpec(
                "lado_referral",
                True,
                source,
                _actions_for(clauses, "lado_referral")
                or "Refer the allegation to the LADO before any internal investigation.",
                1,
            )
        )
        if "police_referral" in topics:
            steps.append(
                StepSpec(
                    "police_consideration",
                    False,
                    _cite(clauses, "police_referral"),
                    _actions_for(clauses, "police_referral"),
                )
            )
        gates[Status.INVESTIGATING] = ("lado_referral",)
    elif case_type == CaseType.INDECENT_IMAGES:
        handler = senior_for(subject_roles)
        viewers = (Role.DSL, Role.DEPUTY_DSL)
        accepts_uploads = False
        sealed = True
        alert = True
        hint = (
            _actions_for(clauses)
            or "Do not open, copy or forward the material. Inform the police and the LADO immediately."
        )
        steps.append(
            StepSpec(
                "police_referral",
                True,
                UKCIS + (f"; {_cite(clauses, 'police_referral')}" if "police_referral" in topics else ""),
                hint,
                1,
            )
        )
        steps.append(
            StepSpec(
                "lado_referral",
                True,
                KCSIE + (f"; {_cite(clauses, 'lado_referral')}" if "lado_referral" in topics else ""),
                hint,
                1,
            )
        )
        gates[Status.AWAITING_ADVICE] = ("police_referral", "lado_referral")
    elif case_type == CaseType.UNSUITABLE_MATERIAL:
        handler = senior_for(subject_roles)
        viewers = (Role.HR,)
        steps.append(
            StepSpec(
                "hr_or_lado_advice",
                True,
                (_cite(clauses, "lado_referral") or SAFESOCIAL),
                _actions_for(clauses) or "Inform HR or the LADO and seek advice before any investigation.",
                1,
            )
        )
        gates[Status.INVESTIGATING] = ("hr_or_lado_advice",)
    elif case_type in (CaseType.BULLYING, CaseType.POST_ABOUT_STAFF):
        handler = senior_for(set(target_roles or ()))
        signpost = _actions_for([c for c in clauses if not c.topics]) or ""
        if case_type == CaseType.BULLYING:
            steps.append(
                StepSpec(
                    "support_signposting",
                    True,
                    _cite(clauses, "report_to_line_manager") or SAFESOCIAL,
                    signpost or "Offer support: the employee assistance line, a union or a colleague.",
                )
            )
            steps.append(
                StepSpec(
                    "removal_request", True, SAFESOCIAL, "Generate the letter and track the request to the platform."
                )
            )
            steps.append(
                StepSpec(
                    "police_decision",
                    True,
                    _cite(clauses, "report_to_headteacher") or SAFESOCIAL,
                    "It is for the individual who is being bullied to decide whether to report it to the police.",
                )
            )
        else:
            steps.append(
                StepSpec(
                    "removal_request",
                    True,
                    _cite(clauses, "offensive") or SAFESOCIAL,
                    _actions_for(clauses, "offensive") or "Ask the platform to remove the material.",
                )
            )
            steps.append(
                StepSpec(
                    "police_decision",
                    "police_referral" in topics,
                    _cite(clauses, "police_referral") or SAFESOCIAL,
                    _actions_for(clauses, "police_referral"),
                )
            )
            if "disciplinary" in topics:
                steps.append(
                    StepSpec(
                        "pupil_behaviour", False, _cite(clauses, "disciplinary"), _actions_for(clauses, "disciplinary")
                    )
                )
    elif case_type == CaseType.BREACH:
        audience = _subject_audience(subject_role or next(iter(sorted(subject_roles)), ""))
        if audience == "governor" or subject_roles & {Role.HEADTEACHER, Role.CHAIR_OF_GOVERNORS}:
            handler = senior_for(subject_roles | ({Role.HEADTEACHER} if audience == "governor" else set()))
        else:
            handler = Role.HEADTEACHER
        viewers = (Role.HR,) if audience == "staff" else ()
        routing = _disciplinary_clauses(snap, pack_id or "", audience, subject_role)
        clauses = clauses + [c for c in routing if c not in clauses]
        procedure = PROCEDURES.get(audience, PROCEDURES["staff"])
        steps.append(
            StepSpec(
                "disciplinary_route",
                True,
                ("pack " + ", ".join(f"{c.pack_id} {c.clause_id}" for c in routing)) if routing else SAFESOCIAL,
                f"{procedure}. " + _actions_for(routing),
            )
        )
        hr_clauses = [c for c in clauses if c.workflow == "case_breach" and "HR" in " ".join(c.actions)]
        if audience == "staff":
            steps.append(
                StepSpec(
                    "hr_advice",
                    False,
                    _cite(hr_clauses, "report_to_headteacher") or SAFESOCIAL,
                    _actions_for(hr_clauses),
                )
            )
    else:  # whistleblowing
        handler = senior_for(subject_roles)

    permission = _permission(case_type, handler)
    return Route(
        case_type=case_type.value,
        workflow=workflow,
        handler_roles=(str(handler), *(str(h) for h in co_handlers)),
        permission=permission,
        viewer_roles=tuple(str(v) for v in viewers if v not in co_handlers and v != handler),
        steps=tuple(steps),
        gates={str(k): v for k, v in gates.items() if v},
        alert_immediately=alert,
        accepts_uploads=accepts_uploads,
        sealed=sealed,
        subject_excluded=case_type in SUBJECT_EXCLUDED,
        clauses=tuple(clauses),
        pack_id=pack_id,
        policy_version_id=version.pk if version else None,
        disciplinary_procedure=procedure,
        reporter_next=REPORTER_NEXT[case_type].format(handler=_handler_phrase(str(handler))),
        notes=tuple(notes),
    )


def _handler_phrase(role: str) -> str:
    return {
        Role.DSL: "The designated safeguarding lead",
        Role.HEADTEACHER: "The headteacher",
        Role.CHAIR_OF_GOVERNORS: "The chair of governors",
        Role.TRUST_ADMIN: "The trust's central team",
    }.get(role, Role(role).label)


def role_list(roles: tuple[str, ...] | list[str]) -> str:
    """Roles as stored on a case for portable lookups: ",dsl,deputy_dsl," (``contains=",dsl,"``)."""
    return "," + ",".join(roles) + "," if roles else ""
