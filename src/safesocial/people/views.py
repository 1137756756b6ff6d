"""Upload page for a school directory import."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from safesocial.accounts.permissions import require_perm, schools_for
from safesocial.engine.errors import DirectoryError

from .importing import import_directory, read_uploaded
from .models import School

MAX_BYTES = 20 * 1024 * 1024


class ImportForm(forms.Form):
    school = forms.ChoiceField(label="School")
    people = forms.FileField(label="people.csv", help_text="The people export from your MIS (UTF-8 CSV with a header row)")
    relationships = forms.FileField(label="relationships.csv", required=False,
                                    help_text="Contact-pupil links: contact_id, pupil_id, relationship, parental_responsibility, priority")
    school_yaml = forms.FileField(label="school.yaml", required=False,
                                  help_text="The school's names, aliases, e-mail domains and official accounts")
    dry_run = forms.BooleanField(label="Check the files only; change nothing", required=False)

    def __init__(self, *args: object, schools: list[School], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["school"].choices = [(s.slug, s.name) for s in schools]

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        for name in ("people", "relationships", "school_yaml"):
            f = data.get(name)
            if f is not None and f.size > MAX_BYTES:
                self.add_error(name, f"{f.name} is larger than {MAX_BYTES // (1024 * 1024)} MB.")
        return data


@login_required
def import_people(request: HttpRequest) -> HttpResponse:
    schools = schools_for(request.user, "people.import")
    if not schools:
        raise PermissionDenied("You cannot import people.")
    form = ImportForm(request.POST or None, request.FILES or None, schools=schools)
    report = None
    if request.method == "POST" and form.is_valid():
        school = School.objects.get(slug=form.cleaned_data["school"])
        require_perm(request.user, "people.import", school)
        try:
            directory = read_uploaded(
                form.cleaned_data["school_yaml"].read() if form.cleaned_data["school_yaml"] else None,
                form.cleaned_data["people"].read(),
                form.cleaned_data["relationships"].read() if form.cleaned_data["relationships"] else None,
            )
            if not form.cleaned_data["school_yaml"]:
                from dataclasses import replace

                from safesocial.engine.directory import SchoolInfo

                directory = replace(directory, school=SchoolInfo(
                    name=school.name, aliases=tuple(school.aliases), email_domains=tuple(school.email_domains),
                    website=school.website,
                    social_accounts=tuple(tuple(a.split(":", 1)) for a in school.social_accounts),  # type: ignore[misc]
                ))
        except DirectoryError as exc:
            form.add_error(None, f"{exc.message}. Nothing was changed.")
        else:
            report = import_directory(school=school, directory=directory, actor=request.user,
                                      dry_run=form.cleaned_data["dry_run"])
            if report.ok:
                messages.success(request, report.summary())
    return render(request, "people/import.html", {"form": form, "report": report})
