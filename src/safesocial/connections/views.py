"""Connection audit pages: upload, my result, declare, the headteacher's queue, leaders' completion."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_POST

from safesocial.accounts.permissions import schools_for
from safesocial.engine.matching.exports import PLATFORM_TITLES
from safesocial.engine.matching.relationships import RELATIONSHIP_LABELS

from . import selectors, services
from .forms import DecisionForm, DeclarationForm, UploadForm
from .mapping import audit_role, quoted_clauses
from .models import AuditMatch, ConnectionAudit, Declaration, Verdict
from .uploads import ExportSizeLimitHandler

# How to download each platform's export, for the upload page.
GUIDANCE: list[dict[str, Any]] = [
    {
        "id": "facebook",
        "title": "Facebook",
        "steps": [
            "Open Settings and privacy, then Settings, then Accounts Centre, then Your information and permissions.",
            "Choose Download your information, then Download or transfer information, and your Facebook account.",
            "Choose Specific types of information and tick Friends and followers only.",
            "Choose Download to device, Date range All time, Format JSON, then Create files.",
            "When Facebook e-mails you, download the ZIP and upload it here unopened.",
        ],
    },
    {
        "id": "instagram",
        "title": "Instagram",
        "steps": [
            "Open your profile, then the menu, then Accounts Centre, then Your information and permissions.",
            "Choose Download your information, then your Instagram account, then Some of your information.",
            "Tick Followers and following only.",
            "Choose All time as the date range (otherwise older followers are left out) and JSON as the format.",
            "When Instagram e-mails you, download the ZIP and upload it here unopened.",
        ],
    },
    {
        "id": "x",
        "title": "X (Twitter)",
        "steps": [
            "Open More, then Settings and privacy, then Your account, then Download an archive of your data.",
            "When the archive is ready, download the ZIP and upload it here.",
        ],
        "warning": "X archives list your followers and the accounts you follow by number only, not by name, so "
        "they cannot be matched to people at school. The audit will read the file and tell you this.",
    },
    {
        "id": "linkedin",
        "title": "LinkedIn",
        "steps": [
            "Open Me, then Settings and privacy, then Data privacy, then Get a copy of your data.",
            "Choose Connections only and request the archive.",
            "Download the ZIP (or the Connections.csv file in it) and upload it here.",
        ],
    },
    {
        "id": "tiktok",
        "title": "TikTok",
        "steps": [
            "Open Profile, then the menu, then Settings and privacy, then Account, then Download your data.",
            "Choose JSON as the file format and request the data.",
            "When it is ready, download the ZIP and upload it here.",
        ],
    },
    {
        "id": "snapchat",
        "title": "Snapchat",
        "steps": [
            "Open Settings, then My Data.",
            "Tick Friends, choose JSON, and submit the request.",
            "When Snapchat e-mails you, download the ZIP and upload it here.",
        ],
    },
]

ACTIONS_TEXT = {
    "current_pupil": "Remove this connection. If it is part of your duties and properly authorised, declare it.",
    "parent_on_roll": "Remove this connection, or declare the relationship (family, or a friendship from outside "
    "school) for your headteacher to acknowledge.",
}


def _audited_schools(request: HttpRequest) -> list[Any]:
    return [s for s in schools_for(request.user) if audit_role(user=request.user, school=s) is not None]


def _links(request: HttpRequest) -> dict[str, bool]:
    return {
        "can_decide": bool(selectors.decision_schools(user=request.user)),
        "can_view_completion": bool(schools_for(request.user, "connections.view_completion")),
    }


@csrf_exempt
def upload(request: HttpRequest) -> HttpResponse:
    """The size limit handler must be in place before anything reads the request body (CSRF included)."""
    handler = None
    if request.method == "POST":
        handler = ExportSizeLimitHandler(request, limit=services.max_export_bytes())
        request.upload_handlers.insert(0, handler)
    return _upload(request, handler)


@login_required
@csrf_protect
def _upload(request: HttpRequest, handler: ExportSizeLimitHandler | None) -> HttpResponse:
    schools = _audited_schools(request)
    form = UploadForm(request.POST or None, request.FILES or None, schools=schools) if schools else None
    problem: services.ConnectionAuditError | None = None
    status = 200
    if request.method == "POST" and form is not None:
        if handler is not None and handler.too_large:
            problem = services.too_large_error()
        elif form.is_valid():
            try:
                run = services.connection_audit_run(
                    user=request.user,
                    school=form.school(),
                    uploaded_file=form.cleaned_data["export"],
                    platform=form.cleaned_data["platform"],
                )
            except services.ConnectionAuditError as exc:
                problem = exc
            else:
                return redirect("connections:result", audit_id=run.pk)
        if problem is not None or not form.is_valid():
            status = 400
    if problem is not None:
        form = UploadForm(schools=schools)
    ctx = {
        "form": form,
        "problem": problem,
        "guidance": GUIDANCE,
        "audits": selectors.audits_of(user=request.user)[:10] if schools else [],
        "declarations": selectors.declarations_of(user=request.user)[:20] if schools else [],
        "limit": services.limit_text(),
        **_links(request),
    }
    return render(request, "connections/upload.html", ctx, status=status)


def _match_rows(run: ConnectionAudit) -> list[dict[str, Any]]:
    declared = {
        (d.person_id): d
        for d in Declaration.objects.filter(user=run.user, school=run.school).order_by("declared_at", "id")
    }
    rows = []
    for m in run.matches.select_related("person").all():
        rows.append(
            {
                "match": m,
                "relationship": RELATIONSHIP_LABELS.get(m.relationship, m.relationship or "not sure who this is"),
                "clauses": quoted_clauses(run.policy_version, m.clauses),
                "declaration": declared.get(m.person_id) if m.person_id else None,
                "todo": ACTIONS_TEXT.get(m.relationship, ""),
            }
        )
    return rows


@login_required
def result(request: HttpRequest, audit_id: int) -> HttpResponse:
    try:
        run = selectors.access_audit(user=request.user, audit_id=audit_id)
    except ConnectionAudit.DoesNotExist:
        raise Http404("No such audit") from None
    rows = _match_rows(run)
    groups = [
        (
            "breach",
            "Breaches of the policy",
            "These connections break the policy. Remove each one, or, if the "
            "relationship is one the policy allows, declare it for your headteacher to acknowledge.",
            [r for r in rows if r["match"].verdict == Verdict.BREACH],
        ),
        (
            "advise",
            "Advice",
            "The policy advises against these connections. Think about removing them, or declare the relationship.",
            [r for r in rows if r["match"].verdict == Verdict.ADVISE],
        ),
        (
            "ok",
            "No concern",
            "These connections are people at school, but the policy does not stop them.",
            [r for r in rows if r["match"].verdict == Verdict.OK],
        ),
    ]
    return render(
        request,
        "connections/result.html",
        {
            "audit": run,
            "groups": groups,
            "platform_title": PLATFORM_TITLES.get(run.platform, run.platform),
            "matched": len(rows),
            "open_breaches": sum(
                1 for r in rows if r["match"].verdict == Verdict.BREACH and r["match"].status == AuditMatch.Status.OPEN
            ),
        },
    )


def _match(request: HttpRequest, match_id: int) -> AuditMatch:
    try:
        return selectors.access_match(user=request.user, match_id=match_id)
    except AuditMatch.DoesNotExist:
        raise Http404("No such match") from None


@login_required
@require_POST
def mark_removed(request: HttpRequest, match_id: int) -> HttpResponse:
    match = _match(request, match_id)
    services.match_mark_removed(match=match, actor=request.user)
    messages.success(request, f"Thank you. {match.shown} is marked as removed.")
    return redirect(f"{_result_url(match)}#match-{match.pk}")


def _result_url(match: AuditMatch) -> str:
    from django.urls import reverse

    return reverse("connections:result", kwargs={"audit_id": match.audit_id})


@login_required
def declare(request: HttpRequest, match_id: int) -> HttpResponse:
    match = _match(request, match_id)
    if match.person is None:
        raise Http404("This name matched more than one person; it cannot be declared")
    form = DeclarationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.declaration_create(match=match, actor=request.user, **form.cleaned_data)
        except services.DeclarationError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, f"Your declaration about {match.person} has been sent to your headteacher.")
            return redirect(f"{_result_url(match)}#match-{match.pk}")
    return render(
        request,
        "connections/declare.html",
        {
            "match": match,
            "form": form,
            "clauses": quoted_clauses(match.audit.policy_version, match.clauses),
            "relationship": RELATIONSHIP_LABELS.get(match.relationship, match.relationship),
        },
        status=400 if form.errors else 200,
    )


@login_required
def queue(request: HttpRequest) -> HttpResponse:
    if not selectors.decision_schools(user=request.user):
        raise PermissionDenied("Only a headteacher decides declarations.")
    waiting = list(selectors.declaration_queue(user=request.user))
    own = selectors.declarations_of(user=request.user).filter(status=Declaration.Status.DECLARED)
    return render(
        request,
        "connections/queue.html",
        {
            "waiting": waiting,
            "decided": selectors.recent_decisions(user=request.user),
            "own_waiting": own.count(),
            "form": DecisionForm(),
        },
    )


@login_required
@require_POST
def decide(request: HttpRequest, declaration_id: int) -> HttpResponse:
    try:
        declaration = selectors.access_declaration_to_decide(user=request.user, declaration_id=declaration_id)
    except Declaration.DoesNotExist:
        raise Http404("No such declaration waiting for you") from None
    form = DecisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Choose to acknowledge or decline the declaration.")
        return redirect("connections:queue")
    try:
        services.declaration_transition(
            declaration=declaration,
            to=form.cleaned_data["decision"],
            note=form.cleaned_data["note"],
            actor=request.user,
        )
    except services.DeclarationError as exc:
        messages.error(request, str(exc))
    else:
        verb = "acknowledged" if form.cleaned_data["decision"] == Declaration.Status.ACKNOWLEDGED else "declined"
        messages.success(request, f"You {verb} the declaration by {declaration.user} about {declaration.person}.")
    return redirect("connections:queue")


@login_required
def completion(request: HttpRequest) -> HttpResponse:
    if not schools_for(request.user, "connections.view_completion"):
        raise PermissionDenied("Only leaders can see audit completion.")
    rows = selectors.completion(user=request.user)
    return render(request, "connections/completion.html", {"rows": rows})
