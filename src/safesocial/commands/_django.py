"""Set Django up for commands that use the database."""

from __future__ import annotations

import os


def setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "safesocial.config.settings")
    import django

    django.setup()
