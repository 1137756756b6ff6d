from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone

from safesocial.engine.packs import builtin_pack_ids, load_pack

from .models import PolicyReview


class AdoptForm(forms.Form):
    """Adopt a pack: the fields for its options and placeholders are added from the pack itself."""

    label = forms.CharField(label="Version label", max_length=40, help_text="For example 2026.1")
    effective_from = forms.DateField(label="Effective from", widget=forms.DateInput(attrs={"type": "date"}))
    owner = forms.CharField(label="Policy owner", max_length=200, help_text="Who is responsible for this policy")
    next_review = forms.DateField(label="Next review date", widget=forms.DateInput(attrs={"type": "date"}),
                                  required=False, help_text="Leave blank for one year after the effective date")
    ratified_by = forms.CharField(label="Ratified by", max_length=200, required=False,
                                  help_text="For example: Full governing board")
    ratified_on = forms.DateField(label="Ratified on", widget=forms.DateInput(attrs={"type": "date"}), required=False)

    def __init__(self, *args: Any, pack_id: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.pack = load_pack(pack_id)
        for option in self.pack.options:
            self.fields[f"option__{option.id}"] = forms.ChoiceField(
                label=option.title, choices=[(c.id, c.title) for c in option.choices], initial=option.default,
                widget=forms.RadioSelect,
            )
        for ph in self.pack.placeholders:
            self.fields[f"value__{ph.id}"] = forms.CharField(
                label=ph.prompt, initial=ph.default, required=False, max_length=500,
                help_text=f"Replaces {ph.token} in the policy text",
            )

    def choices(self) -> dict[str, str]:
        return {k.split("__", 1)[1]: v for k, v in self.cleaned_data.items() if k.startswith("option__")}

    def values(self) -> dict[str, str]:
        return {k.split("__", 1)[1]: v for k, v in self.cleaned_data.items() if k.startswith("value__") and v}


class PackChoiceForm(forms.Form):
    pack = forms.ChoiceField(label="Model policy", choices=())
    school = forms.ChoiceField(label="School", choices=())

    def __init__(self, *args: Any, schools: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["pack"].choices = [(pid, f"{load_pack(pid).title} ({pid})") for pid in builtin_pack_ids()]
        self.fields["school"].choices = [(s.slug, s.name) for s in schools]


class ReviewForm(forms.Form):
    reviewed_on = forms.DateField(label="Date of the review", widget=forms.DateInput(attrs={"type": "date"}),
                                  initial=timezone.localdate)
    reviewed_by_body = forms.CharField(label="Reviewed by", max_length=200, required=False,
                                       help_text="For example: Full governing board")
    outcome = forms.ChoiceField(label="Outcome", choices=PolicyReview.Outcome.choices, widget=forms.RadioSelect)
    changes = forms.CharField(label="What changed, or needs to change", widget=forms.Textarea, required=False)
    next_review = forms.DateField(label="Next review date", widget=forms.DateInput(attrs={"type": "date"}))
