"""The checker's HTTP API for integrations: ``POST /check/api/v1/judge`` and its OpenAPI document.

Two ways to authenticate:
- ``Authorization: Bearer ssk_...`` with a per-user API token (no CSRF token needed, the request
  carries no cookies' authority); the token names the school. Counted against a per-token rate limit.
- The browser session (same origin), which needs the CSRF token like any other POST.

Every error is JSON: ``{"error": {"code": "...", "message": "...", "where": ...}}``. Bad input has the
checker's E3xx codes (as the CLI gives them); A4xx are the API's own (authentication, limits). The text is judged and
forgotten: it is not stored or logged.
"""

from __future__ import annotations

import json
from typing import Any

from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.middleware.csrf import CsrfViewMiddleware
from django.utils.cache import add_never_cache_headers
from django.views.decorators.csrf import csrf_exempt

from safesocial.engine.errors import InputError

from . import judging, services
from .openapi import document

MAX_BODY_BYTES = 256 * 1024  # generous for 20,000 characters of JSON-escaped text


def _json(data: dict[str, Any], status: int = 200, **headers: str) -> JsonResponse:
    response = JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False})
    add_never_cache_headers(response)
    response["Cache-Control"] = "no-store, private, max-age=0"
    for name, value in headers.items():
        response[name.replace("_", "-")] = value
    return response


def error(status: int, code: str, message: str, *, where: str | None = None, **headers: str) -> JsonResponse:
    body: dict[str, Any] = {"code": code, "message": message}
    if where:
        body["where"] = where
    return _json({"error": body}, status=status, **headers)


def _csrf_refusal(request: HttpRequest) -> bool:
    """Run Django's CSRF check on a session-authenticated request (the view itself is csrf_exempt)."""
    check = CsrfViewMiddleware(lambda req: HttpResponse())
    check.process_request(request)
    return check.process_view(request, None, (), {}) is not None


def _read_body(request: HttpRequest) -> bytes | None:
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        length = 0
    if length > MAX_BODY_BYTES:
        return None
    try:
        body = request.body
    except RequestDataTooBig:
        return None
    return body if len(body) <= MAX_BODY_BYTES else None


@csrf_exempt
def judge(request: HttpRequest) -> HttpResponse:
    if request.method != "POST":
        return error(405, "A405", "Use POST with a JSON body.", Allow="POST")
    body = _read_body(request)
    if body is None:
        return error(413, "A413", f"The request body is larger than {MAX_BODY_BYTES:,} bytes.")

    token = None
    authorization = request.META.get("HTTP_AUTHORIZATION", "")
    if authorization:
        scheme, _, raw = authorization.partition(" ")
        if scheme.lower() != "bearer" or not raw.strip():
            return error(
                401,
                "A401",
                "Send the API token as 'Authorization: Bearer <token>'.",
                WWW_Authenticate='Bearer realm="safesocial"',
            )
        checked = services.token_authenticate(raw.strip())
        if checked.token is None:
            return error(
                401, checked.code, checked.message, WWW_Authenticate='Bearer realm="safesocial", error="invalid_token"'
            )
        token = checked.token
        wait = services.token_count_use(token)
        if wait is not None:
            return error(
                429, "A429", f"Too many requests for this token; try again in {wait} seconds.", Retry_After=str(wait)
            )
        user = token.user
    elif request.user.is_authenticated:
        if _csrf_refusal(request):
            return error(403, "A403", "CSRF check failed: send the X-CSRFToken header, or use an API token.")
        user = request.user
    else:
        return error(
            401,
            "A401",
            "Sign in, or send an API token as 'Authorization: Bearer <token>'.",
            WWW_Authenticate='Bearer realm="safesocial"',
        )

    # Malformed bodies get the same codes as `safesocial check --input` gives a bad JSONL line.
    try:
        data = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        return error(400, "E300", "The body must be a JSON object in UTF-8.")
    if not isinstance(data, dict):
        return error(400, "E300", "The body must be a JSON object.")
    if not isinstance(data.get("text"), str):
        return error(400, "E301", "Missing or non-text field 'text'.", where="text")
    for name in ("role", "channel", "kind", "recipient_role"):
        if data.get(name) is not None and not isinstance(data[name], str):
            return error(400, "E303", f"Field {name!r} must be text.", where=name)
    if data.get("school") is not None and not isinstance(data["school"], str):
        return error(400, "E300", "Field 'school' must be text (the school's slug).", where="school")
    item_id = data.get("id")
    if item_id is not None and (
        not isinstance(item_id, str | int) or isinstance(item_id, bool) or len(str(item_id)) > 200
    ):
        return error(400, "E300", "Field 'id' must be text or an integer (up to 200 characters).", where="id")

    schools = judging.schools_to_check(user)
    if token is not None:
        school = token.school
        if data.get("school") and data["school"] != school.slug:
            return error(403, "A403", f"This token is for {school.name} only.", where="school")
        if all(s.pk != school.pk for s in schools):
            return error(403, "A403", f"The token's owner no longer has a role at {school.name}.")
    else:
        wanted = data.get("school")
        matches = [s for s in schools if s.slug == wanted] if wanted else schools
        if not matches:
            return error(
                403,
                "A403",
                "You have no role at that school." if wanted else "You have no role at any school.",
                where="school" if wanted else None,
            )
        if len(matches) > 1:
            return error(
                400, "E300", 'You belong to several schools: say which with "school" (its slug).', where="school"
            )
        school = matches[0]

    try:
        outcome = judging.judge_text(
            user=user,
            school=school,
            text=data["text"],
            kind=data.get("kind") or "post",
            channel=data.get("channel") or "personal",
            role=data.get("role") or None,
            recipient_role=data.get("recipient_role") or None,
        )
    except judging.CheckRefused as exc:
        return error(exc.status, exc.code, exc.message)
    except InputError as exc:
        return error(400, exc.code, exc.message, where=exc.where)
    return _json(judging.judgement_json(outcome, item_id=None if item_id is None else str(item_id)))


def openapi(request: HttpRequest) -> HttpResponse:
    if request.method not in ("GET", "HEAD"):
        return error(405, "A405", "Use GET.", Allow="GET, HEAD")
    return JsonResponse(document(), json_dumps_params={"ensure_ascii": False, "indent": 2})
