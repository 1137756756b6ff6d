"""E-mails about cases. They never carry case details: only that there is something to look at.

Queued with ``transaction.on_commit`` by the services and run by the tasks backend (in-process by
default; database workers at scale).
"""

from __future__ import annotations

from django.core.mail import send_mass_mail
from django_tasks import task


@task()
def notify_case(case_id: int, event: str) -> int:
    """Tell the people who need to know that a case needs them. Returns how many were e-mailed."""
    from .models import Case
    from .selectors import handlers_for

    case = Case.objects.select_related("school").filter(pk=case_id).first()
    if case is None:
        return 0
    messages = []
    if event in ("opened", "alert"):
        urgent = "URGENT: " if case.route.get("alert_immediately") else ""
        subject = f"{urgent}New {case.get_case_type_display().lower()} at {case.school.name}: {case.ref}"
        body = (
            f"A new report ({case.ref}) has been made at {case.school.name} and you are named to handle it.\n\n"
            "Sign in to SafeSocial to see it. For confidentiality this e-mail holds no details.\n"
        )
        for user in handlers_for(case):
            if user.email:
                messages.append((subject, body, None, [user.email]))
    elif event == "updated" and case.reporter_id and case.reporter and case.reporter.email:
        messages.append(
            (
                f"Your report {case.ref} has been updated",
                f"There is news about the report you made ({case.ref}) at {case.school.name}. "
                "Sign in to SafeSocial and open My reports to see what happens next.\n",
                None,
                [case.reporter.email],
            )
        )
    if messages:
        send_mass_mail(messages, fail_silently=False)
    return len(messages)


def send_step_reminders(messages: list[tuple[str, str, None, list[str]]]) -> None:
    if messages:
        send_mass_mail(messages, fail_silently=False)
