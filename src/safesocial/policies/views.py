"""Policy pages: read, acknowledge, adopt, publish, review, the acknowledgement dashboard."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from safesocial.accounts.permissions import has_perm, require_perm, schools_for
from safesocial.people.models import School

from . import selectors, services
from .forms import AdoptForm, PackChoiceForm, ReviewForm
from .models import Acknowledgement, PolicyVersion
from .rendering import render_pdf, version_context


def _version(request: HttpRequest, version_id: int) -> PolicyVersion:
    try:
        return selectors.access_version(user=request.user, version_id=version_id)
    except PolicyVersion.DoesNotExist:
        raise Http404("No such policy version") from None


@login_required
def policy_list(request: HttpRequest) -> HttpResponse:
    versions = selectors.versions_visible_to(user=request.user).order_by("school__name", "-effective_from")
    can_adopt = bool(schools_for(request.user, "policies.adopt"))
    return render(request, "policies/list.html", {"versions": versions, "can_adopt": can_adopt})


@login_required
def detail(request: HttpRequest, version_id: int) -> HttpResponse:
    version = _version(request, version_id)
    ctx = version_context(version)
    ctx["acknowledged"] = Acknowledgement.objects.filter(version=version, user=request.user).first()
    ctx["binds_me"] = selectors.binds_user(version=version, user=request.user)
    ctx["can_publish"] = version.status == "draft" and has_perm(request.user, "policies.publish", version.school)
    ctx["can_review"] = version.status == "published" and has_perm(request.user, "policies.review", version.school)
    ctx["reviews"] = version.reviews.order_by("-reviewed_on")
    return render(request, "policies/detail.html", ctx)


@login_required
def detail_pdf(request: HttpRequest, version_id: int) -> HttpResponse:
    version = _version(request, version_id)
    response = HttpResponse(render_pdf(version), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{version.school.slug}-social-networking-policy-{version.label}.pdf"'
    return response


@login_required
def acknowledge(request: HttpRequest, version_id: int) -> HttpResponse:
    version = _version(request, version_id)
    existing = Acknowledgement.objects.filter(version=version, user=request.user).first()
    if request.method == "POST":
        if request.POST.get("confirm") != "yes":
            messages.error(request, "Tick the box to confirm you have read and understood the policy.")
        else:
            try:
                services.policy_acknowledge(version=version, actor=request.user)
            except services.PolicyError as exc:
                messages.error(request, exc.messages[0])
            else:
                messages.success(request, f"Thank you. Your acknowledgement of version {version.label} is recorded.")
                return redirect("home")
    return render(request, "policies/acknowledge.html",
                  {**version_context(version), "existing": existing, "statement": Acknowledgement.STATEMENT,
                   "binds_me": selectors.binds_user(version=version, user=request.user)})


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    schools = schools_for(request.user, "policies.view_acknowledgements")
    if not schools:
        raise PermissionDenied("Only leaders can see the acknowledgement dashboard.")
    rows = selectors.acknowledgement_dashboard(user=request.user)
    totals = {"bound": sum(r["bound"] for r in rows), "acknowledged": sum(len(r["acknowledged"]) for r in rows)}
    return render(request, "policies/dashboard.html", {"rows": rows, "totals": totals})


@login_required
def adopt_start(request: HttpRequest) -> HttpResponse:
    schools = schools_for(request.user, "policies.adopt")
    if not schools:
        raise PermissionDenied("You cannot adopt policies.")
    form = PackChoiceForm(request.GET or None, schools=schools)
    if request.GET and form.is_valid():
        return redirect("policies:adopt", school=form.cleaned_data["school"], pack_id=form.cleaned_data["pack"])
    return render(request, "policies/adopt_start.html", {"form": form})


@login_required
def adopt(request: HttpRequest, school: str, pack_id: str) -> HttpResponse:
    school_obj = get_object_or_404(School, slug=school)
    require_perm(request.user, "policies.adopt", school_obj)
    try:
        form = AdoptForm(request.POST or None, pack_id=pack_id)
    except Exception:  # unknown pack id
        raise Http404("No such policy pack") from None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            version = services.policy_adopt(
                school=school_obj, pack_id=pack_id, label=data["label"], effective_from=data["effective_from"],
                owner=data["owner"], next_review=data["next_review"], choices=form.choices(), values=form.values(),
                ratified_by=data["ratified_by"], ratified_on=data["ratified_on"], actor=request.user,
            )
        except services.PolicyError as exc:
            form.add_error(None, exc.messages[0])
        else:
            messages.success(request, "Draft version created. Check it, then publish it.")
            return redirect("policies:detail", version_id=version.pk)
    return render(request, "policies/adopt.html", {"form": form, "school": school_obj, "pack": form.pack})


@login_required
@require_POST
def publish(request: HttpRequest, version_id: int) -> HttpResponse:
    version = _version(request, version_id)
    try:
        services.policy_publish(version=version, actor=request.user)
    except services.PolicyError as exc:
        messages.error(request, exc.messages[0])
    else:
        messages.success(request, f"Version {version.label} is published and in force from {version.effective_from:%d %B %Y}.")
    return redirect("policies:detail", version_id=version.pk)


@login_required
def review(request: HttpRequest, version_id: int) -> HttpResponse:
    version = _version(request, version_id)
    require_perm(request.user, "policies.review", version.school)
    form = ReviewForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.policy_review(version=version, actor=request.user, **form.cleaned_data)
        except services.PolicyError as exc:
            form.add_error(None, exc.messages[0])
        else:
            messages.success(request, "Review recorded.")
            return redirect("policies:detail", version_id=version.pk)
    return render(request, "policies/review.html", {"form": form, "version": version})


@login_required
@require_POST
def remind(request: HttpRequest, version_id: int) -> HttpResponse:
    version = _version(request, version_id)
    counts = services.send_reminders(school=version.school, actor=request.user)
    messages.success(request, f"Sent {counts['acknowledge']} acknowledgement reminder(s).")
    return redirect("policies:dashboard")
