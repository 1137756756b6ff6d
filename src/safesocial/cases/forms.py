"""Forms for reporting and handling cases. Input parsing only: the rules live in the services."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone

from .evidence import accepted_summary
from .models import Outcome, RemovalRequest, Status
from .routing import STEP_FIELDS

# What happened, in plain language: (kind, label, hint)
KINDS: list[tuple[str, str, str]] = [
    ("bullied", "I am being bullied or harassed online", "Messages, posts or comments aimed at you."),
    ("post", "Someone has posted about me or a colleague", "A post, comment, photo or video about a member of staff."),
    (
        "child",
        "I am worried about a child's safety",
        "A safeguarding concern: something that suggests a child may be at risk.",
    ),
    (
        "adult",
        "I am worried about an adult's online conduct",
        "An allegation: a member of staff, a volunteer or another adult at school may have behaved in a way that "
        "harms a child or shows they may not be safe to work with children.",
    ),
    ("material", "I found unsuitable or illegal material", "On a device, in an account or on a website."),
    ("breach", "Someone has broken the social networking policy", "A breach of the school's policy."),
    (
        "whistleblowing",
        "I want to raise a concern anonymously (whistleblowing)",
        "Your name will not be stored. You will get a receipt code to check on progress.",
    ),
]
KIND_LABELS = {k: label for k, label, _hint in KINDS}

DATETIME_FORMAT = "%Y-%m-%dT%H:%M"


class DateTimeLocalInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format=DATETIME_FORMAT, **kwargs)


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%Y-%m-%d", **kwargs)  # what a date input accepts, whatever the locale


class ChooseKindForm(forms.Form):
    kind = forms.ChoiceField(
        label="What happened?", choices=[(k, label) for k, label, _ in KINDS], widget=forms.RadioSelect
    )

    def hints(self) -> dict[str, str]:
        return {k: hint for k, _label, hint in KINDS}


SUBJECT_ROLES = [
    ("staff", "Member of staff"),
    ("governor", "Governor"),
    ("volunteer", "Volunteer"),
    ("contractor", "Contractor"),
    ("pupil", "Pupil"),
    ("parent", "Parent or carer"),
]


class ReportForm(forms.Form):
    """The report form for one kind; fields that do not apply to the kind are removed."""

    school = forms.ChoiceField(label="Which school is this about?", choices=())
    summary = forms.CharField(
        label="What happened?",
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="In your own words: what you saw, when, and who was involved.",
    )
    about_me = forms.ChoiceField(
        label="Who is the post about?",
        widget=forms.RadioSelect,
        required=False,
        choices=[("me", "Me"), ("colleague", "A colleague")],
    )
    material_kind = forms.ChoiceField(
        label="Could it show a child in an indecent or sexual way?",
        widget=forms.RadioSelect,
        required=False,
        choices=[("yes", "Yes"), ("unsure", "I am not sure"), ("no", "No")],
        help_text="If it might, do not open it again, copy it, forward it, screenshot it or delete it.",
    )
    subject = forms.TypedChoiceField(
        label="Who is it about?",
        coerce=int,
        required=False,
        choices=(),
        help_text="Choose the person if they are in the list.",
    )
    subject_description = forms.CharField(
        label="If they are not in the list, who are they?", required=False, max_length=300
    )
    subject_role = forms.ChoiceField(label="What is their role?", choices=SUBJECT_ROLES, required=False)
    about_headteacher = forms.BooleanField(
        label="This is about the headteacher",
        required=False,
        help_text="Tick this so that the chair of governors handles it instead.",
    )
    found_where = forms.CharField(
        label="Where did you find it?",
        required=False,
        max_length=500,
        help_text="For example: on a school laptop in room 4, on a website (give its address).",
    )
    found_at = forms.DateTimeField(
        label="When did you find it?",
        required=False,
        widget=DateTimeLocalInput(),
        input_formats=[DATETIME_FORMAT, "%Y-%m-%d %H:%M"],
    )
    evidence_file = forms.FileField(label="Screenshot or file", required=False)
    platform = forms.CharField(
        label="Platform or website",
        required=False,
        max_length=100,
        help_text="For example Instagram, TikTok, Facebook, X, WhatsApp or a website.",
    )
    url = forms.URLField(
        label="Address (link) where it was seen", required=False, max_length=1000, assume_scheme="https"
    )
    seen_at = forms.DateTimeField(
        label="Date and time it was seen",
        required=False,
        widget=DateTimeLocalInput(),
        input_formats=[DATETIME_FORMAT, "%Y-%m-%d %H:%M"],
    )
    captured_by = forms.CharField(label="Who took the screenshot or saved the file", required=False, max_length=200)

    FIELDS_BY_KIND: dict[str, tuple[str, ...]] = {
        "bullied": ("evidence",),
        "post": ("about_me", "subject", "evidence"),
        "child": ("evidence",),
        "adult": ("subject", "subject_description", "about_headteacher", "evidence"),
        "material": (
            "material_kind",
            "found_where",
            "found_at",
            "subject",
            "subject_description",
            "about_headteacher",
            "evidence",
        ),
        "breach": ("subject", "subject_description", "subject_role", "about_headteacher", "evidence"),
        "whistleblowing": ("subject", "subject_description", "about_headteacher", "evidence"),
    }
    EVIDENCE_FIELDS = ("evidence_file", "platform", "url", "seen_at", "captured_by")
    OPTIONAL_FIELDS = (
        "about_me",
        "material_kind",
        "subject",
        "subject_description",
        "subject_role",
        "about_headteacher",
        "found_where",
        "found_at",
    )

    def __init__(
        self,
        *args: Any,
        kind: str,
        schools: list[Any],
        people: list[tuple[int, str]],
        reporter_name: str = "",
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.kind = kind
        self.fields["evidence_file"].help_text = accepted_summary()
        keep = self.FIELDS_BY_KIND[kind]
        for name in self.OPTIONAL_FIELDS:
            if name not in keep:
                del self.fields[name]
        if "evidence" not in keep:
            for name in self.EVIDENCE_FIELDS:
                del self.fields[name]
        self.fields["school"].choices = [(str(s.pk), s.name) for s in schools]
        if len(schools) == 1:
            self.fields["school"].initial = str(schools[0].pk)
            self.fields["school"].widget = forms.HiddenInput()
        if "subject" in self.fields:
            self.fields["subject"].choices = [("", "Not in the list, or I do not know"), *people]
        if kind == "post":
            self.fields["about_me"].required = True
            self.fields["subject"].label = "If it is about a colleague, who?"
        if kind == "material":
            self.fields["material_kind"].required = True
            self.fields["subject"].label = "Whose device or account was it on, if you know?"
            self.fields["evidence_file"].help_text = "Only if you answered No above. " + accepted_summary()
        if kind == "bullied":
            self.fields["summary"].help_text = "What was said or done, where, and by whom if you know."
        if kind == "whistleblowing":
            self.fields["captured_by"].help_text = "Leave this empty to stay anonymous."
        elif "captured_by" in self.fields:
            self.fields["captured_by"].initial = reporter_name
        if kind == "child":
            self.fields["summary"].help_text = (
                "What you saw or heard, when, and the child's name if you know it. If a child is in immediate "
                "danger, call 999 now."
            )
            self.fields["evidence_file"].help_text = (
                "Never upload an image that might show a child naked or in a sexual way: choose “I found unsuitable "
                "or illegal material” instead. " + accepted_summary()
            )

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if self.kind == "material" and data.get("material_kind") in ("yes", "unsure"):
            if not data.get("found_where"):
                self.add_error("found_where", "Say where you found it.")
            if not data.get("found_at"):
                self.add_error("found_at", "Say when you found it.")
        seen_at = data.get("seen_at")
        if seen_at and seen_at > timezone.now():
            self.add_error("seen_at", "The date and time it was seen cannot be in the future.")
        found_at = data.get("found_at")
        if found_at and found_at > timezone.now():
            self.add_error("found_at", "The date and time cannot be in the future.")
        return data

    def case_type(self, reporter_audiences: set[str]) -> str:
        from .models import CaseType

        kind = self.kind
        if kind == "bullied":
            # A pupil, or a parent for their child, being bullied is a safeguarding matter for the DSL.
            if reporter_audiences and reporter_audiences <= {"pupil", "parent"}:
                return CaseType.SAFEGUARDING
            return CaseType.BULLYING
        if kind == "material":
            return (
                CaseType.UNSUITABLE_MATERIAL
                if self.cleaned_data.get("material_kind") == "no"
                else CaseType.INDECENT_IMAGES
            )
        return {
            "post": CaseType.POST_ABOUT_STAFF,
            "child": CaseType.SAFEGUARDING,
            "adult": CaseType.ALLEGATION,
            "breach": CaseType.BREACH,
            "whistleblowing": CaseType.WHISTLEBLOWING,
        }[kind]


class TransitionForm(forms.Form):
    to_status = forms.ChoiceField(label="Move the case to", widget=forms.RadioSelect, choices=())
    reason = forms.CharField(
        label="Reason",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Why, in a sentence or two. It goes into the case history.",
    )
    outcome = forms.ChoiceField(
        label="Outcome (when closing)", widget=forms.RadioSelect, required=False, choices=Outcome.choices
    )
    expected_status = forms.CharField(widget=forms.HiddenInput())

    def __init__(self, *args: Any, case: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["to_status"].choices = [(s, Status(s).label) for s in case.allowed_next()]
        self.fields["expected_status"].initial = case.status
        if Status.CLOSED not in case.allowed_next():
            del self.fields["outcome"]


def step_form_class(code: str) -> type[forms.Form]:
    """A form for recording one step, built from routing.STEP_FIELDS."""
    fields: dict[str, forms.Field] = {}
    for spec in STEP_FIELDS[code]:
        if spec.kind == "date":
            field: forms.Field = forms.DateField(
                label=spec.label, required=spec.required, widget=DateInput(), initial=timezone.localdate
            )
        elif spec.kind == "textarea":
            field = forms.CharField(label=spec.label, required=spec.required, widget=forms.Textarea(attrs={"rows": 4}))
        elif spec.kind == "choice":
            field = forms.ChoiceField(
                label=spec.label, required=spec.required, choices=list(spec.choices), widget=forms.RadioSelect
            )
        else:
            field = forms.CharField(label=spec.label, required=spec.required, max_length=300)
        if spec.hint:
            field.help_text = spec.hint
        fields[spec.name] = field
    return type(f"StepForm_{code}", (forms.Form,), fields)


class EvidenceForm(forms.Form):
    evidence_file = forms.FileField(label="Screenshot or file", required=False)
    platform = forms.CharField(label="Platform or website", required=False, max_length=100)
    url = forms.URLField(
        label="Address (link) where it was seen", required=False, max_length=1000, assume_scheme="https"
    )
    seen_at = forms.DateTimeField(
        label="Date and time it was seen",
        required=False,
        widget=DateTimeLocalInput(),
        input_formats=[DATETIME_FORMAT, "%Y-%m-%d %H:%M"],
    )
    captured_by = forms.CharField(label="Who captured it", required=False, max_length=200)
    description = forms.CharField(label="Description", required=False, widget=forms.Textarea(attrs={"rows": 3}))
    correction_reason = forms.CharField(
        label="Why is this a correction?", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args: Any, correcting: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["evidence_file"].help_text = accepted_summary()
        if correcting:
            self.fields["correction_reason"].required = True
        else:
            del self.fields["correction_reason"]


class RemovalDraftForm(forms.Form):
    evidence = forms.TypedChoiceField(label="Evidence the letter refers to", coerce=int, required=False, choices=())
    platform = forms.CharField(label="Platform or website", max_length=100)
    url = forms.URLField(label="Address of the material", required=False, max_length=1000, assume_scheme="https")

    def __init__(self, *args: Any, evidence: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["evidence"].choices = [("", "None")] + [
            (e.pk, f"Item {e.pk}: {e.platform or 'no platform'} {e.url}".strip()) for e in evidence
        ]
        first = next((e for e in evidence if e.platform), None)
        if first is not None:
            self.fields["evidence"].initial = first.pk
            self.fields["platform"].initial = first.platform
            self.fields["url"].initial = first.url


class RemovalUpdateForm(forms.Form):
    to_status = forms.ChoiceField(label="New status", widget=forms.RadioSelect, choices=())
    reference = forms.CharField(label="Platform's reference, if any", required=False, max_length=200)
    note = forms.CharField(label="Note", required=False, max_length=500)
    expected_status = forms.CharField(widget=forms.HiddenInput())

    def __init__(self, *args: Any, request_obj: RemovalRequest, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["to_status"].choices = [(s, RemovalRequest.Status(s).label) for s in request_obj.allowed_next()]
        self.fields["expected_status"].initial = request_obj.status
        prefix = f"rr{request_obj.pk}"
        self.prefix = prefix


class NoteForm(forms.Form):
    note = forms.CharField(label="Add a note to the history", widget=forms.Textarea(attrs={"rows": 3}))


class HoldForm(forms.Form):
    reason = forms.CharField(label="Reason", widget=forms.Textarea(attrs={"rows": 2}))


class ReceiptForm(forms.Form):
    code = forms.CharField(
        label="Receipt code", max_length=40, help_text="The code you were given, like ABCD-EFGH-JKLM-NPQR."
    )


class LinkChildForm(forms.Form):
    person = forms.TypedChoiceField(label="The child's record", coerce=int, choices=())

    def __init__(self, *args: Any, pupils: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["person"].choices = [("", "Choose…"), *pupils]
