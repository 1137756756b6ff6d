"""Pages of the checker: "Check before you post" and the API token page.

The check page takes the text in a POST, judges it and renders the result in the same response.
Nothing typed is saved, logged or put in a URL; the response is marked no-store so browsers and
proxies keep no copy.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_http_methods, require_POST

from safesocial.engine.errors import InputError

from . import judging, services
from .forms import CheckForm, TokenForm
from .models import ApiToken
from .presenting import present


def _no_store(response: HttpResponse) -> HttpResponse:
    add_never_cache_headers(response)
    response["Cache-Control"] = "no-store, private, max-age=0"
    return response


def _report_url(result: dict[str, Any]) -> str | None:
    """The cases app's "Report a concern" page, if it is installed, opened at the matching kind of report.

    Only the kind goes in the URL: never the text, which would end up in server and browser logs.
    """
    try:
        base = reverse("cases:report")
    except NoReverseMatch:
        return None
    categories = {f["category"] for f in result["findings"]}
    kind = "child" if result["verdict"] == "escalate" or "safeguarding_concern" in categories else "breach"
    return f"{base}?{urlencode({'kind': kind})}"


@login_required
@require_http_methods(["GET", "POST"])
def check(request: HttpRequest) -> HttpResponse:
    schools = judging.schools_to_check(request.user)
    roles = sorted(
        {r for s in schools for r in judging.checker_roles(request.user, s)}, key=judging.CHECKER_ROLE_ORDER.index
    )
    form = CheckForm(request.POST if request.method == "POST" else None, schools=schools, roles=roles)
    ctx: dict[str, Any] = {"form": form, "schools": schools, "result": None}
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        school = next(s for s in schools if s.slug == data["school"])
        try:
            outcome = judging.judge_text(
                user=request.user,
                school=school,
                text=data["text"],
                kind=data["kind"],
                channel=data["channel"],
                role=data.get("role") or None,
                recipient_role=data.get("recipient_role") or None,
            )
        except judging.CheckRefused as exc:
            form.add_error(None, exc.message)
        except InputError as exc:
            form.add_error("text", f"{exc.message} ({exc.code})")
        else:
            result = present(outcome, data["text"])
            result["report_url"] = _report_url(result)
            result["role_label"] = judging.ROLE_LABELS.get(outcome.role, outcome.role)
            ctx["result"] = result
    elif not schools:
        ctx["no_school"] = True
    return _no_store(render(request, "checker/check.html", ctx))


@login_required
@require_http_methods(["GET", "POST"])
def tokens(request: HttpRequest) -> HttpResponse:
    schools = judging.schools_to_check(request.user)
    form = TokenForm(request.POST if request.method == "POST" else None, schools=schools)
    created: tuple[ApiToken, str] | None = None
    if request.method == "POST" and form.is_valid():
        school = next(s for s in schools if s.slug == form.cleaned_data["school"])
        created = services.token_create(
            user=request.user, school=school, name=form.cleaned_data["name"], actor=request.user
        )
        form = TokenForm(schools=schools)
    rows = ApiToken.objects.filter(user=request.user).select_related("school")
    ctx = {
        "form": form,
        "tokens": rows,
        "schools": schools,
        "created": created,
        "created_token": created[0] if created else None,
        "raw_token": created[1] if created else "",
        "rate_limit": services.rate_limit(),
    }
    return _no_store(render(request, "checker/tokens.html", ctx))


@login_required
@require_POST
def token_revoke(request: HttpRequest, token_id: int) -> HttpResponse:
    token = get_object_or_404(ApiToken, pk=token_id, user=request.user)
    services.token_revoke(token=token, actor=request.user)
    messages.success(request, f"The token “{token.name}” is revoked. Anything using it will stop working.")
    return redirect("checker:tokens")
