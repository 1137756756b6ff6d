"""Case pages: report, my reports, receipt check, the handler's case page, evidence, letters, export, reports.

Views parse input, call one selector or service, and render. Cases and evidence are fetched only
through the selectors, which check need-to-know and write the audit event for every view and download.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from safesocial.accounts.permissions import roles_at, schools_for
from safesocial.accounts.roles import ROLE_AUDIENCE
from safesocial.people.models import Person

from . import selectors, services
from .evidence import UploadRefused, open_stored
from .forms import (
    KIND_LABELS,
    KINDS,
    ChooseKindForm,
    EvidenceForm,
    HoldForm,
    LinkChildForm,
    NoteForm,
    ReceiptForm,
    RemovalDraftForm,
    RemovalUpdateForm,
    ReportForm,
    TransitionForm,
    step_form_class,
)
from .models import Case, CaseType, Evidence, RemovalRequest
from .routing import STEP_FIELDS


def _message(exc: ValidationError) -> str:
    return exc.messages[0] if exc.messages else str(exc)


def _case(request: HttpRequest, case_id: int, purpose: str = "view") -> Case:
    try:
        return selectors.access_case(user=request.user, case_id=case_id, purpose=purpose)
    except selectors.CaseNotFound:
        raise Http404("No such case") from None


# ---------------------------------------------------------------- reporting


@login_required
def report(request: HttpRequest) -> HttpResponse:
    """Step 1: choose what happened."""
    if not schools_for(request.user):
        raise PermissionDenied("You need a role at a school to make a report.")
    form = ChooseKindForm(request.GET or None)
    if request.GET and form.is_valid():
        return redirect("cases:report_form", kind=form.cleaned_data["kind"])
    return render(request, "cases/report_start.html", {"form": form, "kinds": KINDS})


@login_required
def report_form(request: HttpRequest, kind: str) -> HttpResponse:
    """Step 2: the details for that kind of report, and evidence."""
    if kind not in KIND_LABELS:
        raise Http404("No such kind of report")
    schools = schools_for(request.user)
    if not schools:
        raise PermissionDenied("You need a role at a school to make a report.")
    people = (
        selectors.person_choices(school=schools[0])
        if len(schools) == 1
        else [p for s in schools for p in selectors.person_choices(school=s)]
    )
    form = ReportForm(
        request.POST or None,
        request.FILES or None,
        kind=kind,
        schools=schools,
        people=people,
        reporter_name=str(request.user),
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        school = next(s for s in schools if str(s.pk) == data["school"])
        audiences = {ROLE_AUDIENCE.get(r, r) for r in roles_at(request.user, school)}
        case_type = form.case_type(audiences)
        subject_user = None
        if data.get("subject"):
            from safesocial.accounts.models import User

            subject_user = User.objects.filter(pk=data["subject"]).first()
        upload = data.get("evidence_file")
        item = services.EvidenceInput(
            upload=upload,
            platform=data.get("platform", ""),
            url=data.get("url", ""),
            seen_at=data.get("seen_at"),
            captured_by=data.get("captured_by", ""),
        )
        has_item = upload is not None or any([item.platform, item.url, item.seen_at])
        try:
            case, receipt = services.case_report(
                school=school,
                case_type=case_type,
                summary=data["summary"],
                actor=request.user,
                subject_user=subject_user,
                subject_description=data.get("subject_description", ""),
                subject_role=data.get("subject_role", ""),
                about_headteacher=bool(data.get("about_headteacher")),
                about_me=data.get("about_me", "me") != "colleague",
                found_where=data.get("found_where", ""),
                found_at=data.get("found_at"),
                evidence=[item] if has_item else [],
            )
        except UploadRefused as exc:
            form.add_error("evidence_file" if "evidence_file" in form.fields else None, _message(exc))
        except services.CaseError as exc:
            field = "evidence_file" if exc.messages and exc.messages[0] == services.SEALED_UPLOAD_REFUSED else None
            form.add_error(field if field in form.fields else None, _message(exc))
        else:
            if receipt:
                request.session["cases_receipt"] = {"code": receipt, "case": case.pk}
                return redirect("cases:receipt_issued")
            return redirect("cases:report_done", case_id=case.pk)
    return render(request, "cases/report_form.html", {"form": form, "kind": kind, "kind_label": KIND_LABELS[kind]})


@login_required
def report_done(request: HttpRequest, case_id: int) -> HttpResponse:
    try:
        case = selectors.access_own_report(user=request.user, case_id=case_id)
    except selectors.CaseNotFound:
        raise Http404("No such report") from None
    return render(request, "cases/report_done.html", selectors.reporter_view(case))


@login_required
@never_cache
def receipt_issued(request: HttpRequest) -> HttpResponse:
    """Shown once, straight after an anonymous report: the receipt code is not kept anywhere."""
    issued = request.session.pop("cases_receipt", None)
    if not issued:
        return redirect("cases:receipt")
    case = selectors.access_by_receipt(code=issued["code"])
    if case is None:
        raise Http404("No such report")
    return render(request, "cases/receipt_issued.html", {"code": issued["code"], **selectors.reporter_view(case)})


@login_required
def receipt(request: HttpRequest) -> HttpResponse:
    form = ReceiptForm(request.POST or None)
    found = None
    if request.method == "POST" and form.is_valid():
        case = selectors.access_by_receipt(code=form.cleaned_data["code"])
        if case is None:
            form.add_error("code", "No report has that receipt code. Check it and try again.")
        else:
            found = selectors.reporter_view(case)
    return render(request, "cases/receipt.html", {"form": form, "found": found})


@login_required
def my_reports(request: HttpRequest) -> HttpResponse:
    return render(request, "cases/my_reports.html", {"reports": selectors.reports_by(user=request.user)})


@login_required
def my_report(request: HttpRequest, case_id: int) -> HttpResponse:
    return report_done(request, case_id)


# ---------------------------------------------------------------- handling


@login_required
def case_list(request: HttpRequest) -> HttpResponse:
    cases = selectors.cases_visible_to(user=request.user).order_by("-reported_at", "-id")
    open_cases = [c for c in cases if not c.is_closed]
    closed = [c for c in cases if c.is_closed]
    can_report = bool(schools_for(request.user, "cases.view_reports"))
    return render(
        request,
        "cases/list.html",
        {
            "open_cases": open_cases,
            "closed_cases": closed,
            "can_see_reports": can_report,
            "my_reports": selectors.reports_by(user=request.user).count(),
        },
    )


def _detail_context(request: HttpRequest, case: Case, **forms: Any) -> dict[str, Any]:
    ctx = selectors.case_page(case=case, user=request.user)
    if ctx["can_act"] and not case.is_closed:
        ctx["transition_form"] = forms.get("transition_form") or (
            TransitionForm(case=case) if case.allowed_next() else None
        )
        ctx["note_form"] = forms.get("note_form") or NoteForm()
        if case.case_type in (CaseType.BULLYING, CaseType.POST_ABOUT_STAFF):
            current = [e for e in ctx["evidence"] if e.pk not in ctx["superseded"]]
            ctx["removal_form"] = forms.get("removal_form") or RemovalDraftForm(evidence=current)
            ctx["removal_updates"] = [
                (r, RemovalUpdateForm(request_obj=r)) for r in ctx["removal_requests"] if r.allowed_next()
            ]
        if case.case_type == CaseType.SAFEGUARDING and case.child_id is None:
            ctx["child_form"] = LinkChildForm(pupils=_pupils(case))
    ctx["hold_form"] = forms.get("hold_form") or HoldForm()
    ctx["can_hold"] = ctx["can_act"]
    return ctx


def _pupils(case: Case) -> list[tuple[int, str]]:
    return [
        (p.pk, f"{p.display_name} (year {p.year_group or '?'})")
        for p in Person.objects.filter(school=case.school, role=Person.Role.PUPIL, leaving_date__isnull=True)
    ]


@login_required
def case_detail(request: HttpRequest, case_id: int) -> HttpResponse:
    case = _case(request, case_id)
    return render(request, "cases/detail.html", _detail_context(request, case))


@login_required
@require_POST
def case_transition(request: HttpRequest, case_id: int) -> HttpResponse:
    case = _case(request, case_id, purpose="transition")
    form = TransitionForm(request.POST, case=case)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.case_transition(
                case=case,
                to_status=data["to_status"],
                reason=data["reason"],
                expected_status=data["expected_status"],
                outcome=data.get("outcome") or "",
                actor=request.user,
            )
        except services.CaseError as exc:
            messages.error(request, _message(exc))
        else:
            messages.success(request, "The case was updated.")
            return redirect("cases:detail", case_id=case.pk)
    elif request.POST.get("expected_status") and request.POST.get("expected_status") != case.status:
        messages.error(request, "Someone else changed this case while you were looking at it. Nothing was changed.")
        return redirect("cases:detail", case_id=case.pk)
    case.refresh_from_db()
    return render(request, "cases/detail.html", _detail_context(request, case, transition_form=form), status=400)


@login_required
def record_step(request: HttpRequest, case_id: int, code: str) -> HttpResponse:
    case = _case(request, case_id, purpose="step")
    step = case.steps.filter(code=code).first()
    if step is None or not STEP_FIELDS.get(code):
        raise Http404("No such step")
    if not services.may_act(request.user, case):
        raise PermissionDenied("You are not a handler of this case.")
    form_class = step_form_class(code)
    form = form_class(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.case_record_step(case=case, code=code, details=form.cleaned_data, actor=request.user)
        except services.CaseError as exc:
            form.add_error(None, _message(exc))
        else:
            messages.success(request, f"Recorded: {step.title}.")
            return redirect("cases:detail", case_id=case.pk)
    hint = next((s.get("hint", "") for s in case.route.get("steps", []) if s["code"] == code), "")
    source = next((s.get("source", "") for s in case.route.get("steps", []) if s["code"] == code), "")
    return render(
        request, "cases/step_form.html", {"case": case, "step": step, "form": form, "hint": hint, "source": source}
    )


@login_required
def add_evidence(request: HttpRequest, case_id: int, evidence_id: int | None = None) -> HttpResponse:
    case = _case(request, case_id, purpose="evidence_add")
    if case.is_sealed:
        messages.error(request, services.SEALED_UPLOAD_REFUSED)
        return redirect("cases:detail", case_id=case.pk)
    if not services.may_act(request.user, case):
        raise PermissionDenied("You are not a handler of this case.")
    correcting = None
    if evidence_id is not None:
        correcting = Evidence.objects.filter(case=case, pk=evidence_id).first()
        if correcting is None:
            raise Http404("No such evidence")
    form = EvidenceForm(request.POST or None, request.FILES or None, correcting=correcting is not None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        item = services.EvidenceInput(
            upload=data.get("evidence_file"),
            platform=data["platform"],
            url=data["url"],
            seen_at=data["seen_at"],
            captured_by=data["captured_by"],
            description=data["description"],
        )
        try:
            services.evidence_attach(
                case=case,
                item=item,
                actor=request.user,
                supersedes=correcting,
                correction_reason=data.get("correction_reason", ""),
            )
        except UploadRefused as exc:
            form.add_error("evidence_file", _message(exc))
        except services.CaseError as exc:
            form.add_error(None, _message(exc))
        else:
            messages.success(request, "Evidence added.")
            return redirect("cases:detail", case_id=case.pk)
    return render(request, "cases/evidence_form.html", {"case": case, "form": form, "correcting": correcting})


@login_required
def download_evidence(request: HttpRequest, case_id: int, evidence_id: int) -> HttpResponse:
    try:
        evidence = selectors.access_evidence(user=request.user, case_id=case_id, evidence_id=evidence_id)
    except selectors.CaseNotFound:
        raise Http404("No such evidence") from None
    except PermissionDenied as exc:
        return render(request, "cases/refused.html", {"message": str(exc)}, status=403)
    response = FileResponse(
        open_stored(evidence.file.name),
        content_type=evidence.content_type,
        as_attachment=True,
        filename=f"{evidence.case.ref}-evidence-{evidence.pk}.{evidence.file.name.rsplit('.', 1)[-1]}",
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "no-store"
    response["X-Evidence-SHA256"] = evidence.sha256
    return response


@login_required
@require_POST
def add_note(request: HttpRequest, case_id: int) -> HttpResponse:
    case = _case(request, case_id, purpose="note")
    form = NoteForm(request.POST)
    if form.is_valid():
        try:
            services.case_add_note(case=case, note=form.cleaned_data["note"], actor=request.user)
        except services.CaseError as exc:
            messages.error(request, _message(exc))
        else:
            messages.success(request, "Note added.")
    else:
        messages.error(request, "Write the note first.")
    return redirect("cases:detail", case_id=case.pk)


@login_required
@require_POST
def link_child(request: HttpRequest, case_id: int) -> HttpResponse:
    case = _case(request, case_id, purpose="link_child")
    form = LinkChildForm(request.POST, pupils=_pupils(case))
    if form.is_valid():
        person = Person.objects.get(pk=form.cleaned_data["person"])
        try:
            services.case_link_child(case=case, person=person, actor=request.user)
        except services.CaseError as exc:
            messages.error(request, _message(exc))
        else:
            messages.success(request, "The child's record is linked.")
    else:
        messages.error(request, "Choose the child's record.")
    return redirect("cases:detail", case_id=case.pk)


@login_required
@require_POST
def hold(request: HttpRequest, case_id: int) -> HttpResponse:
    case = _case(request, case_id, purpose="hold")
    form = HoldForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Give the reason.")
        return redirect("cases:detail", case_id=case.pk)
    try:
        if request.POST.get("action") == "lift":
            services.legal_hold_lift(case=case, reason=form.cleaned_data["reason"], actor=request.user)
            messages.success(request, "The legal hold was lifted.")
        else:
            services.legal_hold_set(case=case, reason=form.cleaned_data["reason"], actor=request.user)
            messages.success(request, "A legal hold is set: the case will not be deleted while it lasts.")
    except services.CaseError as exc:
        messages.error(request, _message(exc))
    return redirect("cases:detail", case_id=case.pk)


@login_required
@require_POST
def removal_draft(request: HttpRequest, case_id: int) -> HttpResponse:
    case = _case(request, case_id, purpose="removal_request")
    evidence = list(case.evidence.all())
    form = RemovalDraftForm(request.POST, evidence=evidence)
    if form.is_valid():
        data = form.cleaned_data
        chosen = next((e for e in evidence if e.pk == data.get("evidence")), None)
        try:
            req = services.removal_request_draft(
                case=case, actor=request.user, platform=data["platform"], url=data.get("url", ""), evidence=chosen
            )
        except services.CaseError as exc:
            messages.error(request, _message(exc))
        else:
            # No flash message here: the letter page says what to do next (see its "drafted" panel).
            return redirect(reverse("cases:removal_letter", args=[case.pk, req.pk]))
    else:
        messages.error(request, "Name the platform or website.")
    return redirect("cases:detail", case_id=case.pk)


def _removal(case: Case, request_id: int) -> RemovalRequest:
    req = case.removal_requests.filter(pk=request_id).first()
    if req is None:
        raise Http404("No such removal request")
    return req


@login_required
def removal_letter(request: HttpRequest, case_id: int, request_id: int) -> HttpResponse:
    case = _case(request, case_id, purpose="removal_letter")
    req = _removal(case, request_id)
    form = RemovalUpdateForm(request_obj=req) if req.allowed_next() and services.may_act(request.user, case) else None
    return render(request, "cases/removal_letter.html", {"case": case, "req": req, "form": form})


@login_required
def removal_letter_pdf(request: HttpRequest, case_id: int, request_id: int) -> HttpResponse:
    from safesocial.audit.services import record

    from .letters import render_letter_pdf

    case = _case(request, case_id, purpose="removal_letter_pdf")
    req = _removal(case, request_id)
    record(action="case.letter_downloaded", actor=request.user, school=case.school, subject=req, data={"case": case.pk})
    response = HttpResponse(render_letter_pdf(req), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{case.ref}-removal-request-{req.pk}.pdf"'
    return response


@login_required
@require_POST
def removal_update(request: HttpRequest, case_id: int, request_id: int) -> HttpResponse:
    case = _case(request, case_id, purpose="removal_request")
    req = _removal(case, request_id)
    form = RemovalUpdateForm(request.POST, request_obj=req)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.removal_request_transition(
                request=req,
                to_status=data["to_status"],
                actor=request.user,
                note=data["note"],
                reference=data["reference"],
                expected_status=data["expected_status"],
            )
        except services.CaseError as exc:
            messages.error(request, _message(exc))
        else:
            messages.success(request, f"Removal request: {RemovalRequest.Status(data['to_status']).label}.")
    else:
        messages.error(request, "Choose the new status.")
    return redirect("cases:detail", case_id=case.pk)


@login_required
@require_POST
def export(request: HttpRequest, case_id: int) -> HttpResponse:
    from .export import build_export

    case = _case(request, case_id, purpose="export")
    try:
        data, manifest_sha256 = build_export(case=case, actor=request.user)
    except services.CaseError as exc:
        messages.error(request, _message(exc))
        return redirect("cases:detail", case_id=case.pk)
    response = HttpResponse(data, content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="{case.ref}-export.zip"'
    response["X-Manifest-SHA256"] = manifest_sha256
    response["Cache-Control"] = "no-store"
    return response


# ---------------------------------------------------------------- reports for leaders


@login_required
def reports(request: HttpRequest) -> HttpResponse:
    stats = selectors.case_statistics(user=request.user)
    selectors.record_statistics_viewed(user=request.user, stats=stats)
    return render(request, "cases/reports.html", {"stats": stats})
