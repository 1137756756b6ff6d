"""Template context: the navigation a signed-in person sees, by their roles."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse

from .permissions import schools_for

# (label, url name, permission needed at some school or None for everyone signed in)
NAV: list[tuple[str, str, str | None]] = [
    ("Home", "home", None),
    ("Check before you post", "checker:check", None),
    ("Policies", "policies:list", None),
    ("Acknowledgements", "policies:dashboard", "policies.view_acknowledgements"),
    ("My connections", "connections:upload", None),
    ("Declarations", "connections:queue", "connections.acknowledge_declaration"),
    ("Connection checks", "connections:completion", "connections.view_completion"),
    ("School sites", "sites:register", None),
    ("Report a concern", "cases:report", None),
    ("Cases", "cases:list", None),
    ("Monitoring", "monitoring:reports", "monitoring.view_report"),
    ("Import people", "people:import", "people.import"),
]


def navigation(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    items = []
    for label, name, perm in NAV:
        try:
            url = reverse(name)
        except NoReverseMatch:
            continue  # that part of the app is not installed in this build
        if perm is not None and not (user.is_superuser or schools_for(user, perm)):
            continue
        items.append({"label": label, "url": url, "current": request.path == url})
    return {"nav_items": items}
