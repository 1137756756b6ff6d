"""The registered audit action names. Recording an unregistered action is a programming error."""

from __future__ import annotations

ACTIONS: dict[str, str] = {
    # people and accounts
    "people.imported": "A school directory was imported",
    "accounts.role_granted": "A role was granted",
    "accounts.role_revoked": "A role was revoked",
    # policies
    "policy.adopted": "A pack was adopted as a draft policy version",
    "policy.published": "A policy version was published",
    "policy.superseded": "A policy version was superseded by a newer one",
    "policy.acknowledged": "A person acknowledged a policy version",
    "policy.reviewed": "A policy review was recorded",
    "policy.reminders_sent": "Acknowledgement or review reminders were sent",
    # checker
    "checker.reported": "A checked post was reported",
    # connections
    "connections.audited": "A connection audit was run",
    "connections.match_removed": "A member of staff said they removed a flagged connection",
    "connections.declared": "A relationship was declared",
    "connections.declaration_decided": "The headteacher acknowledged or declined a declaration",
    # sites
    "site.created": "A site request was drafted",
    "site.transitioned": "A site request or site changed state",
    "site.moderation_received": "A post arrived for moderation",
    "site.moderation_decided": "A moderator decided a post",
    "site.request_decided": "A media enquiry or external friend request was decided",
    "site.evaluated": "A closed site was evaluated",
    "site.updated": "A draft site request was edited",
    "site.members_changed": "A site's administrators or moderators changed",
    "site.token_generated": "A site's moderation API token was generated",
    "site.content_viewed": "Hidden content of a moderation item was viewed",
    "site.content_refused": "Access to hidden content of a moderation item was refused",
    "site.request_created": "A media enquiry or external friend request was raised",
    "site.reminders_sent": "Site closure or moderation cover reminders were sent",
    # cases
    "case.opened": "A case was opened",
    "case.transitioned": "A case changed state",
    "case.step_recorded": "A required step was recorded on a case",
    "case.viewed": "A case was viewed",
    "evidence.attached": "Evidence was attached",
    "evidence.downloaded": "Evidence was downloaded",
    "case.exported": "A case was exported",
    "retention.hold_set": "A legal hold was set or lifted",
    "retention.deleted": "Records were deleted by an approved retention run",
    "case.access_refused": "Someone tried to open a case or its evidence without the right to",
    "case.alert_sent": "An immediate alert about a case was sent to its handlers",
    "case.note_added": "A note was added to a case",
    "case.child_linked": "A safeguarding case was linked to the child's directory record",
    "case.removal_request": "A removal request to a platform was drafted or changed state",
    "case.letter_downloaded": "A removal request letter was downloaded",
    "case.reminder_sent": "A reminder about an overdue case step was sent",
    "case.reports_viewed": "Aggregate case reports were viewed",
    "retention.run_proposed": "A retention run listed the records due for deletion",
    "retention.run_approved": "A retention run was approved and carried out",
    # monitoring
    "monitoring.ingested": "Proxy or filter logs were ingested",
    "monitoring.report_viewed": "A monitoring report was viewed",
    "monitoring.individual_viewed": "Individual monitoring detail was viewed",
    "monitoring.configured": "Monitoring configuration was changed",
    # audit
    "audit.verified": "The audit chain was verified",
}
