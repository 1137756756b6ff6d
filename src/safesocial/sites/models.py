"""School social media sites: the approval form, the register, moderation and site requests.

A ``Site`` is the Walsall Appendix 1 "Social Media Site Creation Approval Form" and, once approved,
the site's entry in the register (Walsall 14-18, Waterville 401.p1, community-2025
staff-expectations.2). Its status changes only through ``services.site_transition``; a moderation
item's only through ``services.moderation_transition``; a site request's (media enquiry, external
friend, advertising for contributors) only through ``services.site_request_decide``.
"""

from __future__ import annotations

from typing import NamedTuple

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Lower


class Audience(models.TextChoices):
    """The tick boxes of the form's "proposed audience" and "proposed contributors" lists."""

    PUPILS = "pupils", "Pupils of the school (give the age range)"
    STAFF = "staff", "School staff"
    FAMILIES = "families", "Pupils' family members"
    OTHER_PUPILS = "other_pupils", "Pupils from other schools or academies (name the schools)"
    EXTERNAL_ORGANISATIONS = "external_organisations", "External organisations"
    PUBLIC = "public", "Members of the public"
    OTHERS = "others", "Others (give details)"


# Contributors who are outside the school staff: someone must vet them (Appendix 1, "Who will vet").
EXTERNAL_CONTRIBUTORS = frozenset(
    {Audience.FAMILIES, Audience.OTHER_PUPILS, Audience.EXTERNAL_ORGANISATIONS, Audience.PUBLIC, Audience.OTHERS}
)
# Contributors who are children: consent of parents is needed (Appendix 1 consent question).
CHILD_CONTRIBUTORS = frozenset({Audience.PUPILS, Audience.OTHER_PUPILS})


class Hosting(models.TextChoices):
    SCHOOL = "school", "The school"
    THIRD_PARTY = "third_party", "A third party (name the host)"


class Site(models.Model):
    """One site: the approval request while it is decided, then its entry in the register."""

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"  # being written by its author; editable by them only
        SUBMITTED = "submitted", "Waiting for the line manager"  # sent; the author's line manager decides
        LINE_MANAGER_APPROVED = "line_manager_approved", "Waiting for the communications manager"  # brand and logo
        COMMUNICATIONS_APPROVED = "communications_approved", "Waiting for the headteacher"  # final approval
        RETURNED = "returned", "Returned to the author"  # an approver sent it back with reasons; editable
        APPROVED = "approved", "Approved, not yet live"  # all three approvals given; in the register
        LIVE = "live", "Live"  # running; moderated; takes posts through the API
        CLOSED = "closed", "Closed"  # ended; evaluated (14.7); takes nothing more

    class Step(NamedTuple):
        to: str
        who: str  # author | line_manager | communications | headteacher | site_manager
        verb: str  # what the button says

    # The transition table: status -> {action: (next status, who may do it, button text)}.
    TRANSITIONS: dict[str, dict[str, Step]] = {
        Status.DRAFT: {"submit": Step(Status.SUBMITTED, "author", "Submit for approval")},
        Status.RETURNED: {"submit": Step(Status.SUBMITTED, "author", "Resubmit for approval")},
        Status.SUBMITTED: {
            "approve": Step(Status.LINE_MANAGER_APPROVED, "line_manager", "Approve as line manager"),
            "return": Step(Status.RETURNED, "line_manager", "Return to the author"),
        },
        Status.LINE_MANAGER_APPROVED: {
            "approve": Step(Status.COMMUNICATIONS_APPROVED, "communications", "Approve as communications manager"),
            "return": Step(Status.RETURNED, "communications", "Return to the author"),
        },
        Status.COMMUNICATIONS_APPROVED: {
            "approve": Step(Status.APPROVED, "headteacher", "Approve as headteacher"),
            "return": Step(Status.RETURNED, "headteacher", "Return to the author"),
        },
        Status.APPROVED: {
            "go_live": Step(Status.LIVE, "site_manager", "Record that the site is live"),
            "close": Step(Status.CLOSED, "site_manager", "Close the site"),
        },
        Status.LIVE: {"close": Step(Status.CLOSED, "site_manager", "Close the site")},
        Status.CLOSED: {},
    }
    EDITABLE = frozenset({Status.DRAFT, Status.RETURNED})
    IN_REGISTER = frozenset({Status.APPROVED, Status.LIVE, Status.CLOSED})
    # Which approval step each waiting status stands for (the form's three signature boxes, in order).
    APPROVAL_STEP = {
        Status.SUBMITTED: "line_manager",
        Status.LINE_MANAGER_APPROVED: "communications",
        Status.COMMUNICATIONS_APPROVED: "headteacher",
    }

    school = models.ForeignKey("people.School", on_delete=models.PROTECT, related_name="social_sites")
    name = models.CharField(max_length=200)
    status = models.CharField(max_length=30, choices=Status.choices, default=Status.DRAFT)
    # Team details
    department = models.CharField(max_length=200)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="authored_sites")
    line_manager = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    # Purpose
    aims = models.TextField()
    content = models.TextField()
    # Audience and contributors (values of Audience) with the details the form asks for
    audience = models.JSONField(default=list)
    audience_pupil_age_from = models.PositiveSmallIntegerField(null=True, blank=True)
    audience_pupil_age_to = models.PositiveSmallIntegerField(null=True, blank=True)
    audience_other_schools = models.CharField(max_length=500, blank=True)
    audience_other_details = models.CharField(max_length=500, blank=True)
    contributors = models.JSONField(default=list)
    contributor_pupil_age_from = models.PositiveSmallIntegerField(null=True, blank=True)
    contributor_pupil_age_to = models.PositiveSmallIntegerField(null=True, blank=True)
    contributor_other_schools = models.CharField(max_length=500, blank=True)
    contributor_other_details = models.CharField(max_length=500, blank=True)
    contributors_learning_disabilities = models.BooleanField(default=False)
    # Administration
    external_vetting = models.TextField(blank=True)
    hosting = models.CharField(max_length=20, choices=Hosting.choices)
    host_name = models.CharField(max_length=200, blank=True)
    platform_minimum_age = models.PositiveSmallIntegerField(default=13)
    go_live_date = models.DateField()
    closure_date = models.DateField()
    advertising = models.TextField(blank=True)
    consent_plan = models.TextField(blank=True)
    security_measures = models.TextField()
    # Walsall 17.1: terms of use and house rules (one rule a line; moderators cite them by number)
    house_rules = models.TextField()
    terms_of_use = models.TextField()
    # Workflow bookkeeping
    round = models.PositiveSmallIntegerField(default=0)  # incremented at each (re)submission
    created_at = models.DateTimeField()
    updated_at = models.DateTimeField()
    submitted_at = models.DateTimeField(null=True, blank=True)
    approved_at = models.DateTimeField(null=True, blank=True)
    live_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    # The moderation API: only the SHA-256 of the bearer token is stored.
    api_token_sha256 = models.CharField(max_length=64, blank=True)
    api_token_created_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["school__name", "name"]
        constraints = [
            models.UniqueConstraint(
                Lower("name"), "school", condition=~Q(status="closed"), name="site_name_unique_while_open"
            ),
            models.CheckConstraint(condition=Q(closure_date__gt=F("go_live_date")), name="site_closes_after_go_live"),
            models.CheckConstraint(
                condition=Q(hosting="school") | ~Q(host_name=""), name="site_third_party_host_named"
            ),
            models.CheckConstraint(condition=~Q(author=F("line_manager")), name="site_author_is_not_line_manager"),
            models.CheckConstraint(
                condition=Q(
                    status__in=[
                        "draft",
                        "submitted",
                        "line_manager_approved",
                        "communications_approved",
                        "returned",
                        "approved",
                        "live",
                        "closed",
                    ]
                ),
                name="site_status_known",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.school})"

    @property
    def approval_step(self) -> str | None:
        return self.APPROVAL_STEP.get(self.status)

    @property
    def for_children(self) -> bool:
        """A site for or contributed to by pupils (Walsall 18.2: pupils must not be identifiable)."""
        return bool(set(self.audience) & CHILD_CONTRIBUTORS or set(self.contributors) & CHILD_CONTRIBUTORS)

    @property
    def rules(self) -> list[str]:
        """The house rules, numbered from 1 (one rule a line)."""
        return [line.strip() for line in self.house_rules.splitlines() if line.strip()]

    def audience_labels(self) -> list[str]:
        return [Audience(v).label for v in self.audience if v in Audience.values]

    def contributor_labels(self) -> list[str]:
        return [Audience(v).label for v in self.contributors if v in Audience.values]


class SiteMember(models.Model):
    """An approved administrator or moderator of a site (Walsall 16.1, 18.4; at least two of each)."""

    class Role(models.TextChoices):
        ADMINISTRATOR = "administrator", "Administrator"
        MODERATOR = "moderator", "Moderator"

    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="members")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="site_memberships")
    role = models.CharField(max_length=20, choices=Role.choices)
    away_until = models.DateField(null=True, blank=True)  # on leave: does not count as cover until then
    added_at = models.DateTimeField()

    class Meta:
        ordering = ["role", "user__display_name", "user__username"]
        constraints = [models.UniqueConstraint(fields=["site", "user", "role"], name="site_member_once_per_role")]

    def __str__(self) -> str:
        return f"{self.user} — {self.get_role_display()} of {self.site.name}"


class SiteApproval(models.Model):
    """One signature box of the form: who approved or returned it, when, and why (per round)."""

    class Step(models.TextChoices):
        LINE_MANAGER = "line_manager", "Line manager: the aims and content of the proposed site"
        COMMUNICATIONS = "communications", "Communications manager: aims, content, brand and logo"
        HEADTEACHER = "headteacher", "Headteacher: final approval"

    class Decision(models.TextChoices):
        APPROVED = "approved", "Approved"
        RETURNED = "returned", "Returned with reasons"

    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="approvals")
    round = models.PositiveSmallIntegerField()
    step = models.CharField(max_length=20, choices=Step.choices)
    decision = models.CharField(max_length=10, choices=Decision.choices)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    signed_name = models.CharField(max_length=200)
    at = models.DateTimeField()
    reasons = models.TextField(blank=True)

    class Meta:
        ordering = ["at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["site", "round", "step"], name="one_decision_per_step_per_round"),
            models.CheckConstraint(condition=Q(decision="approved") | ~Q(reasons=""), name="return_has_reasons"),
        ]


class SiteEvaluation(models.Model):
    """At closure: did the site achieve its aims (Walsall 14.7)?"""

    class Achieved(models.TextChoices):
        YES = "yes", "Yes, it achieved its aims"
        PARTLY = "partly", "Partly"
        NO = "no", "No"

    site = models.OneToOneField(Site, on_delete=models.CASCADE, related_name="evaluation")
    achieved = models.CharField(max_length=10, choices=Achieved.choices)
    evidence = models.TextField()
    lessons = models.TextField(blank=True)
    evaluated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField()


class ModerationItem(models.Model):
    """A post or comment on a registered site, judged by the post checker and queued for a moderator."""

    class Status(models.TextChoices):
        QUEUED = "queued", "Waiting for a moderator"  # in the queue; nobody has claimed it
        CLAIMED = "claimed", "Claimed by a moderator"  # one moderator is deciding it
        APPROVED = "approved", "Approved for the site"  # may be published
        REMOVED = "removed", "Removed: breaks a house rule"  # not published; the rule is recorded
        ESCALATED = "escalated", "Escalated to the DSL"  # a safeguarding concern; the DSL decides
        POLICE_REFERRAL = "police_referral", "For the police or CEOP"  # illegal: content hidden; DSL refers
        REFERRED = "referred", "Referred to the police or CEOP"  # referral made; record kept, content hidden
        CLOSED = "closed", "Closed by the DSL"  # escalation handled without a police referral

    class Step(NamedTuple):
        to: str
        who: str  # claimer | moderator | dsl
        verb: str

    TRANSITIONS: dict[str, dict[str, Step]] = {
        Status.QUEUED: {"claim": Step(Status.CLAIMED, "moderator", "Claim")},
        Status.CLAIMED: {
            "approve": Step(Status.APPROVED, "claimer", "Approve"),
            "remove": Step(Status.REMOVED, "claimer", "Remove"),
            "escalate": Step(Status.ESCALATED, "claimer", "Escalate to the DSL"),
            "escalate_illegal": Step(Status.POLICE_REFERRAL, "claimer", "Escalate as illegal material"),
            "release": Step(Status.QUEUED, "claimer", "Release back to the queue"),
        },
        Status.ESCALATED: {
            "police": Step(Status.POLICE_REFERRAL, "dsl", "Route to the police or CEOP"),
            "close": Step(Status.CLOSED, "dsl", "Close: handled by the DSL"),
        },
        Status.POLICE_REFERRAL: {"referred": Step(Status.REFERRED, "dsl", "Record the referral")},
        Status.APPROVED: {},
        Status.REMOVED: {},
        Status.REFERRED: {},
        Status.CLOSED: {},
    }
    OPEN = frozenset({Status.QUEUED, Status.CLAIMED})
    HIDDEN = frozenset({Status.POLICE_REFERRAL, Status.REFERRED})

    class Kind(models.TextChoices):
        POST = "post", "Post"
        COMMENT = "comment", "Comment"

    class Source(models.TextChoices):
        API = "api", "Moderation API"
        MANUAL = "manual", "Entered by hand"

    site = models.ForeignKey(Site, on_delete=models.PROTECT, related_name="items")
    external_id = models.CharField(max_length=200, blank=True)  # the host platform's id; unique per site
    source = models.CharField(max_length=10, choices=Source.choices)
    kind = models.CharField(max_length=10, choices=Kind.choices)
    author_name = models.CharField(max_length=200, blank=True)
    author_role = models.CharField(max_length=20)  # a checker role: staff, governor, ..., parent, public
    text = models.TextField(blank=True)  # emptied when the item is routed to the police/CEOP step
    text_sha256 = models.CharField(max_length=64)
    posted_at = models.DateTimeField(null=True, blank=True)
    received_at = models.DateTimeField()
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # The post checker's judgement (channel official, the author's role)
    verdict = models.CharField(max_length=10, blank=True)  # ok | advise | breach | escalate | "" (not judged)
    categories = models.JSONField(default=list, blank=True)
    judgement = models.JSONField(default=dict, blank=True)
    urgent = models.BooleanField(default=False)  # safeguarding: jumps the queue
    identifies_pupil = models.BooleanField(default=False)  # Walsall 18.2 on sites for children
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.QUEUED)
    claimed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    claimed_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    rule_broken = models.CharField(max_length=500, blank=True)  # the house rule, quoted, for removals
    note = models.TextField(blank=True)
    referral_reference = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["-urgent", "received_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["site", "external_id"], condition=~Q(external_id=""), name="moderation_external_id_once"
            ),
            models.CheckConstraint(condition=~Q(status="removed") | ~Q(rule_broken=""), name="removal_cites_rule"),
            models.CheckConstraint(
                condition=~Q(status__in=["police_referral", "referred"]) | Q(text=""), name="illegal_content_hidden"
            ),
            models.CheckConstraint(
                condition=~Q(status="claimed") | Q(claimed_by__isnull=False), name="claim_has_claimer"
            ),
        ]
        indexes = [models.Index(fields=["site", "status"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.pk} on {self.site.name}"

    @property
    def hidden(self) -> bool:
        return self.status in self.HIDDEN


class SealedContent(models.Model):
    """The text of an item routed to the police/CEOP step, kept apart from the item.

    Never rendered to moderators; read only through ``selectors.access_sealed_content`` (DSL only),
    which writes an audit event for every read and every refused attempt.
    """

    item = models.OneToOneField(ModerationItem, on_delete=models.PROTECT, related_name="sealed")
    text = models.TextField()
    judgement = models.JSONField(default=dict)  # the findings with their evidence
    sealed_at = models.DateTimeField()


class SiteRequest(models.Model):
    """A simple approval request on a site: a media enquiry (16.7), advertising for contributors
    (18.7) or making an external organisation a friend of the site (18.8)."""

    class Kind(models.TextChoices):
        MEDIA_ENQUIRY = "media_enquiry", "Media enquiry (Walsall 16.7)"
        ADVERTISE = "advertise_contributors", "Advertise for contributors (Walsall 18.7)"
        EXTERNAL_FRIEND = "external_friend", "Make an external organisation a friend of the site (Walsall 18.8)"

    class Status(models.TextChoices):
        PENDING = "pending", "Waiting for the headteacher"  # forwarded at once; nobody may act on it yet
        APPROVED = "approved", "Approved"  # the headteacher approved it
        DECLINED = "declined", "Declined"  # the headteacher declined it, with reasons

    TRANSITIONS: dict[str, frozenset[str]] = {
        Status.PENDING: frozenset({Status.APPROVED, Status.DECLINED}),
        Status.APPROVED: frozenset(),
        Status.DECLINED: frozenset(),
    }

    site = models.ForeignKey(Site, on_delete=models.PROTECT, related_name="requests")
    kind = models.CharField(max_length=30, choices=Kind.choices)
    subject = models.CharField(max_length=200)  # the outlet, the organisation, or the channel
    details = models.TextField()
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    requested_at = models.DateTimeField()
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    reasons = models.TextField(blank=True)

    class Meta:
        ordering = ["-requested_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                Lower("subject"), "site", "kind", condition=Q(status="pending"), name="one_pending_request_per_subject"
            ),
            models.CheckConstraint(condition=~Q(status="declined") | ~Q(reasons=""), name="decline_has_reasons"),
        ]


class SiteActivity(models.Model):
    """The history of a site, its moderation items and its requests: who moved what from where to where."""

    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="activity")
    item = models.ForeignKey(ModerationItem, null=True, blank=True, on_delete=models.CASCADE, related_name="activity")
    request = models.ForeignKey(SiteRequest, null=True, blank=True, on_delete=models.CASCADE, related_name="activity")
    at = models.DateTimeField()
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    actor_label = models.CharField(max_length=200, blank=True)
    action = models.CharField(max_length=40)
    from_status = models.CharField(max_length=30, blank=True)
    to_status = models.CharField(max_length=30, blank=True)
    reason = models.TextField(blank=True)

    class Meta:
        ordering = ["at", "id"]


class SiteReminder(models.Model):
    """One reminder e-mail sent about a site, so the same reminder is not repeated within a week."""

    class Kind(models.TextChoices):
        CLOSURE_SOON = "closure_soon", "Closure date approaching"
        CLOSURE_PASSED = "closure_passed", "Closure date passed, site still live"
        LOW_COVER = "low_cover", "Fewer than two active moderators"

    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="reminders")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    sent_at = models.DateTimeField()
    recipients = models.PositiveIntegerField(default=0)
