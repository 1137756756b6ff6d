"""`safesocial manage send_reminders`: acknowledgement and review reminders (run daily from cron)."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from safesocial.policies.services import send_reminders


class Command(BaseCommand):
    help = "E-mail people who have not acknowledged the policy in force, and reviewers when a review is due."

    def handle(self, *args: object, **options: object) -> None:
        counts = send_reminders()
        self.stdout.write(
            f"sent {counts['acknowledge']} acknowledgement, {counts['review_due']} review-due and "
            f"{counts['review_overdue']} review-overdue reminder(s)"
        )
