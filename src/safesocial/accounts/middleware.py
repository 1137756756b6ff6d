"""Middleware of the accounts app."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse


class AcknowledgementMiddleware:
    """Send a signed-in person who has a policy version to acknowledge to the acknowledgement page.

    New joiners are asked on their first login, and everyone again when a new version is published.
    Only page loads (GET) of ordinary pages are redirected; the acknowledgement, policy and logout
    pages, static files and the API are always reachable.
    """

    EXEMPT_PREFIXES = ("/accounts/", "/policies/", "/static/", "/api/", "/check/api/", "/sites/api/", "/admin/", "/favicon")

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and request.method == "GET"
            and not request.path.startswith(self.EXEMPT_PREFIXES)
        ):
            from safesocial.policies.selectors import pending_acknowledgement_for

            pending = pending_acknowledgement_for(user=user)
            if pending is not None:
                from django.shortcuts import redirect

                return redirect("policies:acknowledge", version_id=pending.pk)
        return self.get_response(request)
