"""The moderation API: a registered site's host sends each post or comment here before publishing it.

    POST /sites/api/v1/sites/<site_id>/items        Authorization: Bearer <token>   JSON in, JSON out
    GET  /sites/api/v1/sites/<site_id>/items/<id>   the item's moderation status

The token is generated on the site's page (shown once; only its SHA-256 is stored). See docs/sites.md.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from django.http import HttpRequest, JsonResponse
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from . import services
from .models import ModerationItem, Site

MAX_BODY = 64 * 1024


def _error(status: int, code: str, message: str, **extra: Any) -> JsonResponse:
    response = JsonResponse({"error": code, "message": message, **extra}, status=status)
    if status == 401:
        response["WWW-Authenticate"] = 'Bearer realm="safesocial-sites"'
    return response


def _authenticate(request: HttpRequest, site_id: int) -> Site | None:
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return None
    return services.site_for_token(site_id=site_id, token=token.strip())


def item_json(item: ModerationItem) -> dict[str, Any]:
    """An item's state for the host. Never the text: the host has it, and hidden items must stay hidden."""
    return {
        "id": item.pk,
        "site": item.site_id,
        "external_id": item.external_id or None,
        "status": item.status,
        "publish": item.status == ModerationItem.Status.APPROVED,
        "verdict": item.verdict or None,
        "categories": list(item.categories),
        "urgent": item.urgent,
        "received_at": item.received_at.isoformat(),
        "decided_at": item.decided_at.isoformat() if item.decided_at else None,
        "rule_broken": item.rule_broken or None,
    }


@csrf_exempt
@require_http_methods(["POST"])
def items(request: HttpRequest, site_id: int) -> JsonResponse:
    site = _authenticate(request, site_id)
    if site is None:
        return _error(401, "unauthorised", "Send the site's moderation token as 'Authorization: Bearer <token>'.")
    if request.content_type != "application/json":
        return _error(415, "unsupported_media_type", "Send JSON with Content-Type: application/json.")
    if len(request.body) > MAX_BODY:
        return _error(413, "too_large", f"The body must be at most {MAX_BODY} bytes.")
    try:
        body = json.loads(request.body)
    except (ValueError, UnicodeDecodeError):
        return _error(400, "invalid_json", "The body is not valid JSON.")
    if not isinstance(body, dict):
        return _error(400, "invalid", "The body must be a JSON object.")
    allowed = {"text", "kind", "author_role", "author_name", "external_id", "posted_at"}
    unknown = sorted(set(body) - allowed)
    if unknown:
        return _error(400, "invalid", f"Unknown field(s): {', '.join(unknown)}.", fields=unknown)
    for name in allowed - {"posted_at"}:
        if name in body and not isinstance(body[name], str):
            return _error(400, "invalid", f"{name} must be a string.", field=name)
    missing = [name for name in ("text", "kind", "author_role") if not str(body.get(name, "")).strip()]
    if missing:
        return _error(400, "invalid", f"Missing field(s): {', '.join(missing)}.", fields=missing)
    posted_at = None
    if body.get("posted_at") is not None:
        try:
            posted_at = datetime.fromisoformat(str(body["posted_at"]))
        except ValueError:
            return _error(400, "invalid", "posted_at must be an ISO 8601 date-time.", field="posted_at")
        if timezone.is_naive(posted_at):
            return _error(
                400, "invalid", "posted_at must include a time zone, e.g. 2026-03-01T10:00:00Z.", field="posted_at"
            )
    try:
        item = services.moderation_receive(
            site=site,
            text=body["text"],
            kind=body["kind"],
            author_role=body["author_role"],
            author_name=body.get("author_name", ""),
            external_id=body.get("external_id", ""),
            posted_at=posted_at,
            source=ModerationItem.Source.API,
        )
    except services.DuplicateItem as exc:
        return _error(409, "duplicate", exc.messages[0], item=item_json(exc.item))
    except services.SiteError as exc:
        code = "site_not_live" if site.status != Site.Status.LIVE else "invalid"
        return _error(409 if code == "site_not_live" else 400, code, exc.messages[0])
    return JsonResponse(item_json(item), status=201)


@csrf_exempt
@require_http_methods(["GET"])
def item(request: HttpRequest, site_id: int, item_id: int) -> JsonResponse:
    site = _authenticate(request, site_id)
    if site is None:
        return _error(401, "unauthorised", "Send the site's moderation token as 'Authorization: Bearer <token>'.")
    obj = ModerationItem.objects.filter(site=site, pk=item_id).first()
    if obj is None:
        return _error(404, "not_found", f"No item {item_id} on this site.")
    return JsonResponse(item_json(obj))
