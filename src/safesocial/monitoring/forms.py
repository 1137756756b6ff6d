from __future__ import annotations

from datetime import timedelta
from typing import Any

from django import forms
from django.utils import timezone


class ReportForm(forms.Form):
    school = forms.ChoiceField(label="School")
    start = forms.DateField(label="From", widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.DateField(label="To", widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args: Any, schools: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["school"].choices = [(s.slug, s.name) for s in schools]
        today = timezone.localdate()
        self.fields["start"].initial = today - timedelta(days=30)
        self.fields["end"].initial = today

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("start") and data.get("end") and data["end"] < data["start"]:
            self.add_error("end", "The end of the period must be on or after its start.")
        return data


class UploadForm(forms.Form):
    school = forms.ChoiceField(label="School")
    logs = forms.FileField(label="Log file",
                           help_text="Squid access.log (native, common or combined) or FortiGate web filter log; .gz accepted")

    def __init__(self, *args: Any, schools: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["school"].choices = [(s.slug, s.name) for s in schools]


class ScheduleForm(forms.Form):
    hours = forms.CharField(label="Working hours (Monday to Friday)", help_text="For example 08:30-16:00", max_length=11)
    breaks = forms.CharField(label="Official breaks", required=False, max_length=200,
                             help_text="Comma-separated, for example 10:30-10:45,12:00-13:00")
    own_device_networks = forms.CharField(label="Networks for staff's own devices", required=False, max_length=500,
                                          help_text="Comma-separated IP ranges, for example 10.20.0.0/16 (guest Wi-Fi)")
