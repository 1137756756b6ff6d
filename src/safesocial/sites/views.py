"""Site pages: the approval form and workflow, the register, the moderation queue, site requests.

Views parse input, call one service or selector, and render. Refusals are shown as a message (or,
when permission is missing, a 403 page that says why); a refused action changes nothing.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from safesocial.accounts.permissions import has_perm, schools_for
from safesocial.people.models import School

from . import selectors, services
from .forms import (
    AwayForm,
    CloseForm,
    ItemActionForm,
    ManualItemForm,
    MemberForm,
    RequestDecisionForm,
    SiteForm,
    SiteRequestForm,
    TransitionForm,
)
from .models import ModerationItem, Site, SiteMember, SiteRequest


def refused(request: HttpRequest, exc: Exception, back: str | None = None) -> HttpResponse:
    message = exc.args[0] if exc.args else "You do not have permission to do this."
    return render(request, "sites/refused.html", {"message": message, "back": back}, status=403)


def _message(exc: services.SiteError) -> str:
    return " ".join(exc.messages)


def _site(request: HttpRequest, site_id: int) -> Site:
    try:
        return selectors.access_site(user=request.user, site_id=site_id)
    except Site.DoesNotExist:
        raise Http404("No such site") from None


# ----------------------------------------------------------------------------- the register


@login_required
def register(request: HttpRequest) -> HttpResponse:
    user = request.user
    sites = list(selectors.register_for(user=user))
    for s in sites:
        s.cover_count = len(selectors.active_moderators(s)) if s.status != Site.Status.CLOSED else 0
    return render(
        request,
        "sites/register.html",
        {
            "sites": sites,
            "min_moderators": services.MIN_MODERATORS,
            "my_requests": selectors.requests_by(user=user),
            "awaiting": selectors.awaiting_decision_by(user=user),
            "moderated": selectors.moderated_by(user=user),
            "escalations": selectors.escalations_for(user=user),
            "pending_requests": selectors.pending_requests_for(user=user),
            "request_schools": schools_for(user, "sites.request"),
            "can_see_register": bool(schools_for(user, "sites.view_register")),
        },
    )


@login_required
def new(request: HttpRequest) -> HttpResponse:
    schools = schools_for(request.user, "sites.request")
    if not schools:
        return refused(request, PermissionDenied("You cannot request a school social media site."))
    slug = request.GET.get("school") or (schools[0].slug if len(schools) == 1 else "")
    if not slug:
        return render(request, "sites/choose_school.html", {"schools": schools})
    school = get_object_or_404(School, slug=slug)
    if school not in schools:
        return refused(request, PermissionDenied(f"You cannot request a site for {school}."))
    form = SiteForm(request.POST or None, school=school, author=request.user)
    if request.method == "POST":
        valid = form.is_valid()
        details = form.details()
        if valid:
            try:
                site = services.site_create(school=school, details=details, actor=request.user)
            except services.FormErrors as exc:
                form.add_rule_errors(exc.errors)
            except PermissionDenied as exc:
                return refused(request, exc)
            else:
                messages.success(request, f"Draft saved. Check it, then submit “{site.name}” for approval.")
                return redirect("sites:detail", site_id=site.pk)
        else:
            form.add_rule_errors(services.check_details(school=school, details=details, author=request.user))
    return render(request, "sites/form.html", {"form": form, "school": school})


@login_required
def edit(request: HttpRequest, site_id: int) -> HttpResponse:
    site = _site(request, site_id)
    if site.author_id != request.user.pk:
        return refused(request, PermissionDenied("Only the author of a site request can edit it."), back=site)
    if site.status not in Site.EDITABLE:
        messages.error(request, f"A request that is “{site.get_status_display()}” cannot be edited.")
        return redirect("sites:detail", site_id=site.pk)
    if request.method == "POST":
        form = SiteForm(request.POST, school=site.school, author=request.user)
        valid = form.is_valid()
        details = form.details()
        if valid:
            try:
                services.site_update(
                    site=site,
                    details=details,
                    actor=request.user,
                    expected_status=request.POST.get("expected_status") or None,
                )
            except services.FormErrors as exc:
                form.add_rule_errors(exc.errors)
            except services.SiteError as exc:
                form.add_error(None, _message(exc))
            else:
                messages.success(request, "Changes saved.")
                return redirect("sites:detail", site_id=site.pk)
        else:
            form.add_rule_errors(
                services.check_details(school=site.school, details=details, author=request.user, site=site)
            )
    else:
        form = SiteForm(initial=SiteForm.initial_from(site), school=site.school, author=request.user)
    return render(request, "sites/form.html", {"form": form, "school": site.school, "site": site})


@login_required
def detail(request: HttpRequest, site_id: int) -> HttpResponse:
    site = _site(request, site_id)
    user = request.user
    is_manager = selectors.is_site_manager(user=user, site=site)
    return render(
        request,
        "sites/detail.html",
        {
            "site": site,
            "school": site.school,
            "administrators": selectors.members(site, SiteMember.Role.ADMINISTRATOR),
            "moderators": selectors.members(site, SiteMember.Role.MODERATOR),
            "active_moderators": selectors.active_moderators(site),
            "min_moderators": services.MIN_MODERATORS,
            "approvals": site.approvals.select_related("actor"),
            "activity": site.activity.filter(item__isnull=True).select_related("actor"),
            "actions": [(a, s) for a, s in services.allowed_site_actions(site, user) if a != "close"],
            "can_close": any(a == "close" for a, _ in services.allowed_site_actions(site, user)),
            "is_author": site.author_id == user.pk,
            "is_manager": is_manager,
            "is_moderator": selectors.is_site_moderator(user=user, site=site),
            "requests": site.requests.select_related("requested_by", "decided_by"),
            "can_decide_requests": has_perm(user, "sites.approve_headteacher", site.school),
            "member_form": MemberForm(school=site.school) if is_manager else None,
            "request_form": SiteRequestForm() if site.status in (Site.Status.APPROVED, Site.Status.LIVE) else None,
            "evaluation": getattr(site, "evaluation", None),
        },
    )


@login_required
@require_POST
def transition(request: HttpRequest, site_id: int) -> HttpResponse:
    site = _site(request, site_id)
    form = TransitionForm(request.POST)
    if not form.is_valid():
        messages.error(request, "The request could not be read. Nothing was changed.")
        return redirect("sites:detail", site_id=site.pk)
    data = form.cleaned_data
    if data["action"] == "close":
        return redirect("sites:close", site_id=site.pk)
    try:
        site = services.site_transition(
            site=site,
            action=data["action"],
            actor=request.user,
            expected_status=data["expected_status"],
            reason=data["reason"],
        )
    except PermissionDenied as exc:
        return refused(request, exc, back=site)
    except services.FormErrors as exc:
        messages.error(request, "The form has problems; edit it before submitting: " + " ".join(exc.messages))
    except services.SiteError as exc:
        messages.error(request, _message(exc))
    else:
        messages.success(request, f"Done: “{site.name}” is now {site.get_status_display().lower()}.")
    return redirect("sites:detail", site_id=site.pk)


@login_required
def close(request: HttpRequest, site_id: int) -> HttpResponse:
    site = _site(request, site_id)
    form = CloseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.site_transition(
                site=site,
                action="close",
                actor=request.user,
                expected_status=request.POST.get("expected_status"),
                evaluation=services.Evaluation(**form.cleaned_data),
            )
        except PermissionDenied as exc:
            return refused(request, exc, back=site)
        except services.SiteError as exc:
            form.add_error(None, _message(exc))
        else:
            messages.success(request, f"“{site.name}” is closed and its evaluation recorded.")
            return redirect("sites:detail", site_id=site.pk)
    return render(request, "sites/close.html", {"site": site, "form": form})


@login_required
@require_POST
def token(request: HttpRequest, site_id: int) -> HttpResponse:
    site = _site(request, site_id)
    try:
        value = services.site_token_generate(site=site, actor=request.user)
    except PermissionDenied as exc:
        return refused(request, exc, back=site)
    except services.SiteError as exc:
        messages.error(request, _message(exc))
        return redirect("sites:detail", site_id=site.pk)
    response = render(
        request,
        "sites/token.html",
        {"site": site, "token": value, "endpoint": request.build_absolute_uri(f"/sites/api/v1/sites/{site.pk}/items")},
    )
    response["Cache-Control"] = "no-store"
    return response


@login_required
@require_POST
def members(request: HttpRequest, site_id: int) -> HttpResponse:
    site = _site(request, site_id)
    op = request.POST.get("op")
    try:
        if op == "add":
            form = MemberForm(request.POST, school=site.school)
            if not form.is_valid():
                messages.error(request, "Choose a person and a role. Nothing was changed.")
                return redirect("sites:detail", site_id=site.pk)
            services.site_member_add(
                site=site, user=form.cleaned_data["user"], role=form.cleaned_data["role"], actor=request.user
            )
            messages.success(request, f"{form.cleaned_data['user']} added.")
        elif op in ("remove", "away"):
            member = get_object_or_404(SiteMember, pk=request.POST.get("member"), site=site)
            if op == "remove":
                services.site_member_remove(site=site, user=member.user, role=member.role, actor=request.user)
                messages.success(request, f"{member.user} removed.")
            else:
                away = AwayForm(request.POST)
                if not away.is_valid():
                    messages.error(request, "Enter the date as YYYY-MM-DD. Nothing was changed.")
                    return redirect("sites:detail", site_id=site.pk)
                services.site_member_set_away(
                    site=site, user=member.user, away_until=away.cleaned_data["away_until"], actor=request.user
                )
                messages.success(request, f"Leave recorded for {member.user}.")
        else:
            messages.error(request, "Unknown change. Nothing was changed.")
    except PermissionDenied as exc:
        return refused(request, exc, back=site)
    except services.SiteError as exc:
        messages.error(request, _message(exc))
    return redirect("sites:detail", site_id=site.pk)


# ----------------------------------------------------------------------------- moderation


@login_required
def queue(request: HttpRequest, site_id: int) -> HttpResponse:
    site = _site(request, site_id)
    try:
        items = selectors.queue_for(user=request.user, site=site)
    except PermissionDenied as exc:
        return refused(request, exc, back=site)
    return render(request, "sites/queue.html", {"site": site, **items})


@login_required
def item_new(request: HttpRequest, site_id: int) -> HttpResponse:
    site = _site(request, site_id)
    if not selectors.is_site_moderator(user=request.user, site=site):
        return refused(request, PermissionDenied("Only this site's moderators can enter items."), back=site)
    form = ManualItemForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            item = services.moderation_receive(
                site=site, source=ModerationItem.Source.MANUAL, actor=request.user, **form.cleaned_data
            )
        except services.DuplicateItem as exc:
            form.add_error("external_id", _message(exc))
        except services.SiteError as exc:
            form.add_error(None, _message(exc))
        except PermissionDenied as exc:
            return refused(request, exc, back=site)
        else:
            messages.success(request, f"Item {item.pk} is judged and queued ({item.get_status_display().lower()}).")
            return redirect("sites:queue", site_id=site.pk)
    return render(request, "sites/item_new.html", {"site": site, "form": form})


def _item(request: HttpRequest, site: Site, item_id: int) -> ModerationItem:
    try:
        return selectors.access_item(user=request.user, site=site, item_id=item_id)
    except ModerationItem.DoesNotExist:
        raise Http404("No such item") from None


@login_required
def item(request: HttpRequest, site_id: int, item_id: int) -> HttpResponse:
    site = _site(request, site_id)
    obj = _item(request, site, item_id)
    if request.method == "POST":
        form = ItemActionForm(request.POST)
        if not form.is_valid():
            messages.error(request, "The request could not be read. Nothing was changed.")
            return redirect("sites:item", site_id=site.pk, item_id=obj.pk)
        data = form.cleaned_data
        try:
            obj = services.moderation_transition(
                item=obj,
                action=data["action"],
                actor=request.user,
                expected_status=data["expected_status"],
                rule_number=data["rule_number"],
                note=data["note"],
                reference=data["reference"],
            )
        except PermissionDenied as exc:
            return refused(request, exc, back=site)
        except services.SiteError as exc:
            messages.error(request, _message(exc))
        else:
            messages.success(request, f"Item {obj.pk}: {obj.get_status_display().lower()}.")
            if obj.status not in ModerationItem.OPEN and selectors.is_site_moderator(user=request.user, site=site):
                return redirect("sites:queue", site_id=site.pk)
        return redirect("sites:item", site_id=site.pk, item_id=obj.pk)
    return render(
        request,
        "sites/item.html",
        {
            "site": site,
            "item": obj,
            "actions": services.allowed_item_actions(obj, request.user),
            "rules": list(enumerate(site.rules, start=1)),
            "activity": obj.activity.select_related("actor"),
            "is_dsl": has_perm(request.user, "sites.handle_escalations", site.school),
            "is_moderator": selectors.is_site_moderator(user=request.user, site=site),
        },
    )


@login_required
def item_content(request: HttpRequest, site_id: int, item_id: int) -> HttpResponse:
    site = _site(request, site_id)
    obj = _item(request, site, item_id)
    try:
        text = selectors.access_sealed_content(user=request.user, item=obj)
    except PermissionDenied as exc:
        return refused(request, exc, back=site)
    response = render(request, "sites/item_content.html", {"site": site, "item": obj, "text": text})
    response["Cache-Control"] = "no-store"
    return response


@login_required
def escalations(request: HttpRequest) -> HttpResponse:
    if not schools_for(request.user, "sites.handle_escalations"):
        return refused(request, PermissionDenied("Only designated safeguarding leads see escalated site items."))
    return render(request, "sites/escalations.html", {"items": selectors.escalations_for(user=request.user)})


# ----------------------------------------------------------------------------- site requests


@login_required
@require_POST
def request_new(request: HttpRequest, site_id: int) -> HttpResponse:
    site = _site(request, site_id)
    form = SiteRequestForm(request.POST)
    if not form.is_valid():
        messages.error(
            request, "Say what kind of request it is, who or what it is about, and the details. Nothing was sent."
        )
        return redirect("sites:detail", site_id=site.pk)
    try:
        req = services.site_request_create(site=site, actor=request.user, **form.cleaned_data)
    except PermissionDenied as exc:
        return refused(request, exc, back=site)
    except services.SiteError as exc:
        messages.error(request, _message(exc))
    else:
        messages.success(request, f"Sent to the headteacher: {req.get_kind_display()}.")
    return redirect("sites:detail", site_id=site.pk)


@login_required
@require_POST
def request_decide(request: HttpRequest, site_id: int, request_id: int) -> HttpResponse:
    site = _site(request, site_id)
    req = get_object_or_404(SiteRequest, pk=request_id, site=site)
    form = RequestDecisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, "The decision could not be read. Nothing was changed.")
        return redirect("sites:detail", site_id=site.pk)
    try:
        services.site_request_decide(
            request=req,
            actor=request.user,
            decision=form.cleaned_data["decision"],
            reasons=form.cleaned_data["reasons"],
            expected_status=form.cleaned_data["expected_status"],
        )
    except PermissionDenied as exc:
        return refused(request, exc, back=site)
    except services.SiteError as exc:
        messages.error(request, _message(exc))
    else:
        messages.success(request, "Decision recorded.")
    return redirect("sites:detail", site_id=site.pk)
