"""Cases: reports of concern, the workflow that handles them, evidence, removal requests, retention.

A report becomes a Case of one CaseType. Its route (handler role, required steps, the pack clauses it
cites) is worked out once, when it is opened, by ``routing.route_for`` and stored on the case, so a
later change of policy never changes how an open case was routed. The status moves only through
``services.case_transition``; evidence is immutable (a correction is a new item that supersedes);
every change writes a CaseActivity row and an audit event.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q


class CaseType(models.TextChoices):
    BULLYING = "bullying", "Online bullying or harassment of a member of staff"
    POST_ABOUT_STAFF = "post_about_staff", "A post about a member of staff"
    SAFEGUARDING = "safeguarding", "A safeguarding concern about a child"
    ALLEGATION = "allegation", "An allegation about an adult's online conduct"
    INDECENT_IMAGES = "indecent_images", "Possible indecent images of children"
    UNSUITABLE_MATERIAL = "unsuitable_material", "Unsuitable material"
    BREACH = "breach", "A breach of the policy"
    WHISTLEBLOWING = "whistleblowing", "Anonymous whistleblowing"


class Status(models.TextChoices):
    REPORTED = "reported", "Reported"  # filed by the reporter; waiting for the handler to pick it up
    ASSESSING = "assessing", "Being assessed"  # the handler has it and is recording the required steps
    AWAITING_ADVICE = "awaiting_advice", "Referred: waiting for advice"  # referred to LADO, police, HR or social care
    ACTION = "action", "Support and action under way"  # support, removal requests, agreed actions
    INVESTIGATING = "investigating", "Internal investigation"  # an internal investigation is open
    CLOSED = "closed", "Closed"  # closed with an outcome and a reason; kept until its retention date


S = Status
_STANDARD: dict[str, frozenset[str]] = {
    S.REPORTED: frozenset({S.ASSESSING}),
    S.ASSESSING: frozenset({S.AWAITING_ADVICE, S.ACTION, S.INVESTIGATING, S.CLOSED}),
    S.AWAITING_ADVICE: frozenset({S.ACTION, S.INVESTIGATING, S.CLOSED}),
    S.ACTION: frozenset({S.INVESTIGATING, S.CLOSED}),
    S.INVESTIGATING: frozenset({S.ACTION, S.CLOSED}),
    S.CLOSED: frozenset(),
}
# The declared workflow per case type: from-state -> allowed to-states. Gates that depend on recorded
# steps (the LADO referral before an internal investigation) are in routing.Route.gates.
TRANSITIONS: dict[str, dict[str, frozenset[str]]] = {
    CaseType.SAFEGUARDING: {
        S.REPORTED: frozenset({S.ASSESSING}),
        S.ASSESSING: frozenset({S.AWAITING_ADVICE, S.ACTION, S.CLOSED}),
        S.AWAITING_ADVICE: frozenset({S.ACTION, S.CLOSED}),
        S.ACTION: frozenset({S.AWAITING_ADVICE, S.CLOSED}),
        S.CLOSED: frozenset(),
    },
    CaseType.ALLEGATION: {
        S.REPORTED: frozenset({S.ASSESSING}),
        S.ASSESSING: frozenset({S.AWAITING_ADVICE, S.INVESTIGATING, S.CLOSED}),
        S.AWAITING_ADVICE: frozenset({S.INVESTIGATING, S.CLOSED}),
        S.INVESTIGATING: frozenset({S.CLOSED}),
        S.CLOSED: frozenset(),
    },
    # Nobody in school investigates or evaluates the material: there is no internal investigation state.
    CaseType.INDECENT_IMAGES: {
        S.REPORTED: frozenset({S.ASSESSING}),
        S.ASSESSING: frozenset({S.AWAITING_ADVICE}),
        S.AWAITING_ADVICE: frozenset({S.CLOSED}),
        S.CLOSED: frozenset(),
    },
    CaseType.UNSUITABLE_MATERIAL: {
        S.REPORTED: frozenset({S.ASSESSING}),
        S.ASSESSING: frozenset({S.AWAITING_ADVICE, S.INVESTIGATING, S.CLOSED}),
        S.AWAITING_ADVICE: frozenset({S.INVESTIGATING, S.CLOSED}),
        S.INVESTIGATING: frozenset({S.CLOSED}),
        S.CLOSED: frozenset(),
    },
    CaseType.BULLYING: {
        S.REPORTED: frozenset({S.ASSESSING}),
        S.ASSESSING: frozenset({S.ACTION, S.CLOSED}),
        S.ACTION: frozenset({S.INVESTIGATING, S.CLOSED}),
        S.INVESTIGATING: frozenset({S.ACTION, S.CLOSED}),
        S.CLOSED: frozenset(),
    },
    CaseType.POST_ABOUT_STAFF: {
        S.REPORTED: frozenset({S.ASSESSING}),
        S.ASSESSING: frozenset({S.ACTION, S.CLOSED}),
        S.ACTION: frozenset({S.INVESTIGATING, S.CLOSED}),
        S.INVESTIGATING: frozenset({S.ACTION, S.CLOSED}),
        S.CLOSED: frozenset(),
    },
    CaseType.BREACH: _STANDARD,
    CaseType.WHISTLEBLOWING: _STANDARD,
}


class Outcome(models.TextChoices):
    NO_FURTHER_ACTION = "nfa", "No further action"
    ADVICE = "advice", "Advice or guidance given"
    DISCIPLINARY = "disciplinary", "Disciplinary action"
    REFERRAL = "referral", "Referred to another agency (LADO, social care, HR)"
    POLICE = "police", "Police action"


class Case(models.Model):
    ref = models.CharField(max_length=20, unique=True)
    school = models.ForeignKey("people.School", on_delete=models.PROTECT, related_name="cases")
    case_type = models.CharField(max_length=30, choices=CaseType.choices)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.REPORTED)
    version = models.PositiveIntegerField(default=1)  # bumped on every change (optimistic check)
    # Who reported it. Never set for whistleblowing: the reporter holds a receipt code instead.
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="reported_cases"
    )
    receipt_hash = models.CharField(max_length=64, blank=True, db_index=True)  # SHA-256 of the receipt code
    reported_at = models.DateTimeField()
    summary = models.TextField()  # what happened, in the reporter's words (never copied to the audit trail)
    # The adult whose conduct is concerned (allegation, breach, unsuitable material, indecent images).
    subject_user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    subject_description = models.CharField(max_length=300, blank=True)
    subject_role = models.CharField(max_length=40, blank=True)  # the role the routing used
    # The child a safeguarding concern is about, once the DSL links the directory record (for retention).
    child = models.ForeignKey("people.Person", null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    # Indecent images: where and when it was found. The material itself is never uploaded.
    found_where = models.CharField(max_length=500, blank=True)
    found_at = models.DateTimeField(null=True, blank=True)
    # The route, fixed when the case was opened (see routing.Route.as_dict).
    handler_role = models.CharField(max_length=40)  # the lead handler's role
    acting_roles = models.CharField(max_length=200)  # ",dsl,deputy_dsl,": roles that handle it
    visible_roles = models.CharField(max_length=300)  # acting roles plus named roles that may see it
    route = models.JSONField(default=dict)
    policy_version = models.ForeignKey(
        "policies.PolicyVersion", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    outcome = models.CharField(max_length=20, choices=Outcome.choices, blank=True)
    closure_reason = models.TextField(blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    retain_until = models.DateField(null=True, blank=True)  # set at closure; None means "review by hand"
    retention_basis = models.TextField(blank=True)
    updated_at = models.DateTimeField()

    class Meta:
        ordering = ["-reported_at", "-id"]
        indexes = [models.Index(fields=["school", "case_type", "status"])]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="closed") | (~Q(outcome="") & Q(closed_at__isnull=False) & ~Q(closure_reason="")),
                name="case_closed_has_outcome_and_reason",
            ),
            models.CheckConstraint(
                condition=~Q(case_type="whistleblowing") | Q(reporter__isnull=True),
                name="case_whistleblowing_is_anonymous",
            ),
            models.CheckConstraint(condition=Q(case_type__in=CaseType.values), name="case_type_known"),
            models.CheckConstraint(condition=Q(status__in=Status.values), name="case_status_known"),
        ]

    def __str__(self) -> str:
        return f"{self.ref} ({self.get_case_type_display()})"

    @property
    def transitions(self) -> dict[str, frozenset[str]]:
        return TRANSITIONS[self.case_type]

    def allowed_next(self) -> list[str]:
        return sorted(self.transitions.get(self.status, frozenset()), key=Status.values.index)

    @property
    def is_sealed(self) -> bool:
        """Indecent images: no material is ever stored and nobody in school may open any."""
        return bool(self.route.get("sealed"))

    @property
    def is_closed(self) -> bool:
        return self.status == Status.CLOSED


class CaseActivity(models.Model):
    """The case history: each transition, recorded step, evidence item and note, with its reason."""

    class Kind(models.TextChoices):
        OPENED = "opened", "Opened"
        TRANSITION = "transition", "Status changed"
        STEP = "step", "Step recorded"
        EVIDENCE = "evidence", "Evidence added"
        REMOVAL = "removal", "Removal request"
        HOLD = "hold", "Legal hold"
        REMINDER = "reminder", "Reminder sent"
        NOTE = "note", "Note"

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="activity")
    at = models.DateTimeField()
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    actor_label = models.CharField(max_length=200, blank=True)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    from_status = models.CharField(max_length=20, blank=True)
    to_status = models.CharField(max_length=20, blank=True)
    reason = models.TextField(blank=True)

    class Meta:
        ordering = ["at", "id"]


class CaseStep(models.Model):
    """A step the route requires (or offers): recorded once, with its details; never edited."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="steps")
    code = models.CharField(max_length=40)
    title = models.CharField(max_length=200)
    required = models.BooleanField(default=True)
    order = models.PositiveSmallIntegerField(default=0)
    due_at = models.DateTimeField(null=True, blank=True)
    recorded_at = models.DateTimeField(null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    details = models.JSONField(default=dict, blank=True)
    last_reminded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["order", "id"]
        constraints = [models.UniqueConstraint(fields=["case", "code"], name="case_step_unique_code")]

    def __str__(self) -> str:
        return f"{self.case.ref}: {self.title}"

    @property
    def is_recorded(self) -> bool:
        return self.recorded_at is not None


class Evidence(models.Model):
    """One item of evidence: a file (with its SHA-256) or, for indecent images, only a record.

    Immutable: ``save`` refuses updates. A correction is a new item whose ``supersedes`` names the old.
    The file lives under MEDIA_ROOT/private/, which is never served as media: only the permission-checked,
    audited download view reads it.
    """

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="evidence")
    file = models.FileField(upload_to="private/evidence/", max_length=300, blank=True)
    original_name = models.CharField(max_length=255, blank=True)
    sha256 = models.CharField(max_length=64, blank=True)
    size = models.PositiveBigIntegerField(default=0)
    content_type = models.CharField(max_length=100, blank=True)  # detected from the content, not the name
    platform = models.CharField(max_length=100, blank=True)
    url = models.URLField(max_length=1000, blank=True)
    seen_at = models.DateTimeField(null=True, blank=True)
    captured_by = models.CharField(max_length=200, blank=True)
    description = models.TextField(blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField()
    supersedes = models.OneToOneField(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="superseded_by"
    )
    correction_reason = models.TextField(blank=True)

    class Meta:
        ordering = ["uploaded_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(file="") | (~Q(sha256="") & ~Q(content_type="")),
                name="evidence_file_has_hash_and_type",
            ),
            models.CheckConstraint(
                condition=Q(supersedes__isnull=True) | ~Q(correction_reason=""),
                name="evidence_correction_has_reason",
            ),
        ]

    def __str__(self) -> str:
        return f"Evidence {self.pk} on {self.case_id}"

    def save(self, *args: object, **kwargs: object) -> None:
        if self.pk is not None:
            raise PermissionError("evidence is immutable: add a correction that supersedes it")
        super().save(*args, **kwargs)  # type: ignore[arg-type]

    def delete(self, *args: object, **kwargs: object) -> tuple[int, dict[str, int]]:
        raise PermissionError("evidence is deleted only by an approved retention run")

    @property
    def is_current(self) -> bool:
        return not hasattr(self, "superseded_by")  # the reverse one-to-one raises when nothing supersedes it


class RemovalRequest(models.Model):
    """A request to a platform to remove material about a member of staff, tracked to its end."""

    class Status(models.TextChoices):
        DRAFTED = "drafted", "Letter drafted"  # the letter is generated; not yet sent
        SENT = "sent", "Sent to the platform"  # sent; waiting for a reply
        ACKNOWLEDGED = "acknowledged", "Acknowledged by the platform"  # the platform has replied
        REMOVED = "removed", "Removed"  # the material has gone
        REFUSED = "refused", "Refused"  # the platform declined

    TRANSITIONS: dict[str, frozenset[str]] = {
        Status.DRAFTED: frozenset({Status.SENT}),
        Status.SENT: frozenset({Status.ACKNOWLEDGED, Status.REMOVED, Status.REFUSED}),
        Status.ACKNOWLEDGED: frozenset({Status.REMOVED, Status.REFUSED}),
        Status.REMOVED: frozenset(),
        Status.REFUSED: frozenset(),
    }

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="removal_requests")
    evidence = models.ForeignKey(Evidence, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    platform = models.CharField(max_length=100)
    url = models.URLField(max_length=1000, blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.DRAFTED)
    letter = models.TextField()
    platform_reference = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField()
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    updated_at = models.DateTimeField()
    history = models.JSONField(default=list, blank=True)  # [{"at", "from", "to", "by", "note"}]

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=["drafted", "sent", "acknowledged", "removed", "refused"]),
                name="removal_status_known",
            )
        ]

    def allowed_next(self) -> list[str]:
        return sorted(self.TRANSITIONS[self.status], key=self.Status.values.index)


class LegalHold(models.Model):
    """While a hold is active the case is never deleted, whatever its retention date."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="holds")
    reason = models.TextField()
    set_at = models.DateTimeField()
    set_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    lifted_at = models.DateTimeField(null=True, blank=True)
    lifted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    lifted_reason = models.TextField(blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["case"], condition=Q(lifted_at__isnull=True), name="one_active_hold_per_case"
            )
        ]


class RetentionRun(models.Model):
    """A list of closed cases past their retention date. Nothing is deleted until it is approved."""

    class Status(models.TextChoices):
        PROPOSED = "proposed", "Proposed"  # listed; waiting for approval
        COMPLETED = "completed", "Approved and carried out"  # approved; the listed cases were deleted

    created_at = models.DateTimeField()
    created_by_label = models.CharField(max_length=200)
    as_of = models.DateField()
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PROPOSED)
    approved_at = models.DateTimeField(null=True, blank=True)
    approved_by_label = models.CharField(max_length=200, blank=True)
    deleted = models.PositiveIntegerField(default=0)
    skipped = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-created_at", "-id"]


class RetentionRunItem(models.Model):
    run = models.ForeignKey(RetentionRun, on_delete=models.CASCADE, related_name="items")
    case = models.ForeignKey(Case, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    case_ref = models.CharField(max_length=20)
    case_type = models.CharField(max_length=30)
    school = models.ForeignKey("people.School", on_delete=models.PROTECT, related_name="+")
    retain_until = models.DateField()
    outcome = models.CharField(max_length=20, blank=True)  # "deleted" or why it was skipped

    class Meta:
        ordering = ["retain_until", "id"]
