"""Forms parse input only; every rule of the approval form lives in services.check_details."""

from __future__ import annotations

from typing import Any

from django import forms

from safesocial.accounts.models import User
from safesocial.engine.vocab import CHECKER_ROLES
from safesocial.people.models import School

from . import selectors
from .models import Audience, Hosting, ModerationItem, Site, SiteEvaluation, SiteMember, SiteRequest
from .services import SiteDetails

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
AGE = forms.NumberInput(attrs={"min": 2, "max": 19, "inputmode": "numeric", "class": "short"})


class PersonChoice(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: User) -> str:  # type: ignore[override]
        return str(obj)


class SiteForm(forms.Form):
    """The Walsall Appendix 1 Social Media Site Creation Approval Form, field for field."""

    # The site itself
    name = forms.CharField(
        label="Name of the site", max_length=200, required=False, help_text="For example: Year 6 residential trip blog"
    )
    # Team details
    department = forms.CharField(label="Department", max_length=200, required=False)
    line_manager = forms.ModelChoiceField(
        label="Author's line manager",
        queryset=User.objects.none(),
        required=False,
        empty_label="Choose your line manager",
        help_text="They approve the aims and content first (Walsall 16.2).",
    )
    # Purpose
    aims = forms.CharField(
        label="What are the aims you propose to achieve by setting up this site?",
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        help_text="Say how you will know whether it achieved them (Walsall 14.2, 14.7).",
    )
    content = forms.CharField(
        label="What is the proposed content of the site?", widget=forms.Textarea(attrs={"rows": 4}), required=False
    )
    # Audience
    audience = forms.MultipleChoiceField(
        label="Proposed audience of the site",
        choices=Audience.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text="Tick all that apply (Walsall 14.3).",
    )
    audience_pupil_age_from = forms.IntegerField(
        label="Youngest pupil in the audience (age in years)",
        required=False,
        widget=AGE,
        help_text="Only if pupils of the school are in the audience.",
    )
    audience_pupil_age_to = forms.IntegerField(
        label="Oldest pupil in the audience (age in years)", required=False, widget=AGE
    )
    audience_other_schools = forms.CharField(
        label="Names of the other schools or academies (audience)",
        max_length=500,
        required=False,
        help_text="Only if pupils from other schools are in the audience.",
    )
    audience_other_details = forms.CharField(label="Details of others in the audience", max_length=500, required=False)
    # Contributors
    contributors = forms.MultipleChoiceField(
        label="Proposed contributors to the site",
        choices=Audience.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text="Tick all that apply (Walsall 14.3, 18.1).",
    )
    contributor_pupil_age_from = forms.IntegerField(
        label="Youngest pupil contributor (age in years)",
        required=False,
        widget=AGE,
        help_text="Only if pupils of the school will contribute.",
    )
    contributor_pupil_age_to = forms.IntegerField(
        label="Oldest pupil contributor (age in years)", required=False, widget=AGE
    )
    contributor_other_schools = forms.CharField(
        label="Names of the other schools or academies (contributors)", max_length=500, required=False
    )
    contributor_other_details = forms.CharField(label="Details of other contributors", max_length=500, required=False)
    contributors_learning_disabilities = forms.BooleanField(
        label="Contributors include adults with learning disabilities", required=False
    )
    # Administration
    administrators = PersonChoice(
        label="Administrators",
        queryset=User.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="The site must have at least 2 approved administrators: school staff "
        "or other authorised people (Walsall Appendix 1, 16.1).",
    )
    moderators = PersonChoice(
        label="Moderators",
        queryset=User.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="The site must have at least 2 approved moderators, for cover during leave "
        "and absences (Walsall Appendix 1, 18.4).",
    )
    external_vetting = forms.CharField(
        label="Who will vet external contributors?",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Needed when anyone other than school staff will contribute.",
    )
    hosting = forms.ChoiceField(
        label="Who will host the site?", choices=Hosting.choices, widget=forms.RadioSelect, required=False
    )
    host_name = forms.CharField(
        label="Third-party host name",
        max_length=200,
        required=False,
        help_text="For example the social networking site. Needed if a third party hosts it.",
    )
    platform_minimum_age = forms.IntegerField(
        label="The platform's minimum age for users",
        required=False,
        initial=13,
        widget=forms.NumberInput(attrs={"min": 0, "max": 21, "inputmode": "numeric", "class": "short"}),
        help_text="13 for most third-party platforms; 0 if the school's own system has no limit (Walsall 15.5).",
    )
    go_live_date = forms.DateField(label="Proposed date of going live", widget=DATE, required=False)
    closure_date = forms.DateField(
        label="Proposed date for site closure",
        widget=DATE,
        required=False,
        help_text="Must be after the go-live date (Walsall 14.6: a clear plan of how long the site will last).",
    )
    advertising = forms.CharField(
        label="How do you propose to advertise for external contributors?",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="The headteacher must approve any advertising (Walsall 18.7).",
    )
    consent_plan = forms.CharField(
        label="If contributors include children or adults with learning disabilities, how do you propose to inform "
        "and obtain consent of parents or responsible adults?",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    security_measures = forms.CharField(
        label="What security measures will you take to prevent unwanted or unsuitable individuals from contributing "
        "or becoming 'friends' of the site?",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Walsall 15.6, 18.2 and its note: the safer choice is known people only.",
    )
    # Terms of use and house rules (Walsall 17.1)
    house_rules = forms.CharField(
        label="House rules",
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="One rule a line. Moderators cite the rule a removed item breaks.",
    )
    terms_of_use = forms.CharField(label="Terms of use", required=False, widget=forms.Textarea(attrs={"rows": 4}))

    SECTIONS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
        ("Team details", "Walsall Appendix 1", ("name", "department", "line_manager")),
        ("Purpose of setting up the site", "Walsall 14.2, 16.5", ("aims", "content")),
        (
            "Proposed audience of the site",
            "Walsall 14.3, 15.5",
            (
                "audience",
                "audience_pupil_age_from",
                "audience_pupil_age_to",
                "audience_other_schools",
                "audience_other_details",
            ),
        ),
        (
            "Proposed contributors to the site",
            "Walsall 14.3, 18.1",
            (
                "contributors",
                "contributor_pupil_age_from",
                "contributor_pupil_age_to",
                "contributor_other_schools",
                "contributor_other_details",
                "contributors_learning_disabilities",
            ),
        ),
        (
            "Administration of the site",
            "Walsall Appendix 1, 16.1, 18.4",
            (
                "administrators",
                "moderators",
                "external_vetting",
                "hosting",
                "host_name",
                "platform_minimum_age",
                "go_live_date",
                "closure_date",
                "advertising",
                "consent_plan",
                "security_measures",
            ),
        ),
        ("Terms of use and house rules", "Walsall 17.1", ("house_rules", "terms_of_use")),
    )

    def __init__(self, *args: Any, school: School, author: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.school = school
        managers = selectors.line_managers_for(school=school, author=author)
        self.fields["line_manager"].queryset = User.objects.filter(pk__in=[u.pk for u in managers])
        self.fields["line_manager"].choices = [("", "Choose your line manager")] + [(u.pk, str(u)) for u in managers]
        team = selectors.eligible_team(school=school)
        self.fields["administrators"].queryset = team
        self.fields["moderators"].queryset = team

    @classmethod
    def initial_from(cls, site: Site) -> dict[str, Any]:
        details = SiteDetails.from_site(site)
        data = {name: getattr(details, name) for name in SiteDetails.field_names()}
        data["line_manager"] = site.line_manager_id
        data["administrators"] = [u.pk for u in details.administrators]
        data["moderators"] = [u.pk for u in details.moderators]
        return data

    def sections(self) -> list[dict[str, Any]]:
        return [{"title": t, "cite": c, "fields": [self[name] for name in names]} for t, c, names in self.SECTIONS]

    def details(self) -> SiteDetails:
        """What was entered, as the service's input (fields that did not parse are left empty)."""
        cd = getattr(self, "cleaned_data", {})
        lists = ("administrators", "moderators", "audience", "contributors")
        optional = ("line_manager", "go_live_date", "closure_date", "platform_minimum_age")
        kwargs: dict[str, Any] = {}
        for name in SiteDetails.field_names():
            value = cd.get(name)
            if name in lists:
                value = list(value or [])
            elif name == "contributors_learning_disabilities":
                value = bool(value)
            elif name in optional or name.endswith(("_from", "_to")):
                value = value if value != "" else None
            else:
                value = value or ""
            kwargs[name] = value
        return SiteDetails(**kwargs)

    def add_rule_errors(self, errors: dict[str, list[str]]) -> None:
        for name, messages in errors.items():
            target = name if name in self.fields else None
            if target and target in self.errors:
                continue  # the field already says what is wrong with what was typed
            for message in messages:
                self.add_error(target, message)


class TransitionForm(forms.Form):
    action = forms.CharField(max_length=30)
    expected_status = forms.CharField(max_length=30)
    reason = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 3}))


class CloseForm(forms.Form):
    achieved = forms.ChoiceField(
        label="Did the site achieve its aims?", choices=SiteEvaluation.Achieved.choices, widget=forms.RadioSelect
    )
    evidence = forms.CharField(
        label="How do you know? What happened against each aim?", widget=forms.Textarea(attrs={"rows": 4})
    )
    lessons = forms.CharField(
        label="What would you do differently next time?", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class MemberForm(forms.Form):
    user = forms.ModelChoiceField(label="Person", queryset=User.objects.none(), empty_label="Choose a person")
    role = forms.ChoiceField(label="As", choices=SiteMember.Role.choices, widget=forms.RadioSelect)

    def __init__(self, *args: Any, school: School, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = selectors.eligible_team(school=school)


class AwayForm(forms.Form):
    away_until = forms.DateField(label="Away until (leave empty when they are back)", widget=DATE, required=False)


class ManualItemForm(forms.Form):
    kind = forms.ChoiceField(
        label="Kind", choices=ModerationItem.Kind.choices, widget=forms.RadioSelect, initial=ModerationItem.Kind.COMMENT
    )
    author_role = forms.ChoiceField(
        label="Who wrote it", choices=[(r, r.capitalize()) for r in CHECKER_ROLES], initial="parent"
    )
    author_name = forms.CharField(label="Author's name or handle", max_length=200, required=False)
    external_id = forms.CharField(
        label="The platform's id for it",
        max_length=200,
        required=False,
        help_text="If it has one; the same id cannot be entered twice.",
    )
    text = forms.CharField(label="Text of the post or comment", widget=forms.Textarea(attrs={"rows": 5}))


class ItemActionForm(forms.Form):
    action = forms.CharField(max_length=30)
    expected_status = forms.CharField(max_length=30)
    rule_number = forms.IntegerField(required=False)
    note = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 3}))
    reference = forms.CharField(required=False, max_length=200)


class SiteRequestForm(forms.Form):
    kind = forms.ChoiceField(label="What is it?", choices=SiteRequest.Kind.choices, widget=forms.RadioSelect)
    subject = forms.CharField(
        label="Who or what it is about",
        max_length=200,
        help_text="The media outlet, the external organisation, or where you would advertise.",
    )
    details = forms.CharField(label="Details", widget=forms.Textarea(attrs={"rows": 4}))


class RequestDecisionForm(forms.Form):
    decision = forms.ChoiceField(choices=[("approved", "Approve"), ("declined", "Decline")])
    expected_status = forms.CharField(max_length=10)
    reasons = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 2}))
