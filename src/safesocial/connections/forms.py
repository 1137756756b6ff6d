from __future__ import annotations

from typing import Any

from django import forms

from safesocial.engine.matching.exports import PLATFORM_TITLES, PLATFORMS

from .models import Declaration

PLATFORM_CHOICES = [("auto", "Work it out from the file"), *((p, PLATFORM_TITLES[p]) for p in PLATFORMS)]


class UploadForm(forms.Form):
    export = forms.FileField(
        label="Your export file",
        allow_empty_file=True,  # the audit explains an empty file itself (E403) and keeps nothing
        help_text="The ZIP the platform gave you, or the friends or followers file inside it.",
    )
    platform = forms.ChoiceField(label="Platform", choices=PLATFORM_CHOICES, initial="auto")

    def __init__(self, *args: Any, schools: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.schools = {str(s.pk): s for s in schools}
        if len(schools) > 1:
            self.fields["school"] = forms.ChoiceField(
                label="School",
                choices=[(str(s.pk), s.name) for s in schools],
                help_text="Your connections are checked against this school's policy and directory.",
            )

    def school(self) -> Any:
        if "school" in self.fields:
            return self.schools[self.cleaned_data["school"]]
        return next(iter(self.schools.values()))


class DeclarationForm(forms.Form):
    kind = forms.ChoiceField(
        label="How do you know this person?", choices=Declaration.Kind.choices, widget=forms.RadioSelect
    )
    reason = forms.CharField(
        label="Tell your headteacher a little more",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="For example: she is my sister-in-law; or: we have been friends since before her child joined.",
    )


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        choices=[(Declaration.Status.ACKNOWLEDGED, "Acknowledge"), (Declaration.Status.DECLINED, "Decline")]
    )
    note = forms.CharField(
        label="Note to the member of staff", max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
