"""Writes for sites: the approval form, the approval workflow, the register, moderation, requests,
reminders. Every function takes ``actor`` and runs in one transaction; mail is sent after commit.

The rules come from Walsall sections 14-18 and its Appendix 1 (cited by clause in the messages),
Waterville 401.p1 (SMT approval before acting on behalf of the school) and community-2025
staff-expectations.2 (approved school systems only).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass, field, fields
from datetime import date, datetime, timedelta
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mass_mail
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from safesocial.accounts.models import User
from safesocial.accounts.permissions import has_perm, require_perm
from safesocial.audit.services import record
from safesocial.engine.vocab import CHECKER_ROLES
from safesocial.people.models import School

from . import selectors
from .judging import SiteJudgement, judge_post, redact
from .models import (
    CHILD_CONTRIBUTORS,
    EXTERNAL_CONTRIBUTORS,
    Audience,
    Hosting,
    ModerationItem,
    SealedContent,
    Site,
    SiteActivity,
    SiteApproval,
    SiteEvaluation,
    SiteMember,
    SiteReminder,
    SiteRequest,
)

MIN_ADMINISTRATORS = 2  # Walsall Appendix 1: "the site must have at least 2 approved administrators"
MIN_MODERATORS = 2  # Walsall Appendix 1: "the site must have at least 2 approved moderators"; 18.4 cover
MAX_ITEM_CHARS = 20_000
CLOSURE_WARNING = timedelta(days=14)
REMIND_EVERY = timedelta(days=7)


# How refusals name an action: "cannot be <past>".
PAST = {
    "submit": "submitted",
    "approve": "approved",
    "return": "returned",
    "go_live": "put live",
    "close": "closed",
    "claim": "claimed",
    "remove": "removed",
    "escalate": "escalated",
    "escalate_illegal": "escalated as illegal",
    "release": "released",
    "police": "routed to the police or CEOP",
    "referred": "recorded as referred",
}


class SiteError(ValidationError):
    """A refused operation, with a plain-English message; nothing was changed."""


class FormErrors(SiteError):
    """The approval form has problems: ``errors`` maps field names ("" for the form) to messages."""

    def __init__(self, errors: dict[str, list[str]]) -> None:
        self.errors = errors
        super().__init__([m for msgs in errors.values() for m in msgs])


class DuplicateItem(SiteError):
    def __init__(self, item: ModerationItem) -> None:
        self.item = item
        super().__init__(f"This item (external id {item.external_id!r}) was already received as item {item.pk}.")


# ----------------------------------------------------------------------------- the approval form


@dataclass
class SiteDetails:
    """Every field of the Walsall Appendix 1 form, plus the site's name, platform and house rules."""

    name: str
    department: str
    line_manager: User | None
    aims: str
    content: str
    audience: list[str]
    contributors: list[str]
    administrators: list[User]
    moderators: list[User]
    hosting: str
    go_live_date: date | None
    closure_date: date | None
    security_measures: str
    house_rules: str
    terms_of_use: str
    host_name: str = ""
    platform_minimum_age: int | None = 13
    audience_pupil_age_from: int | None = None
    audience_pupil_age_to: int | None = None
    audience_other_schools: str = ""
    audience_other_details: str = ""
    contributor_pupil_age_from: int | None = None
    contributor_pupil_age_to: int | None = None
    contributor_other_schools: str = ""
    contributor_other_details: str = ""
    contributors_learning_disabilities: bool = False
    external_vetting: str = ""
    advertising: str = ""
    consent_plan: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    MODEL_FIELDS = (
        "name",
        "department",
        "line_manager",
        "aims",
        "content",
        "audience",
        "contributors",
        "hosting",
        "go_live_date",
        "closure_date",
        "security_measures",
        "house_rules",
        "terms_of_use",
        "host_name",
        "platform_minimum_age",
        "audience_pupil_age_from",
        "audience_pupil_age_to",
        "audience_other_schools",
        "audience_other_details",
        "contributor_pupil_age_from",
        "contributor_pupil_age_to",
        "contributor_other_schools",
        "contributor_other_details",
        "contributors_learning_disabilities",
        "external_vetting",
        "advertising",
        "consent_plan",
    )

    @classmethod
    def from_site(cls, site: Site) -> SiteDetails:
        kwargs = {name: getattr(site, name) for name in cls.MODEL_FIELDS}
        kwargs["administrators"] = [m.user for m in selectors.members(site, SiteMember.Role.ADMINISTRATOR)]
        kwargs["moderators"] = [m.user for m in selectors.members(site, SiteMember.Role.MODERATOR)]
        return cls(**kwargs)

    @classmethod
    def field_names(cls) -> list[str]:
        return [f.name for f in fields(cls) if f.name != "extra"]


def _pupil_ages(
    errors: dict[str, list[str]], d: SiteDetails, which: str, age_from: int | None, age_to: int | None
) -> None:
    prefix = "audience" if which == "audience" else "contributor"
    if age_from is None:
        errors.setdefault(f"{prefix}_pupil_age_from", []).append(
            f"Give the age of the youngest pupil in the {which} (Walsall Appendix 1: provide age range)."
        )
    if age_to is None:
        errors.setdefault(f"{prefix}_pupil_age_to", []).append(
            f"Give the age of the oldest pupil in the {which} (Walsall Appendix 1: provide age range)."
        )
    if age_from is None or age_to is None:
        return
    if not (2 <= age_from <= 19 and 2 <= age_to <= 19):
        errors.setdefault(f"{prefix}_pupil_age_from", []).append("Pupils' ages must be between 2 and 19.")
    elif age_from > age_to:
        errors.setdefault(f"{prefix}_pupil_age_to", []).append(
            "The oldest pupil's age must not be less than the youngest pupil's age."
        )
    elif d.platform_minimum_age is not None and age_from < d.platform_minimum_age:
        errors.setdefault(f"{prefix}_pupil_age_from", []).append(
            f"The platform's minimum age is {d.platform_minimum_age}, but the {which} includes pupils aged "
            f"{age_from} (Walsall 15.5: sites on third-party platforms must comply with the owner's minimum "
            "age). Choose a platform whose minimum age fits, or host the site on the school's own systems."
        )


def check_details(
    *, school: School, details: SiteDetails, author: User, site: Site | None = None
) -> dict[str, list[str]]:
    """Every rule of the approval form. Returns {field: [messages]}; empty when the form is acceptable."""
    d = details
    errors: dict[str, list[str]] = {}

    def add(name: str, message: str) -> None:
        errors.setdefault(name, []).append(message)

    required = {
        "name": "Give the site a name.",
        "department": "Enter the department (Walsall Appendix 1, team details).",
        "aims": "Describe the aims you propose to achieve by setting up this site (Walsall 14.2).",
        "content": "Describe the proposed content of the site (Walsall 16.5).",
        "security_measures": "Say what security measures will prevent unwanted or unsuitable individuals from "
        "contributing or becoming 'friends' of the site (Walsall Appendix 1, 15.6).",
        "house_rules": "Write the site's house rules, one a line (Walsall 17.1).",
        "terms_of_use": "Write the site's terms of use (Walsall 17.1).",
    }
    for name, message in required.items():
        if not str(getattr(d, name) or "").strip():
            add(name, message)
    if d.line_manager is None:
        add("line_manager", "Choose your line manager, who approves the aims and content first (Walsall 16.2).")
    elif d.line_manager.pk == author.pk:
        add("line_manager", "You cannot be your own line manager for this approval (Walsall 16.2).")
    elif not has_perm(d.line_manager, "sites.approve_line_manager", school):
        add("line_manager", f"{d.line_manager} is not a line manager at {school}.")

    for which, values in (("audience", d.audience), ("contributors", d.contributors)):
        unknown = [v for v in values if v not in Audience.values]
        if unknown:
            add(which, f"Choose from the form's list; {', '.join(map(repr, unknown))} is not on it.")
        if not values:
            add(
                which,
                f"Tick at least one {'audience' if which == 'audience' else 'kind of contributor'} (Walsall 14.3).",
            )
    if Audience.PUPILS in d.audience:
        _pupil_ages(errors, d, "audience", d.audience_pupil_age_from, d.audience_pupil_age_to)
    if Audience.PUPILS in d.contributors:
        _pupil_ages(errors, d, "contributors", d.contributor_pupil_age_from, d.contributor_pupil_age_to)
    if Audience.OTHER_PUPILS in d.audience and not d.audience_other_schools.strip():
        add("audience_other_schools", "Name the other schools or academies whose pupils are in the audience.")
    if Audience.OTHER_PUPILS in d.contributors and not d.contributor_other_schools.strip():
        add("contributor_other_schools", "Name the other schools or academies whose pupils will contribute.")
    if Audience.OTHERS in d.audience and not d.audience_other_details.strip():
        add("audience_other_details", "Give details of the other people in the audience.")
    if Audience.OTHERS in d.contributors and not d.contributor_other_details.strip():
        add("contributor_other_details", "Give details of the other contributors.")
    if (
        set(d.contributors) & CHILD_CONTRIBUTORS or d.contributors_learning_disabilities
    ) and not d.consent_plan.strip():
        add(
            "consent_plan",
            "Contributors include children or adults with learning disabilities: say how you "
            "will inform parents or responsible adults and obtain their consent (Walsall Appendix 1).",
        )
    if set(d.contributors) & EXTERNAL_CONTRIBUTORS and not d.external_vetting.strip():
        add("external_vetting", "Some contributors are not school staff: say who will vet them (Walsall 15.6).")

    if d.hosting not in Hosting.values:
        add("hosting", "Say who will host the site: the school or a third party.")
    elif d.hosting == Hosting.THIRD_PARTY and not d.host_name.strip():
        add("host_name", "Name the third-party host, for example the social networking site (Walsall Appendix 1).")
    if d.platform_minimum_age is None:
        if d.hosting == Hosting.THIRD_PARTY:
            add("platform_minimum_age", "Give the platform's minimum age for users (often 13; Walsall 15.5).")
    elif not 0 <= d.platform_minimum_age <= 21:
        add("platform_minimum_age", "The platform's minimum age must be between 0 and 21.")

    if d.go_live_date is None:
        add("go_live_date", "Give the proposed date of going live (Walsall Appendix 1).")
    if d.closure_date is None:
        add("closure_date", "Give the proposed date for site closure: every site needs an exit plan (Walsall 14.6).")
    if d.go_live_date and d.closure_date and d.closure_date <= d.go_live_date:
        add("closure_date", "The closure date must be after the go-live date (Walsall 14.6).")

    eligible = set(selectors.eligible_team(school=school).values_list("pk", flat=True))
    for name, people, minimum, label, clause in (
        ("administrators", d.administrators, MIN_ADMINISTRATORS, "administrators", "appendix 1; 16.1"),
        ("moderators", d.moderators, MIN_MODERATORS, "moderators", "appendix 1; 18.4"),
    ):
        distinct = {u.pk: u for u in people}
        if len(distinct) < minimum:
            add(
                name,
                f"The site must have at least {minimum} approved {label} (Walsall {clause}); "
                f"you chose {len(distinct)}.",
            )
        outsiders = [str(u) for u in distinct.values() if u.pk not in eligible]
        if outsiders:
            add(
                name,
                f"{', '.join(outsiders)} cannot be {label}: they must be school staff or other "
                "authorised people (Walsall 16.1).",
            )

    if d.name.strip():
        clash = Site.objects.filter(school=school, name__iexact=d.name.strip()).exclude(status=Site.Status.CLOSED)
        if site is not None:
            clash = clash.exclude(pk=site.pk)
        existing = clash.first()
        if existing is not None:
            add(
                "name",
                f"A site called “{existing.name}” already exists at {school} "
                f"({existing.get_status_display().lower()}). Open it from the sites page instead.",
            )
    return errors


def _apply(site: Site, details: SiteDetails) -> None:
    for name in SiteDetails.MODEL_FIELDS:
        value = getattr(details, name)
        if isinstance(value, str):
            value = value.strip()
        setattr(site, name, value)
    if site.hosting == Hosting.SCHOOL:
        site.host_name = ""
    if site.platform_minimum_age is None:
        site.platform_minimum_age = 0


def _set_members(site: Site, details: SiteDetails, now: datetime) -> None:
    site.members.all().delete()
    rows = [
        SiteMember(site=site, user=u, role=SiteMember.Role.ADMINISTRATOR, added_at=now)
        for u in {u.pk: u for u in details.administrators}.values()
    ]
    rows += [
        SiteMember(site=site, user=u, role=SiteMember.Role.MODERATOR, added_at=now)
        for u in {u.pk: u for u in details.moderators}.values()
    ]
    SiteMember.objects.bulk_create(rows)


def _activity(
    site: Site,
    *,
    actor: Any,
    action: str,
    from_status: str = "",
    to_status: str = "",
    reason: str = "",
    item: ModerationItem | None = None,
    request: SiteRequest | None = None,
    now: datetime | None = None,
) -> None:
    SiteActivity.objects.create(
        site=site,
        item=item,
        request=request,
        at=now or timezone.now(),
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        actor_label=str(actor) if actor is not None else "system",
        action=action,
        from_status=from_status,
        to_status=to_status,
        reason=reason,
    )


def site_create(*, school: School, details: SiteDetails, actor: User) -> Site:
    """Draft a new site request (the approval form). Validated in full; nothing saved if any rule fails."""
    require_perm(actor, "sites.request", school)
    errors = check_details(school=school, details=details, author=actor)
    if errors:
        raise FormErrors(errors)
    now = timezone.now()
    try:
        with transaction.atomic():
            site = Site(school=school, author=actor, created_at=now, updated_at=now)
            _apply(site, details)
            site.save()
            _set_members(site, details, now)
            _activity(site, actor=actor, action="created", to_status=site.status, now=now)
            record(action="site.created", actor=actor, school=school, subject=site, data={"name": site.name})
    except IntegrityError:
        raise FormErrors({"name": [f"A site called “{details.name}” already exists at {school}."]}) from None
    return site


def site_update(*, site: Site, details: SiteDetails, actor: User, expected_status: str | None = None) -> Site:
    """Edit a draft or returned request: its author only."""
    try:
        with transaction.atomic():
            site = Site.objects.select_for_update().get(pk=site.pk)
            if site.author_id != actor.pk:
                raise PermissionDenied("Only the author of a site request can edit it.")
            if expected_status and expected_status != site.status:
                raise SiteError(
                    f"This request has moved on: it is now “{site.get_status_display()}”. Nothing was changed."
                )
            if site.status not in Site.EDITABLE:
                raise SiteError(f"A request that is “{site.get_status_display()}” cannot be edited.")
            errors = check_details(school=site.school, details=details, author=actor, site=site)
            if errors:
                raise FormErrors(errors)
            now = timezone.now()
            _apply(site, details)
            site.updated_at = now
            site.save()
            _set_members(site, details, now)
            _activity(site, actor=actor, action="edited", from_status=site.status, to_status=site.status, now=now)
            record(action="site.updated", actor=actor, school=site.school, subject=site, data={"status": site.status})
    except IntegrityError:
        raise FormErrors({"name": [f"A site called “{details.name}” already exists at {site.school}."]}) from None
    return site


# ----------------------------------------------------------------------------- the approval workflow


def check_site_actor(site: Site, who: str, actor: Any) -> None:
    """Raise PermissionDenied unless ``actor`` may act as ``who`` on ``site`` (see Site.TRANSITIONS)."""
    if not getattr(actor, "is_authenticated", False):
        raise PermissionDenied("Sign in first.")
    school = site.school
    if who in ("line_manager", "communications", "headteacher") and site.author_id == actor.pk:
        raise PermissionDenied("You cannot approve or return your own request: someone else must (Walsall 16.2).")
    if who == "author":
        if site.author_id != actor.pk:
            raise PermissionDenied("Only the author of the request can submit it.")
    elif who == "line_manager":
        if site.line_manager_id != actor.pk or not has_perm(actor, "sites.approve_line_manager", school):
            raise PermissionDenied(
                f"Only {site.line_manager}, the author's line manager named on the form, "
                "can approve at this step (Walsall 16.2)."
            )
    elif who == "communications":
        if not has_perm(actor, "sites.approve_communications", school):
            raise PermissionDenied(
                "Only a communications manager can approve the use of the school's brand and "
                "logo at this step (Walsall 16.5)."
            )
    elif who == "headteacher":
        if not has_perm(actor, "sites.approve_headteacher", school):
            raise PermissionDenied("Only the headteacher can give final approval (Walsall 16.2, 16.6).")
    elif who == "site_manager":
        if not selectors.is_site_manager(user=actor, site=site):
            raise PermissionDenied("Only the site's author, its administrators or the headteacher can do this.")
    else:  # pragma: no cover - the table names only the above
        raise PermissionDenied(f"unknown actor kind {who!r}")


def allowed_site_actions(site: Site, actor: Any) -> list[tuple[str, Site.Step]]:
    """The actions this actor may take now (for the buttons a page shows)."""
    out = []
    for action, step in Site.TRANSITIONS[site.status].items():
        try:
            check_site_actor(site, step.who, actor)
        except PermissionDenied:
            continue
        out.append((action, step))
    return out


def _emails(users: Any) -> list[str]:
    return sorted({u.email for u in users if getattr(u, "email", "")})


def _queue_mail(subject: str, body: str, users: Any) -> None:
    recipients = _emails(users)
    if recipients:
        messages = [(subject, body, None, [r]) for r in recipients]
        transaction.on_commit(lambda: send_mass_mail(messages, fail_silently=False))


def _absolute(path: str) -> str:
    """Links in e-mails: absolute when settings.SAFESOCIAL_BASE_URL (e.g. https://safesocial.example.org) is set."""
    return getattr(settings, "SAFESOCIAL_BASE_URL", "").rstrip("/") + path


def _site_link(site: Site) -> str:
    return _absolute(reverse("sites:detail", args=[site.pk]))


def _notify_transition(site: Site, action: str, from_status: str, actor: User, reason: str) -> None:
    school = site.school
    link = f"Open it in SafeSocial: {_site_link(site)}\n"
    if action == "submit":
        _queue_mail(
            f"Site request to approve: {site.name}",
            f"{site.author} asks you, as their line manager, to approve the aims and content of the proposed "
            f"site “{site.name}” at {school} (Walsall 16.2).\n\n{link}",
            [site.line_manager],
        )
    elif action == "approve" and site.status == Site.Status.LINE_MANAGER_APPROVED:
        _queue_mail(
            f"Site request to approve: {site.name} (brand and logo)",
            f"The line manager approved “{site.name}” at {school}. As communications manager, please decide on "
            f"its aims, content and use of the school's brand and logo (Walsall 16.5).\n\n{link}",
            selectors.users_with_perm(school=school, perm="sites.approve_communications").exclude(pk=site.author_id),
        )
    elif action == "approve" and site.status == Site.Status.COMMUNICATIONS_APPROVED:
        _queue_mail(
            f"Site request for final approval: {site.name}",
            f"“{site.name}” at {school} has the line manager's and communications manager's approval and "
            f"needs the headteacher's final approval (Walsall 16.2, 16.6).\n\n{link}",
            selectors.users_with_perm(school=school, perm="sites.approve_headteacher").exclude(pk=site.author_id),
        )
    elif action == "approve" and site.status == Site.Status.APPROVED:
        _queue_mail(
            f"Site approved: {site.name}",
            f"“{site.name}” is approved and entered in the register of {school}'s sites. It may go live from "
            f"{site.go_live_date:%d %B %Y} and must close by {site.closure_date:%d %B %Y}.\n\n{link}",
            [site.author, *[m.user for m in selectors.members(site, SiteMember.Role.ADMINISTRATOR)]],
        )
    elif action == "return":
        _queue_mail(
            f"Site request returned: {site.name}",
            f"{actor} returned your request for “{site.name}” with these reasons:\n\n{reason}\n\n"
            f"Change the form and resubmit it.\n\n{link}",
            [site.author],
        )
    elif action == "go_live":
        _queue_mail(
            f"Site live: {site.name}",
            f"“{site.name}” is live. Everything posted must be moderated against its house rules (Walsall "
            f"18.3, 18.4).\n\n{link}",
            [m.user for m in site.members.select_related("user")],
        )
    elif action == "close":
        _queue_mail(
            f"Site closed: {site.name}",
            f"“{site.name}” at {school} is closed and evaluated.\n\n{link}",
            [site.author, *[m.user for m in selectors.members(site, SiteMember.Role.ADMINISTRATOR)]],
        )


@dataclass(frozen=True)
class Evaluation:
    achieved: str
    evidence: str
    lessons: str = ""


def site_transition(
    *,
    site: Site,
    action: str,
    actor: User,
    expected_status: str | None = None,
    reason: str = "",
    evaluation: Evaluation | None = None,
    today: date | None = None,
) -> Site:
    """The one service that changes a site's status: submit, approve, return, go live, close.

    It locks the row, refuses a stale or tampered step (``expected_status`` is the status the actor
    saw), checks the transition and the actor, writes the approval, an activity row and an audit
    event, and queues the e-mails for after the commit.
    """
    today = today or timezone.localdate()
    with transaction.atomic():
        site = (
            Site.objects.select_for_update(of=("self",))
            .select_related("school", "author", "line_manager")
            .get(pk=site.pk)
        )
        before = site.status
        if expected_status is not None and expected_status != before:
            raise SiteError(
                f"This request has moved on since you opened it: it is now "
                f"“{site.get_status_display()}”. Nothing was changed."
            )
        step = Site.TRANSITIONS[before].get(action)
        if step is None:
            raise SiteError(
                f"A site that is “{site.get_status_display()}” cannot be "
                f"{PAST.get(action, action)}. Nothing was changed."
            )
        check_site_actor(site, step.who, actor)
        now = timezone.now()
        reason = reason.strip()
        if action == "submit":
            errors = check_details(
                school=site.school, details=SiteDetails.from_site(site), author=site.author, site=site
            )
            if errors:
                raise FormErrors(errors)
            site.round += 1
            site.submitted_at = now
        elif action in ("approve", "return"):
            if action == "return" and not reason:
                raise SiteError("Give your reasons for returning the request, so the author can put it right.")
            SiteApproval.objects.create(
                site=site,
                round=site.round,
                step=site.approval_step,
                actor=actor,
                signed_name=str(actor),
                at=now,
                decision=SiteApproval.Decision.APPROVED if action == "approve" else SiteApproval.Decision.RETURNED,
                reasons=reason,
            )
            if step.to == Site.Status.APPROVED:
                site.approved_at = now
        elif action == "go_live":
            if today < site.go_live_date:
                raise SiteError(
                    f"The approved go-live date is {site.go_live_date:%d %B %Y}; the site cannot go live before it."
                )
            if today >= site.closure_date:
                raise SiteError(f"The closure date ({site.closure_date:%d %B %Y}) has passed; close the site instead.")
            cover = selectors.active_moderators(site, on=today)
            if len(cover) < MIN_MODERATORS:
                raise SiteError(
                    f"The site has {len(cover)} active moderator(s); it needs at least {MIN_MODERATORS} "
                    "to go live, so that it is moderated during absences (Walsall 18.4)."
                )
            site.live_at = now
        elif action == "close":
            if (
                evaluation is None
                or evaluation.achieved not in SiteEvaluation.Achieved.values
                or not evaluation.evidence.strip()
            ):
                raise SiteError(
                    "Record the evaluation when closing the site: did it achieve its aims, and how do you "
                    "know (Walsall 14.7)?"
                )
            SiteEvaluation.objects.create(
                site=site,
                achieved=evaluation.achieved,
                evidence=evaluation.evidence.strip(),
                lessons=evaluation.lessons.strip(),
                evaluated_by=actor,
                at=now,
            )
            site.closed_at = now
        site.status = step.to
        site.updated_at = now
        site.save()
        _activity(site, actor=actor, action=action, from_status=before, to_status=site.status, reason=reason, now=now)
        record(
            action="site.transitioned",
            actor=actor,
            school=site.school,
            subject=site,
            data={"action": action, "from": before, "to": site.status, "round": site.round},
        )
        if action == "close" and evaluation is not None:
            record(
                action="site.evaluated",
                actor=actor,
                school=site.school,
                subject=site,
                data={"achieved": evaluation.achieved},
            )
        _notify_transition(site, action, before, actor, reason)
    return site


# ----------------------------------------------------------------------------- the register


def _editable_register(site: Site, actor: User) -> None:
    check_site_actor(site, "site_manager", actor)
    if site.status not in (Site.Status.APPROVED, Site.Status.LIVE):
        raise SiteError(
            "Administrators and moderators are changed here only for approved or live sites; edit a "
            "draft through its form."
        )


def site_member_add(*, site: Site, user: User, role: str, actor: User) -> SiteMember:
    """Add an administrator or moderator to an approved or live site (staff or authorised people only)."""
    with transaction.atomic():
        site = Site.objects.select_for_update().get(pk=site.pk)
        _editable_register(site, actor)
        if role not in SiteMember.Role.values:
            raise SiteError(f"Unknown role {role!r}.")
        if not selectors.eligible_team(school=site.school).filter(pk=user.pk).exists():
            raise SiteError(
                f"{user} cannot be a {role} of this site: they must be school staff or other authorised "
                "people (Walsall 16.1)."
            )
        if site.members.filter(user=user, role=role).exists():
            raise SiteError(f"{user} is already a {role} of this site.")
        member = SiteMember.objects.create(site=site, user=user, role=role, added_at=timezone.now())
        _activity(site, actor=actor, action=f"{role}_added", reason=str(user))
        record(
            action="site.members_changed",
            actor=actor,
            school=site.school,
            subject=site,
            data={"added": user.pk, "role": role},
        )
    return member


def site_member_remove(*, site: Site, user: User, role: str, actor: User) -> None:
    """Remove an administrator or moderator; refused if fewer than two would remain on the list."""
    with transaction.atomic():
        site = Site.objects.select_for_update().get(pk=site.pk)
        _editable_register(site, actor)
        member = site.members.filter(user=user, role=role).first()
        if member is None:
            raise SiteError(f"{user} is not a {role} of this site.")
        remaining = site.members.filter(role=role).exclude(pk=member.pk).count()
        minimum = MIN_MODERATORS if role == SiteMember.Role.MODERATOR else MIN_ADMINISTRATORS
        if remaining < minimum:
            raise SiteError(
                f"The site must keep at least {minimum} approved {role}s (Walsall Appendix 1, 18.4): "
                f"add another {role} before removing {user}."
            )
        member.delete()
        _activity(site, actor=actor, action=f"{role}_removed", reason=str(user))
        record(
            action="site.members_changed",
            actor=actor,
            school=site.school,
            subject=site,
            data={"removed": user.pk, "role": role},
        )


def site_member_set_away(*, site: Site, user: User, away_until: date | None, actor: User) -> None:
    """Record a moderator's leave (they do not count as cover until the date), or clear it."""
    with transaction.atomic():
        site = Site.objects.select_for_update().get(pk=site.pk)
        _editable_register(site, actor)
        updated = site.members.filter(user=user).update(away_until=away_until)
        if not updated:
            raise SiteError(f"{user} is not on this site's team.")
        _activity(site, actor=actor, action="away" if away_until else "back", reason=f"{user}: {away_until or ''}")
        record(
            action="site.members_changed",
            actor=actor,
            school=site.school,
            subject=site,
            data={"away": user.pk, "until": away_until},
        )


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def site_token_generate(*, site: Site, actor: User) -> str:
    """A new bearer token for the moderation API. Returned once; only its SHA-256 is stored."""
    with transaction.atomic():
        site = Site.objects.select_for_update().get(pk=site.pk)
        check_site_actor(site, "site_manager", actor)
        if site.status not in (Site.Status.APPROVED, Site.Status.LIVE):
            raise SiteError("A moderation API token can be generated only for an approved or live site.")
        token = f"ss_site_{site.pk}_{secrets.token_urlsafe(32)}"
        replaced = bool(site.api_token_sha256)
        site.api_token_sha256 = token_digest(token)
        site.api_token_created_at = timezone.now()
        site.save(update_fields=["api_token_sha256", "api_token_created_at"])
        _activity(site, actor=actor, action="token_generated", reason="replaced the previous token" if replaced else "")
        record(
            action="site.token_generated", actor=actor, school=site.school, subject=site, data={"replaced": replaced}
        )
    return token


def site_for_token(*, site_id: int, token: str) -> Site | None:
    """The site this bearer token belongs to, or None (constant-time comparison)."""
    site = Site.objects.select_related("school").filter(pk=site_id).first()
    if site is None or not site.api_token_sha256 or not token:
        return None
    if not hmac.compare_digest(site.api_token_sha256, token_digest(token)):
        return None
    return site


# ----------------------------------------------------------------------------- moderation


def _notify_dsl(item: ModerationItem, why: str) -> None:
    school = item.site.school
    dsls = selectors.users_with_perm(school=school, perm="sites.handle_escalations")
    link = _absolute(reverse("sites:item", args=[item.site_id, item.pk]))
    _queue_mail(
        f"Safeguarding: item {item.pk} on {item.site.name} needs you now",
        f"{why}\n\nSite: {item.site.name} ({school})\nItem: {item.pk}, received {item.received_at:%d %B %Y %H:%M}\n"
        f"The post's text is not included in this e-mail. Open it in SafeSocial: {link}\n",
        dsls,
    )


def _seal(item: ModerationItem, *, text: str, full_judgement: dict[str, Any], now: datetime) -> None:
    """Keep the text (and the findings that quote it) of an item routed to the police/CEOP step apart
    from the item; the caller blanks the item's own copy before saving it."""
    SealedContent.objects.update_or_create(
        item=item, defaults={"text": text, "judgement": full_judgement, "sealed_at": now}
    )


def moderation_receive(
    *,
    site: Site,
    text: str,
    kind: str,
    author_role: str,
    author_name: str = "",
    external_id: str = "",
    posted_at: datetime | None = None,
    source: str = ModerationItem.Source.API,
    actor: User | None = None,
) -> ModerationItem:
    """Take a post or comment for moderation: judge it with the post checker (channel official, the
    author's role), queue it (safeguarding first), tell the DSL at once about safeguarding items, and
    route illegal material to the police/CEOP step with its content hidden."""
    text = (text or "").strip()
    external_id = (external_id or "").strip()
    if source == ModerationItem.Source.MANUAL and (
        actor is None or not selectors.is_site_moderator(user=actor, site=site)
    ):
        raise PermissionDenied("Only this site's moderators and administrators can enter items for moderation.")
    if site.status != Site.Status.LIVE:
        raise SiteError(
            f"“{site.name}” is {site.get_status_display().lower()}: only live sites take items for moderation."
        )
    if not text:
        raise SiteError("The item has no text.")
    if len(text) > MAX_ITEM_CHARS:
        raise SiteError(f"The item is longer than {MAX_ITEM_CHARS} characters.")
    if kind not in ModerationItem.Kind.values:
        raise SiteError(f"kind must be one of {', '.join(ModerationItem.Kind.values)}.")
    if author_role not in CHECKER_ROLES:
        raise SiteError(f"author_role must be one of {', '.join(CHECKER_ROLES)}.")
    if len(external_id) > 200 or len(author_name) > 200:
        raise SiteError("external_id and author_name must be at most 200 characters.")
    if external_id:
        existing = ModerationItem.objects.filter(site=site, external_id=external_id).first()
        if existing is not None:
            raise DuplicateItem(existing)
    judgement: SiteJudgement = judge_post(school=site.school, text=text, author_role=author_role, kind=kind)
    now = timezone.now()
    try:
        with transaction.atomic():
            item = ModerationItem(
                site=site,
                external_id=external_id,
                source=source,
                kind=kind,
                author_name=author_name.strip(),
                author_role=author_role,
                text=text,
                text_sha256=hashlib.sha256(text.encode()).hexdigest(),
                posted_at=posted_at,
                received_at=now,
                entered_by=actor if source == "manual" else None,
                verdict=judgement.verdict,
                categories=list(judgement.categories),
                judgement=judgement.data,
                urgent=judgement.safeguarding or judgement.illegal,
                identifies_pupil=judgement.identifies_pupil and site.for_children,
                note=judgement.note,
            )
            if judgement.illegal:
                item.status = ModerationItem.Status.POLICE_REFERRAL
                item.text, item.judgement = "", judgement.public_data()
                item.save()
                _seal(item, text=text, full_judgement=judgement.data, now=now)
            else:
                item.save()
            _activity(
                site,
                actor=actor,
                action="received",
                to_status=item.status,
                item=item,
                now=now,
                reason=f"verdict {judgement.verdict or 'not judged'}",
            )
            record(
                action="site.moderation_received",
                actor=actor,
                actor_label="" if actor else f"api:site:{site.pk}",
                school=site.school,
                subject=item,
                data={
                    "site": site.pk,
                    "verdict": judgement.verdict,
                    "categories": list(judgement.categories),
                    "urgent": item.urgent,
                    "status": item.status,
                },
            )
            if judgement.illegal:
                _notify_dsl(
                    item,
                    "The post checker found material that may be illegal. It has been routed to the "
                    "police/CEOP step and hidden from moderators (Walsall 18.6).",
                )
            elif judgement.safeguarding:
                _notify_dsl(
                    item,
                    "The post checker found a safeguarding concern in an item on a school site. It is "
                    "at the top of the moderation queue (Walsall 15.3: inform the appropriate "
                    "authorities immediately).",
                )
    except IntegrityError:
        existing = ModerationItem.objects.filter(site=site, external_id=external_id).first()
        if existing is not None:
            raise DuplicateItem(existing) from None
        raise
    return item


def check_item_actor(item: ModerationItem, who: str, actor: Any) -> None:
    site = item.site
    if not getattr(actor, "is_authenticated", False):
        raise PermissionDenied("Sign in first.")
    if who in ("moderator", "claimer"):
        if not selectors.is_site_moderator(user=actor, site=site):
            raise PermissionDenied(f"You are not a moderator of “{site.name}”, so you cannot moderate its items.")
        if who == "claimer" and item.claimed_by_id != actor.pk:
            raise PermissionDenied(f"{item.claimed_by} has claimed this item; only they can decide it or release it.")
    elif who == "dsl":
        if not has_perm(actor, "sites.handle_escalations", site.school):
            raise PermissionDenied("Only the designated safeguarding lead can act on an escalated item.")
    else:  # pragma: no cover
        raise PermissionDenied(f"unknown actor kind {who!r}")


def allowed_item_actions(item: ModerationItem, actor: Any) -> list[tuple[str, ModerationItem.Step]]:
    out = []
    for action, step in ModerationItem.TRANSITIONS[item.status].items():
        try:
            check_item_actor(item, step.who, actor)
        except PermissionDenied:
            continue
        out.append((action, step))
    return out


def moderation_transition(
    *,
    item: ModerationItem,
    action: str,
    actor: User,
    expected_status: str | None = None,
    rule_number: int | None = None,
    note: str = "",
    reference: str = "",
) -> ModerationItem:
    """The one service that changes a moderation item's status: claim, approve, remove (citing the
    house rule broken), escalate to the DSL, escalate as illegal, release; and the DSL's steps."""
    note = note.strip()
    with transaction.atomic():
        item = (
            ModerationItem.objects.select_for_update(of=("self",))
            .select_related("site", "site__school", "claimed_by")
            .get(pk=item.pk)
        )
        site = item.site
        before = item.status
        if expected_status is not None and expected_status != before:
            raise SiteError(
                f"This item has moved on since you opened it: it is now “{item.get_status_display()}”. "
                "Nothing was changed."
            )
        step = ModerationItem.TRANSITIONS[before].get(action)
        if step is None:
            raise SiteError(
                f"An item that is “{item.get_status_display()}” cannot be {PAST.get(action, action)}. "
                "Nothing was changed."
            )
        check_item_actor(item, step.who, actor)
        now = timezone.now()
        if action == "claim":
            item.claimed_by, item.claimed_at = actor, now
        elif action == "release":
            item.claimed_by, item.claimed_at = None, None
        elif action == "approve":
            if item.urgent or "safeguarding_concern" in item.categories:
                raise SiteError(
                    "The post checker found a safeguarding concern: this must never be posted "
                    "(Walsall 18.6). Escalate it to the DSL."
                )
            if item.identifies_pupil:
                raise SiteError(
                    "This item identifies a pupil, and this is a site for children: pupils must not be "
                    "identifiable on it (Walsall 18.2). Remove it citing the house rule."
                )
        elif action == "remove":
            rules = site.rules
            if rule_number is None or not 1 <= rule_number <= len(rules):
                raise SiteError(
                    "Choose the house rule the item breaks (Walsall 18.4: removal of comments which "
                    "breach the terms of use and house rules)."
                )
            item.rule_broken = f"{rule_number}. {rules[rule_number - 1]}"[:500]
        elif action == "referred":
            if not reference.strip():
                raise SiteError("Give the police or CEOP reference for the referral.")
            item.referral_reference = reference.strip()[:200]
        elif action == "close" and not note:
            raise SiteError("Say how the concern was handled before closing it.")
        if step.to == ModerationItem.Status.POLICE_REFERRAL:
            _seal(item, text=item.text, full_judgement=item.judgement, now=now)
            item.text, item.judgement = "", redact(item.judgement)
        if action not in ("claim", "release"):
            item.decided_by, item.decided_at = actor, now
        if note:
            item.note = (item.note + "\n" if item.note else "") + note
        item.status = step.to
        item.save()
        _activity(
            site,
            actor=actor,
            action=action,
            from_status=before,
            to_status=item.status,
            item=item,
            now=now,
            reason=item.rule_broken if action == "remove" else ("" if item.hidden else note),
        )
        record(
            action="site.moderation_decided",
            actor=actor,
            school=site.school,
            subject=item,
            data={"site": site.pk, "action": action, "from": before, "to": item.status, "rule": rule_number},
        )
        if action == "escalate":
            _notify_dsl(item, f"{actor} escalated an item on a school site to you as a safeguarding concern.")
        elif step.to == ModerationItem.Status.POLICE_REFERRAL:
            _notify_dsl(
                item,
                f"{actor} marked an item as illegal material. It is hidden from moderators and waits for "
                "your referral to the police or CEOP (Walsall 18.6).",
            )
    return item


# ----------------------------------------------------------------------------- site requests (16.7, 18.7, 18.8)


def site_request_create(*, site: Site, kind: str, subject: str, details: str, actor: User) -> SiteRequest:
    """Raise a media enquiry, a proposal to advertise for contributors, or an external friend request;
    the headteacher is told at once (Walsall 16.7: media enquiries go to the headteacher immediately)."""
    subject, details = subject.strip(), details.strip()
    if not (
        site.author_id == actor.pk
        or site.members.filter(user=actor).exists()
        or has_perm(actor, "sites.manage_all", site.school)
    ):
        raise PermissionDenied("Only the site's author, administrators and moderators can raise requests for it.")
    if site.status not in (Site.Status.APPROVED, Site.Status.LIVE):
        raise SiteError("Requests can be raised only for approved or live sites.")
    if kind not in SiteRequest.Kind.values:
        raise SiteError("Choose what kind of request this is.")
    if not subject or not details:
        raise SiteError("Give the subject (the outlet, organisation or channel) and the details of the request.")
    try:
        with transaction.atomic():
            req = SiteRequest.objects.create(
                site=site,
                kind=kind,
                subject=subject[:200],
                details=details,
                requested_by=actor,
                requested_at=timezone.now(),
            )
            _activity(
                site,
                actor=actor,
                action="request_raised",
                to_status=req.status,
                request=req,
                reason=req.get_kind_display(),
            )
            record(
                action="site.request_created",
                actor=actor,
                school=site.school,
                subject=req,
                data={"site": site.pk, "kind": kind},
            )
            _queue_mail(
                f"{req.get_kind_display()} on {site.name}",
                f"{actor} asks for your decision: {req.get_kind_display()} — {req.subject}.\n\n{details}\n\n"
                f"Open it in SafeSocial: {_site_link(site)}\n",
                selectors.users_with_perm(school=site.school, perm="sites.approve_headteacher").exclude(pk=actor.pk),
            )
    except IntegrityError:
        raise SiteError(
            f"A {SiteRequest.Kind(kind).label.split(' (')[0].lower()} about “{subject}” is already "
            "waiting for a decision."
        ) from None
    return req


def site_request_decide(
    *, request: SiteRequest, decision: str, actor: User, reasons: str = "", expected_status: str | None = None
) -> SiteRequest:
    """The headteacher approves or declines a site request (never their own)."""
    reasons = reasons.strip()
    with transaction.atomic():
        req = (
            SiteRequest.objects.select_for_update(of=("self",))
            .select_related("site", "site__school")
            .get(pk=request.pk)
        )
        site = req.site
        if expected_status is not None and expected_status != req.status:
            raise SiteError(
                f"This request was already decided: it is “{req.get_status_display()}”. Nothing was changed."
            )
        if decision not in SiteRequest.TRANSITIONS[req.status]:
            raise SiteError(
                f"A request that is “{req.get_status_display()}” cannot be {decision}. Nothing was changed."
            )
        if req.requested_by_id == actor.pk:
            raise PermissionDenied(
                "You cannot decide your own request: the headteacher must (Walsall 16.7, 18.7, 18.8)."
            )
        require_perm(actor, "sites.approve_headteacher", site.school)
        if decision == SiteRequest.Status.DECLINED and not reasons:
            raise SiteError("Give your reasons for declining.")
        before = req.status
        req.status, req.decided_by, req.decided_at, req.reasons = decision, actor, timezone.now(), reasons
        req.save()
        _activity(
            site,
            actor=actor,
            action=f"request_{decision}",
            from_status=before,
            to_status=req.status,
            request=req,
            reason=reasons,
        )
        record(
            action="site.request_decided",
            actor=actor,
            school=site.school,
            subject=req,
            data={"site": site.pk, "kind": req.kind, "decision": decision},
        )
        _queue_mail(
            f"{req.get_kind_display()}: {req.get_status_display().lower()}",
            f"{actor} {decision} your request about “{req.subject}” on {site.name}.\n{reasons}\n",
            [req.requested_by],
        )
    return req


# ----------------------------------------------------------------------------- reminders


def send_site_reminders(
    *, today: date | None = None, school: School | None = None, actor: Any = None
) -> dict[str, int]:
    """E-mail site teams before the closure date (and when it has passed), and when moderation cover
    falls below two active moderators (Walsall 14.6, 18.4). Not repeated within a week."""
    if actor is not None and school is not None:
        require_perm(actor, "sites.manage_all", school)
    today = today or timezone.localdate()
    now = timezone.now()
    sites = Site.objects.filter(status__in=[Site.Status.APPROVED, Site.Status.LIVE]).select_related("school", "author")
    if school is not None:
        sites = sites.filter(school=school)
    counts = {"closure_soon": 0, "closure_passed": 0, "low_cover": 0}
    messages: list[tuple[str, str, None, list[str]]] = []
    sent: list[SiteReminder] = []

    def due(site: Site, kind: str) -> bool:
        return not SiteReminder.objects.filter(site=site, kind=kind, sent_at__gte=now - REMIND_EVERY).exists()

    def queue(site: Site, kind: str, subject: str, body: str, users: list[Any]) -> None:
        recipients = _emails(users)
        if not recipients or not due(site, kind):
            return
        messages.extend((subject, body, None, [r]) for r in recipients)
        sent.append(SiteReminder(site=site, kind=kind, sent_at=now, recipients=len(recipients)))
        counts[kind] += 1

    for site in sites:
        admins = [m.user for m in selectors.members(site, SiteMember.Role.ADMINISTRATOR)]
        heads = list(selectors.users_with_perm(school=site.school, perm="sites.manage_all"))
        team = [site.author, *admins]
        if site.status == Site.Status.LIVE and site.closure_date < today:
            queue(
                site,
                "closure_passed",
                f"{site.name} should have closed on {site.closure_date:%d %B %Y}",
                f"“{site.name}” at {site.school} passed its closure date ({site.closure_date:%d %B %Y}) and is still "
                "live. Close it and record whether it achieved its aims (Walsall 14.6, 14.7).\n",
                team + heads,
            )
        elif site.closure_date >= today and site.closure_date - today <= CLOSURE_WARNING:
            queue(
                site,
                "closure_soon",
                f"{site.name} closes on {site.closure_date:%d %B %Y}",
                f"“{site.name}” at {site.school} reaches its closure date on {site.closure_date:%d %B %Y}. Carry "
                "out the exit plan, then close it in SafeSocial and record whether it achieved its aims "
                "(Walsall 14.6, 14.7).\n",
                team,
            )
        cover = selectors.active_moderators(site, on=today)
        if len(cover) < MIN_MODERATORS:
            queue(
                site,
                "low_cover",
                f"{site.name} has {len(cover)} active moderator(s)",
                f"“{site.name}” at {site.school} has {len(cover)} active moderator(s); it needs at least "
                f"{MIN_MODERATORS} so that it is moderated during leave and absences (Walsall 14.5, 18.4). Add a "
                "moderator in SafeSocial.\n",
                admins + heads,
            )
    if sent:
        with transaction.atomic():
            SiteReminder.objects.bulk_create(sent)
            record(action="site.reminders_sent", actor=actor, school=school, data=counts)
            transaction.on_commit(lambda: send_mass_mail(messages, fail_silently=False))
    return counts
