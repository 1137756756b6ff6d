"""Forms of the checker: the check form and the new-token form."""

from __future__ import annotations

from typing import Any

from django import forms

from .judging import CHANNEL_LABELS, KIND_LABELS, MAX_TEXT_CHARS, ROLE_LABELS


class DescribedForm(forms.Form):
    """Point each input's aria-describedby at the hint and error ids that includes/field.html renders."""

    def _describe(self) -> None:
        for name, field in self.fields.items():
            if isinstance(field.widget, forms.HiddenInput | forms.RadioSelect):
                continue
            auto_id = self[name].auto_id
            ids = [f"{auto_id}-hint"] if field.help_text else []
            if self.is_bound and self._errors is not None and name in self._errors:
                ids.append(f"{auto_id}-error")
            if ids:
                field.widget.attrs["aria-describedby"] = " ".join(ids)
            else:
                field.widget.attrs.pop("aria-describedby", None)

    def full_clean(self) -> None:
        super().full_clean()
        self._describe()


class CheckForm(DescribedForm):
    """What to check. The text is used once to judge and then discarded."""

    school = forms.ChoiceField(label="School", choices=(), help_text="Whose policy to check against")
    text = forms.CharField(
        label="What do you want to post?",
        max_length=MAX_TEXT_CHARS,
        strip=False,
        help_text=f"Paste or type it here (up to {MAX_TEXT_CHARS:,} characters). It is not saved.",
        widget=forms.Textarea(attrs={"rows": 8, "spellcheck": "true"}),
    )
    kind = forms.ChoiceField(
        label="What is it?", choices=list(KIND_LABELS.items()), initial="post", widget=forms.RadioSelect
    )
    channel = forms.ChoiceField(
        label="Where will it appear?",
        choices=list(CHANNEL_LABELS.items()),
        initial="personal",
        widget=forms.RadioSelect,
    )
    recipient_role = forms.ChoiceField(
        label="Who is the message to?",
        required=False,
        help_text="Only for private or direct messages",
        choices=[("", "Not a message, or someone else")] + [(k, v) for k, v in ROLE_LABELS.items()],
    )
    role = forms.ChoiceField(
        label="Check as",
        choices=(),
        required=False,
        help_text="You hold more than one role; the policy treats them differently",
    )

    def __init__(self, *args: Any, schools: list[Any], roles: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["school"].choices = [(s.slug, s.name) for s in schools]
        if len(schools) <= 1:
            self.fields["school"].widget = forms.HiddenInput()
            if schools:
                self.fields["school"].initial = schools[0].slug
        if len(roles) > 1:
            self.fields["role"].choices = [(r, ROLE_LABELS.get(r, r)) for r in roles]
            self.fields["role"].initial = roles[0]
        else:
            del self.fields["role"]
        self._describe()

    def clean_text(self) -> str:
        text = self.cleaned_data["text"]
        if not text.strip():
            raise forms.ValidationError("Enter the text you want to check.")
        return str(text)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("kind") != "message":
            data["recipient_role"] = ""
        return data


class TokenForm(DescribedForm):
    name = forms.CharField(
        label="Name for this token", max_length=100, help_text="For example the name of the tool that will use it"
    )
    school = forms.ChoiceField(label="School", choices=())

    def __init__(self, *args: Any, schools: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["school"].choices = [(s.slug, s.name) for s in schools]
        if len(schools) == 1:
            self.fields["school"].widget = forms.HiddenInput()
            self.fields["school"].initial = schools[0].slug
        self._describe()

    def clean_name(self) -> str:
        name = str(self.cleaned_data["name"]).strip()
        if not name:
            raise forms.ValidationError("Enter a name for the token.")
        return name
